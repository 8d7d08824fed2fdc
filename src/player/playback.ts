// The player's one controller: it owns the engine, the video's state, the recovery policy, every
// timer and the teardown. The element renders the store this writes and calls its methods.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { emit } from '../internal/emit.js';
import { warn } from '../internal/warn.js';
import type { PlayerStore } from '../stores/player.js';
import { createEngine, pickEngine, prefetchEngine, type Engine, type EngineListener } from './engine.js';
import { watchFrames } from './frames.js';
import { REFUSED_STATUSES, RecoveryPolicy, STREAM_POLL, backoffDelay, type Trouble } from './recovery.js';
import type { ActiveEngine, EngineName, PlayerErrorCode, PlayerState, StreamMetadata } from './types.js';

/** The element's attributes, validated; read at every load. */
export interface PlaybackSettings {
  /** Manifest URL; '' when there is none, null when `src` was given but is not http(s). */
  readonly src: string | null;
  readonly engine: EngineName;
  /** Seconds behind the live edge to play at. */
  readonly liveOffset: number | undefined;
  /** Language of the subtitles to show from the start ('' = none). */
  readonly captions: string;
  readonly autoplay: boolean;
}

export interface PlaybackHost extends ReactiveControllerHost, HTMLElement {
  readonly store: PlayerStore;
}

/** What the controller is doing; with the video's own flags it gives the shopper-facing state. */
type Condition = 'idle' | 'loading' | 'ready' | 'starting-soon' | 'reconnecting' | 'error';

/** Seconds within which a live viewer counts as "at the live edge" (at least this, or 1.5 target durations). */
const LIVE_EDGE_TOLERANCE = 3;

const samePrimaryLanguage = (a: string, b: string): boolean => a.split('-')[0]!.toLowerCase() === b.split('-')[0]!.toLowerCase();

export class PlaybackController implements ReactiveController {
  #engine: Engine | null = null;
  /** Increments on every load and teardown: async work from an older session is dropped. */
  #session = 0;
  #policy = new RecoveryPolicy();
  #condition: Condition = 'idle';
  #waiting = false;
  #wantPlay = false;
  #announcedPlay = false;
  #mutedByAutoplay = false;
  #captionChosen = false;
  #lastCaption = -1;
  #targetDuration = 0;
  #pollAttempt = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #edgeTimer: ReturnType<typeof setInterval> | undefined;
  #poll: AbortController | null = null;
  #stopFrames: (() => void) | null = null;
  #tornDown = false;
  #prefetched = false;
  /** Metadata of a stream without program date time, held until playback reaches it. */
  #heldMetadata: StreamMetadata[] = [];

  constructor(
    private readonly host: PlaybackHost,
    readonly video: HTMLVideoElement,
    private readonly settings: () => PlaybackSettings,
  ) {
    host.addController(this);
    this.#listen();
  }

  private get store(): PlayerStore {
    return this.host.store;
  }

  /** The engine playing now. */
  get engine(): Engine | null {
    return this.#engine;
  }

  /** Playback was muted only because browsers allow autoplay just without sound. */
  get mutedByAutoplay(): boolean {
    return this.#mutedByAutoplay;
  }

  // Lifecycle -------------------------------------------------------------------------------

