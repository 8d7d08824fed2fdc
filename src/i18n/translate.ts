import type { Language, ResolvedLocale } from './locale.js';

/** A message: plain text with `{name}` placeholders, or plural forms chosen by `{count}`. */
export type Message = string | Readonly<Partial<Record<Intl.LDMLPluralRule, string>> & { other: string }>;

/** One catalog: every key of an area in one language. */
export type Catalog<K extends string> = Readonly<Record<K, Message>>;

/** An area's messages in every shipped language (for text that must be there synchronously); a missing key is a type error. */
export type Catalogs<K extends string> = Readonly<Record<Language, Catalog<K>>>;

export type MessageParams = Readonly<Record<string, string | number>>;

/** Translates a key of one area into the resolved locale. */
export type Translate<K extends string> = (key: K, params?: MessageParams) => string;

/** Declares an area's catalogs; English is the source, the others must have the same keys. */
export function defineMessages<const K extends string>(
  en: Catalog<K>,
  others: Readonly<Record<Exclude<Language, 'en'>, Catalog<K>>>,
): Catalogs<K> {
  return { en, ...others };
}

/**
 * Returns a translator for one catalog (an area in the locale's language): `{name}` placeholders
 * are filled in (numbers formatted for the locale), plural forms chosen by `{count}`.
 */
export function translator<K extends string>(catalog: Catalog<K>, locale: ResolvedLocale): Translate<K> {
  // Both made on first use: creating Intl formatters costs milliseconds, and most text has no number.
  let numbers: Intl.NumberFormat | undefined;
  let plurals: Intl.PluralRules | undefined;
  return (key, params = {}) => {
    const message = catalog[key] ?? key;
    let text: string;
    if (typeof message === 'string') text = message;
    else {
      plurals ??= new Intl.PluralRules(locale.tag);
      const count = Number(params['count'] ?? 0);
      text = message[plurals.select(count)] ?? message.other;
    }
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = params[name];
      if (value === undefined) return whole;
      if (typeof value !== 'number') return value;
      numbers ??= new Intl.NumberFormat(locale.tag);
      return numbers.format(value);
    });
  };
}
