import { LitElement, html, nothing, type PropertyValues, type CSSResultGroup, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { atom } from 'nanostores';
import { classMap } from 'lit/directives/class-map.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { repeat } from 'lit/directives/repeat.js';
import { formatMoney } from '../../commerce/money.js';
import type { Money, Product } from '../../commerce/product.js';
import { CommerceController } from '../../controllers/commerce.js';
import { TextController } from '../../controllers/messages.js';
import { StoreController } from '../../controllers/store.js';
import { defineElement } from '../../define/define.js';
import { staffText, type StaffKey, type StaffMessages } from '../../i18n/staff.js';
import type { MessageParams, Translate } from '../../i18n/translate.js';
import { safeHttpUrl } from '../../internal/url.js';
import { warn } from '../../internal/warn.js';
import type { ShowFigures } from '../../live/protocol.js';
import { createLiveStore, type LiveStatus } from '../../stores/live.js';
import { createPlayerStore } from '../../stores/player.js';
import { createProductsStore } from '../../stores/products.js';
import { VERSION } from '../../version.js';
import { VitrineChat } from '../chat/chat.js';
import { VitrinePlayer } from '../player/player.js';
import { upgradeProperties } from '../products/layout.js';
// Not used here: loaded with the studio so the commerce code stays one chunk shared with the
// shopper's carousel. Importing only part of it splits that chunk, which costs shoppers ~0.7 KB gzip.
import '../products/products.js';
import { refusalBeforeConnecting, refusalFromServer, type StudioRefusal } from './access.js';
import type { PinEvent } from './contract.js';
import { checkOffer, MAX_OFFER_MINUTES, MAX_OFFER_UNITS, type OfferField, type OfferProblem } from './offer-form.js';
import { MAX_PINNED, pinnedNow, StudioSession, type StudioOffer } from './session.js';
import { studioStyles } from './studio.styles.js';
import { ownStatic } from '../../internal/statics.js';

type StudioMessageKey = StaffKey<'studio'>;

/** Figures of a product when none were reported yet. */
const NO_FIGURES = { impressions: 0, overlayOpens: 0, addToCarts: 0, addToCartValue: null };

/**
 * The producer team's desk for a live show: a preview of the stream, the show's products with
 * pin / unpin and flash offers, the chat with its question queue and moderation, and live
 * figures refreshed every second. Needs a host or moderator token; anything else is refused
 * with a message in the element. Every pin and offer is stamped with the program date time of
 * the frame the preview shows (`at`), so viewers see it when their playback reaches that moment.
 *
 * @summary Studio for a Vitrine live show: pins, flash offers, moderation and live figures.
 * @tag vitrine-studio
 * @attr {string} live-server - Live server URL (http or https); relative URLs resolve against the page.
 * @attr {string} show - Show id on the live server.
 * @attr {string} token - A host or moderator token for this show (`vitrine-live token --role host --show <id>`).
 * @attr {string} src - HLS manifest URL of the show's stream, for the preview.
 * @attr {string} products - The show's products, as for `<vitrine-show>`: a JSON feed URL, `shopify:…`, `woocommerce:…`.
 * @attr {string} currency - ISO 4217 currency for feeds that do not say.
 * @attr {string} locale - BCP 47 locale (en, nl, fr); default the page's `lang`, then the browser's.
 * @csspart base - The studio's box.
 * @csspart refusal - The message shown when the token is missing, a viewer's, expired or not valid.
 * @csspart header - The title, connection state and show figures.
 * @csspart figures - The show figures (viewers now and at peak, chat per minute, plays, checkouts).
 * @csspart preview - The preview player (a `<vitrine-player>`).
 * @csspart products - The product list.
 * @csspart product - One product (also `product pinned`).
 * @csspart pin-button - Pins or unpins a product.
 * @csspart offer-button - Opens the flash offer form of a product.
 * @csspart offer-form - The flash offer form.
 * @csspart offer - The state of a product's offer (units left, time to go).
 * @csspart stop-offer-button - Stops a product's offer.
 * @csspart chat - The chat in staff mode (a `<vitrine-chat>`).
 * @csspart creators - The table of add-to-carts per creator.
 * @cssproperty --vitrine-accent - Accent colour (pinned, primary buttons). Default `#e11d48`.
 * @cssproperty --vitrine-studio-background - Background of the panels. Default `#fff`.
 * @cssproperty --vitrine-radius - Corner radius. Default `12px`.
 */
export class VitrineStudio extends LitElement {
  // A getter, not a static field: see "Static getters" in rollup.config.mjs.
  static get version(): string {
    return VERSION;
  }
  static set version(value: string) {
    ownStatic(this, 'version', value);
  }
  static override get styles(): CSSResultGroup {
    return studioStyles;
  }
  static override set styles(value: CSSResultGroup) {
    ownStatic(this, 'styles', value);
  }

  /** Live server URL (http or https). */
  @property({ attribute: 'live-server' }) liveServer = '';
  /** Show id on the live server. */
  @property() show = '';
  /** Host or moderator token for this show. */
  @property() token = '';
  /** HLS manifest URL of the show's stream (the preview). */
  @property() src = '';
  /** The show's products (the `products` attribute: a feed URL, `shopify:…`, `woocommerce:…`). */
  @property({ attribute: 'products' }) source: string | null = null;
  /** ISO 4217 currency for feeds that do not say. */
  @property() currency: string | null = null;
  /** BCP 47 locale; default the page's `lang`, then the browser's. */
  @property() locale = '';

  /** The product whose offer form is open. */
  @state() private offerFor: string | null = null;
  @state() private problems: Partial<Record<OfferField, OfferProblem>> = {};
  /** A product's last failed action, shown on its row. */
  @state() private rowError: { readonly productId: string; readonly text: string } | null = null;
  @state() private busy: readonly string[] = [];
  @state() private announcement = '';
  /** What the server said about the token (refused, or a viewer's). */
  @state() private serverRefusal: StudioRefusal | null = null;

  #productsData: unknown = undefined;
  #session: StudioSession | null = null;
  #sessionKey = '';
  #clock: ReturnType<typeof setInterval> | undefined;
  readonly #playerStore = createPlayerStore();
  readonly #commerce = new CommerceController(this, this, createProductsStore(), () => ({
    products: this.source,
    productsData: this.#productsData,
    cart: null,
    cartAdapter: undefined,
    currency: this.currency,
    show: this.show,
    creator: null,
  }));
  readonly #productsStatus = new StoreController(this, this.#commerce.store.status);
  readonly #products = new StoreController(this, this.#commerce.store.products);
  // Re-pointed to the session's stores when it opens.
  readonly #placeholder = createLiveStore();
  readonly #status = new StoreController<LiveStatus>(this, this.#placeholder.status);
  readonly #you = new StoreController(this, this.#placeholder.you);
  readonly #figures = new StoreController(this, atom<ShowFigures | null>(null));
  readonly #pins = new StoreController(this, atom<readonly PinEvent[]>([]));
  readonly #offers = new StoreController(this, atom<Readonly<Record<string, StudioOffer>>>({}));
  readonly #text = new TextController<StaffMessages>(this, staffText);
  #numbers = new Intl.NumberFormat('en');

  constructor() {
    super();
    upgradeProperties(this, ['products']);
    defineElement('vitrine-player', VitrinePlayer);
    defineElement('vitrine-chat', VitrineChat);
  }

  /** The show's products as data (Vitrine's feed schema); wins over the `products` attribute. */
  get products(): unknown {
    return this.#productsData;
  }
  set products(value: unknown) {
    const old = this.#productsData;
    this.#productsData = value;
    this.requestUpdate('products', old);
  }

  /** The live connection of the studio (null while refused or not configured). */
  get connection(): StudioSession['connection'] | null {
    return this.serverRefusal ? null : (this.#session?.connection ?? null);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Countdowns and the stream clock move every second.
    this.#clock = setInterval(() => this.requestUpdate(), 1000);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.#clock);
    this.#closeSession();
  }

  /** Renders once the studio's text in its language is loaded. */
  protected override scheduleUpdate(): void | Promise<void> {
    return this.#text.ready(() => this.locale, () => super.scheduleUpdate());
  }

  get #t(): Translate<StudioMessageKey> {
    return this.#text.t('studio');
  }

  get #locale() {
    return this.#text.locale;
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('locale') || !this.hasUpdated) this.#numbers = new Intl.NumberFormat(this.#locale.tag);
    this.#syncSession();
    // The server's word on the token: refused, or a viewer's (then the studio lets go at once).
    const session = this.#session;
    if (session && !this.serverRefusal) {
      const refusal = refusalFromServer(this.#status.value === 'refused' ? (session.store.error.get() ?? 'unauthorized') : null, this.#you.value?.role);
      if (refusal) {
        this.serverRefusal = refusal;
        session.close();
      }
    }
  }

  override updated(): void {
    const refusal = this.#refusal();
    if (refusal) warn(this, this.#t(`refused_${refusal}`));
  }

  #refusal(): StudioRefusal | null {
    return refusalBeforeConnecting(this.liveServer, this.show, this.token) ?? this.serverRefusal;
  }

  #syncSession(): void {
    const key = `${this.liveServer}\u0000${this.show}\u0000${this.token}`;
    if (key === this.#sessionKey) return;
    this.#closeSession();
    this.#sessionKey = key;
    this.serverRefusal = null;
    if (refusalBeforeConnecting(this.liveServer, this.show, this.token)) return;
    const session = new StudioSession(this.liveServer, this.show, this.token, this);
    this.#session = session;
    this.#status.store = session.store.status;
    this.#you.store = session.store.you;
    this.#figures.store = session.figures;
    this.#pins.store = session.pins;
    this.#offers.store = session.offers;
  }

  #closeSession(): void {
    this.#session?.close();
    this.#session = null;
    this.#sessionKey = '';
  }

  /** The program date time of the frame the preview shows (epoch ms), or null. */
  #streamTime(): number | null {
    const player = this.renderRoot.querySelector<VitrinePlayer>('vitrine-player');
    return player?.streamTime?.getTime() ?? null;
  }

  #say(key: StudioMessageKey, params: MessageParams): void {
    // A new text each time (a zero-width space alternates), so the same words are read again.
    this.announcement = this.#t(key, params) + (this.announcement.endsWith('\u200b') ? '' : '\u200b');
  }

  async #act(product: Product, run: () => Promise<{ ok: boolean; error?: string }>, done: StudioMessageKey): Promise<void> {
    if (this.busy.includes(product.id)) return;
    this.busy = [...this.busy, product.id];
    this.rowError = null;
    try {
      const ack = await run();
      if (ack.ok) this.#say(done, { title: product.title });
      else if (ack.error === 'unknown_event') {
        // A live server without the pins and offers feature: say so instead of "try again".
        warn(this, 'the live server does not know pins and offers (it answered unknown_event); expected a server with the show-sync feature.');
        this.rowError = { productId: product.id, text: this.#t('unsupported') };
      } else if (ack.error === 'pin_limit') this.rowError = { productId: product.id, text: this.#t('pinFull', { max: MAX_PINNED }) };
      else if (ack.error === 'conflict') this.rowError = { productId: product.id, text: this.#t('offerConflict') };
      else this.rowError = { productId: product.id, text: this.#t('actionFailed', { code: ack.error ?? 'error' }) };
    } finally {
      this.busy = this.busy.filter((id) => id !== product.id);
    }
  }

  #togglePin(product: Product, pinned: readonly string[]): void {
    const session = this.#session;
    if (!session) return;
    if (pinned.includes(product.id)) {
      void this.#act(product, () => session.unpin(product.id, this.#streamTime()), 'unpinned');
      return;
    }
    if (pinned.length >= MAX_PINNED) {
      this.rowError = { productId: product.id, text: this.#t('pinFull', { max: MAX_PINNED }) };
      return;
    }
    void this.#act(product, () => session.pin(product.id, this.#streamTime()), 'pinned');
  }

  async #openOffer(product: Product): Promise<void> {
    this.offerFor = product.id;
    this.problems = {};
    this.rowError = null;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>('.offer-form input')?.focus();
  }

  async #closeOffer(product: Product): Promise<void> {
    this.offerFor = null;
    this.problems = {};
    await this.updateComplete;
    // The button that opened the form, or the one that stops the offer it started.
    this.renderRoot.querySelector<HTMLElement>(`[data-product-id="${CSS.escape(product.id)}"] :is([part="offer-button"], [part="stop-offer-button"])`)?.focus();
  }

  #submitOffer(event: SubmitEvent, product: Product): void {
    event.preventDefault();
    const session = this.#session;
    if (!session) return;
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const field = (name: string): string => String(form.get(name) ?? '');
    const checked = checkOffer({ price: field('price'), quantity: field('quantity'), minutes: field('minutes'), variantId: field('variant') }, product);
    if ('problems' in checked) {
      this.problems = checked.problems;
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('.offer-form [aria-invalid="true"]')?.focus());
      return;
    }
    this.problems = {};
    void this.#act(
      product,
      async () => {
        const ack = await session.startOffer({ ...checked.start, at: this.#streamTime() });
        if (ack.ok) void this.#closeOffer(product);
        return ack;
      },
      'offerStarted',
    );
  }

  // --- rendering ---

  #money(money: Money | null | undefined): string {
    return money ? formatMoney(money, this.#locale.tag) : '–';
  }

  override render(): TemplateResult {
    const t = this.#t;
    const refusal = this.#refusal();
    if (refusal) {
      return html`<section part="base" class="studio">
        <div part="refusal" class="refusal" role="alert">
          <h2>${t('refusedTitle')}</h2>
          <p>${t(`refused_${refusal}`)}</p>
        </div>
      </section>`;
    }
    const figures = this.#figures.value;
    const pinned = pinnedNow(this.#pins.value);
    return html`<section part="base" class="studio" aria-labelledby="studio-title">
      <header part="header" class="header">
        <h2 id="studio-title">${t('studio', { show: this.show })}</h2>
        <span class="status" role="status">${this.#statusText(this.#status.value)}</span>
        ${this.#summary(figures)}
      </header>
      <div class="layout">
        <section class="pane preview-pane" aria-labelledby="preview-title">
          <h3 id="preview-title">${t('preview')}</h3>
          ${this.#preview()}
        </section>
        <section class="pane products-pane" aria-labelledby="products-title">
          <h3 id="products-title">${t('products')} <span class="count">${pinned.length ? t('pinnedCount', { count: pinned.length, max: MAX_PINNED }) : t('pinnedNone')}</span></h3>
          ${this.#productList(pinned, figures)}
        </section>
        <section class="pane chat-pane" aria-labelledby="chat-title">
          <h3 id="chat-title">${t('chat')}</h3>
          <vitrine-chat part="chat" no-reactions locale=${ifDefined(this.locale || undefined)} .connection=${this.#session?.connection ?? null}></vitrine-chat>
        </section>
        <section class="pane creators-pane" aria-labelledby="creators-title">
          <h3 id="creators-title">${t('creators')}</h3>
          ${this.#creators(figures)}
        </section>
      </div>
      <div class="sr-only" role="status">${this.announcement}</div>
    </section>`;
  }

  #statusText(status: LiveStatus): string {
    const t = this.#t;
    if (status === 'connected') return t('live');
    if (status === 'reconnecting' || status === 'offline') return t('reconnecting');
    return t('connecting');
  }

  #summary(figures: ShowFigures | null): TemplateResult {
    const t = this.#t;
    const item = (key: StudioMessageKey, name: keyof ShowFigures, value: number | undefined) =>
      html`<div class="figure"><dt>${t(key)}</dt><dd data-figure=${name}>${this.#numbers.format(value ?? 0)}</dd></div>`;
    return html`<dl part="figures" class="summary" aria-label=${t('figures')}>
      ${item('viewers', 'viewers', figures?.viewers)} ${item('peakViewers', 'peakViewers', figures?.peakViewers)}
      ${item('chatPerMinute', 'chatPerMinute', figures?.chatPerMinute)} ${item('plays', 'plays', figures?.plays)}
      ${item('checkouts', 'checkouts', figures?.checkouts)}
    </dl>`;
  }

  #preview(): TemplateResult {
    const t = this.#t;
    if (!this.src) return html``;
    const at = this.#streamTime();
    const clock = at === null ? null : new Intl.DateTimeFormat(this.#locale.tag, { timeStyle: 'medium' }).format(at);
    const state = this.#playerStore.state.get();
    return html`<vitrine-player
        part="preview"
        src=${this.src}
        muted
        autoplay
        label=${t('preview')}
        locale=${ifDefined(this.locale || undefined)}
        .store=${this.#playerStore}
      ></vitrine-player>
      <p class="clock">${clock ? t('streamTime', { time: clock }) : state === 'playing' ? t('noStreamTime') : ''}</p>`;
  }

  #productList(pinned: readonly string[], figures: ShowFigures | null): TemplateResult {
    const t = this.#t;
    const status = this.#productsStatus.value;
    const products = this.#products.value;
    if (status === 'loading') return html`<p class="note">${t('productsLoading')}</p>`;
    if (status === 'error') {
      return html`<p class="note" role="alert">${t('productsFailed')} <button type="button" class="link" @click=${() => this.#commerce.retry()}>${t('retry')}</button></p>`;
    }
    if (products.length === 0) return html`<p class="note">${t('productsEmpty')}</p>`;
    return html`<ul part="products" class="products">
      ${repeat(products, (product) => product.id, (product, index) => this.#product(product, index, pinned, figures))}
    </ul>`;
  }

  #product(product: Product, index: number, pinned: readonly string[], figures: ShowFigures | null): TemplateResult {
    const t = this.#t;
    const isPinned = pinned.includes(product.id);
    const full = !isPinned && pinned.length >= MAX_PINNED;
    const numbers = figures?.products[product.id] ?? NO_FIGURES;
    const image = safeHttpUrl(product.images[0]?.url);
    const offer = this.#session?.latestOffer(product.id);
    const live = offer?.status === 'live' ? offer : undefined;
    const busy = this.busy.includes(product.id);
    const error = this.rowError?.productId === product.id ? this.rowError.text : '';
    const figure = (key: StudioMessageKey, name: string, value: string) => html`<div><dt>${t(key)}</dt><dd data-figure=${name}>${value}</dd></div>`;
    return html`<li part=${isPinned ? 'product pinned' : 'product'} class=${classMap({ product: true, pinned: isPinned })} data-product-id=${product.id}>
      <div class="row">
        ${image ? html`<img src=${image.href} alt="" width="48" height="48" loading="lazy" decoding="async" />` : html`<span class="no-image"></span>`}
        <div class="info">
          <p class="title" id=${`title-${index}`}>${product.title} ${isPinned ? html`<span class="badge">${t('pinnedBadge')}</span>` : nothing}</p>
          <p class="price">${this.#money(product.price)}</p>
        </div>
        <div class="actions">
          <button
            type="button"
            part="pin-button"
            class=${classMap({ primary: !isPinned })}
            aria-pressed=${String(isPinned)}
            aria-label=${t(isPinned ? 'unpin' : 'pin', { title: product.title })}
            aria-disabled=${String(full || busy)}
            @click=${() => this.#togglePin(product, pinned)}
          >
            ${t(isPinned ? 'unpinLabel' : 'pinLabel')}
          </button>
          ${live
            ? html`<button
                type="button"
                part="stop-offer-button"
                aria-label=${t('stop', { title: product.title })}
                aria-disabled=${String(busy)}
                @click=${() => void this.#act(product, () => this.#session!.stopOffer(live.id, this.#streamTime()), 'offerStopped')}
              >
                ${t('stopLabel')}
              </button>`
            : html`<button
                type="button"
                part="offer-button"
                aria-label=${t('startOffer', { title: product.title })}
                aria-expanded=${String(this.offerFor === product.id)}
                aria-controls=${`offer-${index}`}
                @click=${() => (this.offerFor === product.id ? this.#closeOffer(product) : this.#openOffer(product))}
              >
                ${t('startOfferLabel')}
              </button>`}
        </div>
      </div>
      <dl class="figures">
        ${figure('impressions', 'impressions', this.#numbers.format(numbers.impressions))}
        ${figure('overlayOpens', 'overlayOpens', this.#numbers.format(numbers.overlayOpens))}
        ${figure('addToCarts', 'addToCarts', this.#numbers.format(numbers.addToCarts))}
        ${figure('addToCartValue', 'addToCartValue', this.#money(numbers.addToCartValue))}
      </dl>
      ${offer ? this.#offerState(offer) : nothing}
      ${error ? html`<p class="error" role="alert">${error}</p>` : nothing}
      ${this.offerFor === product.id && !live ? this.#offerForm(product, index) : nothing}
    </li>`;
  }

  #offerState(offer: StudioOffer): TemplateResult {
    const t = this.#t;
    const price = this.#money(offer.price);
    let text: string;
    if (offer.status === 'live') {
      // Counted on the stream's clock when the offer has a stream time, else from when it arrived.
      const now = offer.startsAt === null ? Date.now() : (this.#streamTime() ?? Date.now());
      const left = Math.max(0, Math.ceil(((offer.startsAt ?? offer.seenAt) + offer.durationMs - now) / 1000));
      const time = `${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}`;
      text = t('offerLive', { price, remaining: offer.remaining, quantity: offer.quantity, time });
    } else text = t(offer.status === 'sold_out' ? 'offerSoldOut' : 'offerEnded', { price });
    return html`<p part="offer" class=${classMap({ offer: true, live: offer.status === 'live' })} data-remaining=${offer.remaining}>${text}</p>`;
  }

  #offerForm(product: Product, index: number): TemplateResult {
    const t = this.#t;
    const problems = this.problems;
    const currency = product.price.currency;
    const field = (name: OfferField, label: string, input: TemplateResult) => html`<div class="field">
      <label for=${`offer-${index}-${name}`}>${label}</label>
      ${input}
      <p class="error" id=${`offer-${index}-${name}-error`}>${problems[name] ? t(problems[name]!, { price: this.#money(product.price) }) : ''}</p>
    </div>`;
    const invalid = (name: OfferField) => String(problems[name] !== undefined);
    return html`<form
      part="offer-form"
      class="offer-form"
      id=${`offer-${index}`}
      aria-labelledby=${`title-${index}`}
      novalidate
      @submit=${(event: SubmitEvent) => this.#submitOffer(event, product)}
      @keydown=${(event: KeyboardEvent) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          void this.#closeOffer(product);
        }
      }}
    >
      ${field(
        'price',
        t('offerPrice', { currency }),
        html`<input id=${`offer-${index}-price`} name="price" inputmode="decimal" autocomplete="off" required aria-invalid=${invalid('price')} aria-describedby=${`offer-${index}-price-error`} />`,
      )}
      ${field(
        'quantity',
        t('offerQuantity'),
        html`<input id=${`offer-${index}-quantity`} name="quantity" type="number" min="1" max=${MAX_OFFER_UNITS} step="1" value="10" required aria-invalid=${invalid('quantity')} aria-describedby=${`offer-${index}-quantity-error`} />`,
      )}
      ${field(
        'minutes',
        t('offerDuration'),
        html`<input id=${`offer-${index}-minutes`} name="minutes" type="number" min="1" max=${MAX_OFFER_MINUTES} step="1" value="5" required aria-invalid=${invalid('minutes')} aria-describedby=${`offer-${index}-minutes-error`} />`,
      )}
      ${product.variants.length > 1
        ? html`<div class="field">
            <label for=${`offer-${index}-variant`}>${t('offerVariant')}</label>
            <select id=${`offer-${index}-variant`} name="variant">
              <option value="">${t('allVariants')}</option>
              ${product.variants.map((variant) => html`<option value=${variant.id}>${variant.title} (${this.#money(variant.price)})</option>`)}
            </select>
          </div>`
        : nothing}
      <div class="buttons">
        <button type="submit" class="primary">${t('start')}</button>
        <button type="button" @click=${() => this.#closeOffer(product)}>${t('cancel')}</button>
      </div>
    </form>`;
  }

  #creators(figures: ShowFigures | null): TemplateResult {
    const t = this.#t;
    const creators = Object.entries(figures?.creators ?? {}).sort(([, a], [, b]) => b.addToCarts - a.addToCarts);
    if (creators.length === 0) return html`<p class="note">${t('noCreators')}</p>`;
    return html`<table part="creators" class="creators">
      <thead>
        <tr>
          <th scope="col">${t('creator')}</th>
          <th scope="col">${t('addToCarts')}</th>
          <th scope="col">${t('addToCartValue')}</th>
        </tr>
      </thead>
      <tbody>
        ${creators.map(
          ([creator, numbers]) => html`<tr data-creator=${creator}>
            <th scope="row">${creator}</th>
            <td data-figure="addToCarts">${this.#numbers.format(numbers.addToCarts)}</td>
            <td data-figure="addToCartValue">${this.#money(numbers.addToCartValue)}</td>
          </tr>`,
        )}
      </tbody>
    </table>`;
  }
}
