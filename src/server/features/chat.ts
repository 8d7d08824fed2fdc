// Chat: send (validated, limited, stored once per client id, then broadcast) and questions.
import { PROTOCOL_LIMITS, isStaff, type ChatMessage } from '../../live/protocol.js';
import type { LiveContext, LiveFeature } from '../feature.js';
import { timeRoomBroadcasts } from '../fanout-timing.js';
import { Refusal } from '../refusal.js';
import { blockedWordMatcher, cleanText, textLength } from '../text.js';
import { MESSAGE_ID, optionalBoolean, payloadObject, stringField } from '../validate.js';

/** Sends the open question queue to the show's staff. */
export async function sendQuestions(context: LiveContext, show: string): Promise<void> {
  const questions = await context.state.questions(show, context.options.chat.questionQueue);
  context.io.to(context.staffRoom(show)).emit('questions', { questions });
}

/** Refuses a user who is banned or timed out (never a host: their role comes from a verified token). */
function checkRestriction(restriction: { until: number | null } | null): void {
  if (!restriction) return;
  if (restriction.until === null) throw new Refusal('banned', 'you are banned from this chat');
  throw new Refusal('timed_out', 'you are timed out', Math.ceil((restriction.until - Date.now()) / 1000));
}

/** The least rest after a fan-out, as a share of how long it took: fan-out gets at most 1 / (1 + this) of the node. */
export const BATCH_REST = 1;

/**
 * A big room's next chat batch starts this long after the previous fan-out returned (`loopMs`: how
 * long that fan-out took).
 *
 * Batches are paced from the start of the previous fan-out: a batch starts `batchMs` after the
 * previous one started, so a message waits at most `batchMs` for its batch (what the option
 * promises), not the fan-out plus `batchMs`. But the node always rests at least as long as the
 * fan-out took (`BATCH_REST`): chat fan-out takes at most half of the node, however big the room
 * or busy the machine, and the rest (reading senders, acks, joins, the other rooms, and on a
 * shared machine the other processes) keeps the other half. So the window is `batchMs` up to a
 * fan-out of `batchMs / 2` (2,500-3,500 viewers on the 2-core bench machine), then twice the
 * fan-out; before, it was the fan-out plus `batchMs` (fan-out took up to all of the node as it
 * grew). This also bounds a room to 1,000 / `batchMs` writes per viewer per second.
 * `batchAdaptive` waits as long as the fan-out took, so a cheap room hardly waits; from a fan-out
 * of `batchMs / 2` on it is the same as the default.
 */
export function nextBatchWait(loopMs: number, options: { batchMs: number; batchAdaptive: boolean }): number {
  const window = options.batchAdaptive ? Math.min(options.batchMs, 2 * loopMs) : options.batchMs;
  // A timer needs at least a millisecond.
  return Math.max(1, Math.ceil(Math.max(window - loopMs, BATCH_REST * loopMs)));
}

/**
 * Sends new messages to a show's room. In a big room (`batchFrom` widgets or more on this node, 200
 * by default) a message sent while the room is quiet goes at once; the ones that follow wait and go
 * together, so a busy show costs each viewer one write per batch rather than one per message (the
 * per-socket write is what dominates fan-out). When the next batch goes: `nextBatchWait`.
 */
function messageFanOut(context: LiveContext) {
  const shows = new Map<string, { queue: ChatMessage[]; timer: NodeJS.Timeout }>();
  const { batchMs, batchFrom } = context.options.chat;
  // With Redis the adapter sends to this node's sockets only once Redis has the message, after
  // `emit` returns: the fan-out cannot be timed here (it counts as 0 ms), so batches are paced
  // `batchMs` apart and adaptive is off (it would take ~0 ms for a cheap room and send at once).
  const timed = !context.options.redisUrl;
  const batchAdaptive = context.options.chat.batchAdaptive && timed;
  // So with Redis the rest after a fan-out is checked when the next batch is due, on the time the
  // adapter took to write to this node's sockets (on one node it is already in the wait).
  const lastFanOut = timeRoomBroadcasts(context.io.of('/').adapter, new Set(['chat:message', 'chat:messages']));
  /** How much longer the room must rest after its last fan-out (`BATCH_REST` of its length), in ms. */
  const restLeft = (show: string): number => {
    const last = lastFanOut(context.room(show));
    return last ? Math.ceil(last.end + BATCH_REST * (last.end - last.start) - performance.now()) : 0;
  };
  /** Sends to the room, then how long the next messages wait: 0 when the room is not batched. */
  const emit = (show: string, send: () => void): number => {
    const start = performance.now();
    send();
    if (batchMs <= 0) return 0;
    const local = context.io.of('/').adapter.rooms.get(context.room(show))?.size ?? 0;
    if (local < batchFrom) return 0; // Small rooms get every message at once: batching pays off where writes add up.
    return nextBatchWait(timed ? performance.now() - start : 0, { batchMs, batchAdaptive });
  };
  const flush = (show: string): void => {
    const entry = shows.get(show);
    if (!entry) return;
    const rest = restLeft(show);
    if (rest >= 1) {
      entry.timer = setTimeout(() => flush(show), rest);
      return;
    }
    if (entry.queue.length === 0) {
      shows.delete(show);
      return;
    }
    const messages = entry.queue;
    entry.queue = [];
    const wait = emit(show, () => context.io.to(context.room(show)).emit('chat:messages', { messages }));
    if (wait > 0) entry.timer = setTimeout(() => flush(show), wait);
    else shows.delete(show);
  };
  return {
    /** Takes deleted messages out of a batch that has not gone out yet. */
    drop(show: string, ids: readonly string[]): void {
      const entry = shows.get(show);
      if (entry) entry.queue = entry.queue.filter((message) => !ids.includes(message.id));
    },
    send(show: string, message: ChatMessage): void {
      const entry = shows.get(show);
      if (entry) {
        entry.queue.push(message);
        return;
      }
      const wait = emit(show, () => context.io.to(context.room(show)).emit('chat:message', message));
      if (wait > 0) shows.set(show, { queue: [], timer: setTimeout(() => flush(show), wait) });
    },
    stop(): void {
      for (const show of [...shows.keys()]) {
        const entry = shows.get(show)!;
        clearTimeout(entry.timer);
        if (entry.queue.length > 0) context.io.to(context.room(show)).emit('chat:messages', { messages: entry.queue });
      }
      shows.clear();
    },
  };
}

