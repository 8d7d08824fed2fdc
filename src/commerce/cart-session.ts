import { atom, type ReadableAtom } from 'nanostores';
import { emit } from '../internal/emit.js';
import { safeHttpUrl } from '../internal/url.js';
import { warn } from '../internal/warn.js';
import { createCartStore, type CartStore } from '../stores/cart.js';
import { navigateTo, variantQuantity, type Navigate } from './cart-lines.js';
import { OFFER_PROPERTY, attributionProperties, type CartAttribution } from './attribution.js';
import { CartError, isCart, type Cart, type CartAdapter, type CartAddResult, type CartLineOffer, type CartLineRequest } from './cart.js';
import './events.js';
import '../analytics/events.js';
import type { Money, Product, ProductVariant } from './product.js';
import { requestId } from './request-id.js';

// One per widget: talks to the merchant's cart through a CartAdapter, keeps the widget's copy of
// the cart in sync (focus, visibility, the adapter's own change events), and makes adds safe:
// one at a time, and never sent twice by a retry unless that is known to be safe. A slow add is
// never aborted early (aborting a fetch does not stop the shop): the session keeps waiting for it
// (saying "still adding" after `timeoutMs`) up to `giveUpMs`. Only an add that is over — failed, or
// given up on — leads to a cart read (after `settleMs`) to learn whether it went in. It is sent again
// only when the cart shows it missing AND either the adapter is `idempotent` or the failure proves
// nothing was sent; otherwise the outcome is `unconfirmed` ("check your cart").

/** What became of an add. */
export type AddOutcome =
  | { status: 'added'; quantityAdded: number }
  | { status: 'partial'; quantityAdded: number; error: CartError }
  | { status: 'failed'; error: CartError };

export interface CartSessionOptions {
  /** The widget element: events are dispatched on it and warnings name it. */
  readonly host: Element;
  /** Show id and creator ref, added to every line as `_vitrine_show` / `_vitrine_creator`. */
  readonly attribution: CartAttribution;
  /**
   * After this long an add in flight is reported as slow (`CartSession.slow`), and a cart read
   * counts as failed (default 10 000 ms). A slow add is not aborted: see `giveUpMs`.
   */
  readonly timeoutMs?: number;
  /** How long to wait at most for the shop to answer an add before giving up on it (default 30 000 ms). */
  readonly giveUpMs?: number;
  /** How long to wait after a failed add before reading the cart to learn whether it went in (default 1 500 ms). */
  readonly settleMs?: number;
  /** How to go to the cart or checkout page when the adapter has no way of its own. */
  readonly navigate?: Navigate;
}

/** Tries of one add, the first included; a retry happens only after the cart showed it did not apply, and only when sending again is safe. */
const MAX_ATTEMPTS = 2;

export class CartSession {
  /** The widget's cart store (`cart`, `status`). */
  readonly store: CartStore = createCartStore();
  /** The merchant's cart, kept in sync; `null` until read or when it cannot be read. */
  readonly cart: ReadableAtom<Cart | null> = this.store.cart;
  /** True while an add has taken longer than `timeoutMs` and is still waited for ("still adding…"). */
  readonly slow: ReadableAtom<boolean>;
  /** Attribution for the next adds; replace it when the show or creator changes. */
  attribution: CartAttribution;

  readonly #host: Element;
  readonly #timeoutMs: number;
  readonly #giveUpMs: number;
  readonly #settleMs: number;
  readonly #slow = atom(false);
  readonly #navigate: Navigate;
  #queue: Promise<unknown> = Promise.resolve();
  #refreshing: Promise<void> | undefined;
  #refreshAgain = false;
  /** Counts finished writes: a read that started before the last write ended is stale. */
  #writes = 0;
  /** Writes (adds, quantity changes) under way. */
  #writing = 0;
  /** `#writes` when the adapter last pushed a cart (see `#onPush`). */
  #pushedAt = 0;
  #connected = false;
  #cleanup: (() => void)[] = [];
  readonly #reads = new Set<AbortController>();

  constructor(
    readonly adapter: CartAdapter,
    options: CartSessionOptions,
  ) {
    this.#host = options.host;
    this.attribution = options.attribution;
    this.#timeoutMs = options.timeoutMs ?? 10_000;
    this.#giveUpMs = Math.max(this.#timeoutMs, options.giveUpMs ?? 30_000);
    this.#settleMs = options.settleMs ?? 1_500;
    this.slow = this.#slow;
    this.#navigate = options.navigate ?? navigateTo;
  }

