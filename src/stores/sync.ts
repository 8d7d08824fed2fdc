import { atom, type WritableAtom } from 'nanostores';
import type { Offer } from '../live/protocol.js';

/** How an offer on screen stands at the viewer's position. */
export type OfferState = 'live' | 'sold_out' | 'ended';

export interface OfferOnScreen {
  readonly offer: Offer;
  readonly state: OfferState;
  /** When it ends, on `clock`: `stream` (program date time ms) or `server` (server ms). */
  readonly endsAt: number;
  readonly clock: 'stream' | 'server';
}

/** What the show's sync part publishes, next to `ProductsStore.pinned`. */
export interface SyncStore {
  /** The flash offer on screen at the viewer's position, or null. */
  readonly offer: WritableAtom<OfferOnScreen | null>;
}

export function createSyncStore(): SyncStore {
  return { offer: atom<OfferOnScreen | null>(null) };
}
