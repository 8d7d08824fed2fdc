// Cleaning of text from viewers before anyone else sees it. Rendering is always as text (the
// widget never parses HTML); this removes what text itself can abuse: control characters,
// bidirectional overrides that reverse what others read, and towers of combining marks.

// C0/C1 controls, zero-width joiners used for spoofing, bidi embeddings/overrides/isolates.
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]/g;
// More than three combining marks in a row ("zalgo") are cut to three.
const MARK_TOWERS = /(\p{M}{3})\p{M}+/gu;
const SPACES = /\s+/gu;

export { textLength } from '../internal/text.js';

/** Normalises a chat message or a display name to one clean line. */
export function cleanText(raw: string): string {
  return raw.normalize('NFC').replace(INVISIBLE, ' ').replace(MARK_TOWERS, '$1').replace(SPACES, ' ').trim();
}

/** Folds text for comparing words: lower case, accents dropped, compatibility forms unified. */
function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * A blocked-word list. Words match whole words, ignoring case and accents ("Scam", "scám");
 * an entry ending in `*` matches any word starting with it. Entries with spaces match phrases.
 */
export function blockedWordMatcher(words: readonly string[]): (text: string) => boolean {
  const patterns = words
    .map((word) => fold(word.trim()))
    .filter((word) => word.replace(/\*$/, '').length > 0)
    .map((word) => {
      const prefix = word.endsWith('*');
      const body = (prefix ? word.slice(0, -1) : word).replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
      return `(?<![\\p{L}\\p{N}])${body}${prefix ? '' : '(?![\\p{L}\\p{N}])'}`;
    });
  if (patterns.length === 0) return () => false;
  const pattern = new RegExp(patterns.join('|'), 'u');
  return (text) => pattern.test(fold(text));
}
