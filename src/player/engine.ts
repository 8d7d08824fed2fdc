// The seam between the player and whatever plays HLS: hls.js on MSE, or the browser's own player.
// The player talks only to `Engine`; each engine module is imported when it is chosen, so a
// Safari viewer never downloads hls.js.
import { NativeEngine } from './native-engine.js';
import type { Trouble } from './recovery.js';
import type { ActiveEngine, CaptionTrack, EngineName, QualityLevel } from './types.js';

/** What an engine tells the player while it plays. */
export interface EngineListener {
  /** Renditions the shopper can choose (empty when the engine picks by itself). */
  levels(levels: readonly QualityLevel[]): void;
  /** The rendition now playing. */
  levelSwitched(index: number): void;
  /** A media playlist was (re)loaded: live or not, and its target segment duration (s). */
  playlist(live: boolean, targetDuration: number): void;
  captions(tracks: readonly CaptionTrack[]): void;
  captionSwitched(index: number): void;
  trouble(trouble: Trouble): void;
  /** Media data arrived (after the start, or after trouble). */
  flowing(): void;
  /** Vitrine timed metadata (the value of an ID3 `TXXX:vitrine` frame) for `mediaTime` (s). */
  metadata(mediaTime: number, value: string): void;
}

export interface EngineOptions {
  readonly video: HTMLVideoElement;
  readonly listener: EngineListener;
  /** Seconds behind the live edge to play at; undefined lets the engine choose (3 segments). */
  readonly liveOffset?: number | undefined;
}

export interface Engine {
  readonly name: ActiveEngine;
  /** Attaches to the video and starts loading the manifest; `startAt` (s) for VOD resumes there. */
  load(src: string, startAt?: number): void;
  /** Stops all loading and lets go of the video. Idempotent. */
  destroy(): void;
  /** Wall-clock epoch ms of the frame at `mediaTime` (EXT-X-PROGRAM-DATE-TIME), or null. */
  streamTimeAt(mediaTime: number): number | null;
  /** Live only: the media time that counts as "live" and how far playback is behind it (s). */
  liveEdge(): { readonly position: number; readonly behind: number } | null;
  /** Chooses a rendition; -1 is automatic. */
  setLevel(index: number): void;
  /** Shows a subtitles track; -1 hides them. */
  setCaption(index: number): void;
  /** Resumes loading after a network failure, keeping the buffer and position (no reload). */
  resume(): void;
  /** Resets the decoding pipeline after a media error. */
  recoverMedia(): void;
}

const HLS_MIME = 'application/vnd.apple.mpegurl';

function hasMediaSource(): boolean {
  const mse = (globalThis as { ManagedMediaSource?: unknown }).ManagedMediaSource ?? globalThis.MediaSource;
  return typeof mse === 'function';
}

/** Safari on macOS and every iOS browser (all WebKit): their own HLS player is the better one. */
function isAppleWebKit(): boolean {
  return /apple/i.test(globalThis.navigator?.vendor ?? '');
}

/**
 * Which engine plays here, or null if neither can. `auto` takes native HLS only on Apple WebKit
 * or where there is no MSE: Chromium answers "maybe" to `canPlayType(HLS)` too, but hls.js gives
 * it program date time, quality levels and our recovery policy.
 */
export function pickEngine(requested: EngineName, video: HTMLVideoElement): ActiveEngine | null {
  const native = video.canPlayType(HLS_MIME) !== '';
  const mse = hasMediaSource();
  if (requested === 'native') return native ? 'native' : mse ? 'hlsjs' : null;
  if (requested === 'hlsjs') return mse ? 'hlsjs' : native ? 'native' : null;
  if (native && (!mse || isAppleWebKit())) return 'native';
  return mse ? 'hlsjs' : native ? 'native' : null;
}

/**
 * Creates the engine. The native one is tiny and created at once, so `play()` can still run inside
 * the shopper's tap (iOS needs that); hls.js is imported only now, in its own chunk.
 */
export function createEngine(name: ActiveEngine, options: EngineOptions): Engine | Promise<Engine> {
  if (name === 'native') return new NativeEngine(options);
  return import('./hlsjs-engine.js').then(({ HlsJsEngine }) => new HlsJsEngine(options));
}

/** Starts downloading hls.js ahead of a likely `play()` (the shopper's pointer is on the player). */
export function prefetchEngine(name: ActiveEngine | null): void {
  if (name === 'hlsjs') import('./hlsjs-engine.js').catch(() => undefined);
}
