// A WooCommerce Store API (wc/store/v1) that follows the documented contract closely enough to
// test the adapter and the product source over real HTTP: products (include, type=variation),
// the cart (GET /cart, POST /cart/add-item, /cart/update-item, /cart/remove-item), the `Nonce`
// header (required on writes, a fresh one on every response, 401 missing / 403 invalid) and the
// Store API error bodies `{ code, message, data: { status } }`.
import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody } from '../../demo/http.js';

interface WooVariation {
  readonly id: number;
  readonly attributes: Readonly<Record<string, string>>; // attribute name/taxonomy -> slug or name
  readonly price: number; // minor units
  readonly regular: number;
  stock: number | null;
}

interface WooProduct {
  readonly id: number;
  readonly name: string; // HTML-encoded, as WordPress stores titles
  readonly slug: string;
  readonly permalink: string;
  readonly description: string;
  readonly price: number;
  readonly regular: number;
  stock: number | null;
  readonly attributes?: readonly { readonly name: string; readonly taxonomy: string | null; readonly terms: readonly { name: string; slug: string }[] }[];
  readonly variations?: WooVariation[];
  readonly soldIndividually?: boolean;
}

export function wooCatalog(): WooProduct[] {
  return [
    { id: 101, name: 'Enamel mug', slug: 'enamel-mug', permalink: 'https://woo.example/product/enamel-mug/', description: '<p>Speckled enamel, 350&nbsp;ml.</p>', price: 1450, regular: 1800, stock: 10 },
    {
      id: 102,
      name: 'Rain jacket &#8211; packable',
      slug: 'rain-jacket',
      permalink: 'https://woo.example/product/rain-jacket/',
      description: '<p>Seam-sealed, packs into its own pocket.</p>',
      price: 8900,
      regular: 8900,
      stock: null,
      attributes: [
        { name: 'Size', taxonomy: 'pa_size', terms: [{ name: 'S', slug: 's' }, { name: 'M', slug: 'm' }, { name: 'L', slug: 'l' }] },
        { name: 'Colour', taxonomy: null, terms: [{ name: 'Yellow', slug: 'yellow' }, { name: 'Navy', slug: 'navy' }] },
      ],
      variations: [
        { id: 1021, attributes: { pa_size: 's', Colour: 'Yellow' }, price: 8900, regular: 9900, stock: 5 },
        { id: 1022, attributes: { pa_size: 'm', Colour: 'Yellow' }, price: 8900, regular: 9900, stock: 2 },
        { id: 1023, attributes: { pa_size: 'l', Colour: 'Yellow' }, price: 8900, regular: 9900, stock: 0 },
        { id: 1024, attributes: { pa_size: 'm', Colour: 'Navy' }, price: 9400, regular: 9400, stock: 7 },
      ],
    },
    { id: 103, name: '&lt;img src=x onerror=alert(1)&gt;', slug: 'evil', permalink: 'javascript:alert(1)', description: '<p onclick="alert(1)">Nice</p><script>alert(2)</script>', price: 500, regular: 500, stock: 3 },
    { id: 104, name: 'Sold-out scarf', slug: 'scarf', permalink: 'https://woo.example/product/scarf/', description: '', price: 3900, regular: 3900, stock: 0 },
  ];
}

interface WooLine {
  readonly key: string;
  readonly id: number;
  quantity: number;
  readonly data: Readonly<Record<string, string>>;
}

interface Session {
  readonly token: string;
  lines: WooLine[];
  nonces: Set<string>;
}

export interface WooFaultHooks {
  /** Sees each Store API request: call `reply()` to run it (applying the change), or return 'hang'. */
  intercept?(path: string, req: IncomingMessage, reply: () => Promise<WooReply>): Promise<WooReply | 'hang'>;
}

export interface WooReply {
  readonly status: number;
  readonly body: string;
  readonly headers: Readonly<Record<string, string>>;
}

const CURRENCY = { currency_code: 'EUR', currency_symbol: '€', currency_minor_unit: 2, currency_decimal_separator: ',', currency_thousand_separator: '.', currency_prefix: '€', currency_suffix: '' };

