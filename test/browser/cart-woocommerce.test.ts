import '../support/browser-env.js';
import { expect } from '@open-wc/testing';
import { WooCommerceCartAdapter } from '../../src/commerce/adapters/woocommerce.js';
import { CartSession } from '../../src/commerce/cart-session.js';
import type { Product, ProductVariant } from '../../src/commerce/product.js';
import { loadProducts } from '../../src/commerce/sources/index.js';
import { cartErrorMessage } from '../../src/i18n/cart.js';
import { cartText } from '../support/messages.js';
import { addFaults, expireWooNonces, resetServers, serverState, until, WOO_REST_ROOT, wooPageNonce } from '../support/commerce-browser.js';

const STORE = `${WOO_REST_ROOT}wc/store/v1/`;
const fr = { language: 'fr', tag: 'fr-FR' } as const;

let host: HTMLElement;
let products: Product[];
const sessions: CartSession[] = [];

function pick(id: string, variantId = id): { product: Product; variant: ProductVariant } {
  const product = products.find((candidate) => candidate.id === id)!;
  return { product, variant: product.variants.find((candidate) => candidate.id === variantId)! };
}

function session(adapter = new WooCommerceCartAdapter(), timeoutMs?: number): CartSession {
  const created = new CartSession(adapter, { host, attribution: { show: 'autumn-live', creator: 'milo' }, settleMs: 100, ...(timeoutMs ? { timeoutMs, giveUpMs: timeoutMs } : {}) });
  sessions.push(created);
  return created;
}

async function storeCart(): Promise<{ items_count: number; items: { id: number; quantity: number; item_data: { key: string; value: string }[] }[] }> {
  return (await fetch(`${STORE}cart`)).json();
}

const writes = async () => (await serverState()).requests.filter((request) => request.method === 'POST').map((request) => request.path);

