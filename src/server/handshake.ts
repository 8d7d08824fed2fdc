// Who is connecting: checked in socket.io's middleware for every new session. A session recovered
// within `recoverySeconds` skips it (`skipMiddlewares`) and keeps the data it was given; that is
// why the client sends `auth:token` / `profile:name` again after a recovered connect when they
// changed while it was offline. A refusal here reaches the client as `connect_error` with
// `data: { code, message }`, and socket.io-client does not retry it by itself (the widget shows
// why instead of hammering the server).
import { PROTOCOL_LIMITS, PROTOCOL_VERSION, type Author } from '../live/protocol.js';
import type { SocketData } from './feature.js';
import type { ResolvedOptions } from './options.js';
import { Refusal } from './refusal.js';
import { blockedWordMatcher, cleanText } from './text.js';
import { anonymousId, randomViewerKey, verifyToken } from './tokens.js';
import { payloadObject } from './validate.js';

/** A display name as others will see it, or a Refusal. */
export function displayName(raw: unknown, isBlocked: (text: string) => boolean): string {
  if (typeof raw !== 'string' || raw.length > PROTOCOL_LIMITS.nameLength * 4) {
    throw new Refusal('invalid_payload', `"name" must be a string of at most ${PROTOCOL_LIMITS.nameLength} characters`);
  }
  const name = cleanText(raw);
  if ([...name].length > PROTOCOL_LIMITS.nameLength) throw new Refusal('too_long', `"name" is longer than ${PROTOCOL_LIMITS.nameLength} characters`);
  if (isBlocked(name)) throw new Refusal('blocked_words', '"name" contains a blocked word');
  return name;
}

export function originAllowed(origin: string | undefined, allowed: ResolvedOptions['origins']): boolean {
  if (allowed === '*') return true;
  return origin !== undefined && allowed.includes(origin.replace(/\/+$/, ''));
}

export interface Handshake {
  readonly auth: unknown;
  readonly origin: string | undefined;
}

export function createAuthenticator(options: ResolvedOptions, allowShow?: (show: string) => boolean | Promise<boolean>) {
  const isBlocked = blockedWordMatcher(options.chat.blockedWords);
  return async function authenticate(handshake: Handshake): Promise<SocketData> {
    if (!originAllowed(handshake.origin, options.origins)) {
      throw new Refusal('origin_not_allowed', `origin ${handshake.origin ?? '(none)'} is not allowed (VITRINE_ORIGINS)`);
    }
    const auth = payloadObject(handshake.auth, 'auth');
    if (auth['v'] !== PROTOCOL_VERSION) {
      throw new Refusal('unsupported_version', `this server speaks protocol ${PROTOCOL_VERSION}; got ${String(auth['v'])}`);
    }
    const show = auth['show'];
    if (typeof show !== 'string' || !PROTOCOL_LIMITS.showId.test(show)) {
      throw new Refusal('invalid_payload', '"show" must be 1-64 of A-Z a-z 0-9 _ . : -');
    }
    if (allowShow && !(await allowShow(show))) throw new Refusal('not_found', `show "${show}" does not exist`);

    if (auth['token'] !== undefined && auth['token'] !== null && auth['token'] !== '') {
      const identity = await verifyToken(auth['token'], options.secret, show);
      return { show, user: identity.author, token: auth['token'] as string, expiresAt: identity.expiresAt, joined: false };
    }
    const key = typeof auth['viewer'] === 'string' && PROTOCOL_LIMITS.key.test(auth['viewer']) ? auth['viewer'] : randomViewerKey();
    let name = '';
    if (auth['name'] !== undefined && auth['name'] !== '') {
      try {
        name = displayName(auth['name'], isBlocked);
      } catch {
        name = ''; // A bad stored name only means the viewer is asked again.
      }
    }
    const user: Author = { id: anonymousId(key), name, role: 'viewer' };
    return { show, user, token: null, expiresAt: null, joined: false };
  };
}
