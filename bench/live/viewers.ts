// Simulated viewers for the fan-out benchmark: real socket.io clients in a child process (so they
// do not share the server's event loop). Each joins the show and timestamps every bench message.
// The same script runs the crowd (a few processes of ~1,250 clients each) and the probe group (a
// few dozen clients in a process of their own), and reports its own event loop's delay: a busy
// client process timestamps late, which is client-side queueing, not server time.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { io, type Socket } from 'socket.io-client';
import { PROTOCOL_VERSION } from '../../src/live/protocol.js';

const urls = JSON.parse(process.env['BENCH_URLS']!) as string[];
const count = Number(process.env['BENCH_VIEWERS']);
const offset = Number(process.env['BENCH_OFFSET'] ?? 0);
const show = process.env['BENCH_SHOW'] ?? 'bench';
const now = (): number => performance.timeOrigin + performance.now();

const sockets: Socket[] = [];
// Latency histogram in 1 ms buckets (the last bucket collects everything slower).
const BUCKETS = 10_000;
let histogram = new Array<number>(BUCKETS + 1).fill(0);
// The same per server node (viewers are spread over the nodes' URLs in turn).
let byNode = urls.map(() => new Array<number>(BUCKETS + 1).fill(0));
let slowest = 0;
let received = 0;
let joinedCount = 0;
let reconnects = 0;
const lag = monitorEventLoopDelay({ resolution: 5 });
lag.enable();

function connectOne(index: number): Promise<void> {
  const url = urls[(offset + index) % urls.length]!;
  const socket = io(url, {
    transports: ['websocket'],
    forceNew: true,
    auth: { v: PROTOCOL_VERSION, show, viewer: `bench-viewer-${process.pid}-${index}`, name: `V${index}` },
    reconnectionDelay: 500,
  });
  sockets.push(socket);
  const nodeHistogram = (): number[] => byNode[(offset + index) % urls.length]!;
  const arrived = (message: { text: string }): void => {
    const match = /^bench:(\d+(?:\.\d+)?)/.exec(message.text);
    if (!match) return;
    received += 1;
    const ms = Math.max(0, now() - Number(match[1]));
    histogram[Math.min(BUCKETS, Math.floor(ms))]! += 1;
    nodeHistogram()[Math.min(BUCKETS, Math.floor(ms))]! += 1;
    slowest = Math.max(slowest, ms);
  };
  socket.on('chat:message', arrived);
  socket.on('chat:messages', ({ messages }: { messages: { text: string }[] }) => messages.forEach(arrived));
  socket.io.on('reconnect', () => (reconnects += 1));
  return new Promise((resolve) => {
    socket.once('connect', () => {
      socket.timeout(60_000).emit('join', (error: Error | null) => {
        if (!error) joinedCount += 1;
        resolve();
      });
    });
  });
}

process.on('message', async (message: { type: string }) => {
  if (message.type === 'connect') {
    // Ramp up in small batches, as real audiences arrive, not in one SYN flood.
    for (let i = 0; i < count; i += 50) {
      await Promise.all(Array.from({ length: Math.min(50, count - i) }, (_, j) => connectOne(i + j)));
    }
    process.send!({ type: 'connected', joined: joinedCount, memory: process.memoryUsage().rss });
  } else if (message.type === 'reset') {
    histogram = new Array<number>(BUCKETS + 1).fill(0);
    byNode = urls.map(() => new Array<number>(BUCKETS + 1).fill(0));
    slowest = 0;
    received = 0;
    lag.reset();
    process.send!({ type: 'reset' });
  } else if (message.type === 'report') {
    const delay = { p50: lag.percentile(50) / 1e6, p99: lag.percentile(99) / 1e6, max: lag.max / 1e6 };
    process.send!({ type: 'report', histogram, byNode, slowest, received, reconnects, connected: sockets.filter((s) => s.connected).length, lag: delay });
  } else if (message.type === 'stop') {
    for (const socket of sockets) socket.disconnect();
    process.exit(0);
  }
});
process.send!({ type: 'ready' });
