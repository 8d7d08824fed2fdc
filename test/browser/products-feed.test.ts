import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/define/products.js';
import type { VitrineProducts } from '../../src/components/products/products.js';
import { simpleProduct } from './products-fixtures.js';

const root = (el: VitrineProducts) => el.shadowRoot!;
const titles = (el: VitrineProducts) => [...root(el).querySelectorAll('.list:not(.skeleton) [part="title"]')].map((t) => t.textContent);
const key = () => Math.random().toString(36).slice(2);

function captureWarnings(): { warnings: string[]; restore(): void } {
  const warnings: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
  return { warnings, restore: () => (console.warn = original) };
}

describe('<vitrine-products> feed states', () => {
  it('shows a loading skeleton (announced) while the feed loads, then the products', async () => {
    const el = await fixture<VitrineProducts>(html`<vitrine-products locale="en" products=${`/test-feeds/two?key=${key()}&delay=1500`}></vitrine-products>`);
    await waitUntil(() => root(el).querySelector('.skeleton'), 'skeleton shown');
    expect(root(el).querySelector('.skeleton')!.getAttribute('aria-hidden')).to.equal('true');
    expect(root(el).querySelector('[role="status"]')!.textContent).to.equal('Loading products…');
    await waitUntil(() => titles(el).length === 2, 'products shown', { timeout: 10_000 });
    expect(titles(el)).to.deep.equal(['Canvas tote', 'Wool scarf']);
    expect(root(el).querySelector('.skeleton')).to.equal(null);
    expect(root(el).querySelector('[role="status"]')!.textContent).to.equal('');
  });

  it('keeps the same height while loading and once loaded (no layout shift)', async () => {
    const el = await fixture<VitrineProducts>(html`<vitrine-products products=${`/test-feeds/two?key=${key()}&delay=800`}></vitrine-products>`);
    await waitUntil(() => root(el).querySelector('.skeleton'));
    const loading = el.getBoundingClientRect().height;
    await waitUntil(() => titles(el).length === 2, 'products shown', { timeout: 10_000 });
    expect(el.getBoundingClientRect().height).to.equal(loading);
    expect(loading).to.be.greaterThan(80);
  });

  it('shows a failing feed as a retryable error, with one warning naming the attribute', async () => {
    const { warnings, restore } = captureWarnings();
    try {
      const el = await fixture<VitrineProducts>(html`<vitrine-products locale="fr" products=${`/test-feeds/two?key=${key()}&fail=1`}></vitrine-products>`);
      await waitUntil(() => root(el).querySelector('[role="alert"]'), 'error shown', { timeout: 10_000 });
      const alert = root(el).querySelector('[role="alert"]')!;
      expect(alert.textContent).to.contain('Les produits n’ont pas pu être chargés.');
      expect(warnings.filter((w) => w.includes('"products"'))).to.have.length(1);
      const retry = root(el).querySelector<HTMLButtonElement>('[part="retry-button"]')!;
      expect(retry.textContent).to.equal('Réessayer');
      retry.click();
      await waitUntil(() => titles(el).length === 2, 'products after retry', { timeout: 10_000 });
      expect(root(el).querySelector('[role="alert"]')).to.equal(null);
    } finally {
      restore();
    }
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
