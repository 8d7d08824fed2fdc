import { describe, expect, it } from 'vitest';
import type { ChatMessage, ShowSnapshot } from '../../src/live/protocol.js';
import { BATCH_REST, nextBatchWait } from '../../src/server/features/chat.js';
import type { LiveServer } from '../../src/server/index.js';
import { client, collect, collectMessages, connected, joined, liveSuite, RedisProcess, request, startLive, waitFor } from '../support/live-node.js';

const suite = liveSuite('chat');
const { freshShow, track } = suite;

async function viewer(show: string, name = 'Viewer') {
  return track(await joined(suite.live.url!, { show, name }));
}

describe('chat', () => {
  it('joins with a snapshot and delivers a message to everyone in the show, once', async () => {
    const show = freshShow();
    const anna = await viewer(show, 'Anna');
    const ben = await viewer(show, 'Ben');
    expect(anna.snapshot).toMatchObject({ v: 1, show, you: { name: 'Anna', role: 'viewer' }, messages: [], restriction: null });
    expect(anna.snapshot.you.id).toMatch(/^a_/);
    expect(anna.snapshot.settings).toEqual({ maxLength: 200, slowModeSeconds: 0, rateLimit: { messages: 20, perSeconds: 30 } });
    expect(anna.snapshot.questions).toBeUndefined();

    const seenByBen = collectMessages(ben.socket);
    const ack = await request<ChatMessage>(anna.socket, 'chat:send', { clientId: 'client-id-0001', text: 'Does it come in blue?' });
    expect(ack.ok && ack.data).toMatchObject({ clientId: 'client-id-0001', text: 'Does it come in blue?', author: { name: 'Anna' }, question: false });
    await waitFor(() => seenByBen.length === 1, { what: 'message on the other client' });
    expect(seenByBen[0]!.id).toBe(ack.ok && ack.data.id);

    const late = await viewer(show, 'Late');
    expect(late.snapshot.messages.map((m) => m.text)).toEqual(['Does it come in blue?']);
  });

  it('answers a retry with the original message and broadcasts it only once', async () => {
    const show = freshShow();
    const anna = await viewer(show);
    const ben = await viewer(show);
    const seen = collectMessages(ben.socket);
    const payload = { clientId: 'retry-client-01', text: 'hello' };
    const [first, second, third] = await Promise.all([
      request<ChatMessage>(anna.socket, 'chat:send', payload),
      request<ChatMessage>(anna.socket, 'chat:send', payload),
      request<ChatMessage>(anna.socket, 'chat:send', payload),
    ]);
    expect(first.ok && second.ok && third.ok).toBe(true);
    const ids = [first, second, third].map((a) => a.ok && a.data.id);
    expect(new Set(ids).size).toBe(1);
    await request(anna.socket, 'chat:send', { clientId: 'retry-client-02', text: 'after' });
    await waitFor(() => seen.length === 2);
    expect(seen.map((m) => m.text)).toEqual(['hello', 'after']);
  });

  it('sends a busy show\'s messages in batches, in order, without the ones deleted meanwhile', async () => {
    const slow = await startLive({ chat: { batchMs: 1500, batchFrom: 1, batchAdaptive: false } });
    try {
      const show = freshShow();
      const host = track(await joined(slow.url!, { show, token: await slow.mintToken({ role: 'host', show }) }));
      const ben = track(await joined(slow.url!, { show }));
      const single = collect<ChatMessage>(ben.socket, 'chat:message');
      const batches = collect<{ messages: ChatMessage[] }>(ben.socket, 'chat:messages');
      const acks = [];
      for (let i = 1; i <= 5; i++) acks.push(await request<ChatMessage>(host.socket, 'chat:send', { clientId: `batch-msg-000${i}`, text: `m${i}` }));
      // Each sender hears back at once; the room gets the first at once and the rest together.
      expect(acks.every((a) => a.ok)).toBe(true);
      expect(await request(host.socket, 'chat:delete', { id: acks[2]!.ok ? acks[2]!.data.id : '' })).toEqual({ ok: true, data: null });
      await waitFor(() => batches.length === 1, { what: 'one batch' });
      expect(single.map((m) => m.text)).toEqual(['m1']);
      expect(batches[0]!.messages.map((m) => m.text)).toEqual(['m2', 'm4', 'm5']);
    } finally {
      await slow.close();
    }
  });

  it('times the next batch from the start of the previous fan-out, resting at least as long as the fan-out took', () => {
    const fixed = { batchMs: 100, batchAdaptive: false };
    const adaptive = { batchMs: 100, batchAdaptive: true };
    // The window is batchMs from the start: what is left of it after the fan-out.
    expect(nextBatchWait(0, fixed)).toBe(100);
    expect(nextBatchWait(30, fixed)).toBe(70);
    expect(nextBatchWait(45.2, fixed)).toBe(55);
    // A fan-out longer than half the window: the node rests as long (fan-out takes at most half of it).
    expect(BATCH_REST).toBe(1);
    expect(nextBatchWait(60, fixed)).toBe(60);
    expect(nextBatchWait(300, fixed)).toBe(300);
    // Adaptive: as long as the fan-out took; from batchMs / 2 on it is the default.
    expect(nextBatchWait(0.2, adaptive)).toBe(1);
    expect(nextBatchWait(10, adaptive)).toBe(10);
    expect(nextBatchWait(60, adaptive)).toBe(60);
    expect(nextBatchWait(300, adaptive)).toBe(300);
  });

  /** Starts a show with a host and Ben, whose socket takes `costMs` to write to once (the fan-out of `first`). */
  async function costlyFanOut(live: LiveServer, costMs: number) {
    const show = freshShow();
    const host = track(await joined(live.url!, { show, token: await live.mintToken({ role: 'host', show }) }));
    const ben = track(await joined(live.url!, { show, name: 'Ben' }));
    const seen = collectMessages(ben.socket);
    const batches = collect<{ messages: ChatMessage[] }>(ben.socket, 'chat:messages');
    const send = (text: string) => request<ChatMessage>(host.socket, 'chat:send', { clientId: `costly-${text}-001`, text });
    // Server-side times (the server runs in this process): the costly fan-out's start and end, and
    // when the next batch reached Ben's socket.
    const at: { start?: number; end?: number; batch?: number } = {};
    const onServer = [...live.io.of('/').sockets.values()].find((s) => s.data.user.id === ben.snapshot.you.id)!;
    onServer.onAnyOutgoing((event) => {
      if (event === 'chat:messages') at.batch ??= performance.now();
      if (event !== 'chat:message' || at.start !== undefined) return;
      at.start = performance.now();
      while (performance.now() < at.start + costMs);
      at.end = performance.now();
    });
    expect((await send('c1')).ok).toBe(true);
    // Both wait for the next batch (their acks come at once).
    const [c2, c3] = await Promise.all([send('c2'), send('c3')]);
    expect(c2!.ok && c3!.ok).toBe(true);
    await waitFor(() => seen.length === 3, { what: 'the batch after the costly fan-out' });
    expect(seen.map((m) => m.text)).toEqual(['c1', 'c2', 'c3']);
    expect(batches.map((b) => b.messages.map((m) => m.text))).toEqual([['c2', 'c3']]);
    return { start: at.start!, end: at.end!, batch: at.batch! };
  }

  it('starts the next batch batchMs after the previous fan-out started, not batchMs after it ended', async () => {
    const live = await startLive({ chat: { batchMs: 1500, batchFrom: 1 } });
    try {
      // A 700 ms fan-out: the next batch waits what is left of the 1,500 ms window (800 ms), not 1,500 ms more.
      const at = await costlyFanOut(live, 700);
      expect(at.batch - at.start).toBeGreaterThanOrEqual(1500 - 2); // never sooner than the window (timers may round down 1 ms)
      expect(at.batch - at.end).toBeLessThan(1500); // and sooner than batchMs after the fan-out (the wait is 800 ms)
    } finally {
      await live.close();
    }
  });

  it('rests at least as long as a fan-out took after one longer than the window, so batches never run back to back', async () => {
    const live = await startLive({ chat: { batchMs: 200, batchFrom: 1 } });
    try {
      // A 1,000 ms fan-out in a 200 ms window: the window is long gone, the node still rests 1,000 ms.
      const at = await costlyFanOut(live, 1000);
      expect(at.batch - at.end).toBeGreaterThanOrEqual(1000 - 2);
    } finally {
      await live.close();
    }
  });

  it('with Redis, rests after this node\'s fan-out (which runs once Redis has the message) before the next batch', async () => {
    const redis = await RedisProcess.start();
    const live = await startLive({ redisUrl: redis.url, chat: { batchMs: 200, batchFrom: 1 } });
    try {
      // The 200 ms window is due while the 1 s local fan-out still runs; the node then rests 1 s.
      const at = await costlyFanOut(live, 1000);
      expect(at.batch - at.end).toBeGreaterThanOrEqual(1000 - 2);
    } finally {
      await live.close();
      await redis.stop();
    }
  });

  it('waits after a fan-out as long as it took (adaptive): a cheap room hardly waits, a costly one batches', async () => {
    const live = await startLive({ chat: { batchMs: 60_000, batchFrom: 1, batchAdaptive: true } });
    try {
      const show = freshShow();
      const host = track(await joined(live.url!, { show, token: await live.mintToken({ role: 'host', show }) }));
      const ben = track(await joined(live.url!, { show, name: 'Ben' }));
      const seen = collectMessages(ben.socket);
      const batches = collect<{ messages: ChatMessage[] }>(ben.socket, 'chat:messages');
      const send = (text: string) => request<ChatMessage>(host.socket, 'chat:send', { clientId: `adaptive-${text}-001`, text });
      // Two widgets: each fan-out takes well under a millisecond, so nothing waits for batchMs (a minute).
      for (const text of ['a1', 'a2', 'a3']) expect((await send(text)).ok).toBe(true);
      await waitFor(() => seen.length === 3, { what: 'three messages long before batchMs' });
      expect(seen.map((m) => m.text)).toEqual(['a1', 'a2', 'a3']);

      // A costly fan-out (Ben's socket takes 1 s to write to, once): what follows waits that long, together.
      const onServer = [...live.io.of('/').sockets.values()].find((s) => s.data.user.id === ben.snapshot.you.id)!;
      let slowOnce = true;
      onServer.onAnyOutgoing((event) => {
        if (event !== 'chat:message' || !slowOnce) return;
        slowOnce = false;
        const until = performance.now() + 1000;
        while (performance.now() < until);
      });
      expect((await send('b1')).ok).toBe(true);
      const [b2, b3] = await Promise.all([send('b2'), send('b3')]);
      expect(b2!.ok && b3!.ok).toBe(true);
      await waitFor(() => seen.length === 6, { what: 'the batch after the costly fan-out' });
      expect(seen.map((m) => m.text)).toEqual(['a1', 'a2', 'a3', 'b1', 'b2', 'b3']);
      expect(batches.at(-1)!.messages.map((m) => m.text)).toEqual(['b2', 'b3']);
    } finally {
      await live.close();
    }
  });

  it('keeps the fixed window with Redis, where the local fan-out cannot be timed (adaptive is one node only)', async () => {
    const redis = await RedisProcess.start();
    const live = await startLive({ redisUrl: redis.url, chat: { batchMs: 1500, batchFrom: 1, batchAdaptive: true } });
    try {
      const show = freshShow();
      const host = track(await joined(live.url!, { show, token: await live.mintToken({ role: 'host', show }) }));
      const ben = track(await joined(live.url!, { show, name: 'Ben' }));
      const single = collect<ChatMessage>(ben.socket, 'chat:message');
      const batches = collect<{ messages: ChatMessage[] }>(ben.socket, 'chat:messages');
      for (let i = 1; i <= 3; i++) expect((await request<ChatMessage>(host.socket, 'chat:send', { clientId: `redis-batch-${i}`, text: `r${i}` })).ok).toBe(true);
      await waitFor(() => batches.length === 1, { what: 'one batch after the window' });
      expect(single.map((m) => m.text)).toEqual(['r1']);
      expect(batches[0]!.messages.map((m) => m.text)).toEqual(['r2', 'r3']);
    } finally {
      await live.close();
      await redis.stop();
    }
  });

  it('encodes a broadcast once, as one WebSocket frame buffer written to each socket', async () => {
    const show = freshShow();
    const anna = await viewer(show);
    const seen = collectMessages(anna.socket);
    const adapter = suite.live.io.of('/').adapter as unknown as { _encode(packet: unknown, options: { wsPreEncodedFrame?: Buffer[] }): unknown };
    const options: { wsPreEncodedFrame?: Buffer[] } = {};
    adapter._encode({ type: 2, nsp: '/', data: ['chat:message', { text: 'frame' }] }, options);
    expect(options.wsPreEncodedFrame).toHaveLength(1);
    // A text frame (FIN + opcode 1), unmasked, carrying the engine.io message packet.
    const frame = options.wsPreEncodedFrame![0]!;
    expect(frame[0]).toBe(0x81);
    expect(frame.subarray(2).toString()).toBe('42["chat:message",{"text":"frame"}]');
    // And viewers still read real broadcasts sent that way.
    await request(anna.socket, 'chat:send', { clientId: 'frame-client-1', text: 'one write' });
    await waitFor(() => seen.length === 1);
    expect(seen[0]!.text).toBe('one write');
  });

  it('keeps markup as text and removes control and direction-override characters', async () => {
    const show = freshShow();
    const anna = await viewer(show);
    const hostile = '<script>alert(1)</script><img src=x onerror=alert(2)>';
    const ack = await request<ChatMessage>(anna.socket, 'chat:send', { clientId: 'xss-client-001', text: hostile });
    expect(ack.ok && ack.data.text).toBe(hostile);
    const bidi = await request<ChatMessage>(anna.socket, 'chat:send', { clientId: 'bidi-client-01', text: 'price \u202e05\u202c €\u0000\u0007 ok\n\nnext' });
    expect(bidi.ok && bidi.data.text).toBe('price 05 € ok next');
    const zalgo = await request<ChatMessage>(anna.socket, 'chat:send', { clientId: 'zalgo-client1', text: 'q\u0301\u0302\u0303\u0304\u0305\u0306b' });
    expect(zalgo.ok && zalgo.data.text).toBe('q\u0301\u0302\u0303b');
  });

  it('refuses 10,000 characters, binary payloads and empty text without reaching others', async () => {
    const show = freshShow();
    const anna = await viewer(show);
    const ben = await viewer(show);
    const seen = collectMessages(ben.socket);
    const long = await request(anna.socket, 'chat:send', { clientId: 'long-client-01', text: 'x'.repeat(10_000) });
    expect(long).toMatchObject({ ok: false, error: 'too_long' });
    const justOver = await request(anna.socket, 'chat:send', { clientId: 'long-client-02', text: '😀'.repeat(201) });
    expect(justOver).toMatchObject({ ok: false, error: 'too_long' });
    const binary = await request(anna.socket, 'chat:send', { clientId: 'bin-client-001', text: Buffer.from('hello') });
    expect(binary).toMatchObject({ ok: false, error: 'invalid_payload' });
    const binaryPayload = await request(anna.socket, 'chat:send', new Uint8Array([1, 2, 3]));
    expect(binaryPayload).toMatchObject({ ok: false, error: 'invalid_payload' });
    const empty = await request(anna.socket, 'chat:send', { clientId: 'empty-client1', text: ' \u200b\n ' });
    expect(empty).toMatchObject({ ok: false, error: 'empty' });
    const ok = await request(anna.socket, 'chat:send', { clientId: 'fine-client-01', text: '😀'.repeat(200) });
    expect(ok.ok).toBe(true);
    await waitFor(() => seen.length === 1);
    expect(seen).toHaveLength(1);
  });

  it('refuses wrong types in every field of every event with invalid_payload', async () => {
    const show = freshShow();
    const anna = await viewer(show);
    const binary = Buffer.from([0xff]);
    const notObject = [null, 42, 'text', true, [], binary];
    const notString = [null, 42, true, [], { nested: 1 }, binary];
    const notBoolean = [null, 42, 'yes', [], { nested: 1 }, binary];
    const cases: [string, unknown[], (bad: unknown) => unknown][] = [
      ['chat:send', notObject, (bad) => bad],
      ['chat:send', notString, (bad) => ({ clientId: bad, text: 'hi' })],
      ['chat:send', notString, (bad) => ({ clientId: 'types-client1', text: bad })],
      ['chat:send', notBoolean, (bad) => ({ clientId: 'types-client2', text: 'hi', question: bad })],
      ['chat:question', notObject, (bad) => bad],
      ['chat:question', notString, (bad) => ({ id: bad })],
      ['profile:name', notObject, (bad) => bad],
      ['profile:name', notString, (bad) => ({ name: bad })],
      ['auth:token', notObject, (bad) => bad],
      ['auth:token', notString, (bad) => ({ token: bad })],
    ];
    for (const [event, values, make] of cases) {
      // A fresh viewer per case, so the flood guard (30 events in a burst) stays out of the way.
      const { socket } = await viewer(show);
      for (const bad of values) {
        const payload = make(bad);
        const ack = await request(socket, event, payload);
        const expected = event === 'auth:token' && typeof payload === 'object' && payload !== null && !Buffer.isBuffer(payload) && !Array.isArray(payload) ? 'unauthorized' : 'invalid_payload';
        expect(ack, `${event} with ${String(JSON.stringify(payload))}`).toMatchObject({ ok: false, error: expected });
      }
    }
    // Malformed ids are refused before any lookup.
    expect(await request(anna.socket, 'chat:question', { id: '../../etc' })).toMatchObject({ ok: false, error: 'invalid_payload' });
    // The server is still fine and the connection still works.
    const after = await request(anna.socket, 'chat:send', { clientId: 'types-after-1', text: 'still here' });
    expect(after.ok).toBe(true);
  });

  it('answers unknown events and requests before join without crashing', async () => {
    const show = freshShow();
    const socket = track(client(suite.live.url!, { show }));
    await connected(socket);
    expect(await request(socket, 'chat:send', { clientId: 'early-client1', text: 'hi' })).toMatchObject({ ok: false, error: 'not_joined' });
    expect(await request(socket, 'no:such-event', {})).toMatchObject({ ok: false, error: 'unknown_event' });
    expect((await request(socket, 'join')).ok).toBe(true);
  });

  it('asks a name of anonymous viewers before they write', async () => {
    const show = freshShow();
    const socket = track(client(suite.live.url!, { show, name: '' }));
    await connected(socket);
    const snapshot = await request<ShowSnapshot>(socket, 'join');
    expect(snapshot.ok && snapshot.data.you.name).toBe('');
    expect(await request(socket, 'chat:send', { clientId: 'noname-client', text: 'hi' })).toMatchObject({ ok: false, error: 'name_required' });
    expect(await request(socket, 'profile:name', { name: '  Zoë  ' })).toMatchObject({ ok: true, data: { name: 'Zoë' } });
    expect(await request(socket, 'profile:name', { name: 'x'.repeat(33) })).toMatchObject({ ok: false, error: 'too_long' });
    expect(await request(socket, 'chat:send', { clientId: 'noname-client', text: 'hi' })).toMatchObject({ ok: true, data: { author: { name: 'Zoë' } } });
  });

  it('queues questions for staff and tells everyone a message became a question', async () => {
    const show = freshShow();
    const anna = await viewer(show, 'Anna');
    const ben = await viewer(show, 'Ben');
    const host = await joined(suite.live.url!, { show, token: await suite.live.mintToken({ role: 'host', show, name: 'Host' }) });
    track(host);
    expect(host.snapshot.questions).toEqual([]);
    expect(host.snapshot.you).toMatchObject({ role: 'host', name: 'Host' });
    const queues = collect<{ questions: ChatMessage[] }>(host.socket, 'questions');
    const flagged = collect<{ id: string }>(ben.socket, 'chat:question');

    const asked = await request<ChatMessage>(anna.socket, 'chat:send', { clientId: 'question-01', text: 'Size?', question: true });
    await waitFor(() => queues.at(-1)?.questions.length === 1, { what: 'question queue' });
    const plain = await request<ChatMessage>(anna.socket, 'chat:send', { clientId: 'question-02', text: 'And in red?' });
    const plainId = plain.ok ? plain.data.id : '';
    expect(await request(ben.socket, 'chat:question', { id: plainId })).toMatchObject({ ok: false, error: 'forbidden' });
    expect(await request(anna.socket, 'chat:question', { id: plainId })).toEqual({ ok: true, data: null });
    await waitFor(() => flagged.some((f) => f.id === plainId));
    await waitFor(() => queues.at(-1)?.questions.length === 2);
    expect(queues.at(-1)!.questions.map((q) => q.text)).toEqual(['Size?', 'And in red?']);

    const again = await joined(suite.live.url!, { show, name: 'Again' });
    track(again);
    expect(again.snapshot.messages.map((m) => m.question)).toEqual([true, true]);

    expect(await request(host.socket, 'question:dismiss', { id: asked.ok ? asked.data.id : '' })).toEqual({ ok: true, data: null });
    await waitFor(() => queues.at(-1)?.questions.length === 1);
  });
});
