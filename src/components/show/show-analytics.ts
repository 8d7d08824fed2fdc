import type { ReactiveController } from 'lit';
import { hasConsent } from '../../analytics/consent.js';
import { addToCart, beginCheckout, pushToDataLayer, viewItem, type Ga4Context, type Ga4EcommerceEvent } from '../../analytics/datalayer.js';
import '../../analytics/events.js';
import { emit } from '../../internal/emit.js';
import { PROTOCOL_LIMITS, type TrackEvent } from '../../live/protocol.js';
import type { ShowView } from './show-view.js';

/** DOM events of the widget that analytics follow. */
const FOLLOWED = ['vitrine-impression', 'vitrine-play', 'vitrine-watch-progress', 'vitrine-product-view', 'vitrine-cart-add', 'vitrine-checkout'] as const;
/** Beacons wait this long to travel together (or until 20 are queued). */
const BATCH_MS = 2000;
/** Seconds of watching that give a `vitrine-watch-progress`: these, then every minute. */
const FIRST_MILESTONES = [10, 30, 60];

/**
 * Analytics of one <vitrine-show>: turns the widget's DOM events into beacons for the live
 * server (the studio's figures) and, with `analytics="datalayer"`, GA4 ecommerce events; also
 * emits `vitrine-watch-progress`. Nothing leaves the page without consent (`consent` attribute).
 */
export class ShowAnalytics implements ReactiveController {
  #queue: TrackEvent[] = [];
  #timer: ReturnType<typeof setTimeout> | undefined;
  #played = false;
  #watched = 0;
  #milestone = 0;
  #lastTime: number | null = null;
  #stopWatching: (() => void) | undefined;

  constructor(private readonly view: ShowView) {
    view.addController(this);
  }

  hostConnected(): void {
    for (const type of FOLLOWED) this.view.host.addEventListener(type, this.#onEvent);
    addEventListener('pagehide', this.#flush);
    const { currentTime, paused } = this.view.stores.player;
    this.#stopWatching = currentTime.subscribe((time) => this.#progress(time, paused.get()));
  }

  hostDisconnected(): void {
    for (const type of FOLLOWED) this.view.host.removeEventListener(type, this.#onEvent);
    removeEventListener('pagehide', this.#flush);
    this.#stopWatching?.();
    this.#flush();
  }

  /** Adds up seconds actually watched (not seeks) and says so at each milestone. */
  #progress(time: number, paused: boolean): void {
    const last = this.#lastTime;
    this.#lastTime = time;
    if (paused || last === null || time <= last || time - last > 3) return;
    this.#watched += time - last;
    const next = FIRST_MILESTONES[this.#milestone] ?? 60 * (this.#milestone - FIRST_MILESTONES.length + 2);
    if (this.#watched < next) return;
    this.#milestone += 1;
    const duration = this.view.stores.player.duration.get();
    const percent = this.view.stores.player.live.get() || !(duration > 0 && Number.isFinite(duration)) ? null : Math.min(100, Math.round((time / duration) * 100));
    emit(this.view.host, 'vitrine-watch-progress', { seconds: next, percent });
  }

  #onEvent = (event: Event): void => {
    const host = this.view.host;
    const modes = (host.getAttribute('analytics') ?? '').split(/\s+/);
    if (modes.includes('none') || !hasConsent(host)) return;
    const detail = (event as CustomEvent).detail;
    const context: Ga4Context = { show: host.getAttribute('show') || undefined, creator: host.getAttribute('creator') || undefined };
    let beacon: Omit<TrackEvent, 'at'> | null = null;
    let ga4: Ga4EcommerceEvent | null = null;
    switch (event.type) {
      case 'vitrine-impression':
        beacon = { type: 'impression', productId: detail.product.id };
        break;
      case 'vitrine-play':
        // A resume is not another view: one `play` per widget.
        if (!this.#played) beacon = { type: 'play' };
        this.#played = true;
        break;
      case 'vitrine-watch-progress':
        beacon = { type: 'progress' };
        break;
      case 'vitrine-product-view':
        beacon = { type: 'overlay_open', productId: detail.product.id };
        ga4 = viewItem(detail.product, context);
        break;
      case 'vitrine-cart-add': {
        const { amount, currency } = detail.price;
        beacon = { type: 'add_to_cart', productId: detail.product.id, quantity: detail.quantityAdded, value: { amount: amount * detail.quantityAdded, currency } };
        ga4 = addToCart(detail, context);
        break;
      }
      case 'vitrine-checkout':
        beacon = { type: 'checkout', ...(detail.cart?.total ? { value: detail.cart.total } : {}) };
        ga4 = beginCheckout(detail.cart, context);
        break;
    }
    if (ga4 && modes.includes('datalayer')) pushToDataLayer(ga4);
    if (beacon && this.view.live.connection) {
      this.#queue.push({ ...beacon, ...(context.creator ? { creator: context.creator } : {}), at: Date.now() });
      if (this.#queue.length >= 20) this.#flush();
      else this.#timer ??= setTimeout(this.#flush, BATCH_MS);
    }
  };

  /** Sends the queued beacons; while the connection is down they wait (at most 100 of them). */
  #flush = (): void => {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    const connection = this.view.live.connection;
    while (this.#queue.length > 0 && connection?.track(this.#queue.slice(0, PROTOCOL_LIMITS.trackBatch))) this.#queue.splice(0, PROTOCOL_LIMITS.trackBatch);
    if (this.#queue.length === 0) return;
    this.#queue = connection ? this.#queue.slice(-100) : [];
    if (this.#queue.length > 0 && this.view.host.isConnected) this.#timer = setTimeout(this.#flush, BATCH_MS * 2);
  };
}
