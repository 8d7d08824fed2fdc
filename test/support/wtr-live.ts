// A web-test-runner plugin that runs real live servers for browser tests, and real Node
// socket.io clients that play the other viewers and the host. Browser tests call it with
// `executeServerCommand('live', { action, ... })`.
import type { TestRunnerPlugin } from '@web/test-runner';
import type { LiveServer, LiveServerOptions } from '../../src/server/index.js';
import type { ChatMessage, Role } from '../../src/live/protocol.js';
import { LineProxy, closeAll, joined, request, startLive, waitFor, type TestClient } from './live-node.js';

interface Running {
  server: LiveServer;
  port: number;
  options: LiveServerOptions;
  proxy: LineProxy;
  clients: Map<string, TestClient>;
}

export interface LiveCommand {
  readonly action: 'start' | 'stop' | 'token' | 'say' | 'delete' | 'react' | 'drop' | 'restart' | 'clients' | 'emit';
  /** Server handle from `start`. */
  readonly id?: number;
  readonly options?: Pick<LiveServerOptions, 'chat' | 'viewerIntervalMs' | 'reactionIntervalMs' | 'offers'> & {
    /** The server's clock runs this far ahead of the real one (negative: behind). */
    readonly clockShiftMs?: number;
  };
  /** `emit`: a client event sent by `as` (with `role`), answered with its ack. */
  readonly event?: string;
  readonly payload?: unknown;
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
      const options: LiveServerOptions = { ...rest, ...(clockShiftMs ? { clock: () => Date.now() + clockShiftMs } : {}) };
      const server = await startLive(options);
      const port = Number(new URL(server.url!).port);
      const id = ++next;
      running.set(id, { server, port, options, proxy: await LineProxy.start(port), clients: new Map() });
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
        run.server = await startLive({ ...run.options, port: run.port });
        return true;
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
