import { LitElement, html, nothing, type PropertyValues, type CSSResultGroup, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { VERSION } from '../../version.js';
import { formatDuration } from '../../i18n/format.js';
import type { MessageKey } from '../../i18n/messages.js';
import type { Translate } from '../../i18n/translate.js';
import { MessagesController } from '../../controllers/messages.js';
import { safeHttpUrl } from '../../internal/url.js';
import { warn } from '../../internal/warn.js';
import { PlaybackController, type PlaybackSettings } from '../../player/playback.js';
import { ENGINE_NAMES, type ActiveEngine, type CaptionTrack, type EngineName, type PlayerState, type QualityLevel } from '../../player/types.js';
import { createPlayerStore, type PlayerStore } from '../../stores/player.js';
import { ActivityController } from './activity.js';
import { icon } from './icons.js';
import { playerStyles } from './player.styles.js';
import { StoreBagController } from './store-bag.js';
import { shortcut, type KeyTarget, type PlayerCommand } from './shortcuts.js';
import { ownStatic } from '../../internal/statics.js';

const SEEK_STEP = 5;
const VOLUME_STEP = 0.1;

type Menu = 'captions' | 'quality';
type PlayerText = MessageKey<'player'>;

/**
 * An HLS player for live shows and replays: hls.js where it is the better engine, the browser's
 * own HLS on Safari and iOS. It starts near the live edge, tells how far behind live the viewer
 * is, and knows the wall-clock time of the frame on screen (`streamTime`, from
 * EXT-X-PROGRAM-DATE-TIME) so products can appear at the right moment. It recovers from a show
 * that has not started, from network drops and from media errors by itself.
 *
 * @summary HLS player with live edge, stream time, recovery and accessible controls.
 * @tag vitrine-player
 * @attr {string} src - HLS manifest URL (`.m3u8`); http(s) only.
 * @attr {string} poster - Poster image URL shown before the first frame.
 * @attr {boolean} autoplay - Start at once, muted (as browsers require), with a "tap to unmute" button.
 * @attr {boolean} muted - Start muted.
 * @attr {'auto'|'hlsjs'|'native'} engine - Playback engine. Default `auto`: native HLS on Apple WebKit or without MSE, hls.js elsewhere.
 * @attr {string} label - Accessible name, e.g. the show title.
 * @attr {string} locale - BCP 47 locale of the controls; default the page's `lang`, then the browser's.
 * @attr {number} live-offset - Seconds behind the live edge to play at. Default: three segments.
 * @attr {string} captions - Language of the subtitles to show from the start, e.g. `nl`. Default none.
 * @attr {boolean} no-controls - Hide the control bar (state messages and the play button stay).
 * @fires vitrine-play - Playback started or resumed. `detail.streamTime`.
 * @fires vitrine-pause - Playback paused. `detail.streamTime`.
 * @fires vitrine-error - Trouble: `detail.code`, `detail.message`, `detail.fatal` (false while recovering).
 * @fires vitrine-live-edge - Live: joined (`detail.atLiveEdge`) or left the live edge; `detail.behind` seconds.
 * @csspart base - The player's box (focusable; keyboard shortcuts work while focus is inside).
 * @csspart video - The `<video>` element.
 * @csspart controls - The control bar.
 * @csspart control - Every button of the control bar.
 * @csspart play-button - The big play (or replay) button in the centre.
 * @csspart live-badge - The LIVE badge, or the "behind live" jump button.
 * @csspart unmute-button - The "tap to unmute" button after a muted autoplay.
 * @csspart status - The centred state message (starting soon, reconnecting, ended, error).
 * @csspart retry-button - The retry button of the error state.
 * @csspart seek-bar - The VOD progress slider.
 * @csspart volume - The volume slider.
 * @csspart menu - The subtitles and quality menus.
 * @cssproperty --vitrine-accent - Accent colour: play button, sliders, menu marks. Default `#e11d48`.
 * @cssproperty --vitrine-live-color - Background of the LIVE badge. Default the accent.
 * @cssproperty --vitrine-controls-color - Colour of icons and text. Default `#fff`.
 * @cssproperty --vitrine-controls-background - Background behind the control bar. Default a dark gradient.
 * @cssproperty --vitrine-menu-background - Background of the menus. Default near-black.
 * @cssproperty --vitrine-control-size - Size of the control buttons (touch target). Default `44px`.
 * @cssproperty --vitrine-focus-color - Focus ring colour. Default `#fff`.
 * @cssproperty --vitrine-video-background - Background behind the video. Default `#000`.
 * @cssproperty --vitrine-video-fit - `object-fit` of the video: `contain` (default) or `cover`.
 * @cssproperty --vitrine-font-family - Font of the controls. Default the system UI font.
 */
export class VitrinePlayer extends LitElement {
  // A getter, not a static field: see "Static getters" in rollup.config.mjs.
  static get version(): string {
    return VERSION;
  }
  static set version(value: string) {
    ownStatic(this, 'version', value);
  }
  static override get styles(): CSSResultGroup {
    return playerStyles;
  }
  static override set styles(value: CSSResultGroup) {
    ownStatic(this, 'styles', value);
  }

  /** HLS manifest URL (`.m3u8`); http(s) only. */
  @property() src = '';
  /** Poster image URL shown before the first frame. */
  @property() poster = '';
  /** Start at once, muted, with a "tap to unmute" button. */
  @property({ type: Boolean }) autoplay = false;
  /** Playback engine: `auto` (default), `hlsjs` or `native`. */
  @property() engine: EngineName = 'auto';
  /** Accessible name of the player, e.g. the show title. */
  @property() label = '';
  /** BCP 47 locale of the controls' text. */
  @property() locale = '';
  /** Seconds behind the live edge to play at (default: three segments). */
  @property({ attribute: 'live-offset', type: Number }) liveOffset: number | undefined;
  /** Language of the subtitles to show from the start, e.g. `nl`. */
  @property() captions = '';
  /** Hide the control bar. */
  @property({ attribute: 'no-controls', type: Boolean }) noControls = false;
  /** The store bag this player writes its state to (a <vitrine-show> passes its own). */
  @property({ attribute: false }) store: PlayerStore = createPlayerStore();

  @state() private menu: Menu | null = null;
  @state() private fullscreen = false;
  @state() private pictureInPicture = false;

  readonly #video: HTMLVideoElement = document.createElement('video');
  readonly #playback: PlaybackController;
  readonly #activity: ActivityController;
  readonly #text = new MessagesController(this);
  #renderedState: PlayerState = 'idle';

  constructor() {
    super();
    const video = this.#video;
    video.setAttribute('part', 'video');
    video.setAttribute('playsinline', '');
    video.addEventListener('enterpictureinpicture', () => (this.pictureInPicture = true));
    video.addEventListener('leavepictureinpicture', () => (this.pictureInPicture = false));
    this.#playback = new PlaybackController(this, video, () => this.#settings());
    this.#activity = new ActivityController(this, () => this.#mayHideControls());
    new StoreBagController(this, () => this.store);
  }

  // Public API --------------------------------------------------------------------------------

  /** Start muted. Reflects the video's current muted state once playing. */
  @property({ type: Boolean })
  get muted(): boolean {
    return this.#video.muted;
  }
  set muted(value: boolean) {
    const old = this.#video.muted;
    this.#video.muted = value;
    this.requestUpdate('muted', old);
  }

  /** The `<video>` element, e.g. for `requestVideoFrameCallback` with `streamTimeAt()`. */
  get video(): HTMLVideoElement {
    return this.#video;
  }

  /** What the player is doing: idle, loading, playing, paused, buffering, starting-soon, reconnecting, ended, error. */
  get state(): PlayerState {
    return this.store.state.get();
  }

  get paused(): boolean {
    return this.#video.paused;
  }

  /** Media time in seconds; set it to seek. */
  get currentTime(): number {
    return this.#video.currentTime;
  }
  set currentTime(value: number) {
    this.#video.currentTime = value;
  }

  /** Seconds; Infinity for live. */
  get duration(): number {
    return this.#video.duration || 0;
  }

  /** The stream is live. */
  get live(): boolean {
    return this.store.live.get();
  }

  /** Live: playback is at the live edge (within a few seconds of `live-offset`). */
  get atLiveEdge(): boolean {
    return this.store.atLiveEdge.get();
  }

  /** The engine playing (`hlsjs` or `native`), once chosen. */
  get activeEngine(): ActiveEngine | null {
    return this.store.engine.get();
  }

  /**
   * Wall-clock time of the frame on screen, from the stream's EXT-X-PROGRAM-DATE-TIME; null
   * before playback or for streams without it. For every presented frame, follow
   * `store.streamTime`, or call `streamTimeAt(metadata.mediaTime)` in a video frame callback.
   */
  get streamTime(): Date | null {
    const ms = this.#playback.streamTimeAt(this.#video.currentTime);
    return ms === null ? null : new Date(ms);
  }

  /** Wall-clock epoch ms of the frame at `mediaTime` (seconds of media time), or null. */
  streamTimeAt(mediaTime: number): number | null {
    return this.#playback.streamTimeAt(mediaTime);
  }

  /** Renditions for the quality menu. */
  get levels(): readonly QualityLevel[] {
    return this.store.levels.get();
  }

  /** Chosen rendition; -1 is automatic. */
  get level(): number {
    return this.store.level.get();
  }
  set level(index: number) {
    this.#playback.setLevel(index);
  }

  /** Subtitle tracks from the manifest. */
  get captionTracks(): readonly CaptionTrack[] {
    return this.store.captions.get();
  }

  /** Shown subtitle track; -1 is off. */
  get caption(): number {
    return this.store.caption.get();
  }
  set caption(index: number) {
    this.#playback.setCaption(index);
  }

  /** Starts or resumes playback, loading the stream first if needed (resolves once asked). */
  async play(): Promise<void> {
    this.#playback.play();
  }

  pause(): void {
    this.#playback.pause();
  }

  /** Loads the stream again from scratch. */
  load(): void {
    this.#playback.load();
  }

  /** After an error: loads again (VOD: from the same position) and plays. */
  retry(): void {
    this.#playback.retry();
  }

  /** Live: jumps to the live edge and plays. */
  seekToLive(): void {
    this.#playback.seekToLive();
  }

  // Lifecycle ---------------------------------------------------------------------------------

  get #tag(): string {
    return this.#text.locale.tag;
  }

  /** Renders once the text of the player's language is loaded. */
  protected override scheduleUpdate(): void | Promise<void> {
    return this.#text.ready(() => this.locale, () => super.scheduleUpdate());
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('poster')) {
      const url = this.poster ? safeHttpUrl(this.poster) : null;
      if (this.poster && !url) warn(this, `attribute "poster" must be an http(s) image URL; got "${this.poster}". Showing no poster.`);
      this.#video.poster = url?.href ?? '';
    }
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('src') || changed.has('engine') || changed.has('liveOffset') || (changed.has('autoplay') && this.autoplay)) {
      this.#playback.sourceChanged();
    }
    // Playback (re)started: the controls hide after a while from now.
    if (this.state === 'playing' && this.#renderedState !== 'playing') this.#wake();
    this.#renderedState = this.state;
    if (changed.has('menu') && this.menu) {
      this.renderRoot.querySelector<HTMLElement>('.menu [aria-checked="true"]')?.focus();
    }
  }

  #settings(): PlaybackSettings {
    let src: string | null = '';
    if (this.src.trim() !== '') {
      src = safeHttpUrl(this.src)?.href ?? null;
      if (src === null) warn(this, `attribute "src" must be an http(s) URL of an HLS manifest (.m3u8); got "${this.src}".`);
    }
    let engine = this.engine;
    if (!ENGINE_NAMES.includes(engine)) {
      warn(this, `attribute "engine" must be one of ${ENGINE_NAMES.join(', ')}; got "${engine}". Using "auto".`);
      engine = 'auto';
    }
    let liveOffset = this.liveOffset;
    if (liveOffset !== undefined && liveOffset !== null && !(Number.isFinite(liveOffset) && liveOffset >= 0)) {
      warn(this, `attribute "live-offset" must be a number of seconds, 0 or more; got "${this.getAttribute('live-offset') ?? liveOffset}". Using the default.`);
      liveOffset = undefined;
    }
    return { src, engine, liveOffset: liveOffset ?? undefined, captions: this.captions.trim(), autoplay: this.autoplay };
  }

  // Interaction -------------------------------------------------------------------------------

  #base(): HTMLElement | null {
    return this.renderRoot.querySelector('.base');
  }

  /** Pointer or keyboard activity: show the controls, and fetch hls.js if play is near. */
  #wake = (): void => {
    this.#activity.wake();
    this.#playback.prefetch();
  };

  #mayHideControls(): boolean {
    // A keyboard user working the controls keeps them; a mouse click leaves no focus ring.
    const focused = (this.renderRoot as ShadowRoot).activeElement;
    const keyboardInControls = focused !== null && focused !== this.#base() && focused.matches(':focus-visible');
    return this.state === 'playing' && !this.menu && !keyboardInControls;
  }

  #togglePlay = (): void => {
    const state = this.state;
    if (state === 'playing' || state === 'buffering' || (state === 'loading' && !this.#video.paused)) this.pause();
    else void this.play();
  };

  /** A press on the video while a menu is open only closes the menu. */
  #menuOpenOnPress = false;

  #onSurfacePress = (): void => {
    this.#menuOpenOnPress = this.menu !== null;
    this.menu = null;
  };

  #onSurfaceClick = (event: MouseEvent): void => {
    if (this.#menuOpenOnPress) return;
    if ((event as PointerEvent).pointerType !== 'touch') return this.#togglePlay();
    // On touch a tap shows or hides the controls; play and pause are buttons there.
    if (this.#activity.active && this.state === 'playing') this.#activity.hide();
    else this.#wake();
  };

  #onKeydown = (event: KeyboardEvent): void => {
    this.#wake();
    if (event.defaultPrevented) return;
    const target = event.composedPath()[0];
    if (this.menu && this.#menuKey(event)) return;
    const where: KeyTarget = target instanceof HTMLInputElement ? 'slider' : target instanceof HTMLButtonElement ? 'button' : 'other';
    const command = shortcut(event, where);
    if (!command) return;
    event.preventDefault();
    this.#run(command);
  };

  #run(command: PlayerCommand): void {
    const video = this.#video;
    switch (command) {
      case 'toggle-play':
        return this.#togglePlay();
      case 'toggle-mute':
        return this.#playback.setMuted(!video.muted);
      case 'toggle-fullscreen':
        return this.#toggleFullscreen();
      case 'toggle-captions':
        return this.#playback.toggleCaptions();
      case 'seek-back':
      case 'seek-forward':
        return this.#seekBy(command === 'seek-back' ? -SEEK_STEP : SEEK_STEP);
      case 'volume-up':
        return this.#playback.setVolume(video.volume + VOLUME_STEP);
      case 'volume-down':
        return video.muted ? undefined : this.#playback.setVolume(video.volume - VOLUME_STEP);
    }
  }

  #seekBy(seconds: number): void {
    const video = this.#video;
    const { seekable } = video;
    if (seekable.length === 0) return;
    const end = this.live ? (this.#playback.engine?.liveEdge()?.position ?? seekable.end(seekable.length - 1)) : seekable.end(seekable.length - 1);
    video.currentTime = Math.min(end, Math.max(seekable.start(0), video.currentTime + seconds));
  }

  #menuKey(event: KeyboardEvent): boolean {
    const items = [...this.renderRoot.querySelectorAll<HTMLElement>('.menu [role="menuitemradio"]')];
    const index = items.indexOf((this.renderRoot as ShadowRoot).activeElement as HTMLElement);
    let next: number;
    switch (event.key) {
      case 'Escape':
        this.#closeMenu(true);
        event.preventDefault();
        return true;
      case 'ArrowDown':
        next = (index + 1) % items.length;
        break;
      case 'ArrowUp':
        next = (index - 1 + items.length) % items.length;
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = items.length - 1;
        break;
      default:
        return false;
    }
    event.preventDefault();
    items[next]?.focus();
    return true;
  }

  #openMenu(menu: Menu): void {
    this.menu = this.menu === menu ? null : menu;
  }

  #closeMenu(refocus: boolean): void {
    const menu = this.menu;
    this.menu = null;
    if (refocus && menu) {
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`[data-menu="${menu}"]`)?.focus());
    }
  }

  #onFocusOut = (event: FocusEvent): void => {
    const next = event.relatedTarget as Node | null;
    if (this.menu && !(next && this.renderRoot.querySelector('.menu')?.contains(next))) {
      // Focus left the open menu (Tab, a click elsewhere): close it.
      const trigger = this.renderRoot.querySelector(`[data-menu="${this.menu}"]`);
      if (next !== trigger) this.menu = null;
    }
  };

  #toggleFullscreen(): void {
    const root = this.renderRoot as ShadowRoot;
    const base = this.#base();
    if (root.fullscreenElement) {
      document.exitFullscreen().catch(() => undefined);
    } else if (base?.requestFullscreen && document.fullscreenEnabled) {
      base.requestFullscreen().catch(() => undefined);
    } else {
      // iOS Safari: only the video itself can go full screen.
      (this.#video as HTMLVideoElement & { webkitEnterFullscreen?: () => void }).webkitEnterFullscreen?.();
    }
  }

  #togglePictureInPicture(): void {
    const request = this.pictureInPicture ? document.exitPictureInPicture() : this.#video.requestPictureInPicture();
    request.catch(() => undefined);
  }

  #onFullscreenChange = (): void => {
    this.fullscreen = (this.renderRoot as ShadowRoot).fullscreenElement !== null;
  };

  // Rendering ---------------------------------------------------------------------------------

  #seconds(seconds: number): string {
    return new Intl.NumberFormat(this.#tag, { style: 'unit', unit: 'second', unitDisplay: 'long', maximumFractionDigits: 0 }).format(seconds);
  }

  protected override render(): TemplateResult {
    const t = this.#text.t('player');
    const state = this.state;
    const playing = state === 'playing' || state === 'buffering';
    const inactive = !this.#activity.active && state === 'playing' && !this.menu;
    const controls = !this.noControls && state !== 'idle' && state !== 'error' && state !== 'starting-soon';
    const duration = this.store.duration.get();
    const seek = !this.store.live.get() && Number.isFinite(duration) && duration > 0;
    const classes = ['base', inactive ? 'inactive' : '', controls && !inactive ? 'with-controls' : '', seek ? 'with-seek' : ''];
    const name = this.label ? t('playerTitled', { title: this.label }) : t('player');
    return html`<div
      class=${classes.join(' ')}
      part="base"
      role="region"
      aria-label=${name}
      tabindex="0"
      @keydown=${this.#onKeydown}
      @pointermove=${this.#wake}
      @pointerdown=${this.#wake}
      @focusin=${this.#wake}
      @focusout=${this.#onFocusOut}
      @fullscreenchange=${this.#onFullscreenChange}
    >
      ${this.#video}
      <div class="surface" @pointerdown=${this.#onSurfacePress} @click=${this.#onSurfaceClick}></div>
      ${this.#renderTop(t, playing)} ${this.#renderCenter(t, state)}
      ${controls ? this.#renderControls(t, playing) : nothing}
    </div>`;
  }

  #renderTop(t: Translate<PlayerText>, playing: boolean): TemplateResult | typeof nothing {
    const live = this.store.live.get() && this.state !== 'ended' && this.state !== 'error';
    const unmute = this.#playback.mutedByAutoplay && this.#video.muted && playing;
    if (!live && !unmute) return nothing;
    let badge: TemplateResult | typeof nothing = nothing;
    if (live) {
      const behind = this.store.behindLive.get();
      badge = this.store.atLiveEdge.get() || this.state === 'loading'
        ? html`<span class="live" part="live-badge">${t('live')}</span>`
        : html`<button class="live" part="live-badge" aria-label=${t('goLiveBehind', { time: this.#seconds(behind) })} @click=${() => this.seekToLive()}>
            −${formatDuration(behind, this.#tag)} · ${t('goLive')}
          </button>`;
    }
    return html`<div class="top">
      ${badge}
      ${unmute
        ? html`<button class="unmute" part="unmute-button" @click=${() => this.#playback.setMuted(false)}>${icon('muted')}${t('tapToUnmute')}</button>`
        : nothing}
    </div>`;
  }

  #renderCenter(t: Translate<PlayerText>, state: PlayerState): TemplateResult | typeof nothing {
    const status = (content: unknown, dim = true): TemplateResult =>
      html`<div class="center ${dim ? 'dim' : ''}" part="status" role="status">${content}</div>`;
    switch (state) {
      case 'idle':
      case 'paused':
        if (!this.src) return nothing;
        return html`<div class="center">
          <button class="big" part="play-button" aria-label=${this.label ? t('playTitled', { title: this.label }) : t('play')} @click=${() => this.play()}>
            ${icon('play')}
          </button>
        </div>`;
      case 'loading':
      case 'buffering':
        return status(html`<div class="spinner" role="img" aria-label=${t('loading')}></div>`, false);
      case 'reconnecting':
        return status(html`<div class="spinner"></div><p class="message">${t('reconnecting')}</p>`, false);
      case 'starting-soon':
        return status(html`<div class="pulse"></div><p class="message">${t('startingSoon')}</p><p class="hint">${t('startingSoonHint')}</p>`);
      case 'ended':
        return this.store.live.get()
          ? status(html`<p class="message">${t('ended')}</p>`)
          : html`<div class="center">
              <button class="big" part="play-button" aria-label=${t('replay')} @click=${() => this.play()}>${icon('replay')}</button>
            </div>`;
      case 'error': {
        const code = this.store.error.get()?.code;
        const message = code === 'network' ? 'errorNetwork' : code === 'unsupported' ? 'errorUnsupported' : code === 'media' ? 'errorMedia' : 'errorUnavailable';
        return status(html`<p class="message">${t(message)}</p>
          ${code === 'invalid-src' || code === 'unsupported'
            ? nothing
            : html`<button class="retry" part="retry-button" @click=${() => this.retry()}>${t('retry')}</button>`}`);
      }
      default:
        return nothing;
    }
  }

  #renderControls(t: Translate<PlayerText>, playing: boolean): TemplateResult {
    const store = this.store;
    const video = this.#video;
    const muted = video.muted || video.volume === 0;
    const live = store.live.get();
    const duration = store.duration.get();
    const time = store.currentTime.get();
    const captions = store.captions.get();
    const levels = store.levels.get();
    const canPip = document.pictureInPictureEnabled && !video.disablePictureInPicture;
    const canFullscreen = document.fullscreenEnabled || 'webkitEnterFullscreen' in video;
    const button = (label: string, content: TemplateResult, onClick: () => void, menu?: Menu, on = false): TemplateResult =>
      html`<button
        part="control"
        class=${on ? 'on' : ''}
        aria-label=${label}
        data-menu=${menu ?? nothing}
        aria-haspopup=${menu ? 'menu' : nothing}
        aria-expanded=${menu ? String(this.menu === menu) : nothing}
        @click=${onClick}
      >
        ${content}
      </button>`;
    return html`<div class="controls" part="controls">
      ${this.menu ? this.#renderMenu(t, captions, levels) : nothing}
      ${!live && Number.isFinite(duration) && duration > 0
        ? html`<input
            class="seek"
            part="seek-bar"
            type="range"
            min="0"
            max=${duration}
            step="0.1"
            aria-label=${t('seek')}
            aria-valuetext=${t('timeOf', { time: formatDuration(time, this.#tag), duration: formatDuration(duration, this.#tag) })}
            .value=${String(time)}
            @input=${(event: Event) => (video.currentTime = Number((event.target as HTMLInputElement).value))}
          />`
        : nothing}
      <div class="bar">
        ${button(playing ? t('pause') : t('play'), icon(playing ? 'pause' : 'play'), this.#togglePlay)}
        ${button(muted ? t('unmute') : t('mute'), icon(muted ? 'muted' : 'volume'), () => this.#playback.setMuted(!muted))}
        <input
          class="volume"
          part="volume"
          type="range"
          min="0"
          max="1"
          step="0.05"
          aria-label=${t('volume')}
          .value=${String(muted ? 0 : video.volume)}
          @input=${(event: Event) => this.#playback.setVolume(Number((event.target as HTMLInputElement).value))}
        />
        ${!live && duration > 0
          ? html`<span class="time">${formatDuration(time, this.#tag)}<span class="time-total"> / ${formatDuration(duration, this.#tag)}</span></span>`
          : nothing}
        <span class="spacer"></span>
        ${captions.length > 0 ? button(t('captions'), icon('captions'), () => this.#openMenu('captions'), 'captions', store.caption.get() >= 0) : nothing}
        ${levels.length > 1 ? button(t('quality'), icon('quality'), () => this.#openMenu('quality'), 'quality') : nothing}
        ${canPip ? button(this.pictureInPicture ? t('exitPip') : t('pip'), icon('pip'), () => this.#togglePictureInPicture()) : nothing}
        ${canFullscreen
          ? button(this.fullscreen ? t('exitFullscreen') : t('fullscreen'), icon(this.fullscreen ? 'exitFullscreen' : 'fullscreen'), () => this.#toggleFullscreen())
          : nothing}
      </div>
    </div>`;
  }

  #renderMenu(t: Translate<PlayerText>, captions: readonly CaptionTrack[], levels: readonly QualityLevel[]): TemplateResult {
    const store = this.store;
    const item = (label: string, checked: boolean, choose: () => void): TemplateResult =>
      html`<button
        role="menuitemradio"
        aria-checked=${String(checked)}
        tabindex="-1"
        @click=${() => {
          choose();
          this.#closeMenu(true);
        }}
      >
        ${label}
      </button>`;
    if (this.menu === 'captions') {
      const shown = store.caption.get();
      return html`<div class="menu" part="menu" role="menu" aria-label=${t('captions')}>
        ${item(t('captionsOff'), shown < 0, () => this.#playback.setCaption(-1))}
        ${captions.map((track) => item(track.label || track.language, shown === track.index, () => this.#playback.setCaption(track.index)))}
      </div>`;
    }
    const chosen = store.level.get();
    const playingLevel = levels[store.playingLevel.get()];
    const auto = chosen < 0 && playingLevel ? t('qualityAutoPlaying', { level: playingLevel.label }) : t('qualityAuto');
    return html`<div class="menu" part="menu" role="menu" aria-label=${t('quality')}>
      ${item(auto, chosen < 0, () => this.#playback.setLevel(-1))}
      ${[...levels].reverse().map((level) => item(level.label, chosen === level.index, () => this.#playback.setLevel(level.index)))}
    </div>`;
  }
}
