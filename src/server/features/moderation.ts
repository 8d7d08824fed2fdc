// Staff tools: delete a message, time out, ban and unban a user, dismiss a question, slow mode.
// Every event here is staff-only: the guard verifies the token again before the handler runs.
import { PROTOCOL_LIMITS, type Role } from '../../live/protocol.js';
import type { LiveContext, LiveFeature, LiveSocket } from '../feature.js';
import { Refusal } from '../refusal.js';
import { MESSAGE_ID, USER_ID, integerField, payloadObject, stringField } from '../validate.js';
import { dropQueuedMessages, sendQuestions } from './chat.js';
import { unpinDeleted } from './pinned-message.js';

/**
 * The highest role a user has in a show, from their connections (on every node) and their recent
 * messages; roles come only from verified tokens. A user seen nowhere counts as a viewer.
 */
async function roleOf(context: LiveContext, show: string, userId: string): Promise<Role> {
  const [sockets, messages] = await Promise.all([
    context.io.in(context.room(show)).fetchSockets().catch(() => []),
    context.state.recentMessages(show, 500),
  ]);
  const roles = [...sockets.map((s) => s.data.user), ...messages.map((m) => m.author)].filter((author) => author?.id === userId).map((author) => author.role);
  return roles.includes('host') ? 'host' : roles.includes('moderator') ? 'moderator' : 'viewer';
}

async function restrict(context: LiveContext, socket: LiveSocket, payload: unknown, seconds: number | null): Promise<null> {
  const userId = stringField(payloadObject(payload), 'userId', { max: 90, pattern: USER_ID });
  const { show, user } = socket.data;
  if (userId === user.id) throw new Refusal('forbidden', 'you cannot restrict yourself');
  // Nobody restricts a host; only a host restricts a moderator.
  const target = await roleOf(context, show, userId);
  if (target === 'host') throw new Refusal('forbidden', 'a host cannot be restricted');
  if (target === 'moderator' && user.role !== 'host') throw new Refusal('forbidden', 'only a host can restrict a moderator');
  const until = seconds === null ? null : Date.now() + seconds * 1000;
  // Restrict first, so nothing new from the user slips in between the purge and the notice.
  await context.state.restrict(show, userId, until);
  const ids = await context.state.deleteMessagesBy(show, userId);
  dropQueuedMessages(context, show, ids);
  const room = context.io.to(context.room(show));
  room.emit('user:restricted', { userId, until });
  if (ids.length > 0) {
    room.emit('chat:deleted', { ids });
    await Promise.all([sendQuestions(context, show), unpinDeleted(context, show, ids)]);
  }
  return null;
}

export function moderationFeature(): LiveFeature {
  return {
    name: 'moderation',
    events(context) {
      const staff = { staff: true } as const;
      return {
        'chat:delete': {
          rule: staff,
          async handle(payload, socket) {
            const id = stringField(payloadObject(payload), 'id', { max: 40, pattern: MESSAGE_ID });
            const { show } = socket.data;
            await context.state.deleteMessages(show, [id]);
            dropQueuedMessages(context, show, [id]);
            // Sent even when the id is no longer stored: widgets may still show it.
            context.io.to(context.room(show)).emit('chat:deleted', { ids: [id] });
            await Promise.all([sendQuestions(context, show), unpinDeleted(context, show, [id])]);
            return null;
          },
        },
        'user:timeout': {
          rule: staff,
          handle: (payload, socket) =>
            restrict(context, socket, payload, integerField(payloadObject(payload), 'seconds', 1, PROTOCOL_LIMITS.timeoutSeconds)),
        },
        'user:ban': { rule: staff, handle: (payload, socket) => restrict(context, socket, payload, null) },
        'user:unban': {
          rule: staff,
          async handle(payload, socket) {
            const userId = stringField(payloadObject(payload), 'userId', { max: 90, pattern: USER_ID });
            await context.state.lift(socket.data.show, userId);
            context.io.to(context.room(socket.data.show)).emit('user:restricted', { userId, until: 0 });
            return null;
          },
        },
        'question:dismiss': {
          rule: staff,
          async handle(payload, socket) {
            const id = stringField(payloadObject(payload), 'id', { max: 40, pattern: MESSAGE_ID });
            await context.state.dismissQuestion(socket.data.show, id);
            await sendQuestions(context, socket.data.show);
            return null;
          },
        },
        'chat:settings': {
          rule: staff,
          async handle(payload, socket) {
            const body = payloadObject(payload);
            const { show } = socket.data;
            if (body['slowModeSeconds'] !== undefined) {
              const slowModeSeconds = integerField(body, 'slowModeSeconds', 0, PROTOCOL_LIMITS.slowModeSeconds);
              await context.state.updateSettings(show, { slowModeSeconds });
            }
            const settings = await context.chatSettings(show);
            context.io.to(context.room(show)).emit('chat:settings', settings);
            return settings;
          },
        },
      };
    },
  };
}
