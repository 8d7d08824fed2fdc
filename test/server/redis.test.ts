// Two live server nodes sharing a real redis-server (Debian's, started here on a free port with
// no persistence): any node serves any viewer, moderation and counts span the nodes, and the
// nodes ride out a Redis restart.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LiveConnection } from '../../src/live/connection.js';
import { viewerIdentity, type IdentityStorage } from '../../src/live/identity.js';
import type { ChatMessage } from '../../src/live/protocol.js';
import type { LiveServer } from '../../src/server/index.js';
import { LineProxy, RedisProcess, client, closeAll, collect, connected, joined, request, startLive, viewerKey, waitFor, type TestClient, collectMessages } from '../support/live-node.js';

let redis: RedisProcess;
let nodeA: LiveServer;
let nodeB: LiveServer;
const sockets: TestClient[] = [];
const closers: (() => unknown)[] = [];
let counter = 0;
const freshShow = (): string => `redis-${++counter}`;
const track = <T extends { socket: TestClient }>(value: T): T => {
  sockets.push(value.socket);
  return value;
};

function memory(): IdentityStorage {
  const values = new Map<string, string>();
  return { get: (k) => values.get(k) ?? null, set: (k, v) => void values.set(k, v) };
}

beforeAll(async () => {
  redis = await RedisProcess.start();
  [nodeA, nodeB] = await Promise.all([
    startLive({ redisUrl: redis.url, viewerIntervalMs: 200 }),
    startLive({ redisUrl: redis.url, viewerIntervalMs: 200 }),
  ]);
});
afterAll(async () => {
  closeAll(...sockets);
  for (const close of closers) await close();
  await Promise.all([nodeA?.close(), nodeB?.close()]);
  await redis?.stop();
});

