import { safeHttpUrl } from '../internal/url.js';
import type { ProductDescription } from './product.js';

// Product descriptions for display. Merchant HTML (Shopify and WooCommerce send HTML) goes
// through the browser's own HTML Sanitizer API (`setHTML`), which always drops scripts, event
// handlers and `javascript:` URLs, whatever the configuration; browsers without it show the
// description's plain text. Nothing is downloaded for either path.

/** Formatting the shopper sees; anything else is dropped, or unwrapped to its text (below). */
const ELEMENTS = [
  'p', 'br', 'strong', 'b', 'em', 'i', 'u', 's', 'small', 'sub', 'sup', 'mark',
  'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'hr',
  'a', 'span', 'div', 'img', 'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td',
];
/** Containers merchants' editors wrap text in: kept as their text, without the element. */
const UNWRAP = [
  'h1', 'font', 'center', 'section', 'article', 'header', 'footer', 'main', 'aside', 'figure',
  'figcaption', 'label', 'abbr', 'cite', 'code', 'pre', 'q', 'del', 'ins', 'big', 'address',
];

const CONFIG: SanitizerConfig = {
  elements: ELEMENTS,
  replaceWithChildrenElements: UNWRAP,
  attributes: ['href', 'title', 'alt', 'src', 'width', 'height', 'colspan', 'rowspan'],
  comments: false,
  dataAttributes: false,
};

/** `Element.setHTML` where the browser has the HTML Sanitizer API (not yet in lib.dom). */
type SafeHtml = { setHTML?(html: string, options: { sanitizer: SanitizerConfig }): void };

/** Paragraphs of plain text as `<p>` elements (text nodes only). */
function textFragment(text: string): DocumentFragment {
  const fragment = document.createDocumentFragment();
  for (const paragraph of text.split(/\n{2,}/)) {
    if (!paragraph.trim()) continue;
    const p = document.createElement('p');
    paragraph.split('\n').forEach((line, index) => {
      if (index > 0) p.append(document.createElement('br'));
      p.append(line);
    });
    fragment.append(p);
  }
  return fragment;
}

/**
 * A description as DOM nodes that are safe to insert: plain text becomes paragraphs of text;
 * HTML goes through the browser's HTML Sanitizer API with a small allowlist of formatting tags,
 * no styles, no scripts or handlers, and only http(s) links and images (links open in a new
 * tab with `rel="noopener noreferrer"`, images load lazily). Where the browser has no Sanitizer
 * API, the plain text is shown instead.
 */
export function sanitizeDescription(description: ProductDescription): DocumentFragment {
  // A <template> parses into its own inert document: nothing loads until the nodes are adopted.
  const template = document.createElement('template') as HTMLTemplateElement & SafeHtml;
  if (description.kind === 'text' || !template.setHTML) return textFragment(description.text);
  template.setHTML(description.html, { sanitizer: CONFIG });
  const fragment = template.content;
  for (const element of fragment.querySelectorAll('[href], [src]')) {
    for (const name of ['href', 'src'] as const) {
      if (!element.hasAttribute(name)) continue;
      const url = safeHttpUrl(element.getAttribute(name));
      if (url) element.setAttribute(name, url.href);
      else element.removeAttribute(name);
    }
  }
  for (const link of fragment.querySelectorAll('a[href]')) {
    link.setAttribute('target', '_blank');
    link.setAttribute('rel', 'noopener noreferrer');
  }
  for (const img of fragment.querySelectorAll('img')) {
    if (!img.hasAttribute('src')) img.remove();
    else {
      img.setAttribute('loading', 'lazy');
      img.setAttribute('decoding', 'async');
    }
  }
  return document.importNode(fragment, true);
}
