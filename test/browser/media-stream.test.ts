// The test media and the simulated live stream themselves, played by bare hls.js: the ground
// truth the player's tests stand on.
import { expect, waitUntil } from '@open-wc/testing';
import Hls from 'hls.js';
import { expectedProgramDateTime, readFrameNumber } from '../support/barcode.js';

interface StreamInfo { epoch: number; fps: number; segmentDuration: number; loopLength: number; window: { first: number; last: number } | null }

async function streamInfo(name: string, patch?: object): Promise<StreamInfo> {
  return (await fetch(`/hls/control/${name}`, patch ? { method: 'POST', body: JSON.stringify(patch) } : {})).json();
}

async function measure(hls: Hls, video: HTMLVideoElement, info: StreamInfo): Promise<number> {
  // Pause so the frame on screen and currentTime cannot move between the two reads.
  video.pause();
  await waitUntil(() => video.paused);
  const frame = readFrameNumber(video);
  const playing = hls.playingDate!.getTime();
  expect(frame, 'barcode readable').to.not.equal(null);
  return playing - expectedProgramDateTime(frame!, info, playing);
}

describe('demo media', () => {
  let hls: Hls | undefined;
  let video: HTMLVideoElement;

  beforeEach(() => {
    video = document.createElement('video');
    video.muted = true;
    video.playsInline = true;
    document.body.append(video);
  });
  afterEach(() => {
    hls?.destroy();
    video.remove();
  });

  it('plays the simulated live stream with program date times that match the frame on screen', async () => {
    const name = `media-${Math.random().toString(36).slice(2, 8)}`;
    const info = await streamInfo(name);
    hls = new Hls({ enableWorker: false });
    hls.loadSource(`/hls/live/${name}/master.m3u8`);
    hls.attachMedia(video);
    await new Promise((resolve) => hls!.once(Hls.Events.MANIFEST_PARSED, resolve));
    await video.play();
    await waitUntil(() => video.currentTime > 1 && hls!.playingDate !== null, 'playback starts', { timeout: 20_000 });

    const errors: number[] = [];
    for (let sample = 0; sample < 5; sample += 1) {
      errors.push(await measure(hls, video, info));
      await video.play();
      const before = video.currentTime;
      await waitUntil(() => video.currentTime > before + 0.7, 'playback advances', { timeout: 10_000 });
    }
    for (const error of errors) expect(Math.abs(error), `playingDate error ${error} ms`).to.be.below(100);
  });

  it('stays accurate across a loop discontinuity', async () => {
    const name = `media-${Math.random().toString(36).slice(2, 8)}`;
    // Put the live edge at global segment 12: playback starts ~3 segments back, just before the
    // loop boundary at segment 10.
    const info = await streamInfo(name, { epoch: Date.now() - 26_000 });
    hls = new Hls({ enableWorker: false });
    hls.loadSource(`/hls/live/${name}/master.m3u8`);
    hls.attachMedia(video);
    await new Promise((resolve) => hls!.once(Hls.Events.MANIFEST_PARSED, resolve));
    await video.play();
    const boundary = info.epoch + 10 * info.segmentDuration * 1000;
    await waitUntil(() => (hls!.playingDate?.getTime() ?? 0) > boundary + 1000, 'playback crosses the loop boundary', { timeout: 30_000 });
    const error = await measure(hls, video, info);
    expect(Math.abs(error), `playingDate error ${error} ms after the discontinuity`).to.be.below(100);
  });
});
