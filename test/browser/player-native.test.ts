// engine="native": the browser's own HLS player (Debian's Chromium has one too). This file must
// not import hls.js: it checks that the page never downloads it.
import { expect, waitUntil } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';
import type { VitrinePlayer } from '../../src/components/player/player.js';
import { VOD_SRC, control, liveSrc, mountPlayer, streamName, unmountPlayers, waitForProgress, waitForState } from '../support/player-fixture.js';

async function hover(player: VitrinePlayer): Promise<void> {
  const box = player.getBoundingClientRect();
  await sendMouse({ type: 'move', position: [Math.round(box.x + 20), Math.round(box.y + 20)] });
  await sendMouse({ type: 'move', position: [Math.round(box.x + 40), Math.round(box.y + 40)] });
}

const hlsJsRequests = (): string[] =>
  performance
    .getEntriesByType('resource')
    .map((entry) => entry.name)
    .filter((name) => /hls\.js|hls\.mjs|hlsjs-engine/.test(name));

describe('<vitrine-player engine="native">', () => {
  afterEach(unmountPlayers);

  it('plays a live stream with the browser’s own HLS and never downloads hls.js', async () => {
    const name = streamName('native');
    await control(name);
    const player = await mountPlayer({ src: liveSrc(name), autoplay: true, engine: 'native' });
    expect(player.activeEngine).to.equal('native');
    await waitForState(player, 'playing');
    await waitForProgress(player, 1);
    expect(player.live).to.equal(true);
    expect(player.video.src).to.match(/\/master\.m3u8$/);
    // Chromium has no getStartDate(): no program date time rather than a wrong one (Safari has it).
    const start = (player.video as HTMLVideoElement & { getStartDate?: () => Date }).getStartDate?.();
    if (!start || Number.isNaN(start.getTime())) expect(player.streamTime).to.equal(null);
    expect(hlsJsRequests()).to.deep.equal([]);
  });

  it('waits in "starting soon" and starts by itself with the native engine too', async function () {
    this.timeout(60_000);
    const name = streamName('native-soon');
    await control(name, { offline: true });
    const player = await mountPlayer({ src: liveSrc(name), autoplay: true, engine: 'native' });
    await waitForState(player, 'starting-soon');
    await control(name, { offline: false });
    await waitForState(player, 'playing', 30_000);
    await waitForProgress(player, 1);
    expect(hlsJsRequests()).to.deep.equal([]);
  });

  // Last in this file: it is the one that downloads hls.js.
  it('fetches hls.js ahead of play when the pointer is on an hls.js player, and not before', async () => {
    const native = await mountPlayer({ src: VOD_SRC, engine: 'native' });
    await hover(native);
    native.remove();
    const player = await mountPlayer({ src: VOD_SRC });
    expect(hlsJsRequests(), 'nothing while idle').to.deep.equal([]);
    await hover(player);
    await waitUntil(() => hlsJsRequests().length > 0, 'hls.js requested on hover');
    expect(player.state, 'but the stream is not loaded').to.equal('idle');
    await sendMouse({ type: 'move', position: [0, 0] });
  });
});
