// Pins and flash offers end to end on a REAL live stream: ffmpeg encodes in real time with
// program date time on the wall clock (demo/hls/encoder.ts), the demo shop's <vitrine-show> plays
// it held ~10 s behind live (`live-offset="10"`), and the studio (a host socket) pins a product
// and starts an offer stamped with the moment a producer near the live edge was watching. The
// viewer's widget must show each when ITS playback reaches that moment (within 250 ms, measured
// as the player's streamTime at the reveal minus the stamp), not when the socket message came
// (which is asserted to be seconds earlier).
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoServer, type DemoServer } from '../../demo/app.js';
import { startEncoder, type Encoder } from '../../demo/hls/encoder.js';
import type { Offer, PinEvent } from '../../src/live/protocol.js';
import { launchChromium, watchPage, type PageWatch } from '../support/chromium.js';
import { closeAll, connected, client, request, type TestClient } from '../support/live-node.js';
import { playButton, sampleStreamTime, waitForPlayback, widgetVideo } from '../support/show.js';

const BEHIND_S = 10;

let encoder: Encoder;
let demo: DemoServer;
let browser: Browser;
let studio: TestClient;
let page: Page;
let watch: PageWatch;

/** In the page: what the widget shows, and when (performance.now) things happened. */
interface Watched {
  arrivedAt: number | null;
  shownAt: number | null;
  /** The player's streamTime (ms) of the frame on screen when the widget first showed it. */
  streamTimeAtReveal: number | null;
  /** When the first frame at or past the stamp was presented (requestVideoFrameCallback). */
  frameAt: number | null;
  /** That frame's streamTime (past the stamp by however long the frames in between were dropped). */
  frameStreamTime: number | null;
  /** Viewer's streamTime when the message arrived. */
  streamTimeAtArrival: number | null;
}

beforeAll(async () => {
  // A window long enough to sit 10 s behind the live edge (2 s segments).
  encoder = await startEncoder({ width: 640, height: 360, windowSize: 12 });
  [demo, browser] = await Promise.all([createDemoServer({ port: 0, encoder }), launchChromium(), encoder.ready(BEHIND_S / 2 + 2, 60_000)]);
  studio = client(demo.url, { show: demo.live.show, token: demo.live.hostToken });
  await connected(studio);
  const joined = await request(studio, 'join');
  if (!joined.ok) throw new Error(`studio join refused: ${joined.error}`);

  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  // The machine is shared: waits are for states, with room for a slow one.
  page.setDefaultTimeout(60_000);
  watch = await watchPage(page);
  await page.goto(`${demo.url}/`);
  // The shop's own show, held 10 s behind live.
  await page.locator('#live vitrine-show').evaluate((show, offset) => show.setAttribute('live-offset', String(offset)), BEHIND_S);
  await playButton(page, '#live vitrine-show').click();
  const video = await widgetVideo(page, '#live vitrine-show', 60_000);
  await waitForPlayback(video, 1, 60_000);
  await page.waitForFunction(() => {
    const show = document.querySelector('#live vitrine-show') as HTMLElement & { view?: any };
    return show.view?.live.connection?.store.status.get() === 'connected' && show.view.stores.products.status.get() === 'ready' && show.view.pins.sync.synced;
  }, undefined, { timeout: 60_000 });
  // The streamTime this widget reports is the frame's own (barcode on screen): a real reference.
  const sample = await sampleStreamTime(page, video, await encoder.info(), '#live vitrine-show');
  expect(Math.abs(sample.error), `streamTime off by ${sample.error} ms`).toBeLessThan(500);
  await waitForPlayback(video, 0, 60_000);
}, 180_000);

afterAll(async () => {
  closeAll(studio);
  await browser?.close();
  await demo?.close();
  await encoder?.stop();
});

/** The viewer's playback position (program date time on screen, ms). */
const viewerStreamTime = (): Promise<number> =>
  page.evaluate(() => (document.querySelector('#live vitrine-show') as HTMLElement & { view: any }).view.player.streamTime.getTime() as number);

const productIds = (): Promise<string[]> =>
  page.evaluate(() => ((document.querySelector('#live vitrine-show') as HTMLElement & { view: any }).view.stores.products.products.get() as { id: string }[]).map((p) => p.id));

/**
 * Starts watching, in the page, for the socket event `event` and for `selector` to appear in the
 * widget (with `data-product` = `product` when given); returns a reader of what happened.
 */
