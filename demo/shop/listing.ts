// The product listing page: header, the "Live now" section with <vitrine-show>, the product grid
// (filtered by collection or search), a row of shop promises and the footer.
import type { DemoProduct, DemoShop } from '../shopify/index.js';
import { badges, collections, listingPoster, liveShow, priceRange, shop } from './data.js';
import { attributes, html, type SafeHtml } from './html.js';
import { documentHtml, siteFooter, siteHeader, vitrineScript, type EmbedScript } from './layout.js';

const money = new Intl.NumberFormat(shop.locale, { style: 'currency', currency: shop.currency });

/** `€89.00` from integer cents. */
export function formatMoney(cents: number): string {
  return money.format(cents / 100);
}

export interface ListingOptions {
  readonly embed: EmbedScript;
  /** The demo shop's catalog (with live stock) and its image URLs. */
  readonly catalog: DemoShop;
  /** Attributes of the page's <vitrine-show>. */
  readonly show: Readonly<Record<string, string>>;
  /**
   * False: the page without Vitrine (no element, no script); `markup`: the element and its poster
   * without Vitrine's script. For comparisons; default true.
   */
  readonly widget?: boolean | 'markup';
  readonly cartCount: number;
  readonly query?: string;
  readonly collection?: string;
}

export function filterProducts(all: readonly DemoProduct[], { query, collection }: { query?: string; collection?: string }): DemoProduct[] {
  const words = (query ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  const inCollection = collections.find((c) => c.handle === collection)?.has ?? (() => true);
  return all.filter((p) => {
    if (!inCollection(p)) return false;
    const text = `${p.title} ${p.vendor} ${p.type}`.toLowerCase();
    return words.every((word) => text.includes(word));
  });
}

function productCard(p: DemoProduct, catalog: DemoShop): SafeHtml {
  const { price, compareAtPrice, available, stock } = priceRange(p);
  const discount = compareAtPrice ? Math.round((1 - price / compareAtPrice) * 100) : 0;
  const colours = p.options.find((o) => o.name === 'Colour');
  const sizes = p.options.find((o) => o.name === 'Size');
  const image = p.images[0];
  return html`<li class="card" data-product-handle="${p.handle}">
          <a class="card-link" href="/products/${p.handle}">
            <div class="card-media">
              ${image ? html`<img src="${catalog.image(image.file)}" alt="${image.alt}" width="400" height="400" loading="lazy" decoding="async" />` : ''}
              <ul class="badges">
                ${discount ? html`<li class="badge badge-sale">−${discount}%</li>` : ''}
                ${badges(p).map((b) => html`<li class="badge">${b}</li>`)}
                ${!available ? html`<li class="badge badge-soldout">Sold out</li>` : ''}
              </ul>
            </div>
            <p class="card-vendor">${p.vendor}</p>
            <h3 class="card-title">${p.title}</h3>
          </a>
          <p class="card-price">
            <span class="price${discount ? ' price-sale' : ''}">${formatMoney(price)}</span>
            ${discount ? html`<s class="compare-at"><span class="visually-hidden">Was </span>${formatMoney(compareAtPrice!)}</s>` : ''}
          </p>
          ${available && stock !== null && stock <= 5 ? html`<p class="card-stock">Only ${stock} left</p>` : ''}
          ${colours ? html`<p class="card-options">${colours.values.length} colours</p>` : sizes ? html`<p class="card-options">${sizes.values.length} sizes</p>` : ''}
        </li>`;
}

export function renderListing(options: ListingOptions): string {
  const { query = '', collection, widget = true } = options;
  const shown = filterProducts(options.catalog.products, { query, collection });
  const heading = query
    ? `Results for “${query}”`
    : (collections.find((c) => c.handle === collection)?.title ?? 'Shop the collection');
  const count = shown.length === 1 ? '1 product' : `${shown.length} products`;
  // The poster is page markup (`<picture slot="poster">`): painted from the HTML with the page's
  // own content, before Vitrine's script runs, in the format and at the width the screen needs.
  // It replaces `poster`.
  const { poster, ...showAttributes } = options.show;
  const showPoster =
    poster === liveShow.poster
      ? html`<picture slot="poster"><source type="image/avif"${attributes({ srcset: listingPoster.avif, sizes: listingPoster.img.sizes })} /><img${attributes({ ...listingPoster.img, alt: '', fetchpriority: 'high' })} /></picture>`
      : poster
        ? html`<img slot="poster"${attributes({ src: poster, alt: '', fetchpriority: 'high' })} />`
        : '';
  const body = html`${siteHeader({ query, collection, cartCount: options.cartCount })}
<main id="main">
  <section id="live" class="live" aria-labelledby="live-heading">
    <div class="container live-row">
      <div class="live-copy">
        <p class="live-badge"><span class="dot" aria-hidden="true"></span>Live now</p>
        <h1 id="live-heading">${options.show.title ?? 'Live shopping'}</h1>
        <p class="live-lede">Noor and Sam try on the new linen overshirt, pack the canvas weekender for a city trip and brew on the ceramic pour-over set. Ask anything in the chat; show-only offers appear right under the video.</p>
        <ul class="live-facts">
          <li><strong>Every Thursday</strong> 20:00 CET</li>
          <li><strong>Show-only prices</strong> while stock lasts</li>
          <li><strong>Buy without leaving</strong> the video</li>
        </ul>
      </div>
      ${
        widget
          ? html`<div class="live-player">
        <vitrine-show${attributes(showAttributes)}>${showPoster}</vitrine-show>
        <p class="live-layout">${
          options.show.layout === 'vertical'
            ? html`Vertical view · <a href="/#live">Switch to the inline view</a>`
            : html`Inline view · <a href="/?layout=vertical#live">Switch to the vertical view</a>`
        }</p>
      </div>`
          : ''
      }
    </div>
  </section>

  <section class="catalog container" aria-labelledby="catalog-heading">
    <div class="catalog-head">
      <h2 id="catalog-heading">${heading}</h2>
      <p class="catalog-count">${count}</p>
    </div>
    ${
      shown.length > 0
        ? html`<ul class="grid">
        ${shown.map((p) => productCard(p, options.catalog))}
    </ul>`
        : html`<p class="empty">Nothing matches “${query}”. Try “merino”, “bag” or <a href="/">browse everything</a>.</p>`
    }
  </section>

  <section class="promises container" aria-label="Why shop with us">
    <p><strong>Free returns</strong> within 30 days</p>
    <p><strong>Made to last</strong> with a two-year guarantee</p>
    <p><strong>Carbon-neutral</strong> delivery in 1–3 days</p>
  </section>
</main>
${siteFooter()}`;
  return documentHtml({
    title: `${shop.name} · ${shop.tagline}`,
    description: `${shop.name}: ${shop.tagline}. Watch the live show and shop without leaving the video.`,
    stylesheets: ['/assets/shop.css'],
    scripts: [
      ...(widget === true ? [vitrineScript(options.embed)] : []),
      html`<script type="module" src="/assets/shop.js"></script>`,
    ],
    body,
  });
}
