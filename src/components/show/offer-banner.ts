// The flash offer banner over the video, and buying at the offer price. Loaded only by shows
// that run an offer (ShowPins imports it when the first one is on screen).
import { css, html, nothing, type TemplateResult } from 'lit';
import { OFFER_PROPERTY } from '../../commerce/attribution.js';
import { CartError } from '../../commerce/cart.js';
import type { CartSession } from '../../commerce/cart-session.js';
import type { Product } from '../../commerce/product.js';
import { formatDuration } from '../../i18n/format.js';
import type { MessagesController } from '../../controllers/messages.js';
import { randomKey } from '../../live/identity.js';
import { PROTOCOL_LIMITS, type Offer } from '../../live/protocol.js';
import type { OfferOnScreen } from '../../stores/sync.js';
import type { OverlayOffer } from '../product-overlay/product-overlay.js';
import { priceText } from '../products/price.js';
import { srOnlyCss } from '../products/products.styles.js';
import type { ShowPins } from './show-pins.js';

const styles = css`
  .offer {
    position: absolute;
    z-index: 1;
    inset-block-start: 8px;
    inset-inline-start: 8px;
    display: grid;
    grid-template-columns: auto auto;
    align-items: center;
    gap: 2px 12px;
    max-inline-size: min(320px, calc(100% - 120px));
    padding: 8px 10px 8px 12px;
    border-radius: 12px;
    color: #fff;
    background: rgb(0 0 0 / 0.72);
    box-shadow: 0 4px 16px rgb(0 0 0 / 0.3);
    backdrop-filter: blur(4px);
    font-size: 13px;
    line-height: 1.3;
    font-variant-numeric: tabular-nums;
    animation: vitrine-offer-in 0.25s ease-out;
  }
  .offer .offer-head {
    grid-column: 1 / -1;
    display: flex;
    gap: 6px;
    align-items: baseline;
    min-inline-size: 0;
  }
  .offer .offer-badge {
    flex: none;
    padding: 1px 6px;
    border-radius: 4px;
    font-size: 11px;
    font-weight: 700;
    text-transform: uppercase;
    background: var(--vitrine-accent, #e11d48);
  }
  .offer .offer-title {
    overflow: hidden;
    white-space: nowrap;
    text-overflow: ellipsis;
  }
  .offer .offer-price {
    font-size: 16px;
    font-weight: 700;
  }
  .offer s {
    margin-inline-start: 6px;
    font-size: 12px;
    font-weight: 400;
    opacity: 0.75;
  }
  .offer .offer-state {
    grid-column: 1;
    font-weight: 600;
  }
  .offer.live .offer-state {
    color: #fde68a;
  }
  .offer button {
    grid-column: 2;
    grid-row: 2 / span 2;
    min-block-size: 40px;
    padding: 0 14px;
    border: 0;
    border-radius: 999px;
    font: inherit;
    font-weight: 700;
    color: #fff;
    background: var(--vitrine-accent, #e11d48);
    cursor: pointer;
  }
  .offer button:focus-visible {
    outline: 3px solid #fff;
    outline-offset: 2px;
  }
  .offer.ended,
  .offer.sold_out {
    background: rgb(0 0 0 / 0.6);
  }
  @keyframes vitrine-offer-in {
    from {
      opacity: 0;
      transform: translateY(-6px);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .offer {
      animation: none;
    }
  }
`;

const sheetOf = (text: string): CSSStyleSheet => {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(text);
  return sheet;
};

/** Adds the banner's styles (and the visually hidden text it uses) to the show's shadow root, once. */
export function adoptBannerStyles(root: ShadowRoot): void {
  const sheets = [srOnlyCss, styles].map((style) => style.styleSheet ?? sheetOf(style.cssText)).filter((sheet) => !root.adoptedStyleSheets.includes(sheet));
  if (sheets.length) root.adoptedStyleSheets = [...root.adoptedStyleSheets, ...sheets];
}

export interface BannerContext {
  readonly pins: ShowPins;
  readonly onScreen: OfferOnScreen;
  readonly product: Product;
  /** The widget's text (ready: the show has rendered). */
  readonly text: MessagesController;
}

