// The widget's LiveConnection (the same code the browser runs) against a real server: sending
// at least once and showing exactly once, a dropped line, a server restart, refusals.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LiveConnection } from '../../src/live/connection.js';
import { viewerIdentity, type IdentityStorage } from '../../src/live/identity.js';
import type { LiveServer } from '../../src/server/index.js';
import { LineProxy, closeAll, collectMessages, freePort, joined, request, startLive, waitFor, type TestClient } from '../support/live-node.js';

function memory(): IdentityStorage {
  const values = new Map<string, string>();
  return { get: (k) => values.get(k) ?? null, set: (k, v) => void values.set(k, v) };
}

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function connection(server: string, show: string, options: { name?: string; token?: string; ackTimeoutMs?: number } = {}): LiveConnection {
  const identity = viewerIdentity(memory());
  if (options.name !== undefined) identity.saveName(options.name);
  const live = new LiveConnection({ server, show, identity, token: options.token ?? null, ackTimeoutMs: options.ackTimeoutMs ?? 2000 });
  cleanups.push(() => live.close());
  return live;
}

async function server(options: Parameters<typeof startLive>[0] = {}): Promise<LiveServer> {
  const live = await startLive(options);
  cleanups.push(() => live.close());
  return live;
}

const texts = (live: LiveConnection): string[] => live.store.messages.get().map((m) => m.text);
const statusOf = (live: LiveConnection) => live.store.status.get();

