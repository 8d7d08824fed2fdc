// A broadcast's pre-encoded WebSocket frame written straight to each idle WebSocket connection,
// instead of through engine.io's per-packet machinery, when doing so is provably the same.

/** ws's Sender (engine.io's own pre-encoded path calls `sendFrame`; the rest is checked, not used). */
interface WsSender {
  sendFrame?: (frame: readonly Buffer[], callback?: (error?: Error) => void) => void;
  _queue?: unknown;
  _state?: unknown;
}
interface EngineTransport {
  name?: string;
  writable?: boolean;
  perMessageDeflate?: unknown;
  socket?: { readyState?: number; extensions?: string; bufferedAmount?: number; _sender?: WsSender };
}
/** engine.io's Socket, as far as the fast path reads it. */
export interface EngineConnection {
  readyState?: string;
  upgrading?: boolean;
  writeBuffer?: unknown;
  transport?: EngineTransport;
  write: (data: unknown, options?: unknown, callback?: unknown) => unknown;
}

/** ws's `WebSocket.OPEN` and its Sender's idle state (`DEFAULT`). */
const WS_OPEN = 1;
const SENDER_IDLE = 0;

/**
 * The sender a frame can be written to right now with exactly the bytes, order and outcome that
 * `conn.write` would give, or `undefined`: the connection is open and not upgrading, its transport
 * is an idle, writable WebSocket (nothing waiting in engine.io's write buffer, ws's send queue or
 * the TCP socket's buffer) without compression. A peer that stops reading thus gets engine.io's
 * path, whose back-pressure (the transport stays busy until the data is out) still holds packets
 * back and drops volatile ones. Any missing private field answers `undefined`: the normal path.
 */
export function idleWebSocketSender(conn: EngineConnection): WsSender | undefined {
  const transport = conn.transport;
  const ws = transport?.socket;
  const sender = ws?._sender;
  if (
    conn.readyState === 'open' &&
    conn.upgrading === false &&
    Array.isArray(conn.writeBuffer) &&
    conn.writeBuffer.length === 0 &&
    transport!.name === 'websocket' &&
    transport!.writable === true &&
    !transport!.perMessageDeflate &&
    ws!.readyState === WS_OPEN &&
    ws!.extensions === '' &&
    ws!.bufferedAmount === 0 &&
    typeof sender?.sendFrame === 'function' &&
    Array.isArray(sender._queue) &&
    sender._queue.length === 0 &&
    sender._state === SENDER_IDLE
  ) {
    return sender;
  }
  return undefined;
}

/**
 * socket.io encodes a broadcast once, with its WebSocket frame (`wsPreEncodedFrame`), then calls
 * `conn.write` per socket: engine.io makes a packet, pushes it to the write buffer, flushes it
 * to the transport (marked busy until ws's write callback, which then emits `drain` and `ready`),
 * and the transport hands the frame to ws's `sendFrame`. For a connection with nothing waiting,
 * that is one `sendFrame` with the same bytes: this calls it directly (no callback, so nothing
 * waits on it), saving about 2 µs of JavaScript per socket per broadcast. Anything else (polling,
 * upgrading, a packet still waiting, compression, a send callback, a private field gone) takes
 * engine.io's own path, so a connection's packets keep their order.
 */
export function writeBroadcastsDirectly(engine: { on(event: 'connection', listener: (conn: EngineConnection) => void): unknown }): void {
  engine.on('connection', (conn) => {
    const write = conn.write;
    if (typeof write !== 'function') return;
    conn.write = function (this: EngineConnection, data, options, callback) {
      const frame = (options as { wsPreEncodedFrame?: unknown } | undefined)?.wsPreEncodedFrame;
      if (Array.isArray(frame) && callback === undefined) {
        const sender = idleWebSocketSender(this);
        if (sender) {
          sender.sendFrame!(frame as Buffer[]);
          return this;
        }
      }
      return write.call(this, data, options, callback);
    };
  });
}