async function watchReveal(event: 'pins' | 'offer', selector: string, product: string | null, at: number): Promise<() => Promise<Watched>> {
  await page.evaluate(
    ([event, selector, product, at]) => {
      const show = document.querySelector('#live vitrine-show') as HTMLElement & { view: any };
      const view = show.view;
      const video = view.player.video as HTMLVideoElement;
      const onFrame = (_now: number, frame: VideoFrameCallbackMetadata): void => {
        const time = view.player.streamTimeAt(frame.mediaTime) as number | null;
        if (time === null || time < at) video.requestVideoFrameCallback(onFrame);
        else {
          watched.frameAt = performance.now();
          watched.frameStreamTime = time;
        }
      };
      video.requestVideoFrameCallback(onFrame);
      const isShown = (root: ShadowRoot): boolean => {
        const found = root.querySelector<HTMLElement>(selector);
        return !!found && (product === null || found.dataset['product'] === product);
      };
      const watched: Watched = { arrivedAt: null, shownAt: null, streamTimeAtReveal: null, frameAt: null, frameStreamTime: null, streamTimeAtArrival: null };
      (window as unknown as { watched: Watched }).watched = watched;
      const off = view.live.connection.on(event, () => {
        if (watched.arrivedAt !== null) return;
        watched.arrivedAt = performance.now();
        watched.streamTimeAtArrival = view.player.streamTime.getTime();
        off();
      });
      const observer = new MutationObserver(() => {
        if (watched.shownAt !== null || !isShown(view.root)) return;
        watched.shownAt = performance.now();
        watched.streamTimeAtReveal = view.stores.player.streamTime.get();
        observer.disconnect();
      });
      observer.observe(view.root, { subtree: true, childList: true, attributes: true, characterData: true });
    },
    [event, selector, product, at] as const,
  );
  return async () => {
    await page.waitForFunction(() => {
      const { watched } = window as unknown as { watched: Watched };
      return watched.shownAt !== null && watched.frameAt !== null;
    }, undefined, { timeout: 40_000 });
    return page.evaluate(() => (window as unknown as { watched: Watched }).watched);
  };
}

/**
 * The reveal was at the moment: never before it (no spoiler), on the first frame the viewer saw
 * at or past it (within 250 ms of that frame's presentation and of its streamTime), and within
 * 250 ms of the moment itself, give or take frames this loaded machine never presented.
 */
function expectAtTheMoment(what: string, watched: Watched, at: number): void {
  const error = watched.streamTimeAtReveal! - at;
  const dropped = watched.frameStreamTime! - at;
  expect(error, `${what} shown at streamTime ${error} ms from its moment`).toBeGreaterThanOrEqual(0);
  expect(error - dropped, `${what} shown ${error - dropped} ms of stream after the first frame past its moment`).toBeLessThanOrEqual(250);
  expect(error, `${what} shown at streamTime ${error} ms from its moment (${dropped} ms of frames were not presented)`).toBeLessThanOrEqual(250 + dropped);
  expect(dropped, 'frames after the moment were presented').toBeLessThan(1000);
  const late = watched.shownAt! - watched.frameAt!;
  expect(Math.abs(late), `${what} shown ${late} ms after its frame was presented`).toBeLessThanOrEqual(250);
}

describe('pins and offers on the ffmpeg live stream, viewer 10 s behind', () => {
  it('the viewer really is about 10 s behind the encoder', async () => {
    const behind = Date.now() - (await viewerStreamTime());
    expect(behind).toBeGreaterThan((BEHIND_S - 2) * 1000);
    expect(behind).toBeLessThan((BEHIND_S + 6) * 1000);
  });

  it('shows a pin when its playback reaches the pinned moment, not when the message arrives', async () => {
    const [productId] = await productIds();
    expect(productId).toBeTruthy();
    // The producer's preview is ~2 s behind the encoder: that is the frame the pin is stamped with.
    const at = Date.now() - 2000;
    const result = await watchReveal('pins', '[part="pinned-card"]', productId!, at);
    const ack = await request<PinEvent>(studio, 'pin:set', { productId, at });
    expect(ack.ok).toBe(true);
    const watched = await result();
    expectAtTheMoment('pin', watched, at);
    // The socket message came seconds before: the viewer was still well before the moment.
    expect(watched.arrivedAt).not.toBeNull();
    expect(watched.shownAt! - watched.arrivedAt!, 'shown after the message arrived').toBeGreaterThan(5000);
    expect(at - watched.streamTimeAtArrival!).toBeGreaterThan(5000);
    expect((await request(studio, 'pin:clear', { productId, at: Date.now() - 2000 })).ok).toBe(true);
  });

  it('shows an offer banner when its playback reaches the offer\'s start, not when the message arrives', async () => {
    const ids = await productIds();
    const productId = ids[1] ?? ids[0]!;
    const at = Date.now() - 2000;
    const result = await watchReveal('offer', '[part="offer-banner"]', null, at);
    const ack = await request<Offer>(studio, 'offer:start', { productId, price: { amount: 1000, currency: 'EUR' }, quantity: 5, durationSeconds: 120, at });
    expect(ack.ok, JSON.stringify(ack)).toBe(true);
    const watched = await result();
    expectAtTheMoment('banner', watched, at);
    expect(watched.shownAt! - watched.arrivedAt!, 'shown after the message arrived').toBeGreaterThan(5000);
    const banner = await page.evaluate(() => {
      const root = (document.querySelector('#live vitrine-show') as HTMLElement & { view: any }).view.root as ShadowRoot;
      return root.querySelector('[part="offer-banner"]')!.getAttribute('data-offer');
    });
    expect(banner).toBe(ack.ok && ack.data.id);
    expect(watch.errors).toEqual([]);
  });
});
