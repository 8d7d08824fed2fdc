const said = new WeakMap<object, Set<string>>();
const saidGlobally = new Set<string>();

/**
 * Warns on the console about something from outside (an attribute, a feed, a server answer),
 * naming the thing and what was expected. Each distinct warning is said once per owner, so a
 * bad attribute re-rendered a hundred times still gives one line.
 */
export function warn(owner: object | null, message: string, ...details: unknown[]): void {
  const seen = owner ? (said.get(owner) ?? new Set<string>()) : saidGlobally;
  if (owner && !said.has(owner)) said.set(owner, seen);
  if (seen.has(message)) return;
  seen.add(message);
  const where = typeof Element !== 'undefined' && owner instanceof Element ? `<${owner.localName}> ` : '';
  console.warn(`[vitrine] ${where}${message}`, ...details);
}

/** Lets a warning be said again, e.g. after the attribute it was about changed. */
export function forgetWarnings(owner: object): void {
  said.delete(owner);
}
