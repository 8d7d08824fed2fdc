// Hardening of the live server against memory growth and abuse: the question queue is capped,
// a banned user's older questions go, a dismissed question cannot be queued again by its author,
// shows are capped per node (and the open default is warned about), and one address cannot open
// unlimited connections or spend unlimited events.
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatMessage } from '../../src/live/protocol.js';
import type { LiveServer } from '../../src/server/index.js';
import { createMemoryState } from '../../src/server/state/memory.js';
import { createRedisState, type RedisClient } from '../../src/server/state/redis.js';
import { RedisProcess, client, closeAll, collect, connected, joined, request, startLive, waitFor, type TestClient } from '../support/live-node.js';

const servers: LiveServer[] = [];
const sockets: TestClient[] = [];
const track = <T extends { socket: TestClient }>(value: T): T => {
  sockets.push(value.socket);
  return value;
};
async function live(options: Parameters<typeof startLive>[0] = {}): Promise<LiveServer> {
  const server = await startLive(options);
  servers.push(server);
  return server;
}
async function hostOf(server: LiveServer, show: string) {
  return track(await joined(server.url!, { show, token: await server.mintToken({ show, role: 'host', name: 'Host' }) }));
}
const send = (socket: TestClient, clientId: string, text: string, question = false) => request<ChatMessage>(socket, 'chat:send', { clientId, text, question });

afterAll(async () => {
  closeAll(...sockets);
  await Promise.all(servers.map((server) => server.close()));
});

describe('question queue', () => {
  it('keeps at most questionQueue open questions per show, the newest', async () => {
    const server = await live({ chat: { questionQueue: 3 } });
    const host = await hostOf(server, 'cap-q');
    const anna = track(await joined(server.url!, { show: 'cap-q', name: 'Anna' }));
    const queues = collect<{ questions: ChatMessage[] }>(host.socket, 'questions');
    for (let i = 1; i <= 5; i++) expect((await send(anna.socket, `cap-question-${i}`, `Q${i}?`, true)).ok).toBe(true);
    await waitFor(() => queues.at(-1)?.questions.length === 3 && queues.at(-1)!.questions[0]!.text === 'Q3?', { what: 'capped queue' });
    expect(queues.at(-1)!.questions.map((q) => q.text)).toEqual(['Q3?', 'Q4?', 'Q5?']);
    expect((await server.state.questions('cap-q', 100)).map((q) => q.text)).toEqual(['Q3?', 'Q4?', 'Q5?']);
  });

  it('a ban removes the user\'s older questions too, even when their message is no longer recent', async () => {
    const server = await live({ state: createMemoryState({ keepMessages: 3 }) });
    const host = await hostOf(server, 'ban-q');
    const anna = track(await joined(server.url!, { show: 'ban-q', name: 'Anna' }));
    const ben = track(await joined(server.url!, { show: 'ban-q', name: 'Ben' }));
    const queues = collect<{ questions: ChatMessage[] }>(host.socket, 'questions');
    expect((await send(anna.socket, 'ban-question-1', 'Is it vegan?', true)).ok).toBe(true);
    for (let i = 1; i <= 4; i++) expect((await send(ben.socket, `ben-chatter-${i}`, `hello ${i}`)).ok).toBe(true);
    expect((await server.state.recentMessages('ban-q', 10)).some((m) => m.author.id === anna.snapshot.you.id)).toBe(false);
    expect(await server.state.questions('ban-q', 10)).toHaveLength(1);
    expect(await request(host.socket, 'user:ban', { userId: anna.snapshot.you.id })).toEqual({ ok: true, data: null });
    await waitFor(() => queues.at(-1)?.questions.length === 0, { what: 'the question gone from the staff queue' });
    expect(await server.state.questions('ban-q', 10)).toEqual([]);
  });

  it('an author cannot queue a dismissed question again; staff can', async () => {
    const server = await live();
    const host = await hostOf(server, 'requeue');
    const anna = track(await joined(server.url!, { show: 'requeue', name: 'Anna' }));
    const asked = await send(anna.socket, 'requeue-question', 'Ships to Belgium?', true);
    if (!asked.ok) throw new Error(asked.error);
    expect(await request(host.socket, 'question:dismiss', { id: asked.data.id })).toEqual({ ok: true, data: null });
    expect(await server.state.questions('requeue', 10)).toEqual([]);
    expect(await request(anna.socket, 'chat:question', { id: asked.data.id })).toEqual({ ok: true, data: null });
    expect(await server.state.questions('requeue', 10)).toEqual([]);
    // A plain message the author marks later, once dismissed, stays dismissed too.
    const later = await send(anna.socket, 'requeue-plain-01', 'And to France?');
    if (!later.ok) throw new Error(later.error);
    await request(anna.socket, 'chat:question', { id: later.data.id });
    await request(host.socket, 'question:dismiss', { id: later.data.id });
    await request(anna.socket, 'chat:question', { id: later.data.id });
    expect(await server.state.questions('requeue', 10)).toEqual([]);
    expect(await request(host.socket, 'chat:question', { id: asked.data.id })).toEqual({ ok: true, data: null });
    expect((await server.state.questions('requeue', 10)).map((q) => q.id)).toEqual([asked.data.id]);
  });
});

