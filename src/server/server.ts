// createLiveServer: socket.io with connection state recovery, one room per show, the built-in
// features, and show state in memory (one node) or Redis (several nodes, REDIS_URL).
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server as HttpServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { createClient } from 'redis';
import { Server, type ServerOptions } from 'socket.io';
import { PROTOCOL_VERSION, isStaff, type ChatSettings, type ClientEventName, type ShowSnapshot } from '../live/protocol.js';
import { writeBroadcastsDirectly } from './direct-writes.js';
import type { EventHandler, LiveContext, LiveFeature, LiveIo, LiveSocket } from './feature.js';
import { chatFeature } from './features/chat.js';
import { figuresFeature } from './features/figures.js';
import { moderationFeature } from './features/moderation.js';
import { pinnedMessageFeature } from './features/pinned-message.js';
import { offersFeature } from './features/offers.js';
import { pinsFeature } from './features/pins.js';
import { reactionsFeature } from './features/reactions.js';
import { sessionFeature } from './features/session.js';
import { viewersFeature } from './features/viewers.js';
import { createAuthenticator } from './handshake.js';
import { resolveOptions, type LiveServerOptions, type ResolvedOptions } from './options.js';
import { Refusal } from './refusal.js';
import { createMemoryState } from './state/memory.js';
import { createRedisState, type RedisClient } from './state/redis.js';
import type { ShowState } from './state/types.js';
import { mintToken, verifyToken, type MintTokenOptions } from './tokens.js';

export interface LiveServer {
  readonly io: LiveIo;
  /** The HTTP server socket.io runs on (yours when attached). */
  readonly httpServer: HttpServer;
  /** Standalone: `http://host:port`; attached: null. */
  readonly url: string | null;
  /** This node's id. */
  readonly node: string;
  readonly state: ShowState;
  readonly options: ResolvedOptions;
  /** Signs a role token with the server's secret (throws without one). */
  mintToken(options: Omit<MintTokenOptions, 'secret'>): Promise<string>;
  /** Closes connections (clients reconnect to another node, or to this one when it is back). */
  close(): Promise<void>;
}

type AnyAck = (result: unknown) => void;

/** This machine (a local reverse proxy, a benchmark) is not held to the per-address limits. */
const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

function refusalError(refusal: Refusal): Error & { data: { code: string; message: string } } {
  return Object.assign(new Error(refusal.message), { data: { code: refusal.code, message: refusal.message } });
}

function healthRoute(node: string, io: () => LiveIo | undefined) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    if (req.url === '/healthz' || req.url === '/') {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
      res.end(JSON.stringify({ ok: true, node, protocol: PROTOCOL_VERSION, connections: io()?.engine.clientsCount ?? 0 }));
      return;
    }
    // socket.io answers its own path; anything else is not ours.
    if (!req.url?.startsWith('/socket.io')) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Not found');
    }
  };
}

/**
 * A broadcast is encoded once, with its WebSocket frame computed once (socket.io's adapter), as a
 * header and a payload buffer that ws writes to each socket corked, as a writev(). Joined, each
 * socket gets one plain write(): about 1 µs less CPU per socket per broadcast (of ~10 µs, most of
 * it the kernel's) in the fan-out bench. Guarded: with another adapter shape nothing changes.
 */
function singleWriteFrames(adapter: object): void {
  const target = adapter as { _encode?: (packet: unknown, options: { wsPreEncodedFrame?: unknown }) => unknown };
  const encode = target._encode;
  if (typeof encode !== 'function') return;
  target._encode = function (packet, options) {
    const encoded = encode.call(this, packet, options);
    const frame = options.wsPreEncodedFrame;
    if (Array.isArray(frame) && frame.length === 2 && frame.every((part) => Buffer.isBuffer(part))) {
      options.wsPreEncodedFrame = [Buffer.concat(frame as Buffer[])];
    }
    return encoded;
  };
}

/**
 * Starts the live server, standalone on `port` or attached to your HTTP server. Resolves once it
 * accepts connections (and Redis is connected, with `redisUrl`).
 */
