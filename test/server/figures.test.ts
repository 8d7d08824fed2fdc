// The show's figures and the pinned chat message: real live servers and socket.io clients, in
// memory on one node and with a real redis-server on two nodes (figures summed over both).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatMessage, ShowFigures, TrackEvent } from '../../src/live/protocol.js';
import type { LiveServer } from '../../src/server/index.js';
import { composeFigures, parseTrackEvent } from '../../src/server/features/figures.js';
import { RedisProcess, closeAll, collect, joined, request, startLive, waitFor, type TestClient } from '../support/live-node.js';

const sockets: TestClient[] = [];
let counter = 0;
const freshShow = (): string => `figures-${process.pid}-${++counter}`;
const keep = <T extends { socket: TestClient }>(value: T): T => {
  sockets.push(value.socket);
  return value;
};
const at = Date.now();
const EUR = (amount: number) => ({ amount, currency: 'EUR' });

/** The latest figures a staff client received that satisfy `test`. */
async function figuresWhere(seen: ShowFigures[], test: (figures: ShowFigures) => boolean, what: string): Promise<ShowFigures> {
  return waitFor(() => [...seen].reverse().find(test), { what, timeout: 15_000 });
}

afterAll(() => closeAll(...sockets));

describe('track beacons (checks)', () => {
  it('accepts well-formed events and rejects everything else', () => {
    expect(parseTrackEvent({ type: 'add_to_cart', productId: 'p1', value: EUR(1999), quantity: 1, creator: 'anna', at })).toEqual({
      type: 'add_to_cart',
      productId: 'p1',
      value: EUR(1999),
      quantity: 1,
      creator: 'anna',
      at,
    });
    expect(parseTrackEvent({ type: 'play', at })).toEqual({ type: 'play', at });
    const bad: unknown[] = [
      null,
      'impression',
      [],
      { type: 'impression', at }, // no product
      { type: 'buy', productId: 'p1', at },
      { type: 'impression', productId: 'p1' }, // no time
      { type: 'impression', productId: 'p1', at: Number.NaN },
      { type: 'impression', productId: 'x'.repeat(129), at },
      { type: 'impression', productId: 'a\u0000b', at },
      { type: 'impression', productId: 42, at },
      { type: 'add_to_cart', productId: 'p1', value: { amount: 1.5, currency: 'EUR' }, at },
      { type: 'add_to_cart', productId: 'p1', value: { amount: -1, currency: 'EUR' }, at },
      { type: 'add_to_cart', productId: 'p1', value: { amount: 100, currency: 'euro' }, at },
      { type: 'add_to_cart', productId: 'p1', value: 100, at },
      { type: 'add_to_cart', productId: 'p1', quantity: 0, at },
      { type: 'add_to_cart', productId: 'p1', quantity: 2.5, at },
      { type: 'add_to_cart', productId: 'p1', creator: '', at },
    ];
    for (const event of bad) expect(parseTrackEvent(event), JSON.stringify(event)).toBe(null);
  });

  it('composes stored counters into figures, the largest currency per product', () => {
    const figures = composeFigures(
      { 'i:p1': '3', 'o:p1': '2', 'a:p1': '1', 'v:EUR:p1': '1999', 'v:USD:p1': '500', 'ca:anna': '1', 'cv:EUR:anna': '1999', plays: '4', checkouts: '1', peak: '7', 'i:p:2': '1' },
      { viewers: 5, chatPerMinute: 12, at },
    );
    expect(figures).toEqual({
      viewers: 5,
      peakViewers: 7,
      chatPerMinute: 12,
      plays: 4,
      checkouts: 1,
      products: {
        p1: { impressions: 3, overlayOpens: 2, addToCarts: 1, addToCartValue: EUR(1999) },
        'p:2': { impressions: 1, overlayOpens: 0, addToCarts: 0, addToCartValue: null },
      },
      creators: { anna: { addToCarts: 1, addToCartValue: EUR(1999) } },
      at,
    });
  });
});