describe('LiveConnection', () => {
  it('shows a message pending, then sent, exactly once on both sides', async () => {
    const live = await server();
    const anna = connection(live.url!, 'conn-1', { name: 'Anna' });
    const ben = connection(live.url!, 'conn-1', { name: 'Ben' });
    await Promise.all([anna.connect(), ben.connect()]);
    await waitFor(() => statusOf(anna) === 'connected' && statusOf(ben) === 'connected', { what: 'both connected' });
    expect(anna.store.you.get()).toMatchObject({ name: 'Anna', role: 'viewer' });

    const entry = anna.send('  Hello from Anna  ')!;
    expect(entry).toMatchObject({ status: 'pending', text: 'Hello from Anna', mine: true });
    await waitFor(() => anna.store.messages.get()[0]?.status === 'sent', { what: 'sent' });
    await waitFor(() => texts(ben).length === 1, { what: 'delivered' });
    expect(anna.store.messages.get()).toHaveLength(1);
    expect(anna.store.messages.get()[0]).toMatchObject({ key: entry.key, clientId: entry.clientId, mine: true });
    expect(ben.store.messages.get()[0]).toMatchObject({ text: 'Hello from Anna', mine: false, status: 'sent' });
  });

  it('marks a refused message as failed with the reason, and retries it on demand', async () => {
    const live = await server({ chat: { rateLimit: { messages: 1, perSeconds: 2 } } });
    const anna = connection(live.url!, 'conn-2', { name: 'Anna' });
    await anna.connect();
    await waitFor(() => statusOf(anna) === 'connected');
    anna.send('one');
    const second = anna.send('two')!;
    await waitFor(() => anna.store.messages.get().find((m) => m.key === second.key)?.status === 'failed', { what: 'failed' });
    const failed = anna.store.messages.get().find((m) => m.key === second.key)!;
    expect(failed.error).toBe('rate_limited');
    expect(failed.retryAfter).toBeGreaterThan(0);
    await waitFor(async () => {
      anna.retry(second.clientId);
      await waitFor(() => anna.store.messages.get().find((m) => m.key === second.key)?.status !== 'pending');
      return anna.store.messages.get().find((m) => m.key === second.key)?.status === 'sent';
    }, { what: 'retry accepted', interval: 500, timeout: 10_000 });
    expect(texts(anna)).toEqual(['one', 'two']);
  });

  it('recovers what it missed during a 10 s drop, with nothing doubled', { timeout: 60_000 }, async () => {
    const live = await server();
    const proxy = await LineProxy.start(Number(new URL(live.url!).port));
    cleanups.push(() => proxy.close());
    const anna = connection(proxy.url, 'conn-3', { name: 'Anna' });
    const ben = connection(live.url!, 'conn-3', { name: 'Ben' });
    await Promise.all([anna.connect(), ben.connect()]);
    await waitFor(() => statusOf(anna) === 'connected' && statusOf(ben) === 'connected');
    ben.send('before');
    await waitFor(() => texts(anna).length === 1);

    const snapshot = anna.store.snapshot.get();
    proxy.cut(10_000);
    await waitFor(() => statusOf(anna) === 'reconnecting', { what: 'reconnecting' });
    for (let i = 1; i <= 5; i++) ben.send(`missed ${i}`);
    await waitFor(() => ben.store.messages.get().every((m) => m.status === 'sent') && texts(ben).length === 6);
    const delBy = ben.store.messages.get()[0]!;
    // Anna writes while offline: it waits as pending and goes out once she is back.
    const offline = anna.send('written offline')!;
    await waitFor(() => anna.store.messages.get().at(-1)?.text === 'written offline');
    expect(anna.store.messages.get().at(-1)?.status).toBe('pending');
    await waitFor(() => statusOf(anna) === 'connected', { what: 'back after the drop', timeout: 30_000 });
    await waitFor(() => texts(anna).length === 7 && anna.store.messages.get().every((m) => m.status === 'sent'), { what: 'recovered', timeout: 10_000 });
    expect(texts(anna)).toEqual(['before', 'missed 1', 'missed 2', 'missed 3', 'missed 4', 'missed 5', 'written offline']);
    await waitFor(() => texts(ben).length === 7);
    expect(texts(ben).filter((t) => t === 'written offline')).toHaveLength(1);
    expect(anna.store.messages.get().find((m) => m.clientId === offline.clientId)?.key).toBe(offline.key);
    expect(delBy.text).toBe('before');
    // Recovered by socket.io (missed events replayed), not by joining again for a new snapshot.
    expect(anna.store.snapshot.get()).toBe(snapshot);
  });

  it('hands a name and a token set while the line was down to the recovered session', { timeout: 60_000 }, async () => {
    const live = await server();
    const proxy = await LineProxy.start(Number(new URL(live.url!).port));
    cleanups.push(() => proxy.close());
    const anna = connection(proxy.url, 'conn-resync', { name: 'Anna' });
    const carl = connection(proxy.url, 'conn-resync', { name: 'Carl' });
    const ben = connection(live.url!, 'conn-resync', { name: 'Ben' });
    await Promise.all([anna.connect(), carl.connect(), ben.connect()]);
    await waitFor(() => [anna, carl, ben].every((c) => statusOf(c) === 'connected'), { what: 'all connected' });
    ben.send('before');
    await waitFor(() => texts(anna).length === 1 && texts(carl).length === 1, { what: 'a broadcast to recover from' });
    const snapshots = [anna.store.snapshot.get(), carl.store.snapshot.get()];
    proxy.cut(3000);
    await waitFor(() => statusOf(anna) === 'reconnecting' && statusOf(carl) === 'reconnecting', { what: 'reconnecting' });
    expect(await anna.setName('Annabel')).toMatchObject({ ok: false, error: 'unavailable' });
    const token = await live.mintToken({ show: 'conn-resync', role: 'host', name: 'Carla' });
    expect(await carl.setToken(token)).toMatchObject({ ok: false, error: 'unavailable' });
    await waitFor(() => statusOf(anna) === 'connected' && statusOf(carl) === 'connected', { what: 'back', timeout: 30_000 });
    // Recovered (no new snapshot), so the server skipped the handshake that would carry them.
    expect([anna.store.snapshot.get(), carl.store.snapshot.get()]).toEqual(snapshots);
    await waitFor(() => anna.store.you.get()?.name === 'Annabel' && carl.store.you.get()?.role === 'host', { what: 'name and token applied' });
    anna.send('hello again');
    await waitFor(() => ben.store.messages.get().some((m) => m.text === 'hello again'), { what: 'delivered' });
    expect(ben.store.messages.get().find((m) => m.text === 'hello again')?.author.name).toBe('Annabel');
    expect(await carl.request('chat:settings', { slowModeSeconds: 0 })).toMatchObject({ ok: true });
  });

  it('connects when connect() follows close() during the first load, with its listeners', async () => {
    const live = await server();
    const anna = connection(live.url!, 'conn-reopen-load', { name: 'Anna' });
    const heard: string[] = [];
    anna.on('chat:message', (message) => heard.push(message.text));
    const first = anna.connect();
    anna.close(); // while socket.io-client is still loading
    await first;
    expect(statusOf(anna)).toBe('offline');
    expect(live.io.of('/').sockets.size).toBe(0);
    await anna.connect();
    await waitFor(() => statusOf(anna) === 'connected', { what: 'connected after a close during the load' });
    const ben = connection(live.url!, 'conn-reopen-load', { name: 'Ben' });
    await ben.connect();
    await waitFor(() => statusOf(ben) === 'connected', { what: 'ben connected' });
    ben.send('still listening?');
    await waitFor(() => texts(anna).includes('still listening?') && heard.includes('still listening?'), { what: 'message reached the store and the listener' });
    expect(heard).toEqual(['still listening?']);
  });

  it('connects again after close(), following the browser\'s online/offline events again', async () => {
    // Node has no window events: a stand-in EventTarget records what is listened to.
    const target = new EventTarget();
    const listening = new Map<string, Set<unknown>>();
    const scope = globalThis as unknown as { addEventListener?: unknown; removeEventListener?: unknown };
    const saved = { add: scope.addEventListener, remove: scope.removeEventListener };
    scope.addEventListener = (type: string, listener: EventListener) => {
      if (!listening.has(type)) listening.set(type, new Set());
      listening.get(type)!.add(listener);
      target.addEventListener(type, listener);
    };
    scope.removeEventListener = (type: string, listener: EventListener) => {
      listening.get(type)?.delete(listener);
      target.removeEventListener(type, listener);
    };
    cleanups.push(() => {
      scope.addEventListener = saved.add;
      scope.removeEventListener = saved.remove;
    });
    const live = await server();
    const anna = connection(live.url!, 'conn-reopen', { name: 'Anna' });
    await anna.connect();
    await waitFor(() => statusOf(anna) === 'connected', { what: 'connected' });
    expect(listening.get('online')?.size).toBe(1);
    anna.close();
    expect(statusOf(anna)).toBe('offline');
    expect(listening.get('online')?.size).toBe(0);
    await waitFor(() => live.io.of('/').sockets.size === 0, { what: 'server saw the close' });
    await anna.connect();
    await waitFor(() => statusOf(anna) === 'connected', { what: 'connected again' });
    expect(listening.get('online')?.size).toBe(1);
    expect(live.io.of('/').sockets.size).toBe(1);
  });

  it('drops server events of the wrong shape with one warning each, and never throws from a listener', async () => {
    const warnings: string[] = [];
    const spy = vi.spyOn(console, 'warn').mockImplementation((message: unknown) => void warnings.push(String(message)));
    cleanups.push(() => spy.mockRestore());
    const live = await server();
    const anna = connection(live.url!, 'conn-shapes', { name: 'Anna' });
    anna.on('viewers', () => {
      throw new Error('a feature listener that throws');
    });
    await anna.connect();
    await waitFor(() => statusOf(anna) === 'connected', { what: 'connected' });
    const io = live.io as unknown as { emit(event: string, ...args: unknown[]): void };
    const good = { id: '1-0', clientId: 'c-1', text: 'fine', sentAt: Date.now(), question: false, author: { id: 'a_x', name: 'Ben', role: 'viewer' } };
    // A server of another version, twice each: the page hears nothing, the console once per event.
    for (let round = 0; round < 2; round++) {
      io.emit('chat:message', { text: 'no id, no author' });
      io.emit('chat:message', null);
      io.emit('chat:messages', { messages: [good, { id: 5 }] });
      io.emit('chat:deleted', { ids: 'all' });
      io.emit('viewers', { count: 'lots' });
      io.emit('chat:settings', 'strict');
      io.emit('reactions', {});
    }
    io.emit('chat:message', { ...good, id: '2-0', clientId: 'c-2', text: 'after the junk' });
    await waitFor(() => texts(anna).includes('after the junk'), { what: 'a good message after the junk' });
    // A batch keeps its good messages (once, though it came twice) and drops the bad one.
    expect(texts(anna)).toEqual(['fine', 'after the junk']);
    expect(anna.store.viewers.get()).toBeTypeOf('number');
    expect(anna.store.settings.get()).toMatchObject({ maxLength: expect.any(Number) });
    const about = (event: string) => warnings.filter((w) => w.includes(`"${event}" event that is not`));
    for (const event of ['chat:message', 'chat:messages', 'chat:deleted', 'viewers', 'chat:settings', 'reactions']) {
      expect(about(event), event).toHaveLength(1);
    }
    // The throwing feature listener: a warning naming the event, and the connection lives on.
    io.emit('viewers', { count: 7 });
    await waitFor(() => anna.store.viewers.get() === 7, { what: 'valid viewers applied' });
    await waitFor(() => warnings.some((w) => w.includes('handling the live server\'s "viewers" event failed')), { what: 'listener failure warned' });
    expect(statusOf(anna)).toBe('connected');
  });

  it('setToken(null) signs out: a fresh session as an anonymous viewer, staff actions refused', async () => {
    const live = await server();
    const token = await live.mintToken({ show: 'conn-signout', role: 'host', name: 'Hanna' });
    const hanna = connection(live.url!, 'conn-signout', { token, name: 'Hanna' });
    await hanna.connect();
    await waitFor(() => statusOf(hanna) === 'connected' && hanna.store.you.get()?.role === 'host', { what: 'host joined' });
    expect(await hanna.request('chat:settings', { slowModeSeconds: 0 })).toMatchObject({ ok: true });
    await hanna.setToken(null);
    await waitFor(() => statusOf(hanna) === 'connected' && hanna.store.you.get()?.role === 'viewer', { what: 'anonymous again' });
    expect(await hanna.request('chat:settings', { slowModeSeconds: 0 })).toMatchObject({ ok: false, error: 'forbidden' });
    expect(live.io.of('/').sockets.size).toBe(1);
  });

  it('comes back by itself after a server restart mid-show, keeping what it showed', { timeout: 60_000 }, async () => {
    const port = await freePort();
    let live = await startLive({ port });
    const anna = connection(`http://127.0.0.1:${port}`, 'conn-4', { name: 'Anna' });
    const ben = connection(`http://127.0.0.1:${port}`, 'conn-4', { name: 'Ben' });
    await Promise.all([anna.connect(), ben.connect()]);
    await waitFor(() => statusOf(anna) === 'connected' && statusOf(ben) === 'connected');
    anna.send('before the restart');
    await waitFor(() => texts(ben).length === 1);

    await live.close();
    await waitFor(() => statusOf(anna) !== 'connected' && statusOf(ben) !== 'connected', { what: 'noticed the restart' });
    expect(['reconnecting', 'connecting']).toContain(statusOf(anna));
    live = await startLive({ port });
    cleanups.push(() => live.close());
    await waitFor(() => statusOf(anna) === 'connected' && statusOf(ben) === 'connected', { what: 'reconnected', timeout: 30_000 });
    anna.send('after the restart');
    await waitFor(() => texts(ben).length === 2 && anna.store.messages.get().every((m) => m.status === 'sent') && texts(anna).length === 2);
    expect(texts(ben)).toEqual(['before the restart', 'after the restart']);
    expect(texts(anna)).toEqual(['before the restart', 'after the restart']);
  });

  it('retries a message whose acknowledgement was lost and shows it once', { timeout: 60_000 }, async () => {
    const live = await server();
    const proxy = await LineProxy.start(Number(new URL(live.url!).port));
    cleanups.push(() => proxy.close());
    const anna = connection(proxy.url, 'conn-5', { name: 'Anna', ackTimeoutMs: 1000 });
    await anna.connect();
    await waitFor(() => statusOf(anna) === 'connected');
    const observer = await joined(live.url!, { show: 'conn-5' });
    cleanups.push(() => closeAll(observer.socket));
    const seen = collectMessages(observer.socket);
    // The message reaches the server; the line dies before the ack comes back.
    anna.send('ack lost');
    await waitFor(() => seen.length === 1);
    proxy.cut(1500);
    await waitFor(() => statusOf(anna) === 'connected' && anna.store.messages.get()[0]?.status === 'sent', { what: 'sent after reconnect', timeout: 30_000 });
    expect(texts(anna)).toEqual(['ack lost']);
    expect(seen.map((m) => m.text)).toEqual(['ack lost']);
  });

  it('shows deletions live and never brings a deleted message back', async () => {
    const live = await server();
    const host = connection(live.url!, 'conn-6', { token: await live.mintToken({ role: 'host', show: 'conn-6' }) });
    const anna = connection(live.url!, 'conn-6', { name: 'Anna' });
    await Promise.all([host.connect(), anna.connect()]);
    await waitFor(() => statusOf(anna) === 'connected' && statusOf(host) === 'connected');
    expect(host.store.you.get()?.role).toBe('host');
    anna.send('bad');
    anna.send('good');
    await waitFor(() => texts(host).length === 2 && host.store.messages.get().every((m) => m.id));
    const bad = host.store.messages.get()[0]!;
    expect(await host.deleteMessage(bad.id!)).toEqual({ ok: true, data: null });
    await waitFor(() => texts(anna).join() === 'good', { what: 'deleted on the other side' });
    expect(await anna.deleteMessage(bad.id!)).toMatchObject({ ok: false, error: 'forbidden' });
  });

  it('reports refusals: a forged token, a bad URL', async () => {
    const live = await server();
    const forged = connection(live.url!, 'conn-7', { token: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl' });
    await forged.connect();
    await waitFor(() => statusOf(forged) === 'refused');
    expect(forged.store.error.get()).toBe('unauthorized');
    expect(await forged.request('join', undefined)).toMatchObject({ ok: false, error: 'unauthorized' });
    const bad = connection('javascript:alert(1)', 'conn-7');
    await bad.connect();
    expect(statusOf(bad)).toBe('refused');
    expect(bad.store.error.get()).toBe('bad_url');
  });

  it('lets an anonymous viewer choose a name, kept for the next visit', async () => {
    const live = await server();
    const storage = memory();
    const identity = viewerIdentity(storage);
    const anna = new LiveConnection({ server: live.url!, show: 'conn-8', identity });
    cleanups.push(() => anna.close());
    await anna.connect();
    await waitFor(() => statusOf(anna) === 'connected');
    expect(anna.needsName).toBe(true);
    expect(await anna.setName('Anna')).toMatchObject({ ok: true, data: { name: 'Anna' } });
    expect(anna.needsName).toBe(false);
    expect(viewerIdentity(storage)).toMatchObject({ key: identity.key, name: 'Anna' });
    const raw = await joined(live.url!, { show: 'conn-8' });
    cleanups.push(() => closeAll(raw.socket as TestClient));
    expect((await request(raw.socket, 'profile:name', { name: '' })).ok).toBe(false);
  });
});
