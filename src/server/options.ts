// Options of createLiveServer, their defaults, and the environment variables that fill them.
import type { Server as HttpServer } from 'node:http';
import type { Server as HttpsServer } from 'node:https';
import type { ChatSettings } from '../live/protocol.js';
import type { LiveFeature } from './feature.js';
import type { ShowState } from './state/types.js';
import type { Secret } from './tokens.js';

export interface LiveLogger {
  info(message: string): void;
  warn(message: string, ...details: unknown[]): void;
  error(message: string, ...details: unknown[]): void;
}

export interface ChatLimits {
  /** Longest message in characters. Default 200. */
  readonly maxLength: number;
  /** Per-viewer limit. Default 20 messages per 30 seconds. */
  readonly rateLimit: ChatSettings['rateLimit'];
  /** Slow mode when a show starts, in seconds (staff can change it). Default 0 (off). */
  readonly slowModeSeconds: number;
  /** Words (or `prefix*`) refused in messages and names; case and accents ignored. */
  readonly blockedWords: readonly string[];
  /** Messages a joining widget receives. Default 50. */
  readonly snapshotMessages: number;
  /** Open questions staff receive. Default 100. */
  readonly questionQueue: number;
  /**
   * In a big room (`batchFrom` or more widgets on a node), a message sent while the room is quiet
   * goes at once and the ones that follow go out together: one write per viewer per batch instead
   * of one per message (that write, a syscall per socket, is what fan-out costs: 11-15 µs of CPU
   * each, 60 % of it in the kernel, on the 2-core bench machine, so 60-90 ms for 5,000 viewers;
   * without batching a 5,000-viewer room at 20 messages/s needs a whole core and its latency runs
   * away). A batch starts `batchMs` after the previous fan-out started, so this is the longest a
   * message waits for its batch to start (then it waits for its place in that fan-out); a room at
   * most gets 1,000 / `batchMs` writes per viewer per second. The node always rests at least as
   * long as a fan-out took, so fan-out never takes more than half of the node: from a fan-out of
   * `batchMs / 2` (2,500-3,500 viewers on the bench machine) the window is twice the fan-out (with
   * Redis too, where this node's fan-out runs once Redis has the message).
   * Default 100 ms; 0 sends each at once.
   */
  readonly batchMs: number;
  /** Widgets on a node from which a room's messages are batched. Default 200. */
  readonly batchFrom: number;
  /**
   * Shortens the window of a cheap room: `true` waits as long as the last fan-out took (the next
   * batch starts twice its length after it started), so a room of a few hundred widgets hardly
   * waits; a costly room (a fan-out of `batchMs / 2` or more, about 3,000 viewers on the bench
   * machine) is paced as by default. `false` (default): always `batchMs`. One node only: with Redis (`redisUrl`) the
   * local fan-out happens after Redis answers, so it cannot be timed and the window stays
   * `batchMs` (an early build timed ~0 ms there, sent 17 batches/s instead of 10 and tipped the
   * two-node bench over).
   */
  readonly batchAdaptive: boolean;
}

export interface OfferLimits {
  /** How long a claim token is honoured, in seconds: the time from claim to cart add. Default 120. */
  readonly claimSeconds: number;
  /**
   * Claims are taken this long after an offer ends or is stopped, in seconds, so viewers behind
   * live (who see it end later) can still buy until their playback reaches the end. Default 30.
   */
  readonly lateGraceSeconds: number;
  /** `offer:stock` goes out at most this often per offer and node. Default 500 ms. */
  readonly stockIntervalMs: number;
}

