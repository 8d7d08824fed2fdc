/** Formats seconds as a clock duration: `0:07`, `12:34`, `1:02:03`. */
export function formatDuration(totalSeconds: number, locale: string): string {
  const s = Math.max(0, Math.floor(Number.isFinite(totalSeconds) ? totalSeconds : 0));
  const two = new Intl.NumberFormat(locale, { minimumIntegerDigits: 2, useGrouping: false });
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const seconds = s % 60;
  return hours > 0
    ? `${hours}:${two.format(minutes)}:${two.format(seconds)}`
    : `${new Intl.NumberFormat(locale, { useGrouping: false }).format(minutes)}:${two.format(seconds)}`;
}

/** Formats a count compactly for badges (viewer counts): `980`, `1.2K`, `12 k`. */
export function formatCompactNumber(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 }).format(value);
}
