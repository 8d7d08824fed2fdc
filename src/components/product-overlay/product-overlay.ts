import { LitElement, html, nothing, svg, type CSSResultGroup, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { classMap } from 'lit/directives/class-map.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { atom } from 'nanostores';
import { CartError, type Cart } from '../../commerce/cart.js';
import type { AddOutcome, CartSession } from '../../commerce/cart-session.js';
import { sanitizeDescription } from '../../commerce/description.js';
import type { Money, Product, ProductImage, ProductOption, ProductVariant } from '../../commerce/product.js';
import { StoreController } from '../../controllers/store.js';
import { MessagesController } from '../../controllers/messages.js';
import { cartErrorMessage } from '../../i18n/cart.js';
import { emit } from '../../internal/emit.js';
import { safeHttpUrl } from '../../internal/url.js';
import { warn } from '../../internal/warn.js';
import { VERSION } from '../../version.js';
import '../../analytics/events.js';
import { sizedImage } from '../products/images.js';
import { priceText } from '../products/price.js';
import { overlayStyles } from './product-overlay.styles.js';
import { choose, initialSelection, maxAddable, valueState, variantFor, type Selection } from './variants.js';
import { ownStatic } from '../../internal/statics.js';

export interface OverlayShowOptions {
  /** The cart to add to; without one the overlay shows the product without an add button. */
  readonly session?: CartSession | null;
  /** Where focus returns when the overlay closes (the card that opened it). */
  readonly returnFocus?: HTMLElement | null;
  /** The variant to start with; default the first one that can be bought. */
  readonly variantId?: string;
  /** A flash offer to buy under (the offer banner passes one). */
  readonly offer?: OverlayOffer | null;
}

/** A flash offer the overlay sells under: its price, and how to buy at it (claim, then add). */
export interface OverlayOffer {
  /** The variant on offer; null for every variant. */
  readonly variantId: string | null;
  readonly price: Money;
  /** Most units one add may take at the offer price now. */
  readonly max: number;
  /** Said under the price (e.g. that the shop's cart sets the final price); '' for nothing. */
  readonly note: string;
  /**
   * Claims the units, adds them with the claim and gives them back if the add fails. Never
   * rejects; `message` replaces the overlay's own text for the outcome.
   */
  add(session: CartSession, product: Product, variant: ProductVariant, quantity: number): Promise<{ outcome: AddOutcome; message?: string }>;
}

/** Where the add button is. */
type AddState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'pending' }
  | { readonly kind: 'added'; readonly quantity: number; readonly message?: string | undefined }
  | { readonly kind: 'partial'; readonly added: number; readonly error: CartError; readonly message?: string | undefined }
  | { readonly kind: 'failed'; readonly error: CartError; readonly message?: string | undefined };

const IDLE: AddState = { kind: 'idle' };
const closeIcon = svg`<svg class="icon" viewBox="0 0 24 24" aria-hidden="true"><path d="M6 6l12 12M18 6L6 18"/></svg>`;

/**
 * The add-to-cart overlay: images, a variant picker for any number of option axes, quantity,
 * price, description, and the add button; then "view cart" and "checkout" in the shop's own
 * pages. Inside <vitrine-show> it lies over the video, which keeps playing, and makes the rest
 * of the widget inert; with `modal` it is a dialog over the whole page. Opened by
 * <vitrine-products>, or by calling `show(product, { session })`.
 *
 * @summary Add-to-cart overlay with variant picker.
 * @tag vitrine-product-overlay
 * @attr {boolean} modal - A page-modal dialog (how <vitrine-products> on its own shows it) instead of a layer over its parent.
 * @attr {string} locale - BCP 47 locale for text and prices.
 * @attr {number} low-stock - Show "Only N left" at or below this many units. Default 5.
 * @attr {boolean} open - Present while the overlay is open (read-only; use `show()` and `close()`).
 * @fires vitrine-product-view - A product was shown (the shopper opened its details).
 * @fires vitrine-checkout - The shopper went to the shop's checkout.
 * @fires vitrine-cart-add - Units went into the merchant's cart.
 * @fires vitrine-cart-error - An add to cart failed.
 * @csspart dialog - The dialog (and, inside a widget, the dimmed layer over the video).
 * @csspart panel - The panel with the product.
 * @csspart title - The product title.
 * @csspart close-button - The close button.
 * @csspart image - The main product image.
 * @csspart price - The price line.
 * @csspart offer-note - Under the price of a flash offer: who sets the final price.
 * @csspart option - One option axis (a fieldset).
 * @csspart option-value - One value of an option axis.
 * @csspart stock - The stock / availability line.
 * @csspart actions - The quantity, the add button and the result.
 * @csspart add-button - The add-to-cart button.
 * @csspart result - The message after an add (added, partly added, failed).
 * @csspart view-cart-button - Opens the shop's cart.
 * @csspart retry-button - Sends an add again after it could not be confirmed (the shopper checked the cart).
 * @csspart checkout-button - Goes to the shop's checkout.
 * @csspart about - The folded "Description" section (a `<details>`).
 * @csspart description - The product description, inside it.
 * @csspart details-link - The link to the product page (new tab).
 * @cssproperty --vitrine-overlay-background - Panel background. Default `#fff`.
 * @cssproperty --vitrine-text-color - Text colour. Default `#111`.
 * @cssproperty --vitrine-muted-color - Secondary text. Default `#5b5b66`.
 * @cssproperty --vitrine-accent - Add button, discount and focus colour. Default `#e11d48`.
 * @cssproperty --vitrine-focus-color - Focus ring colour. Default the accent.
 */