describe('figures on one node (memory)', () => {
  let server: LiveServer;
  beforeAll(async () => {
    server = await startLive({ figuresIntervalMs: 100, viewerIntervalMs: 100, track: { burst: 60, perSecond: 1 } });
  });
  afterAll(() => server?.close());

  it('sends staff, and only staff, the figures the beacons reported, every interval', async () => {
    const show = freshShow();
    const host = keep(await joined(server.url!, { show, token: await server.mintToken({ role: 'host', show }) }));
    const anna = keep(await joined(server.url!, { show, name: 'Anna' }));
    const ben = keep(await joined(server.url!, { show, name: 'Ben' }));
    const staffSeen = collect<ShowFigures>(host.socket, 'figures');
    const viewerSeen = collect<ShowFigures>(anna.socket, 'figures');

    const events = (list: TrackEvent[]) => ({ events: list });
    anna.socket.emit('track', events([
      { type: 'play', at },
      { type: 'impression', productId: 'p1', at },
      { type: 'impression', productId: 'p2', at },
      { type: 'impression', productId: 'p1', at }, // the same card again: counted once per connection
      { type: 'overlay_open', productId: 'p1', at },
      { type: 'add_to_cart', productId: 'p1', quantity: 2, value: EUR(3998), creator: 'anna-creator', at },
    ]));
    ben.socket.emit('track', events([
      { type: 'impression', productId: 'p1', at },
      { type: 'overlay_open', productId: 'p1', at },
      { type: 'product_view', productId: 'p2', at },
      { type: 'add_to_cart', productId: 'p1', quantity: 1, value: EUR(1999), at },
      { type: 'checkout', value: EUR(5997), at },
      { type: 'impression', at } as TrackEvent, // invalid: skipped, the rest counts
    ]));
    const figures = await figuresWhere(staffSeen, (f) => f.checkouts === 1 && f.products['p1']?.addToCarts === 2, 'figures with both reports');
    expect(figures.products).toEqual({
      p1: { impressions: 2, overlayOpens: 2, addToCarts: 2, addToCartValue: EUR(5997) },
      p2: { impressions: 1, overlayOpens: 1, addToCarts: 0, addToCartValue: null },
    });
    expect(figures.creators).toEqual({ 'anna-creator': { addToCarts: 1, addToCartValue: EUR(3998) } });
    expect(figures.plays).toBe(1);
    expect(figures.viewers).toBe(2); // two shoppers; staff are not viewers
    expect(figures.peakViewers).toBe(2);

    // Sent again every interval, the same sums.
    const count = staffSeen.length;
    await waitFor(() => staffSeen.length >= count + 3, { what: 'three more figures' });
    expect(staffSeen.at(-1)!.products).toEqual(figures.products);
    expect(viewerSeen).toEqual([]);
  });

  it('drops malformed and oversized reports and caps each connection with a budget', async () => {
    const show = freshShow();
    const host = keep(await joined(server.url!, { show, token: await server.mintToken({ role: 'host', show }) }));
    const flood = keep(await joined(server.url!, { show, name: 'Flood' }));
    const staffSeen = collect<ShowFigures>(host.socket, 'figures');
    const raw = flood.socket as unknown as { emit(event: string, ...args: unknown[]): void };
    raw.emit('track', 'nonsense');
    raw.emit('track', { events: 'nope' });
    raw.emit('track', { events: Array.from({ length: 51 }, () => ({ type: 'overlay_open', productId: 'p1', at })) });
    raw.emit('track', { events: [{ type: 'overlay_open', productId: 'p1', at }] }, () => undefined); // counted; the ack is extra
    // The budget of this server is a burst of 60 events: the rest of the flood is dropped.
    for (let i = 0; i < 3; i++) flood.socket.emit('track', { events: Array.from({ length: 40 }, () => ({ type: 'overlay_open', productId: 'p1', at })) });
    const figures = await figuresWhere(staffSeen, (f) => (f.products['p1']?.overlayOpens ?? 0) >= 60, 'the flood counted up to its budget');
    await waitFor(() => staffSeen.length > staffSeen.indexOf(figures) + 2, { what: 'two more figures' });
    const opens = staffSeen.at(-1)!.products['p1']!.overlayOpens;
    expect(opens).toBeGreaterThanOrEqual(60);
    expect(opens).toBeLessThanOrEqual(62); // the burst (+ a token or two refilled meanwhile)
    expect(flood.socket.connected).toBe(true);
  });

  it('counts chat messages of the last minute and keeps the peak of viewers', async () => {
    const show = freshShow();
    const host = keep(await joined(server.url!, { show, token: await server.mintToken({ role: 'host', show }) }));
    const staffSeen = collect<ShowFigures>(host.socket, 'figures');
    const viewers = await Promise.all([1, 2, 3].map((i) => joined(server.url!, { show, name: `Viewer ${i}` }).then(keep)));
    for (const [i, viewer] of viewers.entries()) {
      const ack = await request(viewer.socket, 'chat:send', { clientId: `figures-chat-${counter}-${i}`, text: `hello ${i}` });
      expect(ack.ok).toBe(true);
    }
    await request(host.socket, 'chat:send', { clientId: `figures-chat-${counter}-host`, text: 'welcome' });
    await figuresWhere(staffSeen, (f) => f.chatPerMinute === 4 && f.viewers === 3 && f.peakViewers === 3, '4 messages, 3 viewers');
    closeAll(...viewers.map((v) => v.socket));
    const after = await figuresWhere(staffSeen, (f) => f.viewers === 0, 'viewers gone');
    expect(after.peakViewers).toBe(3);
    expect(after.chatPerMinute).toBe(4);
  });
});

