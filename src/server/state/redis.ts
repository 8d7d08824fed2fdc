// Show state in Redis, shared by every node: any node can serve any viewer. Scripts keep each
// step atomic across nodes (store-once per client id, rate limit plus slow mode). Without Redis
// persistence (RDB/AOF), a Redis restart loses this state like a memory node restart would.
import type { RedisClientType } from 'redis';
import { compareMessageIds, type ChatMessage, type PinEvent } from '../../live/protocol.js';
import { showKeys } from './keys.js';
import type { Admission, AppendResult, MessageDraft, OfferRecord, SettingsOverrides, ShowHash, ShowState } from './types.js';

// The client `createClient({ url })` returns (RESP3, no modules or scripts).
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export type RedisClient = RedisClientType<{}, {}, {}, 3, {}>;

export interface RedisStateOptions {
  /** Key prefix; default `vitrine`. */
  readonly prefix?: string;
  /** Messages kept per show (approximately, trimmed in blocks). Default 500. */
  readonly keepMessages?: number;
  /** How long a (author, clientId) pair answers retries. Default 1 hour. */
  readonly clientIdTtlMs?: number;
  /** Keys of a show expire after this long without writes. Default 2 days. */
  readonly showTtlMs?: number;
  /** Open questions kept per show; the oldest go first. Default 100. */
  readonly keepQuestions?: number;
}

// Keeps the newest ARGV-given number of open questions (ids are "<ms>-<seq>").
const TRIM_QUESTIONS = `
local function trimQuestions(key, cap)
  local n = redis.call('HLEN', key)
  if n <= cap then return end
  local ids = redis.call('HKEYS', key)
  local function parts(id)
    local ms, seq = string.match(id, '^(%d+)-(%d+)$')
    return tonumber(ms) or 0, tonumber(seq) or 0
  end
  table.sort(ids, function(a, b)
    local am, as = parts(a)
    local bm, bs = parts(b)
    if am ~= bm then return am < bm end
    return as < bs
  end)
  for i = 1, n - cap do redis.call('HDEL', key, ids[i]) end
end`;

const APPEND = `${TRIM_QUESTIONS}
local existing = redis.call('GET', KEYS[2])
if existing then return {0, existing} end
local id = redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[2], '*', 'm', ARGV[1])
redis.call('SET', KEYS[2], id .. ' ' .. ARGV[1], 'PX', ARGV[3])
redis.call('PEXPIRE', KEYS[1], ARGV[5])
if ARGV[4] == '1' then
  redis.call('HSET', KEYS[3], id, ARGV[1])
  redis.call('PEXPIRE', KEYS[3], ARGV[5])
  trimQuestions(KEYS[3], tonumber(ARGV[6]))
end
return {1, id .. ' ' .. ARGV[1]}`;

const MARK_QUESTION = `${TRIM_QUESTIONS}
local entries = redis.call('XRANGE', KEYS[1], ARGV[1], ARGV[1])
if #entries == 0 then return false end
local fields = entries[1][2]
local json = fields[2]
redis.call('HSET', KEYS[2], ARGV[1], json)
redis.call('SADD', KEYS[3], ARGV[1])
redis.call('PEXPIRE', KEYS[2], ARGV[2])
redis.call('PEXPIRE', KEYS[3], ARGV[2])
trimQuestions(KEYS[2], tonumber(ARGV[3]))
return json`;

const DELETE = `
local removed = {}
for i, id in ipairs(ARGV) do
  if redis.call('XDEL', KEYS[1], id) == 1 then table.insert(removed, id) end
  redis.call('HDEL', KEYS[2], id)
  redis.call('SREM', KEYS[3], id)
end
return removed`;

// Slow mode first (cheap), then a sliding-window log; the attempt counts only when admitted.
const ADMIT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local limit = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local slow = tonumber(ARGV[3])
if slow > 0 then
  local ttl = redis.call('PTTL', KEYS[2])
  if ttl > 0 then return {'slow_mode', ttl} end
end
if limit > 0 then
  redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
  if redis.call('ZCARD', KEYS[1]) >= limit then
    local first = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
    return {'rate_limited', tonumber(first[2]) + window - now}
  end
  redis.call('ZADD', KEYS[1], now, now .. '-' .. redis.call('ZCARD', KEYS[1]) .. '-' .. ARGV[4])
  redis.call('PEXPIRE', KEYS[1], window)
