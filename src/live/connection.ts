// One widget's connection to the live server. It owns a socket.io-client socket (imported on
// demand, so pages without chat never download it) and writes everything it learns into a
// LiveStore. Messages are sent at least once (ack, timeout, retries with the same client id)
// and shown exactly once (deduplicated by id, and by client id for your own).
import type { Socket } from 'socket.io-client';
import { safeHttpUrl } from '../internal/url.js';
import { warn } from '../internal/warn.js';
import { createLiveStore, type ChatEntry, type LiveStore } from '../stores/live.js';
import { viewerIdentity, randomKey, type ViewerIdentity } from './identity.js';
import { EVENT_SHAPES, isChatMessage, isSnapshot } from './shapes.js';
import {
  PROTOCOL_VERSION,
  RETRYABLE_ERRORS,
  compareMessageIds,
  type Ack,
  type AckData,
  type Author,
  type ChatMessage,
  type ChatSettings,
  type ClientEventName,
  type ClientPayload,
  type ClientToServerEvents,
  type LiveAuth,
  type LiveErrorCode,
  type LiveFailure,
  type LiveRefusal,
  type ServerEventName,
  type ServerToClientEvents,
  type ShowSnapshot,
  type TrackEvent,
} from './protocol.js';

type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
type Listener = (...args: never[]) => void;

export interface LiveConnectionOptions {
  /** Live server URL (http or https; relative URLs resolve against the page). */
  readonly server: string;
  /** Show id. */
  readonly show: string;
  /** Merchant-signed token (signed-in shoppers, hosts, moderators). */
  readonly token?: string | null;
  /** The anonymous viewer's key and name; default kept in localStorage. */
  readonly identity?: ViewerIdentity;
  /** Stores to write into (a <vitrine-show> passes its own bag); default new ones. */
  readonly store?: LiveStore;
  /** Messages kept. Default 200. */
  readonly maxMessages?: number;
  /** How long to wait for an acknowledgement before retrying. Default 5,000 ms. */
  readonly ackTimeoutMs?: number;
  /** Attempts per message before it shows as failed. Default 4. */
  readonly attempts?: number;
  /** Who warnings are about (the element that owns the connection). */
  readonly owner?: object;
}

/** The chat list is published to the store at most this often. */
const PUBLISH_EVERY_MS = 100;

const failure = (error: LiveErrorCode, message: string): LiveFailure => ({ ok: false, error, message });
const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** A bounded set: remembers the last `size` values. */
class RecentSet {
  readonly #values = new Set<string>();
  constructor(readonly size: number) {}
  has(value: string): boolean {
    return this.#values.has(value);
  }
  add(value: string): void {
    this.#values.delete(value);
    this.#values.add(value);
    if (this.#values.size > this.size) this.#values.delete(this.#values.values().next().value!);
  }
}

export class LiveConnection {
  readonly store: LiveStore;
  readonly show: string;
  readonly #options: LiveConnectionOptions;
  readonly #identity: ViewerIdentity;
  readonly #maxMessages: number;
  #token: string | null;
  #socket: LiveSocket | undefined;
  #starting: Promise<void> | undefined;
  #closed = false;
  #joinedOnce = false;
  #joining = false;

  // The chat as kept here; published to the store in batches.
  #entries: ChatEntry[] = [];
  readonly #seen = new RecentSet(2000);
  readonly #deleted = new RecentSet(1000);
  #flushScheduled = false;
  #lastFlush = 0;

  // Who waits for the connection to be joined.
  #waiters: ((joined: boolean) => void)[] = [];
  // Listeners added with `on()`, attached to every socket.
  readonly #listeners = new Map<string, Set<Listener>>();
  readonly #reactionListeners = new Set<(count: number) => void>();
  #taps = 0;
  #tapTimer: ReturnType<typeof setTimeout> | undefined;
  #unechoed = 0;
  #lastReport = 0;
  readonly #timers = new Set<ReturnType<typeof setTimeout>>();
  /** Token and name of the last handshake, and what the server's session was given since. */
  #offered: { token: string | null; name: string } = { token: null, name: '' };
  #session: { token: string | null; name: string } = { token: null, name: '' };
  readonly #onOnline = (): void => this.#online();
  readonly #onOffline = (): void => this.#offline();

