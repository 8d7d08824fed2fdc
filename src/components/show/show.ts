import { VERSION } from '../../version.js';
import { resolveLocale } from '../../i18n/locale.js';
import { loadMessages } from '../../i18n/messages.js';
import { translator } from '../../i18n/translate.js';
import { showMessages } from '../../i18n/show.js';
import { safeHttpUrl } from '../../internal/url.js';
import { warn } from '../../internal/warn.js';
import { hostResetCss } from '../host.styles.js';
import { upgradeProperties } from '../products/layout.js';
import type { CartAdapter } from '../../commerce/cart.js';
import { layoutClass, layoutParts, showLayout, type ShowLayout } from './layout.js';
import { slottedPoster } from './slotted-poster.js';
import { showFacadeCss } from './show.styles.js';
import type { ShowView } from './show-view.js';
import { whenIdle } from '../../internal/idle.js';
import { ownStatic } from '../../internal/statics.js';

// Importing Vitrine on a server (SSR) must not throw: there is no HTMLElement there.
const ElementBase: typeof HTMLElement = globalThis.HTMLElement ?? (class {} as unknown as typeof HTMLElement);

/** Attributes of <vitrine-show>; names fixed by the design brief, plus `loading` and `layout`. */
const ATTRIBUTES = [
  'src',
  'show',
  'live-server',
  'products',
  'cart',
  'currency',
  'locale',
  'poster',
  'title',
  'autoplay',
  'muted',
  'creator',
  'loading',
  'layout',
  'analytics',
  'consent',
  'live-offset',
] as const;

export type ShowLoading = 'lazy' | 'eager' | 'interaction';
const LOADING_VALUES: readonly ShowLoading[] = ['lazy', 'eager', 'interaction'];

