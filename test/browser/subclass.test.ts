// The README tells developers to subclass an element for a tag of their own. The elements declare
// `styles` and `version` as static getters (a smaller CDN build); a subclass that assigns them, as
// TypeScript compiles `static styles = …` here (`useDefineForClassFields: false`), must still work.
import { expect, fixture, html } from '@open-wc/testing';
import { css, type CSSResultGroup } from 'lit';
import { VitrineChat, VitrinePlayer, VitrineProductOverlay, VitrineProducts, VitrineShow, VitrineStudio } from '../../src/index.js';

describe('subclassing the elements', () => {
  it('lets a subclass assign its own styles and version without touching the base class', () => {
    for (const Base of [VitrinePlayer, VitrineProducts, VitrineProductOverlay, VitrineChat, VitrineStudio]) {
      const Sub = class extends Base {} as unknown as { styles?: CSSResultGroup; version: string };
      const extra = css`:host { outline: 3px solid rgb(1, 2, 3); }`;
      expect(() => Object.assign(Sub, { styles: [Base.styles, extra] as CSSResultGroup, version: 'custom' }), Base.name).not.to.throw();
      expect(Sub.styles).to.deep.equal([Base.styles, extra]);
      expect(Sub.version).to.equal('custom');
      expect(Base.version, 'the base keeps its own').not.to.equal('custom');
      expect(Base.styles).not.to.deep.equal(Sub.styles);
    }
    const Show = class extends VitrineShow {};
    Show.version = 'custom';
    expect(Show.version).to.equal('custom');
    expect(VitrineShow.version).not.to.equal('custom');
  });

  it('renders a subclass with the styles it assigned', async () => {
    class BrandPlayer extends VitrinePlayer {}
    BrandPlayer.styles = [VitrinePlayer.styles, css`:host { outline: 3px solid rgb(1, 2, 3); }`];
    customElements.define('brand-player', BrandPlayer);
    const el = await fixture<BrandPlayer>(html`<brand-player></brand-player>`);
    expect(getComputedStyle(el).outlineColor).to.equal('rgb(1, 2, 3)');
    expect(el.shadowRoot!.querySelector('video')).to.exist;
  });
});