export class WooStore {
  products = wooCatalog();
  readonly sessions = new Map<string, Session>();
  addsApplied = 0;
  /** Nonces the writes came with, in order (`null` when the header was missing). */
  readonly noncesUsed: (string | null)[] = [];

  reset(): void {
    this.products = wooCatalog();
    this.sessions.clear();
    this.addsApplied = 0;
    this.noncesUsed.length = 0;
  }

  /** Makes every nonce handed out so far invalid (an expired page). */
  expireNonces(): void {
    for (const session of this.sessions.values()) session.nonces.clear();
  }

  /** A nonce valid for the session with this cookie token (what the page would print). */
  issueNonce(token: string): string {
    const session = this.session(token);
    const nonce = randomBytes(5).toString('hex');
    session.nonces.add(nonce);
    return nonce;
  }

  session(token: string | undefined): Session {
    const existing = token ? this.sessions.get(token) : undefined;
    if (existing) return existing;
    const session: Session = { token: token && /^[a-f0-9]{8,40}$/.test(token) ? token : randomBytes(8).toString('hex'), lines: [], nonces: new Set() };
    this.sessions.set(session.token, session);
    return session;
  }

  find(id: number): { product: WooProduct; variation?: WooVariation } | undefined {
    for (const product of this.products) {
      if (product.id === id) return { product };
      const variation = product.variations?.find((candidate) => candidate.id === id);
      if (variation) return { product, variation };
    }
    return undefined;
  }

  productJson(product: WooProduct): Record<string, unknown> {
    const prices = { ...CURRENCY, price: String(product.price), regular_price: String(product.regular), sale_price: String(product.price), price_range: null };
    return {
      id: product.id,
      name: product.name,
      slug: product.slug,
      parent: 0,
      type: product.variations ? 'variable' : 'simple',
      variation: '',
      permalink: product.permalink,
      sku: `SKU-${product.id}`,
      short_description: '',
      description: product.description,
      on_sale: product.price < product.regular,
      prices,
      price_html: '',
      average_rating: '0',
      review_count: 0,
      images: [{ id: product.id, src: `https://woo.example/uploads/${product.slug}.jpg`, thumbnail: `https://woo.example/uploads/${product.slug}-300.jpg`, srcset: '', sizes: '', name: `${product.slug}.jpg`, alt: '' }],
      categories: [],
      tags: [],
      brands: [],
      attributes: (product.attributes ?? []).map((attribute, index) => ({ id: attribute.taxonomy ? index + 1 : 0, name: attribute.name, taxonomy: attribute.taxonomy, has_variations: true, terms: attribute.terms.map((term, termIndex) => ({ id: termIndex + 1, ...term, default: false })) })),
      variations: (product.variations ?? []).map((variation) => ({
        id: variation.id,
        attributes: Object.entries(variation.attributes).map(([name, value]) => ({ name: name.startsWith('pa_') ? (product.attributes ?? []).find((attribute) => attribute.taxonomy === name)?.name ?? name : name, value })),
      })),
      has_options: !!product.variations,
      is_purchasable: true,
      is_in_stock: product.stock === null || product.stock > 0,
      is_on_backorder: false,
      low_stock_remaining: product.stock !== null && product.stock > 0 && product.stock <= 3 ? product.stock : null,
      sold_individually: !!product.soldIndividually,
      add_to_cart: { text: 'Add to cart', description: '', url: '', minimum: 1, maximum: product.stock ?? 9999, multiple_of: 1 },
      extensions: {},
    };
  }

  variationJson(product: WooProduct, variation: WooVariation): Record<string, unknown> {
    return {
      ...this.productJson({ ...product, price: variation.price, regular: variation.regular, stock: variation.stock, variations: undefined, attributes: undefined } as WooProduct),
      id: variation.id,
      parent: product.id,
      type: 'variation',
      variation: Object.values(variation.attributes).join(', '),
    };
  }

