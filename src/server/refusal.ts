import type { LiveErrorCode, LiveFailure } from '../live/protocol.js';

/**
 * Why the server will not do something. Thrown inside a handler and turned into the failed
 * ack by the guard around every event, so it never leaves the server or reaches other viewers.
 */
export class Refusal extends Error {
  constructor(
    readonly code: LiveErrorCode,
    message: string,
    /** Seconds until a retry makes sense. */
    readonly retryAfter?: number,
  ) {
    super(message);
    this.name = 'Refusal';
  }

  toAck(): LiveFailure {
    return this.retryAfter === undefined
      ? { ok: false, error: this.code, message: this.message }
      : { ok: false, error: this.code, message: this.message, retryAfter: this.retryAfter };
  }
}
