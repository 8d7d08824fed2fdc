import type { Money, Product, ProductVariant } from './product.js';

/**
 * The merchant's cart as Vitrine sees it. Adapters translate a platform's cart into this; the
 * widget never keeps a cart of its own.
 */
export interface Cart {
  /** Total units in the cart (what a cart badge shows). */
  readonly itemCount: number;
  readonly lines: readonly CartLine[];
  readonly total?: Money;
  /** The shop's cart page. */
  readonly cartUrl?: string;
  /** The shop's checkout. */
  readonly checkoutUrl?: string;
}

export interface CartLine {
  /** The platform's line key (Shopify `key`, WooCommerce item `key`). */
  readonly key: string;
  readonly productId: string;
  readonly variantId: string;
  readonly title: string;
  readonly quantity: number;
  readonly price?: Money;
  /** Line properties / item data, including Vitrine's attribution (`_vitrine_show`, ...). */
  readonly properties: Readonly<Record<string, string>>;
  /** Line image (http(s)), when the platform gives one. */
  readonly image?: string;
}

/** A flash offer the line is bought under: units the viewer claimed from the live server. */
export interface CartLineOffer {
  readonly offerId: string;
  readonly claimId: string;
  /** Signed claim (also in the line's `_vitrine_offer` property); check it with `verifyOfferClaim`. */
  readonly token: string;
  /** The offer price per unit. */
  readonly price: Money;
}

/** What the shopper asked to add. */
export interface CartLineRequest {
  readonly product: Product;
  readonly variant: ProductVariant;
  /** Whole units, at least 1. */
  readonly quantity: number;
  /**
   * Line properties the merchant's order will carry: attribution (show id, creator ref) and
   * whatever the page adds. Keys starting with `_` are hidden from the shopper on Shopify.
   */
  readonly properties: Readonly<Record<string, string>>;
  /** Bought under a flash offer: the line should be priced at `offer.price`. */
  readonly offer?: CartLineOffer;
}

export interface CartRequestOptions {
  /**
   * Aborted when the session stops waiting for this call: an add after `giveUpMs` (30 s; a slow
   * add is not aborted at `timeoutMs`), other calls after `timeoutMs`. Closing the overlay or
   * removing the widget does not abort an add (it still finishes); only cart reads are aborted
   * when the widget is removed. Aborting does not undo what the shop already did.
   */
  readonly signal: AbortSignal;
  /**
   * Unique per add (the same for every retry of that add), so an adapter or a merchant backend
   * can refuse to apply it twice.
   */
  readonly requestId: string;
  /**
   * The cart as read just before this add, when the session could read it. Adapters use it to
   * learn how many units a partial add really added (by comparing with the cart afterwards).
   */
  readonly cartBefore?: Cart;
}

export interface CartAddResult {
  /** Units actually added (may be fewer than asked; then `CartError` is not thrown). */
  readonly quantityAdded: number;
  /** The cart after the add, when the platform returns it. */
  readonly cart?: Cart;
  /**
   * Shopify only: re-rendered theme sections (section id -> HTML) asked for with the `sections`
   * parameter, handed to the page in the `vitrine-cart-add` event so the theme can swap them in.
   */
  readonly sections?: Readonly<Record<string, string | null>>;
}

/**
 * How Vitrine talks to the merchant's cart. `add` and `getCart` are required; the rest is used
 * when present. Every method may reject with a `CartError` (anything else is wrapped as
 * `unknown`).
 */