  constructor(options: LiveConnectionOptions) {
    this.#options = options;
    this.show = options.show;
    this.store = options.store ?? createLiveStore();
    this.#identity = options.identity ?? viewerIdentity();
    this.#token = options.token || null;
    this.#maxMessages = options.maxMessages ?? 200;
  }

  /** Opens the connection (loads socket.io-client on first use). Safe to call again, also after close(). */
  connect(): Promise<void> {
    this.#closed = false;
    if (this.#socket) {
      this.#watchNetwork();
      if (!this.#socket.connected && !this.#socket.active) {
        if (this.store.status.get() !== 'refused') this.store.status.set(this.#joinedOnce ? 'reconnecting' : 'connecting');
        this.#socket.connect();
      }
      return Promise.resolve();
    }
    this.#starting ??= this.#start();
    return this.#starting;
  }

  /** Closes the connection for good; pending messages stop retrying. */
  close(): void {
    this.#closed = true;
    this.#socket?.disconnect();
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
    clearTimeout(this.#tapTimer);
    this.#release(false);
    globalThis.removeEventListener?.('online', this.#onOnline);
    globalThis.removeEventListener?.('offline', this.#onOffline);
    if (this.store.status.get() !== 'refused') this.store.status.set('offline');
  }

  /** The display name an anonymous viewer chose (empty until chosen, or when the server refused it). */
  get name(): string {
    const you = this.store.you.get();
    // Once joined, the server's word counts; offline, the saved name goes out on reconnect.
    return you && this.store.status.get() === 'connected' ? you.name : this.#identity.name;
  }

  /** Whether the user must choose a display name before writing. */
  get needsName(): boolean {
    return !this.#token && !this.name;
  }

  /** Replaces the token (a refreshed one, or a sign-in); used for every later reconnect too. */
  async setToken(token: string | null): Promise<Ack<Author>> {
    const had = this.#token;
    this.#token = token || null;
    if (!this.#token) {
      // Signed out: the server's session (and any it would recover) still holds the old token, so
      // start a fresh one as an anonymous viewer.
      if (had && this.#socket) this.#restart();
      return failure('unauthorized', 'no token');
    }
    if (!this.#socket?.connected) return failure('unavailable', 'not connected; the token is used on the next connection');
    const sent = this.#token;
    const ack = await this.request('auth:token', { token: sent });
    if (ack.ok) {
      this.#session = { ...this.#session, token: sent };
      this.store.you.set(ack.data);
    }
    return ack;
  }

  /** Chooses the anonymous display name (kept in this browser for next time). */
  async setName(name: string): Promise<Ack<Author>> {
    const trimmed = name.trim();
    if (!this.#socket?.connected) {
      // Kept for the next connection, where the server checks it (a refused name is dropped).
      this.#identity.saveName(trimmed);
      return failure('unavailable', 'not connected; the name is used on the next connection');
    }
    const ack = await this.request('profile:name', { name: trimmed });
    if (ack.ok) {
      this.#session = { ...this.#session, name: ack.data.name };
      this.#identity.saveName(ack.data.name);
      this.store.you.set(ack.data);
    }
    return ack;
  }

  /** Sends a message; it shows at once as pending, then sent or failed. */
  send(text: string, options: { question?: boolean } = {}): ChatEntry | null {
    const trimmed = text.trim();
    if (!trimmed) return null;
    const clientId = randomKey(12);
    const entry: ChatEntry = {
      key: `c:${clientId}`,
      id: null,
      clientId,
      // Until the first join, the author is provisional; the snapshot fills in the id.
      author: this.store.you.get() ?? { id: '', name: this.name, role: 'viewer' },
      text: trimmed,
      sentAt: Date.now() + this.store.clockOffset.get(),
      question: options.question ?? false,
      status: 'pending',
      mine: true,
    };
    this.#entries.push(entry);
    this.#publish();
    void this.#deliver(clientId);
    return entry;
  }

  /** Sends a failed message again, with the same client id (never shown twice). */
  retry(clientId: string): void {
    const entry = this.#entries.find((e) => e.mine && e.clientId === clientId);
    if (!entry || entry.status !== 'failed') return;
    this.#replace(entry, { ...entry, status: 'pending', error: undefined, retryAfter: undefined });
    void this.#deliver(clientId);
  }

  /** Removes one of your failed messages from the list. */
  discard(clientId: string): void {
    const before = this.#entries.length;
    this.#entries = this.#entries.filter((e) => !(e.mine && e.clientId === clientId && e.status === 'failed'));
    if (this.#entries.length !== before) this.#publish();
  }

  /** One tap on a reaction button; taps are reported in batches. */
  react(): void {
    this.#taps += 1;
    this.#tapTimer ??= setTimeout(() => this.#reportTaps(), 400);
  }

  /** Sends analytics beacons now; false (nothing sent) while not connected. */
  track(events: readonly TrackEvent[]): boolean {
    if (!this.#socket?.connected || this.store.status.get() !== 'connected') return false;
    this.#socket.emit('track', { events });
    return true;
  }

  /** Called with the number of other viewers' taps in each reactions burst. */
  onReactions(listener: (count: number) => void): () => void {
    this.#reactionListeners.add(listener);
    return () => this.#reactionListeners.delete(listener);
  }

  markQuestion(id: string): Promise<Ack<null>> {
    return this.request('chat:question', { id });
  }

  // Staff actions (hosts and moderators); the server checks the token on each.
  deleteMessage(id: string): Promise<Ack<null>> {
    return this.request('chat:delete', { id });
  }
  timeout(userId: string, seconds: number): Promise<Ack<null>> {
    return this.request('user:timeout', { userId, seconds });
  }
  ban(userId: string): Promise<Ack<null>> {
    return this.request('user:ban', { userId });
  }
  unban(userId: string): Promise<Ack<null>> {
    return this.request('user:unban', { userId });
  }
  dismissQuestion(id: string): Promise<Ack<null>> {
    return this.request('question:dismiss', { id });
  }
  /** Pins a message over every viewer's chat (answering a question); null unpins. */
  pinMessage(id: string | null): Promise<Ack<null>> {
    return this.request('chat:pin', { id });
  }
  setSlowMode(seconds: number): Promise<Ack<ChatSettings>> {
    return this.request('chat:settings', { slowModeSeconds: seconds });
  }

  /**
   * Sends a request and resolves with its ack. Waits for the connection, and retries on a
   * missing ack (so use it for requests that are safe to repeat). Never rejects.
   */
  async request<E extends ClientEventName>(
    event: E,
    payload: ClientPayload<E>,
    { timeoutMs = this.#options.ackTimeoutMs ?? 5000, attempts = 3 } = {},
  ): Promise<Ack<AckData<E>>> {
    for (let attempt = 0; attempt < attempts; attempt++) {
      if (!(await this.#whenJoined(event === 'profile:name' || event === 'auth:token'))) {
        return failure(this.store.status.get() === 'refused' ? (this.store.error.get() as LiveErrorCode) ?? 'forbidden' : 'unavailable', 'not connected');
      }
      const timed = this.#socket!.timeout(timeoutMs) as unknown as { emitWithAck(event: string, ...args: unknown[]): Promise<unknown> };
      try {
        const ack = await timed.emitWithAck(event, ...(payload === undefined ? [] : [payload]));
        if (!ack || typeof ack !== 'object') return failure('server_error', 'malformed answer');
        return ack as Ack<AckData<E>>;
      } catch {
        // No ack in time: try again.
      }
    }
    return failure('timeout', `no answer to ${event}`);
  }

  /** Listens to a server event on this connection (for features: pins, offers). */
  on<E extends ServerEventName>(event: E, listener: ServerToClientEvents[E]): () => void {
    let set = this.#listeners.get(event);
    if (!set) this.#listeners.set(event, (set = new Set()));
    // A listener that throws must not throw into the page through socket.io: it is warned about.
    const guarded = this.#guarded(event, listener as (...args: unknown[]) => void) as Listener;
    set.add(guarded);
    (this.#socket as unknown as { on(e: string, l: Listener): void } | undefined)?.on(event, guarded);
    return () => {
      set.delete(guarded);
      (this.#socket as unknown as { off(e: string, l: Listener): void } | undefined)?.off(event, guarded);
    };
  }

  /** `run`, never throwing: what it throws becomes one warning naming the event. */
  #guarded(event: string, run: (...args: unknown[]) => void): (...args: unknown[]) => void {
    return (...args) => {
      try {
        run(...args);
      } catch (error) {
        warn(this.#options.owner ?? this, `handling the live server's "${event}" event failed; the event was skipped.`, error);
      }
    };
  }

  async #start(): Promise<void> {
    const url = safeHttpUrl(this.#options.server, globalThis.document?.baseURI ?? 'http://localhost/');
    if (!url) {
      warn(this.#options.owner ?? this, `live server must be an http(s) URL; got "${this.#options.server}". Chat is off.`);
      this.#refuse('bad_url');
      return;
    }
    this.store.status.set('connecting');
    let io: typeof import('socket.io-client').io;
    try {
      io = await loadSocketIo();
    } catch (error) {
      warn(this.#options.owner ?? this, 'could not load the chat code; it retries when you reconnect.', error);
      this.#starting = undefined;
      this.store.error.set('load_failed');
      this.store.status.set('offline');
      return;
    }
    if (this.#closed) {
      // Closed while the code loaded: the next connect() starts again (not this finished start).
      this.#starting = undefined;
      return;
    }
    const socket = io(url.origin, {
      path: `${url.pathname.replace(/\/+$/, '')}/socket.io`,
      // WebSocket first: no sticky sessions needed on several nodes; long-polling as a fallback.
      transports: ['websocket', 'polling'],
      tryAllTransports: true,
      auth: (callback) => callback(this.#auth()),
      reconnectionDelay: 1000,
      reconnectionDelayMax: 5000,
      randomizationFactor: 0.5,
    }) as LiveSocket;
    this.#socket = socket;
    this.#listen(socket);
    this.#watchNetwork();
  }

  /** Follows the browser's online/offline events (close() lets go of them; adding twice is a no-op). */
  #watchNetwork(): void {
    globalThis.addEventListener?.('online', this.#onOnline);
    globalThis.addEventListener?.('offline', this.#onOffline);
  }

  /** Drops the socket (and the server session it could recover) and connects anew. */
  #restart(): void {
    const old = this.#socket!;
    this.#socket = undefined;
    this.#starting = undefined;
    old.removeAllListeners();
    old.disconnect();
    this.#release(false);
    if (!this.#closed) void this.connect();
  }

  #auth(): LiveAuth {
    this.#offered = { token: this.#token, name: this.#token ? '' : this.#identity.name };
    if (this.#token) return { v: PROTOCOL_VERSION, show: this.show, token: this.#token };
    return { v: PROTOCOL_VERSION, show: this.show, viewer: this.#identity.key, name: this.#identity.name };
  }

  /**
   * A recovered session is the server's old one (the handshake is skipped): hand it a token or
   * name set while the line was down.
   */
  #resync(): void {
    if (this.#token && this.#token !== this.#session.token) void this.setToken(this.#token);
    else if (!this.#token && this.#identity.name && this.#identity.name !== this.#session.name) {
      void this.setName(this.#identity.name).then((ack) => {
        // Refused (e.g. a blocked word): forget it, so the viewer is asked again.
        if (!ack.ok && !RETRYABLE_ERRORS.includes(ack.error) && ack.error !== 'unavailable') this.#identity.saveName(this.#session.name);
      });
    }
  }

  #listen(socket: LiveSocket): void {
    socket.on('connect', () => {
      this.store.error.set(null);
      if (socket.recovered && this.#joinedOnce) {
        this.#joined();
        this.#resync();
      } else {
        this.#session = this.#offered;
        void this.#join();
      }
    });
    socket.on('disconnect', (reason) => {
      this.#release(false);
      if (this.#closed) return;
      this.store.status.set(this.#browserOffline() ? 'offline' : 'reconnecting');
      // The server let go of us on purpose (flood guard, shutdown): come back after a pause.
      if (reason === 'io server disconnect') this.#later(() => socket.connect(), 2000 + Math.random() * 3000);
    });
    socket.on('connect_error', (error: Error & { data?: Partial<LiveRefusal> }) => {
      if (!socket.active) {
        this.#refuse((error.data?.code as LiveErrorCode | undefined) ?? 'unauthorized');
        warn(this.#options.owner ?? this, `the live server refused the connection: ${error.data?.message ?? error.message}`);
        return;
      }
      if (this.#browserOffline()) this.store.status.set('offline');
      else this.store.status.set(this.#joinedOnce ? 'reconnecting' : 'connecting');
    });
    // Server events are checked at the edge: a payload of another shape is dropped with a warning.
    const take = <E extends keyof typeof EVENT_SHAPES>(event: E, run: (payload: Parameters<ServerToClientEvents[E]>[0]) => void): void => {
      const [valid, expected] = EVENT_SHAPES[event]!;
      (socket as unknown as { on(e: string, l: (payload: unknown) => void): void }).on(
        event,
        this.#guarded(event, (payload: unknown) => {
          if (valid(payload)) run(payload as Parameters<ServerToClientEvents[E]>[0]);
          else warn(this.#options.owner ?? this, `the live server sent a "${event}" event that is not ${expected}; it was ignored.`, payload);
        }),
      );
    };
    take('chat:message', (message) => this.#receive(message));
    take('chat:messages', ({ messages }) => {
      const valid = (messages as readonly unknown[]).filter(isChatMessage);
      if (valid.length < messages.length) {
        warn(this.#options.owner ?? this, `the live server sent a "chat:messages" event that is not { messages: [message, …] }: messages without { id, clientId, text, sentAt, author } were ignored, the others shown.`, messages);
      }
      for (const message of valid) this.#receive(message);
    });
    take('chat:deleted', ({ ids }) => this.#remove(ids));
    take('chat:question', ({ id }) => this.#update(id, { question: true }));
    take('user:restricted', ({ userId, until }) => {
      if (userId === this.store.you.get()?.id) this.store.restriction.set(until === 0 ? null : { until });
    });
    take('viewers', ({ count }) => this.store.viewers.set(count));
    take('chat:settings', (settings) => this.store.settings.set(settings));
    take('questions', ({ questions }) => this.store.questions.set(questions));
    take('chat:pinned', ({ message }) => this.store.pinnedMessage.set(message));
    take('reactions', ({ counts }) => this.#reactions(counts.heart));
    for (const [event, listeners] of this.#listeners) {
      for (const listener of listeners) (socket as unknown as { on(e: string, l: Listener): void }).on(event, listener);
    }
  }

  async #join(): Promise<void> {
    const socket = this.#socket;
    if (!socket || this.#joining) return;
    this.#joining = true;
    try {
      for (let attempt = 0; socket.connected && !this.#closed; attempt++) {
        let ack: Ack<ShowSnapshot> | undefined;
        try {
          ack = (await socket.timeout(10_000).emitWithAck('join')) as Ack<ShowSnapshot>;
        } catch {
          ack = undefined; // no answer in time
        }
        if (ack?.ok && !isSnapshot(ack.data)) {
          warn(this.#options.owner ?? this, 'the live server answered "join" with a snapshot that is not { now, you, messages, viewers, settings, restriction }; joining again.', ack.data);
          ack = undefined;
        }
        if (ack?.ok) {
          this.#applySnapshot(ack.data);
          this.#joinedOnce = true;
          this.#joined();
          return;
        }
        if (ack && !RETRYABLE_ERRORS.includes(ack.error)) {
          this.#refuse(ack.error);
          return;
        }
        await delay(Math.min(1000 * 2 ** attempt, 10_000));
      }
    } finally {
      this.#joining = false;
    }
  }

  #joined(): void {
    this.store.status.set('connected');
    this.#release(true);
  }

  #refuse(code: LiveErrorCode | 'bad_url'): void {
    this.store.error.set(code);
    this.store.status.set('refused');
    this.#release(false);
  }

  #browserOffline(): boolean {
    return globalThis.navigator?.onLine === false;
  }

  #online(): void {
    if (this.#closed || !this.#socket || this.#socket.connected) return;
    this.store.status.set('reconnecting');
    // Try now instead of waiting out the backoff.
    this.#socket.disconnect().connect();
  }

  #offline(): void {
    if (!this.#closed && this.store.status.get() !== 'refused') this.store.status.set('offline');
  }

  /** Resolves true once joined; false when closed or refused. */
  #whenJoined(beforeJoin = false): Promise<boolean> {
    const status = this.store.status.get();
    if (status === 'connected' || (beforeJoin && this.#socket?.connected)) return Promise.resolve(true);
    if (this.#closed || status === 'refused' || status === 'idle') return Promise.resolve(false);
    return new Promise((resolve) => this.#waiters.push(resolve));
  }

  #release(joined: boolean): void {
    if (!joined && !this.#closed && this.store.status.get() !== 'refused') return; // still coming back
    const waiters = this.#waiters;
    this.#waiters = [];
    for (const waiter of waiters) waiter(joined);
  }

  #later(callback: () => void, ms: number): void {
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      if (!this.#closed) callback();
    }, ms);
    this.#timers.add(timer);
  }

  // --- sending ---

  async #deliver(clientId: string): Promise<void> {
    const ackTimeoutMs = this.#options.ackTimeoutMs ?? 5000;
    const maxAttempts = this.#options.attempts ?? 4;
    let timeouts = 0;
    for (let attempt = 0; ; attempt++) {
      const entry = this.#entries.find((e) => e.mine && e.clientId === clientId);
      if (!entry || entry.status !== 'pending') return; // already sent (seen in the room) or discarded
      if (!(await this.#whenJoined())) {
        if (this.#closed) return;
        this.#fail(clientId, (this.store.error.get() as LiveErrorCode | null) ?? 'unavailable');
        return;
      }
      const socket = this.#socket!;
      let ack: Ack<ChatMessage> | undefined;
      try {
        ack = (await socket
          .timeout(ackTimeoutMs)
          .emitWithAck('chat:send', { clientId, text: entry.text, ...(entry.question ? { question: true } : {}) })) as Ack<ChatMessage>;
      } catch {
        // No ack: lost on the way, or the connection dropped. A drop does not use up an attempt.
        if (socket.connected) timeouts += 1;
      }
      if (ack?.ok) {
        this.#sent(ack.data);
        return;
      }
      if (ack && !RETRYABLE_ERRORS.includes(ack.error)) {
        this.#fail(clientId, ack.error, ack.retryAfter);
        return;
      }
      if (ack) timeouts += 1;
      if (timeouts >= maxAttempts) {
        this.#fail(clientId, ack?.error ?? 'timeout');
        return;
      }
      await delay(Math.min(500 * 2 ** attempt, 8000));
    }
  }

  #sent(message: ChatMessage): void {
    if (this.#deleted.has(message.id)) {
      this.#entries = this.#entries.filter((e) => !(e.mine && e.clientId === message.clientId));
      this.#publish();
      return;
    }
    this.#receive(message);
    const you = this.store.you.get();
    if (you && message.author.id === you.id && you.name !== message.author.name) this.store.you.set(message.author);
  }

  #fail(clientId: string, error: LiveErrorCode, retryAfter?: number): void {
    const entry = this.#entries.find((e) => e.mine && e.clientId === clientId);
    if (entry && entry.status === 'pending') this.#replace(entry, { ...entry, status: 'failed', error, ...(retryAfter ? { retryAfter } : {}) });
  }

  // --- receiving ---

  #receive(message: ChatMessage): void {
    if (this.#deleted.has(message.id) || this.#seen.has(message.id)) return;
    this.#seen.add(message.id);
    // Your own message coming back (possibly before its ack, or after it timed out).
    const pending = this.#entries.find((e) => e.mine && e.id === null && e.clientId === message.clientId);
    if (pending) {
      this.#replace(pending, { ...pending, ...message, key: pending.key, status: 'sent', mine: true, error: undefined, retryAfter: undefined });
      return;
    }
    // Others' messages go before your own still on their way, which stay at the bottom.
    let index = this.#entries.length;
    while (index > 0 && this.#entries[index - 1]!.status !== 'sent') index -= 1;
    this.#entries.splice(index, 0, this.#entry(message));
    this.#publish();
  }

  #entry(message: ChatMessage): ChatEntry {
    const mine = message.author.id === this.store.you.get()?.id;
    return { ...message, key: mine ? `c:${message.clientId}` : message.id, status: 'sent', mine };
  }

  #remove(ids: readonly string[]): void {
    for (const id of ids) this.#deleted.add(id);
    const gone = new Set(ids);
    const before = this.#entries.length;
    this.#entries = this.#entries.filter((e) => e.id === null || !gone.has(e.id));
    if (this.#entries.length !== before) this.#publish();
  }

  #update(id: string, patch: Partial<ChatEntry>): void {
    const entry = this.#entries.find((e) => e.id === id);
    if (entry) this.#replace(entry, { ...entry, ...patch });
  }

  #replace(entry: ChatEntry, next: ChatEntry): void {
    const index = this.#entries.indexOf(entry);
    if (index < 0) return;
    this.#entries[index] = next;
    this.#publish();
  }

  /**
   * A snapshot after a fresh (not recovered) join. Keeps older history the snapshot does not
   * reach (a restarted server may know nothing), drops what was deleted meanwhile, and keeps
   * your messages still on their way.
   */
  #applySnapshot(snapshot: ShowSnapshot): void {
    const { store } = this;
    store.snapshot.set(snapshot);
    store.clockOffset.set(snapshot.now - Date.now());
    store.you.set(snapshot.you);
    store.viewers.set(snapshot.viewers);
    store.settings.set(snapshot.settings);
    store.restriction.set(snapshot.restriction);
    store.questions.set(snapshot.questions ?? []);
    store.pinnedMessage.set(snapshot.pinnedMessage ?? null);
    if (snapshot.you.name && !snapshot.you.id.startsWith('u_')) this.#identity.saveName(snapshot.you.name);
    // The server refused the saved name (a blocked word, too long): forget it, so the viewer is asked again.
    else if (!this.#token && !snapshot.you.name && this.#identity.name) this.#identity.saveName('');

    const oldest = snapshot.messages[0]?.id;
    const inSnapshot = new Set(snapshot.messages.map((m) => m.id));
    const older = this.#entries.filter((e) => e.status === 'sent' && e.id !== null && (oldest === undefined || compareMessageIds(e.id, oldest) < 0));
    const onTheirWay = this.#entries.filter((e) => e.status !== 'sent');
    for (const entry of this.#entries) if (entry.id !== null && !inSnapshot.has(entry.id) && !older.includes(entry)) this.#deleted.add(entry.id);
    this.#entries = [...older];
    for (const message of snapshot.messages) {
      if (this.#deleted.has(message.id)) continue;
      this.#seen.add(message.id);
      const pending = onTheirWay.find((e) => e.clientId === message.clientId);
      if (pending) {
        onTheirWay.splice(onTheirWay.indexOf(pending), 1);
        this.#entries.push({ ...pending, ...message, key: pending.key, status: 'sent', error: undefined, retryAfter: undefined });
      } else this.#entries.push(this.#entry(message));
    }
    this.#entries.push(...onTheirWay.map((e) => (e.mine ? { ...e, author: e.author.id ? e.author : snapshot.you } : e)));
    this.#publish();
  }

  #reactions(total: number): void {
    if (Date.now() - this.#lastReport > 3000) this.#unechoed = 0;
    const mine = Math.min(this.#unechoed, total);
    this.#unechoed -= mine;
    const others = total - mine;
    if (others > 0) for (const listener of this.#reactionListeners) listener(others);
  }

  #reportTaps(): void {
    this.#tapTimer = undefined;
    if (this.#taps === 0) return;
    if (!this.#socket?.connected || this.store.status.get() !== 'connected') {
      this.#taps = 0; // hearts from a moment ago are not worth sending late
      return;
    }
    const count = Math.min(this.#taps, 50);
    this.#taps -= count;
    this.#unechoed += count;
    this.#lastReport = Date.now();
    this.#socket.emit('reaction', { kind: 'heart', count });
    if (this.#taps > 0) this.#tapTimer = setTimeout(() => this.#reportTaps(), 400);
  }

  /**
   * Publishes the chat to the store in batches: at most every 100 ms, on an animation frame
   * when the page is visible. A busy show (100 messages a second) then costs a few renders a
   * second, not one per message.
   */
  #publish(): void {
    if (this.#flushScheduled) return;
    this.#flushScheduled = true;
    const flush = (): void => {
      this.#flushScheduled = false;
      this.#lastFlush = Date.now();
      this.#trim();
      this.store.messages.set(this.#entries.slice());
    };
    const wait = Math.max(0, this.#lastFlush + PUBLISH_EVERY_MS - Date.now());
    setTimeout(() => {
      const visible = globalThis.document?.visibilityState === 'visible';
      if (visible && typeof globalThis.requestAnimationFrame === 'function') globalThis.requestAnimationFrame(flush);
      else flush();
    }, wait);
  }

  #trim(): void {
    const excess = this.#entries.length - this.#maxMessages;
    if (excess <= 0) return;
    // Drop the oldest, but never your messages still on their way.
    let dropped = 0;
    this.#entries = this.#entries.filter((entry) => {
      if (dropped < excess && entry.status === 'sent') {
        dropped += 1;
        return false;
      }
      return true;
    });
  }
}

/** socket.io-client, loaded on first use; only `io` is taken, so bundles leave out the rest. */
async function loadSocketIo(): Promise<typeof import('socket.io-client').io> {
  const { io } = await import('socket.io-client');
  return io;
}
