import { LitElement, html, nothing, unsafeCSS, type PropertyValues, type CSSResultGroup, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { classMap } from 'lit/directives/class-map.js';
import { repeat } from 'lit/directives/repeat.js';
import { StoreController } from '../../controllers/store.js';
import { MessagesController } from '../../controllers/messages.js';
import { emit } from '../../internal/emit.js';
import { clipText, textLength } from '../../internal/text.js';
import { LiveConnection } from '../../live/connection.js';
import { compareMessageIds, isStaff, type LiveErrorCode } from '../../live/protocol.js';
import { createLiveStore, type ChatEntry, type LiveStatus, type LiveStore } from '../../stores/live.js';
import { VERSION } from '../../version.js';
import { hostResetCss } from '../host.styles.js';
import { chatStyles } from './chat.styles.js';
import '../../live/events.js';
import { FloatingHearts } from './hearts.js';
import { arrowDownIcon, eyeIcon, heartIcon, pinIcon, questionIcon, sendIcon } from './icons.js';
import type { ChatModeration } from './moderation.staff.js';
import { warn } from '../../internal/warn.js';
import { ownStatic } from '../../internal/statics.js';

/** Screen readers hear at most one chat summary this often. */
const ANNOUNCE_EVERY_MS = 5000;
/** Within this distance of the bottom, the list follows new messages. */
const STICKY_PX = 48;

/**
 * Live chat for a show: messages, questions, reactions and the viewer count.
 *
 * Inside `<vitrine-show>` it uses the show's connection; on its own, `live-server` and `show`
 * open one (socket.io-client is loaded on demand). Messages render in batches, at most 200 stay
 * in the page, and text from viewers is always shown as text.
 *
 * @summary Live chat with questions, reactions and moderation for a Vitrine show.
 * @tag vitrine-chat
 * @attr {string} live-server - Live server URL (http or https); relative URLs resolve against the page.
 * @attr {string} show - Show id on the live server.
 * @attr {string} token - Merchant-signed token for signed-in shoppers, hosts and moderators (hosts and moderators see moderation buttons).
 * @attr {string} locale - BCP 47 locale; default the page's `lang`, then the browser's.
 * @attr {boolean} no-reactions - Hides the heart button and floating hearts.
 * @attr {boolean} no-viewer-count - Hides the viewer count.
 * @attr {boolean} overlay - Translucent dark look for use over video (as inside `<vitrine-show>`).
 * @fires vitrine-chat-send - The shopper sent a message (`detail.text`, `detail.question`).
 * @fires vitrine-live-status - The live connection changed state (`detail.status`, `detail.error`).
 * @csspart base - The chat's box.
 * @csspart header - The row with the viewer count and connection state.
 * @csspart viewer-count - The viewer count.
 * @csspart status - Connection state text (connecting, reconnecting, offline).
 * @csspart messages - The message list.
 * @csspart message - One message (also `message host`, `message question`, `message pending`, `message failed`).
 * @csspart author - A message's author name.
 * @csspart text - A message's text.
 * @csspart new-messages - The "new messages" button shown when scrolled up.
 * @csspart composer - The form at the bottom.
 * @csspart input - The message field.
 * @csspart send-button - The send button.
 * @csspart question-button - The "ask as a question" toggle.
 * @csspart reactions-button - The heart button.
 * @csspart heart - A floating heart.
 * @csspart pinned - The message staff pinned over the chat (an answered question).
 * @csspart name-form - The display-name prompt.
 * @cssproperty --vitrine-accent - Accent colour (send button, host badge, hearts). Default `#e11d48`.
 * @cssproperty --vitrine-chat-background - Background of the chat. Default `#fff`.
 * @cssproperty --vitrine-chat-text-color - Text colour. Default `#111`.
 * @cssproperty --vitrine-chat-muted-color - Secondary text (states, counts). Default `#6b7280`.
 * @cssproperty --vitrine-chat-border-color - Lines and field borders. Default `rgb(0 0 0 / 0.12)`.
 * @cssproperty --vitrine-chat-question-color - Marks questions. Default `#d97706`.
 * @cssproperty --vitrine-chat-host-color - Marks host and moderator messages. Default the accent.
 * @cssproperty --vitrine-radius - Corner radius. Default `12px`.
 */
export class VitrineChat extends LitElement {
  // A getter, not a static field: see "Static getters" in rollup.config.mjs.
  static get version(): string {
    return VERSION;
  }
  static set version(value: string) {
    ownStatic(this, 'version', value);
  }
  static override get styles(): CSSResultGroup {
    return [unsafeCSS(hostResetCss), chatStyles];
  }
  static override set styles(value: CSSResultGroup) {
    ownStatic(this, 'styles', value);
  }

  /** Live server URL (http or https). */
  @property({ attribute: 'live-server' }) liveServer = '';
  /** Show id on the live server. */
  @property() show = '';
  /** Merchant-signed token (signed-in shopper, host, moderator). */
  @property() token = '';
  /** BCP 47 locale; default the page's `lang`, then the browser's. */
  @property() locale = '';
  /** Hides the heart button and floating hearts. */
  @property({ type: Boolean, attribute: 'no-reactions' }) noReactions = false;
  /** Hides the viewer count. */
  @property({ type: Boolean, attribute: 'no-viewer-count' }) noViewerCount = false;
  /** Translucent dark look for use over video. */
  @property({ type: Boolean, reflect: true }) overlay = false;
  /** A connection owned by someone else (a <vitrine-show> hands in its own); the chat never closes it. */
  @property({ attribute: false }) connection: LiveConnection | null = null;

  @state() private paused = false;
  @state() private askingName = false;
  @state() private question = false;
  @state() private draft = '';
  @state() private nameError: LiveErrorCode | null = null;
  @state() private announcement = '';

  @query('.messages') private list!: HTMLOListElement;
  @query('.input') private input!: HTMLInputElement | null;

  #own: LiveConnection | null = null;
  #ownKey = '';
  #teardown = false;
  readonly #hearts = new FloatingHearts();
  #unsubscribeReactions: (() => void) | undefined;
  #frozen: readonly ChatEntry[] = [];
  readonly #text = new MessagesController(this);
  #compact: Intl.NumberFormat | undefined;
  #announced = new Set<string>();
  /** Own messages refused with name_required that already opened the name form. */
  readonly #askedFor = new Set<string>();
  #pendingAnnounce: ChatEntry[] = [];
  #announceTimer: ReturnType<typeof setTimeout> | undefined;
  #lastAnnounce = 0;
  #lastStatus: LiveStatus = 'idle';
  #restrictionTimer: ReturnType<typeof setTimeout> | undefined;

  // One controller per store; re-pointed when the connection changes.
  readonly #placeholder = createLiveStore();
  readonly #status = new StoreController(this, this.#placeholder.status);
  readonly #error = new StoreController(this, this.#placeholder.error);
  readonly #you = new StoreController(this, this.#placeholder.you);
  readonly #messages = new StoreController(this, this.#placeholder.messages);
  readonly #viewers = new StoreController(this, this.#placeholder.viewers);
  readonly #settings = new StoreController(this, this.#placeholder.settings);
  readonly #questions = new StoreController(this, this.#placeholder.questions);
  readonly #restriction = new StoreController(this, this.#placeholder.restriction);
  readonly #pinnedMessage = new StoreController(this, this.#placeholder.pinnedMessage);

  /** The connection in use (handed in, or opened from `live-server` and `show`). */
  get live(): LiveConnection | null {
    return this.connection ?? this.#own;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#teardown = false;
    // Back in the page after its connection was closed: open a new one.
    if (!this.live) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // Deferred, so moving the element in the page does not drop the connection.
    this.#teardown = true;
    queueMicrotask(() => {
      if (!this.#teardown) return;
      this.#closeOwn();
      clearTimeout(this.#announceTimer);
      clearTimeout(this.#restrictionTimer);
    });
  }

  /** Renders once the text of the chat's language is loaded. */
  protected override scheduleUpdate(): void | Promise<void> {
    return this.#text.ready(() => this.locale, () => super.scheduleUpdate());
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('locale') || !this.#compact) {
      this.#compact = new Intl.NumberFormat(this.#text.locale.tag, { notation: 'compact', maximumFractionDigits: 1 });
    }
    this.#syncConnection();
    if (changed.has('token') && changed.get('token') !== undefined && this.#own) void this.#own.setToken(this.token || null);
  }

  override updated(): void {
    this.#hearts.attach(this.renderRoot.querySelector<HTMLElement>('.hearts'));
    if (!this.paused && this.list) this.list.scrollTop = this.list.scrollHeight;
    this.#trackStatus();
    this.#trackAnnouncements();
    this.#trackRestriction();
    this.#trackNameRequired();
  }

  /** A message refused for want of a name (the saved one was refused): ask for one. */
  #trackNameRequired(): void {
    const refused = this.#messages.value.find((e) => e.mine && e.status === 'failed' && e.error === 'name_required' && !this.#askedFor.has(e.key));
    if (!refused) return;
    this.#askedFor.add(refused.key);
    this.askingName = true;
  }

  /** Focuses the message field. */
  override focus(options?: FocusOptions): void {
    (this.input ?? this.renderRoot.querySelector<HTMLElement>('input, button'))?.focus(options);
  }

  #syncConnection(): void {
    if (this.connection) {
      this.#closeOwn();
      this.#bind(this.connection);
      return;
    }
    const key = `${this.liveServer}\u0000${this.show}`;
    if (this.#own && this.#ownKey === key) return;
    this.#closeOwn();
    if (!this.liveServer || !this.show) {
      this.#bind(null);
      return;
    }
    this.#ownKey = key;
    this.#own = new LiveConnection({ server: this.liveServer, show: this.show, token: this.token || null, owner: this });
    this.#bind(this.#own);
    void this.#own.connect();
  }

  #closeOwn(): void {
    this.#own?.close();
    this.#own = null;
    this.#ownKey = '';
  }

  #bound: LiveConnection | null = null;
  #bind(connection: LiveConnection | null): void {
    if (this.#bound === connection) return;
    this.#bound = connection;
    const store: LiveStore = connection?.store ?? this.#placeholder;
    this.#status.store = store.status;
    this.#error.store = store.error;
    this.#you.store = store.you;
    this.#messages.store = store.messages;
    this.#viewers.store = store.viewers;
    this.#settings.store = store.settings;
    this.#questions.store = store.questions;
    this.#restriction.store = store.restriction;
    this.#pinnedMessage.store = store.pinnedMessage;
    this.#unsubscribeReactions?.();
    this.#unsubscribeReactions = connection?.onReactions((count) => {
      if (!this.noReactions) this.#hearts.burst(count);
    });
    this.#announced = new Set(store.messages.get().map((e) => e.key));
    this.paused = false;
  }

  // --- what is shown ---

  /** The list as shown: live, or frozen while the shopper reads further up. */
  #visible(): readonly ChatEntry[] {
    const live = this.#messages.value;
    if (!this.paused) return live;
    const current = new Map(live.map((e) => [e.key, e]));
    const oldest = live.find((e) => e.id)?.id;
    return this.#frozen.flatMap((entry) => {
      const now = current.get(entry.key);
      if (now) return [now];
      // Trimmed from the store (older than what it keeps): keep showing; otherwise it was deleted.
      return entry.id && oldest && compareMessageIds(entry.id, oldest) < 0 ? [entry] : [];
    });
  }

  #newWhilePaused(): number {
    if (!this.paused) return 0;
    const frozen = new Set(this.#frozen.map((e) => e.key));
    return this.#messages.value.filter((e) => !frozen.has(e.key)).length;
  }

  /** The shopper scrolled (wheel, touch, keys, scrollbar); layout shifts are not a reason to stop. */
  #userScrolled = 0;
  #noteUserScroll = (): void => {
    this.#userScrolled = Date.now();
  };

  #onScroll(): void {
    const list = this.list;
    const atBottom = list.scrollHeight - list.scrollTop - list.clientHeight < STICKY_PX;
    if (atBottom) {
      if (this.paused) this.#jumpToLatest();
    } else if (Date.now() - this.#userScrolled < 1000) {
      if (!this.paused) {
        this.#frozen = this.#messages.value;
        this.paused = true;
      }
    } else if (!this.paused) list.scrollTop = list.scrollHeight; // a layout shift: stay at the bottom
  }

  #jumpToLatest(): void {
    this.paused = false;
    this.#frozen = [];
  }

  // --- sending ---

  #onSubmit(event: Event): void {
    event.preventDefault();
    const live = this.live;
    if (!live) return;
    const text = this.draft.trim();
    if (!text) return;
    if (live.needsName) {
      this.askingName = true;
      return;
    }
    live.send(text, { question: this.question });
    emit(this, 'vitrine-chat-send', { text, question: this.question });
    this.draft = '';
    this.question = false;
    this.#jumpToLatest();
  }

  async #onName(event: Event): Promise<void> {
    event.preventDefault();
    const field = (event.currentTarget as HTMLFormElement).querySelector('input')!;
    const name = field.value.trim();
    if (!name || !this.live) return;
    const ack = await this.live.setName(name);
    if (!ack.ok && ack.error !== 'unavailable') {
      this.nameError = ack.error;
      return;
    }
    this.nameError = null;
    this.askingName = false;
    await this.updateComplete;
    if (this.draft.trim()) this.#onSubmit(new Event('submit'));
    this.focus();
  }

  #react(): void {
    this.live?.react();
    this.#hearts.burst(1);
  }

  // --- moderation (hosts and moderators): staff-only code, loaded when the signed-in person is staff ---

  #moderation: ChatModeration | undefined;
  #loadingModeration = false;

  #loadModeration(): void {
    if (this.#moderation || this.#loadingModeration) return;
    this.#loadingModeration = true;
    import('./moderation.staff.js').then(
      ({ ChatModeration }) => {
        this.#moderation = new ChatModeration(this);
        this.requestUpdate();
      },
      (error: unknown) => {
        this.#loadingModeration = false;
        warn(this, 'could not load the moderation tools; they load again with the next update.', error);
      },
    );
  }

  // --- screen readers: a polite summary now and then, never a firehose ---

  #trackAnnouncements(): void {
    const fresh = this.#messages.value.filter((e) => !e.mine && e.status === 'sent' && !this.#announced.has(e.key));
    if (fresh.length === 0) return;
    for (const entry of fresh) this.#announced.add(entry.key);
    if (this.#announced.size > 1000) this.#announced = new Set(this.#messages.value.map((e) => e.key));
    this.#pendingAnnounce.push(...fresh);
    if (this.#announceTimer) return;
    const wait = Math.max(0, this.#lastAnnounce + ANNOUNCE_EVERY_MS - Date.now());
    this.#announceTimer = setTimeout(() => this.#announceMessages(), wait);
  }

  #announceMessages(): void {
    this.#announceTimer = undefined;
    const batch = this.#pendingAnnounce;
    this.#pendingAnnounce = [];
    if (batch.length === 0) return;
    const t = this.#text.t('chat');
    // A host's word matters most; otherwise the latest message.
    const latest = [...batch].reverse().find((e) => isStaff(e.author.role)) ?? batch.at(-1)!;
    const text = latest.text.length > 140 ? `${latest.text.slice(0, 140)}…` : latest.text;
    this.#say(batch.length === 1 ? t('announceOne', { name: latest.author.name, text }) : t('announceMany', { count: batch.length, name: latest.author.name, text }));
  }

  #say(text: string): void {
    this.#lastAnnounce = Date.now();
    this.announcement = text;
  }

  #trackStatus(): void {
    const status = this.#status.value;
    if (status === this.#lastStatus) return;
    const previous = this.#lastStatus;
    this.#lastStatus = status;
    emit(this, 'vitrine-live-status', { status, error: this.#error.value });
    if (status === 'connected' && (previous === 'reconnecting' || previous === 'offline')) this.#say(this.#text.t('chat')('back'));
  }

  #trackRestriction(): void {
    const until = this.#restriction.value?.until;
    clearTimeout(this.#restrictionTimer);
    // Re-render when a timeout ends, so the composer comes back by itself.
    if (typeof until === 'number' && until > Date.now()) this.#restrictionTimer = setTimeout(() => this.requestUpdate(), Math.min(until - Date.now() + 50, 2 ** 31 - 1));
  }

  // --- rendering ---

  override render(): TemplateResult {
    const t = this.#text.t('chat');
    const status = this.#status.value;
    const you = this.#you.value;
    const staff = isStaff(you?.role);
    if (staff) this.#loadModeration();
    const moderation = staff ? this.#moderation : undefined;
    const visible = this.#visible();
    const newCount = this.#newWhilePaused();
    return html`<section part="base" class="chat" aria-label=${t('chat')}>
      <header part="header" class="header">
        ${this.noViewerCount
          ? nothing
          : html`<span part="viewer-count" class="viewers" role="img" aria-label=${t('viewers', { count: this.#viewers.value })}
              >${eyeIcon}<span aria-hidden="true">${this.#compact!.format(this.#viewers.value)}</span></span
            >`}
        <span part="status" class="status" role="status">${this.#statusText(status)}</span>
        ${moderation ? moderation.toggle(t, this.#questions.value) : nothing}
      </header>
      ${moderation ? moderation.queue(t, this.#questions.value) : nothing} ${this.#pinned(Boolean(moderation))}
      <div class="body">
        <ol
          part="messages"
          class="messages"
          aria-label=${t('messages')}
          tabindex="0"
          @scroll=${this.#onScroll}
          @wheel=${this.#noteUserScroll}
          @touchmove=${this.#noteUserScroll}
          @keydown=${this.#noteUserScroll}
          @pointerdown=${this.#noteUserScroll}
        >
          ${visible.length === 0 && status === 'connected' ? html`<li class="empty">${t('empty')}</li>` : nothing}
          ${repeat(visible, (entry) => entry.key, (entry) => this.#message(entry, moderation))}
        </ol>
        ${newCount > 0
          ? html`<button type="button" part="new-messages" class="pill" @click=${this.#jumpToLatest}>${arrowDownIcon}${t('newMessages', { count: newCount })}</button>`
          : nothing}
        <div class="hearts" aria-hidden="true"></div>
      </div>
      <div class="visually-hidden" aria-live="polite" aria-atomic="true">${this.announcement}</div>
      ${this.#composer(status)}
    </section>`;
  }

  /** The message staff pinned (an answered question), over the list for everyone. */
  #pinned(staff: boolean): TemplateResult | typeof nothing {
    const message = this.#pinnedMessage.value;
    if (!message) return nothing;
    const t = this.#text.t('chat');
    return html`<p part="pinned" class="pinned" role="status">
      ${pinIcon}<span class="line"><span class="visually-hidden">${t('pinned')}: </span><span class="author">${message.author.name}</span> <span class="text">${message.text}</span></span>
      ${staff ? html`<button type="button" class="link" @click=${() => this.live?.pinMessage(null)}>${t('unpin')}</button>` : nothing}
    </p>`;
  }

  #statusText(status: LiveStatus): string {
    const t = this.#text.t('chat');
    if (status === 'connecting') return t('connecting');
    if (status === 'reconnecting') return t('reconnecting');
    if (status === 'offline') return t('offline');
    if (status === 'refused') return this.#error.value === 'token_expired' ? t('expired') : t('unavailable');
    return '';
  }

  #errorText(error: LiveErrorCode | undefined, retryAfter?: number): string {
    const t = this.#text.t('chat');
    const seconds = retryAfter ?? 1;
    switch (error) {
      case 'rate_limited':
      case 'slow_mode':
      case 'too_long':
      case 'empty':
      case 'blocked_words':
      case 'timed_out':
      case 'banned':
      case 'name_required':
      case 'timeout':
      case 'token_expired':
        return t(`error_${error}`, { seconds });
      default:
        return t('error_other');
    }
  }

  #message(entry: ChatEntry, moderation: ChatModeration | undefined): TemplateResult {
    const t = this.#text.t('chat');
    const role = entry.author.role;
    const parts = ['message', role !== 'viewer' ? 'host' : '', entry.question ? 'question' : '', entry.status !== 'sent' ? entry.status : ''].filter(Boolean).join(' ');
    const classes = { message: true, staff: role !== 'viewer', question: entry.question, mine: entry.mine, [entry.status]: true };
    return html`<li part=${parts} class=${classMap(classes)}>
      <span class="line">
        ${role !== 'viewer' ? html`<span class="badge role">${t(role === 'host' ? 'host' : 'moderator')}</span>` : nothing}
        ${entry.question ? html`<span class="badge question-badge">${t('question')}</span>` : nothing}
        <span part="author" class="author">${entry.author.name}</span>
        <span part="text" class="text">${entry.text}</span>
      </span>
      ${entry.status === 'pending' ? html`<span class="state">${t('sending')}</span>` : nothing}
      ${entry.status === 'failed'
        ? html`<span class="state failed-state" role="alert"
            >${t('notSent')} ${this.#errorText(entry.error, entry.retryAfter)}
            <button type="button" class="link" @click=${() => this.live?.retry(entry.clientId)}>${t('retry')}</button>
            <button type="button" class="link" @click=${() => this.live?.discard(entry.clientId)}>${t('remove')}</button></span
          >`
        : nothing}
      ${moderation && !entry.mine && entry.id ? moderation.buttons(t, entry) : nothing}
    </li>`;
  }

  #composer(status: LiveStatus): TemplateResult {
    const t = this.#text.t('chat');
    if (status === 'refused' || status === 'idle') return html``;
    if (this.askingName) {
      return html`<form part="name-form" class="composer name-form" @submit=${this.#onName}>
        <label class="name-label" for="name">${t('namePrompt')}</label>
        <div class="row">
          <input id="name" class="field" name="name" autocomplete="nickname" maxlength="32" required aria-describedby="name-error" />
          <button class="primary" type="submit">${t('nameSubmit')}</button>
          <button class="link" type="button" @click=${() => (this.askingName = false)}>${t('cancel')}</button>
        </div>
        <p id="name-error" class="hint" role="alert">${this.nameError ? this.#errorText(this.nameError) : ''}</p>
      </form>`;
    }
    const restriction = this.#restriction.value;
    if (restriction && (restriction.until === null || restriction.until > Date.now())) {
      const time = restriction.until === null ? '' : new Intl.DateTimeFormat(this.#text.locale.tag, { hour: 'numeric', minute: '2-digit' }).format(restriction.until);
      return html`<p part="composer" class="composer notice">${restriction.until === null ? t('banned') : t('timedOut', { time })}</p>`;
    }
    const settings = this.#settings.value;
    const max = settings?.maxLength ?? 200;
    const left = max - textLength(this.draft);
    return html`<form part="composer" class="composer" @submit=${this.#onSubmit}>
      ${settings && settings.slowModeSeconds > 0 ? html`<p class="hint">${t('slowMode', { seconds: settings.slowModeSeconds })}</p>` : nothing}
      <div class="row">
        <button
          type="button"
          part="question-button"
          class="icon toggle"
          aria-pressed=${String(this.question)}
          aria-label=${t('askQuestion')}
          title=${t('askQuestion')}
          @click=${() => (this.question = !this.question)}
        >
          ${questionIcon}
        </button>
        <input
          part="input"
          class="field input"
          type="text"
          enterkeyhint="send"
          autocomplete="off"
          maxlength=${max * 2}
          .value=${this.draft}
          placeholder=${t('placeholder')}
          aria-label=${t('inputLabel')}
          aria-describedby="counter"
          @input=${(event: Event) => {
            // The server counts characters (code points); the native maxlength counts UTF-16 units
            // (an emoji is two), so it only caps at twice the limit and the draft is cut here.
            const field = event.target as HTMLInputElement;
            const text = clipText(field.value, max);
            if (text !== field.value) field.value = text;
            this.draft = text;
          }}
        />
        <span class=${classMap({ counter: true, shown: left <= 20 })} aria-hidden="true">${left}</span>
        <span id="counter" class="visually-hidden" aria-live=${left <= 10 ? 'polite' : 'off'}>${left <= 20 ? t('charactersLeft', { count: left }) : ''}</span>
        <button type="submit" part="send-button" class="icon primary" aria-label=${t('send')} title=${t('send')} ?disabled=${this.draft.trim() === ''}>
          ${sendIcon}
        </button>
        ${this.noReactions
          ? nothing
          : html`<button type="button" part="reactions-button" class="icon heart-button" aria-label=${t('heart')} title=${t('heart')} @click=${this.#react}>
              ${heartIcon}
            </button>`}
      </div>
    </form>`;
  }
}
