import { expect } from '@open-wc/testing';
import { sanitizeDescription } from '../../src/commerce/description.js';
import type { ProductDescription } from '../../src/commerce/product.js';
import { loadProducts } from '../../src/commerce/sources/index.js';
import { captureWarnings, FEEDS, resetServers, until } from '../support/commerce-browser.js';

type XssWindow = { __vitrineXss?: unknown };

/** Everything in a description that could run code, load something or dress up the page. */
const ATTACKS = [
  '<img src=x onerror="window.__vitrineXss = \'img\'">',
  '<script>window.__vitrineXss = "script"</script>',
  '<svg><script>window.__vitrineXss = "svg-script"</script></svg>',
  '<svg onload="window.__vitrineXss = \'svg\'"></svg>',
  '<math><mi xlink:href="javascript:window.__vitrineXss=\'math\'">m</mi></math>',
  '<iframe srcdoc="<script>parent.__vitrineXss = \'iframe\'</script>"></iframe>',
  '<object data="javascript:window.__vitrineXss=\'object\'"></object>',
  '<embed src="javascript:window.__vitrineXss=\'embed\'">',
  '<a href="javascript:window.__vitrineXss=\'link\'">javascript link</a>',
  '<a href=" JaVaScRiPt:window.__vitrineXss=\'link2\'">mixed-case link</a>',
  '<a href="data:text/html,<script>alert(1)</script>">data link</a>',
  '<div onclick="window.__vitrineXss = \'click\'" onmouseover="window.__vitrineXss = \'hover\'">handlers</div>',
  '<p style="position:fixed;inset:0">styled</p>',
  '<style>body{display:none}</style>',
  '<link rel="stylesheet" href="https://example.com/x.css">',
  '<meta http-equiv="refresh" content="0;url=https://example.com">',
  '<form action="https://example.com"><input name="card"><button>Pay</button></form>',
  '<template><img src=x onerror="window.__vitrineXss = \'template\'"></template>',
  '<base href="https://example.com/">',
  '<!-- a comment -->',
].join('');

/** Inserts a fragment into the page, lets it load and paint, and hands back the box. */
async function mount(fragment: DocumentFragment): Promise<HTMLDivElement> {
  const box = document.createElement('div');
  box.append(fragment);
  document.body.append(box);
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
  return box;
}

