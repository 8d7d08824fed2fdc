import '../support/browser-env.js';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/define/products.js';
import type { VitrineProducts } from '../../src/components/products/products.js';
import { addFaults, resetServers, serverState, SHOPIFY_ROOT } from '../support/commerce-browser.js';

// The overlay with the real Shopify adapter and cart session, against the Shopify Ajax API test
// server: what the shopper sees for each answer the shop can give.

const text = (root: ShadowRoot, selector: string) => root.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const status = (root: ShadowRoot) => text(root, '.result[role="status"]');
const alert = (root: ShadowRoot) => text(root, '.result[role="alert"]');
const addButton = (root: ShadowRoot) => root.querySelector<HTMLButtonElement>('[part="add-button"]')!;

interface ShopCart {
  item_count: number;
  items: { variant_id: number; quantity: number; properties: Record<string, string> }[];
}
const shopCart = async (): Promise<ShopCart> => (await fetch(`${SHOPIFY_ROOT}cart.js`)).json();

/** A carousel on the Shopify test shop with the product `handle` opened in its overlay. */
async function open(handle: string): Promise<{ carousel: VitrineProducts; root: ShadowRoot; pick(axis: number, value: string): Promise<void> }> {
  const carousel = await fixture<VitrineProducts>(
    html`<vitrine-products locale="en" products=${`shopify:${handle}`} cart="shopify" show="spring-drop" creator="anna"></vitrine-products>`,
  );
  await waitUntil(() => carousel.shadowRoot!.querySelector('.list:not(.skeleton) .card'), 'products loaded', { timeout: 10_000 });
  carousel.shadowRoot!.querySelector<HTMLButtonElement>('.card')!.click();
  await waitUntil(() => carousel.shadowRoot!.querySelector('vitrine-product-overlay')?.open, 'overlay open');
  const overlay = carousel.shadowRoot!.querySelector('vitrine-product-overlay')!;
  const root = overlay.shadowRoot!;
  return {
    carousel,
    root,
    async pick(axis, value) {
      root.querySelector<HTMLInputElement>(`input[name="axis-${axis}"][value="${value}"]`)!.click();
      await overlay.updateComplete;
    },
  };
}

async function setQuantity(root: ShadowRoot, quantity: number): Promise<void> {
  const input = root.querySelector<HTMLInputElement>('.quantity input')!;
  input.value = String(quantity);
  input.dispatchEvent(new Event('change'));
  await (root.host as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
}

describe('overlay with cart="shopify" (Ajax Cart API test server)', () => {
  beforeEach(async () => {
    await resetServers();
    (window as { Shopify?: unknown }).Shopify = { routes: { root: SHOPIFY_ROOT } };
  });
  afterEach(() => {
    delete (window as { Shopify?: unknown }).Shopify;
  });

  it('adds the chosen variant with its attribution', async () => {
    const { root, pick } = await open('wool-beanie');
    await pick(0, 'Rust');
    addButton(root).click();
    await waitUntil(() => status(root) !== '', 'added', { timeout: 10_000 });
    expect(status(root)).to.equal('Added to your cart.');
    const cart = await shopCart();
    expect(cart.item_count).to.equal(1);
    expect(cart.items[0]!.properties).to.deep.include({ _vitrine_show: 'spring-drop', _vitrine_creator: 'anna' });
  });

  it('shows a 422 sold-out answer clearly, and nothing is added', async () => {
    await addFaults({
      target: 'shopify',
      path: 'cart/add.js',
      kind: 'status',
      status: 422,
      body: { status: 422, message: 'Cart Error', description: "The product 'Wool beanie - Rust' is already sold out." },
    });
    const { root, pick } = await open('wool-beanie');
    await pick(0, 'Rust');
    addButton(root).click();
    await waitUntil(() => alert(root) !== '', 'failed', { timeout: 10_000 });
    expect(alert(root)).to.equal('Sorry, this is sold out.');
    expect(root.querySelector('[part="view-cart-button"]')).to.equal(null);
    expect((await shopCart()).item_count).to.equal(0);
  });

  it('shows a partial add ("Only 3 items were added"): how many went in, and the way to the cart', async () => {
    const { root, pick } = await open('canvas-weekender');
    await pick(0, 'Black'); // 3 in stock; Shopify's product JSON does not say so
    await setQuantity(root, 5);
    addButton(root).click();
    await waitUntil(() => status(root) !== '', 'partial', { timeout: 10_000 });
    expect(status(root)).to.equal('Only 3 could be added: that was all we had in stock.');
    expect(root.querySelector('.result.partial')).to.not.equal(null);
    expect(root.querySelector('[part="view-cart-button"]')).to.not.equal(null);
    expect((await shopCart()).item_count).to.equal(3);
    // The cart now holds all the stock the shop has: the next add says so.
    addButton(root).click();
    await waitUntil(() => alert(root) !== '', 'limit', { timeout: 10_000 });
    expect(alert(root)).to.equal('You already have the maximum quantity of this item in your cart.');
  });

  it('a 500: "could not confirm", with the way to the cart and a retry by hand that adds once', async () => {
    await addFaults({ target: 'shopify', path: 'cart/add.js', kind: 'status', status: 500 });
    const { root, pick } = await open('wool-beanie');
    await pick(0, 'Rust');
    addButton(root).click();
    await waitUntil(() => alert(root) !== '', 'failed', { timeout: 15_000 });
    expect(alert(root)).to.equal('We could not confirm the add. Check your cart before trying again.');
    expect(root.querySelector('[part="view-cart-button"]')).to.not.equal(null);
    expect((await serverState()).shopify.addsApplied).to.equal(0);
    root.querySelector<HTMLButtonElement>('[part="retry-button"]')!.click();
    await waitUntil(() => status(root) !== '', 'added', { timeout: 10_000 });
    expect(alert(root)).to.equal('');
    expect((await serverState()).shopify.addsApplied).to.equal(1);
  });

  it('a slow shop (the add takes 11 s): says "still adding", then added, and the cart has exactly one line', async function () {
    this.timeout(60_000);
    await addFaults({ target: 'shopify', path: 'cart/add.js', kind: 'slow', ms: 11_000 });
    const { root, pick } = await open('wool-beanie');
    await pick(0, 'Rust');
    addButton(root).click();
    await waitUntil(() => status(root) === 'Still adding… the shop is slow to answer.', 'still adding', { timeout: 20_000 });
    expect(addButton(root).getAttribute('aria-busy')).to.equal('true');
    await waitUntil(() => status(root) === 'Added to your cart.', 'added', { timeout: 30_000 });
    const cart = await shopCart();
    expect(cart.items.map((line) => line.quantity)).to.deep.equal([1]);
    expect((await serverState()).requests.filter((request) => request.path === 'cart/add.js')).to.have.length(1);
  });

  it('disables a product that is sold out everywhere', async () => {
    const { root } = await open('limited-print');
    expect(text(root, '[part="stock"]')).to.equal('Sold out');
    expect(addButton(root).getAttribute('aria-disabled')).to.equal('true');
    const sizes = [...root.querySelectorAll<HTMLInputElement>('input[name="axis-0"]')];
    expect(sizes.map((input) => input.closest('label')!.textContent!.replace(/\s+/g, ' ').trim())).to.deep.equal(['A3, sold out', 'A2, sold out']);
  });
});
