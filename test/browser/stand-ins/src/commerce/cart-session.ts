import { atom, type ReadableAtom } from 'nanostores';
import { CartError, type Cart, type CartAdapter } from '../../../../../src/commerce/cart.js';
import type { Product, ProductVariant } from '../../../../../src/commerce/product.js';

export type AddOutcome =
  | { status: 'added'; quantityAdded: number }
  | { status: 'partial'; quantityAdded: number; error: CartError }
  | { status: 'failed'; error: CartError };

export class CartSession {
  readonly #cart = atom<Cart | null>(null);
  readonly cart: ReadableAtom<Cart | null> = this.#cart;
  #unsubscribe: (() => void) | undefined;
  constructor(
    readonly adapter: CartAdapter,
    readonly options: { host: Element; attribution: { show?: string; creator?: string }; timeoutMs?: number },
  ) {}
  async add(product: Product, variant: ProductVariant, quantity: number, properties: Record<string, string> = {}): Promise<AddOutcome> {
    const attribution: Record<string, string> = {};
    if (this.options.attribution.show) attribution['_vitrine_show'] = this.options.attribution.show;
    if (this.options.attribution.creator) attribution['_vitrine_creator'] = this.options.attribution.creator;
    try {
      const result = await this.adapter.add(
        { product, variant, quantity, properties: { ...properties, ...attribution } },
        { signal: new AbortController().signal, requestId: crypto.randomUUID() },
      );
      if (result.cart) this.#cart.set(result.cart);
      else void this.refresh();
      return { status: 'added', quantityAdded: result.quantityAdded };
    } catch (thrown) {
      const error = CartError.from(thrown);
      void this.refresh();
      if (error.code === 'insufficient_stock' && error.quantityAdded > 0) return { status: 'partial', quantityAdded: error.quantityAdded, error };
      return { status: 'failed', error };
    }
  }
  async refresh(): Promise<void> {
    try {
      this.#cart.set(await this.adapter.getCart());
    } catch {
      /* stand-in */
    }
  }
  connect(): void {
    void this.refresh();
    this.#unsubscribe = this.adapter.subscribe?.((cart) => this.#cart.set(cart));
  }
  disconnect(): void {
    this.#unsubscribe?.();
  }
  openCart(): void {
    void this.adapter.openCart?.();
  }
  checkout(): void {
    void this.adapter.checkout?.();
  }
}
