// Flash offers: staff start one on a product (price, units, duration) and may stop it; viewers
// claim units before their cart add (atomic in the state store, so two nodes never sell more
// than there are) and get a short-lived signed token the cart line carries; a failed add gives
// the units back. Units left go out throttled; start, stop, sold out and close go out at once.
import { randomBytes } from 'node:crypto';
import { PROTOCOL_LIMITS, type Offer, type OfferClaim, type OfferStatus } from '../../live/protocol.js';
import type { Money } from '../../commerce/product.js';
import { signOfferClaim } from '../claims.js';
import type { LiveContext, LiveFeature, LiveSocket } from '../feature.js';
import { Refusal } from '../refusal.js';
import type { OfferRecord } from '../state/types.js';
import { integerField, payloadObject, stampField, stringField, type Payload } from '../validate.js';

/** Offers kept per show (ended ones included, for replays). */
const KEEP_OFFERS = 50;
const OFFER_ID = /^o[A-Za-z0-9_-]{12}$/;
const CLAIM_ID = /^(o[A-Za-z0-9_-]{12})\.[A-Za-z0-9_-]{12}$/;

const randomId = (): string => randomBytes(9).toString('base64url');

/** Claims close at `closesAt`; until then an offer is live, or sold out while no units are left. */
export function offerStatus(offer: OfferRecord, now: number): OfferStatus {
  if (now >= offer.closesAt) return 'ended';
  return offer.remaining <= 0 ? 'sold_out' : 'live';
}

function moneyField(payload: Payload, key: string): Money {
  const value = payloadObject(payload[key], `"${key}"`);
  const amount = integerField(value, 'amount', 1, 1e12);
  const currency = stringField(value, 'currency', { max: 3, pattern: /^[A-Z]{3}$/ });
  return { amount, currency };
}

function optionalId(payload: Payload, key: string): string | null {
  if (payload[key] === undefined || payload[key] === null) return null;
  return stringField(payload, key, { max: 128, pattern: PROTOCOL_LIMITS.productId });
}

/** Sends units left at most every `stockIntervalMs` per offer: the first at once, the latest at the end. */
function stockThrottle(context: LiveContext) {
  const pending = new Map<string, { show: string; remaining: number; seq: number; sent: number; timer?: NodeJS.Timeout }>();
  const send = (id: string): void => {
    const entry = pending.get(id);
    if (!entry) return;
    entry.sent = entry.seq;
    context.io.to(context.room(entry.show)).emit('offer:stock', { id, remaining: entry.remaining, seq: entry.seq });
    entry.timer = setTimeout(() => {
      if (entry.seq > entry.sent) send(id);
      else pending.delete(id);
    }, context.options.offers.stockIntervalMs);
  };
  return {
    update(show: string, id: string, remaining: number, seq: number): void {
      const entry = pending.get(id);
      if (!entry) {
        pending.set(id, { show, remaining, seq, sent: 0 });
        send(id);
      } else if (seq > entry.seq) Object.assign(entry, { remaining, seq });
    },
    stop(): void {
      for (const entry of pending.values()) clearTimeout(entry.timer);
      pending.clear();
    },
  };
}

