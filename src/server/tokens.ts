// Merchant-signed role tokens (JWT, HS256 with VITRINE_SECRET): who someone is, their role, the
// one show it is valid for, and when it expires. Verified on connect and again on every
// privileged event, so an expired or swapped token stops working mid-show.
import { createHash, randomBytes } from 'node:crypto';
import { SignJWT, errors, jwtVerify } from 'jose';
import { PROTOCOL_LIMITS, ROLES, type Author, type Role } from '../live/protocol.js';
import { Refusal } from './refusal.js';
import { cleanText } from './text.js';

export type Secret = string | Uint8Array;

const ALGORITHM = 'HS256';
const SUB = /^[^\s\u0000-\u001f]{1,64}$/u;

function key(secret: Secret): Uint8Array {
  return typeof secret === 'string' ? new TextEncoder().encode(secret) : secret;
}

export interface MintTokenOptions {
  readonly secret: Secret;
  readonly role: Role;
  readonly show: string;
  /** Stable user id at the merchant; default a random one. */
  readonly sub?: string;
  /** Display name; default the role ("Host"). */
  readonly name?: string;
  /** Lifetime in seconds; default 12 hours. */
  readonly expiresIn?: number;
}

/** Signs a role token (what `vitrine-live token` prints). */
export async function mintToken(options: MintTokenOptions): Promise<string> {
  if (!ROLES.includes(options.role)) throw new TypeError(`role must be one of ${ROLES.join(', ')}`);
  if (!PROTOCOL_LIMITS.showId.test(options.show)) throw new TypeError('show must be 1-64 of A-Z a-z 0-9 _ . : -');
  const sub = options.sub ?? `${options.role}-${randomBytes(6).toString('base64url')}`;
  const name = options.name ?? options.role.charAt(0).toUpperCase() + options.role.slice(1);
  const seconds = Math.max(1, Math.round(options.expiresIn ?? 12 * 3600));
  return new SignJWT({ name, role: options.role, show: options.show })
    .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
    .setSubject(sub)
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + seconds)
    .sign(key(options.secret));
}

/** Who a valid token says its holder is. */
export interface TokenIdentity {
  readonly author: Author;
  /** Expiry, epoch ms. */
  readonly expiresAt: number;
}

/**
 * Checks signature, expiry, claims and the show the token is bound to. Throws a Refusal:
 * `unauthorized` (forged, malformed, no secret configured), `token_expired`, `wrong_show`.
 */
export async function verifyToken(token: unknown, secret: Secret | undefined, show: string): Promise<TokenIdentity> {
  if (typeof token !== 'string' || token.length === 0 || token.length > PROTOCOL_LIMITS.tokenLength) {
    throw new Refusal('unauthorized', 'token must be a JWT string');
  }
  if (!secret) throw new Refusal('unauthorized', 'this server accepts no tokens (no VITRINE_SECRET configured)');
  let payload;
  try {
    ({ payload } = await jwtVerify(token, key(secret), { algorithms: [ALGORITHM], requiredClaims: ['sub', 'exp', 'role', 'show'] }));
  } catch (error) {
    if (error instanceof errors.JWTExpired) throw new Refusal('token_expired', 'token has expired');
    throw new Refusal('unauthorized', 'token is not valid');
  }
  const { sub, role, show: tokenShow, name, exp } = payload as Record<string, unknown>;
  if (typeof sub !== 'string' || !SUB.test(sub)) throw new Refusal('unauthorized', 'token "sub" is not valid');
  if (typeof role !== 'string' || !(ROLES as readonly string[]).includes(role)) throw new Refusal('unauthorized', 'token "role" is not valid');
  if (tokenShow !== show) throw new Refusal('wrong_show', 'token is for another show');
  const displayName = typeof name === 'string' ? cleanText(name).slice(0, PROTOCOL_LIMITS.nameLength) : '';
  return {
    author: { id: `u_${sub}`, name: displayName || sub.slice(0, PROTOCOL_LIMITS.nameLength), role: role as Role },
    expiresAt: Number(exp) * 1000,
  };
}

/**
 * The public id of an anonymous viewer: a hash of the secret key their browser keeps, so the
 * id shown in chat cannot be used to act as them.
 */
export function anonymousId(viewerKey: string): string {
  return `a_${createHash('sha256').update(viewerKey).digest('base64url').slice(0, 16)}`;
}

/** A fresh viewer key for a client that sent none (its id then lasts one connection). */
export function randomViewerKey(): string {
  return randomBytes(16).toString('base64url');
}
