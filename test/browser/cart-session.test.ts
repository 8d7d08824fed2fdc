import '../support/browser-env.js';
import { expect } from '@open-wc/testing';
import { CartSession } from '../../src/commerce/cart-session.js';
import { CartError, type Cart, type CartAdapter, type CartLineRequest } from '../../src/commerce/cart.js';
import type { VitrineCartErrorDetail } from '../../src/commerce/events.js';
import { productsFromData } from '../../src/commerce/sources/index.js';
import { cartErrorMessage } from '../../src/i18n/cart.js';
import { cartText } from '../support/messages.js';
import { captureWarnings, until } from '../support/commerce-browser.js';

const [product] = productsFromData([{ id: 'cap', title: 'Cap', currency: 'EUR', price: '19.99' }], { host: null });
const variant = product!.variants[0]!;

/** A custom adapter, the way a developer writes one in a few lines (a fake cart in memory). */
function memoryAdapter(overrides: Partial<CartAdapter> = {}) {
  const lines: { key: string; variantId: string; quantity: number; properties: Record<string, string>; productId: string; title: string }[] = [];
  const calls: string[] = [];
  const cart = (): Cart => ({ itemCount: lines.reduce((sum, line) => sum + line.quantity, 0), lines: lines.map((line) => ({ ...line })) });
  const adapter: CartAdapter = {
    async add(line: CartLineRequest) {
      calls.push(`add ${line.quantity}`);
      lines.push({ key: String(lines.length), variantId: line.variant.id, quantity: line.quantity, properties: { ...line.properties }, productId: line.product.id, title: line.product.title });
      return { quantityAdded: line.quantity };
    },
    async getCart() {
      calls.push('get');
      return cart();
    },
    ...overrides,
  };
  return { adapter, lines, calls };
}

