import type en from './catalogs/staff-en.js';
import type { Catalog } from './translate.js';
import { catalogSource } from './loader.js';

// Text of the producer team's tools, one module per language like the shoppers' (messages.ts) but
// apart from them: catalogs/staff-<language>.ts, chunks named staff-<language>.

type Source = typeof en;

/** An area of staff text: `studio`. */
export type StaffArea = keyof Source;

/** A key of one staff area. */
export type StaffKey<A extends StaffArea> = keyof Source[A] & string;

/** Every staff area in one language; a missing or extra key is a type error. */
export type StaffMessages = { readonly [A in StaffArea]: Catalog<StaffKey<A>> };

/** The staff text of each language, loaded on demand (`TextController`'s source). */
export const staffText = catalogSource<StaffMessages>({
  en: () => import('./catalogs/staff-en.js'),
  nl: () => import('./catalogs/staff-nl.js'),
  fr: () => import('./catalogs/staff-fr.js'),
});
