import type { Cart } from '../commerce/cart.js';
import type { Product } from '../commerce/product.js';

// Analytics events of the shopper widget (besides `vitrine-play` and `vitrine-cart-add`, which
// their features declare). They bubble and are composed, so a listener on `document` hears every
// widget; they fire whatever the `consent` attribute says (they never leave the page by themselves).

export interface VitrineImpressionDetail {
  /** The product whose card was at least half in view (once per product per carousel). */
  readonly product: Product;
  /** Its position in the carousel, from 0. */
  readonly index: number;
}

export interface VitrineWatchProgressDetail {
  /** Seconds of playback watched so far (seeks and pauses do not count): 10, 30, 60, then every minute. */
  readonly seconds: number;
  /** Position in a replay, 0-100; null for live streams. */
  readonly percent: number | null;
}

export interface VitrineProductViewDetail {
  /** The product whose details (the add-to-cart overlay) the shopper opened. */
  readonly product: Product;
}

export interface VitrineCheckoutDetail {
  /** The cart as last read, when known. */
  readonly cart: Cart | null;
}

declare global {
  interface GlobalEventHandlersEventMap {
    /** A product card came into view. */
    'vitrine-impression': CustomEvent<VitrineImpressionDetail>;
    /** The shopper kept watching: 10 s, 30 s, 60 s, then every minute of playback. */
    'vitrine-watch-progress': CustomEvent<VitrineWatchProgressDetail>;
    /** The shopper opened a product's details. */
    'vitrine-product-view': CustomEvent<VitrineProductViewDetail>;
    /** The shopper went from the widget to the shop's checkout. */
    'vitrine-checkout': CustomEvent<VitrineCheckoutDetail>;
  }
}
