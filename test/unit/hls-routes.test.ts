import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pipeline } from '../../demo/http.js';
import { createHlsRoutes, type StreamInfo } from '../../demo/hls/routes.js';

const mediaDir = fileURLToPath(new URL('../../demo/media/', import.meta.url));
let server: Server;
let base: string;

beforeAll(async () => {
  const hls = createHlsRoutes({ mediaDir });
  server = createServer(pipeline([hls.route]));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

const control = async (name: string, patch?: object): Promise<StreamInfo> =>
  (await fetch(`${base}/hls/control/${name}`, patch ? { method: 'POST', body: JSON.stringify(patch) } : {})).json() as Promise<StreamInfo>;

describe('simulated live HLS', () => {
  it('lets only this machine\'s own pages use the control route: another origin gets 403 and no CORS', async () => {
    const before = await control('routes-guard');
    const attempts: RequestInit[] = [
      { method: 'POST', headers: { origin: 'https://evil.example' }, body: JSON.stringify({ offline: true }) },
      { method: 'GET', headers: { origin: 'https://evil.example' } },
      { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } },
    ];
    for (const init of attempts) {
      const response = await fetch(`${base}/hls/control/routes-guard`, init);
      expect(response.status).toBe(403);
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
    }
    expect((await control('routes-guard')).offline).toBe(before.offline);
    expect((await fetch(`${base}/hls/control/routes-guard`, { headers: { origin: base } })).status).toBe(200);
  });

  it('creates state for at most maxStreams names; more are 404', async () => {
    const small = createHlsRoutes({ mediaDir, maxStreams: 2 });
    const other = createServer(pipeline([small.route]));
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
      expect((await fetch(`${url}/hls/live/one/master.m3u8`)).status).toBe(200);
      expect((await fetch(`${url}/hls/control/two`)).status).toBe(200);
      expect((await fetch(`${url}/hls/live/three/master.m3u8`)).status).toBe(404);
      expect((await fetch(`${url}/hls/control/four`)).status).toBe(404);
      expect(small.streams.size).toBe(2);
    } finally {
      other.closeAllConnections();
      other.close();
    }
  });

  it('serves a live window of real segments with program date times', async () => {
    const info = await control('routes-a');
    expect(info.window).not.toBeNull();
    const text = await (await fetch(`${base}/hls/live/routes-a/720p/index.m3u8`)).text();
    expect(text).toContain(`#EXT-X-MEDIA-SEQUENCE:${info.window!.first}`);
    const pdt = /#EXT-X-PROGRAM-DATE-TIME:(.+)\n#EXTINF:[\d.]+,\nk(\d+)\.m4s/.exec(text)!;
    expect(Date.parse(pdt[1]!)).toBe(info.epoch + Number(pdt[2]) * info.segmentDuration * 1000);
    const segment = await fetch(`${base}/hls/live/routes-a/720p/k${info.window!.last}.m4s`);
    expect(segment.status).toBe(200);
    expect((await segment.arrayBuffer()).byteLength).toBeGreaterThan(10_000);
    // Ahead of the live edge there is nothing yet.
    expect((await fetch(`${base}/hls/live/routes-a/720p/k${info.window!.last + 5}.m4s`)).status).toBe(404);
  });

  it('answers 404 while the show has not started, then goes live', async () => {
    await control('routes-b', { offline: true });
    expect((await fetch(`${base}/hls/live/routes-b/master.m3u8`)).status).toBe(404);
    expect((await fetch(`${base}/hls/live/routes-b/360p/index.m3u8`)).status).toBe(404);
    await control('routes-b', { offline: false });
    const master = await fetch(`${base}/hls/live/routes-b/master.m3u8`);
    expect(master.status).toBe(200);
    expect(await master.text()).toContain('SUBTITLES="subs"');
  });

  it('answers the master playlist with a status of choice (a wrong or expired URL)', async () => {
    await control('routes-status', { manifestStatus: 403 });
    expect((await fetch(`${base}/hls/live/routes-status/master.m3u8`)).status).toBe(403);
    await control('routes-status', { manifestStatus: 0 });
    expect((await fetch(`${base}/hls/live/routes-status/master.m3u8`)).status).toBe(200);
  });

  it('fails, corrupts and restores segments on demand', async () => {
    const info = await control('routes-c', { segments: 'fail' });
    const url = `${base}/hls/live/routes-c/720p/k${info.window!.last}.m4s`;
    expect((await fetch(url)).status).toBe(503);
    await control('routes-c', { segments: 'corrupt' });
    const corrupt = new Uint8Array(await (await fetch(url)).arrayBuffer());
    await control('routes-c', { segments: 'ok' });
    const good = new Uint8Array(await (await fetch(url)).arrayBuffer());
    expect(corrupt.length).toBe(good.length);
    expect(Buffer.from(corrupt.subarray(0, 8)).equals(Buffer.from(good.subarray(0, 8)))).toBe(true);
    expect(Buffer.from(corrupt).equals(Buffer.from(good))).toBe(false);
  });

  it('serves live subtitles as WebVTT segments', async () => {
    const text = await (await fetch(`${base}/hls/live/routes-d/subs/nl/index.m3u8`)).text();
    const k = /k(\d+)\.vtt/.exec(text)![1];
    const vtt = await (await fetch(`${base}/hls/live/routes-d/subs/nl/k${k}.vtt`)).text();
    expect(vtt.startsWith('WEBVTT')).toBe(true);
  });

  it('serves the committed media as VOD', async () => {
    const text = await (await fetch(`${base}/hls/vod/720p/index.m3u8`)).text();
    expect(text).toContain('#EXT-X-ENDLIST');
  });
});
