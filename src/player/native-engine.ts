// The browser's own HLS player (Safari, iOS, some Chromium builds): `video.src = manifest`.
import type { Engine, EngineOptions } from './engine.js';
import { ID3_DESCRIPTION } from './id3.js';
import type { CaptionTrack } from './types.js';

const TEXT_KINDS = new Set(['subtitles', 'captions']);

/** Safari's ID3 cue: a DataCue whose `value` is the frame. */
type Id3Cue = TextTrackCue & { value?: { key?: string; info?: string; data?: unknown } };

export class NativeEngine implements Engine {
  readonly name = 'native' as const;
  #src = '';
  #events: AbortController | null = null;
  #hadMetadata = false;

  constructor(private readonly options: EngineOptions) {}

  load(src: string, startAt?: number): void {
    this.destroy();
    const { video, listener } = this.options;
    const events = new AbortController();
    const on = (target: EventTarget, type: string, handler: () => void): void =>
      target.addEventListener(type, handler, { signal: events.signal });
    this.#events = events;
    this.#src = src;
    this.#hadMetadata = false;

    on(video, 'loadedmetadata', () => {
      this.#hadMetadata = true;
      const live = video.duration === Number.POSITIVE_INFINITY;
      listener.playlist(live, 0);
      const { liveOffset } = this.options;
      const end = this.#seekableEnd();
      if (live && liveOffset !== undefined && end !== null) video.currentTime = Math.max(0, end - liveOffset);
      if (!live && startAt) video.currentTime = startAt;
      startAt = undefined;
    });
    on(video, 'loadeddata', () => listener.flowing());
    on(video, 'playing', () => listener.flowing());
    on(video, 'error', () => void this.#failed(events.signal));
    const tracks = video.textTracks;
    const report = (): void => {
      listener.captions(this.#tracks().map((track, index) => ({ index, label: track.label, language: track.language }) satisfies CaptionTrack));
      listener.captionSwitched(this.#tracks().findIndex((track) => track.mode === 'showing'));
    };
    // Timed metadata: Safari turns ID3 into cues of a metadata track; each is read once, when it starts.
    const seen = new WeakSet<TextTrackCue | TextTrack>();
    on(tracks, 'addtrack', () => {
      for (const track of tracks) {
        if (track.kind !== 'metadata' || seen.has(track)) continue;
        seen.add(track);
        if (track.mode === 'disabled') track.mode = 'hidden';
        on(track, 'cuechange', () => {
          for (const cue of track.activeCues ?? []) {
            const frame = (cue as Id3Cue).value;
            if (seen.has(cue) || frame?.key !== 'TXXX' || frame.info !== ID3_DESCRIPTION || typeof frame.data !== 'string') continue;
            seen.add(cue);
            listener.metadata(cue.startTime, frame.data);
          }
        });
      }
    });
    on(tracks, 'addtrack', report);
    on(tracks, 'removetrack', report);
    on(tracks, 'change', report);
    video.src = src;
  }

  destroy(): void {
    if (!this.#events) return;
    this.#events.abort();
    this.#events = null;
    const { video } = this.options;
    video.removeAttribute('src');
    // Stops any download the element still has running.
    video.load();
  }

  async #failed(signal: AbortSignal): Promise<void> {
    const { video, listener } = this.options;
    const code = video.error?.code;
    const message = `native HLS: media error ${code ?? '?'}${video.error?.message ? `: ${video.error.message}` : ''}`;
    if (this.#hadMetadata) {
      listener.trouble({ kind: code === MediaError.MEDIA_ERR_NETWORK ? 'segment' : 'media', fatal: true, message });
      return;
    }
    // The element does not say why the manifest failed: ask the server (404 = not started yet).
    let status = 0;
    try {
      status = (await fetch(this.#src, { cache: 'no-store', signal })).status;
    } catch {
      if (signal.aborted) return;
    }
    if (signal.aborted) return;
    const ok = status >= 200 && status < 300;
    listener.trouble({ kind: ok ? 'invalid' : 'manifest', fatal: true, status, message: `${message} (manifest answered ${status || 'nothing'})` });
  }

  #tracks(): TextTrack[] {
    return [...this.options.video.textTracks].filter((track) => TEXT_KINDS.has(track.kind));
  }

  #seekableEnd(): number | null {
    const { seekable } = this.options.video;
    return seekable.length > 0 ? seekable.end(seekable.length - 1) : null;
  }

  streamTimeAt(mediaTime: number): number | null {
    // Safari maps media time 0 to the first EXT-X-PROGRAM-DATE-TIME; others return an invalid date.
    const start = (this.options.video as HTMLVideoElement & { getStartDate?: () => Date }).getStartDate?.().getTime();
    return start !== undefined && Number.isFinite(start) && Number.isFinite(mediaTime) ? start + mediaTime * 1000 : null;
  }

  liveEdge(): { position: number; behind: number } | null {
    const { video, liveOffset } = this.options;
    const end = this.#seekableEnd();
    if (video.duration !== Number.POSITIVE_INFINITY || end === null) return null;
    const position = Math.max(0, end - (liveOffset ?? 0));
    return { position, behind: Math.max(0, position - video.currentTime) };
  }

  setLevel(): void {
    // The browser picks renditions itself; the player offers no quality menu for this engine.
  }

  setCaption(index: number): void {
    this.#tracks().forEach((track, i) => {
      track.mode = i === index ? 'showing' : 'disabled';
    });
  }

  resume(): void {
    this.#reload();
  }

  recoverMedia(): void {
    this.#reload();
  }

  /** The element has no partial restart: load again, and for VOD go back to where it was. */
  #reload(): void {
    const { video } = this.options;
    this.load(this.#src, video.duration === Number.POSITIVE_INFINITY ? undefined : video.currentTime);
  }
}
