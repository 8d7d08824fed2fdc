// Lets browser tests reach the commerce test servers (Shopify Ajax API, WooCommerce Store API,
// product feeds) on the test page's own origin, as a shop's theme reaches its shop: requests
// under /__commerce/ are forwarded over HTTP to the real server from commerce-server.ts.
import { request } from 'node:http';
import type { TestRunnerPlugin } from '@web/test-runner';
import { COMMERCE_PREFIX, startCommerceServer, type CommerceServer } from './commerce-server.js';

interface KoaContext {
  path: string;
  response: { set(name: string, value: string | string[]): void };
  method: string;
  req: import('node:http').IncomingMessage;
  res: import('node:http').ServerResponse;
  status: number;
  body: unknown;
  set(name: string, value: string | string[]): void;
}

function forward(server: CommerceServer, ctx: KoaContext): Promise<void> {
  return new Promise((resolve) => {
    const target = new URL(ctx.req.url ?? '/', server.url);
    const headers = { ...ctx.req.headers, host: target.host };
    const upstream = request(target, { method: ctx.method, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        ctx.status = response.statusCode ?? 502;
        for (const [name, value] of Object.entries(response.headers)) {
          if (value === undefined || ['content-length', 'transfer-encoding', 'connection'].includes(name)) continue;
          ctx.set(name, value);
        }
        ctx.body = Buffer.concat(chunks);
        resolve();
      });
      response.on('error', () => resolve());
    });
    upstream.on('error', () => resolve());
    // A test that gives up on a hanging answer closes its connection: let go upstream too.
    ctx.res.once('close', () => {
      if (!upstream.destroyed && !ctx.res.writableFinished) ctx.status = 204;
      upstream.destroy();
      resolve();
    });
    ctx.req.pipe(upstream);
  });
}

let started: Promise<CommerceServer> | undefined;
const commerceServer = (): Promise<CommerceServer> => (started ??= startCommerceServer());

/**
 * Dev-server middleware (the config's `middleware` list runs before the dev server's own file
 * and transform middleware, which would otherwise treat `/cart.js` as a script).
 */
export async function commerceMiddleware(): Promise<(ctx: KoaContext, next: () => Promise<void>) => Promise<void>> {
  const server = await commerceServer();
  return async (ctx, next) => {
    if (!ctx.path.startsWith(COMMERCE_PREFIX)) return next();
    await forward(server, ctx);
    // The test runner marks every path with an extension (`/cart.js`, `feed.json`) as cacheable
    // for a year once this returns; a cart must never come from the browser cache.
    const set = ctx.response.set.bind(ctx.response);
    ctx.response.set = (name, value) => {
      if (name.toLowerCase() !== 'cache-control') set(name, value);
    };
  };
}

/** Closes the commerce servers when the test run ends. */
export function commercePlugin(): TestRunnerPlugin {
  return {
    name: 'vitrine-commerce-servers',
    async serverStop() {
      if (started) await (await started).close();
    },
  };
}
