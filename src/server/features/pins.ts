// Pinned products: staff pin and unpin, stamped with the program date time of the frame they
// saw; the server keeps the show's timeline (at most PROTOCOL_LIMITS.pins pinned at once) and
// sends each event to the room. Widgets decide when to show it from their own playback.
import { PROTOCOL_LIMITS, type PinEvent } from '../../live/protocol.js';
import type { LiveContext, LiveFeature, LiveSocket } from '../feature.js';
import { Refusal } from '../refusal.js';
import { payloadObject, stampField, stringField } from '../validate.js';

/** Events kept per show: enough for a long show, and for a replay to know what was pinned when. */
export const PIN_TIMELINE = 500;

async function pinEvent(context: LiveContext, socket: LiveSocket, payload: unknown, action: PinEvent['action']): Promise<PinEvent> {
  const body = payloadObject(payload);
  const productId = stringField(body, 'productId', { max: 128, pattern: PROTOCOL_LIMITS.productId });
  const at = stampField(body, 'at');
  const { show } = socket.data;
  const result = await context.state.addPinEvent(show, { productId, action, at, sentAt: context.options.now() }, { limit: PROTOCOL_LIMITS.pins, keep: PIN_TIMELINE });
  if (!result.ok) {
    if (result.reason === 'pin_limit') throw new Refusal('pin_limit', `at most ${PROTOCOL_LIMITS.pins} products can be pinned at once; unpin one first`);
    throw new Refusal('not_found', 'that product is not pinned');
  }
  context.io.to(context.room(show)).emit('pins', { events: [result.event] });
  return result.event;
}

export function pinsFeature(): LiveFeature {
  return {
    name: 'pins',
    events(context) {
      return {
        'pin:set': { rule: { staff: true }, handle: (payload, socket) => pinEvent(context, socket, payload, 'pin') },
        'pin:clear': { rule: { staff: true }, handle: (payload, socket) => pinEvent(context, socket, payload, 'unpin') },
      };
    },
    async snapshot(socket, context) {
      return { pins: await context.state.pinTimeline(socket.data.show) };
    },
  };
}
