// The player's lifecycle: moving it keeps playing; removing it tears hls.js down; mounting and
// removing it 50 times leaves no hls.js instance, no request in flight and no listener behind.
import { expect, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { liveHlsInstances } from '../../src/player/hlsjs-engine.js';
import { control, liveSrc, mountPlayer, streamName, unmountPlayers, until, waitForProgress, waitForState } from '../support/player-fixture.js';

const requests = (path: string): number =>
  performance.getEntriesByType('resource').filter((entry) => new URL(entry.name).pathname === path).length;

/** Requests sent with XMLHttpRequest (hls.js's loader) and not finished or aborted yet. */
let inFlight = 0;
const send = XMLHttpRequest.prototype.send;
XMLHttpRequest.prototype.send = function (this: XMLHttpRequest, body?: Document | XMLHttpRequestBodyInit | null) {
  inFlight += 1;
  this.addEventListener('loadend', () => (inFlight -= 1), { once: true });
  send.call(this, body);
};

type Metrics = Record<string, number>;

describe('<vitrine-player> lifecycle', () => {
  afterEach(unmountPlayers);

  it('keeps playing when moved to another place in the document', async () => {
    const name = streamName('move');
    await control(name);
    const player = await mountPlayer({ src: liveSrc(name), autoplay: true });
    await waitForState(player, 'playing');
    await waitForProgress(player, 1);
    const master = new URL(liveSrc(name), location.href).pathname;
    const mediaSource = player.video.src;
    const before = player.currentTime;

    const elsewhere = document.createElement('section');
    document.body.append(elsewhere);
    elsewhere.append(player);
    await waitForProgress(player, 1);
    expect(player.state).to.equal('playing');
    expect(player.currentTime, 'continues from the same time').to.be.above(before);
    expect(player.currentTime - before, 'no jump').to.be.below(10);
    expect(player.video.src, 'same MediaSource').to.equal(mediaSource);
    expect(requests(master), 'no new manifest request').to.equal(1);
    expect(liveHlsInstances()).to.equal(1);
    elsewhere.remove();
  });

  it('destroys hls.js when removed, and starts again (autoplay) when put back', async () => {
    const name = streamName('remove');
    await control(name);
    const player = await mountPlayer({ src: liveSrc(name), autoplay: true });
    await waitForState(player, 'playing');
    player.remove();
    await waitUntil(() => liveHlsInstances() === 0, 'hls.js destroyed');
    expect(player.state).to.equal('idle');
    expect(inFlight, 'no request in flight').to.equal(0);

    document.body.append(player);
    await waitForState(player, 'playing');
    expect(liveHlsInstances()).to.equal(1);
    player.remove();
    await waitUntil(() => liveHlsInstances() === 0, 'hls.js destroyed again');
  });

  it('leaves no hls.js instance, no pending request and no growing listener count after 50 mounts', async function () {
    this.timeout(120_000);
    const name = streamName('leak');
    await control(name);
    const cycle = async (i: number): Promise<void> => {
      // Not mountPlayer: the fixture remembers what it mounted, which would keep them alive.
      const player = document.createElement('vitrine-player');
      player.src = liveSrc(name);
      player.autoplay = true;
      document.body.append(player);
      // Half of them play; the other half are removed while hls.js is still loading.
      // (`until`, not open-wc's waitUntil, which keeps a timer, and the player, alive.)
      if (i % 2 === 0) await waitForState(player, 'playing');
      else await until(() => liveHlsInstances() === 1, 'hls.js created');
      player.remove();
      await until(() => liveHlsInstances() === 0, `hls.js destroyed (cycle ${i})`);
    };
    // Warm up: modules, style sheets and hls.js's own one-time setup.
    for (let i = 0; i < 4; i += 1) await cycle(i);
    const before = await executeServerCommand<Metrics, undefined>('page-metrics');
    for (let i = 0; i < 50; i += 1) await cycle(i);
    await until(() => inFlight === 0, 'no request in flight', 5000);
    const after = await executeServerCommand<Metrics, undefined>('page-metrics');

    expect(liveHlsInstances()).to.equal(0);
    const listeners = after['JSEventListeners']! - before['JSEventListeners']!;
    const nodes = after['Nodes']! - before['Nodes']!;
    console.log(`after 50 mounts: JSEventListeners ${before['JSEventListeners']} -> ${after['JSEventListeners']}, Nodes ${before['Nodes']} -> ${after['Nodes']}`);
    // One leaked player would keep dozens of listeners and nodes alive; 50 would keep thousands.
    expect(listeners, 'listener growth').to.be.below(20);
    expect(nodes, 'node growth').to.be.below(200);
  });
});
