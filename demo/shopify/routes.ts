// HTTP for the demo shop, following Shopify's Ajax API contract: GET /cart.js, POST
// /cart/add.js, POST /cart/change.js, POST /cart/clear.js, GET /products/<handle>.js, with the
// `sections` parameter, locale-aware roots (/nl/cart.js) and Shopify's error bodies. Plus the
// pages a shopper lands on: /cart (lines with their attribution), /checkout, /products/<handle>.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import { readBody, staticFiles, type Route } from '../http.js';
import { DEMO_HANDLES } from './catalog.js';
import { DemoShop, ShopError, unitPrice, variantName, type CartState, type HonouredClaim } from './shop.js';

/** One answer, computed before it is sent (so tests can hold it back or spoil it). */
export interface ShopReply {
  readonly status: number;
  readonly type: string;
  readonly body: string;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface ShopRequest {
  readonly req: IncomingMessage;
  readonly url: URL;
  /** Path below the root, e.g. `cart/add.js`. */
  readonly path: string;
}

export interface ShopifyRoutesOptions {
  readonly shop?: DemoShop;
  /** Where the storefront lives, e.g. `/` (default) or `/shopify/`. */
  readonly root?: string;
  /** Locale prefixes served like Shopify markets (`/nl/cart.js`). Default `['nl', 'fr']`. */
  readonly locales?: readonly string[];
  /**
   * Test hook: sees each Ajax API request. Call `reply()` to run the shop (it applies the
   * change) and return what to send, or return `'hang'` to never answer.
   */
  readonly intercept?: (request: ShopRequest, reply: () => Promise<ShopReply>) => Promise<ShopReply | 'hang'>;
  /**
   * Demo extension (a real Shopify cart cannot set a line's price): checks the flash offer claim
   * a line carries in its `_vitrine_offer` property and returns what to honour, or throws a
   * ShopError. Without it the property is kept like any other and the variant's price applies.
   */
  readonly verifyOffer?: (token: string, item: { productId: string; variantId: string }) => Promise<HonouredClaim>;
}

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

const json = (status: number, body: unknown, headers: Record<string, string> = {}): ShopReply => ({
  status,
  type: 'application/json; charset=utf-8',
  body: JSON.stringify(body),
  headers,
});

const html = (status: number, body: string, headers: Record<string, string> = {}): ShopReply => ({ status, type: 'text/html; charset=utf-8', body, headers });

export function escapeHtml(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function cookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

const euro = (cents: number): string => new Intl.NumberFormat('en-IE', { style: 'currency', currency: 'EUR' }).format(cents / 100);

async function parseBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const text = await readBody(req, 100_000);
  if (text.trim() === '') return {};
  const type = req.headers['content-type'] ?? '';
  if (type.includes('application/json')) {
    const value: unknown = JSON.parse(text);
    if (!value || typeof value !== 'object' || Array.isArray(value)) throw new ShopError(400, 'Body must be a JSON object.');
    return value as Record<string, unknown>;
  }
  // Classic product forms: id=...&quantity=...&properties[Name]=...
  const form = new URLSearchParams(text);
  const body: Record<string, unknown> = {};
  const properties: Record<string, string> = {};
  for (const [key, value] of form) {
    const property = /^properties\[(.+)\]$/.exec(key);
    if (property) properties[property[1]!] = value;
    else body[key] = value;
  }
  if (Object.keys(properties).length) body['properties'] = properties;
  return body;
}

/** The demo shop's Ajax API and pages as one route. */
export function shopifyRoutes(options: ShopifyRoutesOptions = {}): Route {
  const shop = options.shop ?? new DemoShop();
  const root = options.root ?? '/';
  const locales = options.locales ?? ['nl', 'fr'];
  const images = staticFiles(shop.imagePath, here('./images/'));
  const styles = staticFiles('/demo-shop/', here('./assets/'));

  function sectionsFor(body: Record<string, unknown>, url: URL, cart: CartState, base: string): Record<string, string | null> | undefined {
    const raw = body['sections'] ?? url.searchParams.get('sections');
    const ids = (Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(',') : []).map((id) => String(id).trim()).filter(Boolean).slice(0, 5);
    if (ids.length === 0) return undefined;
    const count = cart.lines.reduce((sum, line) => sum + line.quantity, 0);
    const rendered: Record<string, string | null> = {};
    for (const id of ids) {
      const wrap = (inner: string) => `<div id="shopify-section-${escapeHtml(id)}" class="shopify-section">${inner}</div>`;
      if (id === 'cart-icon-bubble') rendered[id] = wrap(`<a href="${base}cart" class="cart-count-bubble" aria-label="Cart: ${count} items">${count}</a>`);
      else if (id === 'cart-drawer' || id === 'main-cart-items') {
        rendered[id] = wrap(`<ul>${cart.lines.map((line) => `<li>${escapeHtml(variantName(line.product, line.variant))} × ${line.quantity}</li>`).join('')}</ul>`);
      } else rendered[id] = null;
    }
    return rendered;
  }

  /** The verified offer claim of each item that carries one (the others: undefined). */
  async function claimsOf(items: readonly unknown[]): Promise<(HonouredClaim | undefined)[]> {
    return Promise.all(
      items.map(async (raw) => {
        const item = (raw && typeof raw === 'object' ? raw : {}) as { id?: unknown; properties?: Record<string, unknown> };
        const token = item.properties?.['_vitrine_offer'];
        if (!options.verifyOffer || typeof token !== 'string') return undefined;
        const found = shop.findVariant(Number(item.id));
        if (!found) return undefined; // the add answers 404
        return options.verifyOffer(token, { productId: String(found.product.id), variantId: String(found.variant.id) });
      }),
    );
  }

  async function ajax(req: IncomingMessage, url: URL, path: string, base: string, cart: CartState): Promise<ShopReply | undefined> {
    const method = req.method ?? 'GET';
    try {
      if (path === 'cart.js' && method === 'GET') return json(200, shop.cartJson(cart, base));
      if (path === 'cart/add.js' && method === 'POST') {
        const body = await parseBody(req);
        const list = Array.isArray(body['items']) ? (body['items'] as unknown[]) : [body];
        const result = shop.add(cart, list, await claimsOf(list));
        if (result.partial) return json(422, result.partial.toJSON());
        const sections = sectionsFor(body, url, cart, base);
        const lines = result.lines.map((line) => shop.lineJson(line, base));
        const answer = Array.isArray(body['items']) ? { items: lines } : lines[0]!;
        return json(200, sections ? { ...answer, sections } : answer);
      }
      if (path === 'cart/change.js' && method === 'POST') {
        const body = await parseBody(req);
        const refused = shop.change(cart, body);
        if (refused) return json(422, refused.toJSON());
        const sections = sectionsFor(body, url, cart, base);
        return json(200, { ...shop.cartJson(cart, base), ...(sections ? { sections } : {}) });
      }
      if (path === 'cart/clear.js' && method === 'POST') {
        cart.lines = [];
        return json(200, shop.cartJson(cart, base));
      }
      const productJs = /^products\/([^/]+)\.js$/.exec(path);
      if (productJs && method === 'GET') {
        const product = shop.product(decodeURIComponent(productJs[1]!));
        return product ? json(200, shop.productJson(product, base)) : json(404, { status: 404, message: 'Not Found', description: 'Not Found' });
      }
    } catch (error) {
      if (error instanceof ShopError) return json(error.status, error.toJSON());
      if (error instanceof SyntaxError) return json(400, { status: 400, message: 'Bad Request', description: 'Body is not valid JSON.' });
      throw error;
    }
    return undefined;
  }

  function page(path: string, base: string, cart: CartState): ShopReply | undefined {
    if (path === 'cart') return html(200, cartPage(shop, cart, base));
    if (path === 'checkout') return html(200, checkoutPage(cart, base));
    const product = /^products\/([^/.]+)$/.exec(path);
    if (product) {
      const found = shop.product(decodeURIComponent(product[1]!));
      return found ? html(200, productPage(shop, found.handle, base)) : html(404, layout('Not found', '<p>No such product.</p>', base));
    }
    if (path === 'vitrine-feed.json') return json(200, vitrineFeed(shop));
    return undefined;
  }

  return async (req, res, url) => {
    if (await images(req, res, url)) return true;
    if (await styles(req, res, url)) return true;
    if (!url.pathname.startsWith(root)) return false;
    let path = url.pathname.slice(root.length);
    let base = root;
    const locale = /^([a-z]{2})\//.exec(path);
    if (locale && locales.includes(locale[1]!)) {
      path = path.slice(3);
      base = `${root}${locale[1]}/`;
    }
    // Only Shopify's own API paths: the shop's other scripts (/host.js...) are static files.
    const isApi = path === 'cart.js' || path.startsWith('cart/') || /^products\/[^/]+\.js$/.test(path);
    const isPage = /^(cart|checkout|vitrine-feed\.json|products\/[^/.]+)$/.test(path);
    if (!isApi && !isPage) return false;
    const token = cookie(req, 'cart');
    const cart = shop.cart(token);
    const setCookie: Record<string, string> = token === cart.token ? {} : { 'set-cookie': `cart=${cart.token}; Path=/; SameSite=Lax` };

    let reply: ShopReply | 'hang' | undefined;
    if (isApi) {
      const run = async (): Promise<ShopReply> => (await ajax(req, url, path, base, cart)) ?? json(404, { status: 404, message: 'Not Found', description: 'Not Found' });
      reply = options.intercept ? await options.intercept({ req, url, path }, run) : await run();
    } else {
      if (req.method !== 'GET' && req.method !== 'HEAD') return false;
      reply = page(path, base, cart);
      if (!reply) return false;
    }
    if (reply === 'hang') {
      // Never answer; let go when the client gives up.
      await new Promise<void>((resolve) => res.once('close', resolve));
      return true;
    }
    send(res, reply, setCookie);
    return true;
  };
}

function send(res: ServerResponse, reply: ShopReply, extra: Record<string, string>): void {
  res.writeHead(reply.status, { 'content-type': reply.type, 'cache-control': 'no-store', ...extra, ...reply.headers });
  res.end(reply.body);
}

function layout(title: string, main: string, base: string): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${escapeHtml(title)} · Demo shop</title>
    <link rel="stylesheet" href="/demo-shop/pages.css" />
  </head>
  <body>
    <header><a href="/">Demo shop</a> <nav><a href="${base}cart">Cart</a></nav></header>
    <main>${main}</main>
  </body>
</html>
`;
}

function cartPage(shop: DemoShop, cart: CartState, base: string): string {
  if (cart.lines.length === 0) return layout('Your cart', '<h1>Your cart</h1><p class="empty">Your cart is empty.</p>', base);
  const rows = cart.lines
    .map((line) => {
      const visible = Object.entries(line.properties).filter(([key]) => !key.startsWith('_'));
      const hidden = Object.entries(line.properties).filter(([key]) => key.startsWith('_'));
      const list = (entries: [string, string][]) => entries.map(([key, value]) => `<dt>${escapeHtml(key)}</dt><dd>${escapeHtml(value)}</dd>`).join('');
      return `<tr class="line" data-key="${escapeHtml(line.key)}" data-variant-id="${line.variant.id}">
  <td><img src="${escapeHtml(shop.image(line.variant.image ?? line.product.images[0]?.file ?? ''))}" alt="" width="64" height="64" /></td>
  <td><p class="title">${escapeHtml(variantName(line.product, line.variant))}</p>
    ${visible.length ? `<dl class="properties">${list(visible)}</dl>` : ''}
    ${hidden.length ? `<details class="attribution" open><summary>Attribution (hidden line properties, merchant only)</summary><dl>${list(hidden)}</dl></details>` : ''}</td>
  <td class="quantity">${line.quantity}</td>
  <td class="price">${escapeHtml(euro(unitPrice(line) * line.quantity))}${line.offerPrice !== undefined ? ' <small class="offer">flash offer</small>' : ''}</td>
</tr>`;
    })
    .join('\n');
  const total = cart.lines.reduce((sum, line) => sum + unitPrice(line) * line.quantity, 0);
  const count = cart.lines.reduce((sum, line) => sum + line.quantity, 0);
  return layout(
    'Your cart',
    `<h1>Your cart</h1>
<table class="cart"><thead><tr><th></th><th>Product</th><th>Quantity</th><th>Total</th></tr></thead>
<tbody>
${rows}
</tbody></table>
<p class="total">${count} items · <strong>${escapeHtml(euro(total))}</strong></p>
<p><a class="button" href="${base}checkout">Check out</a></p>`,
    base,
  );
}

function checkoutPage(cart: CartState, base: string): string {
  const total = cart.lines.reduce((sum, line) => sum + unitPrice(line) * line.quantity, 0);
  return layout('Checkout', `<h1>Checkout</h1><p>This is where the shop's own checkout would take over (${cart.lines.length} lines, ${escapeHtml(euro(total))}). The demo stops here.</p>`, base);
}

