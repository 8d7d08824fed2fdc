import { minorUnitDigits } from '../../commerce/money.js';
import type { Product } from '../../commerce/product.js';
import type { OfferStart } from './contract.js';
import { parseTypedMoney } from './session.js';

/** The offer form as staff filled it in. */
export interface OfferDraft {
  readonly price: string;
  readonly quantity: string;
  readonly minutes: string;
  /** A variant id, or empty for every variant. */
  readonly variantId: string;
}

export type OfferField = 'price' | 'quantity' | 'minutes';
export type OfferProblem = 'invalid_price' | 'invalid_price_high' | 'invalid_quantity' | 'invalid_duration';

export const MAX_OFFER_UNITS = 10_000;
export const MAX_OFFER_MINUTES = 180;

const wholeNumber = (text: string, max: number): number | null => {
  const value = Number(text.trim());
  return /^\d+$/.test(text.trim()) && value >= 1 && value <= max ? value : null;
};

/**
 * Checks a draft offer: a price above zero and below the regular price of the product (or of the
 * chosen variant), whole units and whole minutes within limits. Returns what to send (without
 * `at`, stamped when it is sent) or the problem of each field.
 */
export function checkOffer(draft: OfferDraft, product: Product): { readonly start: Omit<OfferStart, 'at'> } | { readonly problems: Partial<Record<OfferField, OfferProblem>> } {
  const variant = product.variants.find((v) => v.id === draft.variantId);
  const regular = variant?.price ?? product.price;
  const problems: Partial<Record<OfferField, OfferProblem>> = {};
  const price = parseTypedMoney(draft.price, regular.currency, minorUnitDigits(regular.currency));
  if (!price || price.amount <= 0) problems.price = 'invalid_price';
  else if (price.amount >= regular.amount) problems.price = 'invalid_price_high';
  const quantity = wholeNumber(draft.quantity, MAX_OFFER_UNITS);
  if (quantity === null) problems.quantity = 'invalid_quantity';
  const minutes = wholeNumber(draft.minutes, MAX_OFFER_MINUTES);
  if (minutes === null) problems.minutes = 'invalid_duration';
  if (!price || quantity === null || minutes === null || Object.keys(problems).length > 0) return { problems };
  return {
    start: { productId: product.id, ...(variant ? { variantId: variant.id } : {}), price, quantity, durationSeconds: minutes * 60 },
  };
}