let sheet: CSSStyleSheet | undefined;
function facadeSheet(): CSSStyleSheet {
  sheet ??= new CSSStyleSheet();
  if (sheet.cssRules.length === 0) sheet.replaceSync(hostResetCss + showFacadeCss);
  return sheet;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
function playIcon(): SVGSVGElement {
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  const path = document.createElementNS(SVG_NS, 'path');
  path.setAttribute('d', 'M7 4.5v15a1 1 0 0 0 1.5.86l12.5-7.5a1 1 0 0 0 0-1.72L8.5 3.64A1 1 0 0 0 7 4.5z');
  svg.append(path);
  return svg;
}

/**
 * The shoppable live show a retailer pastes into a page: video, products, chat and cart.
 *
 * Until the shopper shows intent (hover, focus, tap) or the element nears the viewport, it is
 * only a facade: poster, title and a real play button, a few kilobytes with no framework.
 * The full widget is imported on demand and renders into the same box, so nothing shifts.
 *
 * @summary Shoppable live video: player, products, chat and add-to-cart in one tag.
 * @tag vitrine-show
 * @attr {string} src - HLS manifest URL (`.m3u8`) of the live stream or replay; http(s) only.
 * @attr {string} show - Show id on the live server (chat, pins, offers, figures).
 * @attr {string} live-server - Live server URL; absent means no chat and no pins.
 * @attr {string} products - Product feed: a JSON feed URL, `shopify:handle-a,handle-b` or `woocommerce:12,34`.
 * @attr {string} cart - Cart adapter: `shopify`, `woocommerce` or `events`.
 * @attr {string} currency - ISO 4217 currency of prices, e.g. `EUR`.
 * @attr {string} locale - BCP 47 locale for text, prices and times; default the page's `lang`, then the browser's.
 * @attr {string} poster - Poster image URL shown before playback (the fallback of the `poster` slot).
 * @attr {string} title - Show title on the facade and the player's accessible name.
 * @attr {boolean} autoplay - Start playing, muted, when the widget nears the viewport.
 * @attr {boolean} muted - Start muted.
 * @attr {string} creator - Affiliate / creator ref carried to the cart line.
 * @attr {'lazy'|'interaction'|'eager'} loading - When the full widget loads. Default `lazy`.
 * @attr {'inline'|'vertical'} layout - `inline` (default): video with a side panel (products, chat) on wide widgets, stacked on narrow ones. `vertical`: 9:16 video with chat and products over it.
 * @attr {string} analytics - Where analytics go: absent, beacons to the live server (the studio's figures); `datalayer` also pushes GA4 ecommerce events to `window.dataLayer`; `none` sends nothing.
 * @attr {'pending'|'granted'|'denied'} consent - `pending` or `denied`: nothing is stored in the browser or sent (no beacons, no dataLayer) until `grantConsent()`. Default `granted`.
 * @attr {number} live-offset - Seconds behind the live edge to play at (the player's `live-offset`); pins and offers follow wherever playback is.
 * @slot poster - The page's own poster, e.g. `<img slot="poster" src srcset sizes alt="" fetchpriority="high">`: the browser paints it from the HTML, before Vitrine's script runs, and it fills the video area until the widget loads (the player then shows the source the browser chose). Wins over the `poster` attribute.
 * @csspart facade - The placeholder shown before the widget loads.
 * @csspart poster - The poster image of the facade, from the `poster` attribute (a slotted poster is the page's own element).
 * @csspart title - The show title on the facade.
 * @csspart play-button - The facade's play button.
 * @csspart stage - The video area (player, cart button).
 * @csspart panel - Products and chat: beside or under the video (`inline`), over its lower part (`vertical`).
 * @csspart products - The product carousel (a <vitrine-products>).
 * @csspart products-placeholder - The strip reserved for the carousel before the widget loads.
 * @csspart chat-placeholder - The box reserved for the chat before the widget loads.
 * @csspart actions - The widget's buttons over the video (chat toggle, cart).
 * @csspart cart-button - The cart button over the video, with the number of items in the merchant's cart.
 * @csspart product-overlay - The add-to-cart overlay (a <vitrine-product-overlay>).
 * @csspart chat - The live chat (`<vitrine-chat>`), with `live-server` and `show`.
 * @csspart chat-toggle - The button that hides and shows the chat (`vertical` layout).
 * @cssproperty --vitrine-accent - Accent colour (play button, badges). Default `#e11d48`.
 * @cssproperty --vitrine-radius - Corner radius of the widget. Default `12px`.
 * @cssproperty --vitrine-font-family - Font of the widget's text. Default the system UI font.
 * @cssproperty --vitrine-video-background - Background behind the video. Default `#0b0b0f`.
 * @cssproperty --vitrine-products-height - Height of the product strip. Default `124px`.
 * @cssproperty --vitrine-panel-width - Width of the side panel (`inline`, 880 px wide or more, with chat). Default `340px`.
 * @cssproperty --vitrine-chat-height - Height of the chat under the products (`inline`, narrow). Default `320px`.
 * @cssproperty --vitrine-vertical-max-width - Largest width of the `vertical` layout. Default `420px`.
 * @fires vitrine-product-open - The shopper opened a product from the carousel; cancel it to keep the overlay closed.
 * @fires vitrine-play - Playback started or resumed.
 * @fires vitrine-pause - Playback paused.
 * @fires vitrine-error - Playback trouble; `detail.code` says which, `detail.fatal` whether it gave up.
 * @fires vitrine-live-edge - A live stream joined or left its live edge.
 * @fires vitrine-impression - A product card came into view (once per product).
 * @fires vitrine-watch-progress - The shopper kept watching (10 s, 30 s, 60 s, then every minute).
 * @fires vitrine-product-view - The shopper opened a product's details.
 * @fires vitrine-cart-add - Units went into the merchant's cart.
 * @fires vitrine-checkout - The shopper went to the shop's checkout.
 */
export class VitrineShow extends ElementBase {
  // A getter, not a static field: see "Static getters" in rollup.config.mjs.
  static get version(): string {
    return VERSION;
  }
  static set version(value: string) {
    ownStatic(this, 'version', value);
  }
  static get observedAttributes(): readonly string[] {
    return ATTRIBUTES;
  }

  readonly #root: ShadowRoot;
  #view: ShowView | undefined;
  #viewPromise: Promise<ShowView | undefined> | undefined;
  #viewport: IntersectionObserver | undefined;
  #products: unknown = undefined;
  #cartAdapter: CartAdapter | undefined;
  /** Between connectedCallback and disconnectedCallback: the facade is drawn and kept current. */
  #connected = false;

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: 'open' });
    this.#root.adoptedStyleSheets = [facadeSheet()];
    upgradeProperties(this, ['products', 'cartAdapter']);
  }

  /**
   * Products as data (Vitrine's feed schema); wins over the `products` attribute. May be set
   * before the widget loads: it is handed over when it does.
   */
  get products(): unknown {
    return this.#products;
  }
  set products(value: unknown) {
    this.#products = value;
    this.#propertyChanged();
  }

  /** A custom cart adapter (see `CartAdapter`); wins over the `cart` attribute. May be set before the widget loads. */
  get cartAdapter(): CartAdapter | undefined {
    return this.#cartAdapter;
  }
  set cartAdapter(value: CartAdapter | undefined) {
    this.#cartAdapter = value ?? undefined;
    this.#propertyChanged();
  }

  #propertyChanged(): void {
    if (this.#view) this.#view.requestUpdate();
    else if (this.#connected) this.#renderFacade();
  }

  /** HLS manifest URL (`.m3u8`) of the live stream or replay. */
  get src(): string {
    return this.getAttribute('src') ?? '';
  }
  set src(value: string) {
    this.setAttribute('src', value);
  }

  /** Poster image URL shown before playback. */
  get poster(): string {
    return this.getAttribute('poster') ?? '';
  }
  set poster(value: string) {
    this.setAttribute('poster', value);
  }

  /** Start playing (muted, as browsers require) when the widget nears the viewport. */
  get autoplay(): boolean {
    return this.hasAttribute('autoplay');
  }
  set autoplay(value: boolean) {
    this.toggleAttribute('autoplay', value);
  }

  /** Start muted. */
  get muted(): boolean {
    return this.hasAttribute('muted');
  }
  set muted(value: boolean) {
    this.toggleAttribute('muted', value);
  }

  /** Locale for text, prices and times (BCP 47); default the page's `lang`, then the browser's. */
  get locale(): string {
    return this.getAttribute('locale') ?? '';
  }
  set locale(value: string) {
    this.setAttribute('locale', value);
  }

  /**
   * When the full widget loads: `lazy` (default) when it nears the viewport or on interaction;
   * `interaction` only when the shopper hovers, focuses or taps it; `eager` right after page load.
   */
  get loading(): ShowLoading {
    const value = this.getAttribute('loading');
    if (value === null || value === '') return 'lazy';
    if ((LOADING_VALUES as readonly string[]).includes(value)) return value as ShowLoading;
    warn(this, `attribute "loading" must be one of ${LOADING_VALUES.join(', ')}; got "${value}". Using "lazy".`);
    return 'lazy';
  }
  set loading(value: ShowLoading) {
    this.setAttribute('loading', value);
  }

  /**
   * How video, products and chat are arranged: `inline` (default) or `vertical` (9:16, chat and
   * products over the video). Another value warns once and lays out as `inline`.
   */
  get layout(): ShowLayout {
    return showLayout(this);
  }
  set layout(value: ShowLayout) {
    this.setAttribute('layout', value);
  }

  /**
   * The shopper agreed (your consent banner said so): the widget may now store its chat identity
   * and send analytics. Sets `consent="granted"`; what happened before is not sent.
   */
  grantConsent(): void {
    this.setAttribute('consent', 'granted');
  }

  /** The full widget, once loaded (for tests and advanced use). */
  get view(): ShowView | undefined {
    return this.#view;
  }

  connectedCallback(): void {
    try {
      if (this.#view) {
        this.#view.connected();
        return;
      }
      this.#connected = true;
      this.#renderFacade();
      this.#watchForIntent();
    } catch (error) {
      warn(this, 'could not start.', error);
    }
  }

  disconnectedCallback(): void {
    this.#connected = false;
    this.#viewport?.disconnect();
    this.#viewport = undefined;
    this.#view?.disconnected();
  }

  attributeChangedCallback(name: string, oldValue: string | null, newValue: string | null): void {
    if (oldValue === newValue) return;
    if (this.#view) this.#view.attributeChanged(name);
    // Before connectedCallback (an upgrade reports every attribute first) there is nothing to redraw.
    else if (this.#connected) this.#renderFacade();
  }

  /** Loads the full widget (if needed) and starts playback. */
  async play(): Promise<void> {
    // The player is drawn first: playback waits for it, not for the carousel and the chat.
    const view = await this.#mount();
    await view?.play();
  }

  /**
   * Loads the full widget without starting playback. Resolves once all of it is rendered (the
   * player first, then the carousel, then the chat, each in a task of its own).
   */
  async load(): Promise<ShowView | undefined> {
    const view = await this.#mount();
    await view?.unfolded;
    return view;
  }

  /** Imports and mounts the widget (once); resolves once its player is rendered. */
  #mount(): Promise<ShowView | undefined> {
    this.#viewPromise ??= this.#loadView();
    return this.#viewPromise;
  }

  async #loadView(): Promise<ShowView | undefined> {
    this.#setBusy(true);
    try {
      // The widget's code and the text of its language, fetched side by side.
      const language = resolveLocale(this.getAttribute('locale'), this).language;
      const [{ mountShowView }] = await Promise.all([import('./show-view.js'), loadMessages(language)]);
      this.#viewport?.disconnect();
      // Focusing the facade's button loads the widget (intent); keep the keyboard user's place.
      const hadFocus = this.#root.activeElement !== null;
      this.#view = await mountShowView(this, this.#root);
      if (hadFocus) await this.#focusPlayer(this.#view);
      return this.#view;
    } catch (error) {
      // A chunk that fails to load (offline, CDN hiccup) must not leave a dead button.
      warn(this, 'could not load the widget code; the play button retries.', error);
      this.#viewPromise = undefined;
      this.#setBusy(false, true);
      return undefined;
    }
  }

  /** Moves focus to the loaded player's play button (or the player), unless it went elsewhere. */
  async #focusPlayer(view: ShowView): Promise<void> {
    await view.updateComplete;
    const player = view.player;
    await player?.updateComplete;
    const active = document.activeElement;
    if (active !== null && active !== document.body && active !== this) return;
    (player?.shadowRoot?.querySelector<HTMLElement>('[part~="play-button"]') ?? player)?.focus();
  }

  #translate() {
    const locale = resolveLocale(this.getAttribute('locale'), this);
    return translator(showMessages[locale.language], locale);
  }

  #renderFacade(): void {
    const t = this.#translate();
    const title = this.getAttribute('title') ?? '';
    const facade = document.createElement('div');
    facade.className = 'facade';
    facade.setAttribute('part', 'facade');
    // An empty title inside keeps the host's `title` attribute from showing as a tooltip.
    facade.title = '';

    // The page's own `<img slot="poster">` (painted before this script ran) stays where it is;
    // the `poster` attribute is the slot's fallback, and is not even fetched when the page has one.
    const slotted = slottedPoster(this) !== null;
    const posterUrl = this.hasAttribute('poster') ? safeHttpUrl(this.getAttribute('poster')) : null;
    if (this.hasAttribute('poster') && !posterUrl) {
      warn(this, `attribute "poster" must be an http(s) image URL; got "${this.getAttribute('poster')}". ${slotted ? 'Ignored (the slotted poster shows).' : 'Showing no poster.'}`);
    }
    const slot = document.createElement('slot');
    slot.name = 'poster';
    if (posterUrl && !slotted) {
      const img = document.createElement('img');
      img.className = 'poster';
      img.setAttribute('part', 'poster');
      img.alt = '';
      img.decoding = 'async';
      img.src = posterUrl.href;
      slot.append(img);
    }
    slot.addEventListener('slotchange', () => {
      if (!this.#view && slot.isConnected && slot.assignedElements().length > 0 !== slotted) this.#renderFacade();
    });
    facade.append(slot);
    if (title) {
      const heading = document.createElement('p');
      heading.className = 'title';
      heading.setAttribute('part', 'title');
      heading.textContent = title;
      facade.append(heading);
    }
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'play';
    button.setAttribute('part', 'play-button');
    button.setAttribute('aria-label', title ? t('playTitled', { title }) : t('play'));
    button.append(playIcon());
    button.addEventListener('click', () => void this.play());
    facade.append(button);

    const status = document.createElement('p');
    status.className = 'status';
    status.setAttribute('role', 'status');
    facade.append(status);

    const stage = document.createElement('div');
    stage.className = 'stage';
    stage.setAttribute('part', 'stage');
    stage.append(facade);
    // The layout's final box: the same classes and boxes the loaded widget renders (layout.ts).
    const parts = layoutParts(this, this.#products);
    const layout = document.createElement('div');
    layout.className = layoutClass(parts);
    layout.append(stage);
    if (parts.products || parts.chat) {
      const panel = document.createElement('div');
      panel.className = 'panel';
      panel.setAttribute('part', 'panel');
      if (parts.products) panel.append(placeholder('strip', 'products-placeholder'));
      if (parts.chat) panel.append(placeholder('chat', 'chat-placeholder'));
      layout.append(panel);
    }
    this.#root.replaceChildren(layout);
  }

  #setBusy(busy: boolean, failed = false): void {
    if (this.#view) return;
    const button = this.#root.querySelector<HTMLButtonElement>('.play');
    const status = this.#root.querySelector<HTMLElement>('.status');
    const t = this.#translate();
    button?.setAttribute('aria-busy', String(busy));
    if (status) status.textContent = busy ? t('loading') : failed ? t('loadFailed') : '';
  }

  #watchForIntent(): void {
    const intent = (): void => void this.#mount();
    // Intent (hover, focus, touch) loads the code, so the click itself only has to start media.
    for (const type of ['pointerenter', 'focusin', 'touchstart'] as const) {
      this.addEventListener(type, intent, { once: true, passive: true });
    }
    const loading = this.loading;
    if (loading === 'interaction' && !this.autoplay) return;
    whenPageIdle(() => {
      if (!this.isConnected || this.#view) return;
      if (loading === 'eager') {
        void this.#mount();
        return;
      }
      this.#viewport = new IntersectionObserver(
        (entries) => {
          if (entries.some((entry) => entry.isIntersecting)) void this.#mount();
        },
        { rootMargin: '200px' },
      );
      this.#viewport.observe(this);
    });
  }
}

function placeholder(className: string, part: string): HTMLDivElement {
  const box = document.createElement('div');
  box.className = className;
  box.setAttribute('part', part);
  return box;
}

/** Runs after the page's own load and in idle time, so the widget never competes with the shop. */
function whenPageIdle(callback: () => void): void {
  const idle = (): void => whenIdle(callback, 2000);
  if (document.readyState === 'complete') idle();
  else addEventListener('load', idle, { once: true });
}