describe('two nodes with Redis', () => {
  it('keeps show state in Redis', () => {
    expect(nodeA.state.kind).toBe('redis');
    expect(nodeA.node).not.toBe(nodeB.node);
  });

  it('delivers a message sent through node A to a viewer on node B', async () => {
    const show = freshShow();
    const anna = track(await joined(nodeA.url!, { show, name: 'Anna' }));
    const ben = track(await joined(nodeB.url!, { show, name: 'Ben' }));
    const seen = collectMessages(ben.socket);
    const ack = await request<ChatMessage>(anna.socket, 'chat:send', { clientId: 'two-node-msg1', text: 'Hello B' });
    expect(ack.ok).toBe(true);
    await waitFor(() => seen.length === 1, { what: 'message on node B' });
    expect(seen[0]).toMatchObject({ text: 'Hello B', author: { name: 'Anna' } });
    const late = track(await joined(nodeB.url!, { show }));
    expect(late.snapshot.messages.map((m) => m.text)).toEqual(['Hello B']);
    // A retry through the other node gets the original message back, not a copy.
    const retry = await request<ChatMessage>(track(await joined(nodeB.url!, { show, auth: anna.socket.auth as Record<string, unknown> })).socket, 'chat:send', {
      clientId: 'two-node-msg1',
      text: 'Hello B',
    });
    expect(retry.ok && retry.data.id).toBe(ack.ok && ack.data.id);
    await request(anna.socket, 'chat:send', { clientId: 'two-node-msg2', text: 'Second' });
    await waitFor(() => seen.length === 2);
    expect(seen.map((m) => m.text)).toEqual(['Hello B', 'Second']);
  });

  it('removes everywhere what a moderator on node B deletes or bans', async () => {
    const show = freshShow();
    const troll = track(await joined(nodeA.url!, { show, name: 'Troll' }));
    const viewerOnA = track(await joined(nodeA.url!, { show, name: 'Anna' }));
    const host = track(await joined(nodeB.url!, { show, token: await nodeB.mintToken({ role: 'host', show }) }));
    const deletedOnA = collect<{ ids: string[] }>(viewerOnA.socket, 'chat:deleted');
    const first = await request<ChatMessage>(troll.socket, 'chat:send', { clientId: 'two-node-bad1', text: 'spam 1' });
    await request<ChatMessage>(troll.socket, 'chat:send', { clientId: 'two-node-bad2', text: 'spam 2' });
    await request<ChatMessage>(viewerOnA.socket, 'chat:send', { clientId: 'two-node-ok01', text: 'fine' });

    expect(await request(host.socket, 'chat:delete', { id: first.ok ? first.data.id : '' })).toEqual({ ok: true, data: null });
    await waitFor(() => deletedOnA.length === 1, { what: 'delete on node A' });
    expect(await request(host.socket, 'user:ban', { userId: troll.snapshot.you.id })).toEqual({ ok: true, data: null });
    await waitFor(() => deletedOnA.length === 2, { what: 'purge on node A' });
    expect(await request(troll.socket, 'chat:send', { clientId: 'two-node-bad3', text: 'again' })).toMatchObject({ ok: false, error: 'banned' });
    const fresh = track(await joined(nodeA.url!, { show }));
    expect(fresh.snapshot.messages.map((m) => m.text)).toEqual(['fine']);
  });

  it('sums viewer counts over the nodes', async () => {
    const show = freshShow();
    const onA = track(await joined(nodeA.url!, { show }));
    track(await joined(nodeA.url!, { show }));
    const onB = track(await joined(nodeB.url!, { show }));
    const countsA = collect<{ count: number }>(onA.socket, 'viewers');
    const countsB = collect<{ count: number }>(onB.socket, 'viewers');
    await waitFor(() => countsA.at(-1)?.count === 3 && countsB.at(-1)?.count === 3, { what: 'three viewers on both nodes' });
    onB.socket.disconnect();
    await waitFor(() => countsA.at(-1)?.count === 2, { what: 'two viewers' });
  });

  it('shares the rate limit over the nodes', async () => {
    const show = freshShow();
    const key = viewerKey();
    const onA = track(await joined(nodeA.url!, { show, viewer: key }));
    const onB = track(await joined(nodeB.url!, { show, viewer: key }));
    const acks = await Promise.all(
      Array.from({ length: 24 }, (_, i) => request((i % 2 ? onA : onB).socket, 'chat:send', { clientId: `shared-limit-${i}`, text: `m ${i}` })),
    );
    expect(acks.filter((a) => a.ok)).toHaveLength(20);
    expect(acks.filter((a) => !a.ok && a.error === 'rate_limited')).toHaveLength(4);
  });

  it('moves a viewer to the other node without losing what they missed', { timeout: 60_000 }, async () => {
    const show = freshShow();
    const proxy = await LineProxy.start(Number(new URL(nodeA.url!).port));
    closers.push(() => proxy.close());
    const moving = client(proxy.url, { show });
    sockets.push(moving);
    await connected(moving);
    expect((await request(moving, 'join')).ok).toBe(true);
    const seen = collectMessages(moving);
    const writer = track(await joined(nodeB.url!, { show, name: 'Writer' }));
    await request(writer.socket, 'chat:send', { clientId: 'moving-msg-00', text: 'before' });
    await waitFor(() => seen.length === 1);

    proxy.targetPort = Number(new URL(nodeB.url!).port);
    const back = new Promise<void>((resolve) => moving.io.once('reconnect', () => resolve()));
    proxy.cut(2000);
    for (let i = 1; i <= 3; i++) await request(writer.socket, 'chat:send', { clientId: `moving-msg-0${i}`, text: `missed ${i}` });
    await back;
    await waitFor(() => seen.length === 4, { what: 'missed messages on the new node' });
    expect(moving.recovered).toBe(true);
    expect(seen.map((m) => m.text)).toEqual(['before', 'missed 1', 'missed 2', 'missed 3']);
  });

  it('rides out a Redis restart: refuses politely while it is down, then works across nodes again', { timeout: 90_000 }, async () => {
    const show = freshShow();
    const onA = track(await joined(nodeA.url!, { show, name: 'Anna' }));
    const onB = track(await joined(nodeB.url!, { show, name: 'Ben' }));
    const seenOnB = collectMessages(onB.socket);
    const countsB = collect<{ count: number }>(onB.socket, 'viewers');
    await waitFor(() => countsB.at(-1)?.count === 2, { what: 'counts before' });

    await redis.stop();
    await waitFor(() => !nodeA.state.ready, { what: 'node A sees Redis down' });
    const during = await request(onA.socket, 'chat:send', { clientId: 'redis-down-01', text: 'during' });
    expect(during).toMatchObject({ ok: false, error: 'unavailable' });

    // A widget keeps its message pending and delivers it once Redis is back.
    const widget = new LiveConnection({ server: nodeA.url!, show, identity: viewerIdentity(memory()), ackTimeoutMs: 2000, attempts: 30 });
    closers.push(() => widget.close());

    await redis.restart();
    await waitFor(() => nodeA.state.ready && nodeB.state.ready, { what: 'nodes reconnected to Redis', timeout: 30_000 });
    await widget.connect();
    await waitFor(() => widget.store.status.get() === 'connected', { what: 'widget connected' });
    await widget.setName('Widget');
    widget.send('after the restart');
    await waitFor(() => seenOnB.some((m) => m.text === 'after the restart'), { what: 'message across nodes after the restart', timeout: 30_000 });
    // The sockets on both nodes stayed up the whole time.
    expect(onA.socket.connected && onB.socket.connected).toBe(true);
    const again = await request<ChatMessage>(onA.socket, 'chat:send', { clientId: 'redis-down-01', text: 'during' });
    expect(again.ok).toBe(true);
    await waitFor(() => seenOnB.filter((m) => m.clientId === 'redis-down-01').length === 1);
    await waitFor(() => countsB.at(-1)?.count === 3, { what: 'counts summed again' });
    expect(seenOnB.filter((m) => m.text === 'after the restart')).toHaveLength(1);
  });
});
