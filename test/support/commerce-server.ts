// One real HTTP server with everything the commerce tests talk to, under `/__commerce/`:
//   shopify/...                 the demo shop's Shopify Ajax API (root `/__commerce/shopify/`)
//   woo/wp-json/wc/store/v1/... a WooCommerce Store API
//   feeds/<name>.json           Vitrine product feeds (good, half invalid, hostile, malformed)
//   control                     POST { reset, faults, nonce } / GET state, so tests can provoke
//                               failures (status codes, hanging answers, broken JSON) and count
//                               what the servers really applied.
// Browser tests reach it through the web-test-runner middleware in wtr-commerce.ts.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pipeline, readBody, sendJson, type Route } from '../../demo/http.js';
import { DemoShop, shopifyRoutes, vitrineFeed, type ShopReply } from '../../demo/shopify/index.js';
import { currenciesFeed, halfInvalidFeed, hostileFeed } from './commerce-fixtures.js';
import { WOO_SESSION_COOKIE, WooStore, wooHandler, type WooReply } from './woocommerce-server.js';

export const COMMERCE_PREFIX = '/__commerce/';
export const SHOPIFY_ROOT = `${COMMERCE_PREFIX}shopify/`;
export const WOO_REST_ROOT = `${COMMERCE_PREFIX}woo/wp-json/`;
export const FEEDS = `${COMMERCE_PREFIX}feeds/`;

/** A failure to provoke on the next matching request(s). */
export interface Fault {
  readonly target: 'shopify' | 'woo' | 'feed';
  /** Matches the end of the path below the target root, e.g. `cart/add.js`. */
  readonly path: string;
  /**
   * `status`: answer with it; `hang`: never answer; `malformed`: answer 200 with broken JSON;
   * `slow`: a slow shop — wait `ms`, then apply the request and answer normally.
   */
  readonly kind: 'status' | 'hang' | 'malformed' | 'slow';
  /** `slow`: milliseconds before the shop gets to the request. */
  readonly ms?: number;
  readonly status?: number;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  /** Run the real handler first (the change happens) and spoil only the answer. */
  readonly apply?: boolean;
  /** How many requests it hits (default 1). */
  readonly times?: number;
}

export interface CommerceState {
  readonly requests: readonly { target: string; method: string; path: string }[];
  readonly shopify: { addsApplied: number; cartItemCount: number };
  readonly woo: { addsApplied: number; noncesUsed: readonly (string | null)[] };
}

export interface CommerceServer {
  readonly server: Server;
  readonly url: string;
  readonly shop: DemoShop;
  readonly woo: WooStore;
  state(): CommerceState;
  reset(): void;
  addFaults(faults: readonly Fault[]): void;
  close(): Promise<void>;
}

const BROKEN = '{"items": [{"id": 1, "quantity":';

