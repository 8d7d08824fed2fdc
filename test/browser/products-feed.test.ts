import '../support/browser-env.js';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/define/products.js';
import type { VitrineProducts } from '../../src/components/products/products.js';
import { addFaults, captureWarnings, FEEDS, resetServers } from '../support/commerce-browser.js';
import { simpleProduct } from './products-fixtures.js';

const root = (el: VitrineProducts) => el.shadowRoot!;
const titles = (el: VitrineProducts) => [...root(el).querySelectorAll('.list:not(.skeleton) [part="title"]')].map((t) => t.textContent);

describe('<vitrine-products> feed states', () => {
  beforeEach(resetServers);

  it('shows a loading skeleton (announced) while the feed loads, then the products', async () => {
    const el = await fixture<VitrineProducts>(html`<vitrine-products locale="en" products=${`${FEEDS}good.json`}></vitrine-products>`);
    // The first render comes before any answer can.
    expect(root(el).querySelector('.skeleton')).to.not.equal(null);
    expect(root(el).querySelector('.skeleton')!.getAttribute('aria-hidden')).to.equal('true');
    expect(root(el).querySelector('[role="status"]')!.textContent).to.equal('Loading products…');
    await waitUntil(() => titles(el).length === 8, 'products shown', { timeout: 10_000 });
    expect(titles(el)[0]).to.equal('Linen overshirt');
    expect(root(el).querySelector('.skeleton')).to.equal(null);
    expect(root(el).querySelector('[role="status"]')!.textContent).to.equal('');
  });

  it('keeps the same height while loading and once loaded (no layout shift)', async () => {
    const el = await fixture<VitrineProducts>(html`<vitrine-products products=${`${FEEDS}good.json`}></vitrine-products>`);
    const loading = el.getBoundingClientRect().height;
    await waitUntil(() => titles(el).length === 8, 'products shown', { timeout: 10_000 });
    expect(el.getBoundingClientRect().height).to.equal(loading);
    expect(loading).to.be.greaterThan(80);
  });

  it('shows a failing feed (HTTP 500) as a retryable error, with one warning naming the feed', async () => {
    await addFaults({ target: 'feed', path: 'good.json', kind: 'status', status: 500 });
    const { result: el, warnings } = await captureWarnings(async () => {
      const el = await fixture<VitrineProducts>(html`<vitrine-products locale="fr" products=${`${FEEDS}good.json`}></vitrine-products>`);
      await waitUntil(() => root(el).querySelector('[role="alert"]'), 'error shown', { timeout: 10_000 });
      return el;
    });
    const alert = root(el).querySelector('[role="alert"]')!;
    expect(alert.textContent).to.contain('Les produits n’ont pas pu être chargés.');
    expect(warnings.filter((w) => w.includes('good.json'))).to.have.length(1);
    const retry = root(el).querySelector<HTMLButtonElement>('[part="retry-button"]')!;
    expect(retry.textContent).to.equal('Réessayer');
    retry.click();
    await waitUntil(() => titles(el).length === 8, 'products after retry', { timeout: 10_000 });
    expect(root(el).querySelector('[role="alert"]')).to.equal(null);
  });

  it('shows malformed JSON as the same retryable error', async () => {
    const el = await fixture<VitrineProducts>(html`<vitrine-products locale="en" products=${`${FEEDS}malformed.json`}></vitrine-products>`);
    await waitUntil(() => root(el).querySelector('[role="alert"]'), 'error shown', { timeout: 10_000 });
    expect(root(el).querySelector('[part="retry-button"]')).to.not.equal(null);
  });

  it('shows the valid half of a half-invalid feed', async () => {
    const { result: el } = await captureWarnings(async () => {
      const el = await fixture<VitrineProducts>(html`<vitrine-products locale="en" products=${`${FEEDS}half-invalid.json`}></vitrine-products>`);
      await waitUntil(() => titles(el).length > 0, 'products shown', { timeout: 10_000 });
      return el;
    });
    expect(root(el).querySelector('[role="alert"]')).to.equal(null);
  });

  it('reads inline JSON products', async () => {
    const data = JSON.stringify([simpleProduct('inline', { title: 'Inline product' })]);
    const el = await fixture<VitrineProducts>(html`<vitrine-products><script type="application/json">${data}</script></vitrine-products>`);
    await waitUntil(() => titles(el).length === 1, 'inline product shown');
    expect(titles(el)).to.deep.equal(['Inline product']);
  });

  it('says so when there are no products', async () => {
    const el = await fixture<VitrineProducts>(html`<vitrine-products locale="nl"></vitrine-products>`);
    el.products = [];
    await waitUntil(() => root(el).querySelector('[part="message"]')?.textContent === 'Nog geen producten.');
  });
});
