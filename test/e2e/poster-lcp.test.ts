// The demo listing's slotted poster is the page's Largest Contentful Paint, and it must stay the
// paint the browser made from the HTML: neither the element's upgrade (the same <img>, now shown
// through the facade's slot) nor the loaded widget (its <video poster>) may count as a new, later
// largest paint. Chromium reports a re-slotted image again when it measures it larger, even by a
// fraction of a pixel; the page's reserve rules carry the widget's own containment so it measures
// it alike. Vitrine's script is held back until the poster has been painted, as on a slow network.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useDemoAndBrowser } from '../support/e2e.js';

const setup = useDemoAndBrowser();

interface Paint {
  readonly size: number;
  readonly tag: string;
  readonly url: string;
}

/** Largest-contentful-paint entries of the page so far, after a few more rendered frames. */
async function paints(page: Page): Promise<Paint[]> {
  return page.evaluate(async () => {
    for (let i = 0; i < 5; i += 1) await new Promise((resolve) => requestAnimationFrame(resolve));
    await new Promise((resolve) => setTimeout(resolve));
    return (window as unknown as { paints: Paint[] }).paints;
  });
}

async function openListing(path: string, viewport: { width: number; height: number; deviceScaleFactor: number }): Promise<{ page: Page; release: () => void }> {
  const context = await setup.browser.newContext({
    viewport: { width: viewport.width, height: viewport.height },
    deviceScaleFactor: viewport.deviceScaleFactor,
    isMobile: viewport.width < 800,
  });
  const page = await context.newPage();
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/vitrine/vitrine.js', async (route) => {
    await held;
    await route.continue();
  });
  await page.addInitScript(() => {
    const list: Paint[] = ((window as unknown as { paints: Paint[] }).paints = []);
    new PerformanceObserver((entries) => {
      for (const entry of entries.getEntries() as (PerformanceEntry & { size: number; element: Element | null; url: string })[]) {
        list.push({ size: entry.size, tag: entry.element?.tagName ?? '', url: entry.url });
      }
    }).observe({ type: 'largest-contentful-paint', buffered: true });
  });
  await page.goto(`${setup.demo.url}${path}`, { waitUntil: 'commit' });
  return { page, release };
}

const phone = { width: 412, height: 823, deviceScaleFactor: 1.75 }; // Lighthouse's mobile
const cases: [string, string, typeof phone][] = [
  ['inline, lazy, phone', '/', phone],
  ['inline, lazy, desktop', '/', { width: 1350, height: 900, deviceScaleFactor: 1 }],
  ['inline, lazy, 3x phone', '/', { width: 390, height: 844, deviceScaleFactor: 3 }],
  ['vertical, lazy, phone', '/?layout=vertical', phone],
  ['inline, on interaction, phone', '/?loading=interaction', phone],
];

describe('the listing poster as Largest Contentful Paint', () => {
  for (const [name, path, viewport] of cases) {
    it(`is painted once, from the HTML, and the upgrade and the loaded widget do not repaint it as a new one: ${name}`, async () => {
      const { page, release } = await openListing(path, viewport);
      try {
        await page.waitForFunction(() => (window as unknown as { paints: Paint[] }).paints.some((paint) => paint.tag === 'IMG'));
        const first = await paints(page);
        const poster = first.filter((paint) => paint.tag === 'IMG');
        expect(poster).toHaveLength(1);
        expect(poster[0]!.url, 'the AVIF source, which Chromium reads').toMatch(/\/hls\/vod\/poster-\d+\.avif$/);

        release();
        await page.waitForFunction(() => customElements.get('vitrine-show') !== undefined);
        if (path.includes('loading=interaction')) {
          await page.waitForFunction(() => document.querySelector('vitrine-show')?.shadowRoot?.querySelector('slot[name="poster"]'));
        } else {
          // Lazy: once in view and the page is idle the whole widget loads and its player shows
          // the poster's chosen source as the video's poster.
          await page.waitForFunction(() => {
            const player = (document.querySelector('vitrine-show') as HTMLElement & { view?: { player?: { video?: HTMLVideoElement } } }).view?.player;
            return Boolean(player?.video?.poster);
          });
        }
        const after = await paints(page);
        expect(after, 'no later largest paint').toEqual(first);
      } finally {
        await page.context().close();
      }
    });
  }
});
