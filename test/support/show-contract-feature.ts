// A minimal live-server feature with the pins and offers of the issue 5 contract, for testing the
// studio's controls until the show-sync side's real feature lands: it checks the staff rule,
// the payload shapes the contract names, at most 3 pins, and records every call it answered.
import type { LiveErrorCode, Money } from '../../src/live/protocol.js';
import type { LiveFeature, LiveSocket } from '../../src/server/index.js';
import { Refusal, payloadObject, stringField } from '../../src/server/index.js';
import type { Offer, PinEvent } from '../../src/components/studio/contract.js';

export interface ContractCall {
  readonly event: string;
  readonly payload: unknown;
  readonly show: string;
  readonly role: string;
}

function stamp(body: Record<string, unknown>): number | null {
  const at = body['at'];
  if (at === null) return null;
  if (typeof at !== 'number' || !Number.isFinite(at)) throw new Refusal('invalid_payload', '"at" must be a number or null');
  return at;
}

function money(value: unknown): Money {
  const body = payloadObject(value, 'price');
  if (!Number.isInteger(body['amount']) || typeof body['currency'] !== 'string') throw new Refusal('invalid_payload', '"price" must be Money');
  return { amount: body['amount'] as number, currency: body['currency'] };
}

export interface ShowContract {
  readonly feature: LiveFeature;
  /** Every call answered (or refused after the staff check), oldest first. */
  readonly calls: ContractCall[];
  /** Offers by show and id. */
  readonly offers: Map<string, Map<string, Offer>>;
  /** Pins products without telling anyone (as another node whose news has not arrived yet would). */
  pinUnseen(show: string, productIds: readonly string[]): void;
}

export function showContract(): ShowContract {
  const calls: ContractCall[] = [];
  const pins = new Map<string, PinEvent[]>();
  const offers = new Map<string, Map<string, Offer>>();
  let sequence = 0;
  const pinnedNow = (show: string): string[] => {
    const now: string[] = [];
    for (const event of pins.get(show) ?? []) {
      if (now.includes(event.productId)) now.splice(now.indexOf(event.productId), 1);
      if (event.action === 'pin') now.push(event.productId);
    }
    return now;
  };
  const feature: LiveFeature = {
    name: 'test-show-contract',
    events(context) {
      const record = (event: string, payload: unknown, show: string, role: string): void => void calls.push({ event, payload, show, role });
      const pin = (action: 'pin' | 'unpin') => ({
        rule: { staff: true },
        handle(payload: unknown, socket: LiveSocket): PinEvent {
          const body = payloadObject(payload);
          const productId = stringField(body, 'productId', { max: 128 });
          const at = stamp(body);
          const { show } = socket.data;
          record(action === 'pin' ? 'pin:set' : 'pin:clear', payload, show, socket.data.user.role);
          if (action === 'pin' && !pinnedNow(show).includes(productId) && pinnedNow(show).length >= 3) throw new Refusal('pin_limit' as LiveErrorCode, 'at most 3 pinned'); // the code show-sync's feature answers
          const event: PinEvent = { id: `pin-${++sequence}`, productId, action, at, sentAt: Date.now() };
          pins.set(show, [...(pins.get(show) ?? []), event]);
          context.io.to(context.room(show)).emit('pins', { events: [event] });
          return event;
        },
      });
      return {
        'pin:set': pin('pin'),
        'pin:clear': pin('unpin'),
        'offer:start': {
          rule: { staff: true },
          handle(payload, socket) {
            const body = payloadObject(payload);
            const { show } = socket.data;
            record('offer:start', payload, show, socket.data.user.role);
            const quantity = body['quantity'];
            const durationSeconds = body['durationSeconds'];
            if (!Number.isInteger(quantity) || !Number.isInteger(durationSeconds)) throw new Refusal('invalid_payload', 'quantity and durationSeconds must be integers');
            const offer: Offer = {
              id: `offer-${++sequence}`,
              productId: stringField(body, 'productId', { max: 128 }),
              variantId: typeof body['variantId'] === 'string' ? body['variantId'] : null,
              price: money(body['price']),
              quantity: quantity as number,
              remaining: quantity as number,
              startsAt: stamp(body),
              durationMs: (durationSeconds as number) * 1000,
              stoppedAt: null,
              status: 'live',
            };
            offers.set(show, new Map([...(offers.get(show) ?? []), [offer.id, offer]]));
            context.io.to(context.room(show)).emit('offer', offer);
            return offer;
          },
        },
        'offer:stop': {
          rule: { staff: true },
          handle(payload, socket) {
            const body = payloadObject(payload);
            const { show } = socket.data;
            record('offer:stop', payload, show, socket.data.user.role);
            const offer = offers.get(show)?.get(stringField(body, 'id', { max: 64 }));
            if (!offer) throw new Refusal('not_found', 'no such offer');
            // As show-sync's server: still `live` (claims stay open a while for viewers behind live), with the stop stamped.
            const stopped: Offer = { ...offer, stoppedAt: stamp(body), endedAt: Date.now(), status: 'live' };
            offers.get(show)!.set(offer.id, stopped);
            context.io.to(context.room(show)).emit('offer', stopped);
            return stopped;
          },
        },
      };
    },
    snapshot(socket) {
      return { pins: pins.get(socket.data.show) ?? [], offers: [...(offers.get(socket.data.show)?.values() ?? [])] };
    },
  };
  const pinUnseen = (show: string, productIds: readonly string[]): void => {
    const events = productIds.map((productId): PinEvent => ({ id: `pin-${++sequence}`, productId, action: 'pin', at: null, sentAt: Date.now() }));
    pins.set(show, [...(pins.get(show) ?? []), ...events]);
  };
  return { feature, calls, offers, pinUnseen };
}
