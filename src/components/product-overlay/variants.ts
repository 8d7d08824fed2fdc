import type { Product, ProductVariant } from '../../commerce/product.js';

/** One chosen value per option axis (in the order of `Product.options`); null = not chosen. */
export type Selection = readonly (string | null)[];

/**
 * How a value of an option axis can be chosen, given the values chosen on the axes before it:
 * `available` (some variant is buyable), `sold-out` (variants exist, none buyable) or
 * `unavailable` (no variant has that combination).
 */
export type ValueState = 'available' | 'sold-out' | 'unavailable';

// Axes are judged in order (size, then colour, then length): a value is judged with the choices
// on the axes before it only. Later axes follow the earlier ones, so the shopper can never be
// stuck on a combination that only a change to a later axis would fix.
function matchesPrefix(variant: ProductVariant, selection: Selection, axes: number): boolean {
  for (let axis = 0; axis < axes; axis += 1) {
    const chosen = selection[axis];
    if (chosen != null && variant.optionValues[axis] !== chosen) return false;
  }
  return true;
}

/** The state of `value` on `axis`, given the choices on the axes before it. */
export function valueState(product: Product, selection: Selection, axis: number, value: string): ValueState {
  let exists = false;
  for (const variant of product.variants) {
    if (variant.optionValues[axis] !== value || !matchesPrefix(variant, selection, axis)) continue;
    if (variant.available) return 'available';
    exists = true;
  }
  return exists ? 'sold-out' : 'unavailable';
}

/** The variant matching every chosen value, if the selection is complete and exists. */
export function variantFor(product: Product, selection: Selection): ProductVariant | undefined {
  if (product.options.length === 0) return product.variants[0];
  if (selection.some((value) => value == null)) return undefined;
  return product.variants.find((variant) => product.options.every((_, axis) => variant.optionValues[axis] === selection[axis]));
}

/** Where the overlay starts: the first buyable variant (or the first one when none is). */
export function initialSelection(product: Product, variantId?: string): Selection {
  const variant =
    product.variants.find((v) => v.id === variantId) ?? product.variants.find((v) => v.available) ?? product.variants[0];
  return product.options.map((_, axis) => variant?.optionValues[axis] ?? null);
}

/**
 * Chooses `value` on `axis`; every later axis keeps its value when that is still buyable with the
 * new choice, else moves to the first buyable value (else the first existing one).
 */
export function choose(product: Product, selection: Selection, axis: number, value: string): Selection {
  const next = [...selection];
  next[axis] = value;
  for (let later = axis + 1; later < product.options.length; later += 1) {
    const values = product.options[later]?.values ?? [];
    const state = (candidate: string | null): ValueState | null =>
      candidate == null ? null : valueState(product, next, later, candidate);
    if (state(next[later] ?? null) === 'available') continue;
    next[later] =
      values.find((candidate) => state(candidate) === 'available') ??
      values.find((candidate) => state(candidate) === 'sold-out') ??
      null;
  }
  return next;
}

/** True when no variant of the product can be bought. */
export function isSoldOut(product: Product): boolean {
  return !product.variants.some((variant) => variant.available);
}

/** Known units in stock over the buyable variants, or undefined when any of them is untracked. */
export function knownStock(product: Product): number | undefined {
  let total = 0;
  for (const variant of product.variants) {
    if (!variant.available) continue;
    if (variant.stock === undefined) return undefined;
    total += Math.max(0, variant.stock);
  }
  return total;
}

/**
 * Most units the shopper may add now: bounded by stock (minus what the cart already holds of
 * that variant) and the shop's per-line limit. Infinity when neither is known.
 */
export function maxAddable(variant: ProductVariant, inCart = 0): number {
  if (!variant.available) return 0;
  let max = Number.POSITIVE_INFINITY;
  if (variant.stock !== undefined) max = Math.min(max, variant.stock - inCart);
  if (variant.maxQuantity !== undefined) max = Math.min(max, variant.maxQuantity - inCart);
  return Math.max(0, Math.floor(max));
}
