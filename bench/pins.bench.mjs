// Pin display error: how far from the pinned moment a viewer's <vitrine-show> shows a pin.
// The demo shop's show plays the demo's simulated live stream (real fMP4 frames, program date
// time) held 10 s behind live; a host socket pins a product stamped a moment ahead of the
// viewer's playback (so the message arrives early, as it does for a real viewer behind live),
// and the page records, for each pin:
//   - stream error: the streamTime of the frame on screen when the card appeared, minus the stamp;
//   - frame error: when the card appeared minus when the first frame at or past the stamp was
//     presented (requestVideoFrameCallback), in wall-clock ms.
// Each pin is cleared before the next. Median and worst (largest absolute) of PINS pins.
//
// Usage: npm run bench -- pins [--pins 20] [--lead 1500] [--behind 10]
import { cpus, loadavg } from 'node:os';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createDemoServer } from '../demo/app.ts';
import { launchChromium } from '../test/support/chromium.ts';
import { client, connected, request, closeAll } from '../test/support/live-node.ts';
import { playButton, waitForPlayback, widgetVideo } from '../test/support/show.ts';
import { median } from './stats.mjs';

const option = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
};
const PINS = option('pins', 20);
const LEAD = option('lead', 1500);
const BEHIND = option('behind', 10);
const TARGET = 250;
const SHOW = '#live vitrine-show';

const worst = (values) => values.reduce((w, v) => (Math.abs(v) > Math.abs(w) ? v : w), 0);

const loadBefore = loadavg();
const demo = await createDemoServer({ port: 0 });
const browser = await launchChromium();
const studio = client(demo.url, { show: demo.live.show, token: demo.live.hostToken });
const streamErrors = [];
const frameErrors = [];
try {
  await connected(studio);
  const joined = await request(studio, 'join');
  if (!joined.ok) throw new Error(`studio join refused: ${joined.error}`);
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.setDefaultTimeout(60_000);
  await page.goto(`${demo.url}/`);
  await page.locator(SHOW).evaluate((show, behind) => show.setAttribute('live-offset', String(behind)), BEHIND);
  await playButton(page, SHOW).click();
  const video = await widgetVideo(page, SHOW, 60_000);
  await waitForPlayback(video, 1, 60_000);
  await page.waitForFunction((sel) => {
    const view = document.querySelector(sel).view;
    return view?.live.connection?.store.status.get() === 'connected' && view.stores.products.status.get() === 'ready' && view.pins.sync.synced;
  }, SHOW);
  const products = await page.evaluate((sel) => document.querySelector(sel).view.stores.products.products.get().map((p) => p.id), SHOW);

  for (let i = 0; i < PINS; i += 1) {
    const productId = products[i % products.length];
    const at = await page.evaluate(
      ([sel, productId, lead]) => {
        const view = document.querySelector(sel).view;
        const video = view.player.video;
        const at = view.stores.player.streamTime.get() + lead;
        const watched = { at, frameAt: null, shownAt: null, streamTimeAtReveal: null };
        window.pinWatch = watched;
        const onFrame = (_now, frame) => {
          const time = view.player.streamTimeAt(frame.mediaTime);
          if (time !== null && time >= at) watched.frameAt = performance.now();
          else video.requestVideoFrameCallback(onFrame);
        };
        video.requestVideoFrameCallback(onFrame);
        const observer = new MutationObserver(() => {
          if (view.root.querySelector('[part="pinned-card"]')?.dataset.product !== productId) return;
          watched.shownAt = performance.now();
          watched.streamTimeAtReveal = view.stores.player.streamTime.get();
          observer.disconnect();
        });
        observer.observe(view.root, { subtree: true, childList: true, attributes: true });
        return at;
      },
      [SHOW, productId, LEAD],
    );
    const ack = await request(studio, 'pin:set', { productId, at });
    if (!ack.ok) throw new Error(`pin:set refused: ${ack.error}`);
    await page.waitForFunction(() => window.pinWatch.shownAt !== null && window.pinWatch.frameAt !== null);
    const watched = await page.evaluate(() => window.pinWatch);
    streamErrors.push(watched.streamTimeAtReveal - at);
    frameErrors.push(watched.shownAt - watched.frameAt);
    // Cleared at the viewer's position now; wait until the card is gone.
    const clearAt = await page.evaluate((sel) => document.querySelector(sel).view.stores.player.streamTime.get(), SHOW);
    await request(studio, 'pin:clear', { productId, at: clearAt });
    await page.waitForFunction((sel) => document.querySelector(sel).view.root.querySelector('[part="pinned-card"]') === null, SHOW);
  }
} finally {
  closeAll(studio);
  await browser.close();
  await demo.close();
}
const loadAfter = loadavg();

const streamMedian = median(streamErrors);
const frameMedian = median(frameErrors);
const streamWorst = worst(streamErrors);
const frameWorst = worst(frameErrors);
const met = Math.abs(streamWorst) <= TARGET && Math.abs(frameWorst) <= TARGET;
console.log(`pin display error over ${PINS} pins (viewer ${BEHIND} s behind live, pins stamped ${LEAD} ms ahead of its playback)
  streamTime on screen at reveal - stamp   median ${Math.round(streamMedian)} ms, worst ${Math.round(streamWorst)} ms
  reveal - presentation of that frame      median ${Math.round(frameMedian)} ms, worst ${Math.round(frameWorst)} ms
  target |error| <= ${TARGET} ms: ${met ? 'met' : 'MISSED'}
  machine ${cpus().length} CPUs, load average ${loadBefore[0].toFixed(2)} before, ${loadAfter[0].toFixed(2)} after`);

if (process.env.BENCH_RESULTS) {
  writeFileSync(
    join(process.env.BENCH_RESULTS, 'pins.json'),
    `${JSON.stringify(
      {
        name: 'pins',
        figures: {
          'stream error median ms': Math.round(streamMedian),
          'stream error worst ms': Math.round(streamWorst),
          'frame error median ms': Math.round(frameMedian),
          'frame error worst ms': Math.round(frameWorst),
          pins: PINS,
          'load avg': Number(loadAfter[0].toFixed(2)),
        },
        target: `|error| <= ${TARGET} ms`,
        met,
        streamErrors,
        frameErrors,
      },
      null,
      2,
    )}\n`,
  );
}