function expectInert(box: HTMLElement): void {
  expect((window as XssWindow).__vitrineXss).to.equal(undefined);
  for (const tag of ['script', 'svg', 'math', 'iframe', 'object', 'embed', 'style', 'link', 'meta', 'form', 'input', 'button', 'template', 'base']) {
    expect(box.querySelector(tag), tag).to.equal(null);
  }
  for (const element of box.querySelectorAll('*')) {
    for (const name of element.getAttributeNames()) {
      expect(name, `<${element.localName} ${name}>`).to.not.match(/^on|^style$|^srcdoc$|^xlink:/);
    }
  }
  for (const link of box.querySelectorAll('[href], [src]')) {
    const url = link.getAttribute('href') ?? link.getAttribute('src') ?? '';
    expect(url, `<${link.localName}> URL`).to.match(/^https?:\/\//);
  }
  expect(document.baseURI).to.equal(location.href);
}

/** Runs `work` as if the browser had no HTML Sanitizer API (Safari, older Firefox). */
async function withoutSanitizerApi<T>(work: () => T | Promise<T>): Promise<T> {
  const descriptor = Object.getOwnPropertyDescriptor(Element.prototype, 'setHTML');
  expect(descriptor, 'this Chromium has Element.prototype.setHTML').to.not.equal(undefined);
  delete (Element.prototype as { setHTML?: unknown }).setHTML;
  try {
    return await work();
  } finally {
    Object.defineProperty(Element.prototype, 'setHTML', descriptor!);
  }
}

describe('product descriptions', () => {
  before(resetServers);
  afterEach(() => delete (window as XssWindow).__vitrineXss);

  it('plain text stays text', async () => {
    const box = await mount(sanitizeDescription({ kind: 'text', text: 'Line one\nline two\n\n<b>Not bold</b>' }));
    try {
      expect(box.querySelectorAll('p')).to.have.length(2);
      expect(box.querySelectorAll('p br')).to.have.length(1);
      expect(box.querySelector('b')).to.equal(null);
      expect(box.textContent).to.contain('<b>Not bold</b>');
    } finally {
      box.remove();
    }
  });

  it('hostile merchant HTML from a feed goes through the browser sanitizer: nothing runs, only http(s) links, no styles', async () => {
    const { result, warnings } = await captureWarnings(() => loadProducts(`${FEEDS}hostile.json`, { host: document.body }));
    const [evil] = result;
    expect(warnings).to.have.length(1);
    expect(evil!.title).to.equal('<img src=x onerror=alert(1)>');
    expect(evil!.url).to.equal(undefined);
    const description = evil!.description!;
    expect(description.kind).to.equal('html');
    expect(description.kind === 'html' && description.text).to.contain('Soft cotton.');

    const box = await mount(sanitizeDescription(description));
    try {
      expectInert(box);
      expect(box.querySelector('strong')?.textContent).to.equal('cotton');
      expect(box.querySelector('span')?.textContent).to.equal('styled');
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

  it('every kind of script, handler, javascript: URL, style and form is dropped; formatting and text stay', async () => {
    const html = `<h1>Big <font color="red">title</font></h1><p>Keep <em>this</em> and <a href="/care" title="Care">that</a>.</p>${ATTACKS}<section>Wrapped text</section>`;
    const box = await mount(sanitizeDescription({ kind: 'html', html, text: 'Big title' }));
    try {
      expectInert(box);
      expect(box.querySelector('h1, font, section')).to.equal(null);
      expect(box.textContent).to.contain('Big title');
      expect(box.textContent).to.contain('Wrapped text');
      expect(box.querySelector('em')?.textContent).to.equal('this');
      const care = box.querySelector<HTMLAnchorElement>('a[title="Care"]')!;
      expect(care.href).to.equal(new URL('/care', location.href).href);
      expect(care.rel).to.equal('noopener noreferrer');
      expect([...box.querySelectorAll('a')].filter((a) => a.hasAttribute('href'))).to.have.length(1);
      expect(box.innerHTML).to.not.contain('<!--');
    } finally {
      box.remove();
    }
  });

  it('images wait for the page: nothing is fetched while the nodes are detached, then they load lazily', async () => {
    const probe = (name: string) => `${FEEDS}${name}.gif?probe=${Math.random()}`;
    const fetched = (url: string) => performance.getEntriesByName(new URL(url, location.href).href).length > 0;
    const url = probe('description');
    const fragment = sanitizeDescription({ kind: 'html', html: `<p><img src="${url}" alt="" onload="window.__vitrineXss = 'load'"></p>`, text: '' });
    const img = fragment.querySelector('img')!;
    expect(img.loading).to.equal('lazy');
    expect(img.hasAttribute('onload')).to.equal(false);
    // A control image requested after the description was built has been fetched; the description's has not.
    const control = new Image();
    const controlUrl = probe('control');
    control.src = controlUrl;
    await until(() => fetched(controlUrl));
    expect(fetched(url)).to.equal(false);
    const box = await mount(fragment);
    try {
      await until(() => fetched(url));
      expectInert(box);
    } finally {
      box.remove();
    }
  });

  it('without the Sanitizer API the plain text is shown, and hostile HTML stays inert text', async () => {
    const description: ProductDescription = {
      kind: 'html',
      html: `<p>Soft <strong>cotton</strong>.</p>${ATTACKS}`,
      text: 'Soft cotton.\n\n<img src=x onerror="window.__vitrineXss = 1">',
    };
    const box = await withoutSanitizerApi(() => mount(sanitizeDescription(description)));
    try {
      expectInert(box);
      expect(box.querySelector('strong, img, a')).to.equal(null);
      expect([...box.querySelectorAll('p')].map((p) => p.textContent)).to.deep.equal(['Soft cotton.', '<img src=x onerror="window.__vitrineXss = 1">']);
    } finally {
      box.remove();
    }
    // The API is back for everyone else.
    expect(typeof (Element.prototype as { setHTML?: unknown }).setHTML).to.equal('function');
  });
});
