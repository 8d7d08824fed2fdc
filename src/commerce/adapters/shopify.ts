import * as v from 'valibot';
import { CartError, type Cart, type CartAdapter, type CartAddResult, type CartErrorCode, type CartLine, type CartLineRequest, type CartRequestOptions } from '../cart.js';
import { HttpFailure, requestJson } from '../http.js';
import { currencyCode, scaleAmount } from '../money.js';
import { safeHttpUrl } from '../../internal/url.js';
import { shopifyGlobal, shopifyRoot } from '../shopify-platform.js';
import { navigateTo, variantQuantity, type Navigate } from '../cart-lines.js';
import { transportError } from './failures.js';

// `cart="shopify"`: the cart of the Shopify storefront the widget runs on.
// - When the theme configured Shopify's standard storefront actions (`Shopify.actions.updateCart`
//   with `isDefault()` false), adds go through them, so the theme's own drawer and counter
//   update. The default handler is never used: on themes it does not recognise it reloads the
//   page, which would kill the video.
// - Otherwise the Ajax Cart API under `Shopify.routes.root`: `/cart.js`, `/cart/add.js`,
//   `/cart/change.js`; 422 answers become CartError codes; `sections` re-renders theme sections.
// - Changes the theme makes are followed through the standard `shopify:cart:lines-update` event.

export interface ShopifyCartOptions {
  /** Theme section ids to re-render with each add (the Ajax API's `sections` parameter). */
  readonly sections?: readonly string[];
  /** Use the theme's configured storefront actions when there are some (default true). */
  readonly useActions?: boolean;
  /** How to go to the cart or checkout page (default `location.assign`). */
  readonly navigate?: Navigate;
}

const AjaxLine = v.looseObject({
  key: v.string(),
  id: v.union([v.number(), v.string()]),
  variant_id: v.nullish(v.union([v.number(), v.string()])),
  product_id: v.nullish(v.union([v.number(), v.string()])),
  title: v.nullish(v.string()),
  product_title: v.nullish(v.string()),
  quantity: v.number(),
  final_price: v.nullish(v.number()),
  price: v.nullish(v.number()),
  properties: v.nullish(v.record(v.string(), v.unknown())),
  image: v.nullish(v.string()),
});

const AjaxCart = v.looseObject({
  item_count: v.number(),
  total_price: v.nullish(v.number()),
  currency: v.nullish(v.string()),
  items: v.array(AjaxLine),
});

/** A Shopify storefront action (a function with `isDefault()`). */
interface StorefrontAction<A extends unknown[], R> {
  (...args: A): Promise<R>;
  isDefault?: () => boolean;
}

interface ShopifyActions {
  updateCart?: StorefrontAction<[payload: unknown], { cart?: unknown; userErrors?: unknown; warnings?: unknown }>;
  openCart?: StorefrontAction<[], void>;
}

function actions(): ShopifyActions | undefined {
  const value = shopifyGlobal()?.actions;
  return value && typeof value === 'object' ? (value as ShopifyActions) : undefined;
}

/** A configured (not default) storefront action, or `undefined`. */
function configured<T extends StorefrontAction<never[], unknown>>(action: T | undefined): T | undefined {
  if (typeof action !== 'function') return undefined;
  try {
    return typeof action.isDefault === 'function' && action.isDefault() === false ? action : undefined;
  } catch {
    return undefined;
  }
}

function idNumber(id: string): number | string {
  return /^\d+$/.test(id) && Number.isSafeInteger(Number(id)) ? Number(id) : id;
}

function stringProperties(properties: Record<string, unknown> | null | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, value] of Object.entries(properties ?? {})) {
    if (value === null || value === undefined || typeof value === 'object') continue;
    result[key] = String(value);
  }
  return result;
}

/** What a 422 from the Ajax API means. Shopify words them in the shop's language; English is matched, the cart decides the rest. */
function codeOf422(description: string, quantityAdded: number): CartErrorCode {
  if (quantityAdded > 0) return 'insufficient_stock';
  if (/sold out|out of stock/i.test(description)) return 'out_of_stock';
  if (/maximum quantity|can.t add more|cannot add more|limit/i.test(description)) return 'quantity_limit';
  return 'insufficient_stock';
}

/** Maps a Storefront API cart user error / warning code. */
function codeOfUserError(code: string | undefined): CartErrorCode {
  const value = (code ?? '').toUpperCase();
  if (/OUT_OF_STOCK|SOLD_OUT/.test(value)) return 'out_of_stock';
  if (/NOT_ENOUGH_STOCK|INSUFFICIENT|INVENTORY/.test(value)) return 'insufficient_stock';
  if (/MAXIMUM|LIMIT|QUANTITY|MINIMUM/.test(value)) return 'quantity_limit';
  if (/NOT_FOUND|INVALID_MERCHANDISE|MERCHANDISE/.test(value)) return 'not_found';
  return 'unknown';
}

