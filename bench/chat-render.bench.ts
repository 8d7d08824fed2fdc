// <vitrine-chat> under a busy show: a host sends 100 messages/s for 30 s into the chat in
// Debian's Chromium (the CDN build, as a shop loads it). Reports the longest main-thread task
// (from a Chromium trace), tasks over 50 ms, message nodes kept in the page, and heap growth.
//
//   npm run bench -- --only=chat-render [--rate=100] [--seconds=30]
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { io } from 'socket.io-client';
import { pipeline, staticFiles } from '../demo/http.js';
import { PROTOCOL_VERSION } from '../src/live/protocol.js';
import { createLiveServer } from '../src/server/index.js';

const { values } = parseArgs({ strict: false, options: { rate: { type: 'string', default: '100' }, seconds: { type: 'string', default: '30' } } });
const RATE = Number(values.rate);
const SECONDS = Number(values.seconds);
const root = fileURLToPath(new URL('..', import.meta.url));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

if (!existsSync(`${root}dist/cdn/vitrine.js`)) spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });

// One sender plays a whole busy audience: lift its per-connection event budget.
const live = await createLiveServer({ port: 0, host: '127.0.0.1', logger: false, origins: '*', secret: 'render-bench-secret-render-bench-secret', events: { burst: 1000, perSecond: 100 } });
const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>chat render bench</title>
<script type="module" src="/vitrine/vitrine.js"></script></head>
<body><vitrine-chat live-server="${live.url}" show="render" style="height:600px;width:380px"></vitrine-chat></body></html>`;
const http = createServer(
  pipeline([
    staticFiles('/vitrine/', `${root}dist/cdn/`),
    (req, res, url) => {
      if (url.pathname !== '/') return false;
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(page);
      return true;
    },
  ]),
);
await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
const pageUrl = `http://127.0.0.1:${(http.address() as AddressInfo).port}/`;

const browser = await chromium.launch({ executablePath: process.env['CHROMIUM_PATH'] || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const context = await browser.newContext();
await context.addInitScript(() => localStorage.setItem('vitrine:name', 'Reader'));
const tab = await context.newPage();
await tab.goto(pageUrl);
await tab.waitForFunction(() => document.querySelector('vitrine-chat')?.shadowRoot?.querySelector('[part="input"]'), null, { timeout: 30_000 });
await tab.evaluate(() => {
  const w = window as unknown as { __longTasks: number[] };
  w.__longTasks = [];
  new PerformanceObserver((list) => list.getEntries().forEach((entry) => w.__longTasks.push(entry.duration))).observe({ type: 'longtask', buffered: false });
});
const cdp = await context.newCDPSession(tab);
const heap = async (): Promise<number> => {
  await cdp.send('HeapProfiler.collectGarbage');
  return ((await cdp.send('Runtime.getHeapUsage')) as { usedSize: number }).usedSize;
};
const heapBefore = await heap();

const token = await live.mintToken({ role: 'host', show: 'render', name: 'Host' });
const sender = io(live.url!, { transports: ['websocket'], auth: { v: PROTOCOL_VERSION, show: 'render', token } });
await new Promise<void>((resolve) => sender.once('connect', () => resolve()));
await sender.timeout(10_000).emitWithAck('join');

const words = 'does it come in blue love this what size is the model wearing ship to belgium price please show the back again'.split(' ');
const text = (i: number): string => `${i} ${Array.from({ length: 3 + (i % 12) }, (_, j) => words[(i * 7 + j) % words.length]).join(' ')}`;
await browser.startTracing(tab, { categories: ['toplevel', 'devtools.timeline'] });
const load = loadavg();
let maxNodes = 0;
const sampler = setInterval(() => {
  void tab
    .evaluate(() => document.querySelector('vitrine-chat')!.shadowRoot!.querySelectorAll('[part~="message"]').length)
    .then((n) => (maxNodes = Math.max(maxNodes, n)))
    .catch(() => {});
}, 1000);
const start = performance.now();
let sent = 0;
let refused = 0;
for (let i = 0; performance.now() - start < SECONDS * 1000; i++) {
  sender.emit('chat:send', { clientId: `render-${i}-${Math.random().toString(36).slice(2, 8)}`, text: text(i) }, (ack: { ok: boolean }) => {
    if (!ack.ok) refused += 1;
  });
  sent += 1;
  const wait = start + ((i + 1) * 1000) / RATE - performance.now();
  if (wait > 0) await sleep(wait);
}
await tab.waitForFunction((last) => {
  const texts = [...document.querySelector('vitrine-chat')!.shadowRoot!.querySelectorAll('[part="text"]')].map((t) => t.textContent);
  return texts.at(-1)?.startsWith(`${last} `);
}, sent - 1, { timeout: 30_000 }).catch(async (error: unknown) => {
  const texts = await tab.evaluate(() => [...document.querySelector('vitrine-chat')!.shadowRoot!.querySelectorAll('[part="text"]')].map((t) => t.textContent).slice(-3));
  const stored = await tab.evaluate(() => (document.querySelector("vitrine-chat") as unknown as { live: { store: { messages: { get(): unknown[] }; status: { get(): string } } } }).live.store.messages.get().length);
  const status = await tab.evaluate(() => (document.querySelector("vitrine-chat") as unknown as { live: { store: { status: { get(): string } } } }).live.store.status.get());
  console.error(`the last message did not arrive (sent ${sent}, page shows ${JSON.stringify(texts)}, store ${stored}, ${status})`);
  throw error;
});
clearInterval(sampler);
const trace = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: { name: string; ph: string; dur?: number; tdur?: number; tid: number; pid: number; args?: { name?: string } }[] };
if (process.env['BENCH_DEBUG']) {
  const names = new Map<string, number>();
  for (const e of trace.traceEvents) names.set(`${e.name}/${e.ph}`, (names.get(`${e.name}/${e.ph}`) ?? 0) + 1);
  console.log([...names].sort((a, b) => b[1] - a[1]).slice(0, 30), trace.traceEvents.filter((e) => e.name === 'thread_name').map((e) => e.args?.name));
}
const heapAfter = await heap();
const kept = await tab.evaluate(() => document.querySelector('vitrine-chat')!.shadowRoot!.querySelectorAll('[part~="message"]').length);
const longTasks = await tab.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);