describe('CartSession', () => {
  let host: HTMLElement;

  beforeEach(() => {
    host = document.createElement('div');
    document.body.append(host);
  });

  afterEach(() => host.remove());

  it('a custom adapter that throws a plain Error gives CartError("unknown") and an event, never a throw', async () => {
    const { adapter } = memoryAdapter({
      add: async () => {
        throw new Error('backend exploded');
      },
    });
    const errors: VitrineCartErrorDetail[] = [];
    host.addEventListener('vitrine-cart-error', (event) => errors.push(event.detail));
    const outcome = await new CartSession(adapter, { host, attribution: {} }).add(product!, variant, 1);
    expect(outcome.status).to.equal('failed');
    if (outcome.status !== 'failed') return;
    expect(outcome.error).to.be.instanceOf(CartError);
    expect(outcome.error.code).to.equal('unknown');
    expect(outcome.error.message).to.equal('backend exploded');
    expect(cartErrorMessage(outcome.error, await cartText({ language: 'fr', tag: 'fr-BE' }))).to.equal('Un problème est survenu lors de l’ajout au panier. Veuillez réessayer.');
    expect(errors.map((error) => [error.code, error.quantity])).to.deep.equal([['unknown', 1]]);
  });

  it('a custom adapter that throws synchronously, or a non-Error, is handled the same way', async () => {
    const { adapter } = memoryAdapter({
      add: (() => {
        throw 'nope';
      }) as CartAdapter['add'],
    });
    const outcome = await new CartSession(adapter, { host, attribution: {} }).add(product!, variant, 1);
    expect(outcome.status === 'failed' && outcome.error.code).to.equal('unknown');
  });

  it('runs adds one at a time, in order', async () => {
    const order: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { adapter } = memoryAdapter({
      async add(line) {
        order.push(`start ${line.quantity}`);
        if (line.quantity === 1) await gate;
        order.push(`end ${line.quantity}`);
        return { quantityAdded: line.quantity };
      },
    });
    const session = new CartSession(adapter, { host, attribution: {} });
    const first = session.add(product!, variant, 1);
    const second = session.add(product!, variant, 2);
    await until(() => order.length === 1);
    release();
    await Promise.all([first, second]);
    expect(order).to.deep.equal(['start 1', 'end 1', 'start 2', 'end 2']);
  });

  it('refuses a quantity that is not a whole number of at least 1', async () => {
    const { adapter, calls } = memoryAdapter();
    const outcome = await new CartSession(adapter, { host, attribution: {} }).add(product!, variant, 0.5);
    expect(outcome.status).to.equal('failed');
    expect(calls.filter((call) => call.startsWith('add'))).to.deep.equal([]);
  });

  it('keeps the cart in sync through subscribe(), and lets go on disconnect', async () => {
    let push!: (cart: Cart) => void;
    let unsubscribed = false;
    const { adapter } = memoryAdapter({
      subscribe(listener) {
        push = listener;
        return () => (unsubscribed = true);
      },
    });
    const session = new CartSession(adapter, { host, attribution: {} });
    session.connect();
    await until(() => session.cart.get() !== null);
    push({ itemCount: 7, lines: [] });
    expect(session.cart.get()?.itemCount).to.equal(7);
    session.disconnect();
    expect(unsubscribed).to.equal(true);
  });

  it('a cart read that started before an add finished does not overwrite the newer cart', async () => {
    let slowRead!: (cart: Cart) => void;
    let reads = 0;
    const { adapter } = memoryAdapter({
      async getCart() {
        reads += 1;
        if (reads === 1) return new Promise<Cart>((resolve) => (slowRead = resolve));
        return { itemCount: 0, lines: [] };
      },
      async add() {
        return { quantityAdded: 1, cart: { itemCount: 1, lines: [] } };
      },
    });
    const session = new CartSession(adapter, { host, attribution: {} });
    const refresh = session.refresh();
    await until(() => reads === 1);
    // The add's own baseline read is the second read; its result carries the new cart.
    await session.add(product!, variant, 1);
    expect(session.cart.get()?.itemCount).to.equal(1);
    slowRead({ itemCount: 0, lines: [] }); // the old answer arrives late
    await refresh;
    expect(session.cart.get()?.itemCount).to.equal(1);
  });

  it('a cart the adapter pushes while an add is in flight does not overwrite the settled cart', async () => {
    // A theme's cart event fired while the add was in flight: the adapter read the cart then
    // (before the add went in) and pushes that answer only after the add settled.
    let push!: (cart: Cart) => void;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { adapter } = memoryAdapter({
      subscribe(listener) {
        push = listener;
        return () => undefined;
      },
    });
    const add = adapter.add.bind(adapter);
    adapter.add = async (line, options) => {
      await gate;
      return add(line, options);
    };
    const session = new CartSession(adapter, { host, attribution: {} });
    session.connect();
    await until(() => session.store.status.get() === 'ready');
    const stale = await adapter.getCart({ signal: new AbortController().signal });
    const adding = session.add(product!, variant, 2);
    // A listener that subscribes while the add is in flight, and a push from before the add.
    const seen: (number | undefined)[] = [];
    const stop = session.cart.subscribe((cart) => seen.push(cart?.itemCount));
    push(stale);
    release();
    expect((await adding).status).to.equal('added');
    push(stale); // the late answer of a read that started before the add went in
    await until(() => session.store.status.get() === 'ready' && seen.at(-1) === 2);
    await session.refresh();
    expect(session.cart.get()?.itemCount).to.equal(2);
    expect(seen.at(-1)).to.equal(2);
    // With no write since the previous push, a push is applied as it comes.
    push({ itemCount: 5, lines: [] });
    expect(session.cart.get()?.itemCount).to.equal(5);
    stop();
    session.disconnect();
  });

  it('warns once when the cart cannot be read, and keeps going', async () => {
    const { adapter } = memoryAdapter({
      async getCart() {
        throw new CartError('network', 'offline');
      },
    });
    const session = new CartSession(adapter, { host, attribution: {} });
    const { warnings } = await captureWarnings(async () => {
      await session.refresh();
      await session.refresh();
    });
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain('could not read the cart: offline');
    expect(session.store.status.get()).to.equal('error');
    expect((await session.add(product!, variant, 1)).status).to.equal('added');
  });

  it('never follows a cart or checkout URL that is not http(s), and says so', async () => {
    const visited: string[] = [];
    const { adapter } = memoryAdapter({
      async getCart() {
        return { itemCount: 0, lines: [], cartUrl: 'javascript:alert(1)', checkoutUrl: 'data:text/html,<h1>x</h1>' };
      },
    });
    const session = new CartSession(adapter, { host, attribution: {}, navigate: (url) => visited.push(url) });
    const { warnings } = await captureWarnings(async () => {
      await session.openCart();
      await session.checkout();
    });
    expect(visited).to.deep.equal([]);
    expect(warnings).to.have.length(2);
    expect(warnings[0]).to.contain('cartUrl must be an http(s) URL');
    expect(warnings[1]).to.contain('checkoutUrl must be an http(s) URL');
  });

  it('opens the cart and checks out by the adapter, or by the cart URLs', async () => {
    const visited: string[] = [];
    let opened = 0;
    const { adapter } = memoryAdapter({
      async getCart() {
        return { itemCount: 0, lines: [], cartUrl: 'https://shop.example/cart', checkoutUrl: 'https://shop.example/checkout' };
      },
      openCart: () => void (opened += 1),
    });
    const session = new CartSession(adapter, { host, attribution: {}, navigate: (url) => visited.push(url) });
    await session.openCart();
    await session.checkout();
    expect(opened).to.equal(1);
    expect(visited).to.deep.equal(['https://shop.example/checkout']);
  });
});