export class VitrineProductOverlay extends LitElement {
  // A getter, not a static field: see "Static getters" in rollup.config.mjs.
  static get version(): string {
    return VERSION;
  }
  static set version(value: string) {
    ownStatic(this, 'version', value);
  }
  static override get styles(): CSSResultGroup {
    return overlayStyles;
  }
  static override set styles(value: CSSResultGroup) {
    ownStatic(this, 'styles', value);
  }

  /** A page-modal dialog instead of a layer over its parent. */
  @property({ type: Boolean, reflect: true }) modal = false;
  /** BCP 47 locale for text and prices. */
  @property() locale: string | null = null;
  /** "Only N left" at or below this many units. */
  @property({ attribute: 'low-stock', type: Number }) lowStock = 5;

  @state() private product: Product | null = null;
  @state() private selection: Selection = [];
  @state() private quantity = 1;
  @state() private imageUrl: string | null = null;
  @state() private addState: AddState = IDLE;
  @state() private description: HTMLElement | null = null;
  /** Page-modal for this opening: `modal`, or a widget too small to hold the panel. */
  @state() private asModal = false;

  readonly #noCart = atom<Cart | null>(null);
  readonly #cart = new StoreController<Cart | null>(this, this.#noCart);
  readonly #notSlow = atom(false);
  readonly #slow = new StoreController<boolean>(this, this.#notSlow);
  #session: CartSession | null = null;
  #offer: OverlayOffer | null = null;
  #returnFocus: HTMLElement | null = null;
  #inerted: Element[] = [];
  #addToken = 0;
  readonly #text = new MessagesController(this);

  /** True while the overlay is open. */
  get open(): boolean {
    return this.hasAttribute('open');
  }

  /** The product shown (null when none has been shown yet). */
  get shownProduct(): Product | null {
    return this.product;
  }

  /** The variant the shopper's choices point to, if they point to one. */
  get selectedVariant(): ProductVariant | undefined {
    return this.product ? variantFor(this.product, this.selection) : undefined;
  }