describe('question queue in Redis', () => {
  let redis: RedisProcess;
  let redisClient: RedisClient;
  beforeAll(async () => {
    redis = await RedisProcess.start();
    redisClient = createClient({ url: redis.url }) as unknown as RedisClient;
    await redisClient.connect();
  });
  afterAll(async () => {
    await redisClient?.close();
    await redis?.stop();
  });

  it('is capped, and a user\'s questions go with deleteMessagesBy even when trimmed from the stream', async () => {
    const state = createRedisState(redisClient, { prefix: 'abuse', keepQuestions: 3 });
    const author = (id: string) => ({ id, name: id, role: 'viewer' as const });
    const first = await state.appendMessage('s', { clientId: 'c0', author: author('anna'), text: 'Q0?', sentAt: Date.now(), question: true });
    for (let i = 1; i <= 4; i++) await state.appendMessage('s', { clientId: `c${i}`, author: author('ben'), text: `Q${i}?`, sentAt: Date.now(), question: true });
    expect((await state.questions('s', 100)).map((q) => q.text)).toEqual(['Q2?', 'Q3?', 'Q4?']);
    const annas = await state.appendMessage('s', { clientId: 'c5', author: author('anna'), text: 'Q5?', sentAt: Date.now(), question: true });
    expect(first.message.id).not.toBe(annas.message.id);
    // Trim the stream so Anna's message is no longer recent.
    await redisClient.xTrim('abuse:{s}:chat', 'MAXLEN', 0);
    expect(await state.deleteMessagesBy('s', 'anna')).toEqual([annas.message.id]);
    expect((await state.questions('s', 100)).map((q) => q.text)).toEqual(['Q3?', 'Q4?']);
  });
});