/** The banner: discount, price, units left (live), countdown (on the viewer's playback), buy. */
export function offerBanner({ pins, onScreen, product, text }: BannerContext): TemplateResult {
  const { offer, state } = onScreen;
  const { locale } = text;
  const t = text.t('offers');
  const variant = product.variants.find((candidate) => candidate.id === offer.variantId) ?? product.variants[0]!;
  const price = priceText(offer.price, variant.price, locale, text.t('products'));
  const now = onScreen.clock === 'stream' ? pins.sync.position : pins.sync.serverNow();
  const left = formatDuration(Math.ceil((onScreen.endsAt - now) / 1000), locale.tag);
  return html`<div class="offer ${state}" part="offer-banner" role="region" aria-label=${t('region', { title: product.title })} data-offer=${offer.id} data-state=${state}>
    <span class="offer-head"><span class="offer-badge">${price.discount ?? t('flashOffer')}</span><span class="offer-title">${product.title}</span></span>
    <span class="offer-price"><span aria-hidden="true">${price.now}${price.was ? html`<s>${price.was}</s>` : nothing}</span><span class="sr-only">${price.sentence}</span></span>
    <span class="offer-state" aria-live="polite">${state === 'live' ? t('left', { count: offer.remaining }) : t(state === 'ended' ? 'ended' : 'soldOut')}</span>
    ${state === 'live'
      ? html`<span class="offer-countdown" part="offer-countdown" aria-label=${t('endsIn', { time: left })}>${left}</span>
          <button
            type="button"
            part="offer-button"
            @click=${(event: Event) =>
              pins.open(product, {
                returnFocus: event.currentTarget as HTMLElement,
                ...(offer.variantId ? { variantId: offer.variantId } : {}),
                offer: overlayOffer(pins, offer, text),
              })}
          >
            ${t('buy')}
          </button>`
      : nothing}
  </div>`;
}

/** Buying under the offer: claim first, add with the claim, give it back if the add fails. */
export function overlayOffer(pins: ShowPins, offer: Offer, text: MessagesController): OverlayOffer {
  const t = text.t('offers');
  const connection = pins.sync.connection;
  return {
    variantId: offer.variantId,
    price: offer.price,
    // At least one: a sell-out the widget has heard of still gets its clear answer from the claim.
    get max() {
      return Math.min(PROTOCOL_LIMITS.claimQuantity, Math.max(1, pins.sync.offer(offer.id)?.remaining ?? offer.remaining));
    },
    get note() {
      return pins.session?.adapter.offerPrices ? '' : t('cartSetsPrice');
    },
    async add(session: CartSession, product, variant, quantity) {
      const claim = connection
        ? await connection.request('offer:claim', { offerId: offer.id, quantity, clientId: randomKey(12) })
        : ({ ok: false, error: 'unavailable', message: 'no live connection' } as const);
      if (!claim.ok) {
        const { error } = claim;
        const message =
          error === 'sold_out' ? t('claimSoldOut') : error === 'expired' ? t('claimExpired') : error === 'insufficient_stock' ? t('claimShort', { count: claim.available ?? 0 }) : t('claimFailed');
        const code = error === 'sold_out' ? 'out_of_stock' : error === 'insufficient_stock' ? 'insufficient_stock' : 'unknown';
        return { outcome: { status: 'failed', error: new CartError(code, `offer:claim was refused: ${error}`, { available: claim.available ?? 0 }) }, message };
      }
      const { claimId, token, price } = claim.data;
      const outcome = await session.add(product, variant, quantity, {}, { offerId: offer.id, claimId, token, price });
      // Nothing went in at the offer price: the units go back to the offer for others.
      if (outcome.status === 'failed') void connection!.request('offer:release', { claimId });
      const line = session.cart.get()?.lines.find((candidate) => candidate.properties[OFFER_PROPERTY] === token);
      const atOfferPrice = outcome.status === 'added' && line?.price?.amount === price.amount;
      return atOfferPrice ? { outcome, message: t('addedAtOffer', { count: outcome.quantityAdded }) } : { outcome };
    },
  };
}