// The renderer's main thread: the thread named CrRendererMain in the page's process.
const mainThreads = new Set(trace.traceEvents.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
const taskEvents = trace.traceEvents.filter((e) => (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') && e.ph === 'X' && mainThreads.has(`${e.pid}:${e.tid}`));
// Wall time (what the shopper feels) and thread time (CPU the task used: on a busy machine the
// difference is time the renderer waited for a core).
const tasks = taskEvents.map((e) => (e.dur ?? 0) / 1000).sort((a, b) => b - a);
const cpuTasks = taskEvents.map((e) => (e.tdur ?? e.dur ?? 0) / 1000).sort((a, b) => b - a);
if (process.env['BENCH_DEBUG']) {
  type E = (typeof trace.traceEvents)[number] & { ts: number };
  const events = trace.traceEvents as E[];
  const main = events.filter((e) => e.ph === 'X' && mainThreads.has(`${e.pid}:${e.tid}`));
  const first = Math.min(...main.map((e) => e.ts));
  const long = main.filter((e) => (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') && (e.dur ?? 0) > 30_000);
  for (const task of long) {
    const inside = main.filter((e) => e.ts >= task.ts && e.ts < task.ts + (task.dur ?? 0) && (e.dur ?? 0) > 3000 && e !== task);
    console.log(`task at ${((task.ts - first) / 1000).toFixed(0)} ms: ${((task.dur ?? 0) / 1000).toFixed(1)} ms`, inside.map((e) => `${e.name} ${((e.dur ?? 0) / 1000).toFixed(1)}`).slice(0, 12));
  }
}
const result = {
  rate: RATE,
  seconds: SECONDS,
  sent,
  refused,
  longestTaskMs: Number((tasks[0] ?? 0).toFixed(1)),
  tasksOver50ms: tasks.filter((t) => t > 50).length,
  longestTaskCpuMs: Number((cpuTasks[0] ?? 0).toFixed(1)),
  tasksOver50msCpu: cpuTasks.filter((t) => t > 50).length,
  longTaskObserver: { count: longTasks.length, longestMs: Math.round(Math.max(0, ...longTasks)) },
  tasksTraced: tasks.length,
  p99TaskMs: Number((tasks[Math.floor(tasks.length * 0.01)] ?? 0).toFixed(1)),
  messageNodesKept: kept,
  messageNodesMax: Math.max(maxNodes, kept),
  heapBeforeMB: Number((heapBefore / 1e6).toFixed(2)),
  heapAfterMB: Number((heapAfter / 1e6).toFixed(2)),
  heapGrowthMB: Number(((heapAfter - heapBefore) / 1e6).toFixed(2)),
  loadAverageAtStart: load.map((l) => Number(l.toFixed(2))),
};
console.log(JSON.stringify(result, null, 2));
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
writeFileSync(new URL('./results/chat-render.json', import.meta.url), JSON.stringify({ at: new Date().toISOString(), result }, null, 2));
console.log(
  `\nsummary\n  ${RATE} msgs/s for ${SECONDS} s: longest task ${result.longestTaskMs} ms wall / ${result.longestTaskCpuMs} ms CPU (${result.tasksOver50ms} over 50 ms wall, ${result.tasksOver50msCpu} by CPU), ` +
    `${result.messageNodesMax} message nodes at most, heap ${result.heapGrowthMB >= 0 ? '+' : ''}${result.heapGrowthMB} MB`,
);

sender.disconnect();
await browser.close();
await live.close();
http.closeAllConnections();
http.close();
