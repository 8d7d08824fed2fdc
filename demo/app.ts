// The demo shop server: the shop pages, the CDN build, simulated HLS streams and (as they arrive)
// the Shopify-style cart API and the live server, on one port. Tests start it with port 0.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { pipeline, staticFiles, type Route } from './http.js';
import { createHlsRoutes } from './hls/routes.js';
import { shopifyRoutes } from './shopify/index.js';
import { attachLive, type DemoLive } from './live.js';

export interface DemoServerOptions {
  /** 0 picks a free port. */
  readonly port?: number;
  readonly host?: string;
}

export interface DemoServer {
  readonly server: Server;
  /** Base URL, e.g. `http://127.0.0.1:8080`. */
  readonly url: string;
  /** The live server (chat) attached to the same port. */
  readonly live: DemoLive;
  close(): Promise<void>;
}

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

export async function createDemoServer(options: DemoServerOptions = {}): Promise<DemoServer> {
  const hls = createHlsRoutes({ mediaDir: here('./media/') });
  const routes: Route[] = [
    hls.route,
    // The CDN build, as a shop would load it from a CDN.
    staticFiles('/vitrine/', here('../dist/cdn/'), { 'access-control-allow-origin': '*' }),
    shopifyRoutes(), // the shop's Shopify-contract cart API, catalog and cart page
    staticFiles('/', here('./shop/')),
  ];
  const server = createServer(pipeline(routes));
  const live = await attachLive(server);
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://${options.host === '0.0.0.0' ? 'localhost' : (options.host ?? '127.0.0.1')}:${port}`;
  return {
    server,
    url,
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
