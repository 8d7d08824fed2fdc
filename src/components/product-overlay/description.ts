import type { Config } from 'dompurify';
import { safeHttpUrl } from '../../internal/url.js';

// Merchant HTML (Shopify sends `body_html`) was sanitised when the product was loaded; it is
// sanitised again here, because a page may hand products to the widget directly, and the result
// is inserted as DOM nodes, never as an HTML string.
const CONFIG: Config & { RETURN_DOM_FRAGMENT: true } = {
  RETURN_DOM_FRAGMENT: true,
  USE_PROFILES: { html: true },
  // Forms, media and styles have no place in a product description; a `style` attribute would
  // also break a strict CSP, `id` and `class` could collide with the widget's own.
  FORBID_TAGS: ['style', 'form', 'input', 'button', 'select', 'textarea', 'video', 'audio', 'source', 'picture', 'svg', 'math', 'dialog'],
  FORBID_ATTR: ['style', 'id', 'class', 'srcset', 'tabindex'],
};

/**
 * Turns a description's HTML into a detached element that is safe to insert: sanitised by
 * DOMPurify (loaded on demand), links only to http(s) and opening in a new tab so the video
 * keeps playing, images only from http(s) and lazily loaded.
 */
export async function descriptionNode(html: string): Promise<HTMLElement> {
  const { default: DOMPurify } = await import('dompurify');
  const fragment = DOMPurify.sanitize(html, CONFIG);
  for (const link of fragment.querySelectorAll('a')) {
    const url = safeHttpUrl(link.getAttribute('href'));
    if (url) {
      link.href = url.href;
      link.target = '_blank';
      link.rel = 'noopener noreferrer';
    } else {
      link.removeAttribute('href');
    }
  }
  for (const image of fragment.querySelectorAll('img')) {
    const url = safeHttpUrl(image.getAttribute('src'));
    if (url) {
      image.src = url.href;
      image.loading = 'lazy';
      image.decoding = 'async';
    } else {
      image.remove();
    }
  }
  const container = document.createElement('div');
  container.className = 'description';
  container.setAttribute('part', 'description');
  container.append(fragment);
  return container;
}

/** A plain-text description, as a detached element (text only, line breaks kept by CSS). */
export function textDescriptionNode(text: string): HTMLElement {
  const container = document.createElement('div');
  container.className = 'description text';
  container.setAttribute('part', 'description');
  container.textContent = text;
  return container;
}
