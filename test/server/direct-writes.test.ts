import { afterAll, describe, expect, it } from 'vitest';
import { io as connectSocket } from 'socket.io-client';
import { PROTOCOL_VERSION } from '../../src/live/protocol.js';
import { idleWebSocketSender, type EngineConnection } from '../../src/server/direct-writes.js';
import type { LiveServer } from '../../src/server/index.js';
import { client, collect, collectMessages, connected, joined, LineProxy, liveSuite, RedisProcess, request, startLive, viewerKey, waitFor, type TestClient } from '../support/live-node.js';

const suite = liveSuite('direct');
const { freshShow, track } = suite;

type Sender = { sendFrame(frame: readonly (Buffer | string)[], callback?: unknown): void; _queue: unknown; _state: unknown };
type Conn = EngineConnection & { on(event: 'packetCreate', listener: (packet: { data?: unknown }) => void): void; transport: { socket: { _sender: Sender; bufferedAmount: number } } };

/** The server side of a client's connection. */
function connOf(live: LiveServer, socket: TestClient): Conn {
  const serverSocket = live.io.of('/').sockets.get(socket.id!);
  if (!serverSocket) throw new Error(`no server socket ${socket.id}`);
  return serverSocket.conn as unknown as Conn;
}

/**
 * Counts, on one connection, the packets carrying `marker` that went through engine.io's own path
 * (`packetCreate`, emitted for every packet it sends) and the frames carrying it that ws's sender
 * wrote (either path ends there).
 */
function watch(conn: Conn, marker: string) {
  const counts = { engine: 0, frames: 0 };
  conn.on('packetCreate', (packet) => {
    if (typeof packet.data === 'string' && packet.data.includes(marker)) counts.engine += 1;
  });
  const sender = conn.transport.socket._sender;
  const sendFrame = sender.sendFrame;
  sender.sendFrame = function (frame, callback) {
    if (frame.some((part) => part.toString().includes(marker))) counts.frames += 1;
    return sendFrame.call(this, frame, callback);
  };
  return counts;
}

/** Broadcasts to a show's room, as the chat feature does. */
function broadcast(live: LiveServer, show: string, event: string, value: unknown): void {
  (live.io.to(`show:${show}`) as unknown as { emit(event: string, value: unknown): void }).emit(event, value);
}

/** A viewer on a transport of one's choice (the test helper's client is WebSocket only). */
async function viewerOn(url: string, show: string, transports: string[]): Promise<TestClient> {
  const socket = connectSocket(url, {
    auth: { v: PROTOCOL_VERSION, show, viewer: viewerKey(), name: 'Viewer' },
    transports,
    forceNew: true,
    reconnection: false,
  }) as TestClient;
  track(socket);
  await connected(socket);
  expect((await request(socket, 'join')).ok).toBe(true);
  return socket;
}

/** A viewer alone in a fresh show, watched, once its connection is idle. */
async function idleViewer() {
  const show = freshShow();
  const ben = track(await joined(suite.live.url!, { show }));
  const seen = collect<number | string>(ben.socket, 'test:order');
  const conn = connOf(suite.live, ben.socket);
  const counts = watch(conn, 'test:order');
  await waitFor(() => idleWebSocketSender(conn));
  return { show, ben, seen, conn, counts };
}

