// One live server node for the fan-out benchmark, in its own process so its CPU and memory are
// measured alone. Talks to the orchestrator over IPC: `ready` with its URL, `stats` on request,
// `reset` to start a measured phase and `timings` to end it.
//
// Timings (bench instrumentation only, the server is untouched): every bench message carries the
// sender's clock (`bench:<epoch ms>`, the same machine's clock). For each one this process records
//   received   the host's packet arrived (engine.io `message` on the host's connection)
//   acked      the ack packet was created (the message is stored; the handler is done)
//   broadcast  the room broadcast carrying it started, and `written` when it returned: every
//              socket's write is issued synchronously in that call (a socket whose transport is
//              still busy gets it queued and written on drain, counted in `queuedWrites`)
// and the event loop's delay (monitorEventLoopDelay) over the measured phase.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createLiveServer } from '../../src/server/index.js';

const chatOptions = process.env['BENCH_CHAT'] ? (JSON.parse(process.env['BENCH_CHAT']) as Record<string, number>) : {};
const server = await createLiveServer({ port: 0, host: '127.0.0.1', logger: false, origins: '*', chat: chatOptions });
const now = (): number => performance.timeOrigin + performance.now();
const BENCH_TS = /bench:(\d+\.\d+)/g;

interface Timing {
  sent: number;
  received?: number;
  acked?: number;
  broadcast?: number;
  written?: number;
  batchSize?: number;
}
let timings = new Map<string, Timing>();
const timing = (ts: string): Timing => {
  let entry = timings.get(ts);
  if (!entry) timings.set(ts, (entry = { sent: Number(ts) }));
  return entry;
};
let broadcasts: { start: number; ms: number; cpuMs: number; systemMs: number; sockets: number; messages: number }[] = [];
let queuedWrites = 0;
const lag = monitorEventLoopDelay({ resolution: 5 });
lag.enable();

// The host's packets (the only ones carrying `chat:send` with a bench text) and its acks.
server.io.on('connection', (socket) => {
  if (socket.data.user.role !== 'host') return;
  socket.conn.on('message', (data: unknown) => {
    if (typeof data !== 'string' || !data.includes('"chat:send"')) return;
    const at = now();
    for (const match of data.matchAll(BENCH_TS)) timing(match[1]!).received ??= at;
  });
  socket.conn.on('packetCreate', (packet: { data?: unknown }) => {
    if (typeof packet.data !== 'string' || !/^3\d/.test(packet.data)) return; // a socket.io ack
    const at = now();
    for (const match of packet.data.matchAll(BENCH_TS)) timing(match[1]!).acked ??= at;
  });
});
// A socket whose transport was still busy with its previous write gets the packet queued and
// written later, on drain: count the packets flushed outside a broadcast call.
let inBroadcast = false;
server.io.engine.on('flush', (_conn: unknown, buffer: unknown[]) => {
  if (!inBroadcast) queuedWrites += buffer.length;
});

// Every room broadcast of chat messages: how long the synchronous fan-out (encode once, then a
// write per socket) took, to how many sockets. Hooked at `_encode` and `apply`, which every
// broadcast goes through, also one that arrives from another node through Redis.
type Hooked = { _encode(packet: unknown, opts: unknown): unknown; apply(opts: unknown, callback: unknown): void };
const adapter = server.io.of('/').adapter as unknown as Hooked & { rooms: Map<string, Set<string>> };
const encode = adapter._encode.bind(adapter);
const apply = adapter.apply.bind(adapter);
let current: { start: number; cpu: NodeJS.CpuUsage; texts: string[] } | undefined;
adapter._encode = (packet, opts) => {
  const [event, body] = ((packet as { data?: unknown[] }).data ?? []) as [string, { text?: string; messages?: { text: string }[] }];
  const chat = event === 'chat:message' || event === 'chat:messages';
  current = { start: now(), cpu: process.cpuUsage(), texts: !chat ? [] : event === 'chat:message' ? [body.text ?? ''] : (body.messages ?? []).map((m) => m.text) };
  const encoded = encode(packet, opts);
  return encoded;
};
adapter.apply = (opts, callback) => {
  const broadcasting = current;
  current = undefined;
  if (!broadcasting) return apply(opts, callback);
  inBroadcast = true;
  let sockets = 0;
  apply(opts, (socket: unknown) => {
    sockets += 1;
    (callback as (socket: unknown) => void)(socket);
  });
  inBroadcast = false;
  if (broadcasting.texts.length === 0) return;
  const end = now();
  const cpu = process.cpuUsage(broadcasting.cpu);
  broadcasts.push({ start: broadcasting.start, ms: end - broadcasting.start, cpuMs: (cpu.user + cpu.system) / 1000, systemMs: cpu.system / 1000, sockets, messages: broadcasting.texts.length });
  for (const text of broadcasting.texts) {
    const match = /^bench:(\d+\.\d+)/.exec(text);
    if (!match) continue;
    const entry = timing(match[1]!);
    entry.broadcast ??= broadcasting.start;
    entry.written ??= end;
    entry.batchSize ??= broadcasting.texts.length;
  }
};

process.send!({ type: 'ready', url: server.url, node: server.node, state: server.state.kind });
process.on('message', (message: { type: string }) => {
  if (message.type === 'stats') {
    (globalThis as { gc?: () => void }).gc?.(); // memory figures without garbage waiting to be collected
    process.send!({
      type: 'stats',
      cpu: process.cpuUsage(),
      memory: process.memoryUsage(),
      connections: server.io.engine.clientsCount,
      at: now(),
    });
  } else if (message.type === 'reset') {
    timings = new Map();
    broadcasts = [];
    queuedWrites = 0;
    lag.reset();
    process.send!({ type: 'reset' });
  } else if (message.type === 'timings') {
    process.send!({
      type: 'timings',
      timings: [...timings.values()],
      broadcasts,
      queuedWrites,
      lag: { p50: lag.percentile(50) / 1e6, p99: lag.percentile(99) / 1e6, max: lag.max / 1e6, mean: lag.mean / 1e6 },
    });
  } else if (message.type === 'stop') {
    void server.close().then(() => process.exit(0));
  }
});
