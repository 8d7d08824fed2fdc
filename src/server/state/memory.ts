// Show state in this process: the default for one node. A restart loses all of it (recent chat,
// questions, bans and timeouts, slow mode, rate-limit counters, viewer counts of other nodes).
import type { ChatMessage, PinEvent } from '../../live/protocol.js';
import type { Admission, AdmissionRule, AppendResult, MessageDraft, OfferRecord, SettingsOverrides, ShowHash, ShowState } from './types.js';

export interface MemoryStateOptions {
  /** Messages kept per show for snapshots and moderation. Default 500. */
  readonly keepMessages?: number;
  /**
   * How long an (author, clientId) pair answers retries (so a message retried after a long outage
   * is not stored twice). Default 1 hour, like Redis; keep it above the recovery window.
   */
  readonly clientIdTtlMs?: number;
  /** Hard cap on (author, clientId) pairs remembered per show, against floods. Default 200,000. */
  readonly keepClientIds?: number;
  /** A show with no activity (no writes, no viewers) for this long is forgotten. Default 6 hours. */
  readonly idleShowMs?: number;
  /** Open questions kept per show; the oldest go first. Default 100. */
  readonly keepQuestions?: number;
}

class ShowMemory {
  readonly messages: ChatMessage[] = [];
  /** Oldest first (a Map keeps insertion order), with when each was stored. */
  readonly byClientId = new Map<string, { message: ChatMessage; at: number }>();
  readonly questions = new Map<string, ChatMessage>();
  /** Ids of messages that were ever questions (a dismissed one stays flagged). */
  readonly asked = new Set<string>();
  readonly restrictions = new Map<string, number | null>();
  readonly sent = new Map<string, number[]>();
  readonly viewers = new Map<string, { count: number; at: number }>();
  readonly hashes = new Map<string, Map<string, string>>();
  pins: PinEvent[] = [];
  /** Pinned now, in the order they were pinned. */
  pinned: string[] = [];
  pinSeq = 0;
  readonly offers = new Map<string, OfferMemory>();
  settings: SettingsOverrides = {};
  lastMs = 0;
  seq = 0;
  touched = Date.now();

  nextId(now: number): string {
    if (now > this.lastMs) {
      this.lastMs = now;
      this.seq = 0;
    } else this.seq += 1;
    return `${this.lastMs}-${this.seq}`;
  }
}

interface OfferMemory {
  offer: OfferRecord;
  /** claim id -> owner, units, and whether it was given back. */
  readonly claims: Map<string, { userId: string; quantity: number; released: boolean }>;
  /** (user, client id) -> claim id, to answer retries. */
  readonly byClient: Map<string, string>;
}

const dedupeKey = (authorId: string, clientId: string): string => `${authorId}\u0000${clientId}`;

