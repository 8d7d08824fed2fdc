// A tiny request pipeline for the demo server and the test servers: each route handles a request
// or passes (returns false). No framework, so tests start servers in milliseconds.
import { createReadStream, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

export type Route = (req: IncomingMessage, res: ServerResponse, url: URL) => boolean | Promise<boolean>;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.m3u8': 'application/vnd.apple.mpegurl',
  '.m4s': 'video/iso.segment',
  '.mp4': 'video/mp4',
  '.vtt': 'text/vtt; charset=utf-8',
  '.woff2': 'font/woff2',
};

export function contentType(path: string): string {
  return TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/** Text worth compressing (media is compressed already; HLS playlists are left as they are). */
const COMPRESSIBLE = /^(text\/(html|css|javascript|plain)|application\/json|image\/svg\+xml)/;

/**
 * True when a response of `type` goes out gzipped: the client accepts gzip and it is text. Every
 * shop platform and CDN compresses text, so the demo does too (what the benchmarks measure is
 * then what a shopper's browser downloads).
 */
function gzipped(req: IncomingMessage, type: string): boolean {
  return COMPRESSIBLE.test(type) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
}

/** Sends `body` with `headers`, gzipped when the client accepts it and it is text. */
export function sendText(res: ServerResponse, status: number, headers: Record<string, string | number>, body: string | Buffer): void {
  const type = String(headers['content-type'] ?? '');
  if (!gzipped(res.req, type)) {
    res.writeHead(status, headers);
    res.end(body);
    return;
  }
  const zipped = gzipSync(body, { level: 9 });
  res.writeHead(status, { ...headers, 'content-encoding': 'gzip', 'content-length': zipped.length, vary: 'accept-encoding' });
  res.end(res.req.method === 'HEAD' ? undefined : zipped);
}

/** Gzipped static files, made once per file version. */
const zippedFiles = new Map<string, { readonly version: string; readonly body: Buffer }>();

/** Serves files under `root` at URL prefix `prefix` (no directory listing, no escaping root). */
export function staticFiles(prefix: string, root: string, headers: Record<string, string> = {}): Route {
  const base = resolve(root);
  return (req, res, url) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    if (!url.pathname.startsWith(prefix)) return false;
    let relative = decodeURIComponent(url.pathname.slice(prefix.length));
    if (relative === '' || relative.endsWith('/')) relative += 'index.html';
    const file = normalize(join(base, relative));
    if (file !== base && !file.startsWith(base + sep)) return false;
    let size: number;
    let version: string;
    try {
      const stat = statSync(file);
      if (!stat.isFile()) return false;
      size = stat.size;
      version = `${stat.size}:${stat.mtimeMs}`;
    } catch {
      return false;
    }
    const type = contentType(file);
    if (gzipped(req, type)) {
      let zipped = zippedFiles.get(file);
      if (zipped?.version !== version) {
        zipped = { version, body: gzipSync(readFileSync(file), { level: 9 }) };
        zippedFiles.set(file, zipped);
      }
      const compressed = { 'content-encoding': 'gzip', 'content-length': zipped.body.length, vary: 'accept-encoding' };
      res.writeHead(200, { 'content-type': type, 'cache-control': 'no-cache', ...headers, ...compressed });
      res.end(req.method === 'HEAD' ? undefined : zipped.body);
      return true;
    }
    res.writeHead(200, { 'content-type': type, 'content-length': size, 'cache-control': 'no-cache', ...headers });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
    return true;
  };
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.end(text);
}

export async function readBody(req: IncomingMessage, limit = 1_000_000): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new Error('body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Runs routes in order; the first that handles the request wins; otherwise 404. */
export function pipeline(routes: Route[]) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    let url: URL;
    try {
      url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
    } catch {
      // A Host header (or target) that is not a URL: the client's mistake, not a crash.
      res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Bad request');
      return;
    }
    try {
      for (const route of routes) {
        if (await route(req, res, url)) return;
      }
      if (!res.headersSent) {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
        res.end('Not found');
      }
    } catch (error) {
      console.error('[demo] request failed', req.method, req.url, error);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Internal error');
    }
  };
}
