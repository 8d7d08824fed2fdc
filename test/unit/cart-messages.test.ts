import { describe, expect, it } from 'vitest';
import { CartError } from '../../src/commerce/cart.js';
import { cartErrorMessage } from '../../src/i18n/cart.js';
import { cartText } from '../support/messages.js';

const en = await cartText({ language: 'en', tag: 'en-GB' });
const nl = await cartText({ language: 'nl', tag: 'nl-NL' });
const fr = await cartText({ language: 'fr', tag: 'fr-FR' });

describe('cart messages', () => {
  it('says what happened for every error code, in the widget locale', () => {
    expect(cartErrorMessage(new CartError('out_of_stock', 'x'), en)).toBe('Sorry, this is sold out.');
    expect(cartErrorMessage(new CartError('insufficient_stock', 'x', { quantityAdded: 1 }), fr)).toBe('Seul 1 article a pu être ajouté\u202F: c’était tout notre stock.');
    expect(cartErrorMessage(new CartError('insufficient_stock', 'x', { quantityAdded: 3 }), nl)).toBe('Er konden er maar 3 worden toegevoegd: meer hadden we niet op voorraad.');
    expect(cartErrorMessage(new CartError('insufficient_stock', 'x', { available: 2 }), en)).toBe('Only 2 left in stock.');
    expect(cartErrorMessage(new CartError('insufficient_stock', 'x', { available: 0 }), en)).toBe('Sorry, this is sold out.');
    expect(cartErrorMessage(new CartError('insufficient_stock', 'x'), en)).toBe('Not enough in stock to add that many.');
    // Part of an add whose answer was lost: not a stock answer, so never "all we had in stock".
    expect(cartErrorMessage(new CartError('unconfirmed', 'x', { quantityAdded: 2, maybeApplied: true }), en)).toBe('2 were added; we could not confirm the rest. Check your cart before trying again.');
    expect(cartErrorMessage(new CartError('unconfirmed', 'x', { quantityAdded: 1, maybeApplied: true }), nl)).toBe('Er is er 1 toegevoegd; de rest konden we niet bevestigen. Kijk in je winkelwagen voordat je het opnieuw probeert.');
    expect(cartErrorMessage(new CartError('unconfirmed', 'x'), en)).toBe('We could not confirm the add. Check your cart before trying again.');
    expect(cartErrorMessage(new CartError('quantity_limit', 'x'), nl)).toBe('Je hebt al het maximale aantal van dit artikel in je winkelwagen.');
    expect(cartErrorMessage(new CartError('not_found', 'x'), fr)).toBe('Ce produit n’est plus disponible.');
    expect(cartErrorMessage(new CartError('unauthorized', 'x'), en)).toBe('Your session has expired. Reload the page and try again.');
    expect(cartErrorMessage(new CartError('rate_limited', 'x', { retryAfter: 1 }), en)).toBe('The shop is busy. Please try again in 1 second.');
    expect(cartErrorMessage(new CartError('rate_limited', 'x'), fr)).toBe('La boutique est très sollicitée. Réessayez dans un instant.');
    expect(cartErrorMessage(new CartError('network', 'x'), nl)).toBe('We konden de winkel niet bereiken. Controleer je verbinding en probeer het opnieuw.');
    expect(cartErrorMessage(CartError.from(new Error('boom')), en)).toBe('Something went wrong while adding to your cart. Please try again.');
  });

  it('marks lost answers as maybe applied, and business refusals as not', () => {
    expect(new CartError('network', 'x').maybeApplied).toBe(true);
    expect(new CartError('out_of_stock', 'x').maybeApplied).toBe(false);
    expect(new CartError('unknown', 'x', { maybeApplied: true }).maybeApplied).toBe(true);
    expect(CartError.from(new DOMException('late', 'TimeoutError')).code).toBe('network');
  });
});