  /** Opens the overlay on a product (or switches it to another one). Resolves once it is shown. */
  async show(product: Product, options: OverlayShowOptions = {}): Promise<void> {
    const wasOpen = this.open;
    this.product = product;
    this.selection = initialSelection(product, options.variantId);
    this.quantity = 1;
    this.imageUrl = null;
    this.addState = IDLE;
    this.#addToken += 1;
    this.#session = options.session ?? null;
    this.#offer = options.offer ?? null;
    this.#cart.store = this.#session?.cart ?? this.#noCart;
    this.#slow.store = this.#session?.slow ?? this.#notSlow;
    if (!wasOpen) {
      this.#returnFocus = options.returnFocus ?? null;
      this.asModal = this.modal || this.#parentTooSmall();
    }
    this.description = null;
    this.toggleAttribute('open', true);
    emit(this, 'vitrine-product-view', { product });
    await this.updateComplete;
    const dialog = this.#dialog;
    if (!dialog || !this.product) return;
    if (!dialog.open) {
      if (this.asModal) dialog.showModal();
      else dialog.show();
    }
    if (!this.asModal && !wasOpen) this.#inertSiblings();
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  /** Closes the overlay and gives focus back to what opened it. */
  close(): void {
    if (!this.open) return;
    this.toggleAttribute('open', false);
    this.#restoreSiblings();
    this.requestUpdate();
    const dialog = this.#dialog;
    if (dialog?.open) dialog.close();
    const target = this.#returnFocus;
    this.#returnFocus = null;
    if (target?.isConnected) target.focus();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // Leaving the page open would leave the rest of the widget inert.
    this.#restoreSiblings();
    this.toggleAttribute('open', false);
  }

  /** Renders once the text of the overlay's language is loaded. */
  protected override scheduleUpdate(): void | Promise<void> {
    return this.#text.ready(() => this.locale, () => super.scheduleUpdate());
  }

  override render(): TemplateResult {
    const product = this.product;
    return html`<dialog class=${this.asModal ? 'modal' : 'inline'} part="dialog" aria-labelledby="title" @cancel=${this.#onCancel} @close=${this.#onDialogClose} @keydown=${this.#onKeydown}>
      ${product && this.open ? this.#panel(product) : nothing}
    </dialog>`;
  }

  /** A phone-sized widget has no room for the panel over its video: then the page shows it. */
  #parentTooSmall(): boolean {
    const parent = this.parentNode instanceof ShadowRoot ? this.parentNode.host : this.parentElement;
    if (!parent) return false;
    const { width, height } = parent.getBoundingClientRect();
    return height < 360 || width < 280;
  }

