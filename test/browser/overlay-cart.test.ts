import '../support/browser-env.js';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/define/products.js';
import { CartError, type CartAddResult } from '../../src/commerce/cart.js';
import { cartErrorMessage } from '../../src/i18n/cart.js';
import { cartText } from '../support/messages.js';
import { resolveLocale } from '../../src/i18n/locale.js';
import { memoryCart, openFromCarousel, shirt, simpleProduct } from './products-fixtures.js';

const text = (root: ShadowRoot, selector: string) => root.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const addButton = (root: ShadowRoot) => root.querySelector<HTMLButtonElement>('[part="add-button"]')!;
const status = (root: ShadowRoot) => text(root, '.result[role="status"]');
const alert = (root: ShadowRoot) => text(root, '.result[role="alert"]');

/** A promise the test settles by hand: a cart answer that comes when the test says so. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Uncaught errors and unhandled rejections reaching the page while `run` runs. */
async function pageErrors(run: () => Promise<void>): Promise<unknown[]> {
  const errors: unknown[] = [];
  const onError = (event: ErrorEvent) => errors.push(event.error ?? event.message);
  const onRejection = (event: PromiseRejectionEvent) => errors.push(event.reason);
  addEventListener('error', onError);
  addEventListener('unhandledrejection', onRejection);
  try {
    await run();
    // Let any stray rejection surface.
    await new Promise((resolve) => setTimeout(resolve, 50));
  } finally {
    removeEventListener('error', onError);
    removeEventListener('unhandledrejection', onRejection);
  }
  return errors;
}

describe('overlay add to cart', () => {
  it('shows pending while a slow cart answers, then added, with view cart and checkout', async () => {
    const cart = memoryCart();
    const answer = deferred<CartAddResult>();
    cart.answer = () => answer.promise;
    const container = await fixture<HTMLElement>(html`<div></div>`);
    const { root, overlay } = await openFromCarousel(container, [shirt()], cart, { locale: 'en', show: 'spring-drop', creator: 'anna' });
    root.querySelector<HTMLButtonElement>('.quantity button[aria-label="One more"]')!.click();
    await overlay.updateComplete;
    addButton(root).click();
    await waitUntil(() => addButton(root).getAttribute('aria-busy') === 'true', 'pending');
    expect(text(root, '[part="add-button"]')).to.equal('Adding…');
    expect(addButton(root).getAttribute('aria-disabled')).to.equal('true');
    expect(text(root, '.sr-only[aria-live]')).to.equal('Adding to your cart…');
    // A second press while pending does not add twice.
    addButton(root).click();
    expect(cart.requests).to.have.length(1);

    const request = cart.requests[0]!;
    expect(request.variant.id).to.equal('shirt-s-red-regular');
    expect(request.quantity).to.equal(2);
    expect(Object.values(request.properties)).to.include.members(['spring-drop', 'anna']);

    answer.resolve({ quantityAdded: 2 });
    await waitUntil(() => status(root) !== '', 'added');
    expect(status(root)).to.equal('2 added to your cart.');
    expect(addButton(root).getAttribute('aria-busy')).to.equal('false');
    expect(text(root, '[part="add-button"]')).to.equal('Add to cart');

    root.querySelector<HTMLButtonElement>('[part="view-cart-button"]')!.click();
    expect(cart.opened).to.equal(1);
    expect(overlay.open).to.equal(false);
  });

  it('hands checkout to the shop', async () => {
    const cart = memoryCart();
    const container = await fixture<HTMLElement>(html`<div></div>`);
    const { root, overlay } = await openFromCarousel(container, [simpleProduct('tote')], cart);
    addButton(root).click();
    await waitUntil(() => root.querySelector('[part="checkout-button"]'), 'added');
    root.querySelector<HTMLButtonElement>('[part="checkout-button"]')!.click();
    expect(cart.checkedOut).to.equal(1);
    expect(overlay.open).to.equal(false);
  });

  it('shows an out-of-stock answer as a clear, translated error', async () => {
    const cart = memoryCart();
    const error = new CartError('out_of_stock', 'The product is already sold out.');
    cart.answer = () => Promise.reject(error);
    const container = await fixture<HTMLElement>(html`<div></div>`);
    const { root } = await openFromCarousel(container, [shirt()], cart, { locale: 'nl' });
    addButton(root).click();
    await waitUntil(() => alert(root) !== '', 'failed');
    expect(alert(root)).to.equal(cartErrorMessage(error, await cartText(resolveLocale('nl'))));
    expect(status(root)).to.equal('');
    expect(root.querySelector('[part="view-cart-button"]')).to.equal(null);
    // The add button stays usable to try again.
    expect(addButton(root).getAttribute('aria-disabled')).to.equal('false');
  });

  it('shows a partial add: how many were added, why not all, and the way to the cart', async () => {
    const cart = memoryCart();
    const error = new CartError('insufficient_stock', 'Only 1 item was added.', { quantityAdded: 1 });
    cart.answer = () => Promise.reject(error);
    const container = await fixture<HTMLElement>(html`<div></div>`);
    const { root, overlay } = await openFromCarousel(container, [shirt()], cart);
    root.querySelector<HTMLButtonElement>('.quantity button[aria-label="One more"]')!.click();
    await overlay.updateComplete;
    addButton(root).click();
    await waitUntil(() => status(root) !== '', 'partial');
    expect(status(root)).to.equal('Only 1 could be added: that was all we had in stock.');
    expect(root.querySelector('.result.partial')).to.not.equal(null);
    expect(root.querySelector('[part="view-cart-button"]')).to.not.equal(null);
  });

  it('shows the message of a custom adapter that throws a plain Error, and nothing reaches the page', async () => {
    const cart = memoryCart();
    cart.answer = () => {
      throw new Error('Our cart service is down for maintenance');
    };
    const container = await fixture<HTMLElement>(html`<div></div>`);
    const errors = await pageErrors(async () => {
      const { root } = await openFromCarousel(container, [shirt()], cart);
      addButton(root).click();
      await waitUntil(() => alert(root) !== '', 'failed');
      expect(alert(root)).to.equal(cartErrorMessage(CartError.from(new Error('Our cart service is down for maintenance')), await cartText(resolveLocale('en'))));
    });
    expect(errors).to.deep.equal([]);
  });

  it('counts what the cart already holds against the stock', async () => {
    const cart = memoryCart();
    const container = await fixture<HTMLElement>(html`<div></div>`);
    const { root, overlay } = await openFromCarousel(container, [shirt()], cart);
    // L / Red / Regular: 2 in stock.
    root.querySelector<HTMLInputElement>('input[name="axis-0"][value="L"]')!.click();
    await overlay.updateComplete;
    root.querySelector<HTMLButtonElement>('.quantity button[aria-label="One more"]')!.click();
    await overlay.updateComplete;
    addButton(root).click();
    await waitUntil(() => status(root) !== '', 'added');
    await waitUntil(() => text(root, '[part="stock"]') === 'All available stock is already in your cart.', 'stock used up');
    expect(addButton(root).getAttribute('aria-disabled')).to.equal('true');
  });

  it('shows no add button without a cart', async () => {
    const container = await fixture<HTMLElement>(html`<div></div>`);
    const { root } = await openFromCarousel(container, [shirt()], undefined);
    expect(root.querySelector('[part="add-button"]')).to.equal(null);
    expect(root.querySelector('fieldset')).to.not.equal(null);
  });
});

