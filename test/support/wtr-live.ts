// A web-test-runner plugin that runs real live servers for browser tests, and real Node
// socket.io clients that play the other viewers and the host. Browser tests call it with
// `executeServerCommand('live', { action, ... })`.
import type { TestRunnerPlugin } from '@web/test-runner';
import { SignJWT } from 'jose';
import type { LiveServer, LiveServerOptions } from '../../src/server/index.js';
import type { ChatMessage, Role, TrackEvent } from '../../src/live/protocol.js';
import { LineProxy, TEST_SECRET, closeAll, joined, request, startLive, waitFor, type TestClient } from './live-node.js';

/** A pin or offer event a widget sent (recorded as the server received it). */
export interface ContractCall {
  readonly event: string;
  readonly payload: unknown;
  readonly show: string;
  readonly role: string;
}

interface Running {
  server: LiveServer;
  port: number;
  options: LiveServerOptions;
  proxy: LineProxy;
  clients: Map<string, TestClient>;
  /** The pin and offer events widgets sent, oldest first. */
  calls: ContractCall[];
  /** Every `track` report the server received, by show. */
  beacons: { show: string; events: TrackEvent[] }[];
}

export interface LiveCommand {
  readonly action:
    | 'start'
    | 'stop'
    | 'token'
    | 'say'
    | 'delete'
    | 'react'
    | 'drop'
    | 'restart'
    | 'clients'
    | 'emit'
    | 'calls'
    | 'beacons'
    | 'offer-stock'
    | 'offer-unseen'
    | 'pin-unseen'
    | 'bad-token';
  /** Server handle from `start`. */
  readonly id?: number;
  readonly options?: Pick<LiveServerOptions, 'chat' | 'viewerIntervalMs' | 'reactionIntervalMs' | 'figuresIntervalMs' | 'offers'> & {
    /** The server's clock runs this far ahead of the real one (negative: behind). */
    readonly clockShiftMs?: number;
  };
  /** `emit`: a client event sent by `as` (with `role`), answered with its ack. */
  readonly event?: string;
  readonly payload?: unknown;
  /** `bad-token`: an `expired` token or a `forged` one (signed with another secret). */
  readonly kind?: 'expired' | 'forged';
  /** `pin-unseen`: products the server pins without telling the show. */
  readonly products?: readonly string[];
  /** `offer-stock`: units left of the show's latest offer. */
  readonly remaining?: number;
  /** `offer-stock`: the update's `seq`, this far past the offer's stored one (default 1000). */
  readonly seqAhead?: number;
  /** `offer-unseen`: the product the server starts an offer on without telling the show. */
  readonly productId?: string;
  readonly show?: string;
  readonly role?: Role;
  /** Node client acting as this person (created on first use). */
  readonly as?: string;
  readonly text?: string | readonly string[];
  readonly question?: boolean;
  readonly messageId?: string;
  readonly count?: number;
  readonly ms?: number;
}

/** Starts a live server that also records the `track` reports it receives. */
async function boot(options: LiveServerOptions, beacons: Running['beacons'], calls: ContractCall[]): Promise<LiveServer> {
  const server = await startLive(options);
  server.io.on('connection', (socket) => {
    socket.onAny((event: string, report: unknown) => {
      const events = (report as { events?: TrackEvent[] } | undefined)?.events;
      if (event === 'track' && Array.isArray(events)) beacons.push({ show: socket.data.show, events });
      if (/^(pin|offer):(set|clear|start|stop)$/.test(event)) calls.push({ event, payload: report, show: socket.data.show, role: socket.data.user.role });
    });
  });
  return server;
}

