import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ReadableAtom } from 'nanostores';

/**
 * Follows one nanostores store for a Lit element: subscribes while the element is connected,
 * re-renders it on change, and lets go when it leaves the document. The store can be swapped
 * (a <vitrine-show> hands its own store bag to a child after the child was created).
 */
export class StoreController<T> implements ReactiveController {
  #store: ReadableAtom<T>;
  #unsubscribe: (() => void) | undefined;
  #connected = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    store: ReadableAtom<T>,
  ) {
    this.#store = store;
    host.addController(this);
  }

  /** The store's current value. */
  get value(): T {
    return this.#store.get();
  }

  get store(): ReadableAtom<T> {
    return this.#store;
  }

  set store(next: ReadableAtom<T>) {
    if (next === this.#store) return;
    this.#store = next;
    if (this.#connected) {
      this.#unsubscribe?.();
      this.#subscribe();
    }
    this.host.requestUpdate();
  }

  hostConnected(): void {
    this.#connected = true;
    this.#subscribe();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }

  #subscribe(): void {
    // listen (not subscribe): the value is read on render, so no call is needed now.
    this.#unsubscribe = this.#store.listen(() => this.host.requestUpdate());
  }
}
