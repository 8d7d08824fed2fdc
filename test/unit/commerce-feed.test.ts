import { afterEach, describe, expect, it, vi } from 'vitest';
import { productsFromData } from '../../src/commerce/sources/index.js';
import { parseProductsSpec } from '../../src/commerce/sources/index.js';
import { feedCollector, productsFromFeed } from '../../src/commerce/sources/feed.js';
import { collectInTasks, LoadReport } from '../../src/commerce/normalize.js';
import { nextTask } from '../../src/internal/tasks.js';
import { vitrineFeed, DemoShop } from '../../demo/shopify/index.js';
import { currenciesFeed, halfInvalidFeed, HOSTILE, hostileFeed } from '../support/commerce-fixtures.js';

afterEach(() => vi.restoreAllMocks());

function warnings(run: () => void): string[] {
  const said: string[] = [];
  vi.spyOn(console, 'warn').mockImplementation((message: unknown) => void said.push(String(message)));
  run();
  return said;
}

describe('Vitrine feed', () => {
  it('normalises the demo catalog feed exactly', () => {
    const products = productsFromData(vitrineFeed(new DemoShop()), { host: null });
    expect(products).toHaveLength(8);
    const shirt = products[0]!;
    expect(shirt.title).toBe('Linen overshirt');
    expect(shirt.price).toEqual({ amount: 8900, currency: 'EUR' });
    expect(shirt.compareAtPrice).toEqual({ amount: 11900, currency: 'EUR' });
    expect(shirt.options.map((option) => option.name)).toEqual(['Size', 'Colour']);
    expect(shirt.variants.find((variant) => variant.optionValues.join('/') === 'XL/Navy')!.available).toBe(false);
    expect(shirt.variants.find((variant) => variant.optionValues.join('/') === 'M/Olive')!.stock).toBe(2);
    expect(shirt.description).toMatchObject({ kind: 'html' });
    expect(shirt.description!.kind === 'html' && shirt.description!.text).toContain('heavy European linen');
    expect(shirt.badges).toEqual(['New']);
    const pourOver = products.find((product) => product.handle === 'ceramic-pour-over')!;
    expect(pourOver.options).toEqual([]);
    expect(pourOver.variants).toHaveLength(1);
    const print = products.find((product) => product.handle === 'limited-print')!;
    expect(print.variants.every((variant) => !variant.available)).toBe(true);
    expect(print.price.amount).toBe(6500); // the lowest, since none is available
  });

  it('skips invalid products with one warning that names each and why', () => {
    let products: ReturnType<typeof productsFromData> = [];
    const said = warnings(() => {
      products = productsFromData(halfInvalidFeed, { host: null });
    });
    expect(products.map((product) => product.id)).toEqual(['tee', 'cap', 'shirt']);
    expect(said).toHaveLength(1);
    expect(said[0]).toContain('skipped 3 of 6 products');
    expect(said[0]).toContain('"no-price"');
    expect(said[0]).toContain('"price" is missing');
    expect(said[0]).toContain('"12,50"');
    expect(said[0]).toContain('has 2 option values but the product has 1 options');
    const shirt = products[2]!;
    expect(shirt.price).toEqual({ amount: 3000, currency: 'EUR' });
    expect(shirt.variants[1]!.price.amount).toBe(3250);
    expect(products[1]!.variants[0]!.stock).toBe(2);
  });

  it('keeps hostile text as text and drops non-http URLs', () => {
    let products: ReturnType<typeof productsFromData> = [];
    const said = warnings(() => {
      products = productsFromData(hostileFeed, { host: null });
    });
    const evil = products[0]!;
    expect(evil.title).toBe(HOSTILE);
    expect(evil.url).toBeUndefined();
    expect(evil.images).toEqual([{ url: 'https://cdn.example.com/evil.jpg', alt: HOSTILE }]);
    expect(evil.description?.kind).toBe('html');
    expect(evil.description!.kind === 'html' && evil.description!.text).not.toContain('window.__vitrineXss = 2');
    expect(said).toHaveLength(1);
    expect(said[0]).toContain('url must be an http(s) URL; got "javascript:alert(1)", not followed');
  });

  it('uses each currency\'s minor units', () => {
    const products = productsFromData(currenciesFeed, { host: null });
    expect(products.map((product) => product.price)).toEqual([
      { amount: 1500, currency: 'JPY' },
      { amount: 1250, currency: 'KWD' },
    ]);
  });

  it('takes the widget currency for feeds that do not say theirs, and refuses a feed without one', () => {
    expect(productsFromData([{ id: 1, title: 'A', price: 5 }], { host: null, currency: 'usd' })[0]!.price).toEqual({ amount: 500, currency: 'USD' });
    const said = warnings(() => expect(productsFromData([{ id: 1, title: 'A', price: 5 }], { host: null })).toEqual([]));
    expect(said[0]).toContain('has no currency');
  });

  it('warns once and gives [] for data that is not a feed', () => {
    const said = warnings(() => expect(productsFromData({ nope: true }, { host: null })).toEqual([]));
    expect(said).toHaveLength(1);
    expect(said[0]).toContain('property "products" must be an array of products');
  });
});

