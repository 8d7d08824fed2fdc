/**
 * The reset every Vitrine shadow root starts from. A shop theme's global rules (`button {}`,
 * `div {}`) stop at the shadow boundary, but inherited properties (font, line height, letter
 * spacing, text transform...) cross it: `all: initial` drops what the host inherits, then we set
 * our own. Themes that restate typography on every element (`* { font-family: X !important;
 * letter-spacing: .1em }`) reach the host element itself and would beat a normal `:host` rule,
 * so the typography is `!important` here: for important declarations the shadow tree's own rule
 * wins over the page's. Change it through `--vitrine-font-family` / `--vitrine-font-size`.
 * Box properties stay normal, so `vitrine-show { width: ...; margin: ... }` keeps working, and
 * `direction` still follows the page (RTL shops).
 * Plain text, so the vanilla facade and the Lit elements share it.
 */
export const hostResetCss = `
:host {
  all: initial;
  display: block;
  box-sizing: border-box;
  color: var(--vitrine-text-color, #111);
  -webkit-tap-highlight-color: transparent;
  font: normal normal 400 normal var(--vitrine-font-size, 14px) / 1.4 var(--vitrine-font-family, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif) !important;
  font-feature-settings: normal !important;
  font-variation-settings: normal !important;
  letter-spacing: normal !important;
  word-spacing: normal !important;
  text-transform: none !important;
  text-indent: 0 !important;
  text-align: start !important;
  text-shadow: none !important;
  white-space: normal !important;
  word-break: normal !important;
  overflow-wrap: normal !important;
  hyphens: manual !important;
  -webkit-font-smoothing: antialiased !important;
}
:host([hidden]) { display: none; }
*, *::before, *::after { box-sizing: inherit; }
button { font: inherit; color: inherit; }
`;
