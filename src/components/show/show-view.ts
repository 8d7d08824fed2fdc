import { adoptStyles, html, render, unsafeCSS, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { defineElement } from '../../define/define.js';
import { createShowStores, type ShowStores } from '../../stores/show.js';
import { hostResetCss } from '../host.styles.js';
import { VitrinePlayer } from '../player/player.js';
import { showFacadeCss } from './show.styles.js';
import { ShowLive } from './show-live.js';
import { showViewStyles } from './show-view.styles.js';
import type { VitrineShow } from './show.js';

/**
 * The loaded <vitrine-show>: renders the player (and, as they arrive, products, chat and cart)
 * into the facade's shadow root and owns the widget's store bag. It is a Lit controller host
 * rather than an element so the public tag stays the small facade class.
 */
export class ShowView implements ReactiveControllerHost {
  readonly stores: ShowStores = createShowStores();
  /** Chat and the other live features; `live.connection` is the widget's one live connection. */
  readonly live: ShowLive;
  readonly #controllers = new Set<ReactiveController>();
  #connected = false;
  #updateScheduled = false;
  #updateComplete: Promise<boolean> = Promise.resolve(true);

  constructor(
    readonly host: VitrineShow,
    private readonly root: ShadowRoot,
  ) {
    adoptStyles(root, [unsafeCSS(hostResetCss), unsafeCSS(showFacadeCss), showViewStyles]);
    root.replaceChildren();
    this.live = new ShowLive(this);
    this.connected();
  }

  get updateComplete(): Promise<boolean> {
    return this.#updateComplete;
  }

  /** The widget's player element. */
  get player(): VitrinePlayer | null {
    return this.root.querySelector('vitrine-player');
  }

  addController(controller: ReactiveController): void {
    this.#controllers.add(controller);
    if (this.#connected) controller.hostConnected?.();
  }

  removeController(controller: ReactiveController): void {
    this.#controllers.delete(controller);
  }

  requestUpdate(): void {
    if (this.#updateScheduled) return;
    this.#updateScheduled = true;
    this.#updateComplete = Promise.resolve().then(() => {
      this.#updateScheduled = false;
      for (const controller of this.#controllers) controller.hostUpdate?.();
      render(this.#template(), this.root, { host: this.host });
      for (const controller of this.#controllers) controller.hostUpdated?.();
      return true;
    });
  }

  connected(): void {
    if (this.#connected) return;
    this.#connected = true;
    for (const controller of this.#controllers) controller.hostConnected?.();
    this.requestUpdate();
  }

  disconnected(): void {
    this.#connected = false;
    for (const controller of this.#controllers) controller.hostDisconnected?.();
  }

  attributeChanged(_name: string): void {
    this.requestUpdate();
  }

  async play(): Promise<void> {
    await this.updateComplete;
    const player = this.player;
    if (!player) return;
    await player.updateComplete;
    await player.play();
  }

  #template() {
    const host = this.host;
    const attr = (name: string): string | undefined => host.getAttribute(name) ?? undefined;
    return html`<div class="frame" title="">
      <vitrine-player
        part="player"
        exportparts="video, controls"
        src=${ifDefined(attr('src'))}
        poster=${ifDefined(attr('poster'))}
        locale=${ifDefined(attr('locale'))}
        label=${ifDefined(attr('title'))}
        ?autoplay=${host.autoplay}
        ?muted=${host.muted}
        .store=${this.stores.player}
      ></vitrine-player>
      ${this.live.template()}
    </div>`;
  }
}

/** Renders the full widget into a <vitrine-show>'s shadow root. */
export function mountShowView(host: VitrineShow, root: ShadowRoot): ShowView {
  defineElement('vitrine-player', VitrinePlayer);
  return new ShowView(host, root);
}
