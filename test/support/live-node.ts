// Node-side helpers for live server tests: a real server, real socket.io clients, a real
// redis-server, and a TCP proxy that can cut the line to simulate a dropped connection.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { io as connectSocket, type Socket as ClientSocket } from 'socket.io-client';
import { afterAll, beforeAll } from 'vitest';
import { createLiveServer, type LiveServer, type LiveServerOptions } from '../../src/server/index.js';
import {
  PROTOCOL_VERSION,
  type Ack,
  type ChatMessage,
  type ClientToServerEvents,
  type LiveAuth,
  type ServerToClientEvents,
} from '../../src/live/protocol.js';

export type TestClient = ClientSocket<ServerToClientEvents, ClientToServerEvents>;

export const TEST_SECRET = 'test-secret-that-is-long-enough-for-hs256!';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Polls a condition until it holds (CI has 2 slow cores: wait for states, never sleep). */
export async function waitFor<T>(condition: () => T | Promise<T>, { timeout = 15_000, interval = 20, what = 'condition' } = {}): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await condition();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}

export async function startLive(options: LiveServerOptions = {}): Promise<LiveServer> {
  return createLiveServer({ port: 0, host: '127.0.0.1', secret: TEST_SECRET, logger: false, env: false, ...options });
}

let viewerCounter = 0;
/** A viewer key like a browser keeps one. */
export function viewerKey(): string {
  viewerCounter += 1;
  return `viewer-key-${process.pid}-${viewerCounter}-${Math.random().toString(36).slice(2)}`;
}

export interface ClientOptions {
  readonly show?: string;
  readonly name?: string;
  readonly token?: string;
  readonly viewer?: string;
  readonly auth?: Record<string, unknown>;
  readonly origin?: string;
  readonly reconnection?: boolean;
  /** Extra request headers (e.g. `x-forwarded-for`). */
  readonly headers?: Readonly<Record<string, string>>;
}

/** A raw socket.io client as a widget would open it (not yet connected: call `connected()`). */
export function client(url: string, options: ClientOptions = {}): TestClient {
  const auth: LiveAuth | Record<string, unknown> = options.auth ?? {
    v: PROTOCOL_VERSION,
    show: options.show ?? 'test-show',
    ...(options.token ? { token: options.token } : { viewer: options.viewer ?? viewerKey(), name: options.name ?? 'Viewer' }),
  };
  return connectSocket(url, {
    auth,
    transports: ['websocket'],
    forceNew: true,
    reconnectionDelay: 100,
    reconnectionDelayMax: 500,
    reconnection: options.reconnection ?? true,
    ...(options.origin || options.headers ? { extraHeaders: { ...options.headers, ...(options.origin ? { origin: options.origin } : {}) } } : {}),
  }) as TestClient;
}

/** Resolves on `connect`, rejects with the refusal on `connect_error`. */
export function connected(socket: TestClient): Promise<void> {
  if (socket.connected) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const ok = (): void => {
      socket.off('connect_error', fail);
      resolve();
    };
    const fail = (error: Error & { data?: { code: string } }): void => {
      if (socket.active) return; // a transient failure; socket.io retries by itself
      socket.off('connect', ok);
      reject(Object.assign(new Error(error.data?.code ?? error.message), { data: error.data }));
    };
    socket.once('connect', ok);
    socket.on('connect_error', fail);
  });
}

/** Emits with an ack and resolves with the answer. */
export function request<T = unknown>(socket: TestClient, event: string, ...payload: unknown[]): Promise<Ack<T>> {
  return (socket.timeout(10_000) as unknown as { emitWithAck(event: string, ...args: unknown[]): Promise<Ack<T>> }).emitWithAck(event, ...payload);
}

/** Connects and joins; returns the client and its snapshot. */
export async function joined(url: string, options: ClientOptions = {}) {
  const socket = client(url, options);
  await connected(socket);
  const ack = await request<import('../../src/live/protocol.js').ShowSnapshot>(socket, 'join');
  if (!ack.ok) throw new Error(`join refused: ${ack.error}`);
  return { socket, snapshot: ack.data };
}