end
if slow > 0 then redis.call('SET', KEYS[2], '1', 'PX', slow) end
return {'ok', 0}`;

const REPORT_VIEWERS = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local ttl = tonumber(ARGV[3])
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2] .. ':' .. now)
redis.call('PEXPIRE', KEYS[1], ttl * 2)
local all = redis.call('HGETALL', KEYS[1])
local sum = 0
for i = 1, #all, 2 do
  local count, at = string.match(all[i + 1], '^(%d+):(%d+)$')
  if count and now - tonumber(at) <= ttl then sum = sum + tonumber(count)
  else redis.call('HDEL', KEYS[1], all[i]) end
end
return sum`;

const MAX = `
local current = tonumber(redis.call('HGET', KEYS[1], ARGV[1]) or '0') or 0
local value = tonumber(ARGV[2])
if value > current then
  redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
  current = value
end
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return current`;
// Pins: the rule (at most `limit` pinned; unpin only what is pinned) and the append in one step.
const PIN = `
local pinned = redis.call('LPOS', KEYS[2], ARGV[2])
if ARGV[1] == 'pin' then
  if not pinned and redis.call('LLEN', KEYS[2]) >= tonumber(ARGV[4]) then return {0, 'pin_limit'} end
elseif not pinned then return {0, 'not_pinned'} end
redis.call('LREM', KEYS[2], 0, ARGV[2])
if ARGV[1] == 'pin' then redis.call('RPUSH', KEYS[2], ARGV[2]) end
local id = redis.call('INCR', KEYS[3])
redis.call('RPUSH', KEYS[1], id .. ' ' .. ARGV[3])
redis.call('LTRIM', KEYS[1], -tonumber(ARGV[5]), -1)
for i = 1, 3 do redis.call('PEXPIRE', KEYS[i], ARGV[6]) end
return {1, tostring(id)}`;

const CREATE_OFFER = `
redis.call('HSET', KEYS[2], 'json', ARGV[2], 'remaining', ARGV[3], 'seq', ARGV[4], 'closesAt', ARGV[5], 'endedAt', '', 'stoppedAt', '')
redis.call('RPUSH', KEYS[1], ARGV[1])
redis.call('LTRIM', KEYS[1], -tonumber(ARGV[6]), -1)
redis.call('PEXPIRE', KEYS[1], ARGV[7])
redis.call('PEXPIRE', KEYS[2], ARGV[7])
return 1`;

const STOP_OFFER = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
if redis.call('HGET', KEYS[1], 'endedAt') == '' then
  local closes = math.min(tonumber(redis.call('HGET', KEYS[1], 'closesAt')), tonumber(ARGV[3]))
  redis.call('HSET', KEYS[1], 'stoppedAt', ARGV[1], 'endedAt', ARGV[2], 'closesAt', string.format('%.0f', closes))
end
return 1`;

// Claims: never more units than remain, never after `closesAt` (a stop moves it closer); a retry (same user
// and client id) gets the claim it made before.
const CLAIM = `
if redis.call('EXISTS', KEYS[1]) == 0 then return {'not_found', 0} end
local dedupe = 'c:' .. ARGV[2] .. ':' .. ARGV[3]
local state = redis.call('HMGET', KEYS[1], 'remaining', 'seq', 'closesAt')
local remaining = tonumber(state[1])
local seq = tonumber(state[2])
local earlier = redis.call('HGET', KEYS[2], dedupe)
if earlier then
  local units = string.match(redis.call('HGET', KEYS[2], earlier), '^%S+ (%d+)')
  return {'ok', earlier, tonumber(units), 0, remaining, seq}