const fanOuts = new WeakMap<LiveContext, ReturnType<typeof messageFanOut>>();
const storedListeners = new WeakMap<LiveContext, Set<(show: string) => void>>();

/** Calls `listener` with the show id of every new message stored through this node (figures count them). */
export function onMessageStored(context: LiveContext, listener: (show: string) => void): () => void {
  let listeners = storedListeners.get(context);
  if (!listeners) storedListeners.set(context, (listeners = new Set()));
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Removes deleted messages from batches still waiting to go out (moderation calls this). */
export function dropQueuedMessages(context: LiveContext, show: string, ids: readonly string[]): void {
  fanOuts.get(context)?.drop(show, ids);
}

export function chatFeature(): LiveFeature {
  let fanOut: ReturnType<typeof messageFanOut> | undefined;
  return {
    name: 'chat',
    stop() {
      fanOut?.stop();
    },
    events(context) {
      const limits = context.options.chat;
      fanOut = messageFanOut(context);
      fanOuts.set(context, fanOut);
      const out = fanOut;
      const isBlocked = blockedWordMatcher(limits.blockedWords);
      return {
        'chat:send': {
          async handle(payload, socket) {
            const body = payloadObject(payload);
            const clientId = stringField(body, 'clientId', { max: 64, pattern: PROTOCOL_LIMITS.key });
            const raw = stringField(body, 'text', { max: 100_000 });
            const question = optionalBoolean(body, 'question');
            // Cheap cut before any real work on a huge string.
            if (raw.length > limits.maxLength * 4) throw new Refusal('too_long', `text is longer than ${limits.maxLength} characters`);
            const text = cleanText(raw);
            if (text === '') throw new Refusal('empty', 'text is empty');
            if (textLength(text) > limits.maxLength) throw new Refusal('too_long', `text is longer than ${limits.maxLength} characters`);

            const { show, user } = socket.data;
            if (!user.name) throw new Refusal('name_required', 'choose a display name first (profile:name)');
            if (socket.data.expiresAt !== null && socket.data.expiresAt <= Date.now()) throw new Refusal('token_expired', 'token has expired');

            // The reads a message needs, at once (one round trip to Redis rather than three).
            const [stored, restriction, settings] = await Promise.all([
              context.state.findByClientId(show, user.id, clientId),
              user.role === 'host' ? null : context.state.restriction(show, user.id, Date.now()),
              isStaff(user.role) ? null : context.chatSettings(show),
            ]);
            // A retry of a stored message gets the original back, whatever happened since.
            if (stored) return stored;

            checkRestriction(restriction);
            if (isBlocked(text)) throw new Refusal('blocked_words', 'text contains a blocked word');
            if (settings) {
              const admission = await context.state.admitMessage(show, user.id, {
                limit: settings.rateLimit.messages,
                windowMs: settings.rateLimit.perSeconds * 1000,
                slowMs: settings.slowModeSeconds * 1000,
              });
              if (!admission.ok) {
                const wait = Math.max(1, Math.ceil(admission.retryAfterMs / 1000));
                throw new Refusal(admission.reason, admission.reason === 'slow_mode' ? 'slow mode is on' : 'too many messages', wait);
              }
            }
            const { message, created } = await context.state.appendMessage(show, {
              clientId,
              author: user,
              text,
              sentAt: Date.now(),
              question,
            });
            if (created) {
              out.send(show, message);
              for (const listener of storedListeners.get(context) ?? []) listener(show);
              if (question) await sendQuestions(context, show);
            }
            return message;
          },
        },
        'chat:question': {
          async handle(payload, socket) {
            const id = stringField(payloadObject(payload), 'id', { max: 40, pattern: MESSAGE_ID });
            const { show, user } = socket.data;
            const message = await context.state.getMessage(show, id);
            if (!message) throw new Refusal('not_found', 'no such message');
            if (message.author.id !== user.id && !isStaff(user.role)) throw new Refusal('forbidden', 'only the author or staff can mark a question');
            // Once a question, the author cannot queue it again (after staff dismissed it); staff can.
            if (!message.question || (isStaff(user.role) && !(await context.state.questions(show, limits.questionQueue)).some((q) => q.id === id))) {
              if (!(await context.state.markQuestion(show, id))) throw new Refusal('not_found', 'no such message');
              context.io.to(context.room(show)).emit('chat:question', { id });
              await sendQuestions(context, show);
            }
            return null;
          },
        },
      };
    },
    async snapshot(socket, context) {
      const { show, user } = socket.data;
      const [messages, settings, restriction, questions] = await Promise.all([
        context.state.recentMessages(show, context.options.chat.snapshotMessages),
        context.chatSettings(show),
        user.role === 'host' ? Promise.resolve(null) : context.state.restriction(show, user.id, Date.now()),
        isStaff(user.role) ? context.state.questions(show, context.options.chat.questionQueue) : Promise.resolve(undefined),
      ]);
      return { messages: messages as ChatMessage[], settings, restriction, ...(questions ? { questions } : {}) };
    },
  };
}
