import type { Money } from '../../commerce/product.js';
import { discountPercent, formatMoney } from '../../commerce/money.js';
import type { ResolvedLocale } from '../../i18n/locale.js';
import type { Translate } from '../../i18n/translate.js';
import type { MessageKey } from '../../i18n/messages.js';

/** A price as a card or the overlay shows it, and as a screen reader reads it. */
export interface PriceText {
  /** The price to pay, formatted, e.g. `€39.00`. */
  readonly now: string;
  /** The "was" price, when it is higher than `now`. */
  readonly was?: string;
  /** The discount, e.g. `-20%`, when there is a "was" price. */
  readonly discount?: string;
  /** One sentence for screen readers: "Price €39.00, was €49.00, 20% off." */
  readonly sentence: string;
}

// Formatters are costly to create and immutable: one per locale and style serves every widget.
const percentFormats = new Map<string, Intl.NumberFormat>();
function percentFormat(tag: string, signed: boolean): Intl.NumberFormat {
  const key = `${tag}|${signed}`;
  let format = percentFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 0, signDisplay: signed ? 'exceptZero' : 'auto' });
    percentFormats.set(key, format);
  }
  return format;
}

/**
 * Formats a price for display and for screen readers. `from` marks a product whose variants cost
 * different amounts ("From €39.00").
 */
export function priceText(
  price: Money,
  compareAt: Money | undefined,
  locale: ResolvedLocale,
  t: Translate<MessageKey<'products'>>,
  from = false,
): PriceText {
  const formatted = formatMoney(price, locale.tag);
  const now = from ? t('from', { price: formatted }) : formatted;
  const percent = discountPercent(price, compareAt);
  if (percent === 0 || !compareAt) {
    return { now, sentence: t(from ? 'priceFrom' : 'price', { price: formatted }) };
  }
  const was = formatMoney(compareAt, locale.tag);
  const off = percentFormat(locale.tag, false).format(percent / 100);
  return {
    now,
    was,
    discount: percentFormat(locale.tag, true).format(-percent / 100),
    sentence: t(from ? 'priceFromSale' : 'priceSale', { price: formatted, compare: was, percent: off }),
  };
}
