import type { CartError } from '../commerce/cart.js';
import type { MessageKey } from './messages.js';
import type { Translate } from './translate.js';

/**
 * The message to show the shopper for a failed (or partial) add, from the `cart` area of the
 * widget's text: `cartErrorMessage(error, translator((await loadMessages('nl')).cart, locale))`.
 */
export function cartErrorMessage(error: CartError, t: Translate<MessageKey<'cart'>>): string {
  switch (error.code) {
    case 'out_of_stock':
      return t('outOfStock');
    case 'insufficient_stock':
      if (error.quantityAdded > 0) return t('partial', { count: error.quantityAdded });
      if (error.available !== undefined && error.available > 0) return t('insufficientStockLeft', { count: error.available });
      if (error.available === 0) return t('outOfStock');
      return t('insufficientStock');
    case 'quantity_limit':
      return t('quantityLimit');
    case 'not_found':
      return t('notFound');
    case 'unauthorized':
      return t('unauthorized');
    case 'rate_limited':
      return error.retryAfter !== undefined && error.retryAfter > 0 ? t('rateLimitedSeconds', { count: Math.ceil(error.retryAfter) }) : t('rateLimited');
    case 'network':
      return t('network');
    case 'unconfirmed':
      return error.quantityAdded > 0 ? t('partialUnconfirmed', { count: error.quantityAdded }) : t('unconfirmed');
    default:
      return t('unknown');
  }
}