describe('cart="woocommerce"', () => {
  before(async () => {
    const link = document.createElement('link');
    link.rel = 'https://api.w.org/';
    link.href = WOO_REST_ROOT;
    document.head.append(link);
    products = await loadProducts('woocommerce:101,102,104', { host: document.body });
  });

  beforeEach(async () => {
    await resetServers();
    (window as { wcBlocksMiddlewareConfig?: unknown }).wcBlocksMiddlewareConfig = { storeApiNonce: await wooPageNonce() };
    host = document.createElement('div');
    document.body.append(host);
  });

  afterEach(() => {
    for (const created of sessions.splice(0)) created.disconnect();
    host.remove();
    delete (window as { wcBlocksMiddlewareConfig?: unknown }).wcBlocksMiddlewareConfig;
  });

  after(() => {
    document.querySelector('link[rel="https://api.w.org/"]')?.remove();
  });

  it('writes with the page nonce first, then the one each response hands out', async () => {
    const pageNonce = (window as unknown as { wcBlocksMiddlewareConfig: { storeApiNonce: string } }).wcBlocksMiddlewareConfig.storeApiNonce;
    const adapter = new WooCommerceCartAdapter();
    expect(adapter.nonce).to.equal(pageNonce);
    const { product, variant } = pick('101');
    const line = { product, variant, quantity: 1, properties: {} };
    await adapter.add(line, { signal: new AbortController().signal, requestId: 'a' });
    const rotated = adapter.nonce;
    expect(rotated).to.be.a('string').and.not.equal(pageNonce);
    await adapter.add(line, { signal: new AbortController().signal, requestId: 'b' });
    expect((await serverState()).woo.noncesUsed).to.deep.equal([pageNonce, rotated]);
    expect(adapter.nonce).to.not.equal(rotated);
  });

  it('adds through the session with the attribution as item data', async () => {
    const cart = session();
    const { product, variant } = pick('101');
    expect(await cart.add(product, variant, 2)).to.deep.equal({ status: 'added', quantityAdded: 2 });
    const jacket = pick('102', '1024');
    expect((await cart.add(jacket.product, jacket.variant, 1)).status).to.equal('added');
    const stored = await storeCart();
    expect(stored.items_count).to.equal(3);
    expect(stored.items[0]!.item_data).to.deep.include({ key: '_vitrine_show', value: 'autumn-live', display: '' });
    expect(cart.cart.get()?.lines[1]).to.include({ variantId: '1024', quantity: 1, title: 'Rain jacket – packable' });
    expect(cart.cart.get()?.lines[0]?.properties).to.deep.equal({ _vitrine_show: 'autumn-live', _vitrine_creator: 'milo' });
    expect(cart.cart.get()?.total).to.deep.equal({ amount: 2 * 1450 + 9400, currency: 'EUR' });
  });

  it('401 missing nonce: gets a fresh one from GET /cart and tries once more', async () => {
    delete (window as { wcBlocksMiddlewareConfig?: unknown }).wcBlocksMiddlewareConfig;
    const adapter = new WooCommerceCartAdapter();
    expect(adapter.nonce).to.equal(null);
    const { product, variant } = pick('101');
    const result = await adapter.add({ product, variant, quantity: 1, properties: {} }, { signal: new AbortController().signal, requestId: 'x' });
    expect(result.quantityAdded).to.equal(1);
    expect(result.cart?.itemCount).to.equal(1);
    const { woo, requests } = await serverState();
    expect(woo.noncesUsed).to.have.length(2);
    expect(woo.noncesUsed[0]).to.equal(null);
    expect(woo.noncesUsed[1]).to.be.a('string');
    expect(woo.addsApplied).to.equal(1);
    expect(requests.map((request) => `${request.method} ${request.path}`)).to.deep.equal(['POST cart/add-item', 'GET cart', 'POST cart/add-item']);
  });

  it('403 expired nonce: refreshes once; a nonce refused twice is unauthorized', async () => {
    await expireWooNonces();
    const adapter = new WooCommerceCartAdapter();
    const { product, variant } = pick('101');
    await adapter.add({ product, variant, quantity: 1, properties: {} }, { signal: new AbortController().signal, requestId: 'x' });
    expect((await serverState()).woo.noncesUsed).to.have.length(2);

    await addFaults({ target: 'woo', path: 'cart/add-item', kind: 'status', status: 403, body: { code: 'woocommerce_rest_invalid_nonce', message: 'Nonce is invalid.', data: { status: 403 } }, times: 2 });
    const outcome = await session().add(product, variant, 1);
    expect(outcome.status === 'failed' && outcome.error.code).to.equal('unauthorized');
    expect((await serverState()).woo.addsApplied).to.equal(1);
  });

  it('out of stock and not enough stock, with the shop\'s remaining count', async () => {
    const scarf = pick('104');
    const soldOut = await session().add(scarf.product, scarf.variant, 1);
    expect(soldOut.status === 'failed' && soldOut.error.code).to.equal('out_of_stock');

    const jacket = pick('102', '1022'); // 2 left
    const tooMany = await session().add(jacket.product, jacket.variant, 5);
    expect(tooMany.status).to.equal('failed'); // the Store API refuses the whole add
    if (tooMany.status !== 'failed') return;
    expect(tooMany.error.code).to.equal('insufficient_stock');
    expect(tooMany.error.available).to.equal(2);
    expect(cartErrorMessage(tooMany.error, await cartText(fr))).to.equal('Plus que 2 en stock.');
    expect((await storeCart()).items_count).to.equal(0);
  });

  it('500 before applying: checks the cart; the Store API is not idempotent, so unconfirmed and not sent again', async () => {
    await addFaults({ target: 'woo', path: 'cart/add-item', kind: 'status', status: 500, body: { code: 'internal_server_error', message: 'Critical error', data: { status: 500 } } });
    const { product, variant } = pick('101');
    const outcome = await session().add(product, variant, 1);
    expect(outcome.status === 'failed' && outcome.error.code).to.equal('unconfirmed');
    if (outcome.status !== 'failed') return;
    expect(cartErrorMessage(outcome.error, await cartText(fr))).to.equal('Nous n’avons pas pu confirmer l’ajout. Vérifiez votre panier avant de réessayer.');
    expect(await writes()).to.deep.equal(['cart/add-item']);
    expect((await serverState()).woo.addsApplied).to.equal(0);
  });

  it('a slow shop (the add takes 11 s): waited for, never sent twice, exactly one line', async function () {
    this.timeout(60_000);
    await addFaults({ target: 'woo', path: 'cart/add-item', kind: 'slow', ms: 11_000 });
    const { product, variant } = pick('101');
    const cart = session(); // the defaults: "still adding" after 10 s, given up after 30 s
    let wasSlow = false;
    const stop = cart.slow.subscribe((slow) => (wasSlow ||= slow));
    expect(await cart.add(product, variant, 1)).to.deep.equal({ status: 'added', quantityAdded: 1 });
    stop();
    expect(wasSlow).to.equal(true);
    expect(await writes()).to.deep.equal(['cart/add-item']);
    const items = (await storeCart()).items;
    expect(items.map((item) => [item.id, item.quantity])).to.deep.equal([[101, 1]]);
  });

  it('an answer that never comes after applying: no second add', async () => {
    await addFaults({ target: 'woo', path: 'cart/add-item', kind: 'hang', apply: true });
    const { product, variant } = pick('101');
    expect(await session(undefined, 1500).add(product, variant, 3)).to.deep.equal({ status: 'added', quantityAdded: 3 });
    expect(await writes()).to.deep.equal(['cart/add-item']);
    expect((await storeCart()).items_count).to.equal(3);
  });

  it('changes and removes lines, and follows WooCommerce Blocks cart events', async () => {
    const cart = session();
    cart.connect();
    await until(() => cart.cart.get() !== null);
    const { product, variant } = pick('101');
    await cart.add(product, variant, 1);
    const key = cart.cart.get()!.lines[0]!.key;
    expect((await cart.changeQuantity(key, 3))?.itemCount).to.equal(3);
    expect((await cart.changeQuantity(key, 0))?.itemCount).to.equal(0);

    // A Blocks "Add to cart" button elsewhere on the page.
    const nonce = (await fetch(`${STORE}cart`)).headers.get('nonce')!;
    await fetch(`${STORE}cart/add-item`, { method: 'POST', headers: { 'content-type': 'application/json', Nonce: nonce }, body: JSON.stringify({ id: 1021, quantity: 2 }) });
    document.body.dispatchEvent(new CustomEvent('wc-blocks_added_to_cart'));
    await until(() => cart.cart.get()?.itemCount === 2);
  });
});
