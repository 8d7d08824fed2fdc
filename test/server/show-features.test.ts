// Pins and flash offers on a real live server with real socket.io clients, once with state in
// memory and once with two nodes sharing a real redis-server: the pin rules, the timeline in the
// snapshot, staff-only actions, atomic claims with signed tokens, release, sold out, expiry, and
// a server whose clock is shifted (stamps are the encoder's, so nothing moves).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Offer, OfferClaim, PinEvent, ShowSnapshot } from '../../src/live/protocol.js';
import { OfferClaimError, verifyOfferClaim, type LiveServer } from '../../src/server/index.js';
import { RedisProcess, TEST_SECRET, closeAll, collect, joined, request, startLive, waitFor, type TestClient } from '../support/live-node.js';

const EUR = (amount: number) => ({ amount, currency: 'EUR' });
/** Units left as a widget shows them: each node sends its own updates, the highest `seq` wins. */
const latest = (updates: readonly { remaining: number; seq: number }[]): number | undefined =>
  updates.reduce<{ remaining: number; seq: number } | undefined>((best, update) => (!best || update.seq > best.seq ? update : best), undefined)?.remaining;
/** A program date time from the encoder's clock (any epoch ms works: the server never compares it with its own). */
const PDT = Date.UTC(2025, 2, 14, 19, 0, 0);

interface Setup {
  /** Where staff and viewers connect (two nodes with Redis: A and B). */
  readonly a: () => LiveServer;
  readonly b: () => LiveServer;
  /** Moves the servers' clock by this many ms. */
  shift: number;
}