export async function startCommerceServer(): Promise<CommerceServer> {
  let shop = new DemoShop({ imagePath: `${COMMERCE_PREFIX}demo-images/` });
  const woo = new WooStore();
  let faults: (Fault & { left: number })[] = [];
  let requests: { target: string; method: string; path: string }[] = [];

  function take(target: Fault['target'], path: string): Fault | undefined {
    const fault = faults.find((candidate) => candidate.target === target && candidate.left > 0 && path.endsWith(candidate.path));
    if (fault) fault.left -= 1;
    return fault;
  }

  async function spoil<R extends { status: number; body: string }>(fault: Fault | undefined, reply: () => Promise<R>, make: (status: number, body: string, headers?: Readonly<Record<string, string>>) => R, req: IncomingMessage): Promise<R | 'hang'> {
    if (!fault) return reply();
    if (fault.kind === 'slow') {
      // Like a real shop, it has the whole request and applies it even if the client gives up
      // waiting: the body is kept and handed to the handler after the delay.
      const body = await readBody(req);
      Object.defineProperty(req, Symbol.asyncIterator, { value: async function* () { yield Buffer.from(body); } });
      await new Promise((resolve) => setTimeout(resolve, fault.ms ?? 0));
      return reply();
    }
    const real = fault.apply ? await reply() : undefined;
    if (fault.kind === 'hang') return 'hang';
    if (fault.kind === 'malformed') return make(200, BROKEN);
    return make(fault.status ?? 500, fault.body === undefined ? JSON.stringify({ status: fault.status ?? 500, message: 'Error', description: 'Internal error' }) : JSON.stringify(fault.body), fault.headers ?? (real as { headers?: Record<string, string> } | undefined)?.headers);
  }

  // The shop is replaced on reset, so the Shopify route is rebuilt from the current one.
  let shopRoute: Route = makeShopRoute();
  function makeShopRoute(): Route {
    return shopifyRoutes({
      shop,
      root: SHOPIFY_ROOT,
      locales: ['fr'],
      intercept: async (request, reply) => {
        requests.push({ target: 'shopify', method: request.req.method ?? 'GET', path: request.path });
        return spoil<ShopReply>(take('shopify', request.path), reply, (status, body, headers) => ({ status, body, type: 'application/json; charset=utf-8', ...(headers ? { headers } : {}) }), request.req);
      },
    });
  }

  const wooRoute = wooHandler(woo, `${WOO_REST_ROOT}wc/store/v1/`, {
    intercept: async (path, req, reply) => {
      requests.push({ target: 'woo', method: req.method ?? 'GET', path });
      return spoil<WooReply>(take('woo', path), reply, (status, body, headers) => ({ status, body, headers: { 'content-type': 'application/json; charset=utf-8', ...headers } }), req);
    },
  });

  const feeds: Record<string, () => unknown> = {
    'good.json': () => vitrineFeed(shop),
    'half-invalid.json': () => halfInvalidFeed,
    'hostile.json': () => hostileFeed,
    'currencies.json': () => currenciesFeed,
  };

  const feedRoute: Route = async (req, res, url) => {
    if (!url.pathname.startsWith(FEEDS)) return false;
    const name = url.pathname.slice(FEEDS.length);
    requests.push({ target: 'feed', method: req.method ?? 'GET', path: name });
    const fault = take('feed', name);
    if (fault?.kind === 'hang') {
      await new Promise<void>((resolve) => res.once('close', resolve));
      return true;
    }
    if (fault?.kind === 'status') {
      sendJson(res, fault.status ?? 500, fault.body ?? { error: 'Internal error' });
      return true;
    }
    if (name === 'malformed.json' || fault?.kind === 'malformed') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"products": [{"id": "a", "title": "Broken');
      return true;
    }
    const feed = feeds[name];
    if (!feed) sendJson(res, 404, { error: 'no such feed' });
    else sendJson(res, 200, feed());
    return true;
  };

  const control: Route = async (req, res, url) => {
    if (url.pathname !== `${COMMERCE_PREFIX}control`) return false;
    if (req.method === 'POST') {
      const body = JSON.parse((await readBody(req)) || '{}') as { reset?: boolean; faults?: Fault[]; expireWooNonces?: boolean; wooNonceFor?: string };
      if (body.reset) api.reset();
      if (body.faults) api.addFaults(body.faults);
      if (body.expireWooNonces) woo.expireNonces();
      // A nonce as the page would print it for this shopper's session (created if needed).
      let extra: Record<string, string> = {};
      let nonce: string | undefined;
      if (body.wooNonceFor !== undefined) {
        const token = wooToken(req);
        const session = woo.session(token);
        nonce = woo.issueNonce(session.token);
        if (session.token !== token) extra = { 'set-cookie': `${WOO_SESSION_COOKIE}=${session.token}; Path=/; SameSite=Lax` };
      }
      sendJson(res, 200, { ok: true, ...(nonce ? { nonce } : {}) }, extra);
      return true;
    }
    sendJson(res, 200, api.state());
    return true;
  };

  const server = createServer(pipeline([control, feedRoute, wooRoute, (req, res, url) => shopRoute(req, res, url)]));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));

  const api: CommerceServer = {
    server,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    get shop() {
      return shop;
    },
    woo,
    state: () => ({
      requests: [...requests],
      shopify: { addsApplied: shop.addsApplied, cartItemCount: [...shop.carts.values()].reduce((sum, cart) => sum + cart.lines.reduce((n, line) => n + line.quantity, 0), 0) },
      woo: { addsApplied: woo.addsApplied, noncesUsed: [...woo.noncesUsed] },
    }),
    reset() {
      shop = new DemoShop({ imagePath: `${COMMERCE_PREFIX}demo-images/` });
      shopRoute = makeShopRoute();
      woo.reset();
      faults = [];
      requests = [];
    },
    addFaults(list) {
      faults.push(...list.map((fault) => ({ ...fault, left: fault.times ?? 1 })));
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return api;
}

function wooToken(req: IncomingMessage): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === WOO_SESSION_COOKIE) return value.join('=');
  }
  return undefined;
}