/** Collects every payload of an event (server events carry a recovery offset as a last arg). */
export function collect<T = unknown>(socket: TestClient, event: string): T[] {
  const seen: T[] = [];
  (socket as unknown as { on(event: string, fn: (value: T) => void): void }).on(event, (value) => seen.push(value));
  return seen;
}

/** Every chat message a client receives, single (`chat:message`) or batched (`chat:messages`). */
export function collectMessages(socket: TestClient): ChatMessage[] {
  const seen: ChatMessage[] = [];
  socket.on('chat:message', (message) => seen.push(message));
  socket.on('chat:messages', ({ messages }) => seen.push(...messages));
  return seen;
}

export function closeAll(...sockets: (TestClient | undefined)[]): void {
  for (const socket of sockets) socket?.disconnect();
}

/** A real redis-server on a free port, without persistence; `restart()` keeps the port. */
export class RedisProcess {
  #process: ChildProcess | undefined;
  constructor(readonly port: number) {}

  static async start(): Promise<RedisProcess> {
    const redis = new RedisProcess(await freePort());
    await redis.#spawn();
    return redis;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async #spawn(): Promise<void> {
    const child = spawn('/usr/bin/redis-server', ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--protected-mode', 'no'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.#process = child;
    await new Promise<void>((resolve, reject) => {
      let output = '';
      const onData = (chunk: Buffer): void => {
        output += chunk.toString();
        if (output.includes('Ready to accept connections')) {
          child.stdout?.off('data', onData);
          resolve();
        }
      };
      child.stdout?.on('data', onData);
      child.once('exit', (code) => reject(new Error(`redis-server exited (${code}): ${output}`)));
    });
    child.stdout?.resume();
  }

  async stop(): Promise<void> {
    const child = this.#process;
    this.#process = undefined;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.#spawn();
  }
}

/** A TCP proxy in front of a server; `cut(ms)` drops every connection and refuses new ones. */
export class LineProxy {
  readonly #sockets = new Set<Socket>();
  #refuseUntil = 0;
  /** Where new connections go (change it to move clients to another node). */
  targetPort: number;
  private constructor(
    readonly server: Server,
    readonly port: number,
    targetPort: number,
  ) {
    this.targetPort = targetPort;
  }

  static async start(targetPort: number): Promise<LineProxy> {
    const port = await freePort();
    let proxy: LineProxy;
    const server = createServer((incoming) => {
      if (Date.now() < proxy.#refuseUntil) {
        incoming.destroy();
        return;
      }
      const outgoing = connect(proxy.targetPort, '127.0.0.1');
      for (const socket of [incoming, outgoing]) {
        proxy.#sockets.add(socket);
        socket.on('error', () => {});
        socket.on('close', () => {
          proxy.#sockets.delete(socket);
          incoming.destroy();
          outgoing.destroy();
        });
      }
      incoming.pipe(outgoing);
      outgoing.pipe(incoming);
    });
    proxy = new LineProxy(server, port, targetPort);
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    return proxy;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** The line goes dead for `ms`: open connections drop, new ones are refused. */
  cut(ms: number): void {
    this.#refuseUntil = Date.now() + ms;
    for (const socket of this.#sockets) socket.destroy();
  }

  async close(): Promise<void> {
    for (const socket of this.#sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/**
 * One live server for a test file: started before its tests, closed after with every client a
 * test tracked. `freshShow()` gives each test a show of its own.
 */
export function liveSuite(prefix: string, options: LiveServerOptions = {}) {
  let server: LiveServer | undefined;
  const sockets: TestClient[] = [];
  let counter = 0;
  beforeAll(async () => {
    server = await startLive(options);
  });
  afterAll(async () => {
    closeAll(...sockets);
    await server?.close();
  });
  return {
    get live(): LiveServer {
      return server!;
    },
    freshShow: (): string => `${prefix}-${++counter}`,
    /** Closes the client with the suite. */
    track<T extends { socket: TestClient } | TestClient>(value: T): T {
      sockets.push('socket' in value && !('emit' in value) ? value.socket : (value as TestClient));
      return value;
    },
  };
}
