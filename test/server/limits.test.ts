import { describe, expect, it } from 'vitest';
import type { ChatMessage } from '../../src/live/protocol.js';
import { blockedWordMatcher } from '../../src/server/text.js';
import { collect, joined, liveSuite, request, startLive, waitFor, collectMessages } from '../support/live-node.js';

const suite = liveSuite('limits', { chat: { blockedWords: ['scam', 'fake*', 'buy followers'] }, events: { burst: 60, perSecond: 5 } });
const { freshShow, track } = suite;

describe('limits', () => {
  it('lets 20 messages in 30 s through and refuses the rest of a flood, which others never see', async () => {
    const show = freshShow();
    const flooder = track(await joined(suite.live.url!, { show, name: 'Flood' }));
    const anna = track(await joined(suite.live.url!, { show, name: 'Anna' }));
    const seen = collectMessages(anna.socket);
    const acks = await Promise.all(
      Array.from({ length: 45 }, (_, i) => request(flooder.socket, 'chat:send', { clientId: `flood-msg-${String(i).padStart(3, '0')}`, text: `spam ${i}` })),
    );
    const accepted = acks.filter((a) => a.ok);
    const limited = acks.filter((a) => !a.ok && a.error === 'rate_limited');
    expect(accepted).toHaveLength(20);
    expect(limited).toHaveLength(25);
    for (const ack of limited) expect(ack.ok === false && ack.retryAfter).toBeGreaterThan(0);
    await waitFor(() => seen.length === 20, { what: '20 messages' });
    // Anna is not held back by the flooder's limit.
    expect((await request(anna.socket, 'chat:send', { clientId: 'anna-after-01', text: 'hi' })).ok).toBe(true);
    await waitFor(() => seen.length === 21);
    expect(seen.filter((m) => m.author.name === 'Flood')).toHaveLength(20);
  });

  it('refuses blocked words, whole words, any case or accent', async () => {
    const show = freshShow();
    const anna = track(await joined(suite.live.url!, { show }));
    for (const [i, text] of ['this is a SCAM', 'scám!', 'so fakeeee', 'Buy   followers now'].entries()) {
      expect(await request(anna.socket, 'chat:send', { clientId: `blocked-msg-${i}0`, text }), text).toMatchObject({ ok: false, error: 'blocked_words' });
    }
    expect((await request(anna.socket, 'chat:send', { clientId: 'blocked-ok-01', text: 'scampi and unfake' })).ok).toBe(true);
    expect(await request(anna.socket, 'profile:name', { name: 'Scam Bot' })).toMatchObject({ ok: false, error: 'blocked_words' });
  });

  it('matches blocked words as words', () => {
    const blocked = blockedWordMatcher(['idiot', 'sp*m', 'free money', '']);
    expect(blocked('you IDIOT')).toBe(true);
    expect(blocked('idiotic')).toBe(false);
    expect(blocked('sp*m')).toBe(true);
    expect(blocked('spam')).toBe(false);
    expect(blocked('FREE\tmoney!')).toBe(true);
    expect(blockedWordMatcher([])('anything')).toBe(false);
  });

  it('drops a client that floods events and keeps serving the others', async () => {
    const show = freshShow();
    const flooder = track(await joined(suite.live.url!, { show, reconnection: false }));
    const anna = track(await joined(suite.live.url!, { show }));
    const seen = collectMessages(anna.socket);
    const disconnected = new Promise<string>((resolve) => flooder.socket.once('disconnect', resolve));
    for (let i = 0; i < 1000 && flooder.socket.connected; i++) flooder.socket.emit('chat:question', { id: '1-1' }, () => {});
    expect(await disconnected).toBe('io server disconnect');
    expect((await request(anna.socket, 'chat:send', { clientId: 'still-fine-01', text: 'fine' })).ok).toBe(true);
    await waitFor(() => seen.length === 1);
  });

  it('closes a connection that sends an oversized frame, without harm to others', async () => {
    const show = freshShow();
    const big = track(await joined(suite.live.url!, { show, reconnection: false }));
    const anna = track(await joined(suite.live.url!, { show }));
    const disconnected = new Promise<string>((resolve) => big.socket.once('disconnect', resolve));
    big.socket.emit('chat:send', { clientId: 'big-frame-001', text: 'x'.repeat(200_000) }, () => {});
    expect(await disconnected).toMatch(/transport (close|error)/);
    const late = track(await joined(suite.live.url!, { show }));
    expect(late.snapshot.messages).toEqual([]);
    expect((await request(anna.socket, 'chat:send', { clientId: 'after-big-01', text: 'fine' })).ok).toBe(true);
  });

  it('aggregates reactions and ignores malformed ones', async () => {
    const show = freshShow();
    const anna = track(await joined(suite.live.url!, { show }));
    const ben = track(await joined(suite.live.url!, { show }));
    const bursts = collect<{ counts: { heart: number } }>(ben.socket, 'reactions');
    anna.socket.emit('reaction', { kind: 'heart', count: 3 });
    anna.socket.emit('reaction', { kind: 'heart', count: 4 });
    (anna.socket as unknown as { emit(e: string, p: unknown): void }).emit('reaction', { kind: 'poo', count: 3 });
    (anna.socket as unknown as { emit(e: string, p: unknown): void }).emit('reaction', { kind: 'heart', count: 1e9 });
    (anna.socket as unknown as { emit(e: string, p: unknown): void }).emit('reaction', 'heart');
    await waitFor(() => bursts.reduce((sum, b) => sum + b.counts.heart, 0) === 7, { what: 'reaction burst' });
    expect(bursts.length).toBeLessThanOrEqual(2);
  });

  it('counts viewers', async () => {
    const show = freshShow();
    const counting = await startLive({ viewerIntervalMs: 100 });
    try {
      const anna = track(await joined(counting.url!, { show }));
      const counts = collect<{ count: number }>(anna.socket, 'viewers');
      const ben = track(await joined(counting.url!, { show }));
      track(await joined(counting.url!, { show: 'other-show' }));
      await waitFor(() => counts.at(-1)?.count === 2, { what: 'two viewers' });
      ben.socket.disconnect();
      await waitFor(() => counts.at(-1)?.count === 1, { what: 'one viewer' });
    } finally {
      await counting.close();
    }
  });
});
