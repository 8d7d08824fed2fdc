// hls.js on Media Source Extensions: imported only when this engine is chosen.
import Hls, { type ErrorData, type Fragment, type LevelDetails } from 'hls.js';
import type { Engine, EngineOptions } from './engine.js';
import { vitrineFrames } from './id3.js';
import type { TroubleKind } from './recovery.js';

let instances = 0;

/** hls.js instances created by Vitrine players on this page and not destroyed yet (a leak check). */
export function liveHlsInstances(): number {
  return instances;
}

const { ErrorTypes, ErrorDetails, Events } = Hls;

function troubleKind(data: ErrorData): TroubleKind {
  switch (data.details) {
    case ErrorDetails.MANIFEST_LOAD_ERROR:
    case ErrorDetails.MANIFEST_LOAD_TIMEOUT:
      return 'manifest';
    case ErrorDetails.MANIFEST_PARSING_ERROR:
    case ErrorDetails.MANIFEST_INCOMPATIBLE_CODECS_ERROR:
      return 'invalid';
    case ErrorDetails.LEVEL_LOAD_ERROR:
    case ErrorDetails.LEVEL_LOAD_TIMEOUT:
    case ErrorDetails.LEVEL_EMPTY_ERROR:
    case ErrorDetails.AUDIO_TRACK_LOAD_ERROR:
    case ErrorDetails.AUDIO_TRACK_LOAD_TIMEOUT:
      return 'playlist';
    default:
      if (data.type === ErrorTypes.NETWORK_ERROR) return 'segment';
      if (data.type === ErrorTypes.MEDIA_ERROR || data.type === ErrorTypes.MUX_ERROR) return 'media';
      return 'other';
  }
}

/** The fragment that contains `time` (the nearest one outside the list's range). */
function fragmentAt(fragments: readonly Fragment[], time: number): Fragment | undefined {
  let low = 0;
  let high = fragments.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (fragments[middle]!.start <= time) low = middle;
    else high = middle - 1;
  }
  return fragments[low];
}

export class HlsJsEngine implements Engine {
  readonly name = 'hlsjs' as const;
  #hls: Hls | null = null;

  constructor(private readonly options: EngineOptions) {}

  load(src: string, startAt?: number): void {
    this.destroy();
    const { video, listener, liveOffset } = this.options;
    const hls = new Hls({
      // Strict CSP: no blob: worker. Remuxing fMP4 on the main thread is cheap (no transmuxing).
      enableWorker: false,
      // Don't fetch 1080p into a 360px wide widget; the shopper can still pick a level.
      capLevelToPlayerSize: true,
      // A long live show must not grow the buffer behind the playhead forever.
      backBufferLength: 30,
      ...(liveOffset !== undefined ? { liveSyncDuration: liveOffset } : {}),
      ...(startAt !== undefined ? { startPosition: startAt } : {}),
      // Live segments age out of the window: retry briefly, then the player reconnects itself.
      fragLoadPolicy: {
        default: {
          maxTimeToFirstByteMs: 8000,
          maxLoadTimeMs: 20_000,
          timeoutRetry: { maxNumRetry: 2, retryDelayMs: 0, maxRetryDelayMs: 0 },
          errorRetry: { maxNumRetry: 3, retryDelayMs: 500, maxRetryDelayMs: 2000 },
        },
      },
    });
    instances += 1;
    this.#hls = hls;

    hls.on(Events.MANIFEST_PARSED, (_event, data) => {
      listener.levels(
        data.levels.map((level, index) => ({
          index,
          height: level.height,
          width: level.width,
          bitrate: level.bitrate,
          label: level.height ? `${level.height}p` : `${Math.round(level.bitrate / 1000)} kbps`,
        })),
      );
    });
    hls.on(Events.LEVEL_SWITCHED, (_event, data) => listener.levelSwitched(data.level));
    hls.on(Events.LEVEL_LOADED, (_event, data) => listener.playlist(data.details.live, data.details.targetduration));
    hls.on(Events.SUBTITLE_TRACKS_UPDATED, (_event, data) => {
      listener.captions(data.subtitleTracks.map((track, index) => ({ index, label: track.name, language: track.lang ?? '' })));
    });
    hls.on(Events.SUBTITLE_TRACK_SWITCH, (_event, data) => listener.captionSwitched(data.id));
    hls.on(Events.FRAG_BUFFERED, (_event, data) => {
      if (data.frag.type === 'main') listener.flowing();
    });
    // Timed metadata in the segments (emsg in fMP4, ID3 in TS), as soon as a segment is parsed.
    hls.on(Events.FRAG_PARSING_METADATA, (_event, data) => {
      for (const sample of data.samples) for (const value of vitrineFrames(sample.data)) listener.metadata(sample.pts, value);
    });
    hls.on(Events.ERROR, (_event, data) => {
      listener.trouble({
        kind: troubleKind(data),
        fatal: data.fatal,
        ...(data.type === ErrorTypes.NETWORK_ERROR ? { status: data.response?.code ?? 0 } : {}),
        message: `hls.js ${data.type}/${data.details}${data.error?.message ? `: ${data.error.message}` : ''}`,
      });
    });
    hls.loadSource(src);
    hls.attachMedia(video);
  }

  destroy(): void {
    if (!this.#hls) return;
    this.#hls.destroy();
    this.#hls = null;
    instances -= 1;
  }

  #details(): LevelDetails | null {
    const hls = this.#hls;
    if (!hls) return null;
    return hls.levels[hls.currentLevel]?.details ?? hls.latestLevelDetails;
  }

  streamTimeAt(mediaTime: number): number | null {
    const fragments = this.#details()?.fragments;
    if (!fragments?.length || !Number.isFinite(mediaTime)) return null;
    // The fragment's start is its real presentation time (hls.js aligns it to the parsed PTS),
    // so this stays exact across discontinuities.
    const fragment = fragmentAt(fragments, mediaTime);
    const programDateTime = fragment?.programDateTime;
    if (fragment === undefined || programDateTime == null) return null;
    return programDateTime + (mediaTime - fragment.start) * 1000;
  }

  liveEdge(): { position: number; behind: number } | null {
    const hls = this.#hls;
    const position = hls?.liveSyncPosition;
    if (!hls || !this.#details()?.live || position == null) return null;
    return { position, behind: Math.max(0, position - this.options.video.currentTime) };
  }

  setLevel(index: number): void {
    // nextLevel switches without flushing what is already buffered; -1 is automatic.
    if (this.#hls) this.#hls.nextLevel = index;
  }

  setCaption(index: number): void {
    if (!this.#hls) return;
    this.#hls.subtitleDisplay = index >= 0;
    this.#hls.subtitleTrack = index;
  }

  resume(): void {
    this.#hls?.startLoad(-1);
  }

  recoverMedia(): void {
    this.#hls?.recoverMediaError();
  }
}
