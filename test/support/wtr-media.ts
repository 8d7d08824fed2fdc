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
  // Every test makes streams of its own: no cap on names here.
  const hls = createHlsRoutes({ mediaDir: fileURLToPath(new URL('../../demo/media/', import.meta.url)), maxStreams: Infinity });
  return async (ctx: KoaContext, next: () => Promise<unknown>): Promise<unknown> => {
    if (!ctx.path.startsWith('/hls/')) return next();
    ctx.respond = false;
    const handled = await hls.route(ctx.req, ctx.res, new URL(ctx.url, 'http://localhost'));
    if (handled) return undefined;
    ctx.respond = true;
    return next();
  };
}