describe('broadcast frames written straight to idle WebSocket connections', () => {
  it('relies on engine.io and ws fields that exist (fails when a socket.io update renames them)', async () => {
    const show = freshShow();
    const anna = track(await joined(suite.live.url!, { show }));
    const conn = connOf(suite.live, anna.socket);
    await waitFor(() => conn.transport.writable === true && (conn.writeBuffer as unknown[]).length === 0);
    expect(conn.readyState).toBe('open');
    expect(conn.upgrading).toBe(false);
    expect(conn.writeBuffer).toEqual([]);
    expect(conn.transport.name).toBe('websocket');
    const sender = conn.transport.socket._sender;
    expect(typeof sender.sendFrame).toBe('function');
    expect(sender._queue).toEqual([]);
    expect(sender._state).toBe(0);
    expect(conn.transport.socket.bufferedAmount).toBe(0);
    expect(idleWebSocketSender(conn)).toBe(sender);
  });

  it('writes chat broadcasts to WebSocket viewers without engine.io\'s packet path, once each, in order', async () => {
    const show = freshShow();
    const anna = track(await joined(suite.live.url!, { show, name: 'Anna' }));
    const ben = track(await joined(suite.live.url!, { show, name: 'Ben' }));
    const seen = collectMessages(ben.socket);
    const counts = watch(connOf(suite.live, ben.socket), 'direct-text-');
    for (let i = 1; i <= 5; i++) {
      expect((await request(anna.socket, 'chat:send', { clientId: `direct-client-${i}`, text: `direct-text-${i}` })).ok).toBe(true);
    }
    await waitFor(() => seen.length === 5, { what: 'five messages' });
    expect(seen.map((m) => m.text)).toEqual([1, 2, 3, 4, 5].map((i) => `direct-text-${i}`));
    expect(counts.frames).toBeGreaterThan(0);
    expect(counts.engine).toBe(0);
  });

  it('leaves polling and upgrading viewers to engine.io, every message in order', async () => {
    const show = freshShow();
    const polling = await viewerOn(suite.live.url!, show, ['polling']);
    const upgrading = await viewerOn(suite.live.url!, show, ['polling', 'websocket']);
    const seenPolling = collect<number>(polling, 'test:order');
    const seenUpgrading = collect<number>(upgrading, 'test:order');
    const pollingCounts = { engine: 0 };
    connOf(suite.live, polling).on('packetCreate', (packet) => {
      if (typeof packet.data === 'string' && packet.data.includes('test:order')) pollingCounts.engine += 1;
    });
    // Broadcasts while the second viewer moves from polling to WebSocket, and after.
    let sent = 0;
    while (connOf(suite.live, upgrading).transport.name !== 'websocket' || sent < 20) {
      broadcast(suite.live, show, 'test:order', ++sent);
      await new Promise((resolve) => setTimeout(resolve, 5));
      if (sent > 2000) throw new Error('never upgraded');
    }
    const all = Array.from({ length: sent }, (_, i) => i + 1);
    await waitFor(() => seenPolling.length >= sent && seenUpgrading.length >= sent, { what: 'every broadcast on both' });
    expect(seenPolling).toEqual(all);
    expect(seenUpgrading).toEqual(all);
    expect(polling.io.engine.transport.name).toBe('polling');
    expect(pollingCounts.engine).toBe(sent);
  });

  it('queues behind a packet still being written, and behind data the peer has not read, in order', async () => {
    const { show, ben, seen, conn, counts } = await idleViewer();
    // A packet engine.io writes itself (as it does socket.io's acks and its own pings).
    const unframed = (value: unknown): unknown => conn.write(`2${JSON.stringify(['test:order', value])}`);

    // One tick: a packet without a pre-encoded frame (the transport is busy until ws's write
    // callback), then two broadcasts, which must wait in engine.io's buffer behind it.
    unframed(1);
    broadcast(suite.live, show, 'test:order', 2);
    expect(conn.writeBuffer).toHaveLength(1);
    broadcast(suite.live, show, 'test:order', 3);
    expect(conn.writeBuffer).toHaveLength(2);
    await waitFor(() => idleWebSocketSender(conn));
    broadcast(suite.live, show, 'test:order', 4);
    await waitFor(() => seen.length === 4);
    expect(seen).toEqual([1, 2, 3, 4]);
    // 1 to 3 through engine.io (2 and 3 as one flush once 1 is written), 4 directly.
    expect(counts).toEqual({ engine: 3, frames: 4 });

    // Ben stops reading: frames pile up in the server's socket buffer, direct and queued alike.
    const tcp = (ben.socket.io.engine.transport as unknown as { ws: { _socket: { pause(): void; resume(): void } } }).ws._socket;
    tcp.pause();
    const big = 'x'.repeat(32_000);
    let n = 4;
    await waitFor(() => {
      broadcast(suite.live, show, 'test:order', `${++n} ${big}`);
      return conn.transport.socket.bufferedAmount > 0;
    }, { what: 'data waiting in the server\'s socket buffer', interval: 1, timeout: 60_000 });
    // From here engine.io's path, whose transport stays busy until the data is out: packets wait
    // in its buffer and a volatile one is dropped, as without direct writes.
    expect(idleWebSocketSender(conn)).toBeUndefined();
    const volatile = collect<string>(ben.socket, 'test:volatile');
    broadcast(suite.live, show, 'test:order', `${++n} ${big}`);
    expect(conn.transport.writable).toBe(false);
    (suite.live.io.to(`show:${show}`).volatile as unknown as { emit(event: string, value: unknown): void }).emit('test:volatile', 'dropped');
    unframed(`${++n} alone`);
    for (let i = 0; i < 5; i++) broadcast(suite.live, show, 'test:order', `${++n} ${big}`);
    tcp.resume();
    await waitFor(() => seen.length === n, { what: `all ${n} packets`, timeout: 60_000 });
    broadcast(suite.live, show, 'test:order', ++n);
    await waitFor(() => seen.length === n);
    expect(volatile).toEqual([]);
    expect(seen.map((value) => (typeof value === 'number' ? value : Number(String(value).split(' ')[0])))).toEqual(Array.from({ length: n }, (_, i) => i + 1));
  });

  it('falls back to engine.io\'s path when a private field it checks is missing', async () => {
    const { show, seen, conn, counts } = await idleViewer();
    const sender = conn.transport.socket._sender;
    const queue = sender._queue;
    sender._queue = undefined;
    try {
      expect(idleWebSocketSender(conn)).toBeUndefined();
      broadcast(suite.live, show, 'test:order', 1);
      await waitFor(() => seen.length === 1);
    } finally {
      sender._queue = queue;
    }
    expect(counts.engine).toBe(1);
  });
});

