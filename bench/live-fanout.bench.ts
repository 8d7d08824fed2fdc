// Live server fan-out: N simulated viewers (real socket.io clients in child processes) on one
// node, then on two nodes sharing a real redis-server; a host sends chat messages at a steady
// rate and every viewer timestamps their arrival.
//
//   npm run bench -- --only=live-fanout [--viewers=5000] [--seconds=30] [--rate=20] [--procs=4] [--nodes=1,2]
//                                       [--probes=50] [--chat='{"batchMs":50}']
//
// Reports delivery latency (p50/p95/p99/max) over all the viewers, delivered share, and per
// server node: CPU during the steady phase and memory per connection. The viewers run on the same
// machine (at a lower priority), so their CPU competes with the server's and a viewer process busy
// decoding timestamps late: the all-viewers figure is an upper bound. So the bench also reports:
// - a probe group (`--probes`, default 50, 0 for none): clients in a process of their own at
//   normal priority, joined after the crowd (so last in the room's fan-out order), on top of
//   `--viewers`; their latency is what the server delivers, with little client queueing;
// - where the time goes, measured inside each server node (bench/live/node.ts): sender -> server,
//   handling (validation, state), batching wait, the synchronous fan-out loop (encode once, a
//   write per socket), and the event loop's delay; and each viewer process's event loop delay.
// `--chat` passes chat options (JSON) to the server nodes, to compare settings.
import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg, cpus, setPriority } from 'node:os';
import { parseArgs } from 'node:util';
import { io, type Socket } from 'socket.io-client';
import { PROTOCOL_VERSION } from '../src/live/protocol.js';
import { mintToken } from '../src/server/index.js';
import { RedisProcess } from '../test/support/live-node.js';

const { values } = parseArgs({
  strict: false,
  options: {
    viewers: { type: 'string', default: '5000' },
    seconds: { type: 'string', default: '30' },
    rate: { type: 'string', default: '20' },
    procs: { type: 'string', default: '4' },
    nodes: { type: 'string', default: '1,2' },
    warmup: { type: 'string', default: '3' },
    probes: { type: 'string', default: '50' },
    chat: { type: 'string', default: '' },
  },
});
const VIEWERS = Number(values.viewers);
const SECONDS = Number(values.seconds);
const RATE = Number(values.rate);
const PROCS = Math.max(1, Math.min(Number(values.procs), VIEWERS));
const WARMUP = Number(values.warmup);
const PROBES = Math.max(0, Number(values.probes));
const CHAT = values.chat ? String(values.chat) : '';
const SETUPS = String(values.nodes).split(',').map(Number).filter((n) => n === 1 || n === 2);
const SECRET = 'bench-secret-bench-secret-bench-secret!';
const SHOW = 'bench';
const now = (): number => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Stats {
  cpu: NodeJS.CpuUsage;
  memory: NodeJS.MemoryUsage;
  connections: number;
  at: number;
}

function forkChild(file: string, env: Record<string, string>): ChildProcess {
  // BENCH_PROFILE=1 writes a CPU profile of each server node to bench/results/ (open it in DevTools).
  const profile = process.env['BENCH_PROFILE'] && file.includes('node.ts') ? ['--cpu-prof', `--cpu-prof-dir=${new URL('./results/', import.meta.url).pathname}`] : [];
  return fork(new URL(file, import.meta.url).pathname, [], { execArgv: ['--import', 'tsx', '--expose-gc', ...profile], env: { ...process.env, ...env }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
}

function next<T>(child: ChildProcess, type: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: { type: string }): void => {
      if (message.type !== type) return;
      child.off('message', onMessage);
      child.off('exit', onExit);
      resolve(message as T);
    };
    const onExit = (code: number | null): void => reject(new Error(`child exited (${code}) while waiting for ${type}`));
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

async function ask<T>(child: ChildProcess, type: string, reply = type): Promise<T> {
  const answer = next<T>(child, reply);
  child.send({ type });
  return answer;
}

interface ViewerReport {
  histogram: number[];
  byNode: number[][];
  slowest: number;
  received: number;
  reconnects: number;
  connected: number;
  lag: { p50: number; p99: number; max: number };
}

interface NodeTimings {
  timings: { sent: number; received?: number; acked?: number; broadcast?: number; written?: number; batchSize?: number }[];
  broadcasts: { start: number; ms: number; cpuMs: number; systemMs: number; sockets: number; messages: number }[];
  queuedWrites: number;
  lag: { p50: number; p99: number; max: number; mean: number };
}

const round = (n: number): number => Math.round(n * 10) / 10;

/** p50/p99/max of a list of durations (ms), or null when it is empty. */
function spread(values: number[]): { p50: number; p99: number; max: number } | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number): number => round(sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * p) - 1)]!);
  return { p50: at(0.5), p99: at(0.99), max: round(sorted.at(-1)!) };
}

