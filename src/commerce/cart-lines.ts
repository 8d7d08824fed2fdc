import type { Cart } from './cart.js';

/** Units of a variant across all lines of a cart (lines of one variant differ by properties). */
export function variantQuantity(cart: Cart | undefined | null, variantId: string): number {
  if (!cart) return 0;
  return cart.lines.reduce((sum, line) => (line.variantId === variantId ? sum + line.quantity : sum), 0);
}

/** Navigates the page (the shop's cart or checkout); replaceable in tests. */
export type Navigate = (url: string) => void;

export const navigateTo: Navigate = (url) => {
  globalThis.location.assign(url);
};
