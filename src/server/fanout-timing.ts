// When this node's last broadcast to a room ran, and how long it took: the fan-out (a write per
// socket) that chat batching paces itself by.

export interface FanOutTime {
  /** `performance.now()` when the fan-out started and when it returned. */
  readonly start: number;
  readonly end: number;
}

/**
 * Times this node's broadcasts to single rooms, on socket.io's in-memory adapter (also the base of
 * the Redis one, whose fan-out to this node's sockets runs once Redis has the message, after
 * `emit` has returned): a broadcast encodes its packet once (`_encode`), then writes it to each
 * socket of the room (`apply`). Only broadcasts of `events` are timed. Returns the last fan-out
 * time of a room, if any. Guarded: with
 * another adapter shape nothing is timed and the lookup answers `undefined`.
 */
export function timeRoomBroadcasts(adapter: object, events: ReadonlySet<string>): (room: string) => FanOutTime | undefined {
  const times = new Map<string, FanOutTime>();
  const target = adapter as {
    _encode?: (...args: unknown[]) => unknown;
    apply?: (opts: { rooms?: ReadonlySet<string> }, callback: unknown) => unknown;
    on?: (event: string, listener: (room: string) => void) => void;
  };
  const encode = target._encode;
  const apply = target.apply;
  if (typeof encode !== 'function' || typeof apply !== 'function') return () => undefined;
  let encoded = false;
  target._encode = function (...args) {
    const data = (args[0] as { data?: unknown } | undefined)?.data;
    encoded = Array.isArray(data) && events.has(data[0] as string);
    return encode.apply(this, args);
  };
  target.apply = function (opts, callback) {
    // `apply` also serves joins, leaves and socket lookups: only one right after an encode is a broadcast.
    const broadcast = encoded && opts.rooms?.size === 1;
    encoded = false;
    if (!broadcast) return apply.call(this, opts, callback);
    const start = performance.now();
    try {
      return apply.call(this, opts, callback);
    } finally {
      const [room] = opts.rooms!;
      times.set(room!, { start, end: performance.now() });
    }
  };
  target.on?.('delete-room', (room) => times.delete(room));
  return (room) => times.get(room);
}