/** Where a node's time went, from its timings (see bench/live/node.ts). */
function breakdown(node: NodeTimings, seconds: number) {
  const { timings, broadcasts } = node;
  const local = timings.filter((t) => t.received !== undefined && t.acked !== undefined && t.broadcast !== undefined);
  const fanned = timings.filter((t) => t.broadcast !== undefined && t.written !== undefined);
  const sockets = broadcasts.reduce((sum, b) => sum + b.sockets, 0);
  const loopMs = broadcasts.reduce((sum, b) => sum + b.ms, 0);
  const loopCpuMs = broadcasts.reduce((sum, b) => sum + b.cpuMs, 0);
  const loopSystemMs = broadcasts.reduce((sum, b) => sum + b.systemMs, 0);
  return {
    messages: fanned.length,
    // Only on the node the host is connected to.
    senderToServerMs: spread(local.map((t) => t.received! - t.sent)),
    handlingMs: spread(local.map((t) => Math.min(t.acked!, t.broadcast!) - t.received!)),
    batchWaitMs: spread(local.map((t) => Math.max(0, t.broadcast! - t.acked!))),
    sentToBroadcastMs: spread(fanned.map((t) => t.broadcast! - t.sent)),
    fanOutLoopMs: spread(fanned.map((t) => t.written! - t.broadcast!)),
    sentToLastWriteMs: spread(fanned.map((t) => t.written! - t.sent)),
    broadcasts: {
      perSecond: round(broadcasts.length / seconds),
      messagesPerBroadcast: round(fanned.length / Math.max(1, broadcasts.length)),
      ms: spread(broadcasts.map((b) => b.ms)),
      // Wall time per socket write, and the CPU it used (the rest: this process was not running).
      microsPerSocketWrite: round((loopMs * 1000) / Math.max(1, sockets)),
      cpuMicrosPerSocketWrite: round((loopCpuMs * 1000) / Math.max(1, sockets)),
      systemSharePercent: round((loopSystemMs / Math.max(1e-9, loopCpuMs)) * 100),
      loopShareOfWallPercent: round((loopMs / (seconds * 1000)) * 100),
    },
    writesQueuedBehindABusySocket: node.queuedWrites,
    eventLoopDelayMs: { p50: round(node.lag.p50), p99: round(node.lag.p99), max: round(node.lag.max) },
  };
}

function sumHistograms(reports: ViewerReport[], pick: (r: ViewerReport) => number[] = (r) => r.histogram): number[] {
  const histogram = new Array<number>(reports[0]?.histogram.length ?? 1).fill(0);
  for (const report of reports) pick(report).forEach((count, ms) => (histogram[ms]! += count));
  return histogram;
}

function latencies(reports: ViewerReport[]) {
  const histogram = sumHistograms(reports);
  const received = reports.reduce((sum, r) => sum + r.received, 0);
  return {
    p50: percentile(histogram, received, 0.5),
    p95: percentile(histogram, received, 0.95),
    p99: percentile(histogram, received, 0.99),
    max: Math.round(Math.max(0, ...reports.map((r) => r.slowest))),
  };
}

function percentile(histogram: number[], total: number, p: number): number {
  const target = Math.ceil(total * p);
  let seen = 0;
  for (let ms = 0; ms < histogram.length; ms++) {
    seen += histogram[ms]!;
    if (seen >= target) return ms;
  }
  return histogram.length - 1;
}

