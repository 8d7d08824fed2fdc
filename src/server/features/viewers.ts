// Viewer counts: every node counts the viewers joined to each show here (widgets, not the show's
// hosts and moderators), reports the count to the state store and sends the sum over all nodes
// to its own widgets when it changes.
import type { LiveContext, LiveFeature } from '../feature.js';

const ROOM_PREFIX = 'show:';
const sumsOf = new WeakMap<LiveContext, Map<string, number>>();

/** Viewers of a show joined to this node: its widgets but the staff's. */
function localViewers(context: LiveContext, show: string): number {
  const rooms = context.io.of('/').adapter.rooms;
  return (rooms.get(context.room(show))?.size ?? 0) - (rooms.get(context.staffRoom(show))?.size ?? 0);
}

/** Viewers of a show now: the last sum over every node, or this node's count when that is higher. */
export function currentViewers(context: LiveContext, show: string): number {
  return Math.max(sumsOf.get(context)?.get(show) ?? 0, localViewers(context, show));
}

export function viewersFeature(): LiveFeature {
  const sums = new Map<string, number>();
  const sentAt = new Map<string, number>();
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  return {
    name: 'viewers',
    snapshot(socket, context) {
      return { viewers: currentViewers(context, socket.data.show) };
    },
    start(context) {
      sumsOf.set(context, sums);
      const interval = context.options.viewerIntervalMs;
      const tick = async (): Promise<void> => {
        if (running) return;
        running = true;
        try {
          const rooms = context.io.of('/').adapter.rooms;
          const shows = new Set(sums.keys());
          for (const room of rooms.keys()) if (room.startsWith(ROOM_PREFIX)) shows.add(room.slice(ROOM_PREFIX.length));
          const now = Date.now();
          await Promise.all(
            [...shows].map(async (show) => {
              const local = rooms.get(context.room(show))?.size ?? 0;
              const sum = await context.state.reportViewers(show, context.node, localViewers(context, show), interval * 3);
              const changed = sums.get(show) !== sum;
              if (local === 0 && sum === 0) {
                sums.delete(show);
                sentAt.delete(show);
                return;
              }
              sums.set(show, sum);
              // Volatile, so a refresh now and then covers one dropped under load.
              if (local > 0 && (changed || now - (sentAt.get(show) ?? 0) > 15_000)) {
                sentAt.set(show, now);
                context.io.local.to(context.room(show)).volatile.emit('viewers', { count: sum });
              }
            }),
          );
        } catch (error) {
          if (context.state.ready) context.options.logger.warn('could not update viewer counts', error);
        } finally {
          running = false;
        }
      };
      timer = setInterval(() => void tick(), interval);
      timer.unref();
    },
    stop() {
      clearInterval(timer);
    },
  };
}
