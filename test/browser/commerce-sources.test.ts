import '../support/browser-env.js';
import { expect } from '@open-wc/testing';
import { loadProducts, ProductsController, ProductsLoadError } from '../../src/commerce/sources/index.js';
import { createProductsStore } from '../../src/stores/products.js';
import { addFaults, captureWarnings, FEEDS, resetServers, serverState, SHOPIFY_ROOT, WOO_REST_ROOT } from '../support/commerce-browser.js';

function host(): HTMLElement {
  const element = document.createElement('vitrine-test-host');
  document.body.append(element);
  return element;
}

describe('product sources', () => {
  beforeEach(async () => {
    await resetServers();
  });

  afterEach(() => {
    delete (window as { Shopify?: unknown }).Shopify;
    document.querySelector('link[rel="https://api.w.org/"]')?.remove();
    document.querySelectorAll('vitrine-test-host').forEach((element) => element.remove());
  });

  it('loads a JSON feed URL', async () => {
    const products = await loadProducts(`${FEEDS}good.json`, { host: host() });
    expect(products).to.have.length(8);
    expect(products[0]!.title).to.equal('Linen overshirt');
    expect(products[0]!.images[0]!.url).to.equal(new URL(`${'/__commerce/demo-images/'}linen-overshirt-sand.svg`, location.href).href);
  });

  it('shows the valid half of a half-invalid feed, with one warning', async () => {
    const { result, warnings } = await captureWarnings(() => loadProducts(`${FEEDS}half-invalid.json`, { host: host() }));
    expect(result.map((product) => product.id)).to.deep.equal(['tee', 'cap', 'shirt']);
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain('skipped 3 of 6 products');
    expect(warnings[0]).to.contain('<vitrine-test-host>');
  });

  it('reads the inline <script type="application/json"> child', async () => {
    const element = host();
    const script = document.createElement('script');
    script.type = 'application/json';
    script.textContent = JSON.stringify({ currency: 'EUR', products: [{ id: 'a', title: 'Inline tee', price: '12.50' }] });
    element.append(script);
    const products = await loadProducts('', { host: element });
    expect(products.map((product) => [product.title, product.price.amount])).to.deep.equal([['Inline tee', 1250]]);
  });

  it('rejects a malformed feed with a retryable error', async () => {
    let error: unknown;
    try {
      await loadProducts(`${FEEDS}malformed.json`, { host: host() });
    } catch (caught) {
      error = caught;
    }
    expect(error).to.be.instanceOf(ProductsLoadError);
    expect((error as ProductsLoadError).message).to.contain('not JSON');
  });

  it('puts a failing feed in a retryable error state, and retry() recovers', async () => {
    await addFaults({ target: 'feed', path: 'good.json', kind: 'status', status: 500 });
    const store = createProductsStore();
    const controller = new ProductsController(store, { host: host() });
    const { warnings } = await captureWarnings(() => controller.load(`${FEEDS}good.json`));
    expect(store.status.get()).to.equal('error');
    expect(store.error.get()).to.contain('HTTP 500');
    expect(warnings.join('\n')).to.contain('HTTP 500');
    await controller.retry();
    expect(store.status.get()).to.equal('ready');
    expect(store.error.get()).to.equal(null);
    expect(store.products.get()).to.have.length(8);
  });

  it('a new load aborts the one in flight', async () => {
    await addFaults({ target: 'feed', path: 'half-invalid.json', kind: 'hang' });
    const store = createProductsStore();
    const controller = new ProductsController(store, { host: host() });
    const first = controller.load(`${FEEDS}half-invalid.json`);
    expect(store.status.get()).to.equal('loading');
    await controller.load(`${FEEDS}good.json`);
    await first;
    expect(store.status.get()).to.equal('ready');
    expect(store.products.get()).to.have.length(8);
  });

  it('loads shopify:handles from the shop root, in the order given, skipping unknown handles', async () => {
    (window as { Shopify?: unknown }).Shopify = { routes: { root: SHOPIFY_ROOT } };
    const { result, warnings } = await captureWarnings(() => loadProducts('shopify:wool-beanie,no-such-thing,trail-runner', { host: host() }));
    expect(result.map((product) => product.handle)).to.deep.equal(['wool-beanie', 'trail-runner']);
    const shoe = result[1]!;
    expect(shoe.options.map((option) => option.name)).to.deep.equal(['Size', 'Colour', 'Width']);
    expect(shoe.variants).to.have.length(24);
    expect(shoe.price).to.deep.equal({ amount: 13900, currency: 'EUR' }); // currency from /cart.js
    expect(shoe.compareAtPrice).to.deep.equal({ amount: 15900, currency: 'EUR' });
    expect(shoe.url).to.equal(new URL(`${SHOPIFY_ROOT}products/trail-runner`, location.href).href);
    expect(shoe.badges).to.deep.equal(['Bestseller']);
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain('product "no-such-thing": the shop has no product with this handle (404)');
  });

  it('follows Shopify.routes.root for the shopper\'s locale', async () => {
    (window as { Shopify?: unknown }).Shopify = { routes: { root: `${SHOPIFY_ROOT}fr/` }, currency: { active: 'EUR' } };
    await loadProducts('shopify:wool-beanie', { host: host() });
    const { requests } = await serverState();
    expect(requests.map((entry) => entry.path)).to.deep.equal(['products/wool-beanie.js']);
    const last = performance.getEntriesByType('resource').map((entry) => entry.name).filter((name) => name.includes('wool-beanie.js')).pop();
    expect(last).to.contain(`${SHOPIFY_ROOT}fr/products/wool-beanie.js`);
  });

  it('loads woocommerce:ids from the Store API, variations included, and decodes names', async () => {
    const link = document.createElement('link');
    link.rel = 'https://api.w.org/';
    link.href = WOO_REST_ROOT;
    document.head.append(link);
    const { result, warnings } = await captureWarnings(() => loadProducts('woocommerce:102,101,103,999', { host: host() }));
    expect(result.map((product) => product.id)).to.deep.equal(['102', '101', '103']);
    const jacket = result[0]!;
    expect(jacket.title).to.equal('Rain jacket – packable');
    expect(jacket.options).to.deep.equal([
      { name: 'Size', values: ['S', 'M', 'L'] },
      { name: 'Colour', values: ['Yellow', 'Navy'] },
    ]);
    expect(jacket.variants.map((variant) => [variant.id, variant.optionValues.join('/'), variant.price.amount, variant.available])).to.deep.equal([
      ['1021', 'S/Yellow', 8900, true],
      ['1022', 'M/Yellow', 8900, true],
      ['1023', 'L/Yellow', 8900, false],
      ['1024', 'M/Navy', 9400, true],
    ]);
    expect(jacket.variants[1]!.stock).to.equal(2);
    expect(jacket.variants[0]!.compareAtPrice).to.deep.equal({ amount: 9900, currency: 'EUR' });
    expect(result[1]!.compareAtPrice).to.deep.equal({ amount: 1800, currency: 'EUR' });
    const evil = result[2]!;
    expect(evil.title).to.equal('<img src=x onerror=alert(1)>');
    expect(evil.url).to.equal(undefined);
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain('product 999');
    expect(warnings[0]).to.contain('permalink must be an http(s) URL');
  });

  it('a Shopify shop that is down gives a retryable error', async () => {
    (window as { Shopify?: unknown }).Shopify = { routes: { root: SHOPIFY_ROOT }, currency: { active: 'EUR' } };
    await addFaults({ target: 'shopify', path: 'products/wool-beanie.js', kind: 'status', status: 503 });
    let error: unknown;
    try {
      await loadProducts('shopify:wool-beanie', { host: host() });
    } catch (caught) {
      error = caught;
    }
    expect(error).to.be.instanceOf(ProductsLoadError);
    expect((error as ProductsLoadError).retryable).to.equal(true);
  });
});
