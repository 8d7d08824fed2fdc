// Tiny on purpose: the <vitrine-show> facade imports it before any framework code loads.

/**
 * Height of the product strip, shared by the carousel and the <vitrine-show> facade so the box
 * the facade reserves is exactly the box the loaded widget fills (no layout shift).
 */
export const PRODUCTS_HEIGHT = 'var(--vitrine-products-height, 124px)';

/** Inline products: `<script type="application/json">` as a direct child of the widget. */
export const INLINE_PRODUCTS = ':scope > script[type="application/json"]';

/** True when a widget has products to show: an attribute, a property or inline JSON. */
export function hasProducts(element: Element, productsData: unknown): boolean {
  return element.hasAttribute('products') || productsData !== undefined || element.querySelector(INLINE_PRODUCTS) !== null;
}

/**
 * Properties set on an element before its class was defined (a page script that ran before
 * Vitrine's) live on the instance and hide the class's accessors: move them onto the accessors.
 */
export function upgradeProperties(element: object, names: readonly string[]): void {
  for (const name of names) {
    if (!Object.prototype.hasOwnProperty.call(element, name)) continue;
    const value = (element as Record<string, unknown>)[name];
    delete (element as Record<string, unknown>)[name];
    (element as Record<string, unknown>)[name] = value;
  }
}