async function run(nodes: number) {
  const redis = nodes > 1 ? await RedisProcess.start() : undefined;
  const env: Record<string, string> = { VITRINE_SECRET: SECRET, ...(redis ? { REDIS_URL: redis.url } : {}) };
  delete process.env['REDIS_URL'];
  const servers = Array.from({ length: nodes }, () => forkChild('./live/node.ts', { ...env, ...(CHAT ? { BENCH_CHAT: CHAT } : {}) }));
  const urls = (await Promise.all(servers.map((s) => next<{ url: string }>(s, 'ready')))).map((r) => r.url);
  await sleep(500);
  const baseline = await Promise.all(servers.map((s) => ask<Stats>(s, 'stats')));

  const share = Math.ceil(VIEWERS / PROCS);
  const viewers = Array.from({ length: PROCS }, (_, i) =>
    forkChild('./live/viewers.ts', {
      BENCH_URLS: JSON.stringify(urls),
      BENCH_VIEWERS: String(Math.max(0, Math.min(share, VIEWERS - i * share))),
      BENCH_OFFSET: String(i * share),
      BENCH_SHOW: SHOW,
    }),
  );
  // Clients would not share the server's machine in production: here they yield to it.
  for (const child of viewers) if (child.pid) setPriority(child.pid, 10);
  await Promise.all(viewers.map((v) => next(v, 'ready')));
  const rampStart = now();
  const connected = await Promise.all(viewers.map((v) => ask<{ joined: number }>(v, 'connect', 'connected')));
  const rampSeconds = (now() - rampStart) / 1000;
  const joined = connected.reduce((sum, c) => sum + c.joined, 0);
  // The probe group: its own process at normal priority, joined last (the end of the room's
  // fan-out order, so it sees the whole loop), spread over the nodes like the crowd.
  const probes = PROBES > 0
    ? [forkChild('./live/viewers.ts', { BENCH_URLS: JSON.stringify(urls), BENCH_VIEWERS: String(PROBES), BENCH_OFFSET: '0', BENCH_SHOW: SHOW })]
    : [];
  await Promise.all(probes.map((p) => next(p, 'ready')));
  const probesJoined = (await Promise.all(probes.map((p) => ask<{ joined: number }>(p, 'connect', 'connected')))).reduce((sum, c) => sum + c.joined, 0);
  await sleep(1000);
  const afterConnect = await Promise.all(servers.map((s) => ask<Stats>(s, 'stats')));

  const token = await mintToken({ secret: SECRET, role: 'host', show: SHOW, name: 'Bench host' });
  const sender: Socket = io(urls[0]!, { transports: ['websocket'], forceNew: true, auth: { v: PROTOCOL_VERSION, show: SHOW, token } });
  await new Promise<void>((resolve) => sender.once('connect', () => resolve()));
  await sender.timeout(30_000).emitWithAck('join');

  let sent = 0;
  let refused = 0;
  const send = async (seconds: number): Promise<void> => {
    const interval = 1000 / RATE;
    const start = now();
    for (let i = 0; now() - start < seconds * 1000; i++) {
      const at = now();
      sender.timeout(10_000).emit('chat:send', { clientId: `bench-${Math.random().toString(36).slice(2, 14)}`, text: `bench:${at.toFixed(3)}` }, (error: Error | null, ack?: { ok: boolean }) => {
        if (error || !ack?.ok) refused += 1;
      });
      sent += 1;
      const wait = start + (i + 1) * interval - now();
      if (wait > 0) await sleep(wait);
    }
  };

  await send(WARMUP);
  await sleep(1500);
  await Promise.all([...viewers, ...probes, ...servers].map((child) => ask(child, 'reset')));
  sent = 0;
  refused = 0;
  const load = loadavg();
  const before = await Promise.all(servers.map((s) => ask<Stats>(s, 'stats')));
  await send(SECONDS);
  const after = await Promise.all(servers.map((s) => ask<Stats>(s, 'stats')));
  await sleep(3000); // let the tail arrive
  const reports = await Promise.all(viewers.map((v) => ask<ViewerReport>(v, 'report')));
  const probeReports = await Promise.all(probes.map((p) => ask<ViewerReport>(p, 'report')));
  const nodeTimings = await Promise.all(servers.map((s) => ask<NodeTimings>(s, 'timings')));

  const received = reports.reduce((sum, r) => sum + r.received, 0);
  const perNode = urls.map((_, node) => {
    const h = sumHistograms(reports, (r) => r.byNode[node]!);
    const total = h.reduce((a, b) => a + b, 0);
    return { p50: percentile(h, total, 0.5), p99: percentile(h, total, 0.99) };
  });
  const expected = sent * joined;
  const probeReceived = probeReports.reduce((sum, r) => sum + r.received, 0);
  const result = {
    nodes,
    state: redis ? 'redis' : 'memory',
    chatOptions: CHAT ? (JSON.parse(CHAT) as Record<string, unknown>) : 'defaults',
    viewers: VIEWERS,
    joined,
    rampSeconds: Number(rampSeconds.toFixed(1)),
    messagesPerSecond: RATE,
    seconds: SECONDS,
    sent,
    refused,
    delivered: `${((received / Math.max(1, expected)) * 100).toFixed(2)} %`,
    // Every viewer of the crowd, as its (contended, niced) process timestamped the arrival.
    latencyMs: latencies(reports),
    viewerProcessEventLoopDelayMs: reports.map((r) => ({ p50: round(r.lag.p50), p99: round(r.lag.p99), max: round(r.lag.max) })),
    // The probe group (on top of `viewers`): what the server delivers, with little client queueing.
    probe: probes.length === 0 ? null : {
      clients: PROBES,
      joined: probesJoined,
      delivered: `${((probeReceived / Math.max(1, sent * probesJoined)) * 100).toFixed(2)} %`,
      latencyMs: latencies(probeReports),
      eventLoopDelayMs: probeReports.map((r) => ({ p50: round(r.lag.p50), p99: round(r.lag.p99), max: round(r.lag.max) }))[0],
    },
    reconnects: [...reports, ...probeReports].reduce((sum, r) => sum + r.reconnects, 0),
    servers: servers.map((_, i) => {
      const wall = (after[i]!.at - before[i]!.at) * 1000;
      const cpu = after[i]!.cpu.user + after[i]!.cpu.system - before[i]!.cpu.user - before[i]!.cpu.system;
      const connections = afterConnect[i]!.connections;
      return {
        viewerLatencyMs: perNode[i],
        whereTheTimeGoes: breakdown(nodeTimings[i]!, SECONDS),
        connections,
        cpuPercent: Number(((cpu / wall) * 100).toFixed(1)),
        cpuKernelPercent: Number((((after[i]!.cpu.system - before[i]!.cpu.system) / wall) * 100).toFixed(1)),
        cpuMicrosPerConnectionPerSecond: Number((cpu / (wall / 1e6) / Math.max(1, connections)).toFixed(1)),
        rssMB: Number((afterConnect[i]!.memory.rss / 1e6).toFixed(1)),
        rssKBPerConnection: Number(((afterConnect[i]!.memory.rss - baseline[i]!.memory.rss) / 1000 / Math.max(1, connections)).toFixed(1)),
        heapKBPerConnection: Number(((afterConnect[i]!.memory.heapUsed - baseline[i]!.memory.heapUsed) / 1000 / Math.max(1, connections)).toFixed(1)),
      };
    }),
    loadAverageAtStart: load.map((l) => Number(l.toFixed(2))),
    loadAverageAtEnd: loadavg().map((l) => Number(l.toFixed(2))),
  };

  sender.disconnect();
  for (const child of [...viewers, ...probes, ...servers]) child.send({ type: 'stop' });
  await Promise.all([...viewers, ...probes, ...servers].map((child) => new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)))));
  await redis?.stop();
  return result;
}

