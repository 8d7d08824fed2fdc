import * as v from 'valibot';
import { CartError, type Cart, type CartAdapter, type CartAddResult, type CartErrorCode, type CartLine, type CartLineRequest, type CartRequestOptions } from '../cart.js';
import { HttpFailure, requestJson, type JsonResponse } from '../http.js';
import { currencyCode, scaleAmount } from '../money.js';
import { decodeEntities, plainText } from '../normalize.js';
import { safeHttpUrl } from '../../internal/url.js';
import { wooEndpoint } from '../woocommerce-platform.js';
import { navigateTo, type Navigate } from '../cart-lines.js';
import { transportError } from './failures.js';

// `cart="woocommerce"`: the WooCommerce Store API cart (`/wc/store/v1/cart`, `/cart/add-item`,
// `/cart/update-item`). Writes need the `Nonce` header: taken from the page
// (`wcBlocksMiddlewareConfig.storeApiNonce`, or `<meta name="woocommerce-store-api-nonce">`),
// replaced by the one each response carries, and after a 401/403 nonce answer refreshed from
// `GET /cart` and tried once more. Attribution goes as `cart_item_data` (see the README for the
// small PHP filter that stores it on the order line).

export interface WooCommerceCartOptions {
  /** A Store API nonce (`wp_create_nonce('wc_store_api')`); default read from the page. */
  readonly nonce?: string;
  /** How to go to the cart or checkout page (default `location.assign`). */
  readonly navigate?: Navigate;
}

const Money$ = v.looseObject({ currency_code: v.nullish(v.string()), currency_minor_unit: v.nullish(v.number()) });

const WooLine = v.looseObject({
  key: v.string(),
  id: v.number(),
  quantity: v.number(),
  name: v.nullish(v.string()),
  prices: v.nullish(v.looseObject({ ...Money$.entries, price: v.nullish(v.string()) })),
  item_data: v.nullish(v.array(v.looseObject({ key: v.nullish(v.string()), name: v.nullish(v.string()), value: v.nullish(v.unknown()) }))),
  images: v.nullish(v.array(v.looseObject({ src: v.nullish(v.string()), thumbnail: v.nullish(v.string()) }))),
});

const WooCart = v.looseObject({
  items: v.array(WooLine),
  items_count: v.number(),
  totals: v.nullish(v.looseObject({ ...Money$.entries, total_price: v.nullish(v.string()) })),
});

function pageNonce(): string | null {
  const config = (globalThis as { wcBlocksMiddlewareConfig?: { storeApiNonce?: unknown } }).wcBlocksMiddlewareConfig;
  if (typeof config?.storeApiNonce === 'string' && config.storeApiNonce) return config.storeApiNonce;
  const meta = globalThis.document?.querySelector<HTMLMetaElement>('meta[name="woocommerce-store-api-nonce"]');
  return meta?.content || null;
}

function storePage(name: 'cart' | 'checkout'): string {
  const pages = (globalThis as { wcSettings?: { storePages?: Record<string, { permalink?: unknown } | undefined> } }).wcSettings?.storePages;
  const permalink = pages?.[name]?.permalink;
  return (safeHttpUrl(permalink) ?? safeHttpUrl(`/${name}/`))!.href;
}

function minorMoney(value: string | null | undefined, unit: { currency_code?: string | null | undefined; currency_minor_unit?: number | null | undefined } | null | undefined) {
  const currency = currencyCode(unit?.currency_code);
  if (!currency || typeof value !== 'string' || !/^\d+$/.test(value) || typeof unit?.currency_minor_unit !== 'number') return undefined;
  const amount = scaleAmount(Number(value), unit.currency_minor_unit, currency);
  return amount === null ? undefined : { amount, currency };
}

function isNonceError(error: unknown): boolean {
  if (!(error instanceof HttpFailure) || (error.status !== 401 && error.status !== 403)) return false;
  const code = (error.body as { code?: unknown } | undefined)?.code;
  return typeof code !== 'string' || /nonce/.test(code);
}

/** Maps a Store API error answer (`{ code, message, data: { status } }`) to a CartError. */
function storeApiError(error: HttpFailure, what: string): CartError {
  const body = (error.body ?? {}) as { code?: unknown; message?: unknown };
  const code = typeof body.code === 'string' ? body.code : '';
  const message = typeof body.message === 'string' ? plainText(decodeEntities(body.message)) : `HTTP ${error.status}`;
  let mapped: CartErrorCode | undefined;
  let available: number | undefined;
  if (code === 'woocommerce_rest_product_out_of_stock') mapped = 'out_of_stock';
  else if (code === 'woocommerce_rest_product_partially_out_of_stock' || /not_enough_stock/.test(code)) {
    mapped = 'insufficient_stock';
    const left = /\((\d+)[^)]*\)/.exec(message);
    if (left) available = Number(left[1]);
  } else if (code === 'woocommerce_rest_product_invalid_quantity' || code === 'woocommerce_rest_cart_item_exists') mapped = 'quantity_limit';
  else if (/invalid_product|not_purchasable|invalid_key|invalid_variation|missing_variation|variation_id/.test(code)) mapped = 'not_found';
  else if (/nonce/.test(code)) mapped = 'unauthorized';
  if (!mapped) return transportError(error, what);
  // Store API stock errors add nothing: the whole add is refused.
  return new CartError(mapped, `${what}: ${message} (${code})`, { detail: message, cause: error, ...(available === undefined ? {} : { available }) });
}

