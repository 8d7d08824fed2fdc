// Live figures for a show's staff: viewers now and at peak, chat messages per minute, and per
// product and per creator what the shoppers' `track` beacons report. Each node adds up what it
// received and writes it to the state store once per interval (counters that every node adds
// to), then sends the sums over all nodes to its own staff connections.
import {
  PROTOCOL_LIMITS,
  TRACK_EVENT_TYPES,
  type CreatorFigures,
  type Money,
  type ProductFigures,
  type ShowFigures,
  type TrackEvent,
} from '../../live/protocol.js';
import type { LiveContext, LiveFeature, LiveSocket } from '../feature.js';
import { Refusal } from '../refusal.js';
import { payloadObject } from '../validate.js';
import { onMessageStored } from './chat.js';
import { currentViewers } from './viewers.js';

// Field names in the show's `figures` hash (values are integers):
//   i:<product> impressions   o:<product> overlay opens   a:<product> add-to-carts
//   v:<CUR>:<product> add-to-cart value   ca:<creator> creator adds   cv:<CUR>:<creator> creator value
//   plays   checkouts   peak
// and in `chat-rate`: <epoch second> -> messages stored in that second.
const FIGURES = 'figures';
const CHAT_RATE = 'chat-rate';

/** Distinct products and creators one node counts per show; beacons about more are ignored. */
const MAX_PRODUCTS = 1000;
const MAX_CREATORS = 200;
/** Largest amount (minor units) and quantity one beacon may report. */
const MAX_AMOUNT = 100_000_000_000;
const MAX_QUANTITY = 10_000;
const CURRENCY = /^[A-Z]{3}$/;
const NEEDS_PRODUCT: ReadonlySet<string> = new Set(['impression', 'product_view', 'overlay_open', 'add_to_cart']);

function trackId(value: unknown): string | undefined | null {
  if (value === undefined) return undefined;
  return typeof value === 'string' && PROTOCOL_LIMITS.trackId.test(value) ? value : null;
}

/** One beacon event, checked; null when anything about it is off (it is skipped). */
export function parseTrackEvent(raw: unknown): TrackEvent | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
  const event = raw as Record<string, unknown>;
  const type = event['type'];
  if (typeof type !== 'string' || !(TRACK_EVENT_TYPES as readonly string[]).includes(type)) return null;
  const at = event['at'];
  if (typeof at !== 'number' || !Number.isFinite(at)) return null;
  const productId = trackId(event['productId']);
  const creator = trackId(event['creator']);
  if (productId === null || creator === null || (NEEDS_PRODUCT.has(type) && !productId)) return null;
  const quantity = event['quantity'];
  if (quantity !== undefined && (typeof quantity !== 'number' || !Number.isInteger(quantity) || quantity < 1 || quantity > MAX_QUANTITY)) return null;
  let value: Money | undefined;
  if (event['value'] !== undefined) {
    const money = event['value'] as Record<string, unknown> | null;
    const amount = money?.['amount'];
    const currency = money?.['currency'];
    if (typeof amount !== 'number' || !Number.isInteger(amount) || amount < 0 || amount > MAX_AMOUNT) return null;
    if (typeof currency !== 'string' || !CURRENCY.test(currency)) return null;
    value = { amount, currency };
  }
  return {
    type: type as TrackEvent['type'],
    at,
    ...(productId ? { productId } : {}),
    ...(creator ? { creator } : {}),
    ...(quantity !== undefined ? { quantity: quantity as number } : {}),
    ...(value ? { value } : {}),
  };
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Turns the stored counters into what staff see. */
export function composeFigures(
  stored: Readonly<Record<string, string>>,
  live: { readonly viewers: number; readonly chatPerMinute: number; readonly at: number },
): ShowFigures {
  const products: Record<string, Mutable<ProductFigures>> = {};
  const creators: Record<string, Mutable<CreatorFigures>> = {};
  const product = (id: string) => (products[id] ??= { impressions: 0, overlayOpens: 0, addToCarts: 0, addToCartValue: null });
  const creator = (id: string) => (creators[id] ??= { addToCarts: 0, addToCartValue: null });
  // Several currencies in one show: the largest amount is shown.
  const addValue = (target: { addToCartValue: Money | null }, currency: string, amount: number): void => {
    if (!target.addToCartValue || amount > target.addToCartValue.amount) target.addToCartValue = { amount, currency };
  };
  let plays = 0;
  let checkouts = 0;
  let peak = 0;
  for (const [field, raw] of Object.entries(stored)) {
    const count = Number(raw) || 0;
    const colon = field.indexOf(':');
    const kind = colon < 0 ? field : field.slice(0, colon);
    const rest = field.slice(colon + 1);
    switch (kind) {
      case 'i':
        product(rest).impressions = count;
        break;
      case 'o':
        product(rest).overlayOpens = count;
        break;
      case 'a':
        product(rest).addToCarts = count;
        break;
      case 'v':
        addValue(product(rest.slice(4)), rest.slice(0, 3), count);
        break;
      case 'ca':
        creator(rest).addToCarts = count;
        break;
      case 'cv':
        addValue(creator(rest.slice(4)), rest.slice(0, 3), count);
        break;
      case 'plays':
        plays = count;
        break;
      case 'checkouts':
        checkouts = count;
        break;
      case 'peak':
        peak = count;
        break;
    }
  }
  return {
    viewers: live.viewers,
    peakViewers: Math.max(peak, live.viewers),
    chatPerMinute: live.chatPerMinute,
    plays,
    checkouts,
    products,
    creators,
    at: live.at,
  };
}

