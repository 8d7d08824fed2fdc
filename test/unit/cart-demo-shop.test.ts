// The demo shop follows Shopify's Ajax Cart API contract: exercised over real HTTP.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pipeline } from '../../demo/http.js';
import { DemoShop, shopifyRoutes } from '../../demo/shopify/index.js';

let server: Server;
let base: string;
let shop: DemoShop;

beforeAll(async () => {
  shop = new DemoShop();
  server = createServer(pipeline([shopifyRoutes({ shop })]));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

/** A shopper: keeps the cart cookie like a browser would. */
function shopper() {
  let cookie = '';
  return async (path: string, body?: unknown): Promise<{ status: number; json: any; text: string }> => {
    const response = await fetch(base + path, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { ...(cookie ? { cookie } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? null : JSON.stringify(body),
    });
    const set = response.headers.get('set-cookie');
    if (set) cookie = set.split(';')[0]!;
    const text = await response.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: response.status, json, text };
  };
}

const variantOf = (handle: string, ...options: string[]) => shop.product(handle)!.variants.find((variant) => variant.options.join('/') === options.join('/'))!;

describe('demo shop: Shopify Ajax API contract', () => {
  it('serves /products/<handle>.js with cents, options and variants', async () => {
    const get = shopper();
    const { status, json } = await get('/products/linen-overshirt.js');
    expect(status).toBe(200);
    expect(json.handle).toBe('linen-overshirt');
    expect(json.options.map((option: { name: string }) => option.name)).toEqual(['Size', 'Colour']);
    expect(json.variants).toHaveLength(12);
    expect(json.variants[0]).toMatchObject({ price: 8900, compare_at_price: 11900, option1: 'S', option2: 'Sand' });
    expect(json.url).toBe('/products/linen-overshirt');
    expect((await get('/products/no-such-thing.js')).status).toBe(404);
  });

  it('adds lines with properties, merges equal lines and re-renders sections', async () => {
    const call = shopper();
    const variant = variantOf('merino-crew', 'M', 'Oat');
    const first = await call('/cart/add.js', { items: [{ id: variant.id, quantity: 1, properties: { _vitrine_show: 'spring-drop' } }], sections: 'cart-icon-bubble,unknown' });
    expect(first.status).toBe(200);
    expect(first.json.items[0]).toMatchObject({ id: variant.id, quantity: 1, properties: { _vitrine_show: 'spring-drop' } });
    expect(first.json.sections['cart-icon-bubble']).toContain('>1<');
    expect(first.json.sections.unknown).toBeNull();
    const second = await call('/cart/add.js', { items: [{ id: variant.id, quantity: 2, properties: { _vitrine_show: 'spring-drop' } }] });
    expect(second.json.items[0].quantity).toBe(3); // the line's new total, as Shopify answers
    const cart = await call('/cart.js');
    expect(cart.json).toMatchObject({ item_count: 3, currency: 'EUR', total_price: 3 * 12900 });
    expect(cart.json.items).toHaveLength(1);
  });

  it('answers 422 for sold out, partial adds and a full cart, like Shopify', async () => {
    const call = shopper();
    const soldOut = variantOf('limited-print', 'A3');
    const sold = await call('/cart/add.js', { items: [{ id: soldOut.id, quantity: 1 }] });
    expect(sold.status).toBe(422);
    expect(sold.json).toEqual({ status: 422, message: 'Cart Error', description: "The product 'Limited edition print - A3' is already sold out." });

    const low = variantOf('canvas-weekender', 'Black'); // 3 in stock
    const partial = await call('/cart/add.js', { items: [{ id: low.id, quantity: 5 }] });
    expect(partial.status).toBe(422);
    expect(partial.json.description).toBe('Only 3 items were added to your cart.');
    expect((await call('/cart.js')).json.item_count).toBe(3); // the 3 went in

    const full = await call('/cart/add.js', { items: [{ id: low.id, quantity: 1 }] });
    expect(full.status).toBe(422);
    expect(full.json.description).toBe('The maximum quantity of this item is already in your cart.');

    expect((await call('/cart/add.js', { items: [{ id: 999, quantity: 1 }] })).status).toBe(404);
  });

  it('changes and removes lines by key, and keeps carts apart per cookie', async () => {
    const call = shopper();
    const other = shopper();
    const variant = variantOf('wool-beanie', 'Rust');
    const added = await call('/cart/add.js', { items: [{ id: variant.id, quantity: 2 }] });
    const key = added.json.items[0].key;
    const changed = await call('/cart/change.js', { id: key, quantity: 5 });
    expect(changed.json.item_count).toBe(5);
    expect((await other('/cart.js')).json.item_count).toBe(0);
    const removed = await call('/cart/change.js', { id: key, quantity: 0 });
    expect(removed.json.item_count).toBe(0);
    expect((await call('/cart/change.js', { id: 'nope:nope', quantity: 1 })).status).toBe(400);
  });

  it('serves locale-aware roots and a cart page that shows attribution as text', async () => {
    const call = shopper();
    const variant = variantOf('organic-tee', 'M', 'Stone');
    await call('/fr/cart/add.js', { items: [{ id: variant.id, quantity: 1, properties: { _vitrine_show: 'spring-drop', _vitrine_creator: '<b>anna</b>' } }] });
    const page = await call('/fr/cart');
    expect(page.text).toContain('_vitrine_show');
    expect(page.text).toContain('spring-drop');
    expect(page.text).toContain('&#60;b&#62;anna&#60;/b&#62;');
    expect(page.text).not.toContain('<b>anna</b>');
  });
});
