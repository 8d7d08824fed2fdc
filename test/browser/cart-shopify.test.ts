import '../support/browser-env.js';
import { expect } from '@open-wc/testing';
import { ShopifyCartAdapter } from '../../src/commerce/adapters/shopify.js';
import { createCartAdapter } from '../../src/commerce/adapters/index.js';
import { CartSession } from '../../src/commerce/cart-session.js';
import type { VitrineCartAddDetail, VitrineCartErrorDetail } from '../../src/commerce/events.js';
import type { Product, ProductVariant } from '../../src/commerce/product.js';
import { loadProducts } from '../../src/commerce/sources/index.js';
import { cartErrorMessage } from '../../src/i18n/cart.js';
import { cartText } from '../support/messages.js';
import { addFaults, captureWarnings, resetServers, serverState, SHOPIFY_ROOT, until } from '../support/commerce-browser.js';

const en = { language: 'en', tag: 'en' } as const;

let host: HTMLElement;
let products: Product[];
const sessions: CartSession[] = [];

function variant(handle: string, ...options: string[]): { product: Product; variant: ProductVariant } {
  const product = products.find((candidate) => candidate.handle === handle)!;
  return { product, variant: product.variants.find((candidate) => candidate.optionValues.join('/') === options.join('/'))! };
}

/** `timeoutMs` also sets how long an add is waited for (`giveUpMs`); the settle delay is short. */
function session(options: { timeoutMs?: number; sections?: string[]; navigate?: (url: string) => void } = {}): CartSession {
  const created = new CartSession(new ShopifyCartAdapter({ ...(options.sections ? { sections: options.sections } : {}), ...(options.navigate ? { navigate: options.navigate } : {}) }), {
    host,
    attribution: { show: 'spring-drop', creator: 'anna' },
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs, giveUpMs: options.timeoutMs } : {}),
    settleMs: 100,
  });
  sessions.push(created);
  return created;
}

async function shopCart(): Promise<{ item_count: number; items: { variant_id: number; quantity: number; properties: Record<string, string> }[] }> {
  return (await fetch(`${SHOPIFY_ROOT}cart.js`)).json();
}

const addRequests = async () => (await serverState()).requests.filter((request) => request.path === 'cart/add.js').length;

