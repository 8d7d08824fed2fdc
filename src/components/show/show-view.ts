import { adoptStyles, html, nothing, render, svg, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { CommerceController } from '../../controllers/commerce.js';
import { StoreController } from '../../controllers/store.js';
import { defineElement } from '../../define/define.js';
import { nextTask, prepareStyles } from '../../internal/tasks.js';
import { prepareCurrencyFormats } from '../../commerce/money.js';
import { MessagesController } from '../../controllers/messages.js';
import { createShowStores, type ShowStores } from '../../stores/show.js';
import { VitrinePlayer } from '../player/player.js';
import type { VitrineProductOverlay } from '../product-overlay/product-overlay.js';
import { VitrineProducts } from '../products/products.js';
import { layoutClass, layoutParts } from './layout.js';
import { playerPoster } from './poster.js';
import { ShowAnalytics } from './show-analytics.js';
import { ShowLive } from './show-live.js';
import { ShowPins } from './show-pins.js';
import { showViewStyles } from './show-view.styles.js';
import type { VitrineShow } from './show.js';

const cartIcon = svg`<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M3 4h2.2l2.3 11.2a1.5 1.5 0 0 0 1.5 1.2h8.6a1.5 1.5 0 0 0 1.5-1.1L21 8H6.2"/><circle cx="9.5" cy="20" r="1.3"/><circle cx="17.5" cy="20" r="1.3"/></svg>`;

/**
 * The loaded <vitrine-show>: renders the player (and, as they arrive, products, chat and cart)
 * into the facade's shadow root and owns the widget's store bag. It is a Lit controller host
 * rather than an element so the public tag stays the small facade class.
 */
export class ShowView implements ReactiveControllerHost {
  readonly stores: ShowStores = createShowStores();
  /** Chat and the other live features; `live.connection` is the widget's one live connection. */
  readonly live: ShowLive;
  /** Pins and flash offers over the video, in step with the viewer's playback. */
  readonly pins: ShowPins;
  /** The widget's text in its locale (the facade loaded its language alongside this code). */
  readonly text: MessagesController;
  readonly #controllers = new Set<ReactiveController>();
  /** Beacons, GA4 dataLayer pushes and watch progress, within the shopper's consent. */
  readonly analytics: ShowAnalytics;
  /** The show's products and cart session, configured by its attributes and properties. */
  readonly commerce: CommerceController;
  /** The add-to-cart overlay, over the video; its code loads when a product is first opened. */
  readonly overlay: VitrineProductOverlay = document.createElement('vitrine-product-overlay');
  readonly #cart: StoreController<ReturnType<CommerceController['cart']['get']>>;
  #connected = false;
  #updateScheduled = false;
  #updateComplete: Promise<boolean> = Promise.resolve(true);
  /**
   * What is drawn: 0 the player; 1 also the carousel and the cart button; 2 also the live part
   * (connection, chat). Each comes in a task of its own (see #unfold); until then its box is the
   * facade's placeholder. Read it; the widget moves it on.
   */
  stage = 0;
  /** Resolves once every part is drawn. */
  readonly unfolded: Promise<void>;

  constructor(
    readonly host: VitrineShow,
    /** The facade's shadow root the widget renders into. */
    readonly root: ShadowRoot,
  ) {
    // The facade's sheet (its reset and boxes) stays: parsed once.
    adoptStyles(root, [...root.adoptedStyleSheets, showViewStyles]);
    root.replaceChildren();
    this.text = new MessagesController(host);
    this.live = new ShowLive(this);
    this.analytics = new ShowAnalytics(this);
    this.pins = new ShowPins(this);
    // Off (null) until the carousel's turn: the products' requests and normalising, and the cart
    // session, start after the number formatting data is loaded (see #unfold).
    this.commerce = new CommerceController(this, host, this.stores.products, () => this.stage < 1 ? null : ({
      products: host.getAttribute('products'),
      productsData: host.products,
      cart: host.getAttribute('cart'),
      cartAdapter: host.cartAdapter,
      currency: host.getAttribute('currency'),
      show: host.getAttribute('show'),
      creator: host.getAttribute('creator'),
    }));
    this.#cart = new StoreController(this, this.commerce.cart);
    this.overlay.setAttribute('part', 'product-overlay');
    // Removed while its code loaded: start (socket, listeners) only when it is back in the page.
    if (host.isConnected) this.connected();
    this.unfolded = this.#unfold();
  }

  /**
   * Draws the parts after the player a task each, so that no task is long enough to block the
   * page (Lighthouse's TBT counts every task over 50 ms on a slow phone) and the shopper's tap
   * waits only for the player. The browser's first number formatter loads its locale data, one
   * native call of 20-40 ms on a phone: likely subtags and numbering systems load it in pieces.
   */
  async #unfold(): Promise<void> {
    await this.#updateComplete;
    const { tag } = this.text.locale;
    // (Each draw renders in a microtask of its step's task.)
    const draw = (): void => {
      this.stage += 1;
      if (this.#connected) this.requestUpdate();
    };
    for (const step of [
      () => new Intl.Locale(tag).maximize(),
      // (Safari 15.0-15.3, which runs the widget, has no Intl.supportedValuesOf: the parts must still come.)
      () => Intl.supportedValuesOf?.('numberingSystem'),
      // (A bad currency is reported where prices use it.)
      () => prepareCurrencyFormats(tag, this.host.getAttribute('currency')),
      () => prepareStyles(VitrineProducts.styles),
      draw,
      draw,
    ]) {
      await nextTask();
      step();
    }
    // (The last draw renders in a microtask queued before this promise settles.)
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
    this.#updateComplete = Promise.resolve()
      .then(() =>
        this.text.ready(() => this.host.getAttribute('locale'), () => {
          this.#updateScheduled = false;
          for (const controller of this.#controllers) controller.hostUpdate?.();
          render(this.#template(), this.root, { host: this.host });
          for (const controller of this.#controllers) controller.hostUpdated?.();
        }),
      )
      .then(() => true);
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
    const parts = layoutParts(host, host.products);
    const vertical = parts.layout === 'vertical';
    if (parts.products) {
      const locale = attr('locale');
      if (locale) this.overlay.setAttribute('locale', locale);
      else this.overlay.removeAttribute('locale');
    }
    const toggle = vertical ? this.live.toggle() : nothing;
    // (No cart session before stage 1: no button.)
    const cart = this.#cartButton();
    // The same boxes as the facade's (layout.ts, show.styles.ts): nothing shifts when this renders.
    return html`<div class="${layoutClass(parts)}${cart === nothing ? '' : ' with-cart'}">
        <div class="stage" part="stage" title="">
          <vitrine-player
            part="player"
            exportparts="video, controls"
            src=${ifDefined(attr('src'))}
            poster=${ifDefined(playerPoster(host))}
            locale=${ifDefined(attr('locale'))}
            label=${ifDefined(attr('title'))}
            live-offset=${ifDefined(attr('live-offset'))}
            ?autoplay=${host.autoplay}
            ?muted=${host.muted}
            .store=${this.stores.player}
          ></vitrine-player>
          ${this.pins.template()}
          ${toggle === nothing && cart === nothing ? nothing : html`<div class="actions" part="actions">${toggle}${cart}</div>`}
        </div>
        ${parts.products || parts.chat
          ? html`<div class="panel" part="panel">
              ${!parts.products
                ? nothing
                : this.stage < 1
                ? html`<div class="strip" part="products-placeholder"></div>`
                : html`<vitrine-products
                    class="strip"
                    part="products"
                    title=""
                    locale=${ifDefined(attr('locale'))}
                    .commerce=${this.commerce}
                    .overlay=${this.overlay}
                  ></vitrine-products>`}
              ${parts.chat && this.stage < 2 ? html`<div class="chat" part="chat-placeholder"></div>` : this.live.chat(vertical)}
            </div>`
          : nothing}
      </div>
      ${parts.products ? this.overlay : nothing}`;
  }

  /** The merchant's cart, over the video: the number of items, and the shop's cart on click. */
  #cartButton() {
    const session = this.commerce.session;
    if (!session) return nothing;
    const count = this.#cart.value?.itemCount ?? 0;
    const t = this.text.t('products');
    return html`<button class="cart" part="cart-button" type="button" aria-label=${t('cart', { count })} @click=${() => session.openCart()}>
      ${cartIcon}${count > 0 ? html`<span class="count" aria-hidden="true">${count > 99 ? '99+' : count}</span>` : nothing}
    </button>`;
  }
}

/**
 * Renders the full widget into a <vitrine-show>'s shadow root: evaluating its modules (the
 * caller's task), parsing its first styles and drawing its player are a task each (then see #unfold).
 */
export async function mountShowView(host: VitrineShow, root: ShadowRoot): Promise<ShowView> {
  await nextTask();
  defineElement('vitrine-player', VitrinePlayer);
  defineElement('vitrine-products', VitrineProducts);
  prepareStyles([showViewStyles, VitrinePlayer.styles]);
  await nextTask();
  return new ShowView(host, root);
}
