import type { Product } from '../../commerce/product.js';

export interface VitrineProductOpenDetail {
  /** The product the shopper chose. */
  readonly product: Product;
}

declare global {
  interface GlobalEventHandlersEventMap {
    /**
     * The shopper opened a product from the carousel. Cancelable: `preventDefault()` keeps the
     * add-to-cart overlay closed (to show your own quick view instead).
     */
    'vitrine-product-open': CustomEvent<VitrineProductOpenDetail>;
  }
}
