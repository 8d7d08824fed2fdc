// The studio's names for the protocol's pins and offers (src/live/protocol.ts).
export type { Offer, PinEvent, StartOffer as OfferStart } from '../../live/protocol.js';
