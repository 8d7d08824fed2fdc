// Staff actions of the studio (pins and offers, the pinned chat message) sent with a viewer's
// connection or a token that expired mid-show: the real server refuses them and nothing happens.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatMessage } from '../../src/live/protocol.js';
import type { LiveServer } from '../../src/server/index.js';
import { closeAll, collect, joined, request, startLive, waitFor, type TestClient } from '../support/live-node.js';

let server: LiveServer;
const sockets: TestClient[] = [];
let counter = 0;
const freshShow = (): string => `studio-actions-${process.pid}-${++counter}`;
const ACTIONS: [string, unknown][] = [
  ['pin:set', { productId: 'tee', at: null }],
  ['pin:clear', { productId: 'tee', at: null }],
  ['offer:start', { productId: 'tee', price: { amount: 1500, currency: 'EUR' }, quantity: 10, durationSeconds: 300, at: null }],
  ['offer:stop', { id: 'offer-1', at: null }],
];

beforeAll(async () => {
  server = await startLive();
});
afterAll(async () => {
  closeAll(...sockets);
  await server?.close();
});

describe('studio actions on the live server', () => {
  it('refuses every staff action from a viewer, anonymous or signed in, and changes nothing', async () => {
    const show = freshShow();
    const anonymous = await joined(server.url!, { show, name: 'Anna' });
    const signedIn = await joined(server.url!, { show, token: await server.mintToken({ role: 'viewer', show, name: 'Vera' }) });
    sockets.push(anonymous.socket, signedIn.socket);
    const pins = collect(anonymous.socket, 'pins');
    const offers = collect(anonymous.socket, 'offer');
    const message = await request<ChatMessage>(anonymous.socket, 'chat:send', { clientId: 'studio-actions-q1', text: 'Washable?', question: true });
    if (!message.ok) throw new Error(message.error);
    for (const socket of [anonymous.socket, signedIn.socket]) {
      for (const [event, payload] of ACTIONS) expect(await request(socket, event, payload), event).toMatchObject({ ok: false, error: 'forbidden' });
      expect(await request(socket, 'chat:pin', { id: message.data.id })).toMatchObject({ ok: false, error: 'forbidden' });
    }
    expect(await server.state.pinTimeline(show)).toEqual([]);
    expect(await server.state.offers(show)).toEqual([]);
    expect(pins).toEqual([]);
    expect(offers).toEqual([]);
    expect((await joined(server.url!, { show })).snapshot.pinnedMessage).toBe(null);
  });

  it('refuses them once the host token expires mid-show, and lets a fresh one through', async () => {
    const show = freshShow();
    const token = await server.mintToken({ role: 'host', show, expiresIn: 1 });
    const host = await joined(server.url!, { show, token });
    sockets.push(host.socket);
    const expiry = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()).exp as number;
    await waitFor(() => Date.now() > expiry * 1000, { what: 'the token to expire', timeout: 5000 });
    for (const [event, payload] of ACTIONS) expect(await request(host.socket, event, payload), event).toMatchObject({ ok: false, error: 'token_expired' });
    expect(await server.state.pinTimeline(show)).toEqual([]);
    expect(await server.state.offers(show)).toEqual([]);
    expect(await request(host.socket, 'auth:token', { token: await server.mintToken({ role: 'host', show }) })).toMatchObject({ ok: true });
    expect(await request(host.socket, 'pin:set', { productId: 'tee', at: 1234 })).toMatchObject({ ok: true, data: { productId: 'tee', action: 'pin', at: 1234 } });
  });
});