  lineJson(line: WooLine): Record<string, unknown> {
    const found = this.find(line.id)!;
    const price = found.variation?.price ?? found.product.price;
    return {
      key: line.key,
      id: line.id,
      quantity: line.quantity,
      quantity_limits: { minimum: 1, maximum: 9999, multiple_of: 1, editable: true },
      name: found.product.name,
      short_description: '',
      description: '',
      sku: `SKU-${line.id}`,
      low_stock_remaining: null,
      backorders_allowed: false,
      sold_individually: false,
      permalink: found.product.permalink,
      images: [],
      variation: found.variation ? Object.entries(found.variation.attributes).map(([attribute, value]) => ({ attribute, value })) : [],
      // What the README's PHP filter exposes: Vitrine's cart_item_data as item data.
      item_data: Object.entries(line.data).map(([key, value]) => ({ key, value, display: '' })),
      prices: { ...CURRENCY, price: String(price), regular_price: String(price), sale_price: String(price), price_range: null },
      totals: { ...CURRENCY, line_subtotal: String(price * line.quantity), line_subtotal_tax: '0', line_total: String(price * line.quantity), line_total_tax: '0' },
      catalog_visibility: 'visible',
      extensions: {},
    };
  }

  cartJson(session: Session): Record<string, unknown> {
    const items = session.lines.map((line) => this.lineJson(line));
    const total = session.lines.reduce((sum, line) => {
      const found = this.find(line.id)!;
      return sum + (found.variation?.price ?? found.product.price) * line.quantity;
    }, 0);
    return {
      items,
      coupons: [],
      fees: [],
      totals: { ...CURRENCY, total_items: String(total), total_items_tax: '0', total_fees: '0', total_fees_tax: '0', total_discount: '0', total_discount_tax: '0', total_shipping: null, total_shipping_tax: null, total_price: String(total), total_tax: '0', tax_lines: [] },
      items_count: session.lines.reduce((sum, line) => sum + line.quantity, 0),
      items_weight: 0,
      needs_payment: true,
      needs_shipping: true,
      errors: [],
      extensions: {},
    };
  }
}

class StoreError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function cookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}

export const WOO_SESSION_COOKIE = 'wp_woocommerce_session_vitrine';

/**
 * Handles Store API requests under `prefix` (e.g. `/__commerce/woo/wp-json/wc/store/v1/`).
 * Returns false for other paths.
 */
