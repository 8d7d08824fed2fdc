import type { CartError } from '../../../../../src/commerce/cart.js';
import type { ResolvedLocale } from '../../../../../src/i18n/locale.js';

export function cartErrorMessage(error: CartError, _locale: ResolvedLocale): string {
  return `[${error.code}] ${error.message}`;
}