  hostConnected(): void {
    this.#stopFrames ??= watchFrames(this.video, (mediaTime) => {
      this.store.streamTime.set(this.streamTimeAt(mediaTime));
      if (this.#heldMetadata.length > 0) this.#releaseMetadata(mediaTime);
    });
    if (this.#tornDown) {
      this.#tornDown = false;
      if (this.settings().autoplay) this.sourceChanged();
    }
  }

  hostDisconnected(): void {
    // Deferred: moving the element (remove + insert in one task) must not restart playback.
    queueMicrotask(() => {
      if (this.host.isConnected) return;
      this.teardown();
      this.#tornDown = true;
    });
  }

  /** Stops everything: engine, network, timers, frame callbacks. */
  teardown(): void {
    this.#reset();
    this.#stopFrames?.();
    this.#stopFrames = null;
    this.#wantPlay = false;
    this.#sync();
  }

  // Commands --------------------------------------------------------------------------------

  /** The source, engine or autoplay changed: start over the way the attributes ask. */
  sourceChanged(): void {
    const { src, autoplay } = this.settings();
    if (src && autoplay) {
      // Browsers allow autoplay only without sound; the shopper gets a clear unmute button.
      this.#mutedByAutoplay = true;
      this.video.muted = true;
      this.#wantPlay = true;
      this.load();
    } else if (src === '' || (src && this.#condition === 'idle' && !this.#engine)) {
      this.#reset();
      this.#sync();
    } else this.load();
  }

  /** Loads the source from scratch (a new engine); `startAt` (s) resumes a VOD there. */
  load(startAt?: number): void {
    this.#reset();
    const { src, engine: requested } = this.settings();
    if (src === null) return this.#fail('invalid-src', '"src" is not an http(s) URL');
    if (src === '') return this.#sync();
    const name = pickEngine(requested, this.video);
    if (!name) return this.#fail('unsupported', 'this browser has neither Media Source Extensions nor native HLS');
    this.store.engine.set(name);
    this.#condition = 'loading';
    this.#sync();
    this.#attach(name, src, startAt);
  }

  /** The shopper is about to press play (pointer or focus on the player): fetch the engine's code now. */
  prefetch(): void {
    if (this.#prefetched || this.#engine || !this.settings().src) return;
    this.#prefetched = true;
    prefetchEngine(pickEngine(this.settings().engine, this.video));
  }

  /** Starts or resumes playback, loading the stream first if needed. */
  play(): void {
    this.#wantPlay = true;
    if (this.#condition === 'error') this.retry();
    else if (this.#condition === 'idle' && !this.#engine) this.load();
    else if (this.#engine) this.#playVideo();
    this.#sync();
  }

  pause(): void {
    this.#wantPlay = false;
    this.video.pause();
    this.#sync();
  }

  /** After an error: load again, from the same position for VOD, and play. */
  retry(): void {
    const startAt = this.store.live.get() || !(this.video.currentTime > 0) ? undefined : this.video.currentTime;
    this.#wantPlay = true;
    this.load(startAt);
  }

  /** Live: jumps to the live edge (minus `live-offset`) and plays. */
  seekToLive(): void {
    const edge = this.#engine?.liveEdge();
    if (!edge) return;
    this.video.currentTime = edge.position;
    if (this.video.paused) this.play();
  }

  setLevel(index: number): void {
    this.#engine?.setLevel(index);
    this.store.level.set(index);
  }

  setCaption(index: number): void {
    this.#captionChosen = true;
    if (index >= 0) this.#lastCaption = index;
    this.#engine?.setCaption(index);
    this.store.caption.set(index);
  }

  /** Subtitles on (the last or preferred track) or off. */
  toggleCaptions(): void {
    const tracks = this.store.captions.get();
    if (tracks.length === 0) return;
    if (this.store.caption.get() >= 0) return this.setCaption(-1);
    const preferred = this.settings().captions;
    const track = tracks[this.#lastCaption] ?? tracks.find((t) => preferred && samePrimaryLanguage(t.language, preferred)) ?? tracks[0]!;
    this.setCaption(track.index);
  }

  setMuted(muted: boolean): void {
    this.video.muted = muted;
    if (!muted && this.video.volume === 0) this.video.volume = 0.5;
  }

  setVolume(volume: number): void {
    this.video.volume = Math.min(1, Math.max(0, volume));
    this.video.muted = this.video.volume === 0;
  }

  /** Wall-clock epoch ms of the frame at `mediaTime`, from the stream's program date time. */
  streamTimeAt(mediaTime: number): number | null {
    return this.#engine?.streamTimeAt(mediaTime) ?? null;
  }

  // Engine ----------------------------------------------------------------------------------

  #attach(name: ActiveEngine, src: string, startAt?: number): void {
    const session = this.#session;
    const made = createEngine(name, { video: this.video, listener: this.#listener(session), liveOffset: this.settings().liveOffset });
    const start = (engine: Engine): void => {
      if (session !== this.#session) return engine.destroy();
      this.#engine = engine;
      engine.load(src, startAt);
      if (this.#wantPlay) this.#playVideo();
    };
    if (made instanceof Promise) {
      made.then(start, (error: unknown) => {
        if (session === this.#session) this.#fail('network', `could not load the hls.js chunk (${String(error)})`);
      });
    } else start(made);
  }

  #listener(session: number): EngineListener {
    const current = (): boolean => session === this.#session;
    const store = this.store;
    return {
      levels: (levels) => current() && store.levels.set(levels),
      levelSwitched: (index) => current() && store.playingLevel.set(index),
      playlist: (live, targetDuration) => {
        if (!current()) return;
        this.#targetDuration = targetDuration;
        // Latched for the session: a live show that ends stays a live show that ended.
        if (live && !store.live.get()) {
          store.live.set(true);
          this.#edgeTimer ??= setInterval(() => this.#checkLiveEdge(), 1000);
        }
      },
      captions: (tracks) => {
        if (!current()) return;
        store.captions.set(tracks);
        const preferred = this.settings().captions;
        const match = preferred && !this.#captionChosen ? tracks.find((t) => samePrimaryLanguage(t.language, preferred)) : undefined;
        // After the engine has made its own initial choice (hls.js does, right after this event).
        if (match) queueMicrotask(() => current() && !this.#captionChosen && this.#engine?.setCaption(match.index));
      },
      captionSwitched: (index) => current() && store.caption.set(index),
      trouble: (trouble) => current() && this.#trouble(trouble),
      flowing: () => current() && this.#flowing(),
      metadata: (mediaTime, value) => current() && this.#metadata(mediaTime, value),
    };
  }

  #metadata(mediaTime: number, text: string): void {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      warn(this.host, `stream metadata (ID3 TXXX "vitrine") must be JSON; got "${text.slice(0, 60)}". Ignored.`);
      return;
    }
    const entry: StreamMetadata = { at: this.streamTimeAt(mediaTime), mediaTime, value };
    if (entry.at === null) this.#heldMetadata.push(entry);
    else this.#publishMetadata(entry);
  }

  #releaseMetadata(mediaTime: number): void {
    const reached = this.#heldMetadata.filter((entry) => entry.mediaTime <= mediaTime);
    if (reached.length === 0) return;
    this.#heldMetadata = this.#heldMetadata.filter((entry) => entry.mediaTime > mediaTime);
    for (const entry of reached) this.#publishMetadata(entry);
  }

  #publishMetadata(entry: StreamMetadata): void {
    this.store.metadata.set([...this.store.metadata.get().slice(-99), entry]);
  }

  #trouble(trouble: Trouble): void {
    const decision = this.#policy.decide(trouble);
    switch (decision.action) {
      case 'continue':
        return;
      case 'wait-for-stream':
        return this.#waitForStream(trouble);
      case 'reconnect':
        if (this.#condition !== 'reconnecting') {
          this.#condition = 'reconnecting';
          emit(this.host, 'vitrine-error', { code: 'network', message: trouble.message, fatal: false });
          this.#sync();
        }
        clearTimeout(this.#timer);
        this.#timer = setTimeout(() => this.#engine?.resume(), decision.delay);
        return;
      case 'recover-media':
        emit(this.host, 'vitrine-error', { code: 'media', message: trouble.message, fatal: false });
        // Playback resumes on `loadedmetadata` (the media element reloads).
        this.#engine?.recoverMedia();
        return;
      case 'give-up':
        return this.#fail(decision.code, trouble.message);
    }
  }

  #flowing(): void {
    this.#policy.flowing();
    this.#pollAttempt = 0;
    // Resume only out of loading or a reconnect: while playing, a pause whose `pause` event is
    // still queued (the shopper's, or the page's `video.pause()`) must not be overridden.
    const resuming = this.#condition === 'reconnecting' || this.#condition === 'loading';
    if (this.#condition === 'reconnecting') this.#condition = 'ready';
    if (resuming && this.#wantPlay && this.video.paused && this.video.readyState >= HTMLMediaElement.HAVE_METADATA) this.#playVideo();
    this.#sync();
  }

  /** The stream is not there yet: "starting soon", and poll the manifest until it answers. */
  #waitForStream(trouble: Trouble): void {
    const name = this.#engine?.name;
    const src = this.settings().src;
    if (!name || !src) return;
    this.#engine?.destroy();
    this.#engine = null;
    if (this.#condition !== 'starting-soon') {
      this.#condition = 'starting-soon';
      emit(this.host, 'vitrine-error', { code: 'manifest-unavailable', message: trouble.message, fatal: false });
      this.#sync();
    }
    this.#policy.notFound();
    this.#pollManifest(name, src);
  }

  #pollManifest(name: ActiveEngine, src: string): void {
    const session = this.#session;
    this.#timer = setTimeout(async () => {
      const poll = new AbortController();
      this.#poll = poll;
      // A fetch that throws (offline, or a stream without CORS for the native engine) is no
      // answer: let the engine itself try again.
      let ready = true;
      let status = 0;
      try {
        const response = await fetch(src, { cache: 'no-store', signal: poll.signal });
        ready = response.ok;
        status = response.status;
        await response.body?.cancel();
      } catch {
        ready = !poll.signal.aborted;
      }
      if (session !== this.#session || poll.signal.aborted) return;
      this.#poll = null;
      if (REFUSED_STATUSES.includes(status)) return this.#fail('manifest-unavailable', `the manifest answered ${status}`);
      if (!ready) {
        if (this.#policy.notFound()) {
          warn(this.host, `attribute "src" ("${src}") still answers ${status || 'nothing'} after a minute; the player keeps waiting for the stream to start ("Starting soon"). If the show should be live, check the URL.`);
        }
        return this.#pollManifest(name, src);
      }
      this.#condition = 'loading';
      this.#sync();
      this.#attach(name, src);
    }, backoffDelay(this.#pollAttempt++, STREAM_POLL));
  }

  #fail(code: PlayerErrorCode, message: string): void {
    this.#engine?.destroy();
    this.#engine = null;
    this.#clearTimers();
    this.#condition = 'error';
    this.store.error.set({ code, message });
    if (code === 'manifest-unavailable') {
      warn(this.host, `attribute "src" ("${this.settings().src}") could not be played: ${message}. Expected the URL of an HLS manifest this page may load; the player shows an error with a retry button.`);
    } else if (code !== 'invalid-src') warn(this.host, `playback stopped (${code}): ${message}. The player shows a retry button.`);
    emit(this.host, 'vitrine-error', { code, message, fatal: true });
    this.#sync();
  }

  #playVideo(): void {
    const video = this.video;
    video.play().catch((error: unknown) => {
      // AbortError: a reload interrupted it; playback restarts on `loadedmetadata`.
      if ((error as DOMException | undefined)?.name !== 'NotAllowedError') return;
      if (!video.muted) {
        // Sound needs a tap first: play muted and offer the unmute button.
        video.muted = true;
        this.#mutedByAutoplay = true;
        this.#playVideo();
        return;
      }
      this.#wantPlay = false;
      this.#sync();
    });
  }

  // State -----------------------------------------------------------------------------------

  #listen(): void {
    const video = this.video;
    const store = (): PlayerStore => this.store;
    const on = (type: string, handler: () => void): void => video.addEventListener(type, handler);
    on('play', () => {
      this.#wantPlay = true;
      this.#sync();
    });
    on('playing', () => {
      this.#waiting = false;
      if (this.#condition === 'loading') this.#condition = 'ready';
      if (!this.#announcedPlay) {
        this.#announcedPlay = true;
        emit(this.host, 'vitrine-play', { streamTime: this.#streamDate() });
      }
      this.#sync();
    });
    on('pause', () => {
      // The end, or a failing source, pauses too: not the shopper's wish to stop.
      if (!video.ended && !video.error) this.#wantPlay = false;
      this.#announcePause();
      this.#sync();
    });
    on('waiting', () => {
      this.#waiting = true;
      this.#sync();
    });
    on('loadeddata', () => {
      if (this.#condition === 'loading') this.#condition = 'ready';
      this.#sync();
    });
    on('loadedmetadata', () => {
      if (this.#wantPlay && video.paused && this.#engine) this.#playVideo();
    });
    on('durationchange', () => store().duration.set(video.duration || 0));
    const time = (): void => {
      store().currentTime.set(video.currentTime);
      this.#checkLiveEdge();
    };
    on('timeupdate', time);
    on('seeked', time);
    on('volumechange', () => {
      if (!video.muted) this.#mutedByAutoplay = false;
      store().muted.set(video.muted);
      store().volume.set(video.volume);
      this.host.requestUpdate();
    });
    on('ended', () => this.#sync());
  }

  #announcePause(): void {
    if (!this.#announcedPlay) return;
    this.#announcedPlay = false;
    emit(this.host, 'vitrine-pause', { streamTime: this.#streamDate() });
  }

  #streamDate(): Date | null {
    const ms = this.streamTimeAt(this.video.currentTime);
    return ms === null ? null : new Date(ms);
  }

  #sync(): void {
    const video = this.video;
    let state: PlayerState;
    if (this.#condition !== 'ready') state = this.#condition;
    else if (video.ended) state = 'ended';
    else if (video.paused) state = 'paused';
    else if (this.#waiting) state = 'buffering';
    else state = 'playing';
    this.store.state.set(state);
    this.store.paused.set(video.paused);
  }

  #checkLiveEdge(): void {
    const store = this.store;
    const edge = this.video.readyState >= HTMLMediaElement.HAVE_METADATA ? this.#engine?.liveEdge() : null;
    if (!edge) return;
    store.behindLive.set(edge.behind);
    const tolerance = Math.max(LIVE_EDGE_TOLERANCE, 1.5 * this.#targetDuration);
    const wasAtEdge = store.atLiveEdge.get();
    // Hysteresis, so a playlist refresh does not make the badge flicker.
    const atEdge = edge.behind <= tolerance + (wasAtEdge ? 1.5 : 0);
    if (atEdge === wasAtEdge) return;
    store.atLiveEdge.set(atEdge);
    emit(this.host, 'vitrine-live-edge', { atLiveEdge: atEdge, behind: edge.behind });
  }

  #clearTimers(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#poll?.abort();
    this.#poll = null;
  }

  #reset(): void {
    this.#session += 1;
    this.#clearTimers();
    clearInterval(this.#edgeTimer);
    this.#edgeTimer = undefined;
    this.#announcePause();
    this.#engine?.destroy();
    this.#engine = null;
    this.#policy = new RecoveryPolicy();
    this.#condition = 'idle';
    this.#waiting = false;
    this.#captionChosen = false;
    this.#lastCaption = -1;
    this.#targetDuration = 0;
    this.#pollAttempt = 0;
    const store = this.store;
    store.engine.set(null);
    store.error.set(null);
    store.live.set(false);
    store.atLiveEdge.set(false);
    store.behindLive.set(0);
    store.currentTime.set(0);
    store.streamTime.set(null);
    store.metadata.set([]);
    this.#heldMetadata = [];
    store.duration.set(0);
    store.levels.set([]);
    store.level.set(-1);
    store.playingLevel.set(-1);
    store.captions.set([]);
    store.caption.set(-1);
  }
}