describe('overlay with hostile product data', () => {
  it('links only to http(s) product pages, in a new tab', async () => {
    const container = await fixture<HTMLElement>(html`<div></div>`);
    const { root } = await openFromCarousel(container, [simpleProduct('bad', { url: 'javascript:alert(1)' })], memoryCart());
    expect(root.querySelector('a')).to.equal(null);
    const good = await openFromCarousel(container, [simpleProduct('good', { url: 'https://shop.example.com/products/good' })], memoryCart());
    const link = good.root.querySelector<HTMLAnchorElement>('[part="details-link"]')!;
    expect(link.href).to.equal('https://shop.example.com/products/good');
    expect(link.target).to.equal('_blank');
    expect(link.rel).to.contain('noopener');
  });

  it('renders an HTML description sanitised: no script, no handlers, no javascript: links', async () => {
    const hostile =
      '<p>Soft <b>linen</b><img src=x onerror="window.__pwned=1"></p><script>window.__pwned=2</script>' +
      '<a href="javascript:window.__pwned=3">click</a><a href="https://shop.example.com/size-guide">Size guide</a>' +
      '<p style="color:red" onclick="window.__pwned=4">styled</p><form><input name=q></form>';
    const product = simpleProduct('desc', { title: '<img src=x onerror="window.__pwned=5">', descriptionHtml: hostile });
    const container = await fixture<HTMLElement>(html`<div></div>`);
    const { root } = await openFromCarousel(container, [product], memoryCart());
    // Folded until opened (the sanitiser loads then).
    expect(root.querySelector('[part="description"]')).to.equal(null);
    root.querySelector<HTMLElement>('[part="about"] summary')!.click();
    await waitUntil(() => root.querySelector('[part="description"]'), 'description rendered');
    const description = root.querySelector('[part="description"]')!;
    expect(description.querySelector('b')!.textContent).to.equal('linen');
    expect(description.querySelector('script, form, input, [onerror], [onclick], [style]')).to.equal(null);
    const links = [...description.querySelectorAll('a')];
    expect(links[0]!.hasAttribute('href')).to.equal(false);
    expect(links[1]!.getAttribute('href')).to.equal('https://shop.example.com/size-guide');
    expect(links[1]!.target).to.equal('_blank');
    expect(text(root, 'h2')).to.equal('<img src=x onerror="window.__pwned=5">');
    await new Promise((resolve) => requestAnimationFrame(resolve));
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('keeps a plain-text description as text', async () => {
    const product = simpleProduct('plain', { description: '<b>not bold</b>\nsecond line' });
    const container = await fixture<HTMLElement>(html`<div></div>`);
    const { root } = await openFromCarousel(container, [product], memoryCart());
    expect(root.querySelector('[part="about"] summary')!.textContent).to.equal('Description');
    root.querySelector<HTMLElement>('[part="about"] summary')!.click();
    await waitUntil(() => root.querySelector('[part="description"]'), 'description rendered');
    const description = root.querySelector('[part="description"]')!;
    expect(description.textContent).to.equal('<b>not bold</b>second line');
    expect(description.querySelector('b')).to.equal(null);
    expect(description.querySelectorAll('p br')).to.have.length(1);
  });
});
