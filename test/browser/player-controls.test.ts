// <vitrine-player> controls on the VOD: poster and play button, real clicks and key presses,
// menus, auto-hide, accessible names, translations, replay.
import { expect, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys, sendMouse } from '@web/test-runner-commands';
import type { VitrinePlayer } from '../../src/components/player/player.js';
import type { VitrinePauseDetail, VitrinePlayDetail } from '../../src/player/events.js';
import { VOD_SRC, mountPlayer, realClick, record, unmountPlayers, waitForProgress, waitForState } from '../support/player-fixture.js';

const root = (player: VitrinePlayer): ShadowRoot => player.shadowRoot!;
const part = (player: VitrinePlayer, name: string): HTMLElement | null => root(player).querySelector(`[part~="${name}"]`);
const control = (player: VitrinePlayer, label: string): HTMLButtonElement | null =>
  root(player).querySelector(`button[aria-label="${label}"]`);
/** A VOD URL no other test has requested, so resource timing shows only this test's requests. */
const freshVod = (): string => `${VOD_SRC}?t=${Math.random().toString(36).slice(2)}`;
const requested = (src: string): number => performance.getEntriesByType('resource').filter((entry) => entry.name.endsWith(src)).length;

async function playing(attributes: Record<string, string | boolean> = {}): Promise<VitrinePlayer> {
  const player = await mountPlayer({ src: freshVod(), autoplay: true, ...attributes });
  await waitForState(player, 'playing');
  await waitForProgress(player, 0.3);
  return player;
}

