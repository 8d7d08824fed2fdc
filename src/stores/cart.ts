import { atom, type WritableAtom } from 'nanostores';
import type { Cart } from '../commerce/cart.js';

/** `idle` before the first read, `syncing` while reading, `ready`, or `error` (last read failed). */
export type CartSyncStatus = 'idle' | 'syncing' | 'ready' | 'error';

/** The merchant's cart as one widget last read it; owned by that widget's `CartSession`. */
export interface CartStore {
  /** The cart, `null` until read (or when the adapter cannot read it). */
  readonly cart: WritableAtom<Cart | null>;
  readonly status: WritableAtom<CartSyncStatus>;
}

export function createCartStore(): CartStore {
  return { cart: atom<Cart | null>(null), status: atom<CartSyncStatus>('idle') };
}