/** What this node received for one show since its last write. */
class ShowCounts {
  readonly fields = new Map<string, number>();
  readonly chat = new Map<number, number>();
  /** Chat seconds this node wrote, so it can remove them once they are older than a minute. */
  readonly chatWritten = new Set<number>();
  readonly products = new Set<string>();
  readonly creators = new Set<string>();
  peak = 0;

  add(field: string, by = 1): void {
    this.fields.set(field, (this.fields.get(field) ?? 0) + by);
  }

  /** Whether beacons about this product (and creator) still fit the per-show caps. */
  admits(productId: string | undefined, creator: string | undefined): boolean {
    if (productId && !this.products.has(productId)) {
      if (this.products.size >= MAX_PRODUCTS) return false;
      this.products.add(productId);
    }
    if (creator && !this.creators.has(creator)) {
      if (this.creators.size >= MAX_CREATORS) return false;
      this.creators.add(creator);
    }
    return true;
  }
}

export function figuresFeature(): LiveFeature {
  const shows = new Map<string, ShowCounts>();
  const budgets = new WeakMap<LiveSocket, { tokens: number; at: number; impressions: Set<string> }>();
  let timer: NodeJS.Timeout | undefined;
  let stopListening: (() => void) | undefined;
  let running = false;
  const countsOf = (show: string): ShowCounts => {
    let counts = shows.get(show);
    if (!counts) shows.set(show, (counts = new ShowCounts()));
    return counts;
  };

  function count(counts: ShowCounts, event: TrackEvent, seen: Set<string>): void {
    const { productId, creator } = event;
    if (!counts.admits(productId, event.type === 'add_to_cart' ? creator : undefined)) return;
    switch (event.type) {
      case 'impression':
        // Once per product per connection: a page view shows a card once, however often it scrolls by.
        if (seen.has(productId!) || seen.size >= MAX_PRODUCTS) return;
        seen.add(productId!);
        counts.add(`i:${productId}`);
        return;
      case 'overlay_open':
      case 'product_view':
        counts.add(`o:${productId}`);
        return;
      case 'add_to_cart':
        counts.add(`a:${productId}`);
        if (event.value) counts.add(`v:${event.value.currency}:${productId}`, event.value.amount);
        if (creator) {
          counts.add(`ca:${creator}`);
          if (event.value) counts.add(`cv:${event.value.currency}:${creator}`, event.value.amount);
        }
        return;
      case 'play':
        counts.add('plays');
        return;
      case 'checkout':
        counts.add('checkouts');
        return;
      case 'progress':
        return; // accepted for integrations; not part of the figures
    }
  }

  /** Writes one show's counts to the state store; sends its figures when staff are on this node. */
  async function flush(context: LiveContext, show: string, counts: ShowCounts, now: number): Promise<void> {
    const figures = context.state.hash(show, FIGURES);
    const chatRate = context.state.hash(show, CHAT_RATE);
    const fields = [...counts.fields];
    const chat = [...counts.chat];
    counts.fields.clear();
    counts.chat.clear();
    const second = Math.floor(now / 1000);
    const old = [...counts.chatWritten].filter((s) => s <= second - 120);
    for (const s of old) counts.chatWritten.delete(s);
    for (const [s] of chat) counts.chatWritten.add(s);
    const rooms = context.io.of('/').adapter.rooms;
    const viewers = rooms.get(context.room(show))?.size ? currentViewers(context, show) : 0;
    try {
      await Promise.all([
        ...fields.map(([field, by]) => figures.increment(field, by)),
        ...chat.map(([s, by]) => chatRate.increment(String(s), by)),
        ...old.map((s) => chatRate.delete(String(s))),
        viewers > counts.peak ? figures.max('peak', viewers).then((peak) => void (counts.peak = peak)) : undefined,
      ]);
    } catch (error) {
      // Put them back: the next interval tries again (Redis briefly unreachable).
      for (const [field, by] of fields) counts.add(field, by);
      for (const [s, by] of chat) counts.chat.set(s, (counts.chat.get(s) ?? 0) + by);
      throw error;
    }
    if (!rooms.get(context.staffRoom(show))?.size) return;
    const [stored, rates] = await Promise.all([figures.all(), chatRate.all()]);
    let chatPerMinute = 0;
    for (const [s, n] of Object.entries(rates)) if (Number(s) > second - 60) chatPerMinute += Number(n) || 0;
    // Only this node's staff: every node sends the same sums to its own.
    context.io.local.to(context.staffRoom(show)).emit('figures', composeFigures(stored, { viewers, chatPerMinute, at: now }));
  }

  return {
    name: 'figures',
    events(context) {
      const { burst, perSecond } = context.options.track;
      return {
        track: {
          rule: { noAck: true },
          handle(payload, socket) {
            const events = payloadObject(payload)['events'];
            if (!Array.isArray(events) || events.length > PROTOCOL_LIMITS.trackBatch) {
              throw new Refusal('invalid_payload', `"events" must be an array of at most ${PROTOCOL_LIMITS.trackBatch} events`);
            }
            const now = Date.now();
            let budget = budgets.get(socket);
            if (!budget) budgets.set(socket, (budget = { tokens: burst, at: now, impressions: new Set() }));
            budget.tokens = Math.min(burst, budget.tokens + ((now - budget.at) / 1000) * perSecond);
            budget.at = now;
            const counts = countsOf(socket.data.show);
            for (const raw of events) {
              if (budget.tokens < 1) return; // over budget: the rest is dropped
              budget.tokens -= 1;
              const event = parseTrackEvent(raw);
              if (event) count(counts, event, budget.impressions);
            }
          },
        },
      };
    },
    start(context) {
      stopListening = onMessageStored(context, (show) => {
        const counts = countsOf(show);
        const second = Math.floor(Date.now() / 1000);
        counts.chat.set(second, (counts.chat.get(second) ?? 0) + 1);
      });
      const tick = async (): Promise<void> => {
        if (running) return;
        running = true;
        try {
          const now = Date.now();
          const rooms = context.io.of('/').adapter.rooms;
          for (const room of rooms.keys()) if (room.startsWith('staff:')) countsOf(room.slice('staff:'.length));
          await Promise.all(
            [...shows].map(async ([show, counts]) => {
              const idle = counts.fields.size === 0 && counts.chat.size === 0 && counts.chatWritten.size === 0;
              if (idle && !rooms.get(context.room(show))?.size) {
                shows.delete(show);
                return;
              }
              try {
                await flush(context, show, counts, now);
              } catch (error) {
                if (context.state.ready) context.options.logger.warn(`could not update the figures of show ${show}`, error);
              }
            }),
          );
        } finally {
          running = false;
        }
      };
      timer = setInterval(() => void tick(), context.options.figuresIntervalMs);
      timer.unref();
    },
    stop() {
      clearInterval(timer);
      stopListening?.();
    },
  };
}
