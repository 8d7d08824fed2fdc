// Answer by pinning: staff pin one chat message (usually a question they answer on air) over
// every viewer's chat; a new pin replaces it, `id: null` unpins, deleting the message unpins it.
import type { ChatMessage } from '../../live/protocol.js';
import type { LiveContext, LiveFeature } from '../feature.js';
import { Refusal } from '../refusal.js';
import { MESSAGE_ID, payloadObject, stringField } from '../validate.js';

const HASH = 'chat-pin';
const FIELD = 'message';

async function pinned(context: LiveContext, show: string): Promise<ChatMessage | null> {
  const stored = await context.state.hash(show, HASH).get(FIELD);
  return stored ? (JSON.parse(stored) as ChatMessage) : null;
}

async function setPinned(context: LiveContext, show: string, message: ChatMessage | null): Promise<void> {
  const hash = context.state.hash(show, HASH);
  if (message) await hash.set(FIELD, JSON.stringify(message));
  else await hash.delete(FIELD);
  context.io.to(context.room(show)).emit('chat:pinned', { message });
}

/** Unpins the pinned message when it is among deleted ones (moderation calls this). */
export async function unpinDeleted(context: LiveContext, show: string, ids: readonly string[]): Promise<void> {
  const message = await pinned(context, show);
  if (message && ids.includes(message.id)) await setPinned(context, show, null);
}

export function pinnedMessageFeature(): LiveFeature {
  return {
    name: 'pinned-message',
    events(context) {
      return {
        'chat:pin': {
          rule: { staff: true },
          async handle(payload, socket) {
            const body = payloadObject(payload);
            const { show } = socket.data;
            if (body['id'] === null) {
              await setPinned(context, show, null);
              return null;
            }
            const id = stringField(body, 'id', { max: 40, pattern: MESSAGE_ID });
            const message = await context.state.getMessage(show, id);
            if (!message) throw new Refusal('not_found', 'no such message');
            await setPinned(context, show, message);
            return null;
          },
        },
      };
    },
    async snapshot(socket, context) {
      return { pinnedMessage: await pinned(context, socket.data.show) };
    },
  };
}
