// Long tasks while <vitrine-show> loads lazily on the demo listing page: what Lighthouse's TBT sees,
// with the cause of each long task. Debian's Chromium, a Lighthouse-like mobile viewport
// (412×823, DPR 1.75, touch) and CDP CPU throttling ×4 (Lighthouse's simulated throttling
// multiplies each main-thread task by 4). A DevTools trace is recorded from navigation until the
// widget has rendered its player and products and the page has been quiet for QUIET ms; every
// main-thread task over 50 ms is listed with what ran in it (scripts evaluated, functions called,
// style and layout), and TBT-equivalent = sum of (task - 50 ms). Median over RUNS runs per page:
// `/` (default loading="lazy") and `/?widget=off` (no element, no script) for reference.
//
// Usage: npm run bench -- lazy-tasks [--runs 5] [--quiet 3000] [--verbose]
import { cpus, loadavg } from 'node:os';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createDemoServer } from '../demo/app.ts';
import { existsSync, readFileSync } from 'node:fs';
import { SourceMapConsumer } from 'source-map-js';
import { EVALUATE_SHIM, launchChromium } from '../test/support/chromium.ts';
import { median } from './stats.mjs';

const option = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
};
const RUNS = option('runs', 5);
const QUIET = option('quiet', 3000);
const VERBOSE = process.argv.includes('--verbose');
/** `--profile`: also sample the JS and print self time inside long tasks by original source (dist/cdn source maps). */
const PROFILE = process.argv.includes('--profile');
const consumers = new Map();
function original(url, line, column) {
  const match = /\/vitrine\/(.*\.js)$/.exec(url);
  if (!match) return null;
  const file = join('dist/cdn', match[1]);
  if (!consumers.has(file)) consumers.set(file, existsSync(`${file}.map`) ? new SourceMapConsumer(JSON.parse(readFileSync(`${file}.map`, 'utf8'))) : null);
  const position = consumers.get(file)?.originalPositionFor({ line: line + 1, column });
  return position?.source ? `${position.source.replace(/^(\.\.\/)+/, '')}:${position.line}${position.name ? ` ${position.name}` : ''}` : null;
}
const selfTime = new Map();
const totalTime = new Map();
const RATE = 4;
const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink.user_timing', 'loading'];


/** Records a trace while `action` runs; resolves with its events. */
async function trace(cdp, action) {
  const events = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
  await cdp.send('Tracing.start', { categories: CATEGORIES.join(','), transferMode: 'ReportEvents' });
  await action();
  const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.end');
  await done;
  return events;
}

/** What ran inside a task: the heaviest named pieces (script URL, function, style/layout). */
function describe(task, children) {
  const inside = children.filter((e) => e.ts >= task.ts && e.ts + (e.dur ?? 0) <= task.ts + task.dur && e.ph === 'X');
  const parts = new Map();
  for (const e of inside) {
    let label;
    const data = e.args?.data ?? e.args?.beginData ?? {};
    if (e.name === 'EvaluateScript' || e.name === 'v8.evaluateModule') label = `evaluate ${short(data.url ?? data.stackTrace?.[0]?.url ?? '')}`;
    else if (e.name === 'FunctionCall') label = `call ${data.functionName || '(anonymous)'} ${short(data.url ?? '')}:${data.lineNumber ?? ''}`;
    else if (e.name === 'UpdateLayoutTree' || e.name === 'RecalculateStyles') label = 'style';
    else if (e.name === 'Layout') label = 'layout';
    else if (e.name === 'ParseHTML') label = 'parse HTML';
    else if (e.name === 'v8.compile' || e.name === 'v8.compileModule') label = `compile ${short(data.url ?? e.args?.fileName ?? '')}`;
    else if (e.name === 'TimerFire' || e.name === 'FireIdleCallback' || e.name === 'FireAnimationFrame' || e.name === 'EventDispatch') label = e.name + (data.type ? ` ${data.type}` : '');
    else if (process.argv.includes('--names') && (e.dur ?? 0) > 2000) label = e.name;
    else continue;
    parts.set(label, (parts.get(label) ?? 0) + (e.dur ?? 0) / 1000);
  }
  return [...parts].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([label, ms]) => `${label} ${ms.toFixed(0)}`).join(' | ');
}
const short = (url) => String(url).replace(/^https?:\/\/[^/]+/, '');

