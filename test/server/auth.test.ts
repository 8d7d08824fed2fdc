import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import type { ChatMessage } from '../../src/live/protocol.js';
import { mintToken } from '../../src/server/index.js';
import { TEST_SECRET, client, collect, connected, joined, liveSuite, request, startLive, waitFor } from '../support/live-node.js';

const suite = liveSuite('auth');
const { freshShow, track } = suite;

/** Connects and says how the server answered: `connected`, or the refusal code. */
async function refusal(options: Parameters<typeof client>[1], url = suite.live.url!): Promise<string> {
  const socket = track(client(url, options));
  try {
    await connected(socket);
    return 'connected';
  } catch (error) {
    return (error as { data?: { code: string } }).data?.code ?? String(error);
  }
}

describe('connection checks', () => {
  it('refuses other protocol versions and malformed shows', async () => {
    expect(await refusal({ auth: { v: 2, show: 'x-show' } })).toBe('unsupported_version');
    expect(await refusal({ auth: { v: 1, show: '{bad}' } })).toBe('invalid_payload');
    expect(await refusal({ auth: { v: 1, show: 'x'.repeat(65) } })).toBe('invalid_payload');
  });

  it('refuses a forged, an expired and another show\'s token', async () => {
    const show = freshShow();
    const forged = await mintToken({ secret: 'someone-elses-secret-of-enough-length', role: 'host', show });
    expect(await refusal({ show, token: forged })).toBe('unauthorized');
    const [header, payload] = (await mintToken({ secret: TEST_SECRET, role: 'viewer', show })).split('.');
    const escalated = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), role: 'host' })).toString('base64url');
    const tampered = `${header}.${escalated}.${(await mintToken({ secret: TEST_SECRET, role: 'viewer', show })).split('.')[2]}`;
    expect(await refusal({ show, token: tampered })).toBe('unauthorized');
    const none = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${escalated}.`;
    expect(await refusal({ show, token: none })).toBe('unauthorized');
    const expired = await new SignJWT({ role: 'host', show, name: 'Old' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('old-host')
      .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
      .sign(new TextEncoder().encode(TEST_SECRET));
    expect(await refusal({ show, token: expired })).toBe('token_expired');
    expect(await refusal({ show, token: await suite.live.mintToken({ role: 'host', show: 'another-show' }) })).toBe('wrong_show');
    expect(await refusal({ show, token: await suite.live.mintToken({ role: 'host', show }) })).toBe('connected');
  });

  it('refuses origins outside the allowed list', async () => {
    const strict = await startLive({ origins: ['https://shop.example'] });
    try {
      expect(await refusal({ show: 'o-show', origin: 'https://evil.example' }, strict.url!)).toBe('origin_not_allowed');
      expect(await refusal({ show: 'o-show' }, strict.url!)).toBe('origin_not_allowed');
      expect(await refusal({ show: 'o-show', origin: 'https://shop.example' }, strict.url!)).toBe('connected');
    } finally {
      await strict.close();
    }
  });

  it('refuses shows the merchant does not know', async () => {
    const picky = await startLive({ allowShow: (show) => show === 'known-show' });
    try {
      expect(await refusal({ show: 'unknown-show' }, picky.url!)).toBe('not_found');
      expect(await refusal({ show: 'known-show' }, picky.url!)).toBe('connected');
    } finally {
      await picky.close();
    }
  });
});

describe('roles', () => {
  it('refuses every staff event from a viewer, anonymous or with a viewer token', async () => {
    const show = freshShow();
    const anna = track(await joined(suite.live.url!, { show, name: 'Anna' }));
    const signed = track(await joined(suite.live.url!, { show, token: await suite.live.mintToken({ role: 'viewer', show, name: 'Signed' }) }));
    expect(signed.snapshot.you).toMatchObject({ role: 'viewer', name: 'Signed' });
    const sent = await request<ChatMessage>(anna.socket, 'chat:send', { clientId: 'victim-msg-01', text: 'mine' });
    const id = sent.ok ? sent.data.id : '';
    const staffEvents: [string, unknown][] = [
      ['chat:delete', { id }],
      ['user:timeout', { userId: anna.snapshot.you.id, seconds: 60 }],
      ['user:ban', { userId: anna.snapshot.you.id }],
      ['user:unban', { userId: anna.snapshot.you.id }],
      ['question:dismiss', { id }],
      ['chat:settings', { slowModeSeconds: 30 }],
    ];
    for (const viewer of [anna, signed]) {
      for (const [event, payload] of staffEvents) {
        expect(await request(viewer.socket, event, payload), `${event} by ${viewer.snapshot.you.name}`).toMatchObject({ ok: false, error: 'forbidden' });
      }
    }
    const late = track(await joined(suite.live.url!, { show }));
    expect(late.snapshot.messages.map((m) => m.text)).toEqual(['mine']);
    expect(late.snapshot.settings.slowModeSeconds).toBe(0);
  });

  it('checks the token again on each staff event: an expired host token stops moderating', async () => {
    const show = freshShow();
    const token = await suite.live.mintToken({ role: 'host', show, expiresIn: 2 });
    const host = track(await joined(suite.live.url!, { show, token }));
    const anna = track(await joined(suite.live.url!, { show }));
    const sent = await request<ChatMessage>(anna.socket, 'chat:send', { clientId: 'expiry-msg-01', text: 'hi' });
    const id = sent.ok ? sent.data.id : '';
    await waitFor(() => Date.now() >= JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()).exp * 1000, { timeout: 5000 });
    expect(await request(host.socket, 'chat:delete', { id })).toMatchObject({ ok: false, error: 'token_expired' });
    // A refreshed token brings the rights back without reconnecting.
    const fresh = await suite.live.mintToken({ role: 'host', show });
    expect(await request(host.socket, 'auth:token', { token: fresh })).toMatchObject({ ok: true, data: { role: 'host' } });
    expect(await request(host.socket, 'chat:delete', { id })).toEqual({ ok: true, data: null });
  });

  it('lets a host delete, time out, ban and unban, and everyone sees it', async () => {
    const show = freshShow();
    const host = track(await joined(suite.live.url!, { show, token: await suite.live.mintToken({ role: 'host', show, name: 'Host' }) }));
    const moderator = track(await joined(suite.live.url!, { show, token: await suite.live.mintToken({ role: 'moderator', show, name: 'Mod' }) }));
    const troll = track(await joined(suite.live.url!, { show, name: 'Troll' }));
    const anna = track(await joined(suite.live.url!, { show, name: 'Anna' }));
    const deleted = collect<{ ids: string[] }>(anna.socket, 'chat:deleted');
    const restricted = collect<{ userId: string; until: number | null }>(anna.socket, 'user:restricted');

    const one = await request<ChatMessage>(troll.socket, 'chat:send', { clientId: 'troll-msg-001', text: 'spam 1' });
    const two = await request<ChatMessage>(troll.socket, 'chat:send', { clientId: 'troll-msg-002', text: 'spam 2' });
    const keep = await request<ChatMessage>(anna.socket, 'chat:send', { clientId: 'anna-msg-0001', text: 'nice' });
    expect(one.ok && two.ok && keep.ok).toBe(true);

    expect(await request(moderator.socket, 'chat:delete', { id: one.ok ? one.data.id : '' })).toEqual({ ok: true, data: null });
    await waitFor(() => deleted.length === 1);
    expect(deleted[0]!.ids).toEqual([one.ok && one.data.id]);

    expect(await request(host.socket, 'user:timeout', { userId: troll.snapshot.you.id, seconds: 60 })).toEqual({ ok: true, data: null });
    await waitFor(() => restricted.length === 1 && deleted.length === 2);
    expect(restricted[0]!.userId).toBe(troll.snapshot.you.id);
    expect(restricted[0]!.until).toBeGreaterThan(Date.now() + 50_000);
    expect(deleted[1]!.ids).toEqual([two.ok && two.data.id]);
    const timedOut = await request(troll.socket, 'chat:send', { clientId: 'troll-msg-003', text: 'again' });
    expect(timedOut).toMatchObject({ ok: false, error: 'timed_out' });
    expect(timedOut.ok === false && timedOut.retryAfter).toBeGreaterThan(50);

    expect(await request(host.socket, 'user:ban', { userId: troll.snapshot.you.id })).toEqual({ ok: true, data: null });
    await waitFor(() => restricted.length === 2);
    expect(restricted[1]!.until).toBe(null);
    expect(await request(troll.socket, 'chat:send', { clientId: 'troll-msg-004', text: 'again' })).toMatchObject({ ok: false, error: 'banned' });

    // The restriction follows the viewer key, not the connection.
    const back = track(await joined(suite.live.url!, { show, viewer: undefined, auth: troll.socket.auth as Record<string, unknown> }));
    expect(back.snapshot.restriction).toEqual({ until: null });
    expect(back.snapshot.messages.map((m) => m.text)).toEqual(['nice']);

    expect(await request(host.socket, 'user:unban', { userId: troll.snapshot.you.id })).toEqual({ ok: true, data: null });
    await waitFor(() => restricted.length === 3);
    expect(restricted[2]!.until).toBe(0);
    expect((await request(troll.socket, 'chat:send', { clientId: 'troll-msg-005', text: 'sorry' })).ok).toBe(true);

    expect(await request(host.socket, 'user:ban', { userId: host.snapshot.you.id })).toMatchObject({ ok: false, error: 'forbidden' });
  });

  it('refuses wrong types in every field of the staff events', async () => {
    const show = freshShow();
    const token = await suite.live.mintToken({ role: 'host', show });
    const binary = Buffer.from([1, 2]);
    const cases: [string, unknown[], (bad: unknown) => unknown][] = [
      ['chat:delete', [null, 42, 'x', [], binary], (bad) => bad],
      ['chat:delete', [null, 42, true, {}, binary, '1-x', 'x'.repeat(100)], (bad) => ({ id: bad })],
      ['user:timeout', [null, 'u_x', 42, binary], (bad) => bad],
      ['user:timeout', [null, 42, {}, binary, 'nobody', 'a_ has space'], (bad) => ({ userId: bad, seconds: 60 })],
      ['user:timeout', [null, '60', 0, -5, 1.5, 86_401, binary], (bad) => ({ userId: 'a_someone', seconds: bad })],
      ['user:ban', [null, 42, {}, binary], (bad) => ({ userId: bad })],
      ['user:unban', [null, 42, {}, binary], (bad) => ({ userId: bad })],
      ['question:dismiss', [null, 42, {}, binary], (bad) => ({ id: bad })],
      ['chat:settings', [null, '30', -1, 3601, 2.5, binary], (bad) => ({ slowModeSeconds: bad })],
      ['chat:settings', [null, 42, 'x', binary], (bad) => bad],
    ];
    for (const [event, values, make] of cases) {
      const host = track(await joined(suite.live.url!, { show, token }));
      for (const bad of values) {
        expect(await request(host.socket, event, make(bad)), `${event} ${String(JSON.stringify(make(bad)))}`).toMatchObject({ ok: false, error: 'invalid_payload' });
      }
    }
  });

  it('lets staff turn on slow mode, which binds viewers and not staff', async () => {
    const show = freshShow();
    const host = track(await joined(suite.live.url!, { show, token: await suite.live.mintToken({ role: 'host', show }) }));
    const anna = track(await joined(suite.live.url!, { show }));
    const updates = collect(anna.socket, 'chat:settings');
    expect(await request(host.socket, 'chat:settings', { slowModeSeconds: 30 })).toMatchObject({ ok: true, data: { slowModeSeconds: 30 } });
    await waitFor(() => updates.length === 1);
    expect((await request(anna.socket, 'chat:send', { clientId: 'slow-msg-0001', text: 'one' })).ok).toBe(true);
    const second = await request(anna.socket, 'chat:send', { clientId: 'slow-msg-0002', text: 'two' });
    expect(second).toMatchObject({ ok: false, error: 'slow_mode' });
    expect(second.ok === false && second.retryAfter).toBeGreaterThanOrEqual(29);
    expect((await request(host.socket, 'chat:send', { clientId: 'host-msg-0001', text: 'a' })).ok).toBe(true);
    expect((await request(host.socket, 'chat:send', { clientId: 'host-msg-0002', text: 'b' })).ok).toBe(true);
    expect(await request(host.socket, 'chat:settings', { slowModeSeconds: 99_999 })).toMatchObject({ ok: false, error: 'invalid_payload' });
  });
});
