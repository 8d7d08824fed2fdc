import { safeHttpUrl } from '../internal/url.js';
import type { ProductDescription } from './product.js';

// Product descriptions for display. Merchant HTML (Shopify and WooCommerce send HTML) goes
// through DOMPurify, which is imported only here and only when an HTML description is actually
// shown; plain text never loads it.

const ALLOWED_TAGS = [
  'p', 'br', 'strong', 'b', 'em', 'i', 'u', 's', 'small', 'sub', 'sup', 'mark',
  'ul', 'ol', 'li', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'hr',
  'a', 'span', 'div', 'img', 'table', 'thead', 'tbody', 'tr', 'th', 'td',
];
const ALLOWED_ATTR = ['href', 'title', 'alt', 'src', 'width', 'height', 'colspan', 'rowspan'];

type Sanitizer = { sanitize(html: string, config: Record<string, unknown>): unknown };
let sanitizer: Promise<Sanitizer> | undefined;

/** Vitrine's own DOMPurify instance (a page's DOMPurify and its hooks are left alone). */
function loadSanitizer(): Promise<Sanitizer> {
  sanitizer ??= import('dompurify').then(
    ({ default: DOMPurify }) => DOMPurify(window) as unknown as Sanitizer,
    (error: unknown) => {
      sanitizer = undefined;
      throw error;
    },
  );
  return sanitizer;
}

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
 * HTML is sanitised by DOMPurify (loaded on first use) with a small allowlist of formatting
 * tags, no styles, no scripts or handlers, and only http(s) links and images (links open in a
 * new tab with `rel="noopener noreferrer"`, images load lazily). If the sanitizer cannot load,
 * the plain text is shown instead.
 */
export async function sanitizeDescription(description: ProductDescription): Promise<DocumentFragment> {
  if (description.kind === 'text') return textFragment(description.text);
  let purify: Sanitizer;
  try {
    purify = await loadSanitizer();
  } catch {
    return textFragment(description.text);
  }
  const fragment = purify.sanitize(description.html, {
    ALLOWED_TAGS,
    ALLOWED_ATTR,
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
    RETURN_DOM_FRAGMENT: true,
  }) as DocumentFragment;
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
  return fragment;
}