describe('cart="shopify"', () => {
  before(async () => {
    await resetServers();
    (window as { Shopify?: unknown }).Shopify = { routes: { root: SHOPIFY_ROOT } };
    products = await loadProducts('shopify:linen-overshirt,canvas-weekender,limited-print,wool-beanie,organic-tee', { host: document.body });
  });

  beforeEach(async () => {
    await resetServers();
    (window as { Shopify?: unknown }).Shopify = { routes: { root: SHOPIFY_ROOT } };
    host = document.createElement('div');
    document.body.append(host);
  });

  afterEach(() => {
    for (const created of sessions.splice(0)) created.disconnect();
    host.remove();
    delete (window as { Shopify?: unknown }).Shopify;
  });

  after(() => {
    delete (window as { Shopify?: unknown }).Shopify;
  });

  it('adds through the Ajax Cart API with the attribution as hidden line properties', async () => {
    const cart = session({ sections: ['cart-icon-bubble'] });
    const added: VitrineCartAddDetail[] = [];
    document.addEventListener('vitrine-cart-add', (event) => added.push(event.detail), { once: true });
    const { product, variant: chosen } = variant('linen-overshirt', 'M', 'Sand');
    const outcome = await cart.add(product, chosen, 2, { Engraving: 'A.B.' });
    expect(outcome).to.deep.equal({ status: 'added', quantityAdded: 2 });
    const line = (await shopCart()).items[0]!;
    expect(line).to.include({ variant_id: Number(chosen.id), quantity: 2 });
    expect(line.properties).to.deep.equal({ Engraving: 'A.B.', _vitrine_show: 'spring-drop', _vitrine_creator: 'anna' });
    expect(cart.cart.get()?.itemCount).to.equal(2);
    expect(cart.cart.get()?.lines[0]?.properties['_vitrine_show']).to.equal('spring-drop');
    expect(cart.cart.get()?.total).to.deep.equal({ amount: 17800, currency: 'EUR' });
    expect(added).to.have.length(1);
    expect(added[0]).to.include({ quantity: 2, quantityAdded: 2 });
    expect(added[0]!.attribution).to.deep.equal({ show: 'spring-drop', creator: 'anna' });
    expect(added[0]!.requestId).to.be.a('string').and.have.length.greaterThan(10);
    expect(added[0]!.sections?.['cart-icon-bubble']).to.contain('>2<');
  });

  it('422 sold out: fails with out_of_stock and a message for the shopper', async () => {
    const errors: VitrineCartErrorDetail[] = [];
    host.addEventListener('vitrine-cart-error', (event) => errors.push(event.detail));
    const { product, variant: chosen } = variant('limited-print', 'A3');
    const outcome = await session().add(product, chosen, 1);
    expect(outcome.status).to.equal('failed');
    if (outcome.status !== 'failed') return;
    expect(outcome.error.code).to.equal('out_of_stock');
    expect(cartErrorMessage(outcome.error, await cartText(en))).to.equal('Sorry, this is sold out.');
    expect(errors.map((error) => error.code)).to.deep.equal(['out_of_stock']);
    expect((await shopCart()).item_count).to.equal(0);
  });

  it('422 "Only N items were added": a partial add with the quantity that went in', async () => {
    const { product, variant: chosen } = variant('canvas-weekender', 'Black'); // 3 in stock
    const cart = session();
    const outcome = await cart.add(product, chosen, 5);
    expect(outcome.status).to.equal('partial');
    if (outcome.status !== 'partial') return;
    expect(outcome.quantityAdded).to.equal(3);
    expect(outcome.error.code).to.equal('insufficient_stock');
    expect(cartErrorMessage(outcome.error, await cartText(en))).to.equal('Only 3 could be added: that was all we had in stock.');
    expect((await shopCart()).item_count).to.equal(3);
    expect(cart.cart.get()?.itemCount).to.equal(3);

    const again = await cart.add(product, chosen, 1);
    expect(again.status === 'failed' && again.error.code).to.equal('quantity_limit');
  });

  it('the adapter alone (no cart read before) takes the partial quantity from Shopify\'s answer', async () => {
    const { product, variant: chosen } = variant('canvas-weekender', 'Black');
    let error: unknown;
    try {
      await new ShopifyCartAdapter().add({ product, variant: chosen, quantity: 4, properties: {} }, { signal: new AbortController().signal, requestId: 'r' });
    } catch (caught) {
      error = caught;
    }
    expect(error).to.include({ code: 'insufficient_stock', quantityAdded: 3 });
  });

  it('a slow shop (the add takes 11 s): waited for with "still adding", never sent twice, exactly one line', async function () {
    this.timeout(60_000);
    await addFaults({ target: 'shopify', path: 'cart/add.js', kind: 'slow', ms: 11_000 });
    const { product, variant: chosen } = variant('wool-beanie', 'Rust');
    const cart = session(); // the defaults: "still adding" after 10 s, given up after 30 s
    let wasSlow = false;
    const stop = cart.slow.subscribe((slow) => (wasSlow ||= slow));
    const outcome = await cart.add(product, chosen, 1);
    stop();
    expect(outcome).to.deep.equal({ status: 'added', quantityAdded: 1 });
    expect(wasSlow).to.equal(true);
    expect(cart.slow.get()).to.equal(false);
    expect(await addRequests()).to.equal(1);
    const lines = (await shopCart()).items;
    expect(lines.map((line) => [line.variant_id, line.quantity])).to.deep.equal([[Number(chosen.id), 1]]);
  });

  it('500 before the add applied: the cart shows nothing, but Shopify is not idempotent: unconfirmed, not sent again', async () => {
    await addFaults({ target: 'shopify', path: 'cart/add.js', kind: 'status', status: 500 });
    const { product, variant: chosen } = variant('wool-beanie', 'Rust');
    const outcome = await session().add(product, chosen, 1);
    expect(outcome.status === 'failed' && outcome.error.code).to.equal('unconfirmed');
    if (outcome.status !== 'failed') return;
    expect(cartErrorMessage(outcome.error, await cartText(en))).to.equal('We could not confirm the add. Check your cart before trying again.');
    expect(await addRequests()).to.equal(1);
    expect((await serverState()).shopify.addsApplied).to.equal(0);
  });

  it('500 after the add applied: the cart shows the line, so it counts as added, once', async () => {
    await addFaults({ target: 'shopify', path: 'cart/add.js', kind: 'status', status: 500, apply: true });
    const { product, variant: chosen } = variant('wool-beanie', 'Rust');
    const outcome = await session().add(product, chosen, 1);
    expect(outcome).to.deep.equal({ status: 'added', quantityAdded: 1 });
    expect(await addRequests()).to.equal(1);
    expect((await serverState()).shopify.addsApplied).to.equal(1);
  });

  it('an answer that never comes after the add applied: times out, sees the line, does not add again', async () => {
    await addFaults({ target: 'shopify', path: 'cart/add.js', kind: 'hang', apply: true });
    const { product, variant: chosen } = variant('wool-beanie', 'Forest');
    const cart = session({ timeoutMs: 1500 });
    const outcome = await cart.add(product, chosen, 2);
    expect(outcome).to.deep.equal({ status: 'added', quantityAdded: 2 });
    expect(await addRequests()).to.equal(1);
    expect((await serverState()).shopify.addsApplied).to.equal(1);
    expect((await shopCart()).item_count).to.equal(2);
    expect(cart.cart.get()?.itemCount).to.equal(2);
  });

  it('an answer that never comes and nothing applied: gives up, sees no line, does not send again (unconfirmed)', async () => {
    await addFaults({ target: 'shopify', path: 'cart/add.js', kind: 'hang' });
    const { product, variant: chosen } = variant('wool-beanie', 'Forest');
    const outcome = await session({ timeoutMs: 1500 }).add(product, chosen, 1);
    expect(outcome.status === 'failed' && outcome.error.code).to.equal('unconfirmed');
    expect(await addRequests()).to.equal(1);
    expect((await serverState()).shopify.addsApplied).to.equal(0);
  });

  it('malformed JSON after the add applied: reads the cart instead of adding again', async () => {
    await addFaults({ target: 'shopify', path: 'cart/add.js', kind: 'malformed', apply: true });
    const { product, variant: chosen } = variant('organic-tee', 'L', 'White');
    const outcome = await session().add(product, chosen, 1);
    expect(outcome).to.deep.equal({ status: 'added', quantityAdded: 1 });
    expect(await addRequests()).to.equal(1);
    expect((await shopCart()).item_count).to.equal(1);
  });

  it('429: rate_limited with the Retry-After seconds', async () => {
    await addFaults({ target: 'shopify', path: 'cart/add.js', kind: 'status', status: 429, headers: { 'retry-after': '7', 'content-type': 'application/json' } });
    const { product, variant: chosen } = variant('organic-tee', 'L', 'White');
    const outcome = await session().add(product, chosen, 1);
    expect(outcome.status).to.equal('failed');
    if (outcome.status !== 'failed') return;
    expect(outcome.error.code).to.equal('rate_limited');
    expect(outcome.error.retryAfter).to.equal(7);
    expect(cartErrorMessage(outcome.error, await cartText({ language: 'nl', tag: 'nl-NL' }))).to.equal('De winkel heeft het even druk. Probeer het over 7 seconden nog eens.');
  });

  it('uses the theme\'s configured storefront actions, and reads their userErrors', async () => {
    const calls: unknown[] = [];
    const updateCart = Object.assign(
      async (payload: { lines: { merchandiseId: string; quantity: number; attributes: { key: string; value: string }[] }[] }) => {
        calls.push(payload);
        const line = payload.lines[0]!;
        const id = Number(line.merchandiseId.split('/').pop());
        // A theme's handler: it posts to its own cart and refreshes its drawer.
        const response = await fetch(`${SHOPIFY_ROOT}cart/add.js`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ items: [{ id, quantity: line.quantity, properties: Object.fromEntries(line.attributes.map((a) => [a.key, a.value])) }] }),
        });
        if (response.status === 422) return { cart: null, userErrors: [{ code: 'MERCHANDISE_OUT_OF_STOCK', message: (await response.json()).description }], warnings: [] };
        return { cart: {}, userErrors: [], warnings: [] };
      },
      { isDefault: () => false },
    );
    (window as { Shopify?: unknown }).Shopify = { routes: { root: SHOPIFY_ROOT }, actions: { updateCart } };
    const { product, variant: chosen } = variant('linen-overshirt', 'S', 'Olive');
    const outcome = await session().add(product, chosen, 1);
    expect(outcome.status).to.equal('added');
    expect(calls).to.deep.equal([
      {
        lines: [
          {
            merchandiseId: `gid://shopify/ProductVariant/${chosen.id}`,
            quantity: 1,
            attributes: [
              { key: '_vitrine_show', value: 'spring-drop' },
              { key: '_vitrine_creator', value: 'anna' },
            ],
          },
        ],
      },
    ]);
    expect(await addRequests()).to.equal(1); // the action's own request only

    const soldOut = variant('limited-print', 'A2');
    const refused = await session().add(soldOut.product, soldOut.variant, 1);
    expect(refused.status === 'failed' && refused.error.code).to.equal('out_of_stock');
  });

  it('never uses the default storefront action (it may reload the page)', async () => {
    let called = false;
    const updateCart = Object.assign(async () => {
      called = true;
      return { cart: {}, userErrors: [] };
    }, { isDefault: () => true });
    (window as { Shopify?: unknown }).Shopify = { routes: { root: SHOPIFY_ROOT }, actions: { updateCart } };
    const { product, variant: chosen } = variant('wool-beanie', 'Rust');
    expect((await session().add(product, chosen, 1)).status).to.equal('added');
    expect(called).to.equal(false);
    expect(await addRequests()).to.equal(1);
  });

  it('follows the theme\'s own cart changes (shopify:cart:lines-update) and focus', async () => {
    const cart = session();
    cart.connect();
    await until(() => cart.cart.get() !== null);
    expect(cart.cart.get()?.itemCount).to.equal(0);
    const { variant: chosen } = variant('organic-tee', 'S', 'Stone');

    // The theme adds from its product form and announces it with the standard event.
    const themeAdd = fetch(`${SHOPIFY_ROOT}cart/add.js`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ items: [{ id: Number(chosen.id), quantity: 3 }] }) });
    document.dispatchEvent(Object.assign(new Event('shopify:cart:lines-update', { bubbles: true }), { action: 'add', context: 'product', lines: [], promise: themeAdd }));
    await until(() => cart.cart.get()?.itemCount === 3);

    // Another tab (or a theme without the event) changes the cart; coming back to the page reads it.
    await fetch(`${SHOPIFY_ROOT}cart/add.js`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ items: [{ id: Number(chosen.id), quantity: 1 }] }) });
    window.dispatchEvent(new Event('focus'));
    await until(() => cart.cart.get()?.itemCount === 4);

    cart.disconnect();
    await fetch(`${SHOPIFY_ROOT}cart/clear.js`, { method: 'POST' });
    window.dispatchEvent(new Event('focus'));
    await cart.refresh();
    expect(cart.cart.get()?.itemCount).to.equal(0); // an explicit refresh still works
  });

  it('changes a line quantity, opens the cart and checks out through the shop\'s pages', async () => {
    const visited: string[] = [];
    const cart = session({ navigate: (url) => visited.push(url) });
    const { product, variant: chosen } = variant('wool-beanie', 'Rust');
    await cart.add(product, chosen, 1);
    const key = cart.cart.get()!.lines[0]!.key;
    const changed = await cart.changeQuantity(key, 4);
    expect(changed?.itemCount).to.equal(4);
    expect(cart.cart.get()?.itemCount).to.equal(4);
    await cart.openCart();
    await cart.checkout();
    expect(visited).to.deep.equal([new URL(`${SHOPIFY_ROOT}cart`, location.href).href, new URL(`${SHOPIFY_ROOT}checkout`, location.href).href]);
  });

  it('createCartAdapter("shopify") loads the adapter on demand and reads cart-sections', async () => {
    host.setAttribute('cart-sections', 'cart-icon-bubble, cart-drawer');
    const adapter = createCartAdapter('shopify', host)!;
    const cart = new CartSession(adapter, { host, attribution: {} });
    sessions.push(cart);
    let sections: VitrineCartAddDetail['sections'];
    host.addEventListener('vitrine-cart-add', (event) => (sections = event.detail.sections), { once: true });
    const { product, variant: chosen } = variant('wool-beanie', 'Rust');
    expect((await cart.add(product, chosen, 1)).status).to.equal('added');
    expect(Object.keys(sections ?? {})).to.deep.equal(['cart-icon-bubble', 'cart-drawer']);
    const { warnings } = await captureWarnings(() => createCartAdapter('magento', host));
    expect(warnings[0]).to.contain('attribute "cart" must be one of shopify, woocommerce, events');
  });
});
