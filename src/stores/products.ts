import { atom, type WritableAtom } from 'nanostores';
import type { Product } from '../commerce/product.js';

/** Status of a widget's product list. */
export type ProductsStatus = 'idle' | 'loading' | 'ready' | 'error';

/** The products one widget shows, as stores; one bag per widget, never shared. */
export interface ProductsStore {
  /** `idle` before anything was asked, `loading`, `ready`, or `error` (retryable). */
  readonly status: WritableAtom<ProductsStatus>;
  /** The valid products, in the source's order (invalid ones were skipped with a warning). */
  readonly products: WritableAtom<readonly Product[]>;
  /** Developer-facing reason of the last failed load; the UI shows a translated retry state. */
  readonly error: WritableAtom<string | null>;
  /** Ids of the products shown as "live now" (set by the live part of the show). */
  readonly pinned: WritableAtom<readonly string[]>;
  /**
   * True while `products` holds only the first products of a long `products` property (shown at
   * once) and the rest are still being checked: an id missing from the list may still come.
   */
  readonly partial: WritableAtom<boolean>;
}

export function createProductsStore(): ProductsStore {
  return {
    status: atom<ProductsStatus>('idle'),
    products: atom<readonly Product[]>([]),
    error: atom<string | null>(null),
    pinned: atom<readonly string[]>([]),
    partial: atom(false),
  };
}
