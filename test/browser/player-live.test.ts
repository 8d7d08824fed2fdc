// <vitrine-player> on the simulated live stream: live edge, LIVE badge, autoplay muted, and
// streamTime checked against the frame number burned into every frame.
import { expect, waitUntil } from '@open-wc/testing';
import type { VitrinePlayer } from '../../src/components/player/player.js';
import type { VitrineLiveEdgeDetail, VitrinePlayDetail } from '../../src/player/events.js';
import { expectedProgramDateTime, readFrameNumber } from '../support/barcode.js';
import { control, liveSrc, mountPlayer, realClick, record, streamName, unmountPlayers, waitForProgress, waitForState, type StreamInfo } from '../support/player-fixture.js';

const part = (player: VitrinePlayer, name: string): HTMLElement | null => player.shadowRoot!.querySelector(`[part~="${name}"]`);

/** streamTime minus the true program date time of the frame on screen, read while paused. */
async function pausedError(player: VitrinePlayer, info: StreamInfo): Promise<number> {
  player.pause();
  await waitUntil(() => player.paused, 'paused');
  const frame = readFrameNumber(player.video);
  const streamTime = player.streamTime!.getTime();
  expect(frame, 'barcode readable').to.not.equal(null);
  return streamTime - expectedProgramDateTime(frame!, info, streamTime);
}

/**
 * While playing: for `count` presented frames, `streamTimeAt(metadata.mediaTime)` and the store's
 * per-frame `streamTime`, each minus the true time of that frame.
 */
function frameErrors(player: VitrinePlayer, info: StreamInfo, count: number): Promise<{ at: number[]; store: number[] }> {
  const video = player.video;
  return new Promise((resolve) => {
    const at: number[] = [];
    const store: number[] = [];
    const tick = (_now: number, metadata: VideoFrameCallbackMetadata): void => {
      const frame = readFrameNumber(video);
      const mapped = player.streamTimeAt(metadata.mediaTime);
      const stored = player.store.streamTime.get();
      if (frame !== null && mapped !== null && stored !== null) {
        at.push(mapped - expectedProgramDateTime(frame, info, mapped));
        store.push(stored - expectedProgramDateTime(frame, info, stored));
      }
      if (at.length >= count) resolve({ at, store });
      else video.requestVideoFrameCallback(tick);
    };
    video.requestVideoFrameCallback(tick);
  });
}

/**
 * Each frame's presentation time maps exactly to its program date time. The measurement itself
 * can be one frame off: on a busy machine the callback may run after the next frame replaced the
 * one it was called for, and the barcode is read from what is there. So: the typical sample is
 * exact, none is off by more than one frame (33 ms at 30 fps).
 */
function expectExactPerFrame(errors: number[]): void {
  const sorted = errors.map(Math.abs).sort((a, b) => a - b);
  expect(sorted[sorted.length >> 1], 'median per-frame error').to.be.below(1);
  for (const error of errors) expect(Math.abs(error), `per-frame error ${error} ms`).to.be.below(34);
}

const summary = (errors: number[]): string => {
  const sorted = errors.map(Math.abs).sort((a, b) => a - b);
  return `median ${sorted[sorted.length >> 1]!.toFixed(1)} ms, worst ${sorted[sorted.length - 1]!.toFixed(1)} ms over ${errors.length}`;
};

