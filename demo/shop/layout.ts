// The page shell every demo page shares: head (stylesheets, the Vitrine script tag), and for the
// shop pages the header (logo, navigation, search, cart) and the footer.
import { collections, shop } from './data.js';
import { html, type SafeHtml } from './html.js';

/** How a page loads Vitrine: the module entry or the classic-script loader, from `cdn`. */
export interface EmbedScript {
  /** Base URL of the CDN build (a path on this origin, or another origin's folder). Ends with `/`. */
  readonly cdn: string;
  readonly form?: 'module' | 'classic';
}

export function vitrineScript({ cdn, form = 'module' }: EmbedScript): SafeHtml {
  return form === 'classic'
    ? html`<script async src="${cdn}vitrine.classic.js"></script>`
    : html`<script type="module" src="${cdn}vitrine.js"></script>`;
}

export interface DocumentOptions {
  readonly title: string;
  readonly description?: string;
  readonly stylesheets: readonly string[];
  /** Script tags (all external: the pages run under a CSP without inline script). */
  readonly scripts?: readonly SafeHtml[];
  readonly bodyClass?: string;
  readonly body: SafeHtml;
}

export function documentHtml(options: DocumentOptions): string {
  return `<!doctype html>\n${html`<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${options.title}</title>
    ${options.description ? html`<meta name="description" content="${options.description}" />` : ''}
    <link rel="icon" href="/assets/favicon.svg" type="image/svg+xml" />
    ${options.stylesheets.map((href) => html`<link rel="stylesheet" href="${href}" />\n    `)}${options.scripts ?? []}
  </head>
  <body${options.bodyClass ? html` class="${options.bodyClass}"` : ''}>
${options.body}
  </body>
</html>
`}`;
}

const icon = {
  search: html`<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M10.5 3a7.5 7.5 0 0 1 5.96 12.05l4.24 4.25a1 1 0 0 1-1.41 1.41l-4.25-4.24A7.5 7.5 0 1 1 10.5 3zm0 2a5.5 5.5 0 1 0 0 11 5.5 5.5 0 0 0 0-11z"/></svg>`,
  account: html`<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M12 3a4.5 4.5 0 1 1 0 9 4.5 4.5 0 0 1 0-9zm0 2a2.5 2.5 0 1 0 0 5 2.5 2.5 0 0 0 0-5zm0 8.5c4.2 0 7.5 2.3 7.5 5.5v1a1 1 0 0 1-2 0v-1c0-1.8-2.3-3.5-5.5-3.5S6.5 17.2 6.5 19v1a1 1 0 0 1-2 0v-1c0-3.2 3.3-5.5 7.5-5.5z"/></svg>`,
  cart: html`<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M6.2 6H20a1 1 0 0 1 .97 1.24l-1.6 6.4A2 2 0 0 1 17.43 15H8.6a2 2 0 0 1-1.97-1.66L5.16 4H3a1 1 0 0 1 0-2h2.99a1 1 0 0 1 .99.84L7.2 6zm.34 2 .99 5h9.9l1.25-5H6.54zM9 17.5a1.75 1.75 0 1 1 0 3.5 1.75 1.75 0 0 1 0-3.5zm8 0a1.75 1.75 0 1 1 0 3.5 1.75 1.75 0 0 1 0-3.5z"/></svg>`,
};

export interface HeaderOptions {
  readonly query?: string;
  readonly collection?: string;
  readonly cartCount: number;
}

export function siteHeader({ query = '', collection, cartCount }: HeaderOptions): SafeHtml {
  const items = cartCount === 1 ? '1 item' : `${cartCount} items`;
  return html`<a class="skip-link" href="#main">Skip to content</a>
<p class="announcement">${shop.announcement}</p>
<header class="site-header">
  <div class="container header-row">
    <a class="logo" href="/"><img src="/assets/logo.svg" alt="" width="36" height="36" /><span>${shop.name}</span></a>
    <nav class="main-nav" aria-label="Main">
      <ul>
        ${collections.map(
          (c) => html`<li><a href="/?collection=${c.handle}"${c.handle === collection ? html` aria-current="page"` : ''}${c.handle === 'sale' ? html` class="nav-sale"` : ''}>${c.title}</a></li>`,
        )}
        <li><a class="nav-live" href="/#live"><span class="dot" aria-hidden="true"></span>Live</a></li>
      </ul>
    </nav>
    <form class="search" role="search" action="/" method="get">
      <label class="visually-hidden" for="search-q">Search products</label>
      <input id="search-q" name="q" type="search" placeholder="Search products" autocomplete="off" value="${query}" />
      <button type="submit" aria-label="Search">${icon.search}</button>
    </form>
    <div class="header-actions">
      <a class="icon-link" href="/account" aria-label="Account">${icon.account}</a>
      <a class="icon-link cart-link" href="/cart" aria-label="Cart, ${items}">${icon.cart}<span class="cart-count" data-cart-count="${cartCount}">${cartCount}</span></a>
    </div>
  </div>
</header>`;
}

export function siteFooter(): SafeHtml {
  const year = new Date().getFullYear();
  return html`<footer class="site-footer">
  <div class="container footer-grid">
    <section>
      <a class="logo logo-footer" href="/"><img src="/assets/logo-light.svg" alt="" width="32" height="32" /><span>${shop.name}</span></a>
      <p>${shop.tagline}. Designed in Amsterdam, made by small workshops across Europe.</p>
    </section>
    <nav aria-label="Shop">
      <h2>Shop</h2>
      <ul>${collections.map((c) => html`<li><a href="/?collection=${c.handle}">${c.title}</a></li>`)}</ul>
    </nav>
    <nav aria-label="Help">
      <h2>Help</h2>
      <ul>
        <li><a href="/#live">Live shopping</a></li>
        <li><a href="/cart">Your cart</a></li>
        <li><a href="/account">Shipping &amp; returns</a></li>
        <li><a href="/account">Contact us</a></li>
      </ul>
    </nav>
    <form class="newsletter" action="/" method="get">
      <h2>Never miss a show</h2>
      <p>New drops and the live-show calendar, twice a month.</p>
      <label class="visually-hidden" for="newsletter-email">Email address</label>
      <div class="newsletter-row">
        <input id="newsletter-email" type="email" name="email" placeholder="you@example.com" autocomplete="email" />
        <button type="submit">Subscribe</button>
      </div>
    </form>
  </div>
  <p class="container legal">© ${year} ${shop.name} · A demo shop for Vitrine, the open-source shoppable live-video widget.</p>
</footer>`;
}
