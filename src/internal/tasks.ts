import type { CSSResult, CSSResultGroup } from 'lit';

/** Resolves in a new task: `scheduler.yield()` where the browser has it, else a MessageChannel message (no 4 ms timer clamp). */
export function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/**
 * Parses an element's styles into constructable stylesheets ahead of its first render (Lit keeps
 * the sheet on each `css` result), so that parsing and rendering a big element are two tasks.
 */
export function prepareStyles(styles: CSSResultGroup | undefined): (CSSStyleSheet | undefined)[] {
  // Returned, so no minifier takes the getter for a pure read. (A CSSStyleSheet has no `styleSheet`.)
  return [styles as unknown].flat(9).map((style) => (style as CSSResult | undefined)?.styleSheet);
}
