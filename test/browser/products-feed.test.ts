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

  it('renders all of a 200-product list set as a property: the first cards at once, the rest normalised in later tasks, bad ones in one warning', async () => {
    const feed = Array.from({ length: 200 }, (_, index) => simpleProduct(`p${index}`, { title: `Product ${index}` }));
    // Bad items early and late in the list, and a repeat of an early id near the end.
    feed[4] = { id: 'no-price', title: 'No price' };
    feed[150] = { id: 'bad-title', title: 42, price: '5.00' };
    feed[199] = simpleProduct('p7', { title: 'Repeat of p7' });
    const el = await fixture<VitrineProducts>(html`<vitrine-products locale="en"></vitrine-products>`);
    const { result: shownWhenWarned, warnings } = await captureWarnings(async () => {
      // What the carousel showed when the warning came: the first render comes before the whole list is checked.
      const said = console.warn;
      const shownWhenWarned: number[] = [];
      console.warn = (...args: unknown[]) => {
        shownWhenWarned.push(titles(el).length);
        said(...args);
      };
      el.products = feed;
      await waitUntil(() => titles(el).length > 0, 'first cards rendered');
      expect(titles(el)[0]).to.equal('Product 0');
      await waitUntil(() => titles(el).length === 197, 'all valid products rendered', { timeout: 10_000 });
      console.warn = said;
      return shownWhenWarned;
    });
    // One warning, once the whole list was checked; the first cards were on screen long before the last.
    expect(shownWhenWarned).to.have.length(1);
    expect(shownWhenWarned[0]).to.be.within(1, 196);
    expect(el.products).to.equal(feed);
    expect(titles(el)).to.not.include('Repeat of p7');
    expect(titles(el)[196]).to.equal('Product 198');
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain('skipped 3 of 200 products');
    expect(warnings[0]).to.contain('product #5 (id "no-price"');
    expect(warnings[0]).to.contain('product #151 (id "bad-title", "42"): "title" must be a string');
    expect(warnings[0]).to.contain('product #200 (id "p7", "Repeat of p7"): id "p7" appears twice');
  });

  it('finishes a long list after leaving the page mid-way and coming back, and a newer list wins over one still in progress', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div><vitrine-products locale="en"></vitrine-products></div>`);
    const el = wrapper.querySelector('vitrine-products')!;
    const many = (prefix: string) => Array.from({ length: 200 }, (_, index) => simpleProduct(`${prefix}${index}`, { title: `${prefix} ${index}` }));
    el.products = many('first');
    await el.updateComplete;
    el.remove();
    wrapper.append(el);
    await waitUntil(() => titles(el).length === 200, 'all products after coming back', { timeout: 10_000 });
    el.products = many('second');
    await el.updateComplete;
    el.products = many('third');
    await waitUntil(() => titles(el).length === 200 && titles(el)[199] === 'third 199', 'the newest list', { timeout: 10_000 });
    expect(titles(el).some((title) => title?.startsWith('second'))).to.equal(false);
  });
});
