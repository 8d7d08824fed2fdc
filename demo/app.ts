// The demo shop server: the shop pages, the CDN build, simulated HLS streams, an optional real
// ffmpeg encoder, the Shopify-contract cart API and the live server (socket.io, chat), on one
// port. Tests start it in-process with port 0.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { pipeline, staticFiles, type Route } from './http.js';
import type { Encoder } from './hls/encoder.js';
import { createHlsRoutes } from './hls/routes.js';
import { verifyOfferClaim } from '../src/server/index.js';
import { DEMO_SHOW, attachLive, demoSecret, type DemoLive } from './live.js';
import { createShopRoutes } from './shop/routes.js';
import { DemoShop, ShopError, shopifyRoutes, type HonouredClaim } from './shopify/index.js';

export interface DemoServerOptions {
  /** 0 picks a free port. */
  readonly port?: number;
  readonly host?: string;
  /**
   * Where the shop pages load Vitrine from: default `/vitrine/` (this server). Another origin's
   * folder (e.g. a second demo server's `http://127.0.0.1:9000/vitrine/`) proves the CDN build.
   */
  readonly cdn?: string;
  /** A running ffmpeg encoder (hls/encoder.ts): served under its prefix and shown on the shop. */
  readonly encoder?: Encoder;
}

export interface DemoServer {
  readonly server: Server;
  /** Base URL, e.g. `http://127.0.0.1:8080`. */
  readonly url: string;
  /** The simulated live streams' state (tests provoke failures through /hls/control/<name>). */
  readonly hls: ReturnType<typeof createHlsRoutes>;
  /** The live server (chat) attached to the same port. */
  readonly live: DemoLive;
  close(): Promise<void>;
}

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

export async function createDemoServer(options: DemoServerOptions = {}): Promise<DemoServer> {
  const hls = createHlsRoutes({ mediaDir: here('./media/') });
  const secret = demoSecret();
  // Demo extension of the Shopify contract: a line with a valid flash offer claim (signed by the
  // live server) is priced at the offer price. A real Shopify cart needs a discount function.
  const verifyOffer = async (token: string, item: { productId: string; variantId: string }): Promise<HonouredClaim> => {
    let claim;
    try {
      claim = await verifyOfferClaim(token, secret, { show: DEMO_SHOW });
    } catch (error) {
      throw new ShopError(422, `The offer price could not be applied (${error instanceof Error ? error.message : 'invalid claim'}). Nothing was added.`);
    }
    if (claim.price.currency !== catalog.currency || claim.productId !== item.productId || (claim.variantId !== null && claim.variantId !== item.variantId)) {
      throw new ShopError(422, 'The offer price could not be applied: the claim is for another product. Nothing was added.');
    }
    return { claimId: claim.claimId, price: claim.price.amount, quantity: claim.quantity };
  };
  // One catalog with stock and carts, behind both the shop's pages and its Shopify cart API.
  const catalog = new DemoShop();
  const shop = createShopRoutes({
    catalog,
    cdn: options.cdn,
    show: options.encoder ? { src: options.encoder.src } : undefined,
  });
  // First match wins. Keep this a plain list: one line per feature.
  const routes: Route[] = [
    hls.route, // /hls/vod/, /hls/live/<name>/, /hls/control/<name>
    ...(options.encoder ? [options.encoder.route] : []), // /hls/encoder/
    // The CDN build, as a shop would load it from a CDN (module scripts need CORS).
    staticFiles('/vitrine/', here('../dist/cdn/'), { 'access-control-allow-origin': '*' }),
    ...shop, // /, /products/<handle>, POST /cart/add, /lab/..., /assets/
    shopifyRoutes({ shop: catalog, verifyOffer }), // Shopify Ajax API (/cart.js, /cart/add.js, ...), /cart, /checkout, /demo-images/
  ];
  const server = createServer(pipeline(routes));
  const live = await attachLive(server, secret);
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://${options.host === '0.0.0.0' ? 'localhost' : (options.host ?? '127.0.0.1')}:${port}`;
  return {
    server,
    url,
    hls,
    live,
    close: async () => {
      await live.close();
      await new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
    },
  };
}
