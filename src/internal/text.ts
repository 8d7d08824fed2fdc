// Text length as a person (and the live server) counts it: code points, not UTF-16 units.

/** Counts characters as a person does (code points), not UTF-16 units. */
export function textLength(text: string): number {
  let count = 0;
  for (const _ of text) count += 1;
  return count;
}

/** Cuts `text` to at most `max` code points, never splitting a surrogate pair. */
export function clipText(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = 0;
  let count = 0;
  for (const char of text) {
    if (count === max) return text.slice(0, end);
    end += char.length;
    count += 1;
  }
  return text;
}
