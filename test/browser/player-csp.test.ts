// A host page with a strict Content-Security-Policy: no inline script or style, no eval, no
// workers at all. The player must play without a single violation. media-src needs `blob:`
// (MSE) and `data:` (hls.js gives each subtitles <track> a `data:,WEBVTT` placeholder).
import { expect } from '@open-wc/testing';
import { VOD_SRC, control, liveSrc, mountPlayer, streamName, unmountPlayers, waitForProgress, waitForState } from '../support/player-fixture.js';

const POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; media-src 'self' blob: data:; connect-src 'self'; worker-src 'none'; object-src 'none'";

describe('<vitrine-player> under a strict CSP', () => {
  const violations: string[] = [];
  const onViolation = (event: SecurityPolicyViolationEvent): void => void violations.push(`${event.effectiveDirective}: ${event.blockedURI}`);

  before(() => {
    const meta = document.createElement('meta');
    meta.httpEquiv = 'Content-Security-Policy';
    meta.content = POLICY;
    document.head.append(meta);
    document.addEventListener('securitypolicyviolation', onViolation);
  });
  after(() => document.removeEventListener('securitypolicyviolation', onViolation));
  afterEach(unmountPlayers);

  it('is really enforced here (an inline style attribute is blocked)', async () => {
    const probe = document.createElement('div');
    probe.innerHTML = '<span style="color: rgb(1, 2, 3)"></span>';
    document.body.append(probe);
    expect(getComputedStyle(probe.firstElementChild!).color).to.not.equal('rgb(1, 2, 3)');
    probe.remove();
    await new Promise((resolve) => setTimeout(resolve));
    expect(violations.length).to.be.at.least(1);
    violations.length = 0;
  });

  it('plays live and VOD with hls.js, controls and menus, without a violation', async () => {
    const name = streamName('csp');
    await control(name);
    const live = await mountPlayer({ src: liveSrc(name), autoplay: true });
    const vod = await mountPlayer({ src: VOD_SRC, autoplay: true, captions: 'en', poster: '/hls/vod/poster.jpg' });
    await waitForState(live, 'playing');
    await waitForState(vod, 'playing');
    await waitForProgress(vod, 1);
    expect(vod.caption, 'subtitles (VTT) loaded and shown').to.equal(0);
    vod.shadowRoot!.querySelector<HTMLButtonElement>('[data-menu="quality"]')!.click();
    await vod.updateComplete;
    expect(vod.shadowRoot!.querySelector('[part="menu"]')).to.not.equal(null);
    expect(violations).to.deep.equal([]);
  });
});
