import { isStaff, type LiveErrorCode, type Role } from '../../live/protocol.js';
import type { LiveProblem } from '../../stores/live.js';

/** Why the studio will not open. */
export type StudioRefusal = 'missing' | 'viewer' | 'expired' | 'invalid' | 'config' | 'unavailable';

/**
 * What the token says about itself, read without verifying it (the live server verifies it on
 * connect and on every staff action): enough to refuse a viewer or expired token at once,
 * without joining the show as a viewer first.
 */
export function tokenClaims(token: string): { role?: Role; exp?: number } | null {
  try {
    const payload = token.split('.')[1] ?? '';
    const claims: unknown = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/')));
    return typeof claims === 'object' && claims !== null ? (claims as { role?: Role; exp?: number }) : null;
  } catch {
    return null;
  }
}

/** Refusal before connecting: no settings, no token, a token that is not staff's or has expired. */
export function refusalBeforeConnecting(server: string, show: string, token: string, now = Date.now()): StudioRefusal | null {
  if (!server || !show) return 'config';
  if (!token) return 'missing';
  const claims = tokenClaims(token);
  if (!claims) return 'invalid';
  if (!isStaff(claims.role)) return 'viewer';
  if (typeof claims.exp === 'number' && claims.exp * 1000 <= now) return 'expired';
  return null;
}

/** Refusal the live server gave (connection refused, or joined without a staff role). */
export function refusalFromServer(problem: LiveProblem | null, role: Role | undefined): StudioRefusal | null {
  if (problem) {
    const code = problem as LiveErrorCode | 'bad_url' | 'load_failed';
    if (code === 'token_expired') return 'expired';
    if (code === 'unauthorized' || code === 'wrong_show' || code === 'forbidden') return 'invalid';
    if (code === 'bad_url') return 'config';
    return 'unavailable';
  }
  return role && !isStaff(role) ? 'viewer' : null;
}