  get #dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog');
  }

  /** The offer, when it applies to the chosen variant. */
  #offerFor(variant: ProductVariant | undefined): OverlayOffer | null {
    const offer = this.#offer;
    return offer && variant && (offer.variantId === null || offer.variantId === variant.id) ? offer : null;
  }

  #panel(product: Product): TemplateResult {
    const t = this.#text.t('products');
    const variant = this.selectedVariant;
    const offer = this.#offerFor(variant);
    const from = !variant && product.variants.some((v) => v.price.amount !== product.price.amount);
    const locale = this.#text.locale;
    const price = offer
      ? priceText(offer.price, variant!.price, locale, t)
      : variant
        ? priceText(variant.price, variant.compareAtPrice, locale, t)
        : priceText(product.price, product.compareAtPrice, locale, t, from);
    const details = safeHttpUrl(product.url);
    return html`<div class="panel" part="panel">
      <header>
        <h2 id="title" part="title" tabindex="-1">${product.title}</h2>
        <button class="close" part="close-button" type="button" aria-label=${t('close')} @click=${() => this.close()}>${closeIcon}</button>
      </header>
      ${product.brand ? html`<p class="brand">${product.brand}</p>` : nothing}
      ${this.#gallery(product, variant)}
      <p class=${classMap({ price: true, sale: price.was !== undefined })} part="price">
        <span class="now" aria-hidden="true">${price.now}</span>
        ${price.was ? html`<s class="was" aria-hidden="true">${price.was}</s>` : nothing}
        ${price.discount ? html`<span class="discount" aria-hidden="true">${price.discount}</span>` : nothing}
        <span class="sr-only">${price.sentence}</span>
      </p>
      ${offer?.note ? html`<p class="offer-note" part="offer-note">${offer.note}</p>` : nothing}
      ${this.#form(product, variant)}
      ${product.description
        ? html`<details class="about" part="about" @toggle=${this.#onAboutToggle}>
            <summary>${t('description')}</summary>
            ${this.description ?? nothing}
          </details>`
        : nothing}
      ${details
        ? html`<a class="details" part="details-link" href=${details.href} target="_blank" rel="noopener noreferrer"
            >${t('productDetails')}<span class="sr-only"> ${t('newTab')}</span></a
          >`
        : nothing}
      ${this.#actions(variant)}
    </div>`;
  }

  #images(product: Product, variant: ProductVariant | undefined): ProductImage[] {
    const images = product.images.filter((image) => safeHttpUrl(image.url));
    const own = variant?.image;
    if (own && safeHttpUrl(own.url) && !images.some((image) => image.url === own.url)) images.unshift(own);
    return images;
  }

  #gallery(product: Product, variant: ProductVariant | undefined): TemplateResult | typeof nothing {
    const images = this.#images(product, variant);
    if (images.length === 0) return nothing;
    const shown = images.find((image) => image.url === this.imageUrl) ?? images.find((image) => image.url === variant?.image?.url) ?? images[0]!;
    const t = this.#text.t('products');
    return html`<div class="gallery">
      <img
        class="main-image"
        part="image"
        src=${sizedImage(safeHttpUrl(shown.url)!, 400)}
        alt=${shown.alt}
        width=${shown.width ?? 600}
        height=${shown.height ?? 600}
        decoding="async"
      />
      ${images.length > 1
        ? html`<div class="thumbs">
            ${images.map(
              (image, index) => html`<button
                type="button"
                class="thumb"
                aria-pressed=${image === shown ? 'true' : 'false'}
                aria-label=${t('image', { index: index + 1, count: images.length })}
                @click=${() => (this.imageUrl = image.url)}
              >
                <img src=${sizedImage(safeHttpUrl(image.url)!, 48)} alt="" width="48" height="48" loading="lazy" decoding="async" />
              </button>`,
            )}
          </div>`
        : nothing}
    </div>`;
  }

  #form(product: Product, variant: ProductVariant | undefined): TemplateResult {
    const inCart = variant ? this.#inCart(variant) : 0;
    const max = variant ? maxAddable(variant, inCart) : 0;
    return html`<form id="add-form" novalidate @submit=${this.#onSubmit}>
      ${product.options.map((option, axis) => this.#axis(product, option, axis))}
      <p class=${classMap({ stock: true, low: this.#isLow(variant) })} part="stock" id="stock">${this.#stockText(product, variant, inCart, max)}</p>
    </form>`;
  }

  /** Quantity, add button and the answer; last in the panel and kept in view at its bottom. */
  #actions(variant: ProductVariant | undefined): TemplateResult | typeof nothing {
    const t = this.#text.t('products');
    const session = this.#session;
    if (!session) return nothing;
    const max = this.#maxFor(variant);
    const pending = this.addState.kind === 'pending';
    const canAdd = max >= 1;
    const quantity = Math.max(1, Math.min(this.quantity, max));
    return html`<div class="actions" part="actions">
      ${this.#result()}
      <div class="row">
        <div class="quantity" role="group" aria-label=${t('quantity')}>
          <button type="button" aria-label=${t('decrease')} aria-disabled=${String(!canAdd || quantity <= 1)} @click=${() => this.#setQuantity(quantity - 1, max)}>
            −
          </button>
          <input
            type="number"
            form="add-form"
            inputmode="numeric"
            min="1"
            max=${ifDefined(Number.isFinite(max) && max >= 1 ? max : undefined)}
            .value=${live(String(quantity))}
            aria-label=${t('quantity')}
            aria-describedby="stock"
            ?disabled=${!canAdd}
            @change=${(event: Event) => this.#setQuantity(Number((event.target as HTMLInputElement).value), max)}
          />
          <button type="button" aria-label=${t('increase')} aria-disabled=${String(!canAdd || quantity >= max)} @click=${() => this.#setQuantity(quantity + 1, max)}>
            +
          </button>
        </div>
        <button class="add" part="add-button" type="submit" form="add-form" aria-disabled=${String(!canAdd || pending)} aria-busy=${String(pending)}>
          ${pending ? html`<span class="spinner" aria-hidden="true"></span>${t('adding')}` : t('addToCart')}
        </button>
      </div>
    </div>`;
  }

  /** Units one add may take: the stock and cart limits, and an offer's units left. */
  #maxFor(variant: ProductVariant | undefined): number {
    if (!variant) return 0;
    const max = maxAddable(variant, this.#inCart(variant));
    const offer = this.#offerFor(variant);
    return offer ? Math.min(max, offer.max) : max;
  }

  #axis(product: Product, option: ProductOption, axis: number): TemplateResult {
    const t = this.#text.t('products');
    const chosen = this.selection[axis] ?? null;
    return html`<fieldset part="option">
      <legend>${option.name}${chosen !== null ? html`: <span class="chosen">${chosen}</span>` : nothing}</legend>
      <div class="values">
        ${option.values.map((value) => {
          const state = valueState(product, this.selection, axis, value);
          return html`<label class="value" part="option-value">
            <input
              type="radio"
              name=${`axis-${axis}`}
              .value=${value}
              .checked=${live(chosen === value)}
              ?disabled=${state !== 'available'}
              @change=${() => this.#choose(axis, value)}
            /><span
              >${value}${state === 'available'
                ? nothing
                : html`<span class="sr-only">, ${state === 'sold-out' ? t('optionSoldOut') : t('unavailable')}</span>`}</span
            >
          </label>`;
        })}
      </div>
    </fieldset>`;
  }

  #result(): TemplateResult {
    const t = this.#text.t('products');
    const state = this.addState;
    let status = '';
    let alert = '';
    // The cart's own messages (shared with every adapter): "2 added to your cart.", "Only 1 could be added: ...".
    const cart = this.#text.t('cart');
    if (state.kind === 'pending' && this.#slow.value) status = cart('stillAdding');
    else if (state.kind === 'added') status = state.message ?? cart('added', { count: state.quantity });
    else if (state.kind === 'partial') status = state.message ?? cartErrorMessage(state.error, cart);
    else if (state.kind === 'failed') alert = state.message ?? cartErrorMessage(state.error, cart);
    const done = state.kind === 'added' || state.kind === 'partial';
    const unconfirmed = state.kind === 'failed' && state.error.code === 'unconfirmed';
    // The regions stay in the DOM (empty when there is nothing to say) so changes are announced.
    return html`<div class=${classMap({ result: true, [state.kind]: true })} part="result" role="status">${status}</div>
      <div class="result failed" part="result" role="alert">${alert}</div>
      <span class="sr-only" aria-live="polite">${state.kind === 'pending' && !this.#slow.value ? cart('adding') : ''}</span>
      ${unconfirmed
        ? html`<div class="handoff">
            <button type="button" class="view-cart" part="view-cart-button" @click=${this.#viewCart}>${t('viewCart')}</button>
            <button type="button" class="retry" part="retry-button" @click=${() => void this.#add()}>${cart('retry')}</button>
          </div>`
        : nothing}
      ${done
        ? html`<div class="handoff">
            <button type="button" class="view-cart" part="view-cart-button" @click=${this.#viewCart}>${t('viewCart')}</button>
            <button type="button" class="checkout" part="checkout-button" @click=${this.#checkout}>${t('checkout')}</button>
          </div>`
        : nothing}`;
  }

  #isLow(variant: ProductVariant | undefined): boolean {
    return variant?.available === true && variant.stock !== undefined && variant.stock > 0 && variant.stock <= this.lowStock;
  }

  #stockText(product: Product, variant: ProductVariant | undefined, inCart: number, max: number): string {
    const t = this.#text.t('products');
    if (!variant) return product.options.length > 0 ? t('combinationUnavailable') : '';
    if (!variant.available) return t('soldOut');
    if (max < 1 && inCart > 0) return t('allInCart');
    const parts: string[] = [];
    if (this.#isLow(variant)) parts.push(t('lowStock', { count: variant.stock ?? 0 }));
    if (inCart > 0) parts.push(t('inCart', { count: inCart }));
    if (variant.maxQuantity !== undefined && Number.isFinite(max) && max === variant.maxQuantity - inCart) {
      parts.push(t('maxQuantity', { count: max }));
    }
    return parts.join(' · ');
  }

  #inCart(variant: ProductVariant): number {
    const cart = this.#cart.value;
    if (!cart) return 0;
    return cart.lines.filter((line) => line.variantId === variant.id).reduce((sum, line) => sum + line.quantity, 0);
  }

  #choose(axis: number, value: string): void {
    const product = this.product;
    if (!product) return;
    this.selection = choose(product, this.selection, axis, value);
    this.addState = IDLE;
    const image = variantFor(product, this.selection)?.image;
    this.imageUrl = image ? image.url : this.imageUrl;
  }

  #setQuantity(value: number, max: number): void {
    const next = Number.isFinite(value) ? Math.floor(value) : 1;
    this.quantity = Math.max(1, Math.min(next, Math.max(1, max)));
    if (this.addState.kind !== 'pending') this.addState = IDLE;
    // The input may hold text the clamp did not change (e.g. "0" -> 1 while already 1).
    this.requestUpdate();
  }

  /** The description is built when the shopper first opens it: most shoppers never do. */
  #onAboutToggle = (event: Event): void => {
    const product = this.product;
    if (!(event.currentTarget as HTMLDetailsElement).open || !product?.description || this.description) return;
    // Sanitised DOM nodes, never an HTML string.
    const container = document.createElement('div');
    container.className = 'description';
    container.setAttribute('part', 'description');
    container.append(sanitizeDescription(product.description));
    this.description = container;
  };

  #onSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    void this.#add();
  };

  async #add(): Promise<void> {
    const product = this.product;
    const variant = this.selectedVariant;
    const session = this.#session;
    if (!product || !variant || !session || this.addState.kind === 'pending') return;
    const max = this.#maxFor(variant);
    if (max < 1) return;
    const requested = Math.max(1, Math.min(this.quantity, max));
    const token = ++this.#addToken;
    this.addState = { kind: 'pending' };
    const offer = this.#offerFor(variant);
    let outcome: AddOutcome;
    let message: string | undefined;
    try {
      if (offer) ({ outcome, message } = await offer.add(session, product, variant, requested));
      else outcome = await session.add(product, variant, requested);
    } catch (error) {
      // The session reports failures as outcomes; anything thrown anyway stays in the widget.
      outcome = { status: 'failed', error: CartError.from(error) };
    }
    if (token !== this.#addToken) return;
    if (outcome.status === 'added') {
      this.addState = { kind: 'added', quantity: outcome.quantityAdded, message };
      this.quantity = 1;
    } else if (outcome.status === 'partial') {
      this.addState = { kind: 'partial', added: outcome.quantityAdded, error: outcome.error, message };
      this.quantity = 1;
    } else {
      this.addState = { kind: 'failed', error: outcome.error, message };
    }
  }

  #viewCart = (): void => this.#handOver('openCart');
  #checkout = (): void => this.#handOver('checkout');

  /** Closes the overlay and lets the shop take over: its cart (drawer or page) or its checkout. */
  #handOver(to: 'openCart' | 'checkout'): void {
    const session = this.#session;
    this.close();
    session?.[to]().catch((error: unknown) => warn(this, `the shop's ${to === 'openCart' ? 'cart' : 'checkout'} could not be opened.`, error));
  }

  #onCancel = (event: Event): void => {
    // Escape on a modal dialog: close through close() so focus and state are restored.
    event.preventDefault();
    this.close();
  };

  #onDialogClose = (): void => {
    this.close();
  };

  #onKeydown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      this.close();
    } else if (event.key === 'Tab') {
      this.#trapTab(event);
    }
  };

  /** Keeps Tab and Shift+Tab inside the panel while it is open. */
  #trapTab(event: KeyboardEvent): void {
    const tabbables = this.#tabbables();
    const first = tabbables[0];
    const last = tabbables[tabbables.length - 1];
    if (!first || !last) return;
    const active = this.shadowRoot?.activeElement ?? null;
    const inside = active !== null && tabbables.includes(active as HTMLElement);
    if (event.shiftKey && (active === first || !inside)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && active === last) {
      event.preventDefault();
      first.focus();
    }
  }

  #tabbables(): HTMLElement[] {
    const panel = this.renderRoot.querySelector('.panel');
    if (!panel) return [];
    const candidates = [...panel.querySelectorAll<HTMLElement>('button, a[href], input, [tabindex]:not([tabindex="-1"])')];
    return candidates.filter((element) => {
      if (element.matches(':disabled') || element.tabIndex < 0) return false;
      if (element instanceof HTMLInputElement && element.type === 'radio') {
        // Only the checked radio of a group takes part in the tab order (the first enabled one when none is checked).
        const group = candidates.filter((other): other is HTMLInputElement => other instanceof HTMLInputElement && other.name === element.name && !other.disabled);
        return element.checked || (!group.some((radio) => radio.checked) && group[0] === element);
      }
      return element.getClientRects().length > 0;
    });
  }

  /** Inside a widget the overlay is not page-modal: make the rest of the widget inert instead. */
  #inertSiblings(): void {
    const parent = this.parentNode;
    if (!parent) return;
    for (const sibling of parent.children) {
      if (sibling === this || !(sibling instanceof HTMLElement) || sibling.inert) continue;
      sibling.inert = true;
      this.#inerted.push(sibling);
    }
  }

  #restoreSiblings(): void {
    for (const sibling of this.#inerted) (sibling as HTMLElement).inert = false;
    this.#inerted = [];
  }
}
