// Tiny on purpose: the <vitrine-show> facade imports it, and so does the loaded widget, so both
// lay out into the very same classes (the facade reserves the final box; see show.styles.ts).
import { warn } from '../../internal/warn.js';
import { hasProducts } from '../products/layout.js';

/** How a <vitrine-show> arranges video, products and chat. */
export type ShowLayout = 'inline' | 'vertical';
export const SHOW_LAYOUTS: readonly ShowLayout[] = ['inline', 'vertical'];

/** The `layout` attribute, or `inline` (with one warning) when it is not one of SHOW_LAYOUTS. */
export function showLayout(element: Element): ShowLayout {
  const value = element.getAttribute('layout');
  if (value === null || value === '') return 'inline';
  if ((SHOW_LAYOUTS as readonly string[]).includes(value)) return value as ShowLayout;
  warn(element, `attribute "layout" must be one of ${SHOW_LAYOUTS.join(', ')}; got "${value}". Using "inline".`);
  return 'inline';
}

/** True when the widget has a live chat: `live-server` and `show` are both set. */
export function hasChat(element: Element): boolean {
  return Boolean(element.getAttribute('live-server')) && Boolean(element.getAttribute('show'));
}

/** What the widget holds, as the classes of its `.layout` box. */
export interface LayoutParts {
  readonly layout: ShowLayout;
  readonly products: boolean;
  readonly chat: boolean;
}

export function layoutParts(element: Element, productsData: unknown): LayoutParts {
  return { layout: showLayout(element), products: hasProducts(element, productsData), chat: hasChat(element) };
}

export function layoutClass(parts: LayoutParts): string {
  return `layout ${parts.layout}${parts.products ? ' with-products' : ''}${parts.chat ? ' with-chat' : ''}`;
}