export function wooHandler(store: WooStore, prefix: string, hooks: WooFaultHooks = {}) {
  return async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> => {
    if (!url.pathname.startsWith(prefix)) return false;
    const path = url.pathname.slice(prefix.length).replace(/\/$/, '');
    const token = cookie(req, WOO_SESSION_COOKIE);
    const session = store.session(token);
    const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' };
    if (token !== session.token) headers['set-cookie'] = `${WOO_SESSION_COOKIE}=${session.token}; Path=/; SameSite=Lax`;

    const run = async (): Promise<WooReply> => {
      try {
        const body = await answer(path, req, url, session);
        if (path.startsWith('cart')) {
          const nonce = store.issueNonce(session.token);
          headers['nonce'] = nonce;
          headers['nonce-timestamp'] = String(Math.floor(Date.now() / 1000));
        }
        return { status: req.method === 'POST' && path === 'cart/add-item' ? 201 : 200, body: JSON.stringify(body), headers };
      } catch (error) {
        if (error instanceof StoreError) return { status: error.status, body: JSON.stringify({ code: error.code, message: error.message, data: { status: error.status } }), headers };
        if (error instanceof SyntaxError) return { status: 400, body: JSON.stringify({ code: 'rest_invalid_json', message: 'Invalid JSON body passed.', data: { status: 400 } }), headers };
        throw error;
      }
    };
    const reply = hooks.intercept ? await hooks.intercept(path, req, run) : await run();
    if (reply === 'hang') {
      await new Promise<void>((resolve) => res.once('close', resolve));
      return true;
    }
    res.writeHead(reply.status, reply.headers);
    res.end(reply.body);
    return true;
  };

  async function answer(path: string, req: IncomingMessage, url: URL, session: Session): Promise<unknown> {
    const method = req.method ?? 'GET';
    if (path === 'products' && method === 'GET') {
      const include = (url.searchParams.get('include') ?? '').split(',').map(Number).filter(Boolean);
      if (url.searchParams.get('type') === 'variation') {
        return store.products.flatMap((product) => (product.variations ?? []).filter((variation) => include.includes(variation.id)).map((variation) => store.variationJson(product, variation)));
      }
      return store.products.filter((product) => include.length === 0 || include.includes(product.id)).map((product) => store.productJson(product));
    }
    const single = /^products\/(\d+)$/.exec(path);
    if (single && method === 'GET') {
      const found = store.find(Number(single[1]));
      if (!found) throw new StoreError(404, 'woocommerce_rest_product_invalid_id', 'Invalid product ID.');
      return found.variation ? store.variationJson(found.product, found.variation) : store.productJson(found.product);
    }
    if (path === 'cart' && method === 'GET') return store.cartJson(session);
    if (path.startsWith('cart/') && method === 'POST') {
      const nonce = req.headers['nonce'];
      const given = typeof nonce === 'string' && nonce !== '' ? nonce : null;
      store.noncesUsed.push(given);
      if (given === null) throw new StoreError(401, 'woocommerce_rest_missing_nonce', 'Missing the Nonce header. This endpoint requires a valid nonce.');
      if (!session.nonces.has(given)) throw new StoreError(403, 'woocommerce_rest_invalid_nonce', 'Nonce is invalid.');
      const text = await readBody(req, 100_000);
      const body = (text ? JSON.parse(text) : {}) as Record<string, unknown>;
      if (path === 'cart/add-item') return addItem(session, body);
      if (path === 'cart/update-item' || path === 'cart/remove-item') {
        const line = session.lines.find((candidate) => candidate.key === body['key']);
        if (!line) throw new StoreError(409, 'woocommerce_rest_cart_invalid_key', 'Cart item no longer exists or is invalid.');
        const quantity = path === 'cart/remove-item' ? 0 : Number(body['quantity']);
        if (quantity <= 0) session.lines = session.lines.filter((candidate) => candidate !== line);
        else line.quantity = quantity;
        return store.cartJson(session);
      }
    }
    throw new StoreError(404, 'rest_no_route', 'No route was found matching the URL and request method.');
  }

  function addItem(session: Session, body: Record<string, unknown>): unknown {
    const id = Number(body['id']);
    const quantity = Number(body['quantity'] ?? 1);
    const found = Number.isSafeInteger(id) ? store.find(id) : undefined;
    if (!found) throw new StoreError(400, 'woocommerce_rest_cart_invalid_product', 'This product cannot be added to the cart.');
    if (found.product.variations && !found.variation) throw new StoreError(400, 'woocommerce_rest_missing_variation_data', 'Missing variation data for variable product.');
    if (!Number.isSafeInteger(quantity) || quantity < 1) throw new StoreError(400, 'woocommerce_rest_product_invalid_quantity', 'The quantity added must be at least 1.');
    const stock = found.variation ? found.variation.stock : found.product.stock;
    const name = found.product.name;
    if (stock === 0) throw new StoreError(400, 'woocommerce_rest_product_out_of_stock', `You cannot add &quot;${name}&quot; to the cart because the product is out of stock.`);
    const inCart = session.lines.filter((line) => line.id === id).reduce((sum, line) => sum + line.quantity, 0);
    if (stock !== null && inCart + quantity > stock) {
      throw new StoreError(400, 'woocommerce_rest_product_partially_out_of_stock', `You cannot add that amount of &quot;${name}&quot; to the cart because there is not enough stock (${stock - inCart} remaining).`);
    }
    const raw = body['cart_item_data'];
    const data: Record<string, string> = {};
    if (raw && typeof raw === 'object' && !Array.isArray(raw)) {
      for (const [key, value] of Object.entries(raw)) if (typeof value === 'string') data[key] = value;
    }
    const key = createHash('md5').update(`${id}:${JSON.stringify(Object.entries(data).sort())}`).digest('hex');
    const existing = session.lines.find((line) => line.key === key);
    if (existing) existing.quantity += quantity;
    else session.lines.push({ key, id, quantity, data });
    store.addsApplied += 1;
    return store.cartJson(session);
  }
}