export function createMemoryState(options: MemoryStateOptions = {}): ShowState {
  const keepMessages = options.keepMessages ?? 500;
  const keepClientIds = options.keepClientIds ?? 200_000;
  const clientIdTtlMs = options.clientIdTtlMs ?? 3600_000;
  const idleShowMs = options.idleShowMs ?? 6 * 3600_000;
  const keepQuestions = options.keepQuestions ?? 100;
  /** Queues a question, dropping the oldest beyond the cap (a Map keeps insertion order). */
  const queue = (memory: ShowMemory, question: ChatMessage): void => {
    memory.questions.delete(question.id);
    memory.questions.set(question.id, question);
    memory.asked.add(question.id);
    while (memory.questions.size > keepQuestions) memory.questions.delete(memory.questions.keys().next().value!);
  };
  const shows = new Map<string, ShowMemory>();

  const showOf = (show: string): ShowMemory => {
    let memory = shows.get(show);
    if (!memory) shows.set(show, (memory = new ShowMemory()));
    memory.touched = Date.now();
    return memory;
  };

  // Forget idle shows and idle rate-limit entries now and then.
  const sweep = setInterval(() => {
    const now = Date.now();
    for (const [id, memory] of shows) {
      if (now - memory.touched > idleShowMs) shows.delete(id);
      else {
        for (const [user, times] of memory.sent) if (times.every((t) => now - t > 3600_000)) memory.sent.delete(user);
        for (const [user, until] of memory.restrictions) if (until !== null && until <= now) memory.restrictions.delete(user);
      }
    }
  }, 60_000);
  sweep.unref();

  const withQuestionFlag = (memory: ShowMemory, message: ChatMessage): ChatMessage =>
    message.question || !memory.asked.has(message.id) ? message : { ...message, question: true };

  const state: ShowState = {
    kind: 'memory',
    ready: true,

    async appendMessage(show, draft: MessageDraft): Promise<AppendResult> {
      const memory = showOf(show);
      const key = dedupeKey(draft.author.id, draft.clientId);
      const now = Date.now();
      // Retry ids are remembered by time, not by count: a busy show must not forget them early.
      for (const [old, entry] of memory.byClientId) {
        if (now - entry.at <= clientIdTtlMs && memory.byClientId.size < keepClientIds) break;
        memory.byClientId.delete(old);
      }
      const existing = memory.byClientId.get(key);
      if (existing) return { message: existing.message, created: false };
      const message: ChatMessage = { id: memory.nextId(now), ...draft };
      memory.messages.push(message);
      if (memory.messages.length > keepMessages) memory.messages.splice(0, memory.messages.length - keepMessages);
      memory.byClientId.set(key, { message, at: now });
      if (message.question) queue(memory, message);
      return { message, created: true };
    },

    async findByClientId(show, authorId, clientId) {
      const entry = shows.get(show)?.byClientId.get(dedupeKey(authorId, clientId));
      return entry && Date.now() - entry.at <= clientIdTtlMs ? entry.message : null;
    },

    async recentMessages(show, limit) {
      const memory = shows.get(show);
      if (!memory) return [];
      return memory.messages.slice(-limit).map((m) => withQuestionFlag(memory, m));
    },

    async getMessage(show, id) {
      const memory = shows.get(show);
      const message = memory?.messages.find((m) => m.id === id);
      return memory && message ? withQuestionFlag(memory, message) : null;
    },

    async deleteMessages(show, ids) {
      const memory = shows.get(show);
      if (!memory) return [];
      const wanted = new Set(ids);
      const removed: string[] = [];
      for (let i = memory.messages.length - 1; i >= 0; i--) {
        const id = memory.messages[i]!.id;
        if (wanted.has(id)) {
          memory.messages.splice(i, 1);
          removed.push(id);
        }
      }
      for (const id of ids) {
        memory.questions.delete(id);
        memory.asked.delete(id);
      }
      return removed.reverse();
    },

    async deleteMessagesBy(show, userId) {
      const memory = shows.get(show);
      if (!memory) return [];
      const ids = memory.messages.filter((m) => m.author.id === userId).map((m) => m.id);
      // Their older questions go too, even when the message itself is no longer recent.
      const questions = [...memory.questions.values()].filter((q) => q.author.id === userId && !ids.includes(q.id)).map((q) => q.id);
      const removed = await state.deleteMessages(show, [...ids, ...questions]);
      return [...removed, ...questions];
    },

    async markQuestion(show, id) {
      const memory = showOf(show);
      const message = memory.messages.find((m) => m.id === id);
      if (!message) return null;
      const question = { ...message, question: true };
      queue(memory, question);
      return question;
    },

    async questions(show, limit) {
      const memory = shows.get(show);
      return memory ? [...memory.questions.values()].slice(-limit) : [];
    },

    async dismissQuestion(show, id) {
      shows.get(show)?.questions.delete(id);
    },

    async restrict(show, userId, until) {
      showOf(show).restrictions.set(userId, until);
    },

    async lift(show, userId) {
      shows.get(show)?.restrictions.delete(userId);
    },

    async restriction(show, userId, now) {
      const restrictions = shows.get(show)?.restrictions;
      if (!restrictions?.has(userId)) return null;
      const until = restrictions.get(userId)!;
      if (until !== null && until <= now) {
        restrictions.delete(userId);
        return null;
      }
      return { until };
    },

    async settings(show) {
      return { ...(shows.get(show)?.settings ?? {}) };
    },

    async updateSettings(show, patch) {
      const memory = showOf(show);
      memory.settings = { ...memory.settings, ...patch };
      return { ...memory.settings };
    },

    async admitMessage(show, userId, rule: AdmissionRule): Promise<Admission> {
      const memory = showOf(show);
      const now = Date.now();
      const times = (memory.sent.get(userId) ?? []).filter((t) => now - t < Math.max(rule.windowMs, rule.slowMs));
      const last = times.at(-1);
      if (rule.slowMs > 0 && last !== undefined && now - last < rule.slowMs) {
        memory.sent.set(userId, times);
        return { ok: false, reason: 'slow_mode', retryAfterMs: rule.slowMs - (now - last) };
      }
      const inWindow = times.filter((t) => now - t < rule.windowMs);
      if (rule.limit > 0 && inWindow.length >= rule.limit) {
        memory.sent.set(userId, times);
        return { ok: false, reason: 'rate_limited', retryAfterMs: inWindow[0]! + rule.windowMs - now };
      }
      times.push(now);
      memory.sent.set(userId, times);
      return { ok: true };
    },

    async reportViewers(show, node, count, ttlMs) {
      const memory = showOf(show);
      const now = Date.now();
      memory.viewers.set(node, { count, at: now });
      let sum = 0;
      for (const [other, entry] of memory.viewers) {
        if (now - entry.at > ttlMs) memory.viewers.delete(other);
        else sum += entry.count;
      }
      return sum;
    },

    hash(show, name): ShowHash {
      const map = (): Map<string, string> => {
        const memory = showOf(show);
        let hash = memory.hashes.get(name);
        if (!hash) memory.hashes.set(name, (hash = new Map()));
        return hash;
      };
      return {
        get: async (field) => map().get(field) ?? null,
        set: async (field, value) => void map().set(field, value),
        delete: async (field) => void map().delete(field),
        all: async () => Object.fromEntries(map()),
        increment: async (field, by = 1) => {
          const next = (Number.parseInt(map().get(field) ?? '0', 10) || 0) + by;
          map().set(field, String(next));
          return next;
        },
        max: async (field, value) => {
          const next = Math.max(Number.parseInt(map().get(field) ?? '0', 10) || 0, value);
          map().set(field, String(next));
          return next;
        },
      };
    },

    async addPinEvent(show, draft, rule) {
      const memory = showOf(show);
      const pinned = memory.pinned.includes(draft.productId);
      if (draft.action === 'pin' && !pinned && memory.pinned.length >= rule.limit) return { ok: false, reason: 'pin_limit' };
      if (draft.action === 'unpin' && !pinned) return { ok: false, reason: 'not_pinned' };
      memory.pinned = memory.pinned.filter((id) => id !== draft.productId);
      if (draft.action === 'pin') memory.pinned.push(draft.productId);
      const event: PinEvent = { id: String(++memory.pinSeq), ...draft };
      memory.pins.push(event);
      if (memory.pins.length > rule.keep) memory.pins.splice(0, memory.pins.length - rule.keep);
      return { ok: true, event };
    },

    async pinTimeline(show) {
      return [...(shows.get(show)?.pins ?? [])];
    },

    async createOffer(show, offer, keep) {
      const memory = showOf(show);
      memory.offers.set(offer.id, { offer: { ...offer }, claims: new Map(), byClient: new Map() });
      while (memory.offers.size > keep) memory.offers.delete(memory.offers.keys().next().value!);
    },

    async getOffer(show, id) {
      const entry = shows.get(show)?.offers.get(id);
      return entry ? { ...entry.offer } : null;
    },

    async offers(show) {
      return [...(shows.get(show)?.offers.values() ?? [])].map((entry) => ({ ...entry.offer }));
    },

    async stopOffer(show, id, stop) {
      const entry = shows.get(show)?.offers.get(id);
      if (!entry) return null;
      if (entry.offer.endedAt === null) entry.offer = { ...entry.offer, ...stop, closesAt: Math.min(entry.offer.closesAt, stop.closesAt) };
      return { ...entry.offer };
    },

    async claimOffer(show, offerId, request) {
      const entry = shows.get(show)?.offers.get(offerId);
      if (!entry) return { ok: false, reason: 'not_found', available: 0 };
      const key = dedupeKey(request.userId, request.clientId);
      const earlier = entry.byClient.get(key);
      const { offer } = entry;
      if (earlier) {
        const claim = entry.claims.get(earlier)!;
        return { ok: true, claimId: earlier, quantity: claim.quantity, created: false, remaining: offer.remaining, seq: offer.seq };
      }
      if (request.now >= offer.closesAt) return { ok: false, reason: 'expired', available: 0 };
      if (offer.remaining <= 0) return { ok: false, reason: 'sold_out', available: 0 };
      if (offer.remaining < request.quantity) return { ok: false, reason: 'insufficient_stock', available: offer.remaining };
      entry.offer = { ...offer, remaining: offer.remaining - request.quantity, seq: offer.seq + 1 };
      entry.claims.set(request.claimId, { userId: request.userId, quantity: request.quantity, released: false });
      entry.byClient.set(key, request.claimId);
      return { ok: true, claimId: request.claimId, quantity: request.quantity, created: true, remaining: entry.offer.remaining, seq: entry.offer.seq };
    },

    async releaseClaim(show, offerId, claimId, userId) {
      const entry = shows.get(show)?.offers.get(offerId);
      const claim = entry?.claims.get(claimId);
      if (!entry || !claim) return { ok: false, reason: 'not_found' };
      if (claim.userId !== userId) return { ok: false, reason: 'forbidden' };
      if (claim.released) return { ok: true, released: false, quantity: claim.quantity, remaining: entry.offer.remaining, seq: entry.offer.seq };
      claim.released = true;
      entry.offer = { ...entry.offer, remaining: entry.offer.remaining + claim.quantity, seq: entry.offer.seq + 1 };
      return { ok: true, released: true, quantity: claim.quantity, remaining: entry.offer.remaining, seq: entry.offer.seq };
    },

    async close() {
      clearInterval(sweep);
      shows.clear();
    },
  };
  return state;
}
