// Reactions: widgets report taps in batches; each node sums them per show and sends one
// `reactions` event per interval (volatile: hearts from a moment ago are not worth replaying).
import { PROTOCOL_LIMITS, REACTION_KINDS, type ReactionKind } from '../../live/protocol.js';
import type { LiveFeature } from '../feature.js';
import { integerField, payloadObject } from '../validate.js';
import { Refusal } from '../refusal.js';

export function reactionsFeature(): LiveFeature {
  const pending = new Map<string, Record<ReactionKind, number>>();
  let timer: NodeJS.Timeout | undefined;
  return {
    name: 'reactions',
    events() {
      return {
        reaction: {
          rule: { noAck: true },
          handle(payload, socket) {
            const body = payloadObject(payload);
            const kind = body['kind'];
            if (typeof kind !== 'string' || !(REACTION_KINDS as readonly string[]).includes(kind)) {
              throw new Refusal('invalid_payload', '"kind" must be one of ' + REACTION_KINDS.join(', '));
            }
            const count = integerField(body, 'count', 1, PROTOCOL_LIMITS.reactionBatch);
            const counts = pending.get(socket.data.show) ?? { heart: 0 };
            counts[kind as ReactionKind] += count;
            pending.set(socket.data.show, counts);
          },
        },
      };
    },
    start(context) {
      timer = setInterval(() => {
        for (const [show, counts] of pending) context.io.to(context.room(show)).volatile.emit('reactions', { counts });
        pending.clear();
      }, context.options.reactionIntervalMs);
      timer.unref();
    },
    stop() {
      clearInterval(timer);
    },
  };
}
