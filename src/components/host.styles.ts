/**
 * The reset every Vitrine shadow root starts from. A shop theme's global rules (`button {}`,
 * `div {}`) stop at the shadow boundary, but inherited properties (font, line height, letter
 * spacing, colour, text transform...) cross it: `all: initial` drops them, then we set our own.
 * Page rules that target the element itself (`vitrine-show { width: ... }`) still win.
 * Plain text, so the vanilla facade and the Lit elements share it.
 */
export const hostResetCss = `
:host {
  all: initial;
  display: block;
  box-sizing: border-box;
  font-family: var(--vitrine-font-family, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif);
  font-size: var(--vitrine-font-size, 14px);
  line-height: 1.4;
  color: var(--vitrine-text-color, #111);
  -webkit-font-smoothing: antialiased;
  -webkit-tap-highlight-color: transparent;
}
:host([hidden]) { display: none; }
*, *::before, *::after { box-sizing: inherit; }
button { font: inherit; color: inherit; }
`;
