import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { atom, type ReadableAtom } from 'nanostores';
import { createCartAdapter } from '../commerce/adapters/index.js';
import type { Cart, CartAdapter } from '../commerce/cart.js';
import { CartSession } from '../commerce/cart-session.js';
import { ProductsController } from '../commerce/sources/index.js';
import { INLINE_PRODUCTS } from '../components/products/layout.js';
import type { ProductsStore } from '../stores/products.js';

/** What a widget's attributes and properties say about its products and cart. */
export interface CommerceOptions {
  /** The `products` attribute (a feed spec; `''` reads inline JSON); null when absent. */
  readonly products: string | null;
  /** The `products` property (feed data); undefined when not set. It wins over the attribute. */
  readonly productsData: unknown;
  /** The `cart` attribute (built-in adapter name); null when absent. */
  readonly cart: string | null;
  /** The `cartAdapter` property; it wins over the attribute. */
  readonly cartAdapter: CartAdapter | undefined;
  readonly currency: string | null;
  readonly show: string | null;
  readonly creator: string | null;
}

/**
 * Turns a widget's commerce options into state: loads its products into a ProductsStore (again
 * when the options change, or on `retry()`), and runs one CartSession for its cart while the
 * widget is connected. Shared by <vitrine-products> on its own and by <vitrine-show>.
 */
export class CommerceController implements ReactiveController {
  /** The merchant's cart as the current session last saw it; null without a cart. */
  readonly cart: ReadableAtom<Cart | null>;
  readonly #cart = atom<Cart | null>(null);
  readonly #products: ProductsController;
  #session: CartSession | null = null;
  #stopFollowingCart: (() => void) | undefined;
  #adapterKey: readonly unknown[] = [];
  #productsKey: readonly unknown[] = [];
  #connected = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    /** The element whose attributes, inline JSON and events the commerce code uses. */
    private readonly element: Element,
    readonly store: ProductsStore,
    /** Reads the current options; null switches commerce off (the widget is managed by a show). */
    private readonly options: () => CommerceOptions | null,
  ) {
    this.cart = this.#cart;
    this.#products = new ProductsController(store, { host: element });
    host.addController(this);
  }

  /** The cart session, when a cart is configured. */
  get session(): CartSession | null {
    return this.#session;
  }

  /** Loads the products again (after a failed feed). */
  retry(): void {
    void this.#products.retry();
  }

  hostConnected(): void {
    this.#connected = true;
    this.#session?.connect();
    // Work cut short by leaving the page (see hostDisconnected) runs again on the next update.
    if (this.#productsKey.length === 0) this.host.requestUpdate();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#session?.disconnect();
    // A load (or the normalising of a long `products` list) cut short by leaving the page runs
    // again if the widget comes back.
    if (this.store.status.get() === 'loading' || this.#products.pending) this.#productsKey = [];
    this.#products.abort();
  }

  hostUpdate(): void {
    const options = this.options();
    this.#updateProducts(options);
    this.#updateSession(options);
  }

  #updateProducts(options: CommerceOptions | null): void {
    const key = options ? [options.products, options.productsData, options.currency] : [];
    if (sameKey(key, this.#productsKey)) return;
    this.#productsKey = key;
    if (!options) {
      this.#products.abort();
      return;
    }
    const currency = options.currency ?? undefined;
    const spec = options.products ?? (this.element.querySelector(INLINE_PRODUCTS) ? '' : null);
    if (options.productsData !== undefined) this.#products.set(options.productsData, currency);
    else if (spec !== null) void this.#products.load(spec, currency);
    else {
      this.#products.abort();
      this.store.products.set([]);
      this.store.status.set('idle');
    }
  }

  #updateSession(options: CommerceOptions | null): void {
    const attribution = { show: options?.show ?? undefined, creator: options?.creator ?? undefined };
    const key = options ? [options.cartAdapter, options.cart] : [];
    if (sameKey(key, this.#adapterKey)) {
      // Same cart, new show or creator: later adds carry the new attribution.
      if (this.#session) this.#session.attribution = attribution;
      return;
    }
    this.#adapterKey = key;
    this.#stopFollowingCart?.();
    this.#stopFollowingCart = undefined;
    this.#session?.disconnect();
    this.#session = null;
    this.#cart.set(null);
    const adapter = options ? (options.cartAdapter ?? (options.cart ? createCartAdapter(options.cart, this.element) : null)) : null;
    if (adapter) {
      const session = new CartSession(adapter, { host: this.element, attribution });
      this.#session = session;
      this.#stopFollowingCart = session.cart.subscribe((cart) => this.#cart.set(cart));
      if (this.#connected) session.connect();
    }
    this.host.requestUpdate();
  }
}

function sameKey(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((value, index) => Object.is(value, b[index]));
}
