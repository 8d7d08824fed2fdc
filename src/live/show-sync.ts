// Pins and flash offers in step with the viewer's own playback. The studio stamps each with the
// program date time (PDT) of the frame it was watching; this controller keeps the show's timeline
// (snapshot, `pins` / `offer` events, and Vitrine ID3 metadata read from the stream) and, for
// every frame the player presents, works out what is pinned and which offer is on screen at that
// frame's `streamTime`. So a pin shows when the viewer sees the moment it was made, not when the
// socket message arrives; a late joiner, a viewer far behind, one who seeks and a replay all see
// what was pinned at their own position.
//
// Without PDT (the stream has none, or the studio sent `at: null`) there is nothing to line up
// with: pins then show when they arrive, and an offer's countdown runs on the server's clock.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { warn } from '../internal/warn.js';
import type { StreamMetadata } from '../player/types.js';
import type { ShowStores } from '../stores/show.js';
import type { OfferOnScreen, OfferState } from '../stores/sync.js';
import type { LiveConnection } from './connection.js';
import { PROTOCOL_LIMITS, type Offer, type PinEvent } from './protocol.js';

/** An ended offer keeps its banner (saying so) this long. */
export const ENDED_SHOWN_MS = 5000;

interface TimedPin {
  readonly productId: string;
  readonly pin: boolean;
  /** When it happens at the viewer's position: its PDT, or where playback was when it arrived. */
  readonly at: number;
  /** Arrival order (the order for a stream without PDT). */
  readonly order: number;
}

/** The products pinned after the pins up to `position`, most recently pinned first. */
export function pinnedAt(pins: readonly TimedPin[], position: number): string[] {
  let pinned: string[] = [];
  for (const pin of pins) {
    if (pin.at > position) break;
    pinned = pinned.filter((id) => id !== pin.productId);
    if (pin.pin) pinned.unshift(pin.productId);
  }
  return pinned.slice(0, PROTOCOL_LIMITS.pins);
}

/** Where an offer's window lies: on the stream's clock when both sides have PDT, else the server's. */
export function offerWindow(offer: Offer, synced: boolean): { start: number; end: number; clock: 'stream' | 'server' } {
  if (synced && offer.startsAt !== null) {
    // A stop without PDT happened as long after the start as the server saw it.
    const stop = offer.stoppedAt ?? (offer.endedAt === null ? Infinity : offer.startsAt + offer.endedAt - offer.createdAt);
    return { start: offer.startsAt, end: Math.min(offer.startsAt + offer.durationMs, stop), clock: 'stream' };
  }
  return { start: offer.createdAt, end: Math.min(offer.createdAt + offer.durationMs, offer.endedAt ?? Infinity), clock: 'server' };
}

/** The offer to show at a position (the latest started), with its state; `serverNow` for unstamped ones. */
export function offerAt(offers: Iterable<Offer>, position: number, serverNow: number, synced: boolean): OfferOnScreen | null {
  let best: (OfferOnScreen & { start: number }) | null = null;
  for (const offer of offers) {
    const { start, end, clock } = offerWindow(offer, synced);
    const now = clock === 'stream' ? position : serverNow;
    if (now < start || now >= end + ENDED_SHOWN_MS || (best && best.start > start)) continue;
    const state: OfferState = now >= end || offer.status === 'ended' ? 'ended' : offer.status === 'sold_out' || offer.remaining <= 0 ? 'sold_out' : 'live';
    best = { offer, state, endsAt: end, clock, start };
  }
  if (!best) return null;
  const { start: _start, ...onScreen } = best;
  return onScreen;
}

const sameOnScreen = (a: OfferOnScreen | null, b: OfferOnScreen | null): boolean =>
  a === b || (!!a && !!b && a.offer === b.offer && a.state === b.state && a.endsAt === b.endsAt && a.clock === b.clock);

/**
 * The sync part of one <vitrine-show>: reads the connection's pins and offers, the player's
 * `streamTime` and its stream metadata, and keeps `products.pinned` and `sync.offer` right for
 * the frame on screen. One per widget; it lets go of everything when the widget leaves.
 */
