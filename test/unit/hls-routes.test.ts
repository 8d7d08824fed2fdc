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
