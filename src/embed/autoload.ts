import { resolveLocale } from '../i18n/locale.js';
import { loadMessages } from '../i18n/messages.js';

/** Tags the script-tag build loads on first sight, each with the chunk that defines it. */
export type ElementLoaders = Readonly<Record<string, () => Promise<unknown>>>;

/**
 * Loads an element's code when the element first appears in the document (now or later), so a
 * page that uses only <vitrine-chat> never downloads the player, together with the text of the
 * element's language (which it would otherwise fetch only when it first renders). Elements
 * inside other shadow roots are not seen: import their `define` module instead.
 */
export function autoload(loaders: ElementLoaders): void {
  const pending = new Map(Object.entries(loaders));
  const selector = [...pending.keys()].join(',');

  const scan = (root: ParentNode): void => {
    if (pending.size === 0) return;
    for (const element of root.querySelectorAll(selector)) {
      const load = pending.get(element.localName);
      if (!load) continue;
      pending.delete(element.localName);
      const language = resolveLocale(element.getAttribute('locale'), element).language;
      Promise.all([load(), loadMessages(language)]).catch((error: unknown) => console.warn(`[vitrine] could not load <${element.localName}>.`, error));
    }
  };

  const start = (): void => {
    scan(document);
    if (pending.size === 0) return;
    const observer = new MutationObserver((records) => {
      for (const record of records) {
        for (const node of record.addedNodes) {
          if (node instanceof Element) {
            if (pending.has(node.localName)) scan(node.parentNode ?? document);
            else scan(node);
          }
        }
      }
      if (pending.size === 0) observer.disconnect();
    });
    observer.observe(document.documentElement, { childList: true, subtree: true });
  };

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
  else start();
}
