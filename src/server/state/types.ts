import type { ChatMessage, Offer, PinEvent } from '../../live/protocol.js';

/** A message before the store assigns its id. */
export type MessageDraft = Omit<ChatMessage, 'id'>;

export interface AppendResult {
  readonly message: ChatMessage;
  /** False when (author, clientId) was stored before: a retry, answered with the original. */
  readonly created: boolean;
}

export type Admission =
  | { readonly ok: true }
  | { readonly ok: false; readonly reason: 'rate_limited' | 'slow_mode'; readonly retryAfterMs: number };

export interface AdmissionRule {
  /** At most `limit` messages per `windowMs` per user; 0 is no limit. */
  readonly limit: number;
  readonly windowMs: number;
  /** Minimum gap between two messages of a user; 0 is off. */
  readonly slowMs: number;
}

/** Per-show settings staff can change during a show. */
export interface SettingsOverrides {
  slowModeSeconds?: number;
}

/**
 * A small string map per show, for features built on the server (pinned products, offers,
 * figures): `state.hash(show, 'pins')`. Values are strings (JSON for structured ones).
 */
export interface ShowHash {
  get(field: string): Promise<string | null>;
  set(field: string, value: string): Promise<void>;
  delete(field: string): Promise<void>;
  all(): Promise<Record<string, string>>;
  /** Adds to an integer field (created at 0) and returns the new value. */
  increment(field: string, by?: number): Promise<number>;
}

/** A pin event before the store assigns its id. */
export type PinDraft = Omit<PinEvent, 'id'>;

export type PinResult = { readonly ok: true; readonly event: PinEvent } | { readonly ok: false; readonly reason: 'pin_limit' | 'not_pinned' };

/** An offer as stored: `status` is worked out from it and the clock by the offers feature. */
export type OfferRecord = Omit<Offer, 'status'>;

export interface ClaimRequest {
  /** `<offer id>.<random>`, made by the caller; a retry with the same client id gets the first one. */
  readonly claimId: string;
  readonly userId: string;
  readonly clientId: string;
  readonly quantity: number;
  /** Server time now, epoch ms (the offer closes at `closesAt`). */
  readonly now: number;
}

export type ClaimResult =
  | {
      readonly ok: true;
      readonly claimId: string;
      readonly quantity: number;
      /** False for a retry answered with the claim made before. */
      readonly created: boolean;
      readonly remaining: number;
      readonly seq: number;
    }
  | { readonly ok: false; readonly reason: 'not_found' | 'expired' | 'sold_out' | 'insufficient_stock'; readonly available: number };

export type ReleaseResult =
  | {
      readonly ok: true;
      /** False when it was given back before. */
      readonly released: boolean;
      /** The claim's units. */
      readonly quantity: number;
      readonly remaining: number;
      readonly seq: number;
    }
  | { readonly ok: false; readonly reason: 'not_found' | 'forbidden' };

/** What stopping an offer changes. */
export interface OfferStop {
  readonly stoppedAt: number | null;
  readonly endedAt: number;
  readonly closesAt: number;
}

/**
 * Everything a show remembers: the recent chat, the question queue, restrictions, settings,
 * limits and viewer counts. `memory` keeps it in this process (lost on restart); `redis` shares
 * it between nodes. Methods throw only when the backing store is unreachable.
 */
export interface ShowState {
  readonly kind: 'memory' | 'redis';
  /** Whether the store can answer now (Redis connected). */
  readonly ready: boolean;

  /** Stores a message once per (author, clientId); a repeat returns the stored one. */
  appendMessage(show: string, draft: MessageDraft): Promise<AppendResult>;
  /** The message stored for (author, clientId), if any. */
  findByClientId(show: string, authorId: string, clientId: string): Promise<ChatMessage | null>;
  /** The most recent messages, oldest first, with their current question flag. */
  recentMessages(show: string, limit: number): Promise<ChatMessage[]>;
  getMessage(show: string, id: string): Promise<ChatMessage | null>;
  /** Removes messages (and their questions); returns the ids that were stored. */
  deleteMessages(show: string, ids: readonly string[]): Promise<string[]>;
  /** Removes every recent message of a user; returns their ids. */
  deleteMessagesBy(show: string, userId: string): Promise<string[]>;

  /** Flags a stored message as a question and queues it; null when there is no such message. */
  markQuestion(show: string, id: string): Promise<ChatMessage | null>;
  /** Open questions, oldest first. */
  questions(show: string, limit: number): Promise<ChatMessage[]>;
  dismissQuestion(show: string, id: string): Promise<void>;

  /** Bans (`until` null) or times out a user until `until` (epoch ms). */
  restrict(show: string, userId: string, until: number | null): Promise<void>;
  lift(show: string, userId: string): Promise<void>;
  /** The user's current restriction, or null. */
  restriction(show: string, userId: string, now: number): Promise<{ until: number | null } | null>;

  settings(show: string): Promise<SettingsOverrides>;
  updateSettings(show: string, patch: SettingsOverrides): Promise<SettingsOverrides>;

  /** Rate limit and slow mode in one atomic step; counts the message only when admitted. */
  admitMessage(show: string, userId: string, rule: AdmissionRule): Promise<Admission>;

  /** Records this node's viewer count for a show and returns the sum over live nodes. */
  reportViewers(show: string, node: string, count: number, ttlMs: number): Promise<number>;

  hash(show: string, name: string): ShowHash;

  /**
   * Appends to the show's pin timeline, atomically with the rule: `pin` only while fewer than
   * `limit` products are pinned (pinning a pinned product again is allowed), `unpin` only for a
   * pinned product. Keeps the last `keep` events.
   */
  addPinEvent(show: string, draft: PinDraft, rule: { readonly limit: number; readonly keep: number }): Promise<PinResult>;
  /** The pin timeline, oldest first. */
  pinTimeline(show: string): Promise<PinEvent[]>;

  /** Stores a new offer with all its units (keeps the last `keep` offers of the show). */
  createOffer(show: string, offer: OfferRecord, keep: number): Promise<void>;
  getOffer(show: string, id: string): Promise<OfferRecord | null>;
  /** The show's offers, oldest first. */
  offers(show: string): Promise<OfferRecord[]>;
  /** Ends an offer early (a no-op for one that has ended); null when there is no such offer. */
  stopOffer(show: string, id: string, stop: OfferStop): Promise<OfferRecord | null>;
  /** Takes units, atomically: never more than remain, never at or after `closesAt`. */
  claimOffer(show: string, offerId: string, request: ClaimRequest): Promise<ClaimResult>;
  /** Gives a claim's units back, once; only its owner may. */
  releaseClaim(show: string, offerId: string, claimId: string, userId: string): Promise<ReleaseResult>;

  close(): Promise<void>;
}