export function offersFeature(): LiveFeature {
  const closeTimers = new Map<string, NodeJS.Timeout>();
  let stock: ReturnType<typeof stockThrottle> | undefined;

  return {
    name: 'offers',
    events(context) {
      const { offers: limits, now } = context.options;
      const graceMs = limits.lateGraceSeconds * 1000;
      stock = stockThrottle(context);
      const throttle = stock;
      const view = (offer: OfferRecord): Offer => ({ ...offer, status: offerStatus(offer, now()) });
      const broadcast = (show: string, offer: OfferRecord): Offer => {
        const shown = view(offer);
        context.io.to(context.room(show)).emit('offer', shown);
        return shown;
      };
      // When claims close, say so (this node's timer; a stop on another node sets its own).
      const closeLater = (show: string, offer: OfferRecord): void => {
        const key = `${show}\u0000${offer.id}`;
        clearTimeout(closeTimers.get(key));
        const timer = setTimeout(() => {
          closeTimers.delete(key);
          context.state
            .getOffer(show, offer.id)
            .then((latest) => latest && broadcast(show, latest))
            .catch((error: unknown) => context.options.logger.warn('could not announce the end of an offer', error));
        }, Math.max(0, offer.closesAt - now()) + 50);
        timer.unref();
        closeTimers.set(key, timer);
      };
      const offerOf = async (socket: LiveSocket, id: string): Promise<OfferRecord> => {
        const offer = await context.state.getOffer(socket.data.show, id);
        if (!offer) throw new Refusal('not_found', 'no such offer');
        return offer;
      };

      return {
        'offer:start': {
          rule: { staff: true },
          async handle(payload, socket) {
            const body = payloadObject(payload);
            const productId = stringField(body, 'productId', { max: 128, pattern: PROTOCOL_LIMITS.productId });
            const variantId = optionalId(body, 'variantId');
            const price = moneyField(body, 'price');
            const quantity = integerField(body, 'quantity', 1, PROTOCOL_LIMITS.offerQuantity);
            const seconds = integerField(body, 'durationSeconds', PROTOCOL_LIMITS.offerSeconds.min, PROTOCOL_LIMITS.offerSeconds.max);
            const at = stampField(body, 'at');
            if (!context.options.secret) throw new Refusal('unavailable', 'offers need a server secret (VITRINE_SECRET) to sign claims');
            const { show } = socket.data;
            const started = now();
            const running = (await context.state.offers(show)).find((offer) => offer.productId === productId && offer.endedAt === null && offerStatus(offer, started) !== 'ended');
            if (running) throw new Refusal('conflict', `offer ${running.id} on this product is still running; stop it first`);
            const durationMs = seconds * 1000;
            const offer: OfferRecord = {
              id: `o${randomId()}`,
              productId,
              variantId,
              price,
              quantity,
              remaining: quantity,
              startsAt: at,
              durationMs,
              stoppedAt: null,
              createdAt: started,
              endedAt: null,
              closesAt: started + durationMs + graceMs,
              seq: 0,
            };
            await context.state.createOffer(show, offer, KEEP_OFFERS);
            closeLater(show, offer);
            return broadcast(show, offer);
          },
        },
        'offer:stop': {
          rule: { staff: true },
          async handle(payload, socket) {
            const body = payloadObject(payload);
            const id = stringField(body, 'id', { max: 13, pattern: OFFER_ID });
            const at = stampField(body, 'at');
            const { show } = socket.data;
            const stoppedAt = now();
            const offer = await context.state.stopOffer(show, id, { stoppedAt: at, endedAt: stoppedAt, closesAt: stoppedAt + graceMs });
            if (!offer) throw new Refusal('not_found', 'no such offer');
            closeLater(show, offer);
            return broadcast(show, offer);
          },
        },
        'offer:claim': {
          async handle(payload, socket) {
            const body = payloadObject(payload);
            const offerId = stringField(body, 'offerId', { max: 13, pattern: OFFER_ID });
            const quantity = integerField(body, 'quantity', 1, PROTOCOL_LIMITS.claimQuantity);
            const clientId = stringField(body, 'clientId', { max: 64, pattern: PROTOCOL_LIMITS.key });
            const secret = context.options.secret;
            if (!secret) throw new Refusal('not_found', 'no such offer');
            const { show, user } = socket.data;
            const offer = await offerOf(socket, offerId);
            const result = await context.state.claimOffer(show, offerId, { claimId: `${offerId}.${randomId()}`, userId: user.id, clientId, quantity, now: now() });
            if (!result.ok) {
              if (result.reason === 'insufficient_stock') throw new Refusal('insufficient_stock', `only ${result.available} left`, undefined, result.available);
              if (result.reason === 'sold_out') throw new Refusal('sold_out', 'the offer is sold out');
              if (result.reason === 'expired') throw new Refusal('expired', 'the offer has ended');
              throw new Refusal('not_found', 'no such offer');
            }
            if (result.created) {
              throttle.update(show, offerId, result.remaining, result.seq);
              if (result.remaining === 0) broadcast(show, { ...offer, remaining: 0, seq: result.seq });
            }
            // Token lifetimes are on the real clock: the cart that checks them runs on one.
            const expiresAt = Date.now() + limits.claimSeconds * 1000;
            const claim = {
              show,
              offerId,
              claimId: result.claimId,
              productId: offer.productId,
              variantId: offer.variantId,
              price: offer.price,
              quantity: result.quantity,
              userId: user.id,
              expiresAt,
            };
            const answer: OfferClaim = {
              claimId: result.claimId,
              offerId,
              token: await signOfferClaim(claim, secret),
              quantity: result.quantity,
              price: offer.price,
              expiresAt: Math.floor(expiresAt / 1000) * 1000,
            };
            return answer;
          },
        },
        'offer:release': {
          async handle(payload, socket) {
            const claimId = stringField(payloadObject(payload), 'claimId', { max: 26, pattern: CLAIM_ID });
            const offerId = CLAIM_ID.exec(claimId)![1]!;
            const { show, user } = socket.data;
            const result = await context.state.releaseClaim(show, offerId, claimId, user.id);
            if (!result.ok) {
              if (result.reason === 'forbidden') throw new Refusal('forbidden', 'that claim is someone else’s');
              throw new Refusal('not_found', 'no such claim');
            }
            if (result.released) {
              throttle.update(show, offerId, result.remaining, result.seq);
              // Back from sold out: everyone hears it at once.
              if (result.remaining === result.quantity) {
                const offer = await context.state.getOffer(show, offerId);
                if (offer) broadcast(show, { ...offer, remaining: result.remaining, seq: Math.max(offer.seq, result.seq) });
              }
            }
            return null;
          },
        },
      };
    },
    async snapshot(socket, context) {
      const now = context.options.now();
      const offers = await context.state.offers(socket.data.show);
      return { offers: offers.map((offer) => ({ ...offer, status: offerStatus(offer, now) })) };
    },
    stop() {
      for (const timer of closeTimers.values()) clearTimeout(timer);
      closeTimers.clear();
      stock?.stop();
    },
  };
}
