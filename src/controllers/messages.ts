import { resolveLocale, type Language, type ResolvedLocale } from '../i18n/locale.js';
import { loadedMessages, loadMessages, type MessageArea, type MessageKey, type Messages } from '../i18n/messages.js';
import { translator, type Translate } from '../i18n/translate.js';
import { warn } from '../internal/warn.js';

/**
 * An element's text in its locale. The element renders through `ready()` (Lit: from
 * `scheduleUpdate`), so its first render in a language not loaded yet on the page waits for that
 * language's catalog; every other render goes ahead at once.
 */
export class MessagesController {
  #requested: string | null | undefined;
  #locale: ResolvedLocale = { language: 'en', tag: 'en' };
  #messages: Messages | undefined;
  #translators: { [A in MessageArea]?: Translate<MessageKey<A>> } = {};

  /** @param owner - What warnings name (the element). */
  constructor(private readonly owner: object) {}

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
    const messages = loadedMessages(locale.language);
    if (messages) {
      this.#use(wanted, locale, messages);
      return render();
    }
    return loadRetrying(locale.language, this.owner).then((messages) => {
      this.#use(wanted, locale, messages);
      return this.ready(requested, render);
    });
  }

  /** The translator of one area; only once `ready()` has rendered. */
  t<A extends MessageArea>(area: A): Translate<MessageKey<A>> {
    const translators = this.#translators as Record<A, Translate<MessageKey<A>> | undefined>;
    return (translators[area] ??= translator(this.#messages![area] as Messages[A], this.#locale));
  }

  #use(requested: string | null | undefined, locale: ResolvedLocale, messages: Messages): void {
    this.#requested = requested;
    this.#locale = locale;
    this.#messages = messages;
    this.#translators = {};
  }
}

/** A catalog that fails to load (offline, a CDN hiccup) is tried again, with one warning. */
async function loadRetrying(language: Language, owner: object): Promise<Messages> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await loadMessages(language);
    } catch (error) {
      warn(owner, `could not load the "${language}" text; trying again.`, error);
      await new Promise((resolve) => setTimeout(resolve, Math.min(30_000, 1000 * 2 ** attempt)));
    }
  }
}