export async function createLiveServer(input: LiveServerOptions = {}): Promise<LiveServer> {
  const options = resolveOptions(input);
  const { logger } = options;
  const node = randomBytes(6).toString('base64url');

  // Redis: one client for the adapter (queues commands while reconnecting, which the adapter's
  // polling loop needs) and one for state that fails fast, so a request during a Redis outage
  // gets an `unavailable` ack (the widget retries) instead of hanging.
  const redisClients: RedisClient[] = [];
  let adapter: ServerOptions['adapter'] | undefined;
  let state = input.state;
  if (options.redisUrl) {
    const reconnectStrategy = (retries: number): number => Math.min(100 * 2 ** Math.min(retries, 5), 2000);
    const adapterClient = createClient({ url: options.redisUrl, socket: { reconnectStrategy } });
    const stateClient = createClient({ url: options.redisUrl, disableOfflineQueue: true, socket: { reconnectStrategy } });
    let down = false;
    for (const client of [adapterClient, stateClient]) {
      client.on('error', (error: Error) => {
        if (!down) logger.warn(`Redis unreachable (${error.message}); retrying`);
        down = true;
      });
      client.on('ready', () => {
        if (down) logger.info('Redis reachable again');
        down = false;
      });
    }
    await Promise.all([adapterClient.connect(), stateClient.connect()]);
    redisClients.push(adapterClient, stateClient);
    adapter = createAdapter(adapterClient, {
      streamName: `${options.redisPrefix}:sio`,
      channelPrefix: `${options.redisPrefix}:sio`,
      sessionKeyPrefix: `${options.redisPrefix}:sio:session:`,
      blockTimeInMs: 1000,
      onlyPlaintext: true,
    }) as ServerOptions['adapter'];
    state ??= createRedisState(stateClient, { prefix: options.redisPrefix, keepQuestions: options.chat.questionQueue });
  }
  state ??= createMemoryState({ keepQuestions: options.chat.questionQueue });

  let io: LiveIo | undefined;
  const httpServer = input.server ?? createServer(healthRoute(node, () => io));
  io = new Server(httpServer, {
    path: options.path,
    serveClient: false,
    // Room for a 10,000-character attempt to be refused politely; bigger frames are dropped.
    maxHttpBufferSize: 64_000,
    cors: { origin: options.origins === '*' ? true : [...options.origins], credentials: false },
    connectionStateRecovery: { maxDisconnectionDuration: options.recoverySeconds * 1000, skipMiddlewares: true },
    ...(adapter ? { adapter } : {}),
  }) as LiveIo;
  const liveIo = io;
  singleWriteFrames(liveIo.of('/').adapter);
  writeBroadcastsDirectly(liveIo.engine as unknown as Parameters<typeof writeBroadcastsDirectly>[0]);

  const context: LiveContext = {
    io: liveIo,
    state,
    node,
    options,
    room: (show) => `show:${show}`,
    staffRoom: (show) => `staff:${show}`,
    async chatSettings(show): Promise<ChatSettings> {
      const overrides = await context.state.settings(show);
      return {
        maxLength: options.chat.maxLength,
        rateLimit: options.chat.rateLimit,
        slowModeSeconds: overrides.slowModeSeconds ?? options.chat.slowModeSeconds,
      };
    },
  };

  const features: LiveFeature[] = [
    sessionFeature(),
    chatFeature(),
    moderationFeature(),
    reactionsFeature(),
    viewersFeature(),
    pinnedMessageFeature(),
    figuresFeature(),
    pinsFeature(),
    offersFeature(),
    ...(input.features ?? []),
  ];
  const handlers = new Map<string, EventHandler<ClientEventName>>();
  for (const feature of features) {
    for (const [event, handler] of Object.entries(feature.events?.(context) ?? {})) {
      if (handlers.has(event)) throw new Error(`live feature "${feature.name}" handles "${event}", which another feature already handles`);
      handlers.set(event, handler as EventHandler<ClientEventName>);
    }
  }

  const failure = (error: unknown, event: string) => {
    if (error instanceof Refusal) return error.toAck();
    if (!context.state.ready) return { ok: false, error: 'unavailable', message: 'state store unreachable; retry shortly', retryAfter: 1 };
    logger.error(`"${event}" failed`, error);
    return { ok: false, error: 'server_error', message: 'internal error' };
  };

  /** Staff events: the token is verified again (signature, expiry, show, role). */
  async function requireStaff(socket: LiveSocket): Promise<void> {
    if (!socket.data.token) throw new Refusal('forbidden', 'only hosts and moderators may do this');
    const identity = await verifyToken(socket.data.token, options.secret, socket.data.show);
    if (!isStaff(identity.author.role)) throw new Refusal('forbidden', 'only hosts and moderators may do this');
  }

  async function snapshot(socket: LiveSocket): Promise<ShowSnapshot> {
    const parts = await Promise.all(features.map((feature) => feature.snapshot?.(socket, context) ?? {}));
    return Object.assign(
      { v: PROTOCOL_VERSION, show: socket.data.show, now: options.now(), you: socket.data.user, restriction: null, messages: [], viewers: 0 },
      ...parts,
    ) as ShowSnapshot;
  }

  // Connections per show and per client address on this node, for `maxShows` and `perIp`.
  const showConnections = new Map<string, number>();
  let warnedPerIp = false;
  const addresses = new Map<string, { connections: number; tokens: number; at: number }>();
  const addressOf = (socket: LiveSocket): string => {
    const forwarded = options.trustProxy ? socket.handshake.headers['x-forwarded-for'] : undefined;
    const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
    return first || socket.handshake.address;
  };
  const authenticate = createAuthenticator(options, input.allowShow);
  liveIo.use((socket, next) => {
    authenticate({ auth: socket.handshake.auth, origin: socket.handshake.headers.origin })
      .then((data) => {
        const address = addressOf(socket);
        if (!LOOPBACK.has(address) && (addresses.get(address)?.connections ?? 0) >= options.perIp.connections) {
          if (!warnedPerIp) logger.warn(`refusing connections from ${address}: more than ${options.perIp.connections} (perIp.connections; behind a proxy, set trustProxy)`);
          warnedPerIp = true;
          throw new Refusal('rate_limited', 'too many connections from this address', 30);
        }
        if (!showConnections.has(data.show) && showConnections.size >= options.maxShows) {
          throw new Refusal('unavailable', 'this server serves as many shows as it may (maxShows)', 30);
        }
        socket.data = data;
        next();
      })
      .catch((error: unknown) => {
        if (!(error instanceof Refusal)) logger.error('handshake failed', error);
        next(refusalError(error instanceof Refusal ? error : new Refusal('server_error', 'internal error')));
      });
  });

  liveIo.on('connection', (socket) => {
    const { show } = socket.data;
    showConnections.set(show, (showConnections.get(show) ?? 0) + 1);
    const address = addressOf(socket);
    const perAddress = addresses.get(address) ?? { connections: 0, tokens: options.perIp.burst, at: Date.now() };
    perAddress.connections += 1;
    addresses.set(address, perAddress);
    socket.once('disconnect', () => {
      const left = (showConnections.get(show) ?? 1) - 1;
      if (left > 0) showConnections.set(show, left);
      else showConnections.delete(show);
      perAddress.connections -= 1;
      if (perAddress.connections <= 0) addresses.delete(address);
    });
    // A flood guard per connection: a token bucket; staff get ten times the budget.
    const budget = { tokens: options.events.burst * (isStaff(socket.data.user.role) ? 10 : 1), at: Date.now(), dropped: 0 };
    socket.use((packet) => {
      const [event] = packet;
      const ack = packet.at(-1);
      const answer = (result: unknown): void => {
        if (typeof ack === 'function') (ack as AnyAck)(result);
      };
      const scale = isStaff(socket.data.user.role) ? 10 : 1;
      const now = Date.now();
      budget.tokens = Math.min(options.events.burst * scale, budget.tokens + ((now - budget.at) / 1000) * options.events.perSecond * scale);
      budget.at = now;
      if (budget.tokens < 1) {
        budget.dropped += 1;
        if (budget.dropped > options.events.burst * 5) {
          logger.warn(`disconnecting ${socket.data.user.id} in show ${socket.data.show}: event flood`);
          socket.disconnect(true);
          return;
        }
        answer({ ok: false, error: 'rate_limited', message: 'too many events', retryAfter: 1 });
        return;
      }
      // And one budget shared by every connection from the same address (staff exempt).
      if (!isStaff(socket.data.user.role) && !LOOPBACK.has(address)) {
        perAddress.tokens = Math.min(options.perIp.burst, perAddress.tokens + ((now - perAddress.at) / 1000) * options.perIp.perSecond);
        perAddress.at = now;
        if (perAddress.tokens < 1) {
          answer({ ok: false, error: 'rate_limited', message: 'too many events from this address', retryAfter: 1 });
          return;
        }
        perAddress.tokens -= 1;
      }
      budget.tokens -= 1;
      budget.dropped = 0;
      if (typeof event !== 'string' || (event !== 'join' && !handlers.has(event))) {
        answer({ ok: false, error: 'unknown_event', message: `unknown event ${String(event).slice(0, 40)}` });
        return;
      }
      // Dispatched here rather than through a listener per event on each socket (a connection
      // then holds one closure, not one per event), after the current packet like socket.io does.
      process.nextTick(() => {
        if (socket.connected) dispatch(socket, event, packet);
      });
    });
  });

  async function join(socket: LiveSocket, ack: AnyAck): Promise<void> {
    try {
      const { show, user } = socket.data;
      await socket.join(context.room(show));
      if (isStaff(user.role)) await socket.join(context.staffRoom(show));
      socket.data.joined = true;
      ack({ ok: true, data: await snapshot(socket) });
    } catch (error) {
      ack(failure(error, 'join'));
    }
  }

  /** Runs a client event's handler (the flood guard has let it through) and answers its ack. */
  function dispatch(socket: LiveSocket, event: string, packet: unknown[]): void {
    const ack = typeof packet.at(-1) === 'function' ? (packet.at(-1) as AnyAck) : undefined;
    const payload = packet.length > (ack ? 2 : 1) ? packet[1] : undefined;
    if (event === 'join') {
      if (ack) void join(socket, ack);
      return;
    }
    const handler = handlers.get(event)!;
    const rule = handler.rule ?? {};
    if (!rule.noAck && !ack) return; // Nobody to answer: the request is dropped.
    void (async () => {
      try {
        if (!rule.beforeJoin && !socket.data.joined) throw new Refusal('not_joined', 'join the show first');
        if (rule.staff) await requireStaff(socket);
        const data = await handler.handle(payload, socket);
        ack?.({ ok: true, data: data ?? null });
      } catch (error) {
        ack?.(failure(error, event));
      }
    })();
  }

  for (const feature of features) feature.start?.(context);

  let url: string | null = null;
  if (!input.server) {
    await new Promise<void>((resolve, reject) => {
      httpServer.once('error', reject);
      httpServer.listen(options.port, options.host, () => {
        httpServer.off('error', reject);
        resolve();
      });
    });
    const address = httpServer.address() as AddressInfo;
    const host = options.host && options.host !== '0.0.0.0' && options.host !== '::' ? options.host : '127.0.0.1';
    url = `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
  }
  if (options.origins === '*' && input.origins === undefined) logger.warn('VITRINE_ORIGINS is not set: pages on any origin may connect');
  if (!input.allowShow) logger.warn(`allowShow is not set: any client can open a show by choosing an id (at most ${options.maxShows} at once, maxShows)`);

  let closing: Promise<void> | undefined;
  return {
    io: liveIo,
    httpServer,
    url,
    node,
    state,
    options,
    mintToken(claims) {
      if (!options.secret) return Promise.reject(new Error('no secret configured (VITRINE_SECRET)'));
      return mintToken({ ...claims, secret: options.secret });
    },
    close() {
      closing ??= (async () => {
        for (const feature of features) await feature.stop?.();
        // Closing the engine drops every connection as a transport close: clients reconnect on
        // their own and, with Redis, can recover their session on another node.
        liveIo.engine.close();
        await liveIo.of('/').adapter.close();
        if (!input.server) {
          httpServer.closeAllConnections();
          await new Promise<void>((resolve) => httpServer.close(() => resolve()));
        }
        if (!input.state) await state.close();
        await Promise.all(redisClients.map((client) => client.close().catch(() => client.destroy())));
      })();
      return closing;
    },
  };
}
