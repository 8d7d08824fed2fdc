// What the script tag's `vitrine.js` itself does, in a few hundred bytes: decide when the
// elements' code (the <vitrine-show> facade and the autoloader, `elements.ts`) is fetched.
//
// A show whose poster is the page's own `<img slot="poster">` is drawn by the browser from the
// HTML, usually as the page's Largest Contentful Paint. Fetching and running Vitrine's code
// before that image has painted only competes with it (bandwidth on a slow network, the main
// thread on a slow phone), and the facade has nothing to add to the picture until then: its play
// button can wait a frame. So with slotted posters the code is fetched once they have painted
// (or the shopper reaches for a show, or 4 s have passed, whichever comes first); on a page
// without shows (a chat, a player of its own) a frame after the page's first paint. A show Vitrine
// draws the poster of (a `poster` attribute or none) or a `loading="eager"` one starts it at once,
// as before, and the `poster` attribute's image is fetched at once too, alongside the code that
// draws it.
import { slottedPoster, slottedPosterImage } from '../components/show/slotted-poster.js';

const INTENT = ['pointerdown', 'pointerover', 'focusin', 'keydown', 'touchstart'] as const;

/** A slotted poster that has not painted after this long no longer holds the code back. */
const POSTER_WAIT_MS = 4000;

/** Calls `load` once, when the page's own show posters have painted (see above). */
export function boot(load: () => Promise<unknown>): void {
  let started = false;
  let posters: HTMLImageElement[] = [];
  const start = (): void => {
    if (started) return;
    started = true;
    for (const type of INTENT) removeEventListener(type, intent, true);
    load()
      .catch((error: unknown) => console.warn('[vitrine] could not load its elements.', error))
      .finally(() => (posters = []));
  };
  function intent(event: Event): void {
    if (event.target instanceof Element && event.target.closest('vitrine-show')) start();
  }

  const decide = (): void => {
    const shows = [...document.querySelectorAll('vitrine-show')];
    const slotted = shows.map(slottedPoster);
    // A show the facade draws the poster of: fetch that poster now, alongside the code (kept
    // referenced until the facade has drawn it, so it is taken from the memory cache).
    shows.forEach((show, i) => {
      const url = slotted[i] ? null : show.getAttribute('poster');
      if (url) posters.push(Object.assign(new Image(), { fetchPriority: 'high', src: url }));
    });
    if (slotted.includes(null) || shows.some((show) => show.getAttribute('loading') === 'eager')) {
      start();
      return;
    }
    for (const type of INTENT) addEventListener(type, intent, { capture: true, passive: true });
    // decode() settles once an image is loaded and decoded, or has failed (nothing to wait for
    // then). The next frame paints it, and it is on screen (the moment Chromium reports as its
    // Largest Contentful Paint) only when that frame is presented: a frame later is after that.
    const painted = Promise.all(slotted.map((poster) => slottedPosterImage(poster)?.decode().catch(() => undefined)));
    void painted.then(() => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(start))));
    setTimeout(start, POSTER_WAIT_MS);
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', decide, { once: true });
  else decide();
}