export interface LiveServerOptions {
  /** Attach to this HTTP(S) server (it keeps serving its own routes) instead of listening. */
  readonly server?: HttpServer | HttpsServer;
  /** Standalone only: port to listen on (`PORT`, default 3030; 0 picks a free one). */
  readonly port?: number;
  /** Standalone only: interface to listen on. Default all. */
  readonly host?: string;
  /** socket.io path. Default `/socket.io`. */
  readonly path?: string;
  /** Secret that signs role tokens (`VITRINE_SECRET`); without one only anonymous viewers join. */
  readonly secret?: Secret;
  /** Page origins allowed to connect (`VITRINE_ORIGINS`, comma-separated), or `*` for any. */
  readonly origins?: '*' | readonly string[];
  /** Redis URL (`REDIS_URL`): share broadcasts and show state with other nodes. */
  readonly redisUrl?: string;
  /** Key prefix in Redis. Default `vitrine`. */
  readonly redisPrefix?: string;
  /** A show state store of your own (overrides `redisUrl` for state, not for broadcasts). */
  readonly state?: ShowState;
  readonly chat?: Partial<ChatLimits>;
  readonly offers?: Partial<OfferLimits>;
  /**
   * The server's clock (epoch ms) for snapshot times and the server times of pins and offers.
   * Default `Date.now`. Pins and offers are stamped with the stream's program date time, so a
   * server clock that is off does not move them (tests shift it to prove it).
   */
  readonly clock?: () => number;
  /** Per-connection event budget against floods: a burst, refilled per second. Staff get 10x. */
  readonly events?: { readonly burst?: number; readonly perSecond?: number };
  /** How long a dropped connection can come back and receive what it missed. Default 120 s. */
  readonly recoverySeconds?: number;
  /** How often viewer counts are summed and sent. Default 2,000 ms. */
  readonly viewerIntervalMs?: number;
  /** How often reactions are aggregated and sent. Default 1,000 ms. */
  readonly reactionIntervalMs?: number;
  /** How often figures are summed and sent to staff (and beacons written to the state). Default 1,000 ms. */
  readonly figuresIntervalMs?: number;
  /** Per-connection budget of `track` beacon events: a burst, refilled per second. Default 200 and 20. */
  readonly track?: { readonly burst?: number; readonly perSecond?: number };
  /**
   * Decides whether a show id exists. Without it every valid id is a show, so any client can
   * open one (the server warns at start); `maxShows` caps them.
   */
  readonly allowShow?: (show: string) => boolean | Promise<boolean>;
  /** Most shows with connections on this node at once; a connection to one more is refused (`unavailable`). Default 1,000. */
  readonly maxShows?: number;
  /**
   * Limits per client IP address, shared by all its connections: `connections` at once (default
   * 100; more are refused with `rate_limited`) and an event budget (default 10x `events`).
   * Loopback addresses are exempt. Staff are exempt from the event budget.
   */
  readonly perIp?: { readonly connections?: number; readonly burst?: number; readonly perSecond?: number };
  /** Behind a reverse proxy: take the client address from the first `X-Forwarded-For` entry. Default false. */
  readonly trustProxy?: boolean;
  /** Extra features (pins, offers, figures) sharing the connection, rooms and state. */
  readonly features?: readonly LiveFeature[];
  /** Where the server logs; `false` for silence. Default the console. */
  readonly logger?: LiveLogger | false;
  /** Read `PORT`, `VITRINE_SECRET`, `VITRINE_ORIGINS`, `REDIS_URL` for unset options. Default true. */
  readonly env?: boolean | Readonly<Record<string, string | undefined>>;
}

export const DEFAULT_CHAT: ChatLimits = {
  maxLength: 200,
  rateLimit: { messages: 20, perSeconds: 30 },
  slowModeSeconds: 0,
  blockedWords: [],
  snapshotMessages: 50,
  questionQueue: 100,
  batchMs: 100,
  batchFrom: 200,
  batchAdaptive: false,
};

export interface ResolvedOptions {
  readonly port: number;
  readonly host: string | undefined;
  readonly path: string;
  readonly secret: Secret | undefined;
  readonly origins: '*' | readonly string[];
  readonly redisUrl: string | undefined;
  readonly redisPrefix: string;
  readonly chat: ChatLimits;
  readonly offers: OfferLimits;
  readonly now: () => number;
  readonly events: { readonly burst: number; readonly perSecond: number };
  readonly maxShows: number;
  readonly perIp: { readonly connections: number; readonly burst: number; readonly perSecond: number };
  readonly trustProxy: boolean;
  readonly recoverySeconds: number;
  readonly viewerIntervalMs: number;
  readonly reactionIntervalMs: number;
  readonly figuresIntervalMs: number;
  readonly track: { readonly burst: number; readonly perSecond: number };
  readonly logger: LiveLogger;
}

