// Playlist arithmetic for the simulated live stream: the committed VOD media loops forever as a
// sliding-window live playlist with increasing media sequence, EXT-X-PROGRAM-DATE-TIME on every
// segment and a discontinuity at every loop. Pure functions, so tests check them exactly.

export interface MediaSegment {
  /** File name inside the rendition folder, e.g. `seg_003.m4s`. */
  readonly file: string;
  /** Seconds. */
  readonly duration: number;
}

export interface MediaPlaylist {
  /** The EXT-X-MAP init segment, if any (fMP4). */
  readonly init: string | null;
  readonly targetDuration: number;
  readonly segments: readonly MediaSegment[];
}

/** Reads the parts of a VOD media playlist the simulator needs. */
export function parseMediaPlaylist(text: string): MediaPlaylist {
  const lines = text.split(/\r?\n/).map((line) => line.trim());
  let init: string | null = null;
  let targetDuration = 0;
  const segments: MediaSegment[] = [];
  let pending: number | null = null;
  for (const line of lines) {
    if (line.startsWith('#EXT-X-MAP:')) init = /URI="([^"]+)"/.exec(line)?.[1] ?? null;
    else if (line.startsWith('#EXT-X-TARGETDURATION:')) targetDuration = Number(line.slice('#EXT-X-TARGETDURATION:'.length));
    else if (line.startsWith('#EXTINF:')) pending = Number.parseFloat(line.slice('#EXTINF:'.length));
    else if (line !== '' && !line.startsWith('#') && pending !== null) {
      segments.push({ file: line, duration: pending });
      pending = null;
    }
  }
  if (segments.length === 0) throw new Error('media playlist has no segments');
  return { init, targetDuration: targetDuration || Math.ceil(Math.max(...segments.map((s) => s.duration))), segments };
}

export interface LiveWindowOptions {
  /** Wall-clock ms at which global segment 0 began. */
  readonly epoch: number;
  /** Wall-clock ms now. */
  readonly now: number;
  /** Segments in the sliding window. */
  readonly windowSize: number;
  /** Nominal segment duration in seconds (every committed segment has it). */
  readonly segmentDuration: number;
  /** Segments per loop of the committed media. */
  readonly loopLength: number;
}

export interface LiveWindow {
  /** Global index of the first segment in the window (= EXT-X-MEDIA-SEQUENCE). */
  readonly first: number;
  /** Global index of the newest complete segment. */
  readonly last: number;
  /** Loop boundaries that slid out of the window (= EXT-X-DISCONTINUITY-SEQUENCE). */
  readonly discontinuitySequence: number;
}

/**
 * Which global segments are live now. Segment k covers [epoch + k*d, epoch + (k+1)*d) and is
 * published once it is complete, like an encoder would. Returns null before the first segment.
 */
export function liveWindow(options: LiveWindowOptions): LiveWindow | null {
  const elapsed = (options.now - options.epoch) / 1000;
  const last = Math.floor(elapsed / options.segmentDuration) - 1;
  if (last < 0) return null;
  const first = Math.max(0, last - options.windowSize + 1);
  // A discontinuity precedes every segment that starts a loop (k % loop == 0, k > 0). Counting
  // the one before `first` too means no tag is needed on the first segment of the window.
  return { first, last, discontinuitySequence: Math.floor(first / options.loopLength) };
}

/** Wall-clock start (ms) of global segment k. */
export function segmentStart(epoch: number, k: number, segmentDuration: number): number {
  return epoch + Math.round(k * segmentDuration * 1000);
}

export interface LivePlaylistOptions extends LiveWindowOptions {
  /** URI of global segment k (the server maps it back to a committed file). */
  readonly uri: (k: number) => string;
  readonly init: string | null;
  readonly targetDuration: number;
  /** The show is over: list what is there and end it. */
  readonly ended?: boolean;
}

/** Writes the live media playlist for `now`, or null before the stream has a segment. */
export function livePlaylist(options: LivePlaylistOptions): string | null {
  const window = liveWindow(options);
  if (!window) return null;
  const lines = [
    '#EXTM3U',
    '#EXT-X-VERSION:7',
    `#EXT-X-TARGETDURATION:${options.targetDuration}`,
    `#EXT-X-MEDIA-SEQUENCE:${window.first}`,
    `#EXT-X-DISCONTINUITY-SEQUENCE:${window.discontinuitySequence}`,
    '#EXT-X-INDEPENDENT-SEGMENTS',
  ];
  if (options.init) lines.push(`#EXT-X-MAP:URI="${options.init}"`);
  for (let k = window.first; k <= window.last; k += 1) {
    if (k > window.first && k % options.loopLength === 0) {
      lines.push('#EXT-X-DISCONTINUITY');
      if (options.init) lines.push(`#EXT-X-MAP:URI="${options.init}"`);
    }
    lines.push(
      `#EXT-X-PROGRAM-DATE-TIME:${new Date(segmentStart(options.epoch, k, options.segmentDuration)).toISOString()}`,
      `#EXTINF:${options.segmentDuration.toFixed(6)},`,
      options.uri(k),
    );
  }
  if (options.ended) lines.push('#EXT-X-ENDLIST');
  lines.push('');
  return lines.join('\n');
}
