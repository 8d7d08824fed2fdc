import type en from './catalogs/staff-en.js';
import type { Language } from './locale.js';
import type { Catalog } from './translate.js';

// Text of the producer team's tools, one module per language like the shoppers' (messages.ts) but
// apart from them: catalogs/staff-<language>.ts, chunks named staff-<language>.

type Source = typeof en;

/** An area of staff text: `studio`. */
export type StaffArea = keyof Source;

/** A key of one staff area. */
export type StaffKey<A extends StaffArea> = keyof Source[A] & string;

/** Every staff area in one language; a missing or extra key is a type error. */
export type StaffMessages = { readonly [A in StaffArea]: Catalog<StaffKey<A>> };

const CATALOGS: Readonly<Record<Language, () => Promise<{ default: StaffMessages }>>> = {
  en: () => import('./catalogs/staff-en.js'),
  nl: () => import('./catalogs/staff-nl.js'),
  fr: () => import('./catalogs/staff-fr.js'),
};

const loaded = new Map<Language, StaffMessages>();

/** Loads the staff text of one language (once per page). */
export async function loadStaffMessages(language: Language): Promise<StaffMessages> {
  const messages = loaded.get(language) ?? (await CATALOGS[language]()).default;
  loaded.set(language, messages);
  return messages;
}

/** The staff text of one language if it has already loaded. */
export function loadedStaffMessages(language: Language): StaffMessages | undefined {
  return loaded.get(language);
}
