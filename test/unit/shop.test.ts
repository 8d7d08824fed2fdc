// The demo shop's pages and data, over real HTTP: every page carries the strict CSP and has no
// inline script or style, product data is escaped, the catalog is consistent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoServer, type DemoServer } from '../../demo/app.js';
import { collections, priceRange } from '../../demo/shop/data.js';
import { attributes, html } from '../../demo/shop/html.js';
import { demoCatalog, DEMO_HANDLES } from '../../demo/shopify/index.js';

const products = demoCatalog();

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
  '/products/ceramic-pour-over',
  '/account',
  '/lab/',
  '/lab/embed',
  '/lab/embed?script=classic&place=below&loading=interaction',
  '/lab/strict-csp',
  '/lab/theme?theme=hostile',
  '/lab/bare-hls',
  '/host.html',
];

describe('demo shop pages', () => {
  it('answers a bad Host header with 400 and keeps serving', async () => {
    const { connect } = await import('node:net');
    const port = Number(new URL(demo.url).port);
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => socket.write('GET / HTTP/1.1\r\nHost: bad host[\r\nConnection: close\r\n\r\n'));
      let text = '';
      socket.on('data', (chunk) => (text += chunk.toString()));
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    expect(answer.split('\r\n')[0]).toBe('HTTP/1.1 400 Bad Request');
    expect((await fetch(`${demo.url}/`)).status).toBe(200);
  });

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

  it('lists every product of the shared catalog, and embeds the live show by script tag and attributes', async () => {
    const page = await (await fetch(`${demo.url}/`)).text();
    expect(page.match(/<li class="card"/g)).toHaveLength(products.length);
    expect(page).toContain('<script type="module" src="/vitrine/vitrine.js"></script>');
    expect(page).toContain(
      `<vitrine-show title="Spring drop, live from the studio" src="/hls/live/main/master.m3u8" products="shopify:${DEMO_HANDLES.join(',')}" cart="shopify" currency="EUR" creator="demo-creator" live-server="/" show="spring-drop"><picture slot="poster"><source type="image/avif" srcset="/hls/vod/poster-720.avif 720w, /hls/vod/poster-960.avif 960w, /hls/vod/poster-1280.avif 1280w"`,
    );
    // The poster is page markup the browser paints before any script: AVIF where the browser reads
    // it, else WebP; high priority; no `poster` attribute to fetch twice.
    expect(page).toMatch(/<img src="\/hls\/vod\/poster-720\.webp" srcset="\/hls\/vod\/poster-720\.webp 720w, [^>]*alt="" fetchpriority="high" \/><\/picture><\/vitrine-show>/);
    for (const file of ['poster-720.avif', 'poster-1280.webp']) {
      const poster = await fetch(`${demo.url}/hls/vod/${file}`);
      expect(poster.headers.get('content-type')).toBe(`image/${file.split('.')[1]}`);
    }
    expect(page).not.toContain('rel="preload"');
    expect(page).toContain('€89.00');
    expect(page).toContain('src="/demo-images/linen-overshirt-sand.svg"');
    expect(page).toContain('data-cart-count="0"');
  });

  it('serves the listing for the Lighthouse comparisons: without Vitrine, and with its markup but no script', async () => {
    const without = await (await fetch(`${demo.url}/?widget=off`)).text();
    expect(without).not.toContain('<vitrine-show');
    expect(without).not.toContain('/vitrine/');
    const markup = await (await fetch(`${demo.url}/?widget=markup`)).text();
    expect(markup).toContain('<picture slot="poster">');
    expect(markup).toMatch(/<vitrine-show [^>]*show="spring-drop">/);
    expect(markup).not.toContain('/vitrine/');
    expect(markup.match(/<li class="card"/g)).toHaveLength(products.length);
  });

  it('adds to the same cart as the Shopify API from the product form, and counts it in the header', async () => {
    const variant = products.find((p) => p.handle === 'canvas-weekender')!.variants[0]!;
    const added = await fetch(`${demo.url}/cart/add`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `id=${variant.id}&quantity=2`,
      redirect: 'manual',
    });
    expect(added.status).toBe(303);
    expect(added.headers.get('location')).toBe('/cart');
    const cookie = added.headers.get('set-cookie')!.split(';')[0]!;
    const cart = await (await fetch(`${demo.url}/cart.js`, { headers: { cookie } })).json();
    expect(cart.item_count).toBe(2);
    expect(await (await fetch(`${demo.url}/`, { headers: { cookie } })).text()).toContain('data-cart-count="2"');

    const soldOut = products.find((p) => p.handle === 'limited-print')!.variants[0]!;
    const refused = await fetch(`${demo.url}/cart/add`, { method: 'POST', body: `id=${soldOut.id}`, headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' } });
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain('already sold out');
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
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self' https://cdn.example.com/vitrine/0.1.0/;");
    expect(await response.text()).toContain('<script async src="https://cdn.example.com/vitrine/0.1.0/vitrine.classic.js"></script>');
    const strict = await fetch(`${demo.url}/lab/strict-csp`);
    expect(strict.headers.get('content-security-policy')).toContain(`script-src ${demo.url}/vitrine/;`);
  });

  it('serves its assets with their types', async () => {
    const css = await fetch(`${demo.url}/assets/shop.css`);
    expect(css.headers.get('content-type')).toContain('text/css');
    const svg = await fetch(`${demo.url}/assets/logo.svg`);
    expect(svg.headers.get('content-type')).toBe('image/svg+xml');
    expect((await fetch(`${demo.url}/lab/hls.min.js`)).headers.get('content-type')).toContain('javascript');
  });
});

describe('shop around the catalog', () => {
  it('every collection in the navigation has products, and the sale is what has a compare-at price', () => {
    for (const collection of collections) expect(products.filter(collection.has).length, collection.title).toBeGreaterThan(0);
    const sale = collections.find((c) => c.handle === 'sale')!;
    expect(products.filter(sale.has).map((p) => p.handle)).toEqual(products.filter((p) => priceRange(p).compareAtPrice !== null).map((p) => p.handle));
  });

  it('prices a card from the cheapest available variant, and knows sold out', () => {
    expect(priceRange(products.find((p) => p.handle === 'linen-overshirt')!)).toMatchObject({ price: 8900, compareAtPrice: 11900, available: true });
    expect(priceRange(products.find((p) => p.handle === 'limited-print')!)).toMatchObject({ available: false });
    expect(priceRange(products.find((p) => p.handle === 'organic-tee')!).stock).toBeNull();
  });
});

describe('html template tag', () => {
  it('escapes values and keeps nested templates', () => {
    expect(String(html`<p title="${'"x"'}">${'<b>'}${html`<i>ok</i>`}</p>`)).toBe('<p title="&quot;x&quot;">&lt;b&gt;<i>ok</i></p>');
    expect(String(attributes({ title: 'a"b', autoplay: true, muted: false, src: undefined }))).toBe(' title="a&quot;b" autoplay');
  });
});
