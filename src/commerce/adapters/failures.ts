import { CartError } from '../cart.js';
import { HttpFailure, MalformedResponse, NetworkFailure, retryAfterSeconds } from '../http.js';

// What every HTTP cart adapter does with a failure that is not the platform's own business
// error: the request may or may not have been applied, so the session checks before retrying.

/** Maps transport-level failures (network, 5xx, 429, unreadable answers) to a CartError. */
export function transportError(error: unknown, what: string): CartError {
  if (error instanceof CartError) return error;
  if (error instanceof NetworkFailure) {
    return new CartError('network', `${what}: no answer from the shop (${error.message}).`, { cause: error });
  }
  if (error instanceof MalformedResponse) {
    // A 2xx we cannot read: the change may well have happened.
    return new CartError('unknown', `${what}: ${error.message}`, { cause: error, maybeApplied: true, detail: error.message });
  }
  if (error instanceof HttpFailure) {
    if (error.status === 429) {
      const retryAfter = retryAfterSeconds(error.headers);
      return new CartError('rate_limited', `${what}: the shop is rate limiting (HTTP 429).`, { cause: error, ...(retryAfter === undefined ? {} : { retryAfter }) });
    }
    if (error.status >= 500 || error.status === 408) {
      return new CartError('network', `${what}: the shop failed (HTTP ${error.status}).`, { cause: error, detail: `HTTP ${error.status}` });
    }
    if (error.status === 401 || error.status === 403) return new CartError('unauthorized', `${what}: refused (HTTP ${error.status}).`, { cause: error });
    if (error.status === 404) return new CartError('not_found', `${what}: not found (HTTP 404).`, { cause: error });
    return new CartError('unknown', `${what}: HTTP ${error.status}.`, { cause: error });
  }
  return CartError.from(error);
}
