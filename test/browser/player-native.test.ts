// engine="native": the browser's own HLS player (Debian's Chromium has one too). This file must
// not import hls.js: it checks that the page never downloads it.
import { expect } from '@open-wc/testing';
import { control, liveSrc, mountPlayer, streamName, unmountPlayers, waitForProgress, waitForState } from '../support/player-fixture.js';

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
});
