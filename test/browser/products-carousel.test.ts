import '../support/browser-env.js';
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/define/products.js';
import type { VitrineProducts } from '../../src/components/products/products.js';
import { manyProducts, shirt, simpleProduct } from './products-fixtures.js';

const cards = (el: VitrineProducts) => [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.card:not(.skeleton .card)')];
/** Index of the focused card (-1: none), so failures print a number rather than a DOM tree. */
const active = (el: VitrineProducts) => cards(el).indexOf(el.shadowRoot!.activeElement as HTMLButtonElement);

/** The text a screen reader reads for a card: its aria-labelledby targets, joined. */
function accessibleName(el: VitrineProducts, card: Element): string {
  return (card.getAttribute('aria-labelledby') ?? '')
    .split(' ')
    .map((id) => el.shadowRoot!.getElementById(id)?.textContent?.replace(/\s+/g, ' ').trim() ?? '')
    .filter(Boolean)
    .join(' | ');
}

async function carousel(products: unknown, attrs = 'locale="en"'): Promise<VitrineProducts> {
  const el = await fixture<VitrineProducts>(html`<div style="width: 800px"><vitrine-products></vitrine-products></div>`).then(
    (wrapper) => wrapper.querySelector('vitrine-products')!,
  );
  for (const [, name, value] of attrs.matchAll(/([\w-]+)="([^"]*)"/g)) el.setAttribute(name!, value!);
  el.products = products;
  await waitUntil(() => cards(el).length > 0, 'cards rendered');
  return el;
}

describe('<vitrine-products> carousel', () => {
  it('renders a labelled list of cards with image, title and price in the shop currency and locale', async () => {
    const el = await carousel([simpleProduct('tote', { title: 'Canvas tote', price: '19.99' })], 'locale="nl-NL"');
    const list = el.shadowRoot!.querySelector('[part="list"]')!;
    expect(list.getAttribute('role')).to.equal('list');
    expect(list.getAttribute('aria-label')).to.equal('Producten');
    expect(list.querySelectorAll(':scope > li')).to.have.length(1);
    const card = cards(el)[0]!;
    expect(card.querySelector('[part="title"]')!.textContent).to.equal('Canvas tote');
    expect(card.querySelector('.now')!.textContent!.replace(/\s/g, ' ')).to.equal('€ 19,99');
    const image = card.querySelector('img')!;
    expect(image.getAttribute('loading')).to.equal('lazy');
    expect(image.getAttribute('width')).to.equal('400');
    expect(image.getAttribute('height')).to.equal('400');
    expect(accessibleName(el, card)).to.equal('Canvas tote | Prijs € 19,99.');
  });

  it('shows compare-at price struck through, the discount, and reads the price as a sentence', async () => {
    const el = await carousel([shirt()]);
    const card = cards(el)[0]!;
    expect(card.querySelector('s.was')!.textContent).to.equal('€49.00');
    expect(card.querySelector('.badge.discount')!.textContent).to.equal('-20%');
    // Variants cost 39 or 45: "From".
    expect(card.querySelector('.now')!.textContent).to.equal('From €39.00');
    expect(accessibleName(el, card)).to.contain('From €39.00, was €49.00, 20% off.');
    expect(accessibleName(el, card)).to.contain('New');
  });

  it('badges sold-out and low-stock products, and pinned ones as live now', async () => {
    const el = await carousel([
      simpleProduct('gone', { available: false, stock: 0 }),
      simpleProduct('few', { stock: 3 }),
      simpleProduct('plenty', { stock: 50 }),
      simpleProduct('untracked'),
    ]);
    const [gone, few, plenty, untracked] = cards(el);
    expect(gone!.querySelector('.badge.sold-out')!.textContent).to.equal('Sold out');
    expect(gone!.classList.contains('sold-out')).to.equal(true);
    expect(few!.querySelector('.badge.low')!.textContent).to.equal('Only 3 left');
    expect(plenty!.querySelector('.badge.low')).to.equal(null);
    expect(untracked!.querySelector('.badge')).to.equal(null);

    el.pinned = ['plenty'];
    await el.updateComplete;
    expect(plenty!.classList.contains('live')).to.equal(true);
    expect(plenty!.getAttribute('part')).to.equal('card card-live');
    expect(accessibleName(el, plenty!)).to.contain('Live now');
    expect(el.pinned).to.deep.equal(['plenty']);
    el.pinned = [];
    await el.updateComplete;
    expect(plenty!.classList.contains('live')).to.equal(false);
  });

  it('renders hostile product text as text', async () => {
    const hostile = '<img src=x onerror="window.__pwned=1">';
    const el = await carousel([simpleProduct('x', { title: hostile, badges: [hostile] })]);
    const card = cards(el)[0]!;
    expect(card.querySelector('[part="title"]')!.textContent).to.equal(hostile);
    expect(card.querySelectorAll('img')).to.have.length(1);
    expect(card.querySelector('.badge')!.textContent).to.equal(hostile);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('asks Shopify\'s image CDN for a card-sized image, and leaves other URLs alone', async () => {
    const el = await carousel([
      simpleProduct('cdn', { images: ['https://cdn.shopify.com/s/files/1/0001/products/shirt.jpg?v=17'] }),
      simpleProduct('own', { images: ['https://images.example.com/shirt.jpg?v=17'] }),
    ]);
    const [cdn, own] = cards(el).map((card) => card.querySelector('img')!.getAttribute('src'));
    expect(cdn).to.equal('https://cdn.shopify.com/s/files/1/0001/products/shirt.jpg?v=17&width=160');
    expect(own).to.equal('https://images.example.com/shirt.jpg?v=17');
  });

  it('skips images that are not http(s)', async () => {
    const el = await carousel([simpleProduct('x', { images: [{ url: 'javascript:alert(1)', alt: '' }] })]);
    expect(cards(el)[0]!.querySelector('img')).to.equal(null);
  });

  it('moves focus with arrow keys, Home and End (one tab stop)', async () => {
    const el = await carousel(manyProducts(12));
    const all = cards(el);
    expect(all.filter((card) => card.tabIndex === 0)).to.have.length(1);
    all[0]!.focus();
    const press = async (key: string) => {
      (el.shadowRoot!.activeElement as HTMLElement).dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true }));
      await el.updateComplete;
    };
    await press('ArrowRight');
    expect(active(el)).to.equal(1);
    expect(all[1]!.tabIndex).to.equal(0);
    expect(all[0]!.tabIndex).to.equal(-1);
    await press('End');
    expect(active(el)).to.equal(11);
    await press('ArrowRight');
    expect(active(el)).to.equal(11);
    await press('Home');
    expect(active(el)).to.equal(0);
    await press('ArrowLeft');
    expect(active(el)).to.equal(0);
  });

  it('reverses arrow keys right-to-left', async () => {
    const el = await carousel(manyProducts(3));
    el.dir = 'rtl';
    const all = cards(el);
    all[0]!.focus();
    all[0]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft', bubbles: true, composed: true, cancelable: true }));
    await el.updateComplete;
    expect(active(el)).to.equal(1);
  });

  it('announces opening a product with a cancelable vitrine-product-open event', async () => {
    const el = await carousel([shirt()]);
    setTimeout(() => cards(el)[0]!.click());
    const event = await oneEvent(el, 'vitrine-product-open');
    expect(event.detail.product.id).to.equal('shirt');
    expect(event.cancelable).to.equal(true);
    expect(event.composed).to.equal(true);
  });

  it('keeps 200 cards cheap: a first batch at once, the rest in small tasks; lazy images with a size; off-screen cards skipped', async () => {
    const el = await fixture<VitrineProducts>(html`<vitrine-products locale="en"></vitrine-products>`);
    el.products = manyProducts(200);
    await el.updateComplete;
    // The first render is small; the rest arrive in later tasks.
    expect(cards(el)).to.have.length(8);
    await waitUntil(() => cards(el).length === 200, 'all cards rendered');
    const item = el.shadowRoot!.querySelector('li')!;
    expect(getComputedStyle(item).contentVisibility).to.equal('auto');
    const far = cards(el)[150]!.querySelector('img')!;
    expect(far.getAttribute('loading')).to.equal('lazy');
    expect(far.getAttribute('width')).to.equal('400');
    expect(far.complete && far.naturalWidth > 0).to.equal(false);
  });

  it('shows the previous / next buttons only where there is somewhere to go, without a scroll listener', async () => {
    const el = await carousel(manyProducts(200));
    const root = el.shadowRoot!;
    const back = root.querySelector<HTMLButtonElement>('.scroll.back')!;
    const forward = root.querySelector<HTMLButtonElement>('.scroll.forward')!;
    await waitUntil(() => back.hidden && !forward.hidden, 'at the start: only "next"');
    await waitUntil(() => cards(el).length === 200, 'all cards rendered');
    const list = root.querySelector<HTMLElement>('[part="list"]')!;
    list.scrollLeft = list.scrollWidth;
    await waitUntil(() => !back.hidden && forward.hidden, 'at the end: only "previous"');
    list.scrollLeft = list.scrollWidth / 2;
    await waitUntil(() => !back.hidden && !forward.hidden, 'in the middle: both');
    const middle = list.scrollLeft;
    const scrolled = new Promise((resolve) => list.addEventListener('scrollend', resolve, { once: true }));
    forward.click();
    await scrolled;
    expect(list.scrollLeft, 'the "next" button scrolls on').to.be.greaterThan(middle);
    list.scrollLeft = 0;
    await waitUntil(() => back.hidden && !forward.hidden, 'back at the start');

    // Moved elsewhere in the page: the buttons still follow the scroll.
    const elsewhere = document.createElement('div');
    elsewhere.style.width = '800px';
    document.body.append(elsewhere);
    elsewhere.append(el);
    const moved = root.querySelector<HTMLElement>('[part="list"]')!;
    moved.scrollLeft = moved.scrollWidth;
    await waitUntil(() => !back.hidden && forward.hidden, 'moved, at the end: only "previous"');
    moved.scrollLeft = 0;
    await waitUntil(() => back.hidden && !forward.hidden, 'moved, back at the start');

    // A list cut down to its first card: that card is now the last one too, and no button shows.
    el.products = manyProducts(200).slice(0, 1);
    await waitUntil(() => cards(el).length === 1, 'one card left');
    await waitUntil(() => back.hidden && forward.hidden, 'cut to one card: no buttons');
    elsewhere.remove();

    const one = await carousel([simpleProduct('solo')]);
    const buttons = [...one.shadowRoot!.querySelectorAll<HTMLButtonElement>('.scroll')];
    await waitUntil(() => buttons.every((button) => button.hidden), 'one card: no buttons');
  });

  it('reports each product once as it comes into view, however often it scrolls past', async () => {
    const el = await fixture<VitrineProducts>(html`<div style="width: 800px"><vitrine-products locale="en"></vitrine-products></div>`).then(
      (wrapper) => wrapper.querySelector('vitrine-products')!,
    );
    const seen: number[] = [];
    el.addEventListener('vitrine-impression', (event) => seen.push(event.detail.index));
    el.products = manyProducts(40);
    await waitUntil(() => seen.includes(0), 'the first card seen');
    await waitUntil(() => cards(el).length === 40, 'all cards rendered');
    const list = el.shadowRoot!.querySelector<HTMLElement>('[part="list"]')!;
    const frames = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    list.scrollLeft = list.scrollWidth;
    await waitUntil(() => seen.includes(39), 'the last card seen');
    list.scrollLeft = 0;
    await frames();
    list.scrollLeft = list.scrollWidth;
    await frames();
    expect(seen.length, 'each index once').to.equal(new Set(seen).size);
    expect(seen).to.not.include(20); // scrolled past in one jump, never in view
  });

  it('goes to the last of 200 cards with End, even before all are rendered', async () => {
    const el = await carousel(manyProducts(200));
    const first = cards(el)[0]!;
    first.focus();
    first.dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true, composed: true, cancelable: true }));
    await waitUntil(() => active(el) === 199, 'last card focused');
    expect(cards(el)[199]!.querySelector('[part="title"]')!.textContent).to.equal('Product number 199');
  });
});
