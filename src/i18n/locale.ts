import { warn } from '../internal/warn.js';

/** Languages Vitrine ships shopper-facing catalogs for. */
export const LANGUAGES = ['en', 'nl', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];

/** A locale as Vitrine uses it: a catalog language, and the full tag for `Intl` formatting. */
export interface ResolvedLocale {
  /** The catalog the text comes from. */
  readonly language: Language;
  /** A canonical BCP 47 tag for numbers, prices and times, e.g. `nl-BE`. */
  readonly tag: string;
}

function canonical(tag: string): string | null {
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? null;
  } catch {
    return null;
  }
}

function languageOf(tag: string): Language | null {
  const primary = tag.split('-')[0]?.toLowerCase();
  return (LANGUAGES as readonly string[]).includes(primary ?? '') ? (primary as Language) : null;
}

/**
 * Picks the locale for a widget: its `locale` attribute, else the page's `<html lang>`, else the
 * browser's languages, else English. Prices and dates follow the requested tag even when the
 * text falls back to another language (a `de-DE` shop gets German number formats).
 */
export function resolveLocale(requested: string | null | undefined, owner: object | null = null): ResolvedLocale {
  const candidates: string[] = [];
  if (requested != null && requested.trim() !== '') {
    const tag = canonical(requested.trim());
    if (tag) candidates.push(tag);
    else warn(owner, `attribute "locale" must be a BCP 47 language tag such as "en", "nl-BE" or "fr-FR"; got "${requested}". Using the page or browser language.`);
  }
  const pageLang = globalThis.document?.documentElement?.lang;
  if (pageLang) candidates.push(...[canonical(pageLang)].filter((t): t is string => t !== null));
  const nav = globalThis.navigator;
  if (nav) candidates.push(...(nav.languages?.length ? nav.languages : [nav.language]).map(canonical).filter((t): t is string => t !== null));

  const tag = candidates[0] ?? 'en';
  const language = candidates.map(languageOf).find((l): l is Language => l !== null) ?? 'en';
  return { language, tag };
}
