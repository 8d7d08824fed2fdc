// A product page in the shop's own look: image, price, options with stock, the description
// (the merchant's own HTML) and Shopify's classic add-to-cart form (`POST /cart/add`: `id` is
// the variant, `quantity`), plus a pointer to the live show.
import type { DemoProduct, DemoShop } from '../shopify/index.js';
import { priceRange, shop } from './data.js';
import { attributes, html, SafeHtml } from './html.js';
import { documentHtml, siteFooter, siteHeader, vitrineScript, type EmbedScript } from './layout.js';
import { formatMoney } from './listing.js';

/** The live show under the product, in the `inline` layout (wide: the chat in a side panel). */
export interface ProductPageShow {
  readonly embed: EmbedScript;
  readonly show: Readonly<Record<string, string>>;
}

export function renderProductPage(p: DemoProduct, catalog: DemoShop, cartCount: number, live?: ProductPageShow): string {
  const { price, compareAtPrice, available } = priceRange(p);
  const image = p.images[0];
  const single = p.variants.length === 1;
  const stockNote = (stock: number | null): string => (stock === 0 ? ' (sold out)' : stock !== null && stock <= 5 ? ` (only ${stock} left)` : '');
  const body = html`${siteHeader({ cartCount })}
<main id="main" class="container product-page">
  <nav class="breadcrumb" aria-label="Breadcrumb"><a href="/">Home</a> <span aria-hidden="true">/</span> <span aria-current="page">${p.title}</span></nav>
  <div class="product-layout">
    <div class="product-media">${image ? html`<img src="${catalog.image(image.file)}" alt="${image.alt}" width="400" height="400" />` : ''}</div>
    <div class="product-info">
      <p class="card-vendor">${p.vendor}</p>
      <h1>${p.title}</h1>
      <p class="product-price">
        <span class="price${compareAtPrice ? ' price-sale' : ''}">${formatMoney(price)}</span>
        ${compareAtPrice ? html`<s class="compare-at"><span class="visually-hidden">Was </span>${formatMoney(compareAtPrice)}</s>` : ''}
      </p>
      <div class="product-description">${new SafeHtml(p.description) /* the merchant's own HTML, from the shop's catalog */}</div>
      <form class="add-form" action="/cart/add" method="post">
        ${
          single
            ? html`<input type="hidden" name="id" value="${p.variants[0]!.id}" />`
            : html`<label for="variant">${p.options.map((o) => o.name).join(' / ')}</label>
        <select id="variant" name="id">
          ${p.variants.map((v) => html`<option value="${v.id}"${v.stock === 0 ? html` disabled` : ''}>${v.options.join(' / ')}${stockNote(v.stock)}</option>`)}
        </select>`
        }
        <label for="quantity">Quantity</label>
        <input id="quantity" name="quantity" type="number" min="1" max="10" value="1" inputmode="numeric" />
        <button class="button-primary" type="submit"${available ? '' : html` disabled`}>${available ? 'Add to cart' : 'Sold out'}</button>
      </form>
      <p class="product-live">Shown in this week’s live show. <a href="${live ? '#live' : '/#live'}">Watch it live</a> and shop at show-only prices.</p>
    </div>
  </div>
  ${
    live
      ? html`<section id="live" class="product-show" aria-label="Live show">
    <vitrine-show${attributes({ ...live.show, layout: 'inline' })}></vitrine-show>
  </section>`
      : ''
  }
</main>
${siteFooter()}`;
  return documentHtml({
    title: `${p.title} · ${shop.name}`,
    description: `${p.title} by ${p.vendor}`,
    stylesheets: ['/assets/shop.css'],
    scripts: [...(live ? [vitrineScript(live.embed)] : []), html`<script type="module" src="/assets/shop.js"></script>`],
    body,
  });
}

export function renderNotFound(cartCount: number, what = 'This page does not exist.'): string {
  const body = html`${siteHeader({ cartCount })}
<main id="main" class="container not-found">
  <h1>Not found</h1>
  <p>${what} <a href="/">Back to the shop</a>.</p>
</main>
${siteFooter()}`;
  return documentHtml({ title: `Not found · ${shop.name}`, stylesheets: ['/assets/shop.css'], body });
}
