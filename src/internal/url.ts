/**
 * Resolves a URL from outside (an attribute, a feed, a server answer) and returns it only when it
 * is http(s); anything else (`javascript:`, `data:`, garbage) gives `null`.
 */
export function safeHttpUrl(value: unknown, base: string | URL = globalThis.document?.baseURI ?? 'http://localhost/'): URL | null {
  if (typeof value !== 'string' || value.trim() === '') return null;
  try {
    const url = new URL(value.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}
