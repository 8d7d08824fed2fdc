// A real live stream from ffmpeg (demo/hls/encoder.ts): a sliding-window fMP4 playlist whose
// program date times match the frames (checked by barcode with bare hls.js, then through the
// widget on the shop page), and a clear message where there is no ffmpeg.
import { spawn } from 'node:child_process';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoServer, type DemoServer } from '../../demo/app.js';
import { FfmpegMissingError, startEncoder, type Encoder } from '../../demo/hls/encoder.js';
import { expectedProgramDateTime, readFrameNumber } from '../support/barcode.js';
import { launchChromium, watchPage } from '../support/chromium.js';
import { playButton, sampleStreamTime, waitForPlayback, widgetVideo } from '../support/show.js';

let encoder: Encoder;
let demo: DemoServer;
let browser: Browser;
let startedAt: number;

beforeAll(async () => {
  startedAt = Date.now();
  // Small and short: cheap to encode on a shared 2-core machine, and the window slides soon.
  encoder = await startEncoder({ width: 640, height: 360, windowSize: 3 });
  [demo, browser] = await Promise.all([createDemoServer({ port: 0, encoder }), launchChromium(), encoder.ready(2)]);
});
afterAll(async () => {
  await browser?.close();
  await demo?.close();
  await encoder?.stop();
});

describe('ffmpeg live encoder', () => {
  it('serves a sliding-window fMP4 playlist with program date times on the wall clock', async () => {
    const info = await encoder.ready(2);
    expect(info.epoch).toBeGreaterThan(startedAt - 1000);
    expect(info.epoch).toBeLessThan(startedAt + 10_000);

    const master = await fetch(`${demo.url}/hls/encoder/master.m3u8`);
    expect(master.status).toBe(200);
    expect(await master.text()).toMatch(/#EXT-X-STREAM-INF:.*\nindex\.m3u8/);
    const playlist = await (await fetch(`${demo.url}/hls/encoder/index.m3u8`)).text();
    expect(playlist).toContain('#EXT-X-MAP:URI="init.mp4"');
    expect(playlist).toMatch(/#EXT-X-PROGRAM-DATE-TIME:\d{4}-\d\d-\d\dT[\d:.]+/);
    const init = Buffer.from(await (await fetch(`${demo.url}/hls/encoder/init.mp4`)).arrayBuffer());
    expect(init.subarray(4, 8).toString('latin1')).toBe('ftyp');
    const first = /^seg_\d+\.m4s$/m.exec(playlist)![0];
    const segment = await fetch(`${demo.url}/hls/encoder/${first}`);
    expect(segment.status).toBe(200);
    expect((await segment.arrayBuffer()).byteLength).toBeGreaterThan(1000);

    // The window slides: the media sequence grows and old segments are gone.
    await expect.poll(async () => (await encoder.info()).mediaSequence, { timeout: 30_000, interval: 500 }).toBeGreaterThanOrEqual(3);
    expect((await fetch(`${demo.url}/hls/encoder/seg_0.m4s`)).status).toBe(404);
  });

  it('bare hls.js: the program date time of the frame on screen matches its barcode', async () => {
    const page = await browser.newPage();
    const watch = await watchPage(page);
    await page.goto(`${demo.url}/lab/bare-hls?stream=encoder`);
    await page.locator('#bare-play').click();
    const video = (await page.$('#bare-video'))!;
    await page.waitForFunction(() => {
      const v = document.querySelector('video')!;
      return v.currentTime > 1 && (window as unknown as { bareHls: { playingDate: Date | null } }).bareHls.playingDate !== null;
    });
    const info = await encoder.info();
    const errors: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      await video.evaluate((v: HTMLVideoElement) => v.pause());
      await page.waitForFunction(() => document.querySelector('video')!.paused);
      const frame = await video.evaluate(readFrameNumber, info.barcodeBits);
      const playing = await page.evaluate(() => (window as unknown as { bareHls: { playingDate: Date } }).bareHls.playingDate.getTime());
      expect(frame).not.toBeNull();
      errors.push(playing - expectedProgramDateTime(frame!, info, playing));
      const at = await video.evaluate((v: HTMLVideoElement) => v.currentTime);
      await video.evaluate((v: HTMLVideoElement) => v.play());
      await page.waitForFunction((t) => document.querySelector('video')!.currentTime > t + 0.5, at);
    }
    for (const error of errors) expect(Math.abs(error), `hls.js playingDate off by ${error} ms`).toBeLessThan(100);
    expect(watch.errors).toEqual([]);
    await page.close();
  });

  it('the shop plays it in <vitrine-show>, with streamTime within 0.5 s of the frame on screen', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const watch = await watchPage(page);
    await page.goto(`${demo.url}/`);
    expect(await page.locator('#live vitrine-show').getAttribute('src')).toBe('/hls/encoder/master.m3u8');
    await playButton(page).click();
    const video = await widgetVideo(page);
    await waitForPlayback(video, 1);
    const sample = await sampleStreamTime(page, video, await encoder.info());
    expect(Math.abs(sample.error), `streamTime off by ${sample.error} ms`).toBeLessThan(500);
    expect(watch.errors).toEqual([]);
    await page.close();
  });
});

describe('without ffmpeg', () => {
  it('startEncoder rejects with a message that says what to install', async () => {
    const missing = startEncoder({ ffmpeg: '/nonexistent/ffmpeg' });
    await expect(missing).rejects.toBeInstanceOf(FfmpegMissingError);
    await expect(missing).rejects.toThrow(/apt-get install ffmpeg/);
  });

  it('`npm start -- --encoder` says so clearly and serves the simulated stream', async () => {
    const server = spawn(process.execPath, ['--import', 'tsx', 'demo/server.ts', '--encoder'], {
      env: { ...process.env, PORT: '0', FFMPEG_PATH: '/nonexistent/ffmpeg' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    server.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    server.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    try {
      await expect.poll(() => stdout, { timeout: 60_000 }).toMatch(/Vitrine demo shop: http:\/\/127\.0\.0\.1:\d+\//);
      expect(stderr).toContain('--encoder: ffmpeg was not found');
      expect(stderr).toContain('Serving the simulated live stream instead.');
      expect(stdout).toContain('/hls/live/main/master.m3u8');
    } finally {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGTERM');
      await exited;
    }
  });
});