function productPage(shop: DemoShop, handle: string, base: string): string {
  const product = shop.product(handle)!;
  const prices = product.variants.map((variant) => variant.price);
  return layout(
    product.title,
    `<article class="product"><img src="${escapeHtml(shop.image(product.images[0]?.file ?? ''))}" alt="${escapeHtml(product.images[0]?.alt ?? '')}" width="320" height="320" />
<h1>${escapeHtml(product.title)}</h1><p class="vendor">${escapeHtml(product.vendor)}</p><p class="price">${escapeHtml(euro(Math.min(...prices)))}</p>
<div class="description">${product.description}</div></article>`,
    base,
  );
}

/** The catalog as a Vitrine JSON feed (schema/product-feed.schema.json), with stock. */
export function vitrineFeed(shop: DemoShop): Record<string, unknown> {
  const decimal = (cents: number) => (cents / 100).toFixed(2);
  return {
    version: 1,
    currency: shop.currency,
    products: DEMO_HANDLES.map((handle) => shop.product(handle)!).map((product) => {
      const defaultOnly = product.options.length === 1 && product.options[0]!.name === 'Title';
      return {
        id: String(product.id),
        title: product.title,
        url: `/products/${product.handle}`,
        handle: product.handle,
        brand: product.vendor,
        descriptionHtml: product.description,
        images: product.images.map((image) => ({ url: shop.image(image.file), alt: image.alt, width: 400, height: 400 })),
        options: defaultOnly ? [] : product.options,
        variants: product.variants.map((variant) => ({
          id: String(variant.id),
          sku: variant.sku,
          optionValues: defaultOnly ? [] : variant.options,
          price: decimal(variant.price),
          ...(variant.compareAt ? { compareAtPrice: decimal(variant.compareAt) } : {}),
          available: variant.stock === null || variant.stock > 0,
          ...(variant.stock === null ? {} : { stock: variant.stock }),
          ...(variant.image ? { image: shop.image(variant.image) } : {}),
        })),
        badges: product.tags.filter((tag) => tag.startsWith('badge:')).map((tag) => tag.slice(6)),
      };
    }),
  };
}
