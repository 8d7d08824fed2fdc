/**
 * The product model every source (JSON feed, inline JSON, Shopify, WooCommerce) is normalised to.
 * Everything here came from outside and was validated: strings are plain text (render them as
 * text, never as HTML), URLs are http(s) only, amounts are integers. The one exception is
 * `ProductDescription.html`, the merchant's HTML as sent: render it only through
 * `sanitizeDescription()` (src/commerce/description.ts), the browser's HTML Sanitizer API.
 */

/**
 * An amount of money as an integer number of the currency's minor units (cents for EUR, yen for
 * JPY, fils for KWD), so sums and discounts never suffer float rounding.
 */
export interface Money {
  /** Integer amount in minor units, e.g. 1999 for EUR 19.99. */
  readonly amount: number;
  /** ISO 4217 code, upper case, e.g. `EUR`. */
  readonly currency: string;
}

export interface ProductImage {
  /** http(s) URL. */
  readonly url: string;
  /** Alternative text; empty when the image is decorative or the source gave none. */
  readonly alt: string;
  readonly width?: number;
  readonly height?: number;
}

/** One option axis, e.g. `{ name: 'Size', values: ['S', 'M', 'L'] }`. */
export interface ProductOption {
  readonly name: string;
  readonly values: readonly string[];
}

/**
 * Product description: plain text, or the merchant's HTML (Shopify and WooCommerce send HTML).
 * `text` is always there, so a card can show a plain excerpt without loading a sanitizer.
 * `html` is NOT sanitised: never put it into `innerHTML` or `unsafeHTML`;
 * `sanitizeDescription(description)` returns a safe DocumentFragment.
 */
export type ProductDescription =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'html'; readonly html: string; readonly text: string };

export interface ProductVariant {
  /** The platform's variant id (Shopify variant id, WooCommerce variation id); what the cart adds. */
  readonly id: string;
  readonly sku?: string;
  /** Shopper-facing name, e.g. `M / Blue`. */
  readonly title: string;
  /** One value per option axis, in the order of `Product.options`. */
  readonly optionValues: readonly string[];
  readonly price: Money;
  /** The "was" price, shown struck through when higher than `price`. */
  readonly compareAtPrice?: Money;
  /** Whether it can be bought now. */
  readonly available: boolean;
  /**
   * Units in stock when the source knows; absent when unknown or not tracked (Shopify's public
   * product JSON never says; WooCommerce says only when stock is low).
   */
  readonly stock?: number;
  /** Most units one cart line may hold, when the shop limits it. */
  readonly maxQuantity?: number;
  readonly image?: ProductImage;
}

export interface Product {
  /** The platform's product id (or the feed's), unique within one widget. */
  readonly id: string;
  /** Plain text; render as text. */
  readonly title: string;
  /** The product page on the shop (http(s) only), if any. */
  readonly url?: string;
  /** Platform-specific handle (Shopify handle, WooCommerce slug), when the source has one. */
  readonly handle?: string;
  /** Brand or vendor, plain text. */
  readonly brand?: string;
  readonly description?: ProductDescription;
  /** Product images, first is the main one; may be empty. */
  readonly images: readonly ProductImage[];
  /** Lowest price of the available variants (or of all, when none is available). */
  readonly price: Money;
  /** The "was" price that goes with `price` (from the same variant), when higher than `price`. */
  readonly compareAtPrice?: Money;
  /** Option axes; empty for a product without options (one variant). */
  readonly options: readonly ProductOption[];
  /** At least one. */
  readonly variants: readonly ProductVariant[];
  /** Merchant badges such as `New` or `Bestseller`, shown as given. */
  readonly badges: readonly string[];
}
