import { atom, type WritableAtom } from 'nanostores';
import { LiveConnection } from '../../live/connection.js';
import { memoryStorage, viewerIdentity } from '../../live/identity.js';
import type { Ack, Money, ShowFigures } from '../../live/protocol.js';
import type { LiveStore } from '../../stores/live.js';
import type { Offer, OfferStart, PinEvent } from './contract.js';

/** At most this many products are pinned at once (the server refuses a fourth). */
export const MAX_PINNED = 3;

/** Products pinned now, after a timeline of pin events (oldest first). */
export function pinnedNow(events: readonly PinEvent[]): string[] {
  const pinned: string[] = [];
  for (const event of [...events].sort((a, b) => a.sentAt - b.sentAt)) {
    const index = pinned.indexOf(event.productId);
    if (index >= 0) pinned.splice(index, 1);
    if (event.action === 'pin') pinned.push(event.productId);
  }
  return pinned;
}

/** An offer as the studio shows it: the server's, plus when this studio learned of it. */
export interface StudioOffer extends Offer {
  /** Wall-clock ms when it arrived here (the countdown's start when the stream has no time). */
  readonly seenAt: number;
}

/**
 * The studio's side of the live server: one connection with a host or moderator token (it never
 * stores anything in the browser), the show's pins, offers and figures as stores, and the staff
 * actions, sent exactly as the protocol names them.
 */
export class StudioSession {
  readonly connection: LiveConnection;
  readonly figures: WritableAtom<ShowFigures | null> = atom(null);
  /** The show's pin timeline, oldest first. */
  readonly pins: WritableAtom<readonly PinEvent[]> = atom([]);
  /** Offers by id, the latest state of each. */
  readonly offers: WritableAtom<Readonly<Record<string, StudioOffer>>> = atom({});
  readonly #unsubscribe: (() => void)[] = [];

  constructor(server: string, show: string, token: string, owner: object) {
    this.connection = new LiveConnection({ server, show, token, owner, identity: viewerIdentity(memoryStorage()) });
    const { connection } = this;
    this.#unsubscribe.push(
      connection.on('figures', (figures) => this.figures.set(figures)),
      connection.on('pins', ({ events }) => this.#addPins(events)),
      connection.on('offer', (offer) => this.#putOffer(offer)),
      connection.on('offer:stock', ({ id, remaining, seq }) => {
        // Updates from several nodes may cross: one older than the count shown is stale.
        const offer = this.offers.get()[id];
        if (offer && seq > offer.seq) this.#putOffer({ ...offer, remaining, seq });
      }),
      connection.store.snapshot.listen((snapshot) => {
        if (!snapshot) return;
        this.pins.set([]);
        this.#addPins(snapshot.pins ?? []);
        this.offers.set({});
        for (const offer of snapshot.offers ?? []) this.#putOffer(offer);
      }),
    );
    void connection.connect();
  }

  get store(): LiveStore {
    return this.connection.store;
  }

  close(): void {
    for (const unsubscribe of this.#unsubscribe.splice(0)) unsubscribe();
    this.connection.close();
  }

  pin(productId: string, at: number | null): Promise<Ack<PinEvent>> {
    return this.#answer(this.connection.request('pin:set', { productId, at }, { attempts: 1 }), (event) => this.#addPins([event]));
  }

  unpin(productId: string, at: number | null): Promise<Ack<PinEvent>> {
    return this.#answer(this.connection.request('pin:clear', { productId, at }, { attempts: 1 }), (event) => this.#addPins([event]));
  }

  startOffer(start: OfferStart): Promise<Ack<Offer>> {
    return this.#answer(this.connection.request('offer:start', start, { attempts: 1 }), (offer) => this.#putOffer(offer));
  }

  stopOffer(id: string, at: number | null): Promise<Ack<Offer>> {
    return this.#answer(this.connection.request('offer:stop', { id, at }, { attempts: 1 }), (offer) => this.#putOffer(offer));
  }

  /** The offer running on a product now, if any. */
  liveOffer(productId: string): StudioOffer | undefined {
    return Object.values(this.offers.get()).find((offer) => offer.productId === productId && offer.status === 'live');
  }

  /** The most recent offer of a product (live, sold out or ended). */
  latestOffer(productId: string): StudioOffer | undefined {
    return Object.values(this.offers.get())
      .filter((offer) => offer.productId === productId)
      .sort((a, b) => b.seenAt - a.seenAt)[0];
  }

  async #answer<T>(request: Promise<Ack<T>>, apply: (data: T) => void): Promise<Ack<T>> {
    const ack = await request;
    if (ack.ok) apply(ack.data);
    return ack;
  }

  #addPins(events: readonly PinEvent[]): void {
    const known = new Set(this.pins.get().map((event) => event.id));
    const fresh = events.filter((event) => !known.has(event.id));
    if (fresh.length > 0) this.pins.set([...this.pins.get(), ...fresh]);
  }

  #putOffer(offer: Offer): void {
    const offers = this.offers.get();
    // Stopped is over for the studio, even while the server keeps claims open for viewers behind live.
    const stopped = offer.stoppedAt !== null || (offer.endedAt ?? null) !== null;
    const status = stopped && offer.status === 'live' ? 'ended' : offer.status;
    this.offers.set({ ...offers, [offer.id]: { ...offer, status, seenAt: offers[offer.id]?.seenAt ?? Date.now() } });
  }
}

/** Money from what staff typed: `59`, `59.00`, `59,00`, `1.299,00`, `1,299.00`. Null if it is not an amount. */
export function parseTypedMoney(text: string, currency: string, digits: number): Money | null {
  let value = text.replace(/[\s\u00a0\u202f]/g, '');
  const comma = value.lastIndexOf(',');
  const dot = value.lastIndexOf('.');
  // The last separator is the decimal one when it is followed by the currency's number of digits or fewer.
  const decimal = Math.max(comma, dot);
  if (decimal >= 0 && value.length - decimal - 1 <= digits && value.length - decimal - 1 > 0) {
    value = `${value.slice(0, decimal).replace(/[.,]/g, '')}.${value.slice(decimal + 1)}`;
  } else value = value.replace(/[.,]/g, '');
  if (!/^\d+(\.\d+)?$/.test(value)) return null;
  const [whole = '0', fraction = ''] = value.split('.');
  const amount = Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
  return Number.isSafeInteger(amount) ? { amount, currency } : null;
}
