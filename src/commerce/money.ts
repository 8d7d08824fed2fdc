import type { Money } from './product.js';

// Exact money: amounts are integers of the currency's minor unit, parsed from decimal strings by
// string arithmetic (never `parseFloat`), so "19.99" is 1999 and 0.1 + 0.2 never happens.

/** Intl objects are expensive to build and immutable, so one per locale/currency is kept. */
const formats = new Map<string, Intl.NumberFormat>();

function currencyFormat(locale: string, currency: string, digits?: number): Intl.NumberFormat {
  const key = `${locale}|${currency}|${digits ?? ''}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      ...(digits === undefined ? {} : { minimumFractionDigits: digits, maximumFractionDigits: digits }),
    });
    if (formats.size > 64) formats.clear();
    formats.set(key, format);
  }
  return format;
}

/**
 * Builds the currency formatters a list of prices will need, ahead of time: the first currency
 * formatter of a page loads the browser's currency data, which on a phone is a long task of its
 * own. Call it when idle, before the products arrive.
 */
export function prepareCurrencyFormats(locale: string, currency?: string | null): void {
  currency ??= 'EUR';
  try {
    // minorUnitDigits builds the `en` formatter it reads the digits from.
    currencyFormat(locale, currency, minorUnitDigits(currency));
  } catch {
    // A bad locale or currency is reported where it is used.
  }
}

/**
 * Normalises an ISO 4217 code (`eur` -> `EUR`); `null` when it is not a 3-letter code Intl knows.
 */
export function currencyCode(value: unknown): string | null {
  if (typeof value !== 'string' || !/^[a-z]{3}$/i.test(value.trim())) return null;
  const code = value.trim().toUpperCase();
  try {
    currencyFormat('en', code);
    return code;
  } catch {
    return null;
  }
}

/**
 * Digits after the decimal point in the currency's minor unit, as Intl knows them:
 * EUR 2, JPY 0, KWD 3. Throws a RangeError for a code that is not a currency.
 */
export function minorUnitDigits(currency: string): number {
  let value = minorDigits.get(currency);
  if (value === undefined) {
    // resolvedOptions() builds a fresh object each call: once per currency, not once per price.
    value = currencyFormat('en', currency).resolvedOptions().maximumFractionDigits ?? 2;
    if (minorDigits.size > 64) minorDigits.clear();
    minorDigits.set(currency, value);
  }
  return value;
}
const minorDigits = new Map<string, number>();

const DECIMAL = /^([+-]?)(\d+)(?:\.(\d*))?$/;

/**
 * Parses a decimal amount exactly into minor units: `parseDecimal('19.99', 'EUR')` is 1999,
 * `('1500', 'JPY')` is 1500, `('1.250', 'KWD')` is 1250. Numbers are accepted through their
 * shortest string form (`19.99` -> "19.99"). Returns `null` for anything that is not a plain
 * decimal, or that has more decimals than the currency has (other than trailing zeros):
 * a price is never silently rounded.
 */
export function parseDecimal(value: unknown, currency: string): number | null {
  let text: string;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return null;
    text = String(value);
    if (/e/i.test(text)) return null; // 1e21 or 1e-7: not a price anyone writes
  } else if (typeof value === 'string') {
    text = value.trim();
  } else return null;
  const match = DECIMAL.exec(text);
  if (!match) return null;
  const [, sign = '', whole = '0', fraction = ''] = match;
  const digits = minorUnitDigits(currency);
  const significant = fraction.replace(/0+$/, '');
  if (significant.length > digits) return null;
  const amount = Number(whole + fraction.padEnd(digits, '0').slice(0, digits));
  if (!Number.isSafeInteger(amount)) return null;
  return sign === '-' ? -amount : amount;
}

/**
 * Re-scales an integer amount given with `fromDigits` decimals to the currency's minor units,
 * exactly (WooCommerce sends `currency_minor_unit`; Shopify always sends hundredths).
 * Returns `null` when the amount would need rounding.
 */
export function scaleAmount(amount: number, fromDigits: number, currency: string): number | null {
  if (!Number.isSafeInteger(amount) || !Number.isInteger(fromDigits) || fromDigits < 0) return null;
  const toDigits = minorUnitDigits(currency);
  if (fromDigits === toDigits) return amount;
  if (fromDigits < toDigits) {
    const scaled = amount * 10 ** (toDigits - fromDigits);
    return Number.isSafeInteger(scaled) ? scaled : null;
  }
  const divisor = 10 ** (fromDigits - toDigits);
  return amount % divisor === 0 ? amount / divisor : null;
}

/** Builds a Money from a decimal string (see `parseDecimal`); `null` when it does not parse. */
export function money(value: unknown, currency: string): Money | null {
  const amount = parseDecimal(value, currency);
  return amount === null ? null : { amount, currency };
}

/** The amount as a plain decimal string in major units: 1999 EUR -> "19.99", 1500 JPY -> "1500". */
export function toDecimalString(value: Money): string {
  const digits = minorUnitDigits(value.currency);
  const negative = value.amount < 0;
  const text = String(Math.abs(value.amount)).padStart(digits + 1, '0');
  const whole = digits === 0 ? text : text.slice(0, -digits);
  const fraction = digits === 0 ? '' : `.${text.slice(-digits)}`;
  return `${negative ? '-' : ''}${whole}${fraction}`;
}

/**
 * Formats a price for the shopper in the shop's currency and the widget's locale:
 * `formatMoney({ amount: 1999, currency: 'EUR' }, 'nl-NL')` is "€ 19,99".
 * The decimal string goes to Intl as a string, so no float is ever involved.
 */
export function formatMoney(value: Money, locale: string): string {
  const digits = minorUnitDigits(value.currency);
  const format = currencyFormat(locale, value.currency, digits);
  // Intl.NumberFormat v3 formats decimal strings exactly; older engines convert them to numbers.
  return format.format(toDecimalString(value) as unknown as number);
}

/**
 * Whole percent saved against the compare-at price, rounded down so the widget never claims
 * more than the real discount: 100 -> 67 is 33. `0` when there is no discount or the currencies
 * differ.
 */
export function discountPercent(price: Money, compareAt: Money | undefined | null): number {
  if (!compareAt || compareAt.currency !== price.currency) return 0;
  if (compareAt.amount <= 0 || compareAt.amount <= price.amount) return 0;
  return Math.floor(((compareAt.amount - price.amount) * 100) / compareAt.amount);
}

/** True when both are the same amount of the same currency. */
export function sameMoney(a: Money | undefined, b: Money | undefined): boolean {
  return a === b || (!!a && !!b && a.amount === b.amount && a.currency === b.currency);
}
