// The show's poster can come from the page itself: `<img slot="poster">` inside <vitrine-show>,
// which the browser finds in the HTML and paints before any script runs (no late Largest
// Contentful Paint), and which can be responsive (`srcset`, `sizes`). Tiny on purpose: the loaded
// widget imports it (and the facade `slotted-poster.ts`, which the script-tag entry reads too).
import { safeHttpUrl } from '../../internal/url.js';
import { slottedPoster, slottedPosterImage } from './slotted-poster.js';

/**
 * The poster the player shows once the widget has loaded: the source the browser chose for the
 * slotted `<img>` (already in its cache; http(s) only), else the `poster` attribute.
 */
export function playerPoster(host: Element): string | undefined {
  // An `<img>`, or a `<picture>` around one (the browser's choice is the img's currentSrc).
  const image = slottedPosterImage(slottedPoster(host));
  const chosen = image ? safeHttpUrl(image.currentSrc || image.getAttribute('src')) : null;
  return chosen?.href ?? host.getAttribute('poster') ?? undefined;
}
