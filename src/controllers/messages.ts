import type { TextSource } from '../i18n/loader.js';
import { resolveLocale, type Language, type ResolvedLocale } from '../i18n/locale.js';
import { loadedMessages, loadMessages, type Messages } from '../i18n/messages.js';
import { translator, type Catalog, type Translate } from '../i18n/translate.js';
import { warn } from '../internal/warn.js';

export type { TextSource };

type Areas = { readonly [area: string]: Catalog<string> };

/**
 * An element's text in its locale. The element renders through `ready()` (Lit: from
 * `scheduleUpdate`), so its first render in a language not loaded yet on the page waits for that
 * language's catalog; every other render goes ahead at once.
 */
export class TextController<M extends Areas> {
  #requested: string | null | undefined;
  #locale: ResolvedLocale = { language: 'en', tag: 'en' };
  #messages: M | undefined;
  #translators: { [A in keyof M]?: Translate<keyof M[A] & string> } = {};

  /**
   * @param owner - What warnings name (the element).
   * @param source - Where the text comes from.
   */
  constructor(
    private readonly owner: object,
    private readonly source: TextSource<M>,
  ) {}

  /** The resolved locale: the catalog's language and the tag for `Intl` formatting. */
  get locale(): ResolvedLocale {
    return this.#locale;
  }

  /**
   * Resolves `requested()` (the element's `locale`), then calls `render` at once when that
   * language is loaded, or once it has loaded (and the locale asked for has not changed since).
   */
  ready(requested: () => string | null | undefined, render: () => void): void | Promise<void> {
    const wanted = requested();
    if (this.#messages && wanted === this.#requested) return render();
    const locale = resolveLocale(wanted, this.owner);
    const messages = this.source.loaded(locale.language);
    if (messages) {
      this.#use(wanted, locale, messages);
      return render();
    }
    return this.#loadRetrying(locale.language).then((messages) => {
      this.#use(wanted, locale, messages);
      return this.ready(requested, render);
    });
  }

  /** The translator of one area; only once `ready()` has rendered. */
  t<A extends keyof M & string>(area: A): Translate<keyof M[A] & string> {
    return (this.#translators[area] ??= translator(this.#messages![area] as Catalog<keyof M[A] & string>, this.#locale));
  }

  #use(requested: string | null | undefined, locale: ResolvedLocale, messages: M): void {
    this.#requested = requested;
    this.#locale = locale;
    this.#messages = messages;
    this.#translators = {};
  }

  /** A catalog that fails to load (offline, a CDN hiccup) is tried again, with one warning. */
  async #loadRetrying(language: Language): Promise<M> {
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await this.source.load(language);
      } catch (error) {
        warn(this.owner, `could not load the "${language}" text; trying again.`, error);
        await new Promise((resolve) => setTimeout(resolve, Math.min(30_000, 1000 * 2 ** attempt)));
      }
    }
  }
}

const shopperText: TextSource<Messages> = { loaded: loadedMessages, load: loadMessages };

/** An element's shopper-facing text (src/i18n/catalogs/<language>.ts). */
export class MessagesController extends TextController<Messages> {
  constructor(owner: object) {
    super(owner, shopperText);
  }
}
