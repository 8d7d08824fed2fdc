// Who you are during a connection: choose a display name, or swap in a (refreshed) token.
import { isStaff } from '../../live/protocol.js';
import type { LiveFeature } from '../feature.js';
import { displayName } from '../handshake.js';
import { Refusal } from '../refusal.js';
import { blockedWordMatcher } from '../text.js';
import { verifyToken } from '../tokens.js';
import { payloadObject } from '../validate.js';

export function sessionFeature(): LiveFeature {
  return {
    name: 'session',
    events(context) {
      const isBlocked = blockedWordMatcher(context.options.chat.blockedWords);
      return {
        'profile:name': {
          rule: { beforeJoin: true },
          handle(payload, socket) {
            if (socket.data.token) throw new Refusal('forbidden', 'the name of a signed-in user comes from their token');
            const name = displayName(payloadObject(payload)['name'], isBlocked);
            if (!name) throw new Refusal('empty', '"name" is empty');
            socket.data.user = { ...socket.data.user, name };
            return socket.data.user;
          },
        },
        'auth:token': {
          rule: { beforeJoin: true },
          async handle(payload, socket) {
            const { show } = socket.data;
            const identity = await verifyToken(payloadObject(payload)['token'], context.options.secret, show);
            socket.data.user = identity.author;
            socket.data.token = payloadObject(payload)['token'] as string;
            socket.data.expiresAt = identity.expiresAt;
            if (socket.data.joined) {
              if (isStaff(identity.author.role)) await socket.join(context.staffRoom(show));
              else await socket.leave(context.staffRoom(show));
            }
            return identity.author;
          },
        },
      };
    },
  };
}
