import { createLiveStore, type LiveStore } from './live.js';
import { createPlayerStore, type PlayerStore } from './player.js';
import { createProductsStore, type ProductsStore } from './products.js';
import { createSyncStore, type SyncStore } from './sync.js';

/**
 * All state of one <vitrine-show>: one bag per widget, created when the widget loads and handed
 * to its parts. Two shows on a page never share a store (or a socket).
 */
export interface ShowStores {
  readonly player: PlayerStore;
  /** The show's products, their loading state and the ids pinned as "live now". */
  readonly products: ProductsStore;
  /** The show's live connection (chat, viewers; pins and offers build on it). */
  readonly live: LiveStore;
  /** Pins and offers at the viewer's playback position (the pinned ids are in `products.pinned`). */
  readonly sync: SyncStore;
}

export function createShowStores(): ShowStores {
  return { player: createPlayerStore(), products: createProductsStore(), live: createLiveStore(), sync: createSyncStore() };
}
