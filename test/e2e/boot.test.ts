// `vitrine.js` itself (src/embed/boot.ts) only decides when the elements' code is fetched. With
// the page's own slotted poster it waits until that poster has painted, so nothing of Vitrine
// competes with the page's Largest Contentful Paint; a shopper reaching for the show, a poster
// that never comes (4 s), `loading="eager"` and a poster Vitrine draws itself start it at once.
// The posters are held back at the network, as on a slow connection.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useDemoAndBrowser } from '../support/e2e.js';

const setup = useDemoAndBrowser();

const ELEMENTS_CHUNK = /\/vitrine\/chunks\/elements-[\w-]{6}\.js$/;

interface Held {
  readonly page: Page;
  /** What happened, in order: `poster requested`, `poster loaded`, `elements requested`. */
  readonly events: string[];
  /** Lets the held poster through. */
  readonly release: () => void;
}

/**
 * Opens `path` with every image matching `poster` held back until `release()`, and with
 * `elements` the elements' code too.
 */
async function openHeld(path: string, poster: RegExp, { elements = false } = {}): Promise<Held> {
  const page = await setup.browser.newPage({ viewport: { width: 1280, height: 800 } });
  const events: string[] = [];
  page.on('request', (request) => {
    if (ELEMENTS_CHUNK.test(request.url())) events.push('elements requested');
    if (poster.test(request.url())) events.push('poster requested');
  });
  page.on('requestfinished', (request) => {
    if (poster.test(request.url())) events.push('poster loaded');
  });
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  for (const url of elements ? [poster, ELEMENTS_CHUNK] : [poster]) {
    await page.route(url, async (route) => {
      await held;
      await route.continue();
    });
  }
  // When the document has been parsed; `vitrine.js` ran before that, and its decision with it.
  await page.addInitScript(() => document.addEventListener('DOMContentLoaded', () => ((window as unknown as { parsed: number }).parsed = performance.now())));
  // Not `load`: the page's load waits for the held poster.
  await page.goto(`${setup.demo.url}${path}`, { waitUntil: 'domcontentloaded' });
  return { page, events, release };
}

/** Runs `test` on a page `openHeld` opens, then lets the held files through and closes the page. */
async function withHeld(opening: Promise<Held>, test: (held: Held) => Promise<void>): Promise<void> {
  const held = await opening;
  try {
    await test(held);
  } finally {
    held.release();
    await held.page.close();
  }
}

const defined = (page: Page): Promise<boolean> => page.evaluate(() => customElements.get('vitrine-show') !== undefined);
const whenDefined = (page: Page, timeout?: number): Promise<unknown> => page.waitForFunction(() => customElements.get('vitrine-show') !== undefined, undefined, { timeout });

/** Ten rendered frames more: time for anything that was going to start without the poster. */
const frames = (page: Page): Promise<void> =>
  page.evaluate(async () => {
    for (let i = 0; i < 10; i += 1) await new Promise((resolve) => requestAnimationFrame(resolve));
  });

const LISTING_POSTER = /\/hls\/vod\/poster-\d+\.(avif|webp)$/;
const LAB_SLOTTED = /\/hls\/vod\/poster-720\.avif$/;
const LAB_ATTRIBUTE = /\/hls\/vod\/poster\.jpg$/;

describe('vitrine.js with the page\'s own slotted poster', () => {
  it('fetches the elements\' code only once the poster has loaded and painted', async () => {
    await withHeld(openHeld('/', LISTING_POSTER), async ({ page, events, release }) => {
      await frames(page);
      expect(events).toEqual(['poster requested']);
      expect(await defined(page)).toBe(false);

      release();
      await whenDefined(page);
      expect(events).toEqual(['poster requested', 'poster loaded', 'elements requested']);
      // The facade took over the same poster element, in its slot.
      expect(await page.evaluate(() => document.querySelector('vitrine-show')?.querySelector('[slot="poster"]')?.assignedSlot?.name)).toBe('poster');
    });
  });

  it('loads at once when the shopper reaches for the show before its poster has come', async () => {
    await withHeld(openHeld('/?loading=interaction', LISTING_POSTER), async ({ page, events }) => {
      await frames(page);
      expect(events).toEqual(['poster requested']);
      await page.hover('vitrine-show');
      await whenDefined(page);
      expect(events).toEqual(['poster requested', 'elements requested']);
    });
  });

  it('waits for a poster that never comes 4 s at most', async () => {
    await withHeld(openHeld('/lab/embed?poster=slotted&stream=boot-stalled', LAB_SLOTTED), async ({ page, events }) => {
      await whenDefined(page, 15_000);
      expect(events).toEqual(['poster requested', 'elements requested']);
      const waited = await page.evaluate(() => {
        const chunk = performance.getEntriesByType('resource').find((entry) => /\/chunks\/elements-/.test(entry.name));
        return (chunk?.startTime ?? 0) - (window as unknown as { parsed: number }).parsed;
      });
      expect(waited).toBeGreaterThanOrEqual(3990);
    });
  });

  it('does not wait with loading="eager"', async () => {
    await withHeld(openHeld('/lab/embed?poster=slotted&loading=eager&stream=boot-eager', LAB_SLOTTED), async ({ page, events }) => {
      await whenDefined(page);
      expect(events).toEqual(['poster requested', 'elements requested']);
    });
  });
});

describe('vitrine.js with a poster Vitrine draws (the poster attribute)', () => {
  it('loads the elements at once and fetches the poster alongside, once', async () => {
    await withHeld(openHeld('/lab/embed?stream=boot-attribute', LAB_ATTRIBUTE, { elements: true }), async ({ page, events, release }) => {
      // Requested by vitrine.js itself while the code that draws it is still on its way.
      await expect.poll(() => [...events].sort()).toEqual(['elements requested', 'poster requested']);
      expect(await defined(page)).toBe(false);

      release();
      // The facade's poster comes from the request vitrine.js started: no second one.
      await page.waitForFunction(() => {
        const img = document.querySelector('vitrine-show')?.shadowRoot?.querySelector<HTMLImageElement>('img[part="poster"]');
        return img?.complete === true && img.naturalWidth > 0;
      });
      expect(events.filter((event) => event === 'poster requested')).toHaveLength(1);
    });
  });
});