export interface CartAdapter {
  /**
   * True when sending the same add again is safe: the adapter (or the merchant backend behind it)
   * never applies one `requestId` twice. Only then does the session retry an add whose outcome is
   * unknown (e.g. the answer was lost) after the cart showed it missing. The `events` adapter is
   * idempotent (the page gets the `requestId`); Shopify's and WooCommerce's cart APIs are not.
   */
  readonly idempotent?: boolean;
  /**
   * True when a line added with an `offer` carries the offer price (the adapter, or the page
   * behind it, prices it). Otherwise the overlay says that the shop's cart sets the price.
   */
  readonly offerPrices?: boolean;
  /** Adds a line. Should not apply the same `requestId` twice (then declare `idempotent: true`). */
  add(line: CartLineRequest, options: CartRequestOptions): Promise<CartAddResult>;
  /** Reads the current cart. */
  getCart(options?: { readonly signal?: AbortSignal }): Promise<Cart>;
  /** Sets a line's quantity (0 removes it). */
  changeQuantity?(lineKey: string, quantity: number, options: CartRequestOptions): Promise<Cart>;
  /** Opens the shop's own cart UI (drawer or page) instead of navigating to `cartUrl`. */
  openCart?(): void | Promise<void>;
  /** Goes to checkout; default is navigating to `Cart.checkoutUrl`. */
  checkout?(): void | Promise<void>;
  /** Follows cart changes made outside the widget; returns an unsubscribe function. */
  subscribe?(listener: (cart: Cart) => void): () => void;
}

/** True for a value shaped like a Cart (`{ itemCount, lines }`), e.g. from a custom adapter. */
export function isCart(value: unknown): value is Cart {
  return !!value && typeof value === 'object' && typeof (value as Cart).itemCount === 'number' && Array.isArray((value as Cart).lines);
}

/** Why a cart call failed. */
export type CartErrorCode =
  | 'out_of_stock'
  | 'insufficient_stock'
  | 'quantity_limit'
  | 'not_found'
  | 'unauthorized'
  | 'rate_limited'
  | 'network'
  | 'unconfirmed'
  | 'unknown';

export const CART_ERROR_CODES: readonly CartErrorCode[] = [
  'out_of_stock',
  'insufficient_stock',
  'quantity_limit',
  'not_found',
  'unauthorized',
  'rate_limited',
  'network',
  'unconfirmed',
  'unknown',
];

export interface CartErrorOptions {
  /** `insufficient_stock`, or `unconfirmed` after a lost answer: units that went in anyway (0 or more). */
  readonly quantityAdded?: number;
  /** `insufficient_stock`: units the shop says are left, when it says so. */
  readonly available?: number;
  /**
   * The request may have been applied even though it failed (timeout, lost connection, 5xx,
   * unreadable answer): the session re-reads the cart to learn whether it went in. Default: true
   * for `network`, false otherwise. A `network` error with `maybeApplied: false` says the request
   * never reached the shop, so the session may send it again.
   */
  readonly maybeApplied?: boolean;
  /** `rate_limited`: seconds to wait, when known. */
  readonly retryAfter?: number;
  /** The platform's own message, for developers (the shopper sees a translated message). */
  readonly detail?: string;
  readonly cause?: unknown;
}

/**
 * A failed cart call with a code the widget can act on and translate for the shopper.
 * `message` is developer-facing; the widget shows its own localised text for `code`.
 */
export class CartError extends Error {
  override readonly name = 'CartError';
  readonly code: CartErrorCode;
  readonly quantityAdded: number;
  readonly available: number | undefined;
  readonly retryAfter: number | undefined;
  readonly detail: string | undefined;
  /** See `CartErrorOptions.maybeApplied`. */
  readonly maybeApplied: boolean;

  constructor(code: CartErrorCode, message: string, options: CartErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.quantityAdded = options.quantityAdded ?? 0;
    this.available = options.available;
    this.retryAfter = options.retryAfter;
    this.detail = options.detail;
    this.maybeApplied = options.maybeApplied ?? code === 'network';
  }

  /** Turns anything an adapter threw into a CartError (a plain Error becomes `unknown`). */
  static from(error: unknown): CartError {
    if (error instanceof CartError) return error;
    if (error instanceof DOMException && error.name === 'AbortError') {
      return new CartError('network', 'The cart request was aborted.', { cause: error });
    }
    if (error instanceof DOMException && error.name === 'TimeoutError') {
      return new CartError('network', 'The cart request timed out.', { cause: error });
    }
    const message = error instanceof Error ? error.message : String(error);
    return new CartError('unknown', message || 'The cart failed.', { cause: error });
  }
}