  /**
   * Adds `quantity` units of `variant`. Adds run one at a time. Resolves (never rejects) with
   * `added`, `partial` (fewer units than asked went in; `error` says why) or `failed`. With an
   * `offer`, the line carries its claim token in the `_vitrine_offer` property.
   */
  add(product: Product, variant: ProductVariant, quantity: number, properties: Record<string, string> = {}, offer?: CartLineOffer): Promise<AddOutcome> {
    // Counted from now: an add waiting its turn is already under way for the cart's readers.
    this.#writing++;
    const run = this.#queue.then(() => this.#add(product, variant, quantity, properties, offer)).finally(() => this.#writing--);
    this.#queue = run.catch(() => undefined);
    return run.catch((error: unknown) => ({ status: 'failed', error: CartError.from(error) }) as const);
  }

  /** Reads the cart now. Concurrent calls share reads; never rejects (a failure keeps the last cart). */
  refresh(): Promise<void> {
    if (this.#refreshing) {
      this.#refreshAgain = true;
      return this.#refreshing;
    }
    this.#refreshing = (async () => {
      do {
        this.#refreshAgain = false;
        await this.#readCart(true);
      } while (this.#refreshAgain);
    })().finally(() => {
      this.#refreshing = undefined;
    });
    return this.#refreshing;
  }

  /** Starts following the cart: reads it, and again on window focus, on becoming visible and on the adapter's change events. */
  connect(): void {
    if (this.#connected) return;
    this.#connected = true;
    const refresh = (): void => void this.refresh();
    const onVisible = (): void => {
      if (document.visibilityState === 'visible') refresh();
    };
    window.addEventListener('focus', refresh);
    window.addEventListener('pageshow', refresh);
    document.addEventListener('visibilitychange', onVisible);
    this.#cleanup.push(() => {
      window.removeEventListener('focus', refresh);
      window.removeEventListener('pageshow', refresh);
      document.removeEventListener('visibilitychange', onVisible);
    });
    try {
      const unsubscribe = this.adapter.subscribe?.((cart) => this.#onPush(cart));
      if (unsubscribe) this.#cleanup.push(unsubscribe);
    } catch (error) {
      warn(this.#host, 'the cart adapter\'s subscribe() failed; the cart badge follows focus and visibility only.', error);
    }
    refresh();
  }

  /** Stops following the cart (adds in flight still finish). */
  disconnect(): void {
    this.#connected = false;
    for (const cleanup of this.#cleanup.splice(0)) cleanup();
    for (const read of this.#reads) read.abort();
    this.#reads.clear();
  }

  /** Shows the shop's cart: its own drawer or page (the adapter's `openCart`), else `cartUrl`. */
  openCart(): Promise<void> {
    return this.#handOver('openCart', 'cartUrl');
  }

  /** Hands over to the shop's checkout (the adapter's `checkout`, else `checkoutUrl`). */
  checkout(): Promise<void> {
    emit(this.#host, 'vitrine-checkout', { cart: this.cart.get() });
    return this.#handOver('checkout', 'checkoutUrl');
  }

  /** Sets a line's quantity (0 removes it), when the adapter can. Resolves with the new cart. */
  async changeQuantity(lineKey: string, quantity: number): Promise<Cart | null> {
    const change = this.adapter.changeQuantity?.bind(this.adapter);
    if (!change) return null;
    return this.#write(async () => {
      try {
        const cart = await this.#call((signal) => change(lineKey, quantity, { signal, requestId: requestId() }));
        if (isCart(cart)) this.#apply(cart);
        return cart;
      } finally {
        this.#writes++;
      }
    });
  }

  /** The adapter's own way to the cart or checkout, else the cart's URL for it. */
  async #handOver(method: 'openCart' | 'checkout', field: 'cartUrl' | 'checkoutUrl'): Promise<void> {
    try {
      if (this.adapter[method]) {
        await this.adapter[method]!();
        return;
      }
    } catch (error) {
      warn(this.#host, `the cart adapter's ${method}() failed; going to its ${field}.`, error);
    }
    if (!this.cart.get()?.[field]) await this.refresh();
    const raw = this.cart.get()?.[field];
    // Only http(s) is followed: a cart URL comes from outside (the adapter, the shop's answer).
    const url = safeHttpUrl(raw);
    if (url) this.#navigate(url.href);
    else if (raw) warn(this.#host, `the cart's ${field} must be an http(s) URL; got "${raw}". Nothing opened.`);
    else warn(this.#host, `the cart adapter gives no ${field}; nothing to open.`);
  }

  /** Runs one adapter call with a time limit (default `timeoutMs`); whatever it throws becomes a CartError. */
  async #call<T>(run: (signal: AbortSignal) => Promise<T>, limitMs = this.#timeoutMs): Promise<T> {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        const error = new CartError('network', `The cart did not answer within ${limitMs} ms.`, { detail: 'timeout' });
        controller.abort(error);
        reject(error);
      }, limitMs);
    });
    try {
      return await Promise.race([Promise.resolve().then(() => run(controller.signal)), timeout]);
    } catch (error) {
      throw controller.signal.aborted && controller.signal.reason instanceof CartError ? controller.signal.reason : CartError.from(error);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Reads the cart; `undefined` when it cannot be read. A read older than the last write is not shown. */
  async #readCart(report = false): Promise<Cart | undefined> {
    const writes = this.#writes;
    const read = new AbortController();
    this.#reads.add(read);
    if (this.store.status.get() !== 'ready') this.store.status.set('syncing');
    try {
      const cart = await this.#call((signal) => this.adapter.getCart({ signal: anySignal(signal, read.signal) }));
      if (!isCart(cart)) throw new CartError('unknown', 'the cart adapter\'s getCart() must resolve with { itemCount, lines }.');
      if (writes === this.#writes) this.#apply(cart);
      return cart;
    } catch (error) {
      if (read.signal.aborted) return undefined;
      if (this.store.cart.get() === null) this.store.status.set('error');
      if (report) warn(this.#host, `could not read the cart: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    } finally {
      this.#reads.delete(read);
    }
  }

  /**
   * A cart the adapter pushed (a change made outside the widget). The adapter read it at some
   * moment the session cannot see: while an add was in flight, or just before one settled, it
   * may show the cart from before the add and would overwrite the settled cart. So a push during
   * a write, or the first push after one, is only a cue to read the cart again (a read the write
   * guard covers); pushes with no write since the previous one are applied as they come.
   */
  #onPush(cart: unknown): void {
    if (!isCart(cart) || !this.#connected) return;
    const fresh = this.#writing === 0 && this.#pushedAt === this.#writes;
    this.#pushedAt = this.#writes;
    if (fresh) this.#apply(cart);
    else void this.refresh();
  }

  /** Runs a quantity change, counted as a write while under way. */
  async #write<T>(run: () => Promise<T>): Promise<T> {
    this.#writing++;
    try {
      return await run();
    } finally {
      this.#writing--;
    }
  }

  #apply(cart: Cart): void {
    this.store.cart.set(cart);
    this.store.status.set('ready');
  }

  async #add(product: Product, variant: ProductVariant, quantity: number, extra: Record<string, string>, offer: CartLineOffer | undefined): Promise<AddOutcome> {
    const id = requestId();
    if (!Number.isInteger(quantity) || quantity < 1) {
      return this.#failed(product, variant, quantity, id, new CartError('unknown', `add(): quantity must be a whole number of at least 1; got ${quantity}.`));
    }
    const properties: Record<string, string> = {};
    for (const [key, value] of Object.entries(extra)) if (typeof value === 'string') properties[key] = value;
    Object.assign(properties, attributionProperties(this.attribution));
    if (offer) properties[OFFER_PROPERTY] = offer.token;
    const line: CartLineRequest = { product, variant, quantity, properties, ...(offer ? { offer } : {}) };

    let before = await this.#readCart();
    for (let attempt = 1; ; attempt++) {
      let result: CartAddResult;
      // Slow is not lost: keep waiting for the shop's answer, and say so.
      const slow = setTimeout(() => this.#slow.set(true), this.#timeoutMs);
      try {
        const cartBefore = before;
        result = await this.#call((signal) => this.adapter.add(line, { signal, requestId: id, ...(cartBefore ? { cartBefore } : {}) }), this.#giveUpMs);
        this.#writes++;
      } catch (thrown) {
        this.#writes++;
        const error = CartError.from(thrown);
        // A network failure that says it was not applied never reached the shop: safe to send again.
        const unsent = error.code === 'network' && !error.maybeApplied;
        if (error.maybeApplied || unsent) {
          // Did it happen? Only the cart can tell, once the shop had a moment to finish writing.
          this.#slow.set(false);
          await new Promise((resolve) => setTimeout(resolve, this.#settleMs));
          const after = await this.#readCart();
          if (before && after) {
            const added = Math.min(quantity, variantQuantity(after, variant.id) - variantQuantity(before, variant.id));
            if (added >= quantity) return this.#added(line, id, quantity, after, undefined);
            if (added > 0) {
              // Not a stock answer: the shop never said why the rest is missing (and it may still come).
              return this.#partial(line, id, added, after, new CartError('unconfirmed', `${added} of ${quantity} were added before the answer was lost; the rest could not be confirmed.`, { quantityAdded: added, cause: error, maybeApplied: true }));
            }
            if (attempt < MAX_ATTEMPTS && (unsent || this.adapter.idempotent === true)) {
              before = after;
              continue;
            }
          }
          if (!unsent && (!(before && after) || this.adapter.idempotent !== true)) {
            // Sending again could add it twice: the shopper checks the cart and retries by hand.
            return this.#failed(product, variant, quantity, id, new CartError('unconfirmed', `The add could not be confirmed (${error.message}); not sent again, so it is never applied twice.`, { cause: error, maybeApplied: true }));
          }
        }
        if (error.quantityAdded > 0) {
          const after = await this.#readCart();
          return this.#partial(line, id, Math.min(error.quantityAdded, quantity), after ?? null, error);
        }
        return this.#failed(product, variant, quantity, id, error);
      } finally {
        clearTimeout(slow);
        this.#slow.set(false);
      }
      const quantityAdded = Number.isInteger(result.quantityAdded) ? Math.max(0, Math.min(result.quantityAdded, quantity)) : quantity;
      let cart: Cart | undefined;
      if (result.cart && isCart(result.cart)) {
        this.#apply(result.cart);
        cart = result.cart;
      } else cart = await this.#readCart();
      if (quantityAdded < quantity) {
        const error = new CartError(quantityAdded > 0 ? 'insufficient_stock' : 'out_of_stock', `The cart took ${quantityAdded} of ${quantity}.`, { quantityAdded });
        return quantityAdded > 0 ? this.#partial(line, id, quantityAdded, cart ?? null, error) : this.#failed(product, variant, quantity, id, error);
      }
      return this.#added(line, id, quantityAdded, cart ?? null, result.sections);
    }
  }

  #added(line: CartLineRequest, id: string, quantityAdded: number, cart: Cart | null, sections: CartAddResult['sections']): AddOutcome {
    this.#emitAdd(line, id, quantityAdded, cart, sections);
    return { status: 'added', quantityAdded };
  }

  #partial(line: CartLineRequest, id: string, quantityAdded: number, cart: Cart | null, error: CartError): AddOutcome {
    this.#emitAdd(line, id, quantityAdded, cart, undefined);
    this.#emitError(line.product, line.variant, line.quantity, id, error);
    return { status: 'partial', quantityAdded, error };
  }

  #failed(product: Product, variant: ProductVariant, quantity: number, id: string, error: CartError): AddOutcome {
    this.#emitError(product, variant, quantity, id, error);
    return { status: 'failed', error };
  }

  #emitAdd(line: CartLineRequest, id: string, quantityAdded: number, cart: Cart | null, sections: CartAddResult['sections']): void {
    emit(this.#host, 'vitrine-cart-add', {
      product: line.product,
      variant: line.variant,
      quantity: line.quantity,
      quantityAdded,
      price: this.#unitPrice(line, cart),
      requestId: id,
      attribution: { ...this.attribution },
      properties: line.properties,
      cart,
      ...(sections ? { sections } : {}),
    });
  }

  /** What one unit of the add went in at (see `VitrineCartAddDetail.price`). */
  #unitPrice(line: CartLineRequest, cart: Cart | null): Money {
    const { offer } = line;
    if (!offer) return line.variant.price;
    const added = cart?.lines.find((candidate) => candidate.properties[OFFER_PROPERTY] === offer.token);
    return added?.price ?? (this.adapter.offerPrices ? offer.price : line.variant.price);
  }

  #emitError(product: Product, variant: ProductVariant, quantity: number, id: string, error: CartError): void {
    emit(this.#host, 'vitrine-cart-error', { product, variant, quantity, requestId: id, code: error.code, message: error.message });
  }
}

/** A signal that aborts when either does. */
function anySignal(a: AbortSignal, b: AbortSignal): AbortSignal {
  if (typeof AbortSignal.any === 'function') return AbortSignal.any([a, b]);
  const controller = new AbortController();
  const abort = (signal: AbortSignal) => () => controller.abort(signal.reason);
  if (a.aborted || b.aborted) controller.abort((a.aborted ? a : b).reason);
  a.addEventListener('abort', abort(a), { once: true });
  b.addEventListener('abort', abort(b), { once: true });
  return controller.signal;
}
