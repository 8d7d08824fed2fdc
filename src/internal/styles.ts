import { CSSResult, type CSSResultGroup } from 'lit';

/**
 * Parses an element's styles into constructable stylesheets ahead of its first render (Lit keeps
 * the sheet on each `css` result), so that parsing and rendering a big element are two tasks.
 */
export function prepareStyles(styles: CSSResultGroup | undefined): void {
  if (Array.isArray(styles)) for (const style of styles) prepareStyles(style as CSSResultGroup);
  else if (styles instanceof CSSResult) void styles.styleSheet;
}