end
if tonumber(ARGV[5]) >= tonumber(state[3]) then return {'expired', 0} end
if remaining <= 0 then return {'sold_out', 0} end
local want = tonumber(ARGV[4])
if remaining < want then return {'insufficient_stock', remaining} end
remaining = redis.call('HINCRBY', KEYS[1], 'remaining', -want)
seq = redis.call('HINCRBY', KEYS[1], 'seq', 1)
redis.call('HSET', KEYS[2], ARGV[1], ARGV[2] .. ' ' .. want .. ' 0', dedupe, ARGV[1])
redis.call('PEXPIRE', KEYS[2], ARGV[6])
return {'ok', ARGV[1], want, 1, remaining, seq}`;

const RELEASE = `
local claim = redis.call('HGET', KEYS[2], ARGV[1])
if not claim then return {'not_found'} end
local user, units, released = string.match(claim, '^(%S+) (%d+) (%d)$')
if user ~= ARGV[2] then return {'forbidden'} end
if released == '1' then
  local state = redis.call('HMGET', KEYS[1], 'remaining', 'seq')
  return {'ok', 0, tonumber(units), tonumber(state[1]), tonumber(state[2])}
end
redis.call('HSET', KEYS[2], ARGV[1], user .. ' ' .. units .. ' 1')
local remaining = redis.call('HINCRBY', KEYS[1], 'remaining', tonumber(units))
local seq = redis.call('HINCRBY', KEYS[1], 'seq', 1)
return {'ok', 1, tonumber(units), remaining, seq}`;

const nullableNumber = (value: string | undefined): number | null => (value === undefined || value === '' ? null : Number(value));

function offerFrom(fields: Record<string, string>): OfferRecord | null {
  if (!fields['json']) return null;
  return {
    ...(JSON.parse(fields['json']) as Omit<OfferRecord, 'remaining' | 'seq' | 'closesAt' | 'endedAt' | 'stoppedAt'>),
    remaining: Number(fields['remaining']),
    seq: Number(fields['seq']),
    closesAt: Number(fields['closesAt']),
    endedAt: nullableNumber(fields['endedAt']),
    stoppedAt: nullableNumber(fields['stoppedAt']),
  };
}

function parseStored(stored: string): ChatMessage {
  const space = stored.indexOf(' ');
  return { ...(JSON.parse(stored.slice(space + 1)) as Omit<ChatMessage, 'id'>), id: stored.slice(0, space) };
}

function entryMessage(entry: { id: string; message: Record<string, string> }, question: boolean): ChatMessage {
  const message = { ...(JSON.parse(entry.message['m'] ?? '{}') as Omit<ChatMessage, 'id'>), id: entry.id };
  return question && !message.question ? { ...message, question: true } : message;
}

/** Show state in Redis through an already connected client (its own, not the adapter's). */
export function createRedisState(client: RedisClient, options: RedisStateOptions = {}): ShowState {
  const prefix = options.prefix ?? 'vitrine';
  const keepMessages = options.keepMessages ?? 500;
  const clientIdTtlMs = options.clientIdTtlMs ?? 3600_000;
  const showTtlMs = options.showTtlMs ?? 2 * 24 * 3600_000;
  const keepQuestions = options.keepQuestions ?? 100;
  const keys = (show: string) => showKeys(prefix, show);
  const evalScript = (script: string, keyList: string[], args: (string | number)[]) =>
    client.eval(script, { keys: keyList, arguments: args.map(String) });

  const flagged = async (show: string, ids: string[]): Promise<boolean[]> => {
    if (ids.length === 0) return [];
    const replies = (await client.smIsMember(keys(show).asked, ids)) as unknown as number[];
    return replies.map((r) => Number(r) === 1);
  };

  const state: ShowState = {
    kind: 'redis',
    get ready() {
      return client.isReady;
    },

    async appendMessage(show, draft: MessageDraft): Promise<AppendResult> {
      const k = keys(show);
      const reply = (await evalScript(APPEND, [k.chat, k.sent(draft.author.id, draft.clientId), k.questions], [
        JSON.stringify(draft),
        keepMessages,
        clientIdTtlMs,
        draft.question ? '1' : '0',
        showTtlMs,
        keepQuestions,
      ])) as [number, string];
      return { created: Number(reply[0]) === 1, message: parseStored(String(reply[1])) };
    },

    async findByClientId(show, authorId, clientId) {
      const stored = await client.get(keys(show).sent(authorId, clientId));
      return stored ? parseStored(stored) : null;
    },

    async recentMessages(show, limit) {
      const entries = (await client.xRevRange(keys(show).chat, '+', '-', { COUNT: limit })) ?? [];
      entries.reverse();
      const flags = await flagged(show, entries.map((e) => e.id));
      return entries.map((entry, i) => entryMessage(entry as { id: string; message: Record<string, string> }, flags[i] ?? false));
    },

    async getMessage(show, id) {
      const [entry] = (await client.xRange(keys(show).chat, id, id)) ?? [];
      if (!entry) return null;
      const [question] = await flagged(show, [id]);
      return entryMessage(entry as { id: string; message: Record<string, string> }, question ?? false);
    },

    async deleteMessages(show, ids) {
      if (ids.length === 0) return [];
      const k = keys(show);
      return ((await evalScript(DELETE, [k.chat, k.questions, k.asked], [...ids])) as string[]).map(String);
    },

    async deleteMessagesBy(show, userId) {
      const entries = (await client.xRange(keys(show).chat, '-', '+')) ?? [];
      const ids = entries
        .map((entry) => entryMessage(entry as { id: string; message: Record<string, string> }, false))
        .filter((message) => message.author.id === userId)
        .map((message) => message.id);
      // Their older questions go too, even when the message itself is no longer in the stream.
      const queued = (await client.hGetAll(keys(show).questions)) as Record<string, string>;
      const questions = Object.entries(queued)
        .filter(([id, json]) => !ids.includes(id) && (JSON.parse(json) as Omit<ChatMessage, 'id'>).author?.id === userId)
        .map(([id]) => id);
      const removed = await state.deleteMessages(show, [...ids, ...questions]);
      return [...removed, ...questions];
    },

    async markQuestion(show, id) {
      const k = keys(show);
      const json = (await evalScript(MARK_QUESTION, [k.chat, k.questions, k.asked], [id, showTtlMs, keepQuestions])) as string | null;
      return json ? { ...(JSON.parse(json) as Omit<ChatMessage, 'id'>), id, question: true } : null;
    },

    async questions(show, limit) {
      const all = await client.hGetAll(keys(show).questions);
      return Object.entries(all as Record<string, string>)
        .map(([id, json]) => ({ ...(JSON.parse(json) as Omit<ChatMessage, 'id'>), id, question: true }))
        .sort((a, b) => compareMessageIds(a.id, b.id))
        .slice(-limit);
    },

    async dismissQuestion(show, id) {
      await client.hDel(keys(show).questions, id);
    },

    async restrict(show, userId, until) {
      const key = keys(show).restrictions;
      await client.multi().hSet(key, userId, until === null ? 'ban' : String(until)).pExpire(key, showTtlMs).exec();
    },

    async lift(show, userId) {
      await client.hDel(keys(show).restrictions, userId);
    },

    async restriction(show, userId, now) {
      const value = await client.hGet(keys(show).restrictions, userId);
      if (value == null) return null;
      if (value === 'ban') return { until: null };
      const until = Number(value);
      if (!(until > now)) {
        await client.hDel(keys(show).restrictions, userId);
        return null;
      }
      return { until };
    },

    async settings(show) {
      const all = (await client.hGetAll(keys(show).settings)) as Record<string, string>;
      const settings: SettingsOverrides = {};
      if (all['slowModeSeconds'] !== undefined) settings.slowModeSeconds = Number(all['slowModeSeconds']);
      return settings;
    },

    async updateSettings(show, patch) {
      const key = keys(show).settings;
      const fields = Object.entries(patch).filter(([, v]) => v !== undefined).map(([f, v]) => [f, String(v)] as [string, string]);
      if (fields.length > 0) await client.multi().hSet(key, Object.fromEntries(fields)).pExpire(key, showTtlMs).exec();
      return state.settings(show);
    },

    async admitMessage(show, userId, rule): Promise<Admission> {
      const k = keys(show);
      const [verdict, wait] = (await evalScript(ADMIT, [k.rate(userId), k.slow(userId)], [
        rule.limit,
        rule.windowMs,
        rule.slowMs,
        Math.random().toString(36).slice(2, 8),
      ])) as [string, number];
      if (String(verdict) === 'ok') return { ok: true };
      return { ok: false, reason: String(verdict) as 'rate_limited' | 'slow_mode', retryAfterMs: Math.max(0, Number(wait)) };
    },

    async reportViewers(show, node, count, ttlMs) {
      return Number(await evalScript(REPORT_VIEWERS, [keys(show).viewers], [node, count, ttlMs]));
    },

    hash(show, name): ShowHash {
      const key = keys(show).hash(name);
      return {
        get: async (field) => (await client.hGet(key, field)) ?? null,
        set: async (field, value) => void (await client.multi().hSet(key, field, value).pExpire(key, showTtlMs).exec()),
        delete: async (field) => void (await client.hDel(key, field)),
        all: async () => ({ ...((await client.hGetAll(key)) as Record<string, string>) }),
        increment: async (field, by = 1) => {
          const [value] = await client.multi().hIncrBy(key, field, by).pExpire(key, showTtlMs).exec();
          return Number(value);
        },
        max: async (field, value) => Number(await evalScript(MAX, [key], [field, Math.floor(value), showTtlMs])),
      };
    },

    async addPinEvent(show, draft, rule) {
      const k = keys(show);
      const [ok, value] = (await evalScript(PIN, [k.pins, k.pinned, k.pinSeq], [draft.action, draft.productId, JSON.stringify(draft), rule.limit, rule.keep, showTtlMs])) as [number, string];
      if (Number(ok) !== 1) return { ok: false, reason: String(value) as 'pin_limit' | 'not_pinned' };
      return { ok: true, event: { id: String(value), ...draft } };
    },

    async pinTimeline(show) {
      const entries = (await client.lRange(keys(show).pins, 0, -1)) as string[];
      return entries.map((entry) => parseStored(String(entry)) as unknown as PinEvent);
    },

    async createOffer(show, offer, keep) {
      const k = keys(show);
      const { remaining, seq, closesAt, endedAt: _ended, stoppedAt: _stopped, ...fixed } = offer;
      await evalScript(CREATE_OFFER, [k.offers, k.offer(offer.id)], [offer.id, JSON.stringify(fixed), remaining, seq, closesAt, keep, showTtlMs]);
    },

    async getOffer(show, id) {
      return offerFrom((await client.hGetAll(keys(show).offer(id))) as Record<string, string>);
    },

    async offers(show) {
      const ids = (await client.lRange(keys(show).offers, 0, -1)) as string[];
      const offers = await Promise.all(ids.map((id) => state.getOffer(show, String(id))));
      return offers.filter((offer): offer is OfferRecord => offer !== null);
    },

    async stopOffer(show, id, stop) {
      const found = Number(await evalScript(STOP_OFFER, [keys(show).offer(id)], [stop.stoppedAt ?? '', stop.endedAt, stop.closesAt]));
      return found === 1 ? state.getOffer(show, id) : null;
    },

    async claimOffer(show, offerId, request) {
      const k = keys(show);
      const reply = (await evalScript(CLAIM, [k.offer(offerId), k.claims(offerId)], [
        request.claimId,
        request.userId,
        request.clientId,
        request.quantity,
        request.now,
        showTtlMs,
      ])) as unknown[];
      const verdict = String(reply[0]);
      if (verdict !== 'ok') return { ok: false, reason: verdict as 'not_found' | 'expired' | 'sold_out' | 'insufficient_stock', available: Number(reply[1]) };
      return { ok: true, claimId: String(reply[1]), quantity: Number(reply[2]), created: Number(reply[3]) === 1, remaining: Number(reply[4]), seq: Number(reply[5]) };
    },

    async releaseClaim(show, offerId, claimId, userId) {
      const k = keys(show);
      const reply = (await evalScript(RELEASE, [k.offer(offerId), k.claims(offerId)], [claimId, userId])) as unknown[];
      const verdict = String(reply[0]);
      if (verdict !== 'ok') return { ok: false, reason: verdict as 'not_found' | 'forbidden' };
      return { ok: true, released: Number(reply[1]) === 1, quantity: Number(reply[2]), remaining: Number(reply[3]), seq: Number(reply[4]) };
    },

    async close() {
      // The client belongs to the caller (createLiveServer closes its own).
    },
  };
  return state;
}