export class ShowSync implements ReactiveController {
  readonly #pins = new Map<string, TimedPin>();
  #sorted: TimedPin[] | null = null;
  readonly #offers = new Map<string, Offer>();
  #order = 0;
  /** The last program date time on screen; kept through a moment without one (a reload). */
  #position: number | null = null;
  #connection: LiveConnection | null = null;
  #unlisten: (() => void)[] = [];
  #unsubscribe: (() => void)[] = [];
  #ticker: ReturnType<typeof setInterval> | undefined;
  #seenMetadata: readonly StreamMetadata[] = [];
  #wasSynced = false;
  /** Product ids of the feed, once it has loaded (all of it: not while a long list is still checked). */
  #known: Set<string> | null = null;
  /** Positions between which what is on screen stays the same (nothing starts or ends). */
  #span: [number, number] = [0, -1];

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly stores: ShowStores,
    /** Warnings name it. */
    private readonly owner: Element,
    /** The widget's live connection now. */
    private readonly currentConnection: () => LiveConnection | null,
  ) {
    host.addController(this);
  }

  /** Whether pins and offers line up with the stream (it has program date time). */
  get synced(): boolean {
    return this.#position !== null;
  }

  /** The viewer's position: the PDT on screen, or +Infinity without one (everything known has happened). */
  get position(): number {
    return this.#position ?? Infinity;
  }

  /** The server's clock now, as this widget estimates it. */
  serverNow(): number {
    return Date.now() + this.stores.live.clockOffset.get();
  }

  /** The live connection it follows. */
  get connection(): LiveConnection | null {
    return this.#connection;
  }

  /** The latest state of an offer (stock updates included). */
  offer(id: string): Offer | undefined {
    return this.#offers.get(id);
  }

  /** Whether the show has run an offer (its banner code can load before one is on screen). */
  get hasOffers(): boolean {
    return this.#offers.size > 0;
  }

  hostConnected(): void {
    const { player, live, products } = this.stores;
    this.#unsubscribe = [
      // Every presented frame: most of them change nothing, which costs two comparisons.
      player.streamTime.subscribe((time) => {
        if (time !== null) this.#position = time;
        const position = this.position;
        if (position < this.#span[0] || position >= this.#span[1] || this.synced !== this.#wasSynced) this.#update();
      }),
      player.metadata.subscribe((entries) => this.#metadata(entries)),
      live.snapshot.subscribe((snapshot) => snapshot && this.#snapshot(snapshot.pins ?? [], snapshot.offers ?? [])),
      products.products.subscribe(() => this.#feed()),
      products.status.listen(() => this.#feed()),
      products.partial.listen(() => this.#feed()),
    ];
    this.#attach();
    // Countdowns on the server's clock, and offers that begin or end while the video is paused.
    this.#ticker = setInterval(() => this.#update(), 1000);
  }

  hostDisconnected(): void {
    for (const stop of [...this.#unsubscribe, ...this.#unlisten]) stop();
    this.#unsubscribe = [];
    this.#unlisten = [];
    this.#connection = null;
    clearInterval(this.#ticker);
  }

  hostUpdate(): void {
    this.#attach();
  }

  /** Follows the connection the widget has now (a new one after `live-server` or `show` changed). */
  #attach(): void {
    const connection = this.currentConnection();
    if (connection === this.#connection) return;
    for (const stop of this.#unlisten) stop();
    this.#connection = connection;
    this.#forget('s');
    this.#offers.clear();
    this.#unlisten = connection
      ? [
          connection.on('pins', ({ events }) => {
            for (const event of events) this.#addPin(`s${event.id}`, event.productId, event.action === 'pin', event.at);
            this.#update();
          }),
          connection.on('offer', (offer) => this.#setOffer(offer)),
          connection.on('offer:stock', ({ id, remaining, seq }) => {
            const offer = this.#offers.get(id);
            if (offer && seq > offer.seq) this.#setOffer({ ...offer, remaining, seq });
          }),
        ]
      : [];
    this.#update();
  }

  /** Drops the pins from the socket (`s`) or from the stream (`m`). */
  #forget(source: 's' | 'm'): void {
    for (const key of [...this.#pins.keys()]) if (key.startsWith(source)) this.#pins.delete(key);
    this.#sorted = null;
  }

  #feed(): void {
    const { products } = this.stores;
    this.#known = products.status.get() === 'ready' && !products.partial.get() ? new Set(products.products.get().map((product) => product.id)) : null;
    this.#update();
  }

  #snapshot(pins: readonly PinEvent[], offers: readonly Offer[]): void {
    this.#forget('s');
    for (const event of pins) this.#addPin(`s${event.id}`, event.productId, event.action === 'pin', event.at, true);
    this.#offers.clear();
    for (const offer of offers) this.#offers.set(offer.id, offer);
    if (offers.length) this.host.requestUpdate();
    this.#update();
  }

  #setOffer(offer: Offer): void {
    const known = this.#offers.get(offer.id);
    if (!known) this.host.requestUpdate();
    // A stock update may have overtaken this (each node throttles its own).
    this.#offers.set(offer.id, known && known.seq > offer.seq ? { ...offer, remaining: known.remaining, seq: known.seq } : offer);
    this.#update();
  }

  /** `at: null` (no PDT) is placed where playback is as it arrives; in a snapshot, before everything. */
  #addPin(key: string, productId: string, pin: boolean, at: number | null, past = false): void {
    if (this.#pins.has(key)) return;
    this.#pins.set(key, { productId, pin, at: at ?? (past || this.#position === null ? -Infinity : this.#position), order: this.#order++ });
    this.#sorted = null;
  }

  /** Pins carried in the stream itself: `{"v":1,"type":"pin"|"unpin","product":"<id>"}`. */
  #metadata(entries: readonly StreamMetadata[]): void {
    const seen = new Set(this.#seenMetadata);
    this.#seenMetadata = entries;
    // A new source: its metadata starts over.
    if (entries.length === 0 && seen.size > 0) {
      this.#forget('m');
      this.#update();
    }
    let changed = false;
    for (const entry of entries) {
      if (seen.has(entry)) continue;
      const value = entry.value as { v?: unknown; type?: unknown; product?: unknown } | null;
      if (!value || typeof value !== 'object' || (value.type !== 'pin' && value.type !== 'unpin')) continue;
      if (typeof value.product !== 'string' || !PROTOCOL_LIMITS.productId.test(value.product)) {
        warn(this.owner, `stream metadata ${value.type} must name a product id ("product"); got ${JSON.stringify(value.product)}. Ignored.`);
        continue;
      }
      this.#addPin(`m${entry.at ?? entry.mediaTime}:${value.type}:${value.product}`, value.product, value.type === 'pin', entry.at);
      changed = true;
    }
    if (changed) this.#update();
  }

  /** The timeline in the order it happens at the viewer's position. */
  #timeline(): TimedPin[] {
    this.#sorted ??= [...this.#pins.values()].sort(this.synced ? (a, b) => a.at - b.at || a.order - b.order : (a, b) => a.order - b.order);
    return this.#sorted;
  }

  /** Works out what is on screen at the viewer's position, and until where that holds. */
  #update(): void {
    const { products, sync } = this.stores;
    if (this.synced !== this.#wasSynced) {
      this.#wasSynced = this.synced;
      this.#sorted = null;
    }
    const position = this.position;
    const known = this.#known;
    const inFeed = (productId: string, what: string): boolean => {
      if (!known || known.has(productId)) return !!known;
      warn(this.owner, `${what} for product "${productId}", which is not in the show's products ("products" attribute); ignored.`);
      return false;
    };
    const pinned = pinnedAt(this.#timeline(), position).filter((id) => inFeed(id, 'a pin'));
    const before = products.pinned.get();
    if (pinned.length !== before.length || pinned.some((id, i) => id !== before[i])) products.pinned.set(pinned);

    const offers = [...this.#offers.values()].filter((offer) => inFeed(offer.productId, 'an offer'));
    const onScreen = offerAt(offers, position, this.serverNow(), this.synced);
    if (!sameOnScreen(onScreen, sync.offer.get())) sync.offer.set(onScreen);

    // The next pin or offer boundary on either side of the position (stream clock only).
    const bounds = this.#timeline().map((pin) => pin.at);
    for (const offer of offers) {
      const window = offerWindow(offer, this.synced);
      if (window.clock === 'stream') bounds.push(window.start, window.end, window.end + ENDED_SHOWN_MS);
    }
    let from = -Infinity;
    let until = Infinity;
    for (const bound of bounds) {
      if (bound <= position) from = Math.max(from, bound);
      else until = Math.min(until, bound);
    }
    this.#span = [from, until];
  }
}
