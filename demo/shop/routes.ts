// Routes of the demo shop: the listing, product pages (and their classic add-to-cart form), lab
// pages and static assets. Every page is sent with the strict Content-Security-Policy from csp.ts.
// The catalog and carts are the Shopify-contract demo shop's (demo/shopify), shared with its API.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createReadStream, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { readBody, sendText, staticFiles, type Route } from '../http.js';
import { DemoShop, ShopError } from '../shopify/index.js';
import { contentSecurityPolicy, scriptSource } from './csp.js';
import { liveShow } from './data.js';
import { labParams, renderBareHlsLab, renderEmbedLab, renderLabIndex, renderStrictCspLab, renderThemeLab } from './lab.js';
import { renderListing } from './listing.js';
import { renderNotFound, renderProductPage } from './product-page.js';
import { renderStudioPage } from './studio-page.js';

export interface ShopRoutesOptions {
  /** The catalog and carts, shared with the Shopify cart API (`shopifyRoutes({ shop })`). */
  readonly catalog: DemoShop;
  /** Base URL of the CDN build the pages load Vitrine from; default `/vitrine/` on this origin. */
  readonly cdn?: string;
  /** Attributes that replace or add to the listing's <vitrine-show> (see data.ts `liveShow`). */
  readonly show?: Readonly<Record<string, string>>;
}

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));
const hlsScript = createRequire(import.meta.url).resolve('hls.js/dist/hls.min.js');

function sendPage(res: ServerResponse, status: number, body: string, csp: string): true {
  sendText(
    res,
    status,
    {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'content-security-policy': csp,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'strict-origin-when-cross-origin',
    },
    body,
  );
  return true;
}

/** The shopper's cart token: the `cart` cookie the cart API sets. */
function cartToken(req: IncomingMessage): string | undefined {
  return /(?:^|;\s*)cart=([^;]+)/.exec(req.headers.cookie ?? '')?.[1];
}

export function createShopRoutes(options: ShopRoutesOptions): Route[] {
  const { catalog } = options;
  const cdn = options.cdn ?? '/vitrine/';
  const show = { ...liveShow, ...options.show };
  // The shop's own theme script ('self') and Vitrine's folder.
  const shopCsp = contentSecurityPolicy({ script: ["'self'", scriptSource(cdn)] });
  const cartCount = (req: IncomingMessage): number => {
    const token = cartToken(req);
    const cart = token ? catalog.carts.get(token) : undefined;
    return cart ? cart.lines.reduce((sum, line) => sum + line.quantity, 0) : 0;
  };

  /** Shopify's classic product form: POST /cart/add, then on to the cart page. */
  const addForm: Route = async (req, res, url) => {
    if (req.method !== 'POST' || url.pathname !== '/cart/add') return false;
    const form = new URLSearchParams(await readBody(req, 10_000));
    const cart = catalog.cart(cartToken(req));
    const cookie = { 'set-cookie': `cart=${cart.token}; Path=/; SameSite=Lax` };
    try {
      catalog.add(cart, [{ id: form.get('id'), quantity: form.get('quantity') ?? 1 }]);
    } catch (error) {
      if (!(error instanceof ShopError)) throw error;
      res.setHeader('set-cookie', cookie['set-cookie']);
      return sendPage(res, 422, renderNotFound(cartCount(req), `That could not be added: ${error.description}`), shopCsp);
    }
    // A partial add (less stock than asked) still lands in the cart, as on Shopify.
    res.writeHead(303, { location: '/cart', ...cookie }).end();
    return true;
  };

  const pages: Route = async (req, res, url) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const path = url.pathname;
    if (path === '/' || path === '/index.html') {
      const query = url.searchParams.get('q')?.slice(0, 100) ?? '';
      const collection = url.searchParams.get('collection') ?? undefined;
      // `?layout=vertical` shows the widget's vertical layout; `?widget=off` is the page without
      // Vitrine at all (the Lighthouse benchmark's baseline), `?widget=markup` the page with the
      // element and its poster but without Vitrine's script (what the poster alone costs).
      const layout = url.searchParams.get('layout') === 'vertical' ? 'vertical' : undefined;
      const widgetParam = url.searchParams.get('widget');
      const widget = widgetParam === 'off' ? false : widgetParam === 'markup' ? ('markup' as const) : true;
      // `?loading=interaction`: the widget's code waits for hover, focus or tap even in view.
      const loading = url.searchParams.get('loading') === 'interaction' ? 'interaction' : undefined;
      const listingShow = { ...show, ...(layout ? { layout } : {}), ...(loading ? { loading } : {}) };
      return sendPage(res, 200, renderListing({ embed: { cdn }, catalog, show: listingShow, widget, cartCount: cartCount(req), query, collection }), shopCsp);
    }
    const product = /^\/products\/([\w-]{1,100})$/.exec(path);
    if (product) {
      const found = catalog.product(product[1]!);
      if (found) return sendPage(res, 200, renderProductPage(found, catalog, cartCount(req), { embed: { cdn }, show }), shopCsp);
      return sendPage(res, 404, renderNotFound(cartCount(req), 'We could not find that product.'), shopCsp);
    }
    if (path === '/host.html') {
      // The studio host's chat page (demo/live.ts prints its URL with a token); same-origin scripts only.
      return sendPage(res, 200, readFileSync(here('./host.html'), 'utf8'), contentSecurityPolicy({ script: ["'self'"] }));
    }
    if (path === '/studio.html') {
      // The producer team's studio for the shop's show (the token comes in the URL fragment).
      return sendPage(res, 200, renderStudioPage(show, { cdn }), shopCsp);
    }
    if (path === '/account') {
      return sendPage(res, 200, renderNotFound(cartCount(req), 'Accounts are not part of this demo shop.'), shopCsp);
    }
    if (path === '/lab') {
      res.writeHead(301, { location: '/lab/' }).end();
      return true;
    }
    if (!path.startsWith('/lab/')) return false;
    const params = labParams(url.searchParams);
    switch (path) {
      case '/lab/':
      case '/lab/index.html':
        return sendPage(res, 200, renderLabIndex(), shopCsp);
      case '/lab/embed':
        return sendPage(res, 200, renderEmbedLab(params, cdn), shopCsp);
      case '/lab/theme':
        return sendPage(res, 200, renderThemeLab(params, cdn), shopCsp);
      case '/lab/strict-csp': {
        // Scripts only from the Vitrine folder itself (a path-restricted source), nothing else.
        const folder = new URL(cdn, `http://${req.headers.host ?? 'localhost'}`).href;
        return sendPage(res, 200, renderStrictCspLab(params, cdn), contentSecurityPolicy({ script: [folder] }));
      }
      case '/lab/hls.min.js':
        res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-cache' });
        createReadStream(hlsScript).pipe(res);
        return true;
      case '/lab/bare-hls':
        // Plain hls.js as most pages run it: its default transmuxing worker comes from a blob: URL.
        return sendPage(res, 200, renderBareHlsLab(params), `${contentSecurityPolicy({ script: ["'self'"] }).replace("worker-src 'none'", 'worker-src blob:')}`);
      default:
        return false;
    }
  };

  return [pages, addForm, staticFiles('/assets/', here('./assets/'))];
}