function showFeatureTests(kind: string, setup: Setup): void {
  const sockets: TestClient[] = [];
  let counter = 0;
  const freshShow = (): string => `${kind}-show-${++counter}`;
  afterAll(() => closeAll(...sockets));
  const join = async (server: LiveServer, show: string, role?: 'host' | 'moderator' | 'viewer') => {
    const token = role ? await server.mintToken({ role, show, sub: `${role}-${Math.random().toString(36).slice(2, 8)}` }) : undefined;
    const result = await joined(server.url!, { show, ...(token ? { token } : {}) });
    sockets.push(result.socket);
    return result;
  };

  describe(`pins (${kind})`, () => {
    it('stores stamped pins, sends them to the room and gives late joiners the timeline', async () => {
      const show = freshShow();
      const host = await join(setup.a(), show, 'host');
      const viewer = await join(setup.b(), show);
      const seen = collect<{ events: PinEvent[] }>(viewer.socket, 'pins');
      const pinned = await request<PinEvent>(host.socket, 'pin:set', { productId: 'linen-shirt', at: PDT });
      expect(pinned).toMatchObject({ ok: true, data: { productId: 'linen-shirt', action: 'pin', at: PDT } });
      await request<PinEvent>(host.socket, 'pin:clear', { productId: 'linen-shirt', at: PDT + 4000 });
      await waitFor(() => seen.length === 2, { what: 'two pins events' });
      expect(seen.flatMap((payload) => payload.events).map((event) => [event.action, event.at])).toEqual([
        ['pin', PDT],
        ['unpin', PDT + 4000],
      ]);
      const late = await join(setup.b(), show);
      expect(late.snapshot.pins?.map((event) => `${event.action}:${event.productId}@${event.at}`)).toEqual([`pin:linen-shirt@${PDT}`, `unpin:linen-shirt@${PDT + 4000}`]);
      expect(Number(late.snapshot.pins![1]!.id)).toBeGreaterThan(Number(late.snapshot.pins![0]!.id));
    });

    it('pins at most 3 products at once', async () => {
      const show = freshShow();
      const host = await join(setup.a(), show, 'host');
      const moderator = await join(setup.b(), show, 'moderator');
      for (const productId of ['p1', 'p2', 'p3']) expect((await request(host.socket, 'pin:set', { productId, at: PDT })).ok).toBe(true);
      // Pinning a pinned one again is fine (it becomes the most recent); a fourth is refused, on either node.
      expect((await request(moderator.socket, 'pin:set', { productId: 'p2', at: PDT + 1 })).ok).toBe(true);
      expect(await request(moderator.socket, 'pin:set', { productId: 'p4', at: PDT + 2 })).toMatchObject({ ok: false, error: 'pin_limit' });
      expect(await request(host.socket, 'pin:clear', { productId: 'p9', at: PDT + 3 })).toMatchObject({ ok: false, error: 'not_found' });
      expect((await request(host.socket, 'pin:clear', { productId: 'p1', at: PDT + 4 })).ok).toBe(true);
      expect((await request(moderator.socket, 'pin:set', { productId: 'p4', at: PDT + 5 })).ok).toBe(true);
    });

    it('refuses pin and offer actions from viewers, signed-in or not', async () => {
      const show = freshShow();
      const anonymous = await join(setup.a(), show);
      const signed = await join(setup.b(), show, 'viewer');
      for (const viewer of [anonymous, signed]) {
        expect(await request(viewer.socket, 'pin:set', { productId: 'p1', at: PDT })).toMatchObject({ ok: false, error: 'forbidden' });
        expect(await request(viewer.socket, 'pin:clear', { productId: 'p1', at: PDT })).toMatchObject({ ok: false, error: 'forbidden' });
        expect(await request(viewer.socket, 'offer:start', { productId: 'p1', price: EUR(100), quantity: 5, durationSeconds: 60, at: PDT })).toMatchObject({
          ok: false,
          error: 'forbidden',
        });
        expect(await request(viewer.socket, 'offer:stop', { id: 'oAAAAAAAAAAAA', at: PDT })).toMatchObject({ ok: false, error: 'forbidden' });
      }
      const fresh = await join(setup.a(), show);
      expect(fresh.snapshot.pins).toEqual([]);
      expect(fresh.snapshot.offers).toEqual([]);
    });

    it('checks what staff send', async () => {
      const show = freshShow();
      const host = await join(setup.a(), show, 'host');
      expect(await request(host.socket, 'pin:set', { productId: 'has space', at: PDT })).toMatchObject({ ok: false, error: 'invalid_payload' });
      expect(await request(host.socket, 'pin:set', { productId: 'p1', at: 'yesterday' })).toMatchObject({ ok: false, error: 'invalid_payload' });
      expect(await request(host.socket, 'offer:start', { productId: 'p1', price: { amount: 9.5, currency: 'EUR' }, quantity: 5, durationSeconds: 60, at: PDT })).toMatchObject({
        ok: false,
        error: 'invalid_payload',
      });
      expect(await request(host.socket, 'offer:start', { productId: 'p1', price: EUR(100), quantity: 0, durationSeconds: 60, at: PDT })).toMatchObject({ ok: false, error: 'invalid_payload' });
      // No program date time is allowed: the widgets then show it when it arrives.
      expect(await request(host.socket, 'pin:set', { productId: 'p1', at: null })).toMatchObject({ ok: true, data: { at: null } });
    });
  });

  describe(`offers (${kind})`, () => {
    const start = async (host: TestClient, fields: Record<string, unknown> = {}) => {
      const ack = await request<Offer>(host, 'offer:start', { productId: 'weekender', price: EUR(3900), quantity: 5, durationSeconds: 300, at: PDT, ...fields });
      if (!ack.ok) throw new Error(`offer:start refused: ${ack.error}`);
      return ack.data;
    };

    it('starts an offer, sells it through claims with signed tokens, and gives released units back', async () => {
      const show = freshShow();
      const host = await join(setup.a(), show, 'host');
      const buyer = await join(setup.b(), show);
      const other = await join(setup.a(), show);
      const offers = collect<Offer>(other.socket, 'offer');
      const stock = collect<{ id: string; remaining: number; seq: number }>(other.socket, 'offer:stock');
      const offer = await start(host.socket, { variantId: '4001' });
      expect(offer).toMatchObject({ productId: 'weekender', variantId: '4001', price: EUR(3900), quantity: 5, remaining: 5, startsAt: PDT, durationMs: 300_000, status: 'live', stoppedAt: null });
      await waitFor(() => offers.length === 1, { what: 'offer broadcast' });
      expect(await request(host.socket, 'offer:start', { productId: 'weekender', price: EUR(3500), quantity: 1, durationSeconds: 60, at: PDT })).toMatchObject({ ok: false, error: 'conflict' });

      const claim = await request<OfferClaim>(buyer.socket, 'offer:claim', { offerId: offer.id, quantity: 2, clientId: 'claim-attempt-1' });
      expect(claim).toMatchObject({ ok: true, data: { offerId: offer.id, quantity: 2, price: EUR(3900) } });
      if (!claim.ok) return;
      const verified = await verifyOfferClaim(claim.data.token, TEST_SECRET, { show });
      expect(verified).toMatchObject({ show, offerId: offer.id, claimId: claim.data.claimId, productId: 'weekender', variantId: '4001', price: EUR(3900), quantity: 2 });
      expect(verified.expiresAt).toBeGreaterThan(Date.now() + 60_000);
      await expect(verifyOfferClaim(claim.data.token, 'another-secret-of-a-decent-length!!', { show })).rejects.toBeInstanceOf(OfferClaimError);
      await expect(verifyOfferClaim(claim.data.token, TEST_SECRET, { show: 'other-show' })).rejects.toThrow(/another show/);
      // A role token is not a claim.
      await expect(verifyOfferClaim(await setup.a().mintToken({ role: 'host', show }), TEST_SECRET)).rejects.toBeInstanceOf(OfferClaimError);

      // A retry (same viewer, same client id, through the other node) gets the same claim, not two more units.
      const sameViewer = await joined(setup.a().url!, { show, auth: buyer.socket.auth as Record<string, unknown> });
      sockets.push(sameViewer.socket);
      const again = await request<OfferClaim>(sameViewer.socket, 'offer:claim', { offerId: offer.id, quantity: 2, clientId: 'claim-attempt-1' });
      expect(again.ok && again.data.claimId).toBe(claim.data.claimId);
      // Client ids are per viewer: another viewer's same id is a claim of their own.
      const others = await request<OfferClaim>(other.socket, 'offer:claim', { offerId: offer.id, quantity: 2, clientId: 'claim-attempt-1' });
      expect(others.ok && others.data.claimId).not.toBe(claim.data.claimId);

      await waitFor(() => latest(stock) === 1, { what: 'stock at 1' });
      expect(await request(buyer.socket, 'offer:claim', { offerId: offer.id, quantity: 3, clientId: 'claim-attempt-2' })).toMatchObject({
        ok: false,
        error: 'insufficient_stock',
        available: 1,
      });
      expect((await request(buyer.socket, 'offer:claim', { offerId: offer.id, quantity: 1, clientId: 'claim-attempt-3' })).ok).toBe(true);
      expect(await request(other.socket, 'offer:claim', { offerId: offer.id, quantity: 1, clientId: 'claim-attempt-4' })).toMatchObject({ ok: false, error: 'sold_out' });
      await waitFor(() => offers.at(-1)?.status === 'sold_out', { what: 'sold out broadcast' });

      // Someone else cannot give a claim back; the owner can, once.
      expect(await request(other.socket, 'offer:release', { claimId: claim.data.claimId })).toMatchObject({ ok: false, error: 'forbidden' });
      expect(await request(buyer.socket, 'offer:release', { claimId: claim.data.claimId })).toEqual({ ok: true, data: null });
      expect(await request(buyer.socket, 'offer:release', { claimId: claim.data.claimId })).toEqual({ ok: true, data: null });
      await waitFor(() => offers.at(-1)?.status === 'live' && offers.at(-1)?.remaining === 2, { what: 'back from sold out' });
      await waitFor(() => latest(stock) === 2, { what: 'stock back at 2' });
      const late = await join(setup.b(), show);
      expect(late.snapshot.offers).toMatchObject([{ id: offer.id, remaining: 2, status: 'live' }]);
    });

    it('throttles units-left updates during a rush, ending on the right count', async () => {
      const show = freshShow();
      const host = await join(setup.a(), show, 'host');
      const watcher = await join(setup.a(), show);
      const stock = collect<{ remaining: number; seq: number }>(watcher.socket, 'offer:stock');
      const offer = await start(host.socket, { quantity: 30 });
      const buyers = await Promise.all(Array.from({ length: 12 }, (_, i) => join(i % 2 ? setup.a() : setup.b(), show)));
      await Promise.all(buyers.map((buyer, i) => request(buyer.socket, 'offer:claim', { offerId: offer.id, quantity: 1, clientId: `rush-claim-${i}` })));
      await waitFor(() => latest(stock) === 18, { what: 'final stock 18' });
      expect(stock.length).toBeLessThan(12);
    });

    it('ends: a stop keeps taking claims for the late-viewer grace, then nothing', async () => {
      const show = freshShow();
      const host = await join(setup.a(), show, 'host');
      const buyer = await join(setup.b(), show);
      const offer = await start(host.socket, { productId: 'beanie', quantity: 10 });
      const stopped = await request<Offer>(host.socket, 'offer:stop', { id: offer.id, at: PDT + 60_000 });
      expect(stopped).toMatchObject({ ok: true, data: { stoppedAt: PDT + 60_000, status: 'live' } });
      // A viewer 20 s behind still sees it running, and can still buy.
      expect((await request(buyer.socket, 'offer:claim', { offerId: offer.id, quantity: 1, clientId: 'grace-claim-1' })).ok).toBe(true);
      setup.shift += 31_000;
      expect(await request(buyer.socket, 'offer:claim', { offerId: offer.id, quantity: 1, clientId: 'grace-claim-2' })).toMatchObject({ ok: false, error: 'expired' });
      const late = await join(setup.a(), show);
      expect(late.snapshot.offers).toMatchObject([{ id: offer.id, status: 'ended', stoppedAt: PDT + 60_000 }]);
      expect(await request(host.socket, 'offer:stop', { id: 'oZZZZZZZZZZZZ', at: PDT })).toMatchObject({ ok: false, error: 'not_found' });
    });

    it('expires when its time is up (plus the grace), on the server clock', async () => {
      const show = freshShow();
      const host = await join(setup.a(), show, 'host');
      const buyer = await join(setup.b(), show);
      const offer = await start(host.socket, { productId: 'tee', durationSeconds: 60 });
      setup.shift += 60_000 + 29_000;
      expect((await request(buyer.socket, 'offer:claim', { offerId: offer.id, quantity: 1, clientId: 'expiry-claim-1' })).ok).toBe(true);
      setup.shift += 2_000;
      expect(await request(buyer.socket, 'offer:claim', { offerId: offer.id, quantity: 1, clientId: 'expiry-claim-2' })).toMatchObject({ ok: false, error: 'expired' });
      // A new offer on the product can start once the old one is over.
      expect((await request(host.socket, 'offer:start', { productId: 'tee', price: EUR(1500), quantity: 3, durationSeconds: 60, at: PDT })).ok).toBe(true);
    });

    it('keeps the encoder\'s stamps whatever the server clock says', async () => {
      const show = freshShow();
      setup.shift += 3 * 3600_000; // the server is three hours ahead of the encoder
      const host = await join(setup.a(), show, 'host');
      const pin = await request<PinEvent>(host.socket, 'pin:set', { productId: 'p1', at: PDT });
      const offer = await start(host.socket, { productId: 'mug' });
      const viewer = await join(setup.b(), show);
      expect(viewer.snapshot.now).toBeGreaterThan(Date.now() + 3 * 3600_000 - 60_000);
      expect(viewer.snapshot.pins![0]).toMatchObject({ at: PDT });
      expect(pin.ok && pin.data.sentAt).toBeGreaterThan(Date.now() + 3 * 3600_000 - 60_000);
      expect(viewer.snapshot.offers![0]).toMatchObject({ id: offer.id, startsAt: PDT, status: 'live' });
      expect((viewer.snapshot as ShowSnapshot).offers![0]!.closesAt - viewer.snapshot.offers![0]!.createdAt).toBe(300_000 + 30_000);
    });
  });
}

