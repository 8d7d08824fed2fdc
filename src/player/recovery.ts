// What the player does when playback runs into trouble. Plain logic (no DOM, no hls.js), so every
// rule is unit-tested; the engines only translate their own errors into a `Trouble`.
import type { PlayerErrorCode } from './types.js';

/** Where the trouble is, as an engine reports it. */
export type TroubleKind =
  /** The multivariant (master) playlist could not be loaded. */
  | 'manifest'
  /** A media playlist could not be loaded or refreshed. */
  | 'playlist'
  /** A media segment could not be loaded. */
  | 'segment'
  /** Loaded data could not be parsed, appended or decoded. */
  | 'media'
  /** The manifest is not an HLS playlist (a wrong URL, an HTML error page). */
  | 'invalid'
  /** Anything else (DRM, internal errors). */
  | 'other';

export interface Trouble {
  readonly kind: TroubleKind;
  /** The engine gave up on its own retries. Non-fatal trouble is left to the engine. */
  readonly fatal: boolean;
  /** HTTP status, when a request failed (0: no answer at all). */
  readonly status?: number;
  /** Developer-facing detail for the console and `vitrine-error`. */
  readonly message: string;
}

export type Decision =
  /** Non-fatal: the engine retries by itself. */
  | { readonly action: 'continue' }
  /** The stream is not published yet: show "starting soon" and poll the manifest. */
  | { readonly action: 'wait-for-stream' }
  /** Data stopped arriving: show "reconnecting" and resume loading after `delay` ms. */
  | { readonly action: 'reconnect'; readonly delay: number }
  /** Reset the media pipeline (hls.js `recoverMediaError`) and carry on. */
  | { readonly action: 'recover-media' }
  /** Stop, show the error and a retry button. */
  | { readonly action: 'give-up'; readonly code: PlayerErrorCode };

export interface BackoffOptions {
  /** First delay, ms. */
  readonly initial: number;
  readonly factor: number;
  /** Longest delay, ms. */
  readonly max: number;
  /** Random spread, as a fraction of the delay (0.2 = +/-20 %), so thousands of viewers don't retry in step. */
  readonly jitter: number;
}

/** Polling for a show that has not started: 2 s, 3 s, 4.5 s ... up to 15 s, forever. */
export const STREAM_POLL: BackoffOptions = { initial: 2000, factor: 1.5, max: 15_000, jitter: 0.2 };
/** Resuming a stream whose segments stopped arriving: 1 s, 2 s, 4 s, 8 s, 8 s ... */
export const RECONNECT: BackoffOptions = { initial: 1000, factor: 2, max: 8000, jitter: 0.2 };

/** The delay before retry number `attempt` (0-based). */
export function backoffDelay(attempt: number, options: BackoffOptions, random: () => number = Math.random): number {
  const base = Math.min(options.max, options.initial * options.factor ** Math.max(0, attempt));
  return Math.round(base * (1 + options.jitter * (2 * random() - 1)));
}

export interface RecoveryOptions {
  readonly now?: () => number;
  readonly random?: () => number;
  /** A fatal media error is recovered at most once in this many ms; a second one gives up. Default 5000. */
  readonly mediaRecoveryInterval?: number;
  /** Media recoveries in a row without data flowing in between before giving up. Default 2. */
  readonly maxMediaRecoveries?: number;
  /** Reconnect attempts without data flowing before giving up. Default 12 (about a minute and a half). */
  readonly maxReconnects?: number;
  /** How long a 404 ("starting soon") lasts before `notFound()` says so (once). Default 60 000 ms. */
  readonly lastingNotFound?: number;
}

/** Answers that say the URL is wrong or not for this viewer (not "not started yet"): no point polling. */
export const REFUSED_STATUSES: readonly number[] = [401, 403, 410];

/**
 * Decides what to do about trouble during one playback session (one `load()`). It remembers when
 * media was last recovered and how many reconnects failed in a row; `flowing()` tells it that
 * data arrives again.
 */
export class RecoveryPolicy {
  #lastMediaRecovery = Number.NEGATIVE_INFINITY;
  #mediaRecoveries = 0;
  #reconnects = 0;
  #started = false;
  #notFoundSince: number | null = null;
  #notFoundSaid = false;
  readonly #lastingNotFound: number;
  readonly #now: () => number;
  readonly #random: () => number;
  readonly #mediaInterval: number;
  readonly #maxMediaRecoveries: number;
  readonly #maxReconnects: number;

  constructor(options: RecoveryOptions = {}) {
    this.#now = options.now ?? Date.now;
    this.#random = options.random ?? Math.random;
    this.#mediaInterval = options.mediaRecoveryInterval ?? 5000;
    this.#maxMediaRecoveries = options.maxMediaRecoveries ?? 2;
    this.#maxReconnects = options.maxReconnects ?? 12;
    this.#lastingNotFound = options.lastingNotFound ?? 60_000;
  }

  /**
   * The manifest is still missing (the first 404, or a poll that found nothing). True exactly once,
   * when that has lasted `lastingNotFound` ms: time to warn that `src` may be wrong.
   */
  notFound(): boolean {
    const now = this.#now();
    this.#notFoundSince ??= now;
    if (this.#notFoundSaid || now - this.#notFoundSince < this.#lastingNotFound) return false;
    this.#notFoundSaid = true;
    return true;
  }

  /** True once media data has arrived in this session. */
  get started(): boolean {
    return this.#started;
  }

  /** Media data arrived: the stream exists, the network works and the media decodes again. */
  flowing(): void {
    this.#started = true;
    this.#notFoundSince = null;
    this.#reconnects = 0;
    this.#mediaRecoveries = 0;
  }

  decide(trouble: Trouble): Decision {
    if (!trouble.fatal) return { action: 'continue' };
    switch (trouble.kind) {
      case 'invalid':
        return { action: 'give-up', code: 'manifest-unavailable' };
      case 'manifest':
      case 'playlist':
        // Unauthorised, forbidden or gone: a wrong `src` (or one not for this page), never "not started yet".
        if (trouble.status !== undefined && REFUSED_STATUSES.includes(trouble.status)) return { action: 'give-up', code: 'manifest-unavailable' };
        // Before the first segment, a missing playlist means the show has not started (or the
        // encoder is not publishing yet); after it, the stream dropped out.
        if (!this.#started) return { action: 'wait-for-stream' };
        return this.#reconnect();
      case 'segment':
        return this.#reconnect();
      case 'media': {
        // Once per 5 s at most, and not forever when every segment is broken.
        const now = this.#now();
        if (now - this.#lastMediaRecovery < this.#mediaInterval || this.#mediaRecoveries >= this.#maxMediaRecoveries) {
          return { action: 'give-up', code: 'media' };
        }
        this.#lastMediaRecovery = now;
        this.#mediaRecoveries += 1;
        return { action: 'recover-media' };
      }
      case 'other':
        return { action: 'give-up', code: 'media' };
    }
  }

  #reconnect(): Decision {
    if (this.#reconnects >= this.#maxReconnects) return { action: 'give-up', code: 'network' };
    const delay = backoffDelay(this.#reconnects, RECONNECT, this.#random);
    this.#reconnects += 1;
    return { action: 'reconnect', delay };
  }
}