function firstMessage(list: unknown): { code?: string; message: string } | undefined {
  if (!Array.isArray(list) || list.length === 0) return undefined;
  const first = list[0] as { code?: unknown; message?: unknown };
  return { ...(typeof first?.code === 'string' ? { code: first.code } : {}), message: typeof first?.message === 'string' ? first.message : 'Cart error' };
}

/** The Shopify storefront cart. Exported for pages that want to pass options (`sections`). */
export class ShopifyCartAdapter implements CartAdapter {
  readonly #options: ShopifyCartOptions;

  constructor(options: ShopifyCartOptions = {}) {
    this.#options = options;
  }

  #url(path: string): URL {
    return new URL(path, shopifyRoot());
  }

  /** Turns a `/cart.js`-shaped answer into a Cart; unreadable carts are a CartError. */
  #cartFrom(data: unknown, currencyHint?: string): Cart {
    const parsed = v.safeParse(AjaxCart, data);
    if (!parsed.success) {
      throw new CartError('unknown', `Shopify cart answer is not a cart: ${v.getDotPath(parsed.issues[0]) ?? ''} ${parsed.issues[0].message}`, { maybeApplied: true });
    }
    const cart = parsed.output;
    const currency = currencyCode(cart.currency) ?? currencyCode(currencyHint) ?? currencyCode(shopifyGlobal()?.currency?.active);
    const money = (hundredths: number | null | undefined) => {
      if (!currency || typeof hundredths !== 'number') return undefined;
      const amount = scaleAmount(hundredths, 2, currency);
      return amount === null ? undefined : { amount, currency };
    };
    const lines = cart.items.map((item): CartLine => {
      const price = money(item.final_price ?? item.price);
      const image = safeHttpUrl(item.image ?? undefined, shopifyRoot());
      return {
        key: item.key,
        productId: String(item.product_id ?? ''),
        variantId: String(item.variant_id ?? item.id),
        title: item.title ?? item.product_title ?? '',
        quantity: item.quantity,
        ...(price ? { price } : {}),
        properties: stringProperties(item.properties),
        ...(image ? { image: image.href } : {}),
      };
    });
    const total = money(cart.total_price);
    return {
      itemCount: cart.item_count,
      lines,
      ...(total ? { total } : {}),
      cartUrl: this.#url('cart').href,
      checkoutUrl: this.#url('checkout').href,
    };
  }

  async getCart(options: { readonly signal?: AbortSignal } = {}): Promise<Cart> {
    try {
      const { data } = await requestJson(this.#url('cart.js'), { signal: options.signal });
      return this.#cartFrom(data);
    } catch (error) {
      throw transportError(error, 'Shopify GET /cart.js');
    }
  }

  async add(line: CartLineRequest, options: CartRequestOptions): Promise<CartAddResult> {
    const update = this.#options.useActions === false ? undefined : configured(actions()?.updateCart);
    return update ? this.#addWithAction(update, line, options) : this.#addWithAjax(line, options);
  }

  /** Units that really went in, from the cart before and after (partial adds). */
  async #addedSince(line: CartLineRequest, options: CartRequestOptions): Promise<{ added: number }> {
    if (!options.cartBefore) return { added: 0 };
    try {
      const cart = await this.getCart({ signal: options.signal });
      const added = Math.max(0, variantQuantity(cart, line.variant.id) - variantQuantity(options.cartBefore, line.variant.id));
      return { added: Math.min(added, line.quantity) };
    } catch {
      return { added: 0 };
    }
  }

  async #addWithAjax(line: CartLineRequest, options: CartRequestOptions): Promise<CartAddResult> {
    const sections = this.#options.sections?.filter(Boolean) ?? [];
    const body: Record<string, unknown> = {
      items: [{ id: idNumber(line.variant.id), quantity: line.quantity, properties: line.properties }],
    };
    if (sections.length) {
      body['sections'] = sections.join(',');
      body['sections_url'] = globalThis.location?.pathname ?? '/';
    }
    try {
      const { data } = await requestJson<{ items?: unknown; sections?: unknown }>(this.#url('cart/add.js'), { method: 'POST', body, signal: options.signal });
      if (!data || typeof data !== 'object' || !Array.isArray(data.items)) {
        throw new CartError('unknown', 'Shopify POST /cart/add.js answered without "items".', { maybeApplied: true });
      }
      const rendered = data.sections && typeof data.sections === 'object' ? (data.sections as Record<string, string | null>) : undefined;
      return { quantityAdded: line.quantity, ...(rendered ? { sections: rendered } : {}) };
    } catch (error) {
      if (error instanceof HttpFailure && error.status === 422) {
        const body422 = (error.body ?? {}) as { description?: unknown; message?: unknown };
        const description = typeof body422.description === 'string' ? body422.description : typeof body422.message === 'string' ? body422.message : 'Cart Error';
        // The cart tells how many went in whatever the shop's language; the English wording is the fallback.
        const added = options.cartBefore ? (await this.#addedSince(line, options)).added : Math.min(line.quantity, Number(/only (\d+) items? (?:were|was) added/i.exec(description)?.[1] ?? 0));
        throw new CartError(codeOf422(description, added), `Shopify refused the add (422): ${description}`, { quantityAdded: added, detail: description, cause: error });
      }
      throw transportError(error, 'Shopify POST /cart/add.js');
    }
  }

  async #addWithAction(update: NonNullable<ShopifyActions['updateCart']>, line: CartLineRequest, options: CartRequestOptions): Promise<CartAddResult> {
    let result: { cart?: unknown; userErrors?: unknown; warnings?: unknown };
    try {
      result = await update({
        lines: [
          {
            merchandiseId: `gid://shopify/ProductVariant/${line.variant.id}`,
            quantity: line.quantity,
            attributes: Object.entries(line.properties).map(([key, value]) => ({ key, value })),
          },
        ],
      });
    } catch (error) {
      // The action rejects only when it could not run at all (network, malformed payload).
      throw new CartError('network', `Shopify.actions.updateCart failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
    const userError = firstMessage(result?.userErrors);
    if (userError) {
      throw new CartError(codeOfUserError(userError.code), `Shopify.actions.updateCart declined the add: ${userError.message}`, { detail: userError.message });
    }
    const warning = firstMessage(result?.warnings);
    if (warning && codeOfUserError(warning.code) !== 'unknown') {
      // Applied with an adjustment (e.g. capped at the stock): count what really went in.
      const { added } = await this.#addedSince(line, options);
      if (added < line.quantity) {
        throw new CartError('insufficient_stock', `Shopify added ${added} of ${line.quantity}: ${warning.message}`, { quantityAdded: added, detail: warning.message });
      }
    }
    return { quantityAdded: line.quantity };
  }

  async changeQuantity(lineKey: string, quantity: number, options: CartRequestOptions): Promise<Cart> {
    try {
      const { data } = await requestJson(this.#url('cart/change.js'), { method: 'POST', body: { id: lineKey, quantity }, signal: options.signal });
      return this.#cartFrom(data);
    } catch (error) {
      if (error instanceof HttpFailure && error.status === 422) {
        const description = String((error.body as { description?: unknown } | undefined)?.description ?? 'Cart Error');
        throw new CartError(codeOf422(description, 0), `Shopify refused the change (422): ${description}`, { detail: description, cause: error });
      }
      if (error instanceof HttpFailure && error.status === 400) {
        throw new CartError('not_found', 'Shopify has no such cart line (400).', { cause: error });
      }
      throw transportError(error, 'Shopify POST /cart/change.js');
    }
  }

  async openCart(): Promise<void> {
    const open = actions()?.openCart;
    // The default openCart opens a drawer it recognises, else goes to /cart: never a reload.
    if (typeof open === 'function') {
      await open();
      return;
    }
    (this.#options.navigate ?? navigateTo)(this.#url('cart').href);
  }

  checkout(): void {
    (this.#options.navigate ?? navigateTo)(this.#url('checkout').href);
  }

  /** Follows the theme's cart changes (`shopify:cart:lines-update`), reading the cart after each. */
  subscribe(listener: (cart: Cart) => void): () => void {
    const onUpdate = (event: Event): void => {
      // The event fires when the change starts; its `promise` settles when the cart changed.
      const pending = (event as Event & { promise?: unknown }).promise;
      const settled =
        pending && typeof (pending as Promise<unknown>).then === 'function'
          ? (pending as Promise<unknown>).then(() => undefined, () => undefined)
          : new Promise<void>((resolve) => setTimeout(resolve, 500));
      void settled
        .then(() => this.getCart())
        .then(listener, () => undefined);
    };
    document.addEventListener('shopify:cart:lines-update', onUpdate);
    return () => document.removeEventListener('shopify:cart:lines-update', onUpdate);
  }
}