describe('<vitrine-player> live', () => {
  afterEach(unmountPlayers);

  it('autoplays muted near the live edge with a LIVE badge and a tap-to-unmute button', async () => {
    const name = streamName('live');
    await control(name);
    const plays = record<VitrinePlayDetail>(document, 'vitrine-play');
    const edges = record<VitrineLiveEdgeDetail>(document, 'vitrine-live-edge');
    const player = await mountPlayer({ src: liveSrc(name), autoplay: true, label: 'Spring drop' });

    await waitForState(player, 'playing');
    await waitForProgress(player, 0.5);
    expect(player.activeEngine).to.equal('hlsjs');
    expect(player.live).to.equal(true);
    expect(player.muted, 'autoplay starts muted').to.equal(true);
    await waitUntil(() => player.atLiveEdge, 'at the live edge');
    expect(edges.map((e) => e.detail.atLiveEdge)).to.deep.equal([true]);
    expect(plays).to.have.length(1);
    expect(plays[0]!.detail.streamTime).to.be.instanceOf(Date);
    // Three 2 s segments behind the newest one: the frame on screen is 6-10 s old.
    const lag = Date.now() - player.streamTime!.getTime();
    expect(lag, `latency ${lag} ms`).to.be.within(5000, 11_000);

    await player.updateComplete;
    expect(part(player, 'live-badge')!.textContent!.trim()).to.equal('Live');
    expect(part(player, 'base')!.getAttribute('aria-label')).to.equal('Video player: Spring drop');
    const unmute = part(player, 'unmute-button') as HTMLButtonElement;
    expect(unmute.textContent!.trim()).to.equal('Tap to unmute');
    await realClick(unmute);
    await waitUntil(() => !player.muted && part(player, 'unmute-button') === null, 'unmuted, button gone');
    expect(player.state).to.equal('playing');
    expect(player.levels.map((level) => level.label)).to.deep.equal(['360p', '720p']);
    expect(player.captionTracks.map((track) => track.language)).to.deep.equal(['en', 'nl']);
  });

  it('knows the wall-clock time of the frame on screen within a frame (paused reads)', async () => {
    const name = streamName('time');
    const info = await control(name);
    const player = await mountPlayer({ src: liveSrc(name), autoplay: true });
    await waitForState(player, 'playing');
    await waitForProgress(player, 1);
    const errors: number[] = [];
    for (let sample = 0; sample < 5; sample += 1) {
      errors.push(await pausedError(player, info));
      void player.play();
      await waitForState(player, 'playing');
      await waitForProgress(player, 0.7);
    }
    console.log(`streamTime (paused): ${summary(errors)}`);
    // The issue asks for 0.5 s. Paused, currentTime lies anywhere within the frame on screen (33 ms),
    // and on a busy machine the painted frame can trail it by another frame or two.
    for (const error of errors) expect(Math.abs(error), `streamTime error ${error} ms`).to.be.below(100);
  });

  it('maps every presented frame while playing: streamTimeAt(mediaTime) and the per-frame store', async () => {
    const name = streamName('frames');
    const info = await control(name);
    const player = await mountPlayer({ src: liveSrc(name), autoplay: true });
    await waitForState(player, 'playing');
    await waitForProgress(player, 1);
    const { at, store } = await frameErrors(player, info, 30);
    console.log(`streamTimeAt(metadata.mediaTime): ${summary(at)}; store.streamTime: ${summary(store)}`);
    expectExactPerFrame([...at, ...store]);
  });

  it('stays exact across a loop discontinuity', async function () {
    this.timeout(60_000);
    const name = streamName('disco');
    // The live edge is at global segment 12: playback starts just before the loop boundary at 10.
    const info = await control(name, { epoch: Date.now() - 26_000 });
    const player = await mountPlayer({ src: liveSrc(name), autoplay: true });
    await waitForState(player, 'playing');
    const boundary = info.epoch + 10 * info.segmentDuration * 1000;
    await waitUntil(() => (player.streamTime?.getTime() ?? 0) > boundary + 1000, 'playback crosses the loop boundary', { timeout: 30_000 });
    const { at } = await frameErrors(player, info, 10);
    const paused = await pausedError(player, info);
    console.log(`after the discontinuity: per frame ${summary(at)}, paused ${paused.toFixed(1)} ms`);
    expectExactPerFrame(at);
    expect(Math.abs(paused), `paused error ${paused} ms after the discontinuity`).to.be.below(100);
  });

  it('shows "behind live" with a jump-to-live control after drifting, and rejoins', async function () {
    this.timeout(60_000);
    const name = streamName('behind');
    await control(name);
    const player = await mountPlayer({ src: liveSrc(name), autoplay: true });
    await waitUntil(() => player.atLiveEdge, 'at the live edge', { timeout: 20_000 });
    const edges = record<VitrineLiveEdgeDetail>(player, 'vitrine-live-edge');

    player.pause();
    await waitUntil(() => edges.length === 1, 'left the live edge', { timeout: 20_000 });
    expect(edges[0]!.detail.atLiveEdge).to.equal(false);
    expect(edges[0]!.detail.behind).to.be.above(3);
    await player.updateComplete;
    const jump = part(player, 'live-badge') as HTMLButtonElement;
    expect(jump.localName).to.equal('button');
    expect(jump.getAttribute('aria-label')).to.match(/^Go live, \d+ seconds behind$/);

    jump.click();
    await waitUntil(() => edges.length === 2, 'rejoined the live edge', { timeout: 20_000 });
    expect(edges[1]!.detail.atLiveEdge).to.equal(true);
    await waitForState(player, 'playing');
    await player.updateComplete;
    expect(part(player, 'live-badge')!.localName).to.equal('span');
  });

  it('plays `live-offset` seconds behind the live edge', async () => {
    const name = streamName('offset');
    await control(name);
    const player = await mountPlayer({ src: liveSrc(name), autoplay: true, 'live-offset': '10' });
    await waitForState(player, 'playing');
    await waitForProgress(player, 1);
    await waitUntil(() => player.atLiveEdge, 'at the (offset) live edge');
    // 10 s behind the end of the newest segment, which is up to one segment (2 s) old itself.
    const lag = Date.now() - player.streamTime!.getTime();
    expect(lag, `latency ${lag} ms`).to.be.within(9500, 13_500);
  });

  it('shows an "ended" state when the live stream ends', async function () {
    this.timeout(60_000);
    const name = streamName('ended');
    await control(name);
    const player = await mountPlayer({ src: liveSrc(name), autoplay: true, locale: 'fr' });
    await waitForState(player, 'playing');
    await control(name, { ended: true });
    await waitForState(player, 'ended', 30_000);
    await player.updateComplete;
    expect(part(player, 'status')!.textContent!.trim()).to.equal('Ce direct est terminé.');
    expect(part(player, 'live-badge')).to.equal(null);
  });
});
