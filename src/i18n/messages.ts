import type en from './catalogs/en.js';
import type { Language } from './locale.js';
import type { Catalog } from './translate.js';
import { catalogSource } from './loader.js';

// The loaded widget's text, one module per language (catalogs/en.ts is the source), each loaded
// on demand: a widget downloads only its own language. The facade's few strings are not here
// (show.ts): they must be there before anything loads.

type Source = typeof en;

/** An area of text: `player`, `products`, `cart`, `chat`. */
export type MessageArea = keyof Source;

/** A key of one area. */
export type MessageKey<A extends MessageArea> = keyof Source[A] & string;

/** Every area of text in one language; a missing or extra key is a type error. */
export type Messages = { readonly [A in MessageArea]: Catalog<MessageKey<A>> };

const source = catalogSource<Messages>({
  en: () => import('./catalogs/en.js'),
  nl: () => import('./catalogs/nl.js'),
  fr: () => import('./catalogs/fr.js'),
});

/**
 * Loads the text of one language. Each language is its own module (a chunk of the CDN build and
 * of an app's bundle), fetched once per page; elements call this before their first render.
 */
export const loadMessages: (language: Language) => Promise<Messages> = source.load;

/** The text of one language if it has already loaded. */
export const loadedMessages: (language: Language) => Messages | undefined = source.loaded;
