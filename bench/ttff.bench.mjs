// Time to first frame after play, on the demo's simulated live stream: the demo shop's
// <vitrine-show> (script tag, CDN build, with products and chat) next to a bare hls.js page
// playing the same stream, interleaved in one run.
//
// What "after play" means, the same for both pages:
//   1. a fresh browser context (empty cache), the page loaded and idle, the player in view: the
//      widget has loaded its code the way it does for a shopper (near the viewport, after the
//      page's own load); the bare page has hls.js loaded by a classic script;
//   2. the pointer moves onto the play button and rests there DWELL ms, as a shopper's does
//      before clicking (whatever the widget does on hover intent happens here);
//   3. a real click (mouse down and up). t0 = the click event's timestamp;
//   4. t1 = the presentation time of the first video frame (requestVideoFrameCallback,
//      registered before the click).
// TTFF = t1 - t0. Median of RUNS runs per page; ratio = widget median / bare median.
// The bare page runs hls.js with its defaults (a blob: worker for remuxing). A third series runs it
// with `enableWorker: false`, as Vitrine must under a strict CSP, to show how much of any
// difference is the worker.
//
// Usage: npm run bench -- ttff [--runs 10] [--dwell 250]
import { cpus, loadavg } from 'node:os';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createDemoServer } from '../demo/app.ts';
import { EVALUATE_SHIM, launchChromium, settle } from '../test/support/chromium.ts';
import { playButton, widgetVideo } from '../test/support/show.ts';
import { median } from './stats.mjs';

const option = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
};
const RUNS = option('runs', 10);
const DWELL = option('dwell', 250);
const TARGET = 1.2;
const STREAM = 'main'; // the stream the demo shop's show plays


async function firstFrameAfterClick(browser, url, kind) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    await page.addInitScript({ content: EVALUATE_SHIM });
    await page.addInitScript(() => {
      addEventListener('click', (event) => (window.__clickAt ??= event.timeStamp), true);
    });
    await page.goto(url);
    await settle(page);
    const video = kind === 'widget' ? await widgetVideo(page) : await page.$('#bare-video');
    const button = kind === 'widget' ? playButton(page) : page.locator('#bare-play');
    await button.hover();
    await page.waitForTimeout(DWELL);
    await video.evaluate((v) => {
      window.__firstFrame = new Promise((resolve) => v.requestVideoFrameCallback((_now, frame) => resolve(frame.presentationTime)));
    });
    await page.mouse.down();
    await page.mouse.up();
    return await page.evaluate(
      () => Promise.race([window.__firstFrame, new Promise((_, reject) => setTimeout(() => reject(new Error('no frame within 30 s')), 30_000))]).then((t) => t - window.__clickAt),
    );
  } finally {
    await context.close();
  }
}

const demo = await createDemoServer({ port: 0 });
const browser = await launchChromium();
const pages = {
  // The demo shop's own page: the full show (player, products, chat) on the simulated live stream.
  widget: `${demo.url}/`,
  bare: `${demo.url}/lab/bare-hls?stream=${STREAM}`,
  'bare-noworker': `${demo.url}/lab/bare-hls?stream=${STREAM}&worker=off`,
};
const times = { widget: [], bare: [], 'bare-noworker': [] };
const ORDERS = [
  ['widget', 'bare', 'bare-noworker'],
  ['bare', 'bare-noworker', 'widget'],
  ['bare-noworker', 'widget', 'bare'],
];
const loadBefore = loadavg();
try {
  // Warm-up (not counted): the server's file cache and Chromium's code caches for the engine.
  await firstFrameAfterClick(browser, pages.bare, 'bare');
  await firstFrameAfterClick(browser, pages.widget, 'widget');
  for (let run = 0; run < RUNS; run += 1) {
    // Rotate the order so drift in machine load hits every page alike.
    for (const kind of ORDERS[run % ORDERS.length]) {
      const ms = await firstFrameAfterClick(browser, pages[kind], kind === 'widget' ? 'widget' : 'bare');
      times[kind].push(ms);
      process.stdout.write(`  run ${run + 1}/${RUNS} ${kind.padEnd(13)} ${ms.toFixed(0).padStart(5)} ms\n`);
    }
  }
} finally {
  await browser.close();
  await demo.close();
}
const loadAfter = loadavg();

const widget = median(times.widget);
const bare = median(times.bare);
const bareNoWorker = median(times['bare-noworker']);
const ratio = widget / bare;
const spread = (values) => `${Math.min(...values).toFixed(0)}–${Math.max(...values).toFixed(0)}`;
console.log(`
time to first frame after a click, simulated live stream, ${RUNS} runs each, dwell ${DWELL} ms
  <vitrine-show>  median ${widget.toFixed(0)} ms  (range ${spread(times.widget)} ms)
  bare hls.js     median ${bare.toFixed(0)} ms  (range ${spread(times.bare)} ms)
  ratio           ${ratio.toFixed(2)}  (target <= ${TARGET}: ${ratio <= TARGET ? 'met' : 'MISSED'})
  bare hls.js without its worker: median ${bareNoWorker.toFixed(0)} ms (range ${spread(times['bare-noworker'])} ms); widget / that ${(widget / bareNoWorker).toFixed(2)}
  machine         ${cpus().length} CPUs, load average ${loadBefore[0].toFixed(2)} before, ${loadAfter[0].toFixed(2)} after`);

if (process.env.BENCH_RESULTS) {
  writeFileSync(
    join(process.env.BENCH_RESULTS, 'ttff.json'),
    `${JSON.stringify(
      {
        name: 'ttff',
        figures: {
          'widget median ms': Math.round(widget),
          'bare hls.js median ms': Math.round(bare),
          ratio: Number(ratio.toFixed(2)),
          'bare hls.js without worker median ms': Math.round(bareNoWorker),
          'ratio vs no worker': Number((widget / bareNoWorker).toFixed(2)),
          runs: RUNS,
          'load avg': Number(loadAfter[0].toFixed(2)),
        },
        target: `ratio <= ${TARGET}`,
        met: ratio <= TARGET,
        times,
      },
      null,
      2,
    )}\n`,
  );
}