describe('<vitrine-player> controls', () => {
  afterEach(async () => {
    unmountPlayers();
    await resetFocus();
  });

  async function resetFocus(): Promise<void> {
    (document.activeElement as HTMLElement | null)?.blur();
    await sendMouse({ type: 'move', position: [0, 0] });
  }

  it('shows the poster and a real play button without autoplay, loads nothing before play, then plays with sound', async () => {
    const src = freshVod();
    const plays = record<VitrinePlayDetail>(document, 'vitrine-play');
    const player = await mountPlayer({ src, poster: '/hls/vod/poster.jpg', label: 'Spring drop replay' });
    expect(player.state).to.equal('idle');
    expect(player.video.poster).to.match(/\/hls\/vod\/poster\.jpg$/);
    const play = part(player, 'play-button') as HTMLButtonElement;
    expect(play.localName).to.equal('button');
    expect(play.getAttribute('aria-label')).to.equal('Play: Spring drop replay');
    expect(part(player, 'controls'), 'no control bar before play').to.equal(null);
    expect(requested(src), 'manifest not requested before play').to.equal(0);

    await realClick(play);
    await waitForState(player, 'playing');
    await waitForProgress(player, 0.5);
    expect(requested(src)).to.equal(1);
    expect(player.muted, 'a tap plays with sound').to.equal(false);
    expect(part(player, 'unmute-button')).to.equal(null);
    expect(plays).to.have.length(1);
    expect(player.live).to.equal(false);
    expect(player.duration).to.be.closeTo(20, 0.2);
  });

  it('starts muted with the muted attribute, also on a tap', async () => {
    const player = await mountPlayer({ src: freshVod(), muted: true });
    expect(player.muted).to.equal(true);
    await realClick(part(player, 'play-button')!);
    await waitForState(player, 'playing');
    expect(player.muted).to.equal(true);
    expect(part(player, 'unmute-button'), 'no autoplay, no unmute prompt').to.equal(null);
    player.removeAttribute('muted');
    expect(player.muted).to.equal(false);
  });

  it('is operated by keyboard shortcuts while it has focus', async () => {
    const player = await playing();
    const pauses = record<VitrinePauseDetail>(player, 'vitrine-pause');
    part(player, 'base')!.focus();

    await sendKeys({ press: 'k' });
    await waitForState(player, 'paused');
    expect(pauses).to.have.length(1);
    await sendKeys({ press: ' ' });
    await waitForState(player, 'playing');

    // Autoplay started muted.
    await sendKeys({ press: 'm' });
    await waitUntil(() => !player.muted, 'm unmutes');
    await sendKeys({ press: 'M' });
    await waitUntil(() => player.muted, 'M mutes');
    player.video.volume = 0.5;
    await sendKeys({ press: 'ArrowUp' });
    expect(player.video.volume).to.be.closeTo(0.6, 0.001);
    expect(player.muted, 'turning the volume up unmutes').to.equal(false);
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    expect(player.video.volume).to.be.closeTo(0.4, 0.001);

    player.pause();
    player.currentTime = 8;
    await waitUntil(() => !player.video.seeking, 'seeked');
    await sendKeys({ press: 'ArrowRight' });
    expect(player.currentTime).to.be.closeTo(13, 0.1);
    await sendKeys({ press: 'ArrowLeft' });
    await sendKeys({ press: 'ArrowLeft' });
    expect(player.currentTime).to.be.closeTo(3, 0.1);

    await sendKeys({ press: 'c' });
    await waitUntil(() => player.caption === 0, 'c shows subtitles');
    await waitUntil(() => player.video.textTracks[0]?.mode === 'showing', 'English track showing');
    await sendKeys({ press: 'c' });
    await waitUntil(() => player.caption === -1, 'c hides subtitles');

    await sendKeys({ press: 'f' });
    await waitUntil(() => root(player).fullscreenElement === part(player, 'base'), 'f enters full screen');
    await player.updateComplete;
    expect(control(player, 'Exit full screen')).to.not.equal(null);
    await sendKeys({ press: 'f' });
    await waitUntil(() => root(player).fullscreenElement === null, 'f leaves full screen');
  });

  it('enters and leaves picture-in-picture from its button', async () => {
    const player = await playing({ muted: true });
    await realClick(control(player, 'Picture in picture')!);
    await waitUntil(() => document.pictureInPictureElement === player, 'in picture-in-picture');
    await player.updateComplete;
    await realClick(control(player, 'Exit picture in picture')!);
    await waitUntil(() => document.pictureInPictureElement === null, 'back in the page');
    await player.updateComplete;
    expect(control(player, 'Picture in picture')).to.not.equal(null);
  });

  it('has keyboard-operable subtitle and quality menus', async () => {
    const player = await playing({ muted: true });
    const subtitles = control(player, 'Subtitles')!;
    subtitles.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => part(player, 'menu') !== null, 'menu opens');
    expect(subtitles.getAttribute('aria-expanded')).to.equal('true');
    const items = (): HTMLElement[] => [...root(player).querySelectorAll<HTMLElement>('[role="menuitemradio"]')];
    expect(items().map((item) => item.textContent!.trim())).to.deep.equal(['Off', 'English', 'Nederlands']);
    await waitUntil(() => root(player).activeElement === items()[0], 'focus on the checked item');
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    expect(root(player).activeElement).to.equal(items()[2]);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => player.caption === 1 && part(player, 'menu') === null, 'Nederlands chosen, menu closed');
    await waitUntil(() => root(player).activeElement === control(player, 'Subtitles'), 'focus back on the button');
    expect(control(player, 'Subtitles')!.classList.contains('on'), 'shown as on').to.equal(true);

    const quality = control(player, 'Quality')!;
    quality.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => items().length === 3, 'quality menu');
    expect(items()[0]!.textContent!.trim()).to.match(/^Auto/);
    expect(items().slice(1).map((item) => item.textContent!.trim())).to.deep.equal(['720p', '360p']);
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => player.level === 1, '720p chosen');
    await waitUntil(() => player.store.playingLevel.get() === 1, 'playing 720p', { timeout: 20_000 });
    await waitUntil(() => player.video.videoHeight === 720, '720p frames on screen', { timeout: 20_000 });

    quality.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => part(player, 'menu') !== null, 'menu opens again');
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => part(player, 'menu') === null && root(player).activeElement === control(player, 'Quality'), 'Escape closes, focus returns');
  });

  it('names every control and gives it a touch-sized target', async () => {
    const player = await playing();
    await player.updateComplete;
    const controls = [...root(player).querySelectorAll<HTMLElement>('button, input')];
    expect(controls.length).to.be.at.least(7);
    for (const element of controls) {
      const name = element.getAttribute('aria-label') ?? element.textContent!.trim();
      expect(name, `${element.outerHTML.slice(0, 80)} has a name`).to.not.equal('');
      const box = element.getBoundingClientRect();
      expect(box.height, `${name} height`).to.be.at.least(40);
      if (element.localName === 'button') expect(box.width, `${name} width`).to.be.at.least(40);
    }
    expect(root(player).querySelectorAll('[style]'), 'no inline style attributes (strict CSP)').to.have.length(0);
  });

  it('hides the controls while playing and brings them back on activity', async () => {
    const player = await playing({ muted: true });
    const base = part(player, 'base')!;
    await waitUntil(() => base.classList.contains('inactive'), 'controls hide while playing', { timeout: 10_000 });
    expect(getComputedStyle(part(player, 'controls')!).pointerEvents).to.equal('none');

    const box = base.getBoundingClientRect();
    await sendMouse({ type: 'move', position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)] });
    await waitUntil(() => !base.classList.contains('inactive'), 'pointer activity shows them');
    await waitUntil(() => base.classList.contains('inactive'), 'and they hide again', { timeout: 10_000 });
    base.focus();
    await sendKeys({ press: 'Shift' });
    await waitUntil(() => !base.classList.contains('inactive'), 'keyboard activity shows them');

    // Pausing and playing with the mouse leaves focus on the button, but no reason to stay.
    await realClick(control(player, 'Pause')!);
    await waitForState(player, 'paused');
    await player.updateComplete;
    await realClick(control(player, 'Play')!);
    await waitForState(player, 'playing');
    await waitUntil(() => base.classList.contains('inactive'), 'hidden again after mouse use', { timeout: 10_000 });

    player.pause();
    await waitForState(player, 'paused');
    await player.updateComplete;
    expect(base.classList.contains('inactive'), 'always shown while paused').to.equal(false);
  });

  it('closes an open menu on a press outside it, without toggling playback', async () => {
    const player = await playing({ muted: true });
    control(player, 'Quality')!.click();
    await player.updateComplete;
    expect(part(player, 'menu')).to.not.equal(null);
    await realClick(root(player).querySelector('.surface')!);
    await player.updateComplete;
    expect(part(player, 'menu')).to.equal(null);
    expect(player.state).to.equal('playing');
  });

  it('stops its animations for viewers who prefer reduced motion', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    try {
      const name = `motion-${Math.random().toString(36).slice(2, 8)}`;
      await fetch(`/hls/control/${name}`, { method: 'POST', body: JSON.stringify({ offline: true }) });
      const waiting = await mountPlayer({ src: `/hls/live/${name}/master.m3u8`, autoplay: true });
      await waitForState(waiting, 'starting-soon');
      await waiting.updateComplete;
      expect(getComputedStyle(root(waiting).querySelector('.pulse')!).animationName).to.equal('none');
      const player = await playing({ muted: true });
      await player.updateComplete;
      expect(getComputedStyle(part(player, 'controls')!).transitionDuration).to.equal('0s');
    } finally {
      await emulateMedia({ reducedMotion: 'no-preference' });
    }
  });

  it('ends a VOD with a replay button that starts over', async () => {
    const player = await playing({ muted: true });
    player.currentTime = player.duration - 0.5;
    await waitForState(player, 'ended');
    await player.updateComplete;
    const replay = part(player, 'play-button')!;
    expect(replay.getAttribute('aria-label')).to.equal('Watch again');
    await realClick(replay);
    await waitForState(player, 'playing');
    expect(player.currentTime).to.be.below(5);
  });

  it('speaks Dutch and French', async () => {
    const dutch = await playing({ locale: 'nl-BE', muted: true });
    const french = await playing({ locale: 'fr', muted: true });
    dutch.pause();
    french.pause();
    await waitForState(dutch, 'paused');
    await waitForState(french, 'paused');
    await dutch.updateComplete;
    await french.updateComplete;
    const names = (player: VitrinePlayer): string[] => [...root(player).querySelectorAll('.bar button')].map((b) => b.getAttribute('aria-label')!);
    expect(names(dutch)).to.deep.equal(['Afspelen', 'Geluid aan', 'Ondertiteling', 'Kwaliteit', 'Beeld-in-beeld', 'Volledig scherm']);
    expect(names(french)).to.deep.equal(['Lire', 'Activer le son', 'Sous-titres', 'Qualité', 'Image dans l’image', 'Plein écran']);
    expect(part(dutch, 'seek-bar')!.getAttribute('aria-label')).to.equal('Zoeken in de video');
  });
});
