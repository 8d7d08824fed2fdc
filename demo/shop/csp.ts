// The Content-Security-Policy the demo pages are served with: the strict policy a shop can run
// Vitrine under (README, "Content-Security-Policy"). No inline script or style, no eval, no
// workers at all. MSE playback needs `media-src blob:`, subtitles `media-src data:` (hls.js gives
// each <track> a `data:,WEBVTT` placeholder).

export interface CspSources {
  /** Where vitrine.js and its chunks come from: 'self' or the CDN folder URL (path-restricted). */
  readonly script: readonly string[];
  /** Stream playlists and segments, the shop's cart API, the live server (ws: is 'self' too). */
  readonly connect?: readonly string[];
  /** Poster and product images. */
  readonly img?: readonly string[];
  /** Extra media origins (native HLS fetches segments as media, not as connect). */
  readonly media?: readonly string[];
}

export function contentSecurityPolicy(sources: CspSources): string {
  const list = (...values: (readonly string[] | undefined)[]): string => [...new Set(values.flatMap((v) => v ?? []))].join(' ');
  return [
    "default-src 'none'",
    `script-src ${list(sources.script)}`,
    "style-src 'self'",
    `img-src ${list(["'self'"], sources.img)}`,
    "font-src 'self'",
    `media-src ${list(["'self'", 'blob:', 'data:'], sources.media)}`,
    `connect-src ${list(["'self'"], sources.connect)}`,
    "worker-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** The script-src entry for a CDN base: 'self' when it is a path on this origin. */
export function scriptSource(cdn: string): string {
  return /^https?:\/\//.test(cdn) ? cdn : "'self'";
}
