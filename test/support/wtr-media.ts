// Mounts the demo's HLS routes (VOD, simulated live streams, fault control) into the
// web-test-runner server, so browser tests play real media from the same origin at /hls/.
import { fileURLToPath } from 'node:url';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createHlsRoutes } from '../../demo/hls/routes.js';

interface KoaContext {
  path: string;
  url: string;
  req: IncomingMessage;
  res: ServerResponse;
  respond?: boolean;
}

/** Koa middleware for web-test-runner's `middleware` option. */
export function mediaMiddleware() {
  const hls = createHlsRoutes({ mediaDir: fileURLToPath(new URL('../../demo/media/', import.meta.url)) });
  return async (ctx: KoaContext, next: () => Promise<unknown>): Promise<unknown> => {
    if (!ctx.path.startsWith('/hls/')) return next();
    ctx.respond = false;
    const handled = await hls.route(ctx.req, ctx.res, new URL(ctx.url, 'http://localhost'));
    if (handled) return undefined;
    ctx.respond = true;
    return next();
  };
}
