import type { CartAttribution } from './attribution.js';
import type { Cart, CartAddResult, CartError, CartErrorCode, CartLineOffer, CartLineRequest } from './cart.js';
import type { Money, Product, ProductVariant } from './product.js';

// DOM events of the commerce part. All bubble and are composed, so a listener on `document`
// hears every widget; `vitrine-cart-request` is also cancelable.

/** `vitrine-cart-add`: units went into the merchant's cart (fully or partly). */
export interface VitrineCartAddDetail {
  readonly product: Product;
  readonly variant: ProductVariant;
  /** Units the shopper asked for. */
  readonly quantity: number;
  /** Units actually added (less than `quantity` for a partial add). */
  readonly quantityAdded: number;
  /**
   * What one unit was added at: the cart line's price when the cart reports it (a flash offer's
   * price where the cart honours offers), else the offer price with an adapter that prices
   * offers, else the variant's price. Analytics value the add with it.
   */
  readonly price: Money;
  /** Unique per add, the same for its retries. */
  readonly requestId: string;
  readonly attribution: CartAttribution;
  /** The line properties sent, attribution included. */
  readonly properties: Readonly<Record<string, string>>;
  /** The cart after the add, when it could be read. */
  readonly cart: Cart | null;
  /**
   * Shopify: theme sections re-rendered with the add (section id -> HTML), when the widget was
   * given section ids (`cart-sections` attribute). Swap them in to refresh the theme's cart UI.
   */
  readonly sections?: Readonly<Record<string, string | null>>;
}

/** `vitrine-cart-error`: an add failed (nothing or, for `insufficient_stock`, part was added). */
export interface VitrineCartErrorDetail {
  readonly product: Product;
  readonly variant: ProductVariant;
  readonly quantity: number;
  readonly requestId: string;
  readonly code: CartErrorCode;
  /** Developer-facing reason (the shopper sees a translated message). */
  readonly message: string;
}

/** What an answer to a `vitrine-cart-request` may reject with. */
export type CartRequestRejection = CartError | { readonly code: CartErrorCode; readonly message?: string; readonly quantityAdded?: number; readonly available?: number };

interface CartRequestBase<A extends string, R> {
  readonly action: A;
  /** Unique per request (for `add`: the same for every retry of that add; never apply it twice). */
  readonly requestId: string;
  /** Answer with success. Call `event.preventDefault()` first to say you handle the request. */
  readonly respond: (result: R) => void;
  /** Answer with a failure: a `CartError` or `{ code, message }`. */
  readonly reject: (error: CartRequestRejection) => void;
}

/** Add a line. `respond({ quantityAdded?, cart? })`; `quantityAdded` defaults to `line.quantity`. */
export interface CartAddRequestDetail extends CartRequestBase<'add', Partial<CartAddResult> | undefined> {
  readonly line: CartLineRequest;
  readonly attribution: CartAttribution;
  /**
   * Bought under a flash offer: price the line at `offer.price` (check `offer.token` on your
   * server with `verifyOfferClaim`), or reject the add; never add it at another price silently.
   */
  readonly offer?: CartLineOffer;
}

/** Read the cart (for the cart badge). `respond(cart)`. */
export type CartGetRequestDetail = CartRequestBase<'get', Cart>;

/** Set a line's quantity (0 removes it). `respond(cart)`. */
export interface CartChangeRequestDetail extends CartRequestBase<'change', Cart> {
  readonly lineKey: string;
  readonly quantity: number;
}

/** Open the shop's cart UI. `respond()` once shown. */
export type CartOpenRequestDetail = CartRequestBase<'open', void>;

/** Go to checkout. `respond()` once on its way. */
export type CartCheckoutRequestDetail = CartRequestBase<'checkout', void>;

export type VitrineCartRequestDetail =
  | CartAddRequestDetail
  | CartGetRequestDetail
  | CartChangeRequestDetail
  | CartOpenRequestDetail
  | CartCheckoutRequestDetail;

declare global {
  interface GlobalEventHandlersEventMap {
    /**
     * `cart="events"`: the widget asks the page to do something with its cart. Call
     * `event.preventDefault()` to take it, then `detail.respond(...)` or `detail.reject(...)`.
     */
    'vitrine-cart-request': CustomEvent<VitrineCartRequestDetail>;
    /** Units went into the merchant's cart; themes refresh their cart UI, analytics count it. */
    'vitrine-cart-add': CustomEvent<VitrineCartAddDetail>;
    /** An add to cart failed. */
    'vitrine-cart-error': CustomEvent<VitrineCartErrorDetail>;
  }
}
