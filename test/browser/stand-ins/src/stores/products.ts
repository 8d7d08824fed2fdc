import { atom, type WritableAtom } from 'nanostores';
import type { Product } from '../../../../../src/commerce/product.js';

export interface ProductsStore {
  status: WritableAtom<'idle' | 'loading' | 'ready' | 'error'>;
  products: WritableAtom<readonly Product[]>;
  error: WritableAtom<string | null>;
  pinned: WritableAtom<readonly string[]>;
}
export function createProductsStore(): ProductsStore {
  return { status: atom('idle'), products: atom([]), error: atom(null), pinned: atom([]) };
}