/** The WooCommerce Store API cart. */
export class WooCommerceCartAdapter implements CartAdapter {
  readonly #options: WooCommerceCartOptions;
  #nonce: string | null;

  constructor(options: WooCommerceCartOptions = {}) {
    this.#options = options;
    this.#nonce = options.nonce ?? pageNonce();
  }

  /** The nonce the next write sends (rotated from every response). */
  get nonce(): string | null {
    return this.#nonce;
  }

  #remember(response: { headers: Headers }): void {
    const next = response.headers.get('nonce');
    if (next) this.#nonce = next;
  }

  #cartFrom(data: unknown): Cart {
    const parsed = v.safeParse(WooCart, data);
    if (!parsed.success) {
      throw new CartError('unknown', `WooCommerce cart answer is not a cart: ${v.getDotPath(parsed.issues[0]) ?? ''} ${parsed.issues[0].message}`, { maybeApplied: true });
    }
    const cart = parsed.output;
    const lines = cart.items.map((item): CartLine => {
      const properties: Record<string, string> = {};
      for (const entry of item.item_data ?? []) {
        const key = entry.key ?? entry.name;
        if (key && entry.value !== null && entry.value !== undefined && typeof entry.value !== 'object') properties[key] = String(entry.value);
      }
      const price = minorMoney(item.prices?.price, item.prices);
      const image = safeHttpUrl(item.images?.[0]?.thumbnail || item.images?.[0]?.src || undefined);
      return {
        key: item.key,
        productId: String(item.id),
        variantId: String(item.id),
        title: plainText(decodeEntities(item.name ?? '')),
        quantity: item.quantity,
        ...(price ? { price } : {}),
        properties,
        ...(image ? { image: image.href } : {}),
      };
    });
    const total = minorMoney(cart.totals?.total_price, cart.totals);
    return { itemCount: cart.items_count, lines, ...(total ? { total } : {}), cartUrl: storePage('cart'), checkoutUrl: storePage('checkout') };
  }

  async getCart(options: { readonly signal?: AbortSignal } = {}): Promise<Cart> {
    try {
      const response = await requestJson(wooEndpoint('cart'), { signal: options.signal });
      this.#remember(response);
      return this.#cartFrom(response.data);
    } catch (error) {
      throw transportError(error, 'WooCommerce GET /cart');
    }
  }

  /** A nonce-protected POST; a 401/403 nonce answer refreshes the nonce once and tries again. */
  async #write(path: string, body: unknown, signal: AbortSignal | undefined, what: string): Promise<JsonResponse> {
    const send = () => requestJson(wooEndpoint(path), { method: 'POST', body, signal, headers: this.#nonce ? { Nonce: this.#nonce } : {} });
    try {
      try {
        const response = await send();
        this.#remember(response);
        return response;
      } catch (error) {
        if (!isNonceError(error)) throw error;
        // Missing or expired nonce: nothing was applied. GET /cart hands out a fresh one.
        const fresh = await requestJson(wooEndpoint('cart'), { signal });
        this.#remember(fresh);
        const response = await send();
        this.#remember(response);
        return response;
      }
    } catch (error) {
      if (error instanceof HttpFailure) {
        const next = error.headers.get('nonce');
        if (next) this.#nonce = next;
        throw storeApiError(error, what);
      }
      throw transportError(error, what);
    }
  }

  async add(line: CartLineRequest, options: CartRequestOptions): Promise<CartAddResult> {
    const id = Number(line.variant.id);
    if (!Number.isSafeInteger(id)) throw new CartError('not_found', `WooCommerce needs a numeric product or variation id; got "${line.variant.id}".`);
    const response = await this.#write('cart/add-item', { id, quantity: line.quantity, cart_item_data: line.properties }, options.signal, 'WooCommerce POST /cart/add-item');
    return { quantityAdded: line.quantity, cart: this.#cartFrom(response.data) };
  }

  async changeQuantity(lineKey: string, quantity: number, options: CartRequestOptions): Promise<Cart> {
    const path = quantity <= 0 ? 'cart/remove-item' : 'cart/update-item';
    const response = await this.#write(path, quantity <= 0 ? { key: lineKey } : { key: lineKey, quantity }, options.signal, `WooCommerce POST /${path}`);
    return this.#cartFrom(response.data);
  }

  openCart(): void {
    (this.#options.navigate ?? navigateTo)(storePage('cart'));
  }

  checkout(): void {
    (this.#options.navigate ?? navigateTo)(storePage('checkout'));
  }

  /** Follows adds and removals made by WooCommerce Blocks elsewhere on the page. */
  subscribe(listener: (cart: Cart) => void): () => void {
    const onChange = (): void => {
      void this.getCart().then(listener, () => undefined);
    };
    const types = ['wc-blocks_added_to_cart', 'wc-blocks_removed_from_cart'];
    for (const type of types) document.addEventListener(type, onChange, true);
    return () => {
      for (const type of types) document.removeEventListener(type, onChange, true);
    };
  }
}
