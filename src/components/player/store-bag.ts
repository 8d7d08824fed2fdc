import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ReadableAtom } from 'nanostores';

/** Stores that change every frame: readers subscribe to them themselves, the element does not. */
const PER_FRAME = new Set(['streamTime']);

/**
 * Re-renders the element when any store of its bag changes, while connected. The bag may be
 * swapped (a <vitrine-show> hands the player its own): the next update follows the new one.
 */
export class StoreBagController implements ReactiveController {
  #bag: object | null = null;
  #stops: (() => void)[] = [];

  constructor(
    private readonly host: ReactiveControllerHost & { readonly isConnected: boolean },
    private readonly bag: () => object,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.#follow();
  }

  hostUpdate(): void {
    if (this.host.isConnected && this.bag() !== this.#bag) this.#follow();
  }

  hostDisconnected(): void {
    this.#unfollow();
  }

  #follow(): void {
    this.#unfollow();
    const bag = this.bag();
    this.#bag = bag;
    for (const [name, store] of Object.entries(bag) as [string, ReadableAtom<unknown>][]) {
      if (!PER_FRAME.has(name)) this.#stops.push(store.listen(() => this.host.requestUpdate()));
    }
  }

  #unfollow(): void {
    for (const stop of this.#stops) stop();
    this.#stops = [];
    this.#bag = null;
  }
}
