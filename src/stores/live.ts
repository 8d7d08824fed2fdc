import { atom, type WritableAtom } from 'nanostores';
import type { Author, ChatMessage, ChatSettings, LiveErrorCode, Restriction, ShowSnapshot } from '../live/protocol.js';

/**
 * Where a widget's live connection stands.
 * `idle` not started; `connecting` first attempt; `connected` joined; `reconnecting` lost and
 * retrying by itself; `offline` the browser is offline or the connection was closed;
 * `refused` the server said no (see `error`) and the widget will not retry by itself.
 */
export type LiveStatus = 'idle' | 'connecting' | 'connected' | 'reconnecting' | 'offline' | 'refused';

/** Client-side trouble beyond the protocol's codes. */
export type LiveProblem = LiveErrorCode | 'bad_url' | 'load_failed';

export type ChatEntryStatus = 'pending' | 'sent' | 'failed';

/** A message as the widget shows it: one of the show's, or one of yours on its way. */
export interface ChatEntry {
  /** Stable key for rendering: the client id for your own messages, the id for others'. */
  readonly key: string;
  /** Server id; null until the server stored it. */
  readonly id: string | null;
  readonly clientId: string;
  readonly author: Author;
  readonly text: string;
  readonly sentAt: number;
  readonly question: boolean;
  readonly status: ChatEntryStatus;
  /** Written by this widget's user. */
  readonly mine: boolean;
  /** Why a message failed. */
  readonly error?: LiveErrorCode;
  /** Seconds until a retry makes sense. */
  readonly retryAfter?: number;
}

/** Everything one widget's live connection knows, as stores; never shared between widgets. */
export interface LiveStore {
  readonly status: WritableAtom<LiveStatus>;
  /** Why the connection was refused or could not start. */
  readonly error: WritableAtom<LiveProblem | null>;
  readonly you: WritableAtom<Author | null>;
  /** The chat as shown: oldest first, at most `maxMessages`. Updated in batches. */
  readonly messages: WritableAtom<readonly ChatEntry[]>;
  readonly viewers: WritableAtom<number>;
  readonly settings: WritableAtom<ChatSettings | null>;
  /** Staff only: open questions, oldest first. */
  readonly questions: WritableAtom<readonly ChatMessage[]>;
  /** Your own ban or timeout in this show. */
  readonly restriction: WritableAtom<Restriction | null>;
  /** The message staff pinned over the chat (an answered question), if any. */
  readonly pinnedMessage: WritableAtom<ChatMessage | null>;
  /** The last snapshot as received (features read their own fields from it: pins, offers). */
  readonly snapshot: WritableAtom<ShowSnapshot | null>;
  /** Server clock minus this browser's clock, in ms (from the last snapshot). */
  readonly clockOffset: WritableAtom<number>;
}

export function createLiveStore(): LiveStore {
  return {
    status: atom<LiveStatus>('idle'),
    error: atom<LiveProblem | null>(null),
    you: atom<Author | null>(null),
    messages: atom<readonly ChatEntry[]>([]),
    viewers: atom(0),
    settings: atom<ChatSettings | null>(null),
    questions: atom<readonly ChatMessage[]>([]),
    restriction: atom<Restriction | null>(null),
    pinnedMessage: atom<ChatMessage | null>(null),
    snapshot: atom<ShowSnapshot | null>(null),
    clockOffset: atom(0),
  };
}

/** Empties a store for a new connection (another show or server). */
export function resetLiveStore(store: LiveStore): void {
  const fresh = createLiveStore();
  for (const key of Object.keys(fresh) as (keyof LiveStore)[]) (store[key] as WritableAtom<unknown>).set(fresh[key].get());
}
