import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define/show.js';
import type { VitrineShow } from '../../src/components/show/show.js';

describe('<vitrine-show> facade', () => {
  it('renders poster, title and a labelled play button without loading the widget', async () => {
    const show = await fixture<VitrineShow>(html`<vitrine-show loading="interaction" title="Spring drop" poster="/poster.jpg" src="/live.m3u8"></vitrine-show>`);
    const root = show.shadowRoot!;
    const button = root.querySelector('button[part="play-button"]')!;
    expect(button.getAttribute('aria-label')).to.equal('Play: Spring drop');
    expect(root.querySelector('[part="title"]')!.textContent).to.equal('Spring drop');
    expect(root.querySelector<HTMLImageElement>('img[part="poster"]')!.src).to.match(/\/poster\.jpg$/);
    expect(show.view).to.equal(undefined);
  });

  it('shows hostile titles as text', async () => {
    const show = await fixture<VitrineShow>(html`<vitrine-show loading="interaction" title="<img src=x onerror=alert(1)>"></vitrine-show>`);
    const title = show.shadowRoot!.querySelector('[part="title"]')!;
    expect(title.textContent).to.equal('<img src=x onerror=alert(1)>');
    expect(title.querySelector('img')).to.equal(null);
  });

  it('refuses a javascript: poster with a warning that names the attribute', async () => {
    const warnings: string[] = [];
    const original = console.warn;
    console.warn = (message: string) => warnings.push(message);
    try {
      const show = await fixture<VitrineShow>(html`<vitrine-show loading="interaction" poster="javascript:alert(1)"></vitrine-show>`);
      expect(show.shadowRoot!.querySelector('img')).to.equal(null);
    } finally {
      console.warn = original;
    }
    expect(warnings.some((w) => w.includes('attribute "poster"'))).to.equal(true);
  });
});
