// The widget's text in tests: a translator of one area, loaded the way elements load it.
import type { ResolvedLocale } from '../../src/i18n/locale.js';
import { loadMessages, type MessageArea, type MessageKey } from '../../src/i18n/messages.js';
import { translator, type Translate } from '../../src/i18n/translate.js';

export async function textOf<A extends MessageArea>(area: A, locale: ResolvedLocale): Promise<Translate<MessageKey<A>>> {
  return translator((await loadMessages(locale.language))[area], locale) as Translate<MessageKey<A>>;
}

/** The `cart` area, for `cartErrorMessage(error, await cartText(locale))`. */
export const cartText = (locale: ResolvedLocale): Promise<Translate<MessageKey<'cart'>>> => textOf('cart', locale);
