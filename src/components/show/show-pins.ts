import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import type { Product } from '../../commerce/product.js';
import { StoreController } from '../../controllers/store.js';
import { emit } from '../../internal/emit.js';
import { safeHttpUrl } from '../../internal/url.js';
import { warn } from '../../internal/warn.js';
import { ShowSync } from '../../live/show-sync.js';
import type { OverlayShowOptions } from '../product-overlay/product-overlay.js';
import { sizedImage } from '../products/images.js';
import { priceText } from '../products/price.js';
import { loadOverlay } from '../products/products.js';
import '../products/events.js';
import type { ShowView } from './show-view.js';

type BannerModule = typeof import('./offer-banner.js');

/**
 * Pins and flash offers over the video of a <vitrine-show>: the "pinned product" card (tap to
 * open the add-to-cart overlay) and the offer banner, both in step with the viewer's playback
 * (ShowSync). The banner's code loads only for shows that run an offer.
 */
export class ShowPins implements ReactiveController {
  readonly sync: ShowSync;
  readonly #pinned: StoreController<readonly string[]>;
  readonly #offer: StoreController<ReturnType<ShowView['stores']['sync']['offer']['get']>>;
  #banner: BannerModule | null = null;
  #loading = false;
  #countdown: ReturnType<typeof setInterval> | undefined;

  constructor(private readonly view: ShowView) {
    view.addController(this);
    this.sync = new ShowSync(view, view.stores, view.host, () => view.live.connection);
    this.#pinned = new StoreController(view, view.stores.products.pinned);
    this.#offer = new StoreController(view, view.stores.sync.offer);
  }

  /** The show's cart session, if it has a cart. */
  get session() {
    return this.view.commerce.session;
  }

  hostUpdate(): void {
    const onScreen = this.#offer.value;
    // Loaded as soon as an offer is known: it arrives seconds before this viewer's playback
    // reaches it, so the banner's code is there by its moment.
    if ((onScreen || this.sync.hasOffers) && !this.#banner && !this.#loading) {
      this.#loading = true;
      import('./offer-banner.js').then(
        (banner) => {
          banner.adoptBannerStyles(this.view.root);
          this.#banner = banner;
          this.view.requestUpdate();
        },
        (error: unknown) => {
          this.#loading = false;
          warn(this.view.host, 'could not load the flash offer code.', error);
        },
      );
    }
    // The countdown ticks while a live offer is on screen.
    const ticking = onScreen?.state === 'live';
    if (ticking && !this.#countdown) this.#countdown = setInterval(() => this.view.requestUpdate(), 500);
    else if (!ticking && this.#countdown) {
      clearInterval(this.#countdown);
      this.#countdown = undefined;
    }
  }

  hostDisconnected(): void {
    clearInterval(this.#countdown);
    this.#countdown = undefined;
  }

  #product(id: string | undefined): Product | undefined {
    return id === undefined ? undefined : this.view.stores.products.products.get().find((product) => product.id === id);
  }

  template(): TemplateResult {
    const view = this.view;
    const { locale } = view.text;
    const t = view.text.t('products');
    const product = this.#product(this.#pinned.value[0]);
    const image = product?.images.map((candidate) => safeHttpUrl(candidate.url)).find(Boolean);
    const onScreen = this.#offer.value;
    const offered = onScreen && this.#product(onScreen.offer.productId);
    return html`<div class="pinned" aria-live="polite">
        ${product
          ? html`<button type="button" class="pin-card" part="pinned-card" data-product=${product.id} @click=${(event: Event) => this.open(product, { returnFocus: event.currentTarget as HTMLElement })}>
              ${image ? html`<img src=${sizedImage(image, 48)} alt="" width="48" height="48" decoding="async" />` : nothing}
              <span class="pin-text"
                ><span class="pin-live">${t('liveNow')}</span><span class="pin-title">${product.title}</span
                ><span class="pin-price">${priceText(product.price, product.compareAtPrice, locale, t).now}</span></span
              >
            </button>`
          : nothing}
      </div>
      ${onScreen && offered && this.#banner ? this.#banner.offerBanner({ pins: this, onScreen, product: offered, text: view.text }) : nothing}`;
  }

  /** Opens the add-to-cart overlay on a product, as the carousel does (`vitrine-product-open` first). */
  async open(product: Product, options: OverlayShowOptions = {}): Promise<void> {
    const view = this.view;
    if (!emit(view.host, 'vitrine-product-open', { product }, { cancelable: true })) return;
    try {
      await loadOverlay();
    } catch (error) {
      warn(view.host, 'could not load the add-to-cart overlay code.', error);
      return;
    }
    await view.overlay.show(product, { session: view.commerce.session, ...options });
  }
}
