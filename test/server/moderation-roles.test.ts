// Who may restrict whom: nobody restricts a host, only a host restricts a moderator, anyone on
// the staff restricts a viewer; a host is never held back by an old restriction of their id.
import { afterAll, describe, expect, it } from 'vitest';
import type { ChatMessage } from '../../src/live/protocol.js';
import { closeAll, joined, request, startLive, type TestClient } from '../support/live-node.js';
import type { LiveServer } from '../../src/server/index.js';

const sockets: TestClient[] = [];
let server: LiveServer;
afterAll(async () => {
  closeAll(...sockets);
  await server?.close();
});

async function as(show: string, role: 'host' | 'moderator', sub: string) {
  const token = await server.mintToken({ show, role, name: sub, sub });
  const joinedClient = await joined(server.url!, { show, token });
  sockets.push(joinedClient.socket);
  return joinedClient;
}
const say = (socket: TestClient, clientId: string) => request<ChatMessage>(socket, 'chat:send', { clientId, text: 'hi' });

describe('moderation roles', () => {
  it('a moderator cannot time out or ban a host or another moderator; a host can restrict a moderator', async () => {
    server = await startLive();
    const show = 'roles-1';
    const host = await as(show, 'host', 'host-one');
    const mod = await as(show, 'moderator', 'mod-one');
    const mod2 = await as(show, 'moderator', 'mod-two');
    const viewer = await joined(server.url!, { show, name: 'Vic' });
    sockets.push(viewer.socket);

    expect(await request(mod.socket, 'user:timeout', { userId: host.snapshot.you.id, seconds: 300 })).toMatchObject({ ok: false, error: 'forbidden' });
    expect(await request(mod.socket, 'user:ban', { userId: host.snapshot.you.id })).toMatchObject({ ok: false, error: 'forbidden' });
    expect(await request(mod.socket, 'user:ban', { userId: mod2.snapshot.you.id })).toMatchObject({ ok: false, error: 'forbidden' });
    expect((await say(host.socket, 'host-still-01')).ok).toBe(true);
    expect((await say(mod2.socket, 'mod2-still-01')).ok).toBe(true);

    expect(await request(mod.socket, 'user:timeout', { userId: viewer.snapshot.you.id, seconds: 300 })).toEqual({ ok: true, data: null });
    expect(await say(viewer.socket, 'viewer-out-01')).toMatchObject({ ok: false, error: 'timed_out' });

    expect(await request(host.socket, 'user:timeout', { userId: mod2.snapshot.you.id, seconds: 300 })).toEqual({ ok: true, data: null });
    expect(await say(mod2.socket, 'mod2-out-001')).toMatchObject({ ok: false, error: 'timed_out' });
    // A host cannot restrict another host either.
    const host2 = await as(show, 'host', 'host-two');
    expect(await request(host.socket, 'user:ban', { userId: host2.snapshot.you.id })).toMatchObject({ ok: false, error: 'forbidden' });
  });

  it('a host is never held back by a restriction stored for their id', async () => {
    const show = 'roles-2';
    const host = await as(show, 'host', 'host-three');
    const mod = await as(show, 'moderator', 'promoted');
    expect(await request(host.socket, 'user:ban', { userId: mod.snapshot.you.id })).toEqual({ ok: true, data: null });
    expect(await say(mod.socket, 'banned-mod-01')).toMatchObject({ ok: false, error: 'banned' });
    mod.socket.disconnect();
    // The same person comes back as a host (same token subject, same user id).
    const promoted = await as(show, 'host', 'promoted');
    expect(promoted.snapshot.you.id).toBe(mod.snapshot.you.id);
    expect(promoted.snapshot.restriction).toBe(null);
    expect((await say(promoted.socket, 'promoted-01')).ok).toBe(true);
  });
});
