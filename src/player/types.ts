/**
 * What the player is doing, as the shopper sees it.
 * - `idle`: nothing loaded yet (poster and play button)
 * - `loading`: fetching the stream until the first frame
 * - `playing` / `paused` / `buffering`
 * - `starting-soon`: the stream does not exist yet (manifest 404); polling until it appears
 * - `reconnecting`: segments stopped arriving mid-stream; retrying without a reload
 * - `ended`: a VOD reached its end, or a live stream sent its end marker
 * - `error`: gave up; a retry button is shown
 */
export type PlayerState =
  | 'idle'
  | 'loading'
  | 'playing'
  | 'paused'
  | 'buffering'
  | 'starting-soon'
  | 'reconnecting'
  | 'ended'
  | 'error';

/** Which playback engine to use: hls.js (MSE), the browser's own HLS, or the better of the two. */
export type EngineName = 'auto' | 'hlsjs' | 'native';
export const ENGINE_NAMES: readonly EngineName[] = ['auto', 'hlsjs', 'native'];

/** The engine actually playing: `auto` resolves to one of these. */
export type ActiveEngine = Exclude<EngineName, 'auto'>;

/** Why playback failed, in `vitrine-error` events. */
export type PlayerErrorCode =
  /** `src` is missing or not an http(s) URL. */
  | 'invalid-src'
  /** The engine cannot play here (no MSE and no native HLS). */
  | 'unsupported'
  /** The manifest could not be loaded (not yet published, or gone). */
  | 'manifest-unavailable'
  /** Segments or playlists kept failing. */
  | 'network'
  /** The media could not be decoded even after recovery. */
  | 'media';

/** One rendition the shopper can choose in the quality menu. */
export interface QualityLevel {
  /** Index in the engine's level list; -1 is automatic selection. */
  readonly index: number;
  /** Pixels; 0 when the manifest does not say. */
  readonly height: number;
  readonly width: number;
  readonly bitrate: number;
  /** Shopper-facing label, e.g. `720p`. */
  readonly label: string;
}

/** A subtitles / captions track from the manifest. */
export interface CaptionTrack {
  /** Index in the engine's subtitle track list. */
  readonly index: number;
  /** The track's name from the manifest, e.g. `Nederlands`. */
  readonly label: string;
  /** BCP 47 language from the manifest, e.g. `nl`; empty when it does not say. */
  readonly language: string;
}

/**
 * One of Vitrine's timed metadata entries read from the stream (an ID3 `TXXX` frame with
 * description `vitrine`, carried in an fMP4 `emsg` box or as timed ID3 in MPEG-TS).
 */
export interface StreamMetadata {
  /**
   * Program date time (epoch ms) of the moment it marks. Null when the stream has no program
   * date time: then it is reported only once playback reaches it.
   */
  readonly at: number | null;
  /** Media time it marks, in seconds. */
  readonly mediaTime: number;
  /** The frame's value, parsed as JSON. */
  readonly value: unknown;
}