console.log(`live fan-out: ${VIEWERS} viewers in ${PROCS} client processes (+ ${PROBES} probes in their own), ${RATE} msgs/s for ${SECONDS} s, nodes: ${SETUPS.join(' then ')}; ${cpus().length} cores, load ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
const results = [];
for (const nodes of SETUPS) {
  const result = await run(nodes);
  results.push(result);
  console.log(JSON.stringify(result, null, 2));
}
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
writeFileSync(new URL('./results/live-fanout.json', import.meta.url), JSON.stringify({ at: new Date().toISOString(), results }, null, 2));
console.log('\nsummary');
for (const r of results) {
  console.log(
    `  ${r.nodes} node(s) (${r.state}${CHAT ? `, chat ${CHAT}` : ''}): ${r.joined}/${r.viewers} joined, delivered ${r.delivered}; ` +
      `all viewers p50 ${r.latencyMs.p50} / p95 ${r.latencyMs.p95} / p99 ${r.latencyMs.p99} / max ${r.latencyMs.max} ms` +
      (r.probe ? `; probes (${r.probe.joined}, own process) p50 ${r.probe.latencyMs.p50} / p95 ${r.probe.latencyMs.p95} / p99 ${r.probe.latencyMs.p99} / max ${r.probe.latencyMs.max} ms` : ''),
  );
  r.servers.forEach((s, i) => {
    const w = s.whereTheTimeGoes;
    const f = (x: { p50: number; p99: number } | null): string => (x ? `${x.p50}/${x.p99}` : '-');
    console.log(
      `    node ${i + 1}: CPU ${s.cpuPercent} % (${s.cpuKernelPercent} % kernel, ${s.cpuMicrosPerConnectionPerSecond} µs/conn/s), ${s.rssKBPerConnection} KB RSS/conn; ` +
        `ms p50/p99: sender->server ${f(w.senderToServerMs)}, handling ${f(w.handlingMs)}, batch wait ${f(w.batchWaitMs)}, ` +
        `fan-out loop ${f(w.fanOutLoopMs)} (${w.broadcasts.perSecond}/s, ${w.broadcasts.messagesPerBroadcast} msgs each, ${w.broadcasts.microsPerSocketWrite} µs/socket wall, ${w.broadcasts.cpuMicrosPerSocketWrite} CPU (${w.broadcasts.systemSharePercent} % kernel), ${w.broadcasts.loopShareOfWallPercent} % of wall), ` +
        `sent->last write ${f(w.sentToLastWriteMs)}, event loop delay ${f(w.eventLoopDelayMs)}, queued writes ${w.writesQueuedBehindABusySocket}`,
    );
  });
  console.log(`    viewer processes' event loop delay p50/p99 ms: ${r.viewerProcessEventLoopDelayMs.map((d) => `${d.p50}/${d.p99}`).join(', ')}${r.probe?.eventLoopDelayMs ? `; probe process ${r.probe.eventLoopDelayMs.p50}/${r.probe.eventLoopDelayMs.p99}` : ''}; load ${r.loadAverageAtStart.join(' ')} -> ${r.loadAverageAtEnd.join(' ')}`);
}