describe('shows and addresses', () => {
  it('warns at start when any client can open a show, and caps the shows per node (maxShows)', async () => {
    const warnings: string[] = [];
    const server = await live({ maxShows: 2, logger: { info() {}, warn: (message) => warnings.push(message), error() {} } });
    expect(warnings.some((w) => w.includes('allowShow is not set'))).toBe(true);
    const a = track(await joined(server.url!, { show: 'shows-a' }));
    track(await joined(server.url!, { show: 'shows-b' }));
    track(await joined(server.url!, { show: 'shows-b' })); // a show that is open takes more viewers
    const refused = client(server.url!, { show: 'shows-c', reconnection: false });
    sockets.push(refused);
    await expect(connected(refused)).rejects.toMatchObject({ data: { code: 'unavailable' } });
    a.socket.disconnect();
    await waitFor(async () => {
      const retry = client(server.url!, { show: 'shows-c', reconnection: false });
      sockets.push(retry);
      return connected(retry).then(
        () => true,
        () => false,
      );
    }, { what: 'a free show slot' });
  });

  it('no warning with allowShow', async () => {
    const warnings: string[] = [];
    await live({ allowShow: () => true, logger: { info() {}, warn: (message) => warnings.push(message), error() {} } });
    expect(warnings.some((w) => w.includes('allowShow'))).toBe(false);
  });

  it('limits connections and events per address (behind a proxy, trustProxy), not per viewer', async () => {
    const server = await live({ trustProxy: true, perIp: { connections: 2, burst: 5, perSecond: 0.01 } });
    const from = (address: string) => ({ show: 'per-ip', headers: { 'x-forwarded-for': `${address}, 10.0.0.1` }, reconnection: false });
    const one = track(await joined(server.url!, { ...from('203.0.113.7'), name: 'One' }));
    const two = track(await joined(server.url!, { ...from('203.0.113.7'), name: 'Two' }));
    const third = client(server.url!, from('203.0.113.7'));
    sockets.push(third);
    await expect(connected(third)).rejects.toMatchObject({ data: { code: 'rate_limited' } });
    const other = track(await joined(server.url!, { ...from('198.51.100.9'), name: 'Other' }));
    // One budget of 5 events for both connections of 203.0.113.7 (their joins took 2).
    const acks = [await send(one.socket, 'ip-msg-0001', 'a'), await send(two.socket, 'ip-msg-0002', 'b'), await send(one.socket, 'ip-msg-0003', 'c'), await send(two.socket, 'ip-msg-0004', 'd')];
    expect(acks.map((ack) => ack.ok)).toEqual([true, true, true, false]);
    expect(acks[3]).toMatchObject({ ok: false, error: 'rate_limited' });
    expect((await send(other.socket, 'ip-msg-0005', 'e')).ok).toBe(true);
    // Staff are exempt from the shared event budget.
    const host = track(await joined(server.url!, { show: 'per-ip', token: await server.mintToken({ show: 'per-ip', role: 'host', name: 'Host' }), headers: { 'x-forwarded-for': '198.51.100.10' } }));
    for (let i = 0; i < 8; i++) expect((await send(host.socket, `host-msg-${String(i).padStart(4, '0')}`, 'hi')).ok).toBe(true);
  });
});

describe('retries after a long outage (memory state)', () => {
  it('remembers retry ids by time, not by count: a retry after 6,000 newer messages is not stored twice', async () => {
    const state = createMemoryState();
    const author = { id: 'anna', name: 'Anna', role: 'viewer' as const };
    const first = await state.appendMessage('busy', { clientId: 'first-message', author, text: 'hello', sentAt: Date.now(), question: false });
    for (let i = 0; i < 6000; i++) await state.appendMessage('busy', { clientId: `other-${i}`, author: { ...author, id: `v${i % 50}` }, text: 'x', sentAt: Date.now(), question: false });
    const retry = await state.appendMessage('busy', { clientId: 'first-message', author, text: 'hello', sentAt: Date.now(), question: false });
    expect(retry).toEqual({ message: first.message, created: false });
    expect(await state.findByClientId('busy', 'anna', 'first-message')).toEqual(first.message);
    await state.close();
  });

  it('forgets them after clientIdTtlMs', async () => {
    const state = createMemoryState({ clientIdTtlMs: 50 });
    const author = { id: 'ben', name: 'Ben', role: 'viewer' as const };
    await state.appendMessage('ttl', { clientId: 'old-message', author, text: 'a', sentAt: Date.now(), question: false });
    await waitFor(async () => (await state.findByClientId('ttl', 'ben', 'old-message')) === null, { what: 'expired' });
    expect((await state.appendMessage('ttl', { clientId: 'old-message', author, text: 'a', sentAt: Date.now(), question: false })).created).toBe(true);
    await state.close();
  });
});