describe('connection state recovery with direct writes', () => {
  const closers: (() => Promise<void> | void)[] = [];
  afterAll(async () => {
    for (const close of closers.reverse()) await close();
  });

  async function recovers(live: LiveServer): Promise<void> {
    const show = freshShow();
    const proxy = await LineProxy.start(Number(new URL(live.url!).port));
    closers.push(() => proxy.close());
    const moving = client(proxy.url, { show });
    closers.push(() => void moving.disconnect());
    await connected(moving);
    expect((await request(moving, 'join')).ok).toBe(true);
    const seen = collectMessages(moving);
    const writer = await joined(live.url!, { show, name: 'Writer' });
    closers.push(() => void writer.socket.disconnect());
    const send = async (id: string, text: string) => expect((await request(writer.socket, 'chat:send', { clientId: id, text })).ok).toBe(true);
    await send('recover-msg-00', 'before');
    await waitFor(() => seen.length === 1);

    // Back once socket.io has reconnected the socket (recovered, in its rooms), not just the line.
    const back = new Promise<void>((resolve) => moving.once('connect', () => resolve()));
    proxy.cut(1500);
    for (let i = 1; i <= 3; i++) await send(`recover-msg-0${i}`, `missed ${i}`);
    await back;
    await send('recover-msg-04', 'after');
    await waitFor(() => seen.length >= 5, { what: 'missed messages and the next one' }).catch((error: unknown) => {
      throw new Error(`${String(error)}; recovered ${moving.recovered}, connected ${moving.connected}, seen ${JSON.stringify(seen.map((m) => m.text))}`);
    });
    expect(moving.recovered).toBe(true);
    expect(seen.map((m) => m.text)).toEqual(['before', 'missed 1', 'missed 2', 'missed 3', 'after']);
    // The recovered connection is written to directly again.
    const conn = connOf(live, moving);
    await waitFor(() => idleWebSocketSender(conn), { what: 'an idle WebSocket connection' });
  }

  it('recovers missed messages after a drop, none doubled (in-memory adapter)', { timeout: 60_000 }, async () => {
    await recovers(suite.live);
  });

  it('recovers missed messages after a drop, none doubled (Redis Streams adapter)', { timeout: 60_000 }, async () => {
    const redis = await RedisProcess.start();
    closers.push(() => redis.stop());
    const live = await startLive({ redisUrl: redis.url });
    closers.push(() => live.close());
    await recovers(live);
  });
});
