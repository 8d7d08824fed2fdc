// GA4 ecommerce events for Google Tag Manager (`analytics="datalayer"`): `view_item`,
// `add_to_cart` and `begin_checkout`, in the shape GA4's recommended events take, pushed to
// `window.dataLayer` after the `{ ecommerce: null }` that clears the previous one.
import type { Cart } from '../commerce/cart.js';
import type { VitrineCartAddDetail } from '../commerce/events.js';
import { minorUnitDigits } from '../commerce/money.js';
import type { Money, Product } from '../commerce/product.js';

export interface Ga4Item {
  readonly item_id: string;
  readonly item_name: string;
  readonly item_brand?: string;
  readonly item_variant?: string;
  /** Unit price in the currency's major unit (19.99). */
  readonly price?: number;
  readonly quantity: number;
}

export interface Ga4EcommerceEvent {
  readonly event: 'view_item' | 'add_to_cart' | 'begin_checkout';
  readonly ecommerce: { readonly currency: string; readonly value: number; readonly items: readonly Ga4Item[] };
  /** The show id and the creator ref, when set. */
  readonly vitrine_show?: string;
  readonly vitrine_creator?: string;
}

/** What the widget knows about where an event happened. */
export interface Ga4Context {
  readonly show?: string;
  readonly creator?: string;
}

/** Minor units to a GA4 number: 1999 EUR -> 19.99. */
const major = (money: Money): number => money.amount / 10 ** minorUnitDigits(money.currency);

function ga4(event: Ga4EcommerceEvent['event'], currency: string, value: number, items: Ga4Item[], context: Ga4Context): Ga4EcommerceEvent {
  return {
    event,
    ecommerce: { currency, value, items },
    ...(context.show ? { vitrine_show: context.show } : {}),
    ...(context.creator ? { vitrine_creator: context.creator } : {}),
  };
}

const item = (product: Product, quantity: number, variant?: string, price = product.price): Ga4Item => ({
  item_id: product.id,
  item_name: product.title,
  ...(product.brand ? { item_brand: product.brand } : {}),
  ...(variant ? { item_variant: variant } : {}),
  price: major(price),
  quantity,
});

export function viewItem(product: Product, context: Ga4Context): Ga4EcommerceEvent {
  return ga4('view_item', product.price.currency, major(product.price), [item(product, 1)], context);
}

export function addToCart({ product, variant, quantityAdded, price }: VitrineCartAddDetail, context: Ga4Context): Ga4EcommerceEvent {
  const line = item(product, quantityAdded, variant.title, price);
  return ga4('add_to_cart', price.currency, major({ ...price, amount: price.amount * quantityAdded }), [line], context);
}

/** Null when the cart is unknown or empty (nothing to report). */
export function beginCheckout(cart: Cart | null, context: Ga4Context): Ga4EcommerceEvent | null {
  const priced = cart?.lines.filter((line) => line.price) ?? [];
  const currency = cart?.total?.currency ?? priced[0]?.price?.currency;
  if (!cart || !currency || cart.lines.length === 0) return null;
  const total = cart.total ?? { amount: priced.reduce((sum, line) => sum + line.price!.amount * line.quantity, 0), currency };
  const items = cart.lines.map((line) => ({
    item_id: line.productId,
    item_name: line.title,
    ...(line.price ? { price: major(line.price) } : {}),
    quantity: line.quantity,
  }));
  return ga4('begin_checkout', currency, major(total), items, context);
}

/** Pushes to the page's `dataLayer` (created if missing), as Google Tag Manager reads it. */
export function pushToDataLayer(event: Ga4EcommerceEvent): void {
  const page = globalThis as { dataLayer?: unknown[] };
  const layer = (page.dataLayer ??= []);
  layer.push({ ecommerce: null });
  layer.push(event);
}
