// Pins and flash offers as the issue 5 contract names them (`/work/wt/ISSUE5-CONTRACT.md`): the
// show-sync side adds them to the protocol and the server; until that lands, the studio declares
// here what it sends and reads, so both sides compile against the same names. Remove this file
// when `PinEvent` and `Offer` are exported by src/live/protocol.ts.
import type { AckCallback, Money } from '../../live/protocol.js';

export interface PinEvent {
  readonly id: string;
  readonly productId: string;
  readonly action: 'pin' | 'unpin';
  /** Program date time (epoch ms) of the frame the producer saw; null when the stream has none. */
  readonly at: number | null;
  /** Server time, epoch ms. */
  readonly sentAt: number;
}

export interface Offer {
  readonly id: string;
  readonly productId: string;
  readonly variantId: string | null;
  readonly price: Money;
  readonly quantity: number;
  readonly remaining: number;
  /** Program date time (epoch ms) the offer starts at; null when the stream has none. */
  readonly startsAt: number | null;
  readonly durationMs: number;
  /** Program date time at which the studio stopped it early; null otherwise (and without one). */
  readonly stoppedAt: number | null;
  /**
   * `live` until claims close: a stopped offer can stay `live` for a grace period (viewers behind
   * live still see it), so the studio reads `stoppedAt` / `endedAt` to show it as stopped.
   */
  readonly status: 'live' | 'sold_out' | 'ended';
  /** Server time it was stopped, epoch ms; null while it runs (show-sync adds it). */
  readonly endedAt?: number | null;
}

export interface OfferStart {
  readonly productId: string;
  readonly variantId?: string;
  readonly price: Money;
  readonly quantity: number;
  readonly durationSeconds: number;
  readonly at: number | null;
}

declare module '../../live/protocol.js' {
  interface ClientToServerEvents {
    'pin:set': (payload: { readonly productId: string; readonly at: number | null }, ack: AckCallback<PinEvent>) => void;
    'pin:clear': (payload: { readonly productId: string; readonly at: number | null }, ack: AckCallback<PinEvent>) => void;
    'offer:start': (payload: OfferStart, ack: AckCallback<Offer>) => void;
    'offer:stop': (payload: { readonly id: string; readonly at: number | null }, ack: AckCallback<Offer>) => void;
  }
  interface ServerToClientEvents {
    pins: (payload: { readonly events: readonly PinEvent[] }) => void;
    offer: (offer: Offer) => void;
    'offer:stock': (payload: { readonly id: string; readonly remaining: number }) => void;
  }
  interface ShowSnapshot {
    readonly pins?: readonly PinEvent[];
    readonly offers?: readonly Offer[];
  }
}
