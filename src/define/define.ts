import { VERSION } from '../version.js';
import { warn } from '../internal/warn.js';

/** A custom element class that carries the Vitrine version it was built with. */
export type VersionedElement = CustomElementConstructor & { readonly version?: string };

/**
 * Registers an element once. Defining the same tag again with the same Vitrine version is a
 * no-op (two bundles on one page, a script tag plus an npm import); another version warns
 * and keeps the first, because a tag can be registered only once per page.
 */
export function defineElement(tag: string, element: VersionedElement): void {
  const registry = globalThis.customElements;
  if (!registry) return;
  const existing = registry.get(tag) as VersionedElement | undefined;
  if (existing) {
    if (existing !== element && existing.version !== VERSION) {
      warn(null, `<${tag}> is already defined by Vitrine ${existing.version ?? '(unknown version)'}; this copy (${VERSION}) is not used. Load Vitrine once per page.`);
    }
    return;
  }
  try {
    registry.define(tag, element);
  } catch (error) {
    // The class is already registered under another tag (a page's own `customElements.define`).
    warn(null, `<${tag}> could not be defined: ${error instanceof Error ? error.message : String(error)}. To use a Vitrine element under a tag of your own, register a subclass: customElements.define('my-player', class extends VitrinePlayer {}).`);
  }
}
