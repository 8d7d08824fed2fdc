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
    /** `insufficient_stock`: units still available. */
    readonly available?: number,
  ) {
    super(message);
    this.name = 'Refusal';
  }

  toAck(): LiveFailure {
    return {
      ok: false,
      error: this.code,
      message: this.message,
      ...(this.retryAfter === undefined ? {} : { retryAfter: this.retryAfter }),
      ...(this.available === undefined ? {} : { available: this.available }),
    };
  }
}
