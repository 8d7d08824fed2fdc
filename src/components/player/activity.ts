import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Shows the controls on pointer or keyboard activity and hides them after a quiet while, when
 * `mayHide()` allows it (playing, no menu open, no keyboard focus in the controls).
 */
export class ActivityController implements ReactiveController {
  #active = true;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly mayHide: () => boolean,
    private readonly quietMs = 3000,
  ) {
    host.addController(this);
  }

  /** The controls are shown. */
  get active(): boolean {
    return this.#active;
  }

  /** Activity: show the controls, and start counting the quiet time again. */
  wake(): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#set(!this.mayHide()), this.quietMs);
    this.#set(true);
  }

  /** Hide the controls now (a tap on the video, on touch). */
  hide(): void {
    clearTimeout(this.#timer);
    this.#set(false);
  }

  hostDisconnected(): void {
    clearTimeout(this.#timer);
  }

  #set(active: boolean): void {
    if (active === this.#active) return;
    this.#active = active;
    this.host.requestUpdate();
  }
}
