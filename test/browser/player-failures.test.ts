// Every failure the player must survive, provoked on the simulated live stream: a show that has
// not started, segments failing mid-stream, undecodable media, and bad attributes.
import { expect, waitUntil } from '@open-wc/testing';
import Hls from 'hls.js';
import type { VitrinePlayer } from '../../src/components/player/player.js';
import type { VitrineErrorDetail } from '../../src/player/events.js';
import { liveHlsInstances } from '../../src/player/hlsjs-engine.js';
import {
  VOD_SRC,
  captureWarnings,
  control,
  liveSrc,
  mountPlayer,
  realClick,
  record,
  streamName,
  unmountPlayers,
  waitForProgress,
  waitForState,
  watchPageErrors,
} from '../support/player-fixture.js';

const part = (player: VitrinePlayer, name: string): HTMLElement | null => player.shadowRoot!.querySelector(`[part~="${name}"]`);
const requests = (path: string): PerformanceResourceTiming[] =>
  (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((entry) => new URL(entry.name).pathname === path);

describe('<vitrine-player> failures', () => {
  let pageErrors: () => string[];
  beforeEach(() => {
    pageErrors = watchPageErrors();
  });
  afterEach(() => {
    unmountPlayers();
    expect(pageErrors(), 'nothing reached the page as an uncaught error').to.deep.equal([]);
  });

  it('waits in "starting soon" while the manifest is 404, polling with backoff, and starts by itself', async function () {
    this.timeout(60_000);
    const name = streamName('soon');
    await control(name, { offline: true });
    const errors = record<VitrineErrorDetail>(document, 'vitrine-error');
    const player = await mountPlayer({ src: liveSrc(name), autoplay: true });

    await waitForState(player, 'starting-soon');
    await player.updateComplete;
    expect(part(player, 'status')!.textContent).to.contain('Starting soon');
    expect(errors.map((e) => [e.detail.code, e.detail.fatal])).to.deep.equal([['manifest-unavailable', false]]);
    const master = new URL(liveSrc(name), location.href).pathname;
    await waitUntil(() => requests(master).length >= 3, 'polls the manifest', { timeout: 20_000 });
    const starts = requests(master).map((entry) => entry.startTime);
    for (let i = 1; i < starts.length; i += 1) expect(starts[i]! - starts[i - 1]!, 'poll interval').to.be.at.least(1500);

    await control(name, { offline: false });
    await waitForState(player, 'playing', 30_000);
    await waitForProgress(player, 1);
    expect(player.live).to.equal(true);
    expect(liveHlsInstances(), 'one hls.js instance left').to.equal(1);
    expect(errors).to.have.length(1);
  });

  for (const fault of ['fail', 'missing'] as const) {
    it(`shows "reconnecting" when segments ${fault === 'fail' ? 'fail (503)' : 'go missing (404)'} and resumes without a reload`, async function () {
    this.timeout(60_000);
      const name = streamName('reconnect');
      await control(name);
      const player = await mountPlayer({ src: liveSrc(name), autoplay: true });
      await waitForState(player, 'playing');
      await waitForProgress(player, 1);
      const errors = record<VitrineErrorDetail>(player, 'vitrine-error');
      const master = new URL(liveSrc(name), location.href).pathname;
      const mediaSource = player.video.src;

      await control(name, { segments: fault });
      await waitForState(player, 'reconnecting', 30_000);
      await player.updateComplete;
      expect(part(player, 'status')!.textContent).to.contain('Reconnecting');
      expect(errors.map((e) => [e.detail.code, e.detail.fatal])).to.deep.equal([['network', false]]);

      await control(name, { segments: 'ok' });
      await waitForState(player, 'playing', 30_000);
      await waitForProgress(player, 1);
      expect(player.video.src, 'the same MediaSource: no reload').to.equal(mediaSource);
      expect(requests(master), 'the manifest was not loaded again').to.have.length(1);
      expect(liveHlsInstances()).to.equal(1);
      const info = await control(name);
      expect(player.streamTime!.getTime(), 'back within the live window').to.be.above(info.epoch + info.window!.first * info.segmentDuration * 1000);
    });
  }

  it('recovers a fatal media error at most once per 5 s, then shows an error with a retry button that works', async function () {
    // hls.js retries a bad segment for a few seconds before its error turns fatal, each time.
    this.timeout(90_000);
    const name = streamName('corrupt');
    await control(name);
    const recoveries: number[] = [];
    const recoverMediaError = Hls.prototype.recoverMediaError;
    Hls.prototype.recoverMediaError = function (this: Hls) {
      recoveries.push(performance.now());
      recoverMediaError.call(this);
    };
    try {
      const player = await mountPlayer({ src: liveSrc(name), autoplay: true, locale: 'nl' });
      await waitForState(player, 'playing');
      const errors = record<VitrineErrorDetail>(player, 'vitrine-error');

      await control(name, { segments: 'corrupt' });
      await waitForState(player, 'error', 60_000);
      expect(recoveries.length, 'recoverMediaError was tried').to.be.at.least(1);
      for (let i = 1; i < recoveries.length; i += 1) expect(recoveries[i]! - recoveries[i - 1]!).to.be.at.least(5000);
      const last = errors.at(-1)!.detail;
      expect([last.code, last.fatal]).to.deep.equal(['media', true]);
      expect(errors.filter((e) => !e.detail.fatal).every((e) => e.detail.code === 'media')).to.equal(true);
      await player.updateComplete;
      expect(part(player, 'status')!.textContent).to.contain('Deze video kon niet worden afgespeeld.');
      expect(liveHlsInstances(), 'gave up: hls.js destroyed').to.equal(0);

      await control(name, { segments: 'ok' });
      const retry = part(player, 'retry-button')!;
      expect(retry.textContent!.trim()).to.equal('Opnieuw proberen');
      await realClick(retry);
      await waitForState(player, 'playing', 30_000);
      await waitForProgress(player, 1);
      expect(player.store.error.get()).to.equal(null);
    } finally {
      Hls.prototype.recoverMediaError = recoverMediaError;
    }
  });

  for (const status of [401, 403]) {
    it(`gives up on a manifest that answers ${status} (a wrong src), with one warning naming src`, async function () {
      this.timeout(30_000);
      const name = streamName(`refused-${status}`);
      await control(name, { manifestStatus: status });
      const warnings = captureWarnings();
      try {
        const errors = record<VitrineErrorDetail>(document, 'vitrine-error');
        const player = await mountPlayer({ src: liveSrc(name), autoplay: true });
        await waitForState(player, 'error', 20_000);
        await player.updateComplete;
        expect(errors.map((e) => [e.detail.code, e.detail.fatal])).to.deep.equal([['manifest-unavailable', true]]);
        expect(part(player, 'status')!.textContent).to.not.contain('Starting soon');
        expect(part(player, 'retry-button'), 'a retry button').to.not.equal(null);
        const named = warnings.messages.filter((m) => m.includes(`attribute "src" ("${new URL(liveSrc(name), location.href).href}") could not be played`));
        expect(named, warnings.messages.join('\n')).to.have.length(1);
      } finally {
        warnings.restore();
        await control(name, { manifestStatus: 0 });
      }
    });
  }

  it('stops waiting for a show when its manifest turns from 404 to 410 (gone), with one warning naming src', async function () {
    this.timeout(40_000);
    const name = streamName('gone');
    await control(name, { offline: true });
    const warnings = captureWarnings();
    try {
      const player = await mountPlayer({ src: liveSrc(name), autoplay: true });
      await waitForState(player, 'starting-soon');
      // A 404 that has not lasted a minute is "not started yet": no warning.
      expect(warnings.messages.filter((m) => m.includes('attribute "src"'))).to.deep.equal([]);
      await control(name, { manifestStatus: 410 });
      await waitForState(player, 'error', 30_000);
      const named = warnings.messages.filter((m) => m.includes(`attribute "src" ("${new URL(liveSrc(name), location.href).href}") could not be played: the manifest answered 410`));
      expect(named, warnings.messages.join('\n')).to.have.length(1);
    } finally {
      warnings.restore();
      await control(name, { manifestStatus: 0 });
    }
  });

  it('warns about an invalid src, engine or live-offset, naming the attribute and what is accepted', async () => {
    const warnings = captureWarnings();
    try {
      const errors = record<VitrineErrorDetail>(document, 'vitrine-error');
      const player = await mountPlayer({ src: 'javascript:alert(1)', autoplay: true });
      await waitForState(player, 'error');
      expect(warnings.messages.filter((m) => m.includes('attribute "src" must be an http(s) URL'))).to.have.length(1);
      expect(errors.map((e) => [e.detail.code, e.detail.fatal])).to.deep.equal([['invalid-src', true]]);
      await player.updateComplete;
      expect(part(player, 'status')!.textContent).to.contain('This video is not available.');
      expect(part(player, 'retry-button'), 'nothing to retry').to.equal(null);
      await player.play();

      player.setAttribute('engine', 'flash');
      player.setAttribute('live-offset', 'soon');
      player.src = `${VOD_SRC}?t=${Math.random()}`;
      await waitForState(player, 'playing');
      expect(warnings.messages.some((m) => m.includes('attribute "engine" must be one of auto, hlsjs, native; got "flash"'))).to.equal(true);
      expect(warnings.messages.some((m) => m.includes('attribute "live-offset" must be a number of seconds'))).to.equal(true);
      expect(player.activeEngine).to.equal('hlsjs');
    } finally {
      warnings.restore();
    }
  });
});
