// The show's poster can come from the page itself: `<img slot="poster">` inside <vitrine-show>,
// which the browser finds in the HTML and paints before any script runs (no late Largest
// Contentful Paint), and which can be responsive (`srcset`, `sizes`). Tiny on purpose: the facade
// and the loaded widget both import it.
import { safeHttpUrl } from '../../internal/url.js';

/** The page's own poster: a direct child with `slot="poster"`, if there is one. */
export function slottedPoster(host: Element): Element | null {
  for (const child of host.children) if (child.getAttribute('slot') === 'poster') return child;
  return null;
}

/**
 * The poster the player shows once the widget has loaded: the source the browser chose for the
 * slotted `<img>` (already in its cache; http(s) only), else the `poster` attribute.
 */
export function playerPoster(host: Element): string | undefined {
  const slotted = slottedPoster(host);
  // An `<img>`, or a `<picture>` around one (the browser's choice is the img's currentSrc).
  const image = slotted instanceof HTMLImageElement ? slotted : (slotted?.querySelector('img') ?? null);
  const chosen = image ? safeHttpUrl(image.currentSrc || image.getAttribute('src')) : null;
  return chosen?.href ?? host.getAttribute('poster') ?? undefined;
}