describe('the pinned chat message', () => {
  let server: LiveServer;
  beforeAll(async () => {
    server = await startLive();
  });
  afterAll(() => server?.close());

  it('lets staff pin a message for every viewer, refuses viewers, and unpins on delete', async () => {
    const show = freshShow();
    const anna = keep(await joined(server.url!, { show, name: 'Anna' }));
    const host = keep(await joined(server.url!, { show, token: await server.mintToken({ role: 'moderator', show }) }));
    const pinnedSeen = collect<{ message: ChatMessage | null }>(anna.socket, 'chat:pinned');
    const question = await request<ChatMessage>(anna.socket, 'chat:send', { clientId: 'pin-question-1', text: 'Is it washable?', question: true });
    if (!question.ok) throw new Error(question.error);

    expect(await request(anna.socket, 'chat:pin', { id: question.data.id })).toMatchObject({ ok: false, error: 'forbidden' });
    expect(await request(host.socket, 'chat:pin', { id: '123-0' })).toMatchObject({ ok: false, error: 'not_found' });
    expect(await request(host.socket, 'chat:pin', { id: '<b>' })).toMatchObject({ ok: false, error: 'invalid_payload' });
    expect(await request(host.socket, 'chat:pin', 'x')).toMatchObject({ ok: false, error: 'invalid_payload' });
    expect(pinnedSeen).toEqual([]);

    expect(await request(host.socket, 'chat:pin', { id: question.data.id })).toEqual({ ok: true, data: null });
    await waitFor(() => pinnedSeen.length === 1, { what: 'chat:pinned' });
    expect(pinnedSeen[0]!.message).toMatchObject({ id: question.data.id, text: 'Is it washable?' });
    const late = keep(await joined(server.url!, { show, name: 'Late' }));
    expect(late.snapshot.pinnedMessage).toMatchObject({ id: question.data.id });

    expect(await request(host.socket, 'chat:pin', { id: null })).toEqual({ ok: true, data: null });
    await waitFor(() => pinnedSeen.length === 2, { what: 'unpinned' });
    expect(pinnedSeen[1]!.message).toBe(null);

    await request(host.socket, 'chat:pin', { id: question.data.id });
    await waitFor(() => pinnedSeen.length === 3);
    await request(host.socket, 'chat:delete', { id: question.data.id });
    await waitFor(() => pinnedSeen.length === 4, { what: 'unpinned by the delete' });
    expect(pinnedSeen[3]!.message).toBe(null);
    expect(keep(await joined(server.url!, { show })).snapshot.pinnedMessage).toBe(null);
  });
});

describe('figures on two nodes (Redis)', () => {
  let redis: RedisProcess;
  let nodeA: LiveServer;
  let nodeB: LiveServer;
  beforeAll(async () => {
    redis = await RedisProcess.start();
    [nodeA, nodeB] = await Promise.all([
      startLive({ redisUrl: redis.url, figuresIntervalMs: 150, viewerIntervalMs: 150 }),
      startLive({ redisUrl: redis.url, figuresIntervalMs: 150, viewerIntervalMs: 150 }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([nodeA?.close(), nodeB?.close()]);
    await redis?.stop();
  });

  it('sums beacons, chat and viewers over both nodes for staff on either node', async () => {
    const show = freshShow();
    const hostA = keep(await joined(nodeA.url!, { show, token: await nodeA.mintToken({ role: 'host', show }) }));
    const hostB = keep(await joined(nodeB.url!, { show, token: await nodeB.mintToken({ role: 'moderator', show }) }));
    const seenA = collect<ShowFigures>(hostA.socket, 'figures');
    const seenB = collect<ShowFigures>(hostB.socket, 'figures');
    const onA = keep(await joined(nodeA.url!, { show, name: 'On A' }));
    const onB = keep(await joined(nodeB.url!, { show, name: 'On B' }));
    onA.socket.emit('track', { events: [{ type: 'impression', productId: 'p1', at }, { type: 'add_to_cart', productId: 'p1', quantity: 1, value: EUR(1000), creator: 'c1', at }] });
    onB.socket.emit('track', { events: [{ type: 'impression', productId: 'p1', at }, { type: 'add_to_cart', productId: 'p1', quantity: 1, value: EUR(2500), creator: 'c1', at }] });
    await request(onA.socket, 'chat:send', { clientId: `redis-figures-${counter}-a`, text: 'from A' });
    await request(onB.socket, 'chat:send', { clientId: `redis-figures-${counter}-b`, text: 'from B' });
    const expected = (f: ShowFigures) =>
      f.viewers === 2 && f.chatPerMinute === 2 && f.products['p1']?.addToCarts === 2 && f.products['p1']?.impressions === 2;
    const [a, b] = await Promise.all([figuresWhere(seenA, expected, 'sums on node A'), figuresWhere(seenB, expected, 'sums on node B')]);
    for (const figures of [a, b]) {
      expect(figures.products['p1']).toEqual({ impressions: 2, overlayOpens: 0, addToCarts: 2, addToCartValue: EUR(3500) });
      expect(figures.creators).toEqual({ c1: { addToCarts: 2, addToCartValue: EUR(3500) } });
      expect(figures.peakViewers).toBe(2);
    }
    // Each staff connection gets one figures event per interval, not one per node: ten more take
    // at least nine intervals (timers never fire early; a copy from the other node would halve it).
    const start = seenA.length;
    const since = Date.now();
    await waitFor(() => seenA.length >= start + 10, { what: 'ten more figures' });
    expect(Date.now() - since).toBeGreaterThanOrEqual(9 * 150 - 50);
  });
});
