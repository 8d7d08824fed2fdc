// What the live server is made of: features (session, chat, moderation, reactions, viewers, the
// pinned message, figures) that declare the events they handle and what they add to a joining
// widget's snapshot. The show features (pins, offers) plug in the same way.
import type { Server, Socket } from 'socket.io';
import type {
  AckData,
  Author,
  ChatSettings,
  ClientEventName,
  ClientToServerEvents,
  ServerToClientEvents,
  ShowSnapshot,
} from '../live/protocol.js';
import type { ResolvedOptions } from './options.js';
import type { ShowState } from './state/types.js';

/** What the server remembers about a connection (kept across a recovered reconnect). */
export interface SocketData {
  show: string;
  user: Author;
  /** The token the user connected with (or replaced it with), checked on privileged events. */
  token: string | null;
  /** Token expiry, epoch ms. */
  expiresAt: number | null;
  joined: boolean;
}

// Server-to-server events: none yet (features broadcast through rooms).
export type InterServerEvents = Record<string, never>;
export type LiveIo = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
export type LiveSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

export interface EventRule {
  /** Host and moderator tokens only, verified again (signature, expiry, show) on each call. */
  readonly staff?: boolean;
  /** Allowed before `join` (default false). */
  readonly beforeJoin?: boolean;
  /** The event carries no ack (fire and forget, like reactions). */
  readonly noAck?: boolean;
}

export interface EventHandler<E extends ClientEventName> {
  readonly rule?: EventRule;
  /** Gets the raw payload (validate it!) and returns the ack data, or throws a `Refusal`. */
  readonly handle: (payload: unknown, socket: LiveSocket) => Promise<AckData<E>> | AckData<E>;
}

export type FeatureEvents = { readonly [E in ClientEventName]?: EventHandler<E> };

/** The server as features see it. */
export interface LiveContext {
  readonly io: LiveIo;
  readonly state: ShowState;
  /** This node's id (unique per process). */
  readonly node: string;
  readonly options: ResolvedOptions;
  /** The socket.io room of a show (every joined widget). */
  room(show: string): string;
  /** The room of a show's hosts and moderators. */
  staffRoom(show: string): string;
  /** The show's chat settings now (defaults with staff changes applied). */
  chatSettings(show: string): Promise<ChatSettings>;
}

export type SnapshotPart = Partial<ShowSnapshot> & Record<string, unknown>;

export interface LiveFeature {
  readonly name: string;
  /** Client events this feature answers. */
  events?(context: LiveContext): FeatureEvents;
  /** Fields added to the snapshot a widget receives when it joins. */
  snapshot?(socket: LiveSocket, context: LiveContext): Promise<SnapshotPart> | SnapshotPart;
  /** Called once the server runs (start timers here). */
  start?(context: LiveContext): void;
  /** Called when the server closes. */
  stop?(): void | Promise<void>;
}