describe('with state in memory', () => {
  let server: LiveServer;
  const setup: Setup = { a: () => server, b: () => server, shift: 0 };
  beforeAll(async () => {
    server = await startLive({ clock: () => Date.now() + setup.shift, offers: { stockIntervalMs: 200 } });
  });
  afterAll(async () => {
    await server?.close();
  });
  showFeatureTests('memory', setup);
});

describe('with two nodes sharing Redis', () => {
  let redis: RedisProcess;
  let nodeA: LiveServer;
  let nodeB: LiveServer;
  const setup: Setup = { a: () => nodeA, b: () => nodeB, shift: 0 };
  beforeAll(async () => {
    redis = await RedisProcess.start();
    const options = { redisUrl: redis.url, clock: () => Date.now() + setup.shift, offers: { stockIntervalMs: 200 } };
    [nodeA, nodeB] = await Promise.all([startLive(options), startLive(options)]);
  });
  afterAll(async () => {
    await Promise.all([nodeA?.close(), nodeB?.close()]);
    await redis?.stop();
  });
  showFeatureTests('redis', setup);

  it('never sells more than the offer has, with claims racing through both nodes', async () => {
    const show = 'redis-race';
    const hostToken = await nodeA.mintToken({ role: 'host', show });
    const host = await joined(nodeA.url!, { show, token: hostToken });
    const buyers = await Promise.all(Array.from({ length: 40 }, (_, i) => joined((i % 2 ? nodeA : nodeB).url!, { show })));
    try {
      const started = await request<Offer>(host.socket, 'offer:start', { productId: 'limited-print', price: EUR(2500), quantity: 25, durationSeconds: 120, at: PDT });
      if (!started.ok) throw new Error(started.error);
      // 40 viewers, one or two units each, all at once: 25 units must go, never 26.
      const results = await Promise.all(
        buyers.map((buyer, i) => request<OfferClaim>(buyer.socket, 'offer:claim', { offerId: started.data.id, quantity: 1 + (i % 2), clientId: `race-claim-${i}` })),
      );
      const sold = results.reduce((sum, result) => sum + (result.ok ? result.data.quantity : 0), 0);
      const refusals = results.filter((result) => !result.ok).map((result) => (result.ok ? '' : result.error));
      expect(sold).toBeLessThanOrEqual(25);
      expect(sold).toBeGreaterThanOrEqual(24); // a two-unit ask may meet a single unit left
      expect(new Set(refusals)).toEqual(new Set(refusals.filter((code) => code === 'sold_out' || code === 'insufficient_stock')));
      const late = await joined(nodeB.url!, { show });
      expect(late.snapshot.offers![0]!.remaining).toBe(25 - sold);
      const tokens = await Promise.all(results.filter((r) => r.ok).map((r) => verifyOfferClaim(r.ok ? r.data.token : '', TEST_SECRET)));
      expect(new Set(tokens.map((token) => token.claimId)).size).toBe(tokens.length);
      closeAll(late.socket);
    } finally {
      closeAll(host.socket, ...buyers.map((buyer) => buyer.socket));
    }
  });
});
