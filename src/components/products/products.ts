import { LitElement, html, nothing, svg, type PropertyValues, type CSSResultGroup, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { classMap } from 'lit/directives/class-map.js';
import { guard } from 'lit/directives/guard.js';
import { repeat } from 'lit/directives/repeat.js';
import type { CartAdapter } from '../../commerce/cart.js';
import { currencyCode, prepareCurrencyFormats } from '../../commerce/money.js';
import type { Product } from '../../commerce/product.js';
import { CommerceController } from '../../controllers/commerce.js';
import { StoreController } from '../../controllers/store.js';
import { MessagesController } from '../../controllers/messages.js';
import { emit } from '../../internal/emit.js';
import { safeHttpUrl } from '../../internal/url.js';
import { warn } from '../../internal/warn.js';
import { createProductsStore } from '../../stores/products.js';
import { VERSION } from '../../version.js';
import type { VitrineProductOverlay } from '../product-overlay/product-overlay.js';
import { isSoldOut, knownStock } from '../product-overlay/variants.js';
import './events.js';
import '../../analytics/events.js';
import { sizedImage } from './images.js';
import { upgradeProperties } from './layout.js';
import { priceText, type PriceText } from './price.js';
import { productsStyles } from './products.styles.js';
import { whenIdle } from '../../internal/idle.js';
import { ownStatic } from '../../internal/statics.js';

/** What one card shows, worked out once per product (not on every keystroke). */
interface CardModel {
  readonly image?: { readonly src: string; readonly width: number; readonly height: number };
  readonly price: PriceText;
  readonly soldOut: boolean;
  readonly lowStock?: string;
}

/**
 * Cards rendered at once; the rest follow in small batches, a task each, so a long list never
 * blocks the page (200 cards in one go is a long task on a phone; 24 at a time still was, on a
 * mid-range phone's CPU). The first batch fills the widest strip.
 */
const FIRST_CARDS = 8;
const MORE_CARDS = 8;

const chevron = svg`<svg class="icon" viewBox="0 0 24 24" aria-hidden="true"><path d="M15 5l-7 7 7 7"/></svg>`;
const chevronForward = svg`<svg class="icon" viewBox="0 0 24 24" aria-hidden="true"><path d="M9 5l7 7-7 7"/></svg>`;

/** Loads the overlay's code once; the carousel works without it until a card is opened. */
export function loadOverlay(): Promise<unknown> {
  return import('../../define/product-overlay.js');
}

/**
 * A carousel of products: image, title, price in the shop's currency, discount, stock and
 * "live now" badges. Opening a card shows the add-to-cart overlay (a modal on its own, over the
 * video inside <vitrine-show>). Touch, mouse and keyboard (arrow keys, Home, End) friendly.
 *
 * @summary Product carousel with add-to-cart.
 * @tag vitrine-products
 * @attr {string} products - Product feed: a JSON feed URL, `shopify:handle-a,handle-b`, `woocommerce:12,34`, or empty for inline `<script type="application/json">`.
 * @attr {string} cart - Cart adapter: `shopify`, `woocommerce` or `events`. Without a cart, cards open product details only.
 * @attr {string} currency - ISO 4217 currency for feeds that do not say, e.g. `EUR`.
 * @attr {string} locale - BCP 47 locale for text and prices; default the page's `lang`, then the browser's.
 * @attr {string} creator - Affiliate / creator ref carried to the cart line.
 * @attr {string} show - Show id carried to the cart line.
 * @attr {number} low-stock - Show "Only N left" at or below this many units. Default 5.
 * @fires vitrine-product-open - A card was opened; cancel it to keep the overlay closed.
 * @fires vitrine-impression - A product card came into view (once per product).
 * @csspart list - The scrolling list of cards.
 * @csspart card - A product card (a button).
 * @csspart card-live - A card of a product pinned as "live now".
 * @csspart image - A card's product image.
 * @csspart title - A card's product title.
 * @csspart price - A card's price line.
 * @csspart badge - A badge on a card (live now, discount, sold out, low stock, merchant badges).
 * @csspart scroll-button - The previous / next buttons (mouse only).
 * @csspart message - The loading, empty and error messages.
 * @csspart retry-button - The "Try again" button of a failed feed.
 * @csspart overlay - The add-to-cart overlay (when the carousel shows its own).
 * @cssproperty --vitrine-products-height - Height of the carousel. Default `124px`.
 * @cssproperty --vitrine-product-card-width - Width of a card. Default `248px`.
 * @cssproperty --vitrine-product-image-size - Size of a card's image. Default `80px`.
 * @cssproperty --vitrine-card-background - Card background. Default `#fff`.
 * @cssproperty --vitrine-card-border-color - Card border. Default `rgb(0 0 0 / 0.12)`.
 * @cssproperty --vitrine-card-radius - Card corner radius. Default `10px`.
 * @cssproperty --vitrine-text-color - Text colour. Default `#111`.
 * @cssproperty --vitrine-muted-color - Secondary text (the "was" price). Default `#5b5b66`.
 * @cssproperty --vitrine-accent - Live, discount and focus colour. Default `#e11d48`.
 * @cssproperty --vitrine-focus-color - Focus ring colour. Default the accent.
 * @cssproperty --vitrine-products-background - Background behind the cards. Default transparent.
 */
export class VitrineProducts extends LitElement {
  // A getter, not a static field: see "Static getters" in rollup.config.mjs.
  static get version(): string {
    return VERSION;
  }
  static set version(value: string) {
    ownStatic(this, 'version', value);
  }
  static override get styles(): CSSResultGroup {
    return productsStyles;
  }
  static override set styles(value: CSSResultGroup) {
    ownStatic(this, 'styles', value);
  }

  /** The `products` attribute: where products come from (the `products` property holds data instead). */
  @property({ attribute: 'products' }) source: string | null = null;
  /** Built-in cart adapter name: `shopify`, `woocommerce` or `events`. */
  @property() cart: string | null = null;
  /** ISO 4217 currency for feeds that do not say. */
  @property() currency: string | null = null;
  /** BCP 47 locale for text and prices. */
  @property() locale: string | null = null;
  /** Affiliate / creator ref carried to the cart line. */
  @property() creator: string | null = null;
  /** Show id carried to the cart line. */
  @property() show: string | null = null;
  /** "Only N left" at or below this many units. */
  @property({ attribute: 'low-stock', type: Number }) lowStock = 5;
  /** A custom cart adapter; wins over the `cart` attribute. */
  @property({ attribute: false }) cartAdapter: CartAdapter | undefined = undefined;
  /** Set by <vitrine-show>: the show's products, cart and loading state, used instead of this element's own. */
  @property({ attribute: false }) commerce: CommerceController | null = null;
  /** Set by <vitrine-show>: the overlay to open products in, instead of this element's own modal. */
  @property({ attribute: false }) overlay: VitrineProductOverlay | null = null;

  readonly #own = new CommerceController(this, this, createProductsStore(), () => (this.commerce ? null : this.#options()));
  readonly #status = new StoreController(this, this.#own.store.status);
  readonly #products = new StoreController(this, this.#own.store.products);
  readonly #pinned = new StoreController(this, this.#own.store.pinned);
  #productsData: unknown = undefined;
  #ownOverlay: VitrineProductOverlay | undefined;
  #active = 0;
  #cards = new WeakMap<Product, CardModel>();
  #cardsKey = '';
  readonly #text = new MessagesController(this);
  #lastPinned: readonly string[] = [];
  /** How many cards are rendered, of the products in `#shownFor`. */
  #shown = 0;
  #shownFor: readonly Product[] | null = null;
  #moreCards: ReturnType<typeof setTimeout> | undefined;
  /** End was the last key: the focus follows the last card while a long list is still arriving. */
  #toEnd = false;
  #impressions: IntersectionObserver | undefined;
  /** Cards the impressions observer watches (each until its product was seen). */
  #watched = new WeakSet<Element>();
  #seen = new Set<string>();
  /** Whether the first and the last card are fully in view (the scroll buttons follow them). */
  #edges: IntersectionObserver | undefined;
  #edgeCards: { first: Element | null; last: Element | null } = { first: null, last: null };
  #atStart = true;
  #atEnd = true;

  constructor() {
    super();
    upgradeProperties(this, ['products', 'pinned']);
  }

  /**
   * Products as data (Vitrine's feed schema: an array of products or `{ products: [...] }`); wins
   * over the `products` attribute. Reads back what was set.
   */
  get products(): unknown {
    return this.#productsData;
  }
  set products(value: unknown) {
    const old = this.#productsData;
    this.#productsData = value;
    this.requestUpdate('products', old);
  }

  /** Ids of the products shown as "live now". */
  get pinned(): readonly string[] {
    return this.#commerce.store.pinned.get();
  }
  set pinned(ids: readonly string[]) {
    if (!Array.isArray(ids)) {
      warn(this, `property "pinned" must be an array of product ids; got ${typeof ids}.`);
      return;
    }
    this.#commerce.store.pinned.set(ids.map(String));
  }

  /** Loads the products again (what the "Try again" button does). */
  retry(): void {
    this.#commerce.retry();
  }

  get #commerce(): CommerceController {
    return this.commerce ?? this.#own;
  }

  #options() {
    return {
      products: this.source,
      productsData: this.#productsData,
      cart: this.cart,
      cartAdapter: this.cartAdapter,
      currency: this.currency,
      show: this.show,
      creator: this.creator,
    };
  }

  /** Renders once the text of the carousel's language is loaded. */
  protected override scheduleUpdate(): void | Promise<void> {
    return this.#text.ready(() => this.locale, () => super.scheduleUpdate());
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('commerce')) {
      const { store } = this.#commerce;
      this.#status.store = store.status;
      this.#products.store = store.products;
      this.#pinned.store = store.pinned;
    }
    const key = `${this.#text.locale.tag}|${this.lowStock}`;
    if (key !== this.#cardsKey) {
      this.#cardsKey = key;
      this.#cards = new WeakMap();
    }
  }

  override render(): TemplateResult {
    const t = this.#text.t('products');
    const status = this.#status.value;
    const products = this.#products.value;
    let body: TemplateResult;
    let announce = '';
    if (status === 'loading') {
      body = this.#skeleton();
      announce = t('loading');
    } else if (status === 'error') {
      body = html`<p class="message" part="message" role="alert">
        <span>${t('loadFailed')}</span>
        <button type="button" part="retry-button" @click=${() => this.retry()}>${t('retry')}</button>
      </p>`;
    } else if (products.length === 0) {
      body = html`<p class="message" part="message">${status === 'ready' ? t('empty') : ''}</p>`;
    } else {
      body = this.#carousel(products);
    }
    return html`${body}<span class="sr-only" role="status">${announce}</span>${this.#ownOverlay ?? nothing}`;
  }

  #skeleton(): TemplateResult {
    const placeholder = html`<li class="item">
      <div class="card">
        <span class="media"></span>
        <span class="body"><span class="line"></span><span class="line short"></span></span>
      </div>
    </li>`;
    return html`<ul class="list skeleton" part="list" aria-hidden="true">
      ${placeholder}${placeholder}${placeholder}${placeholder}${placeholder}${placeholder}
    </ul>`;
  }

  #carousel(products: readonly Product[]): TemplateResult {
    const t = this.#text.t('products');
    const pinned = new Set(this.#pinned.value);
    if (this.#active >= products.length) this.#active = products.length - 1;
    if (products !== this.#shownFor) {
      this.#shownFor = products;
      this.#shown = Math.min(products.length, Math.max(FIRST_CARDS, this.#shown, this.#active + 1));
    }
    // Cards in pages (the first FIRST_CARDS, then MORE_CARDS each): a page's cards are worked out
    // again only when something they show changed, so each later batch renders only its own cards.
    const active = this.#active;
    const pinnedKey = this.#pinned.value;
    const pages: unknown[] = [];
    for (let start = 0; start < this.#shown; start = start === 0 ? FIRST_CARDS : start + MORE_CARDS) {
      const end = Math.min(this.#shown, start === 0 ? FIRST_CARDS : start + MORE_CARDS);
      const own = active >= start && active < end ? active : -1;
      pages.push(
        guard([products, start, end, own, pinnedKey, this.#cardsKey], () =>
          repeat(
            products.slice(start, end),
            (product) => product.id,
            (product, index) => this.#card(product, start + index, pinned.has(product.id)),
          ),
        ),
      );
    }
    return html`
      <button class="scroll back" part="scroll-button" type="button" tabindex="-1" hidden aria-label=${t('scrollBack')} @click=${() => this.#scrollByPage(-1)}>
        ${chevron}
      </button>
      <ul
        class="list"
        part="list"
        role="list"
        aria-label=${t('products')}
        @keydown=${this.#onKeydown}
        @focusin=${this.#onFocusin}
        @pointerenter=${this.#prepare}
      >
        ${pages}
      </ul>
      <button class="scroll forward" part="scroll-button" type="button" tabindex="-1" hidden aria-label=${t('scrollForward')} @click=${() => this.#scrollByPage(1)}>
        ${chevronForward}
      </button>
    `;
  }

  #card(product: Product, index: number, live: boolean): TemplateResult {
    const t = this.#text.t('products');
    const model = this.#model(product);
    const { price } = model;
    return html`<li class="item">
      <button
        type="button"
        class=${classMap({ card: true, live, 'sold-out': model.soldOut })}
        part=${live ? 'card card-live' : 'card'}
        tabindex=${index === this.#active ? 0 : -1}
        data-index=${index}
        aria-labelledby=${`title-${index} price-${index} badges-${index}`}
        @click=${this.#onCardClick}
      >
        <span class="media">
          ${model.image
            ? html`<img part="image" src=${model.image.src} width=${model.image.width} height=${model.image.height} alt="" loading="lazy" decoding="async" />`
            : nothing}
        </span>
        <span class="body">
          <span class="title" part="title" id=${`title-${index}`}>${product.title}</span>
          <span class=${classMap({ price: true, sale: price.was !== undefined })} part="price" aria-hidden="true">
            <span class="now">${price.now}</span>
            ${price.was ? html`<s class="was">${price.was}</s>` : nothing}
          </span>
          <span class="sr-only" id=${`price-${index}`}>${price.sentence}</span>
          <span class="badges" id=${`badges-${index}`}>
            ${live ? html`<span class="badge live" part="badge">${t('liveNow')}</span>` : nothing}
            ${model.soldOut ? html`<span class="badge sold-out" part="badge">${t('soldOut')}</span>` : nothing}
            ${model.lowStock ? html`<span class="badge low" part="badge">${model.lowStock}</span>` : nothing}
            ${price.discount ? html`<span class="badge discount" part="badge" aria-hidden="true">${price.discount}</span>` : nothing}
            ${product.badges.map((badge) => html`<span class="badge" part="badge">${badge}</span>`)}
          </span>
        </span>
      </button>
    </li>`;
  }

  #model(product: Product): CardModel {
    let model = this.#cards.get(product);
    if (model) return model;
    const first = product.images[0] ?? product.variants.find((variant) => variant.image)?.image;
    const src = safeHttpUrl(first?.url);
    const from = product.variants.some((variant) => variant.price.amount !== product.price.amount);
    const soldOut = isSoldOut(product);
    const stock = knownStock(product);
    const t = this.#text.t('products');
    model = {
      image: src
        ? { src: sizedImage(src, 80), width: first?.width && first.height ? first.width : 160, height: first?.width && first.height ? first.height : 160 }
        : undefined,
      price: priceText(product.price, product.compareAtPrice, this.#text.locale, t, from),
      soldOut,
      lowStock: !soldOut && stock !== undefined && stock > 0 && stock <= this.lowStock ? t('lowStock', { count: stock }) : undefined,
    };
    this.#cards.set(product, model);
    return model;
  }

  override updated(): void {
    this.#watchEdges();
    this.#followPins();
    this.#followEnd();
    this.#renderMoreCards();
    this.#watchImpressions();
  }

  /**
   * `vitrine-impression` once per product, when its card is at least half in view. A card is
   * watched only until its product was seen: an observer over 200 cards costs every scrolled frame.
   */
  #watchImpressions(): void {
    const impressions = (this.#impressions ??= new IntersectionObserver(
      (entries) => {
        for (const { target, isIntersecting } of entries) {
          const index = Number((target as HTMLElement).dataset['index']);
          const product = this.#products.value[index];
          if (!isIntersecting || !product) continue;
          impressions.unobserve(target);
          if (this.#seen.has(product.id)) continue;
          this.#seen.add(product.id);
          emit(this, 'vitrine-impression', { product, index });
        }
      },
      { threshold: 0.5 },
    ));
    for (const card of this.renderRoot.querySelectorAll('.card:not(.skeleton .card)')) {
      if (this.#watched.has(card)) continue;
      this.#watched.add(card);
      impressions.observe(card);
    }
  }

  /**
   * The previous / next buttons show only when there is somewhere to go: the first or the last
   * card is not fully in view. Watched by an IntersectionObserver on those two cards rather than
   * read from the layout on every scrolled frame (and not in render: scrolling must not re-render
   * 200 cards).
   */
  #watchEdges(): void {
    const list = this.#list;
    if (!list) {
      this.#edges?.disconnect();
      this.#edges = undefined;
      this.#edgeCards = { first: null, last: null };
      return;
    }
    if (this.#edges?.root !== list) {
      this.#edges?.disconnect();
      this.#edgeCards = { first: null, last: null };
      // No buttons until the new observer's first readings.
      this.#atStart = this.#atEnd = true;
      this.#edges = new IntersectionObserver((entries) => this.#edgesMoved(entries), { root: list, threshold: [0, 0.5, 0.99, 1] });
    }
    const first = list.querySelector(':scope > .item');
    const last = list.querySelector(':scope > .item:last-of-type');
    for (const [which, card] of [['first', first], ['last', last]] as const) {
      const old = this.#edgeCards[which];
      if (old === card) continue;
      if (old && old !== first && old !== last) this.#edges.unobserve(old);
      this.#edgeCards[which] = card;
      if (!card) continue;
      // A card watched already (the other edge) gets no new reading from observe(): start afresh.
      this.#edges.unobserve(card);
      this.#edges.observe(card);
    }
    this.#updateScrollButtons();
  }

  #edgesMoved(entries: IntersectionObserverEntry[]): void {
    for (const { target, intersectionRatio } of entries) {
      const inView = intersectionRatio >= 0.99;
      if (target === this.#edgeCards.first) this.#atStart = inView;
      if (target === this.#edgeCards.last) this.#atEnd = inView;
    }
    this.#updateScrollButtons();
  }

  /** After End, a longer list (the rest of a long `products` list, normalised later) moves the focus on to its last card. */
  #followEnd(): void {
    const last = this.#products.value.length - 1;
    if (!this.#toEnd || this.#active >= last) return;
    if (this.renderRoot instanceof ShadowRoot && this.renderRoot.activeElement === this.#cardAt(this.#active)) this.#focusCard(last);
    else this.#toEnd = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Moved in the page: the observers (dropped when it left) are set up again after an update.
    if (this.hasUpdated) this.requestUpdate();
    // The first currency formatter loads the browser's currency data: do it while the page is idle, not in the first render.
    whenIdle(() => {
      if (this.isConnected) prepareCurrencyFormats(this.#text.locale.tag, currencyCode(this.currency));
    }, 1000);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#impressions?.disconnect();
    this.#impressions = undefined;
    this.#watched = new WeakSet();
    this.#edges?.disconnect();
    this.#edges = undefined;
    this.#edgeCards = { first: null, last: null };
    clearTimeout(this.#moreCards);
    this.#moreCards = undefined;
  }

  /** Schedules the next batch of cards, in a task of its own. */
  #renderMoreCards(): void {
    if (this.#moreCards !== undefined || !this.#shownFor || this.#shown >= this.#shownFor.length) return;
    this.#moreCards = setTimeout(() => {
      this.#moreCards = undefined;
      this.#showCards(this.#shown + MORE_CARDS);
    });
  }

  /** Renders at least `count` cards (on the next update). */
  #showCards(count: number): void {
    const total = this.#shownFor?.length ?? 0;
    if (this.#shown >= Math.min(count, total)) return;
    this.#shown = Math.min(count, total);
    this.requestUpdate();
  }

  get #list(): HTMLUListElement | null {
    return this.renderRoot.querySelector('.list:not(.skeleton)');
  }

  #cardAt(index: number): HTMLButtonElement | null {
    return this.renderRoot.querySelector(`.card[data-index="${index}"]`);
  }

  /** Brings a newly pinned product into view, unless the shopper is busy in the carousel. */
  #followPins(): void {
    const pinned = this.#pinned.value;
    if (pinned === this.#lastPinned) return;
    const fresh = pinned.find((id) => !this.#lastPinned.includes(id));
    const index = this.#products.value.findIndex((product) => product.id === fresh);
    if (index >= this.#shown) {
      // Not rendered yet: render up to it, and follow the pin after that update.
      this.#showCards(index + 1);
      return;
    }
    this.#lastPinned = pinned;
    if (fresh === undefined || this.matches(':focus-within')) return;
    const item = this.#cardAt(index)?.closest('li');
    const list = this.#list;
    if (!item || !list) return;
    // From boxes, not offsetLeft: each item is its cards' offsetParent (content-visibility contains it).
    const style = getComputedStyle(list);
    const pad = parseFloat(style.scrollPaddingInlineStart || '0');
    const [outer, inner] = [list.getBoundingClientRect(), item.getBoundingClientRect()];
    const left = list.scrollLeft + (style.direction === 'rtl' ? inner.right - outer.right + pad : inner.left - outer.left - pad);
    list.scrollTo({ left, behavior: reducedMotion() ? 'auto' : 'smooth' });
  }

  #onKeydown = (event: KeyboardEvent): void => {
    const count = this.#products.value.length;
    if (count === 0 || event.altKey || event.ctrlKey || event.metaKey) return;
    const rtl = getComputedStyle(this).direction === 'rtl';
    const step = { ArrowRight: rtl ? -1 : 1, ArrowLeft: rtl ? 1 : -1, ArrowDown: 1, ArrowUp: -1 } as Record<string, number>;
    let next: number;
    if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = count - 1;
    else if (event.key in step) next = this.#active + (step[event.key] ?? 0);
    else return;
    event.preventDefault();
    this.#toEnd = event.key === 'End';
    this.#focusCard(Math.max(0, Math.min(count - 1, next)));
  };

  #focusCard(index: number): void {
    this.#active = index;
    this.#showCards(index + 1);
    this.requestUpdate();
    // The tabindex moves with the render; focus can move now (focus() works on tabindex -1),
    // or after the update when the card is not rendered yet (End in a long list).
    const card = this.#cardAt(index);
    if (card) card.focus();
    else void this.updateComplete.then(() => this.#cardAt(index)?.focus());
  }

  #onFocusin = (event: FocusEvent): void => {
    this.#prepare();
    const card = (event.target as Element).closest?.('.card');
    const index = Number(card?.getAttribute('data-index'));
    if (card && Number.isInteger(index) && index !== this.#active) {
      this.#active = index;
      this.requestUpdate();
    }
  };

  #prepare = (): void => {
    // Intent to open a product: fetch the overlay's code now, so the tap only has to render.
    loadOverlay().catch(() => undefined);
  };

  #onCardClick = (event: MouseEvent): void => {
    const card = event.currentTarget as HTMLButtonElement;
    const product = this.#products.value[Number(card.dataset['index'])];
    if (product) void this.#open(product, card);
  };

  async #open(product: Product, card: HTMLElement): Promise<void> {
    if (!emit(this, 'vitrine-product-open', { product }, { cancelable: true })) return;
    try {
      await loadOverlay();
    } catch (error) {
      warn(this, 'could not load the add-to-cart overlay code.', error);
      return;
    }
    let overlay = this.overlay;
    if (!overlay) {
      if (!this.#ownOverlay) {
        this.#ownOverlay = document.createElement('vitrine-product-overlay');
        this.#ownOverlay.modal = true;
        this.#ownOverlay.setAttribute('part', 'overlay');
        this.requestUpdate();
        await this.updateComplete;
      }
      overlay = this.#ownOverlay;
      if (this.locale) overlay.setAttribute('locale', this.locale);
      else overlay.removeAttribute('locale');
    }
    overlay.lowStock = this.lowStock;
    overlay.show(product, { session: this.#commerce.session, returnFocus: card });
  }

  #scrollByPage(direction: 1 | -1): void {
    const list = this.#list;
    if (!list) return;
    const rtl = getComputedStyle(this).direction === 'rtl';
    list.scrollBy({ left: direction * (rtl ? -1 : 1) * list.clientWidth * 0.85, behavior: reducedMotion() ? 'auto' : 'smooth' });
  }

  /** Shows the previous / next buttons where there is somewhere to go (cards not rendered yet count). */
  #updateScrollButtons(): void {
    const back = this.renderRoot.querySelector<HTMLButtonElement>('.scroll.back');
    const forward = this.renderRoot.querySelector<HTMLButtonElement>('.scroll.forward');
    if (!back || !forward) return;
    const allRendered = this.#shownFor !== null && this.#shown >= this.#shownFor.length;
    back.hidden = this.#atStart;
    forward.hidden = this.#atEnd && allRendered;
  }
}

function reducedMotion(): boolean {
  return globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
}
