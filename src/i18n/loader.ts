import type { Language } from './locale.js';

/** Text in every language, one module per language, loaded on demand. */
export interface TextSource<M> {
  /** The text of a language if it has already loaded. */
  loaded(language: Language): M | undefined;
  /** Loads the text of one language (once per page). */
  load(language: Language): Promise<M>;
}

/**
 * A source of text whose languages are modules (`() => import('./catalogs/en.js')`): each is a
 * chunk of the CDN build and of an app's bundle, fetched once per page. Catalogs are immutable
 * and the same for every element: keeping the loaded ones is like the module cache itself, and
 * lets an element whose language is already here render at once.
 */
export function catalogSource<M>(modules: Readonly<Record<Language, () => Promise<{ default: M }>>>): TextSource<M> {
  const loaded = new Map<Language, M>();
  return {
    loaded: (language) => loaded.get(language),
    async load(language) {
      const messages = loaded.get(language) ?? (await modules[language]()).default;
      loaded.set(language, messages);
      return messages;
    },
  };
}
