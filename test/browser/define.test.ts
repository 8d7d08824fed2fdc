import { expect } from '@open-wc/testing';
import { VitrinePlayer } from '../../src/components/player/player.js';
import { defineElement } from '../../src/define/define.js';

describe('defineElement', () => {
  it('warns instead of throwing when the page registered the class under a tag of its own', () => {
    customElements.define('shop-player', VitrinePlayer);
    const warnings: string[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(' '));
    try {
      expect(() => defineElement('vitrine-player', VitrinePlayer)).to.not.throw();
    } finally {
      console.warn = original;
    }
    expect(customElements.get('vitrine-player')).to.equal(undefined);
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain('<vitrine-player>').and.contain('class extends VitrinePlayer');
    // The documented way works: a subclass under its own tag.
    customElements.define('shop-player-2', class extends VitrinePlayer {});
    defineElement('vitrine-player', class extends VitrinePlayer {});
    expect(customElements.get('vitrine-player')).to.not.equal(undefined);
  });
});
