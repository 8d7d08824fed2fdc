// A shop theme with its own fonts, line heights, letter spacing and blunt global rules: inherited
// properties cross the shadow boundary, so the player resets them. It must look exactly the same.
import { expect } from '@open-wc/testing';
import type { VitrinePlayer } from '../../src/components/player/player.js';
import { VOD_SRC, mountPlayer, unmountPlayers, waitForState } from '../support/player-fixture.js';

const THEME = `
  .theme { font: italic 700 22px/3.2 Georgia, serif; letter-spacing: 4px; word-spacing: 12px; text-transform: uppercase;
    text-align: right; text-indent: 40px; color: hotpink; text-shadow: 2px 2px red; white-space: pre; cursor: wait; direction: ltr; }
  button { padding: 30px !important; border: 4px solid lime !important; font-size: 30px !important; min-width: 200px; }
  video { border: 10px solid red !important; object-fit: fill !important; }
  div { padding: 7px; margin: 3px; }
  svg { width: 100px; height: 100px; }
  input { height: 80px; width: 300px; }
`;

/** Every part's box relative to the player, and the text style of the time display. */
function layout(player: VitrinePlayer): string[] {
  const host = player.getBoundingClientRect();
  const boxes = [...player.shadowRoot!.querySelectorAll('[part], .time')].map((element) => {
    const box = element.getBoundingClientRect();
    const name = element.getAttribute('part') ?? element.className;
    return `${name} ${Math.round(box.x - host.x)},${Math.round(box.y - host.y)} ${Math.round(box.width)}x${Math.round(box.height)}`;
  });
  const time = getComputedStyle(player.shadowRoot!.querySelector('.time')!);
  return [...boxes, `time ${time.fontFamily} ${time.fontSize} ${time.fontStyle} ${time.fontWeight} ${time.lineHeight} ${time.letterSpacing} ${time.textTransform}`];
}

describe('<vitrine-player> in a hostile shop theme', () => {
  afterEach(unmountPlayers);

  it('looks the same as on a plain page', async () => {
    const style = document.createElement('style');
    style.textContent = THEME;
    document.head.append(style);
    const themed = document.createElement('div');
    themed.className = 'theme';
    document.body.append(themed);
    try {
      const plain = await mountPlayer({ src: VOD_SRC, autoplay: true });
      const inTheme = await mountPlayer({ src: VOD_SRC, autoplay: true }, themed);
      for (const player of [plain, inTheme]) {
        await waitForState(player, 'playing');
        player.pause();
        player.currentTime = 2;
        await waitForState(player, 'paused');
        await player.updateComplete;
      }
      expect(layout(inTheme)).to.deep.equal(layout(plain));
      expect(getComputedStyle(inTheme.shadowRoot!.querySelector('button')!).color).to.equal('rgb(255, 255, 255)');
    } finally {
      style.remove();
      themed.remove();
    }
  });
});
