import { expect } from '@open-wc/testing';
import { sanitizeDescription } from '../../src/commerce/description.js';
import { loadProducts } from '../../src/commerce/sources/index.js';
import { captureWarnings, FEEDS, resetServers } from '../support/commerce-browser.js';

const purifyLoaded = () => performance.getEntriesByType('resource').some((entry) => /dompurify|purify/i.test(entry.name));

describe('product descriptions', () => {
  before(resetServers);

  it('plain text never loads the sanitizer', async () => {
    const fragment = await sanitizeDescription({ kind: 'text', text: 'Line one\nline two\n\n<b>Not bold</b>' });
    const box = document.createElement('div');
    box.append(fragment);
    expect(box.querySelectorAll('p')).to.have.length(2);
    expect(box.querySelector('b')).to.equal(null);
    expect(box.textContent).to.contain('<b>Not bold</b>');
    expect(purifyLoaded()).to.equal(false);
  });

  it('hostile merchant HTML is sanitised on demand: nothing runs, only http(s) links, no styles', async () => {
    const { result, warnings } = await captureWarnings(() => loadProducts(`${FEEDS}hostile.json`, { host: document.body }));
    const [evil] = result;
    expect(warnings).to.have.length(1);
    expect(purifyLoaded()).to.equal(false); // loading products does not load DOMPurify
    expect(evil!.title).to.equal('<img src=x onerror=alert(1)>');
    expect(evil!.url).to.equal(undefined);
    const description = evil!.description!;
    expect(description.kind).to.equal('html');
    expect(description.kind === 'html' && description.text).to.contain('Soft cotton.');

    const fragment = await sanitizeDescription(description);
    expect(purifyLoaded()).to.equal(true);
    const box = document.createElement('div');
    box.append(fragment);
    document.body.append(box);
    try {
      await new Promise((resolve) => requestAnimationFrame(resolve));
      expect((window as { __vitrineXss?: unknown }).__vitrineXss).to.equal(undefined);
      expect(box.querySelector('script')).to.equal(null);
      expect(box.querySelector('[onerror]')).to.equal(null);
      expect(box.querySelector('[style]')).to.equal(null);
      expect(box.querySelector('strong')?.textContent).to.equal('cotton');
      const links = [...box.querySelectorAll('a')];
      expect(links.map((link) => link.getAttribute('href'))).to.deep.equal([null, 'https://example.com/care']);
      expect(links[1]!.rel).to.equal('noopener noreferrer');
      expect(links[1]!.target).to.equal('_blank');
      // `src=x` is a relative URL: it stays, resolved to http(s), lazy, and without its handler.
      const img = box.querySelector('img')!;
      expect(img.src).to.match(/^https?:\/\//);
      expect(img.getAttributeNames().sort()).to.deep.equal(['decoding', 'loading', 'src']);
    } finally {
      box.remove();
    }
  });
});