describe('products spec', () => {
  it('parses every source kind and refuses the rest with a message', () => {
    expect(parseProductsSpec('')).toEqual({ kind: 'inline' });
    expect(parseProductsSpec('shopify:a, b,a')).toEqual({ kind: 'shopify', handles: ['a', 'b'] });
    expect(parseProductsSpec('woocommerce:12,34')).toEqual({ kind: 'woocommerce', ids: [12, 34] });
    expect(parseProductsSpec('https://cdn.example.com/feed.json')).toMatchObject({ kind: 'feed' });
    expect(() => parseProductsSpec('woocommerce:abc')).toThrow(/WooCommerce product ids/);
    expect(() => parseProductsSpec('shopify:')).toThrow(/Shopify product handles/);
    expect(() => parseProductsSpec('javascript:alert(1)')).toThrow(/http\(s\) feed URL/);
  });
});

describe('the documented feed', () => {
  it('the shipped example loads without a warning', async () => {
    const { readFile } = await import('node:fs/promises');
    const example: unknown = JSON.parse(await readFile(new URL('../../schema/product-feed.example.json', import.meta.url), 'utf8'));
    const said = warnings(() => {
      const products = productsFromData(example, { host: null });
      expect(products.map((product) => product.id)).toEqual(['linen-overshirt', 'pour-over']);
      expect(products[0]!.variants[1]!.stock).toBe(2);
      expect(products[0]!.variants[2]!.available).toBe(false);
      expect(products[1]!.description).toEqual({ kind: 'text', text: 'Hand-thrown dripper and carafe.\n\nEach one is a little different.' });
    });
    expect(said).toEqual([]);
  });

  it('the JSON Schema documents exactly the fields the loader reads', async () => {
    const { readFile } = await import('node:fs/promises');
    const schema = JSON.parse(await readFile(new URL('../../schema/product-feed.schema.json', import.meta.url), 'utf8'));
    const { FEED_FIELDS } = await import('../../src/commerce/sources/feed.js');
    expect(Object.keys(schema.$defs.product.properties).sort()).toEqual([...FEED_FIELDS.product].sort());
    expect(Object.keys(schema.$defs.variant.properties).sort()).toEqual([...FEED_FIELDS.variant].sort());
  });
});

describe('a long feed in short tasks', () => {
  const feed = (count: number) => ({
    currency: 'EUR',
    products: Array.from({ length: count }, (_, index) => ({ id: `p${index}`, title: `Product ${index}`, price: '10.00' })),
  });

  it('gives what normalising at once gives, a slice per task, with repeats across slices skipped', async () => {
    const data = feed(3000);
    // A repeat of an early id near the end: the id check spans slices.
    data.products[2990] = { id: 'p3', title: 'Again', price: '1.00' };
    const report = new LoadReport();
    const collector = feedCollector(data, report);
    let settled = false;
    const work = collectInTasks(collector).then((products) => {
      settled = true;
      return products;
    });
    // The first slice ran in this task; the rest waits for later ones.
    expect(collector.products.length).toBeGreaterThan(0);
    expect(collector.done).toBe(false);
    expect(settled).toBe(false);
    const products = await work;
    const atOnce = new LoadReport();
    expect(products).toEqual(productsFromFeed(data, atOnce));
    expect(products).toHaveLength(2999);
    expect(report.total).toBe(3000);
    expect(report.skipped).toEqual(atOnce.skipped);
    expect(report.skipped[0]).toContain('product #2991 (id "p3", "Again"): id "p3" appears twice');
  });

  it('stops between slices when aborted, with the signal\'s reason', async () => {
    const abort = new AbortController();
    const collector = feedCollector(feed(20_000), new LoadReport());
    const work = collectInTasks(collector, abort.signal);
    abort.abort(new Error('left the page'));
    await expect(work).rejects.toThrow('left the page');
    expect(collector.done).toBe(false);
  });

  it('yields to the next task with a MessageChannel where there is no scheduler.yield', async () => {
    expect((globalThis as { scheduler?: unknown }).scheduler).toBeUndefined();
    const order: string[] = [];
    const next = nextTask().then(() => order.push('task'));
    await Promise.resolve();
    order.push('microtask');
    await next;
    expect(order).toEqual(['microtask', 'task']);
  });
});
