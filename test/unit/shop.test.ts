// The demo shop's pages and data, over real HTTP: every page carries the strict CSP and has no
// inline script or style, product data is escaped, the catalog is consistent.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoServer, type DemoServer } from '../../demo/app.js';
import { products, priceRange } from '../../demo/shop/data.js';
import { attributes, html } from '../../demo/shop/html.js';

let demo: DemoServer;
let cdnDemo: DemoServer;

beforeAll(async () => {
  [demo, cdnDemo] = await Promise.all([createDemoServer({ port: 0 }), createDemoServer({ port: 0, cdn: 'https://cdn.example.com/vitrine/0.1.0/' })]);
});
afterAll(async () => {
  await Promise.all([demo?.close(), cdnDemo?.close()]);
});

const PAGES = [
  '/',
  '/?q=merino',
  '/?collection=sale',
  '/products/merino-crew',
  '/account',
  '/lab/',
  '/lab/embed',
  '/lab/embed?script=classic&place=below&loading=interaction',
  '/lab/strict-csp',
  '/lab/theme?theme=hostile',
  '/lab/bare-hls',
];

describe('demo shop pages', () => {
  it.each(PAGES)('%s: strict CSP, no inline script or style', async (path) => {
    const response = await fetch(`${demo.url}${path}`);
    expect(response.status).toBe(200);
    const policy = response.headers.get('content-security-policy')!;
    expect(policy).toContain("default-src 'none'");
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval/);
    const page = await response.text();
    expect(page).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
    expect(page).not.toMatch(/<style[\s>]/);
    expect(page).not.toMatch(/\sstyle="/);
    expect(page).not.toMatch(/\son[a-z]+="/);
  });

  it('lists every product with price, and embeds the live show by script tag and attributes', async () => {
    const page = await (await fetch(`${demo.url}/`)).text();
    expect(page.match(/<li class="card"/g)).toHaveLength(products.length);
    expect(page).toContain('<script type="module" src="/vitrine/vitrine.js"></script>');
    expect(page).toMatch(/<vitrine-show title="Spring drop, live from the studio" poster="\/hls\/vod\/poster.jpg" src="\/hls\/live\/main\/master.m3u8"><\/vitrine-show>/);
    expect(page).toContain('€89.00');
    expect(page).toContain('data-cart-count="0"');
  });

  it('escapes what shoppers type', async () => {
    const page = await (await fetch(`${demo.url}/?q=${encodeURIComponent('"><script>alert(1)</script>')}`)).text();
    expect(page).not.toContain('<script>alert(1)</script>');
    expect(page).toContain('&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('answers unknown products with a 404 page, and unknown lab parameters with defaults', async () => {
    const missing = await fetch(`${demo.url}/products/no-such-thing`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('We could not find that product.');
    const lab = await (await fetch(`${demo.url}/lab/embed?script=<x>&loading=soon&stream=../../etc`)).text();
    expect(lab).toContain('<script type="module" src="/vitrine/vitrine.js">');
    expect(lab).toContain('loading="lazy"');
    expect(lab).toContain('src="/hls/live/lab/master.m3u8"');
  });

  it('loads Vitrine from another origin when told to, and allows exactly that folder', async () => {
    const response = await fetch(`${cdnDemo.url}/lab/embed?script=classic`);
    expect(response.headers.get('content-security-policy')).toContain('script-src https://cdn.example.com/vitrine/0.1.0/;');
    expect(await response.text()).toContain('<script async src="https://cdn.example.com/vitrine/0.1.0/vitrine.classic.js"></script>');
    const strict = await fetch(`${demo.url}/lab/strict-csp`);
    expect(strict.headers.get('content-security-policy')).toContain(`script-src ${demo.url}/vitrine/;`);
  });

  it('serves its assets with their types', async () => {
    const css = await fetch(`${demo.url}/assets/shop.css`);
    expect(css.headers.get('content-type')).toContain('text/css');
    const svg = await fetch(`${demo.url}/assets/products/merino-crew.svg`);
    expect(svg.headers.get('content-type')).toBe('image/svg+xml');
    expect((await fetch(`${demo.url}/lab/hls.min.js`)).headers.get('content-type')).toContain('javascript');
  });
});

describe('demo catalog', () => {
  it('has unique ids, handles and variant ids, integer prices and an image per product', () => {
    const ids = products.flatMap((p) => [p.id, ...p.variants.map((v) => v.id)]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(products.map((p) => p.handle)).size).toBe(products.length);
    for (const p of products) {
      expect(existsSync(fileURLToPath(new URL(`../../demo/shop${p.image.src}`, import.meta.url))), p.image.src).toBe(true);
      expect(p.variants.length).toBe(p.options.reduce((n, o) => n * o.values.length, 1));
      for (const v of p.variants) {
        expect(Number.isInteger(v.price) && v.price > 0).toBe(true);
        expect(v.options).toHaveLength(p.options.length);
      }
    }
  });

  it('knows sold-out variants and the lowest available price', () => {
    const merino = products.find((p) => p.handle === 'merino-crew')!;
    expect(merino.variants.find((v) => v.title === 'M / Navy')!.stock).toBe(0);
    expect(priceRange(merino)).toMatchObject({ price: 7900, available: true });
  });
});

describe('html template tag', () => {
  it('escapes values and keeps nested templates', () => {
    expect(String(html`<p title="${'"x"'}">${'<b>'}${html`<i>ok</i>`}</p>`)).toBe('<p title="&quot;x&quot;">&lt;b&gt;<i>ok</i></p>');
    expect(String(attributes({ title: 'a"b', autoplay: true, muted: false, src: undefined }))).toBe(' title="a&quot;b" autoplay');
  });
});
