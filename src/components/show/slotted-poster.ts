// The page's own poster: `<img slot="poster">` (or a `<picture>` around one) inside <vitrine-show>.
// Import-free on purpose: the script-tag entry reads it before anything else of Vitrine loads.

/** The page's own poster: a direct child with `slot="poster"`, if there is one. */
export function slottedPoster(host: Element): Element | null {
  for (const child of host.children) if (child.getAttribute('slot') === 'poster') return child;
  return null;
}

/** The image of a slotted poster: the `<img>` itself, or the one inside a `<picture>`. */
export function slottedPosterImage(slotted: Element | null): HTMLImageElement | null {
  return slotted instanceof HTMLImageElement ? slotted : (slotted?.querySelector('img') ?? null);
}