const silent: LiveLogger = { info() {}, warn() {}, error() {} };
const consoleLogger: LiveLogger = {
  info: (message) => console.info(`[vitrine-live] ${message}`),
  warn: (message, ...details) => console.warn(`[vitrine-live] ${message}`, ...details),
  error: (message, ...details) => console.error(`[vitrine-live] ${message}`, ...details),
};

/** `"a, b"` -> `['a', 'b']`; `"*"` -> `'*'`. */
export function parseOrigins(value: string): '*' | string[] {
  const list = value.split(',').map((origin) => origin.trim().replace(/\/+$/, '')).filter(Boolean);
  return list.includes('*') ? '*' : list;
}

/** `"20/30"` (messages per seconds) -> `{ messages: 20, perSeconds: 30 }`. */
export function parseRateLimit(value: string): ChatSettings['rateLimit'] | undefined {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value);
  return match ? { messages: Number(match[1]), perSeconds: Number(match[2]) } : undefined;
}

export function resolveOptions(options: LiveServerOptions): ResolvedOptions {
  const env = options.env === false ? {} : options.env === true || options.env === undefined ? process.env : options.env;
  const envRate = env['VITRINE_RATE_LIMIT'] ? parseRateLimit(env['VITRINE_RATE_LIMIT']) : undefined;
  const envWords = env['VITRINE_BLOCKED_WORDS']?.split(',').map((w) => w.trim()).filter(Boolean);
  const envMax = env['VITRINE_MAX_LENGTH'] ? Number(env['VITRINE_MAX_LENGTH']) : undefined;
  const chat: ChatLimits = {
    ...DEFAULT_CHAT,
    ...(envRate ? { rateLimit: envRate } : {}),
    ...(envWords ? { blockedWords: envWords } : {}),
    ...(envMax && Number.isInteger(envMax) && envMax > 0 ? { maxLength: envMax } : {}),
    ...options.chat,
  };
  const secret = options.secret ?? (env['VITRINE_SECRET'] || undefined);
  return {
    port: options.port ?? Number(env['PORT'] ?? 3030),
    host: options.host,
    path: (options.path ?? '/socket.io').replace(/\/+$/, ''),
    secret,
    origins: options.origins ?? (env['VITRINE_ORIGINS'] ? parseOrigins(env['VITRINE_ORIGINS']) : '*'),
    redisUrl: options.redisUrl ?? (env['REDIS_URL'] || undefined),
    redisPrefix: options.redisPrefix ?? 'vitrine',
    chat,
    offers: { claimSeconds: 120, lateGraceSeconds: 30, stockIntervalMs: 500, ...options.offers },
    now: options.clock ?? Date.now,
    events: { burst: options.events?.burst ?? 30, perSecond: options.events?.perSecond ?? 5 },
    maxShows: options.maxShows ?? 1000,
    perIp: {
      connections: options.perIp?.connections ?? 100,
      burst: options.perIp?.burst ?? (options.events?.burst ?? 30) * 10,
      perSecond: options.perIp?.perSecond ?? (options.events?.perSecond ?? 5) * 10,
    },
    trustProxy: options.trustProxy ?? false,
    recoverySeconds: options.recoverySeconds ?? 120,
    viewerIntervalMs: options.viewerIntervalMs ?? 2000,
    reactionIntervalMs: options.reactionIntervalMs ?? 1000,
    figuresIntervalMs: options.figuresIntervalMs ?? 1000,
    track: { burst: options.track?.burst ?? 200, perSecond: options.track?.perSecond ?? 20 },
    logger: options.logger === false ? silent : (options.logger ?? consoleLogger),
  };
}

/** `12h`, `30m`, `45s`, `2d` or plain seconds -> seconds. */
export function parseDuration(value: string): number | undefined {
  const match = /^(\d+)\s*([smhd]?)$/.exec(value.trim());
  if (!match) return undefined;
  const unit = { '': 1, s: 1, m: 60, h: 3600, d: 86_400 }[match[2] as '' | 's' | 'm' | 'h' | 'd'];
  return Number(match[1]) * unit;
}
