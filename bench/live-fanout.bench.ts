// Live server fan-out: N simulated viewers (real socket.io clients in child processes) on one
// node, then on two nodes sharing a real redis-server; a host sends chat messages at a steady
// rate and every viewer timestamps their arrival.
//
//   npm run bench -- --only=live-fanout [--viewers=5000] [--seconds=30] [--rate=20] [--procs=4] [--nodes=1,2]
//
// Reports delivery latency (p50/p95/p99/max), delivered share, and per server node: CPU during
// the steady phase and memory per connection. The clients run on the same machine (at a lower
// priority), so their CPU still competes with the server's: the figures are an upper bound.
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
  },
});
const VIEWERS = Number(values.viewers);
const SECONDS = Number(values.seconds);
const RATE = Number(values.rate);
const PROCS = Math.max(1, Math.min(Number(values.procs), VIEWERS));
const WARMUP = Number(values.warmup);
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
  const servers = Array.from({ length: nodes }, () => forkChild('./live/node.ts', env));
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
  await Promise.all(viewers.map((v) => ask(v, 'reset')));
  sent = 0;
  refused = 0;
  const load = loadavg();
  const before = await Promise.all(servers.map((s) => ask<Stats>(s, 'stats')));
  await send(SECONDS);
  const after = await Promise.all(servers.map((s) => ask<Stats>(s, 'stats')));
  await sleep(3000); // let the tail arrive
  const reports = await Promise.all(
    viewers.map((v) => ask<{ histogram: number[]; byNode: number[][]; slowest: number; received: number; reconnects: number; connected: number }>(v, 'report')),
  );

  const histogram = new Array<number>(reports[0]!.histogram.length).fill(0);
  for (const report of reports) report.histogram.forEach((count, ms) => (histogram[ms]! += count));
  const received = reports.reduce((sum, r) => sum + r.received, 0);
  const perNode = urls.map((_, node) => {
    const h = new Array<number>(histogram.length).fill(0);
    for (const report of reports) report.byNode[node]!.forEach((count, ms) => (h[ms]! += count));
    const total = h.reduce((a, b) => a + b, 0);
    return { p50: percentile(h, total, 0.5), p99: percentile(h, total, 0.99) };
  });
  const expected = sent * joined;
  const result = {
    nodes,
    state: redis ? 'redis' : 'memory',
    viewers: VIEWERS,
    joined,
    rampSeconds: Number(rampSeconds.toFixed(1)),
    messagesPerSecond: RATE,
    seconds: SECONDS,
    sent,
    refused,
    delivered: `${((received / Math.max(1, expected)) * 100).toFixed(2)} %`,
    latencyMs: {
      p50: percentile(histogram, received, 0.5),
      p95: percentile(histogram, received, 0.95),
      p99: percentile(histogram, received, 0.99),
      max: Math.round(Math.max(...reports.map((r) => r.slowest))),
    },
    reconnects: reports.reduce((sum, r) => sum + r.reconnects, 0),
    servers: servers.map((_, i) => {
      const wall = (after[i]!.at - before[i]!.at) * 1000;
      const cpu = after[i]!.cpu.user + after[i]!.cpu.system - before[i]!.cpu.user - before[i]!.cpu.system;
      const connections = afterConnect[i]!.connections;
      return {
        viewerLatencyMs: perNode[i],
        connections,
        cpuPercent: Number(((cpu / wall) * 100).toFixed(1)),
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
  for (const child of [...viewers, ...servers]) child.send({ type: 'stop' });
  await Promise.all([...viewers, ...servers].map((child) => new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)))));
  await redis?.stop();
  return result;
}

console.log(`live fan-out: ${VIEWERS} viewers in ${PROCS} client processes, ${RATE} msgs/s for ${SECONDS} s, nodes: ${SETUPS.join(' then ')}; ${cpus().length} cores, load ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
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
    `  ${r.nodes} node(s) (${r.state}): ${r.joined}/${r.viewers} joined, delivered ${r.delivered}, p50 ${r.latencyMs.p50} ms, p99 ${r.latencyMs.p99} ms, max ${r.latencyMs.max} ms; ` +
      r.servers.map((s, i) => `node ${i + 1}: CPU ${s.cpuPercent} %, ${s.rssKBPerConnection} KB RSS/conn`).join('; '),
  );
}
