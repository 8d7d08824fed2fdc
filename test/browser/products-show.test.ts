import '../support/browser-env.js';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/define/show.js';
import { VitrineShow } from '../../src/components/show/show.js';
import { memoryCart, shirt, simpleProduct } from './products-fixtures.js';

const box = (element: Element) => {
  const rect = element.getBoundingClientRect();
  return { width: rect.width, height: rect.height };
};

async function loadedShow(setup: (show: VitrineShow) => void, attributes = 'locale="en"') {
  const container = await fixture<HTMLElement>(html`<div style="width: 720px"></div>`);
  const show = document.createElement('vitrine-show');
  show.setAttribute('loading', 'interaction');
  for (const [, name, value] of attributes.matchAll(/([\w-]+)="([^"]*)"/g)) show.setAttribute(name!, value!);
  setup(show);
  container.append(show);
  const facade = box(show);
  const view = (await show.load())!;
  await view.updateComplete;
  const root = show.shadowRoot!;
  const products = root.querySelector('vitrine-products')!;
  return { show, view, root, products, facade };
}

describe('<vitrine-show> with products and a cart', () => {
  it('reserves the video and the product strip before it loads, so nothing shifts', async () => {
    const { show, root, products, facade } = await loadedShow((s) => (s.products = [shirt()]));
    expect(facade.height).to.be.closeTo(720 * (9 / 16) + 124, 1);
    await waitUntil(() => products.shadowRoot?.querySelector('.card'), 'cards rendered');
    expect(box(show)).to.deep.equal(facade);
    expect(box(root.querySelector('.stage')!).height).to.be.closeTo(720 * (9 / 16), 1);
    expect(box(products).height).to.equal(124);
  });

  it('reserves the strip for a products attribute too, and nothing without products', async () => {
    const container = await fixture<HTMLElement>(html`<div style="width: 640px">
      <vitrine-show loading="interaction" products="/test-feeds/two"></vitrine-show>
      <vitrine-show loading="interaction"></vitrine-show>
    </div>`);
    const [withProducts, without] = [...container.querySelectorAll('vitrine-show')];
    expect(withProducts!.shadowRoot!.querySelector('[part="products-placeholder"]')).to.not.equal(null);
    expect(box(withProducts!).height).to.be.closeTo(360 + 124, 1);
    expect(box(without!).height).to.be.closeTo(360, 1);
    await without!.load();
    expect(without!.shadowRoot!.querySelector('vitrine-products')).to.equal(null);
    expect(box(without!).height).to.be.closeTo(360, 1);
  });

  it('hands the products and the cart adapter set before loading to the widget', async () => {
    const cart = memoryCart();
    cart.changeElsewhere({ key: 'k', productId: 'x', variantId: 'x1', title: 'X', quantity: 2, properties: {} });
    const { root, products } = await loadedShow((s) => {
      s.products = [shirt(), simpleProduct('tote')];
      s.cartAdapter = cart;
    });
    await waitUntil(() => products.shadowRoot?.querySelectorAll('.card').length === 2, 'cards rendered');
    await waitUntil(() => root.querySelector('[part="cart-button"]'), 'cart button');
    await waitUntil(() => root.querySelector('[part="cart-button"]')!.getAttribute('aria-label') === 'Cart, 2 items', 'cart read');
    expect(root.querySelector('[part="cart-button"] .count')!.textContent).to.equal('2');
  });

  it('takes products and a cart adapter set before the element was defined', async () => {
    const early = document.createElement('vitrine-show-early') as VitrineShow;
    early.products = [shirt()];
    early.cartAdapter = memoryCart();
    customElements.define('vitrine-show-early', class extends VitrineShow {});
    expect(early.products).to.have.length(1);
    expect(early.cartAdapter).to.not.equal(undefined);
  });

  it('opens the overlay over the video, makes the rest of the widget inert, and returns focus to the card', async () => {
    const cart = memoryCart();
    const { root, products } = await loadedShow(
      (s) => {
        s.products = [shirt()];
        s.cartAdapter = cart;
      },
      'locale="en" show="spring-drop" creator="anna"',
    );
    await waitUntil(() => products.shadowRoot?.querySelector('.card'), 'card');
    const card = products.shadowRoot!.querySelector<HTMLButtonElement>('.card')!;
    card.focus();
    await sendKeys({ press: 'Enter' });
    const overlay = root.querySelector('vitrine-product-overlay')!;
    await waitUntil(() => overlay.open, 'overlay open');
    const dialog = overlay.shadowRoot!.querySelector('dialog')!;
    // Over the widget, not the page: not page-modal, covering the show's box.
    expect(dialog.open).to.equal(true);
    expect(dialog.matches(':modal')).to.equal(false);
    expect(box(overlay)).to.deep.equal(box(root.host));
    // The video, the products and the chat sit in the layout box, made inert as a whole.
    expect(root.querySelector('.stage')!.closest('[inert]')).to.not.equal(null);
    expect(products.closest('[inert]')).to.not.equal(null);

    overlay.shadowRoot!.querySelector<HTMLButtonElement>('[part="add-button"]')!.click();
    await waitUntil(() => cart.lines.length === 1, 'added');
    expect(Object.values(cart.lines[0]!.properties)).to.include.members(['spring-drop', 'anna']);
    await waitUntil(() => root.querySelector('[part="cart-button"]')!.getAttribute('aria-label') === 'Cart, 1 item', 'badge follows the cart');

    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !overlay.open, 'closed');
    expect(root.querySelector('.stage')!.closest('[inert]')).to.equal(null);
    expect(products.closest('[inert]')).to.equal(null);
    expect(products.shadowRoot!.activeElement === card).to.equal(true);
  });

  it('follows cart changes made elsewhere on the page', async () => {
    const cart = memoryCart();
    const { root, view } = await loadedShow((s) => {
      s.products = [shirt()];
      s.cartAdapter = cart;
    }, 'locale="fr"');
    await waitUntil(() => root.querySelector('[part="cart-button"]')?.getAttribute('aria-label') === 'Panier, 0 article', 'empty cart');
    // Let the session's first reads finish, so the change below is the newest news.
    await view.commerce.session!.refresh();
    cart.changeElsewhere({ key: 'k', productId: 'x', variantId: 'x1', title: 'X', quantity: 3, properties: {} });
    await waitUntil(() => root.querySelector('[part="cart-button"]')!.getAttribute('aria-label') === 'Panier, 3 articles', 'cart followed');
  });

  it('reads the cart again when the shopper comes back to the page (focus)', async () => {
    const cart = memoryCart();
    const { root, view } = await loadedShow((s) => {
      s.products = [shirt()];
      s.cartAdapter = cart;
    });
    await waitUntil(() => root.querySelector('[part="cart-button"]')?.getAttribute('aria-label') === 'Cart, 0 items', 'empty cart');
    await view.commerce.session!.refresh();
    // Changed in another tab: no event reaches this page, only the shopper's return.
    cart.lines.push({ key: 'k', productId: 'x', variantId: 'x1', title: 'X', quantity: 1, properties: {} });
    window.dispatchEvent(new Event('focus'));
    await waitUntil(() => root.querySelector('[part="cart-button"]')!.getAttribute('aria-label') === 'Cart, 1 item', 'cart read on focus');
  });

  it('opens the shop cart from the cart button', async () => {
    const cart = memoryCart();
    const { root } = await loadedShow((s) => {
      s.products = [shirt()];
      s.cartAdapter = cart;
    });
    await waitUntil(() => root.querySelector('[part="cart-button"]'), 'cart button');
    root.querySelector<HTMLButtonElement>('[part="cart-button"]')!.click();
    expect(cart.opened).to.equal(1);
  });

  it('switches products when the property changes after loading', async () => {
    const { show, products } = await loadedShow((s) => (s.products = [shirt()]));
    await waitUntil(() => products.shadowRoot?.querySelectorAll('.card').length === 1);
    show.products = [simpleProduct('a'), simpleProduct('b'), simpleProduct('c')];
    await waitUntil(() => products.shadowRoot!.querySelectorAll('.card').length === 3, 'new products');
  });
});
