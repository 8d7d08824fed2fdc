import { warn } from '../../internal/warn.js';
import type { Cart, CartAdapter, CartAddResult, CartLineRequest, CartRequestOptions } from '../cart.js';

// The built-in adapters, chosen by the `cart` attribute. Each is its own chunk, imported the
// first time the widget touches the cart, so a shop loads only the one it uses.

/** Names the `cart` attribute accepts. */
export const CART_ADAPTER_NAMES = ['shopify', 'woocommerce', 'events'] as const;
export type CartAdapterName = (typeof CART_ADAPTER_NAMES)[number];

/**
 * An adapter whose code loads on first use. `subscribe` works at once: the listener is attached
 * when the code has arrived.
 */
class LazyCartAdapter implements CartAdapter {
  #adapter: Promise<CartAdapter> | undefined;

  constructor(
    private readonly load: () => Promise<CartAdapter>,
    readonly idempotent = false,
  ) {}

  #get(): Promise<CartAdapter> {
    this.#adapter ??= this.load().catch((error: unknown) => {
      this.#adapter = undefined; // a chunk that failed to load is tried again next time
      throw error;
    });
    return this.#adapter;
  }

  async add(line: CartLineRequest, options: CartRequestOptions): Promise<CartAddResult> {
    return (await this.#get()).add(line, options);
  }

  async getCart(options?: { readonly signal?: AbortSignal }): Promise<Cart> {
    return (await this.#get()).getCart(options);
  }

  async changeQuantity(lineKey: string, quantity: number, options: CartRequestOptions): Promise<Cart> {
    const adapter = await this.#get();
    if (!adapter.changeQuantity) throw new Error('This cart cannot change quantities.');
    return adapter.changeQuantity(lineKey, quantity, options);
  }

  async openCart(): Promise<void> {
    await (await this.#get()).openCart?.();
  }

  async checkout(): Promise<void> {
    await (await this.#get()).checkout?.();
  }

  subscribe(listener: (cart: Cart) => void): () => void {
    let unsubscribe: (() => void) | undefined;
    let active = true;
    void this.#get().then(
      (adapter) => {
        if (active) unsubscribe = adapter.subscribe?.(listener);
      },
      () => undefined,
    );
    return () => {
      active = false;
      unsubscribe?.();
    };
  }
}

/**
 * The built-in adapter for a `cart` attribute value (`shopify`, `woocommerce`, `events`), or
 * `null` for an empty value. An unknown name gives `null` and one console warning. For Shopify,
 * the element's `cart-sections` attribute lists theme sections to re-render with each add.
 */
export function createCartAdapter(name: string, host: Element): CartAdapter | null {
  const value = name.trim().toLowerCase();
  switch (value) {
    case '':
      return null;
    case 'shopify': {
      const sections = (host.getAttribute('cart-sections') ?? '').split(',').map((id) => id.trim()).filter(Boolean);
      return new LazyCartAdapter(() => import('./shopify.js').then(({ ShopifyCartAdapter }) => new ShopifyCartAdapter({ sections })));
    }
    case 'woocommerce':
      return new LazyCartAdapter(() => import('./woocommerce.js').then(({ WooCommerceCartAdapter }) => new WooCommerceCartAdapter()));
    case 'events':
      return new LazyCartAdapter(() => import('./events.js').then(({ EventsCartAdapter }) => new EventsCartAdapter(host)), true);
    default:
      warn(host, `attribute "cart" must be one of ${CART_ADAPTER_NAMES.join(', ')} (or set the cartAdapter property); got "${name}". Add to cart is off.`);
      return null;
  }
}