export function liveServerCommands(): TestRunnerPlugin {
  const running = new Map<number, Running>();
  let next = 0;

  async function person(run: Running, show: string, as: string, role: Role = 'viewer'): Promise<TestClient> {
    const key = `${show}\u0000${as}\u0000${role}`;
    let socket = run.clients.get(key);
    if (!socket) {
      const token = role === 'viewer' ? undefined : await run.server.mintToken({ role, show, name: as });
      ({ socket } = await joined(run.server.url!, { show, name: as, ...(token ? { token } : {}) }));
      run.clients.set(key, socket);
    }
    await waitFor(() => socket.connected, { what: `${as} connected` });
    return socket;
  }

  async function command(payload: LiveCommand): Promise<unknown> {
    if (payload.action === 'start') {
      const { clockShiftMs, ...rest } = payload.options ?? {};
      const serverOptions: LiveServerOptions = { ...rest, ...(clockShiftMs ? { clock: () => Date.now() + clockShiftMs } : {}) };
      const beacons: Running['beacons'] = [];
      const calls: ContractCall[] = [];
      const server = await boot(serverOptions, beacons, calls);
      const port = Number(new URL(server.url!).port);
      const id = ++next;
      running.set(id, { server, port, options: serverOptions, proxy: await LineProxy.start(port), clients: new Map(), calls, beacons });
      const run = running.get(id)!;
      return { id, url: server.url, proxyUrl: run.proxy.url };
    }
    const run = running.get(payload.id ?? -1);
    if (!run) throw new Error(`no live server ${payload.id}`);
    const show = payload.show ?? 'browser-show';
    switch (payload.action) {
      case 'stop':
        closeAll(...run.clients.values());
        await run.proxy.close();
        await run.server.close();
        running.delete(payload.id!);
        return true;
      case 'token':
        return run.server.mintToken({ role: payload.role ?? 'host', show, name: payload.as ?? 'Host' });
      case 'say': {
        const socket = await person(run, show, payload.as ?? 'Ben', payload.role);
        const texts = typeof payload.text === 'string' ? [payload.text] : (payload.text ?? []);
        const sent: ChatMessage[] = [];
        for (const [i, text] of texts.entries()) {
          const ack = await request<ChatMessage>(socket, 'chat:send', { clientId: `wtr-${Date.now()}-${i}-${Math.random().toString(36).slice(2, 8)}`, text, question: payload.question ?? false });
          if (!ack.ok) throw new Error(`say refused: ${ack.error}`);
          sent.push(ack.data);
        }
        return sent;
      }
      case 'delete': {
        const host = await person(run, show, 'Moderator', 'moderator');
        return request(host, 'chat:delete', { id: payload.messageId });
      }
      case 'react': {
        const socket = await person(run, show, payload.as ?? 'Ben');
        socket.emit('reaction', { kind: 'heart', count: payload.count ?? 3 });
        return true;
      }
      case 'drop':
        run.proxy.cut(payload.ms ?? 2000);
        return true;
      case 'restart': {
        closeAll(...run.clients.values());
        run.clients.clear();
        await run.server.close();
        run.server = await boot({ ...run.options, port: run.port }, run.beacons, run.calls);
        return true;
      }
      case 'calls':
        return run.calls.filter((call) => call.show === show);
      case 'beacons':
        return run.beacons.filter((beacon) => beacon.show === show).flatMap((beacon) => beacon.events);
      case 'pin-unseen':
        // Pins in the show's state without telling anyone (another producer's, news not arrived yet).
        for (const productId of payload.products ?? []) {
          await run.server.state.addPinEvent(show, { productId, action: 'pin', at: null, sentAt: Date.now() }, { limit: 3, keep: 500 });
        }
        return true;
      case 'offer-stock': {
        // What viewers' claims do: fewer units left, told to the room.
        const offer = (await run.server.state.offers(show)).at(-1);
        if (!offer) throw new Error(`no offer in show ${show}`);
        run.server.io.to(`show:${show}`).emit('offer:stock', { id: offer.id, remaining: payload.remaining ?? 0, seq: offer.seq + (payload.seqAhead ?? 1000) });
        return offer.id;
      }
      case 'offer-unseen': {
        // Another producer's offer whose news has not arrived yet.
        const started = Date.now();
        const id = `o${started.toString(36)}unseen`;
        const price = { amount: 100, currency: 'EUR' };
        await run.server.state.createOffer(
          show,
          { id, productId: payload.productId!, variantId: null, price, quantity: 5, remaining: 5, startsAt: null, durationMs: 300_000, stoppedAt: null, createdAt: started, endedAt: null, closesAt: started + 300_000, seq: 0 },
          50,
        );
        return id;
      }
      case 'bad-token': {
        const claims = new SignJWT({ name: payload.as ?? 'Host', role: payload.role ?? 'host', show }).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).setSubject('bad-token');
        const now = Math.floor(Date.now() / 1000);
        if (payload.kind === 'expired') return claims.setIssuedAt(now - 7200).setExpirationTime(now - 3600).sign(new TextEncoder().encode(TEST_SECRET));
        return claims.setIssuedAt().setExpirationTime(now + 3600).sign(new TextEncoder().encode(`${TEST_SECRET}-not-the-server's`));
      }
      case 'emit': {
        const socket = await person(run, show, payload.as ?? (payload.role && payload.role !== 'viewer' ? 'Host' : 'Ben'), payload.role);
        return request(socket, payload.event!, payload.payload);
      }
      case 'clients':
        // Widgets joined to the show on this server.
        return run.server.io.of('/').adapter.rooms.get(`show:${show}`)?.size ?? 0;
    }
  }

  return {
    name: 'vitrine-live-server',
    async executeCommand({ command: name, payload }) {
      if (name !== 'live') return undefined;
      return command(payload as LiveCommand);
    },
    async serverStop() {
      for (const run of running.values()) {
        closeAll(...run.clients.values());
        await run.proxy.close();
        await run.server.close();
      }
      running.clear();
    },
  };
}
