import type { CartAdapter } from '../../../../../../src/commerce/cart.js';

export function createCartAdapter(_name: string, _host: Element): CartAdapter | null {
  return null;
}