async function measure(browser, url) {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true });
  try {
    const page = await context.newPage();
    await page.addInitScript({ content: EVALUATE_SHIM });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: RATE });
    let rendered = Number.NaN;
    if (PROFILE) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
    }
    const events = await trace(cdp, async () => {
      const start = Date.now();
      await page.goto(url, { waitUntil: 'load' });
      if (!url.includes('widget=off')) {
        // Scrolled into view by the page itself? The demo's show is near the top: it loads lazily.
        await page.waitForFunction(
          () => {
            const show = document.querySelector('vitrine-show');
            const root = show?.shadowRoot;
            const products = root?.querySelector('vitrine-products');
            return Boolean(root?.querySelector('vitrine-player') && products?.shadowRoot?.querySelector('[part~="title"]'));
          },
          null,
          { timeout: 60_000, polling: 100 },
        );
        rendered = Date.now() - start;
      }
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(QUIET);
    });
    const threads = new Map();
    for (const e of events) if (e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain') threads.set(`${e.pid}:${e.tid}`, 0);
    for (const e of events) {
      const key = `${e.pid}:${e.tid}`;
      if (e.name === 'RunTask' && threads.has(key)) threads.set(key, threads.get(key) + (e.dur ?? 0));
    }
    const main = [...threads].sort((a, b) => b[1] - a[1])[0]?.[0];
    const onMain = events.filter((e) => `${e.pid}:${e.tid}` === main);
    const navigation = onMain.find((e) => e.name === 'navigationStart' || e.name === 'NavigationStart' || e.name === 'markAsMainFrame')?.ts ?? Math.min(...onMain.map((e) => e.ts).filter((ts) => ts > 0));
    const fcp = onMain.find((e) => e.name === 'firstContentfulPaint')?.ts ?? navigation;
    const tasks = onMain.filter((e) => e.name === 'RunTask' && e.ph === 'X' && (e.dur ?? 0) / 1000 > 50 && e.ts >= fcp);
    if (PROFILE && !url.includes('widget=off')) {
      const { profile } = await cdp.send('Profiler.stop');
      const byId = new Map(profile.nodes.map((node) => [node.id, node]));
      const parentOf = new Map();
      for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node);
      let at = profile.startTime;
      for (let i = 0; i < profile.samples.length; i += 1) {
        at += profile.timeDeltas[i];
        const next = at + (profile.timeDeltas[i + 1] ?? 0);
        const task = tasks.find((task) => at >= task.ts && at <= task.ts + task.dur);
        if (!task) continue;
        const node = byId.get(profile.samples[i]);
        const name = ({ callFrame }) => original(callFrame.url, callFrame.lineNumber, callFrame.columnNumber) ?? `${callFrame.functionName || '(anonymous)'} ${short(callFrame.url)}`;
        const label = name(node);
        task.self ??= new Map();
        task.self.set(label, (task.self.get(label) ?? 0) + (next - at) / 1000);
        selfTime.set(label, (selfTime.get(label) ?? 0) + (next - at) / 1000);
        const seen = new Set();
        for (let up = node; up; up = parentOf.get(up.id)) seen.add(name(up));
        for (const frame of seen) totalTime.set(frame, (totalTime.get(frame) ?? 0) + (next - at) / 1000);
      }
    }
    const long = tasks.map((task) => ({
      at: (task.ts - navigation) / 1000,
      ms: task.dur / 1000,
      what: task.self ? [...task.self].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([label, ms]) => `${label} ${ms.toFixed(0)}`).join(' | ') : describe(task, onMain),
    }));
    return { tbt: long.reduce((sum, task) => sum + task.ms - 50, 0), long, rendered };
  } finally {
    await context.close();
  }
}

const demo = await createDemoServer({ port: 0 });
const browser = await launchChromium();
const pages = { without: `${demo.url}/?widget=off`, lazy: `${demo.url}/` };
const runs = { without: [], lazy: [] };
const loadBefore = loadavg();
try {
  await measure(browser, pages.without); // warm-up: server caches, Chromium's first start
  for (let run = 0; run < RUNS; run += 1) {
    for (const side of run % 2 ? ['lazy', 'without'] : ['without', 'lazy']) {
      const result = await measure(browser, pages[side]);
      runs[side].push(result);
      console.log(`  run ${run + 1}/${RUNS} ${side.padEnd(8)} TBT-equivalent ${result.tbt.toFixed(0).padStart(4)} ms, ${result.long.length} task(s) > 50 ms${Number.isNaN(result.rendered) ? '' : `, widget rendered at ${result.rendered} ms`}`);
      if (VERBOSE || side === 'lazy') for (const task of result.long) console.log(`      ${task.at.toFixed(0).padStart(6)} ms  ${task.ms.toFixed(0).padStart(4)} ms  ${task.what}`);
    }
  }
} finally {
  await browser.close();
  await demo.close();
}
const loadAfter = loadavg();
if (PROFILE) {
  console.log(`\nSelf time inside long tasks, lazy, summed over ${RUNS} runs (ms, throttled):`);
  for (const [label, ms] of [...selfTime].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`  ${ms.toFixed(0).padStart(6)}  ${label}`);
  console.log(`\nTotal time (self and callees) inside long tasks, lazy, summed over ${RUNS} runs (ms, throttled):`);
  for (const [label, ms] of [...totalTime].sort((a, b) => b[1] - a[1]).slice(0, 50)) console.log(`  ${ms.toFixed(0).padStart(6)}  ${label}`);
}
const figures = {
  'TBT-equivalent ms without/lazy': `${median(runs.without.map((r) => r.tbt)).toFixed(0)}/${median(runs.lazy.map((r) => r.tbt)).toFixed(0)}`,
  'longest task ms lazy': median(runs.lazy.map((r) => Math.max(0, ...r.long.map((t) => t.ms)))).toFixed(0),
  'tasks > 50 ms lazy': median(runs.lazy.map((r) => r.long.length)),
  runs: RUNS,
  'load avg': Number(loadAfter[0].toFixed(2)),
};
console.log(`
Long tasks on the demo listing page, CPU ×${RATE}, 412×823 @1.75 (medians of ${RUNS} runs)
  TBT-equivalent without / lazy: ${figures['TBT-equivalent ms without/lazy']} ms; longest task (lazy) ${figures['longest task ms lazy']} ms; tasks > 50 ms (lazy) ${figures['tasks > 50 ms lazy']}
  machine: ${cpus().length} CPUs, load average ${loadBefore[0].toFixed(2)} before, ${loadAfter[0].toFixed(2)} after`);
if (process.env.BENCH_RESULTS) {
  writeFileSync(join(process.env.BENCH_RESULTS, 'lazy-tasks.json'), `${JSON.stringify({ name: 'lazy-tasks', figures, runs }, null, 2)}\n`);
}
