// Analytics of <vitrine-show> in Chromium: typed DOM events, GA4 ecommerce pushes to
// window.dataLayer, beacons to a real live server (with the creator), and consent: with
// consent="pending" nothing is stored or sent until the page calls grantConsent().
import '../support/browser-env.js';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/define/show.js';
import type { VitrineShow } from '../../src/components/show/show.js';
import type { ShowView } from '../../src/components/show/show-view.js';
import type { Cart, CartAdapter, CartLine } from '../../src/commerce/cart.js';
import type { TrackEvent } from '../../src/live/protocol.js';
import { freshShow, live, type StartedServer } from './chat-support.js';
import { simpleProduct } from './products-fixtures.js';

const until = (predicate: () => unknown, message: string, timeout = 15_000): Promise<void> => waitUntil(predicate, message, { timeout });

let server: StartedServer;
before(async () => {
  server = await live<StartedServer>({ action: 'start' });
});
after(async () => {
  await live({ action: 'stop', id: server.id });
});

type Layer = { dataLayer?: unknown[] };
const dataLayer = (): unknown[] => (window as Layer).dataLayer ?? [];
const beacons = (show: string) => live<TrackEvent[]>({ action: 'beacons', id: server.id, show });
const vitrineKeys = (): string[] => Object.keys(localStorage).filter((key) => key.startsWith('vitrine:'));

const PRODUCTS = [
  simpleProduct('tee', { title: 'Organic tee', brand: 'Atelier', price: '25.00' }),
  simpleProduct('cap', { title: 'Canvas cap', price: '19.50' }),
];

/** A merchant cart in memory whose lines carry prices and a total (as Shopify's do). */
function pricedCart(): CartAdapter & { checkedOut: number } {
  const lines: CartLine[] = [];
  const cart = (): Cart => ({
    itemCount: lines.reduce((sum, line) => sum + line.quantity, 0),
    lines: [...lines],
    total: { amount: lines.reduce((sum, line) => sum + line.price!.amount * line.quantity, 0), currency: 'EUR' },
  });
  const adapter = {
    checkedOut: 0,
    async add(line) {
      lines.push({ key: `k${lines.length}`, productId: line.product.id, variantId: line.variant.id, title: line.product.title, quantity: line.quantity, price: line.variant.price, properties: line.properties });
      return { quantityAdded: line.quantity, cart: cart() };
    },
    async getCart() {
      return cart();
    },
    checkout() {
      adapter.checkedOut += 1;
    },
  } satisfies CartAdapter & { checkedOut: number };
  return adapter;
}

async function mountShow(attributes: Record<string, string>): Promise<{ show: VitrineShow; view: ShowView; cart: ReturnType<typeof pricedCart> }> {
  const container = await fixture<HTMLElement>(html`<div style="width: 720px"></div>`);
  const show = document.createElement('vitrine-show');
  show.setAttribute('loading', 'interaction');
  show.setAttribute('locale', 'en');
  for (const [name, value] of Object.entries(attributes)) show.setAttribute(name, value);
  const cart = pricedCart();
  show.products = PRODUCTS;
  show.cartAdapter = cart;
  container.append(show);
  const view = (await show.load())!;
  await view.updateComplete;
  return { show, view, cart };
}

const products = (show: VitrineShow) => show.shadowRoot!.querySelector('vitrine-products')!;
const overlay = (show: VitrineShow) => show.shadowRoot!.querySelector('vitrine-product-overlay')!;

async function openProduct(show: VitrineShow, index: number): Promise<void> {
  await until(() => products(show).shadowRoot?.querySelectorAll('.card').length === 2, 'cards rendered');
  products(show).shadowRoot!.querySelectorAll<HTMLButtonElement>('.card')[index]!.click();
  await until(() => overlay(show).open && overlay(show).shadowRoot!.querySelector('[part="add-button"]'), 'overlay open');
}

/** Closes the overlay and waits for its dialog's `close` event (reopening before it fires would be undone by it). */
async function closeOverlay(show: VitrineShow): Promise<void> {
  const dialog = overlay(show).shadowRoot!.querySelector('dialog')!;
  const closed = new Promise((resolve) => dialog.addEventListener('close', resolve, { once: true }));
  overlay(show).close();
  await closed;
}

async function addAndCheckout(show: VitrineShow): Promise<void> {
  overlay(show).shadowRoot!.querySelector<HTMLButtonElement>('[part="add-button"]')!.click();
  await until(() => overlay(show).shadowRoot!.querySelector('[part="checkout-button"]'), 'added');
  overlay(show).shadowRoot!.querySelector<HTMLButtonElement>('[part="checkout-button"]')!.click();
}

function record(types: readonly string[]): { type: string; detail: unknown; target: EventTarget | null }[] {
  const seen: { type: string; detail: unknown; target: EventTarget | null }[] = [];
  for (const type of types) document.addEventListener(type, (event) => seen.push({ type, detail: (event as CustomEvent).detail, target: event.target }));
  return seen;
}

beforeEach(() => {
  delete (window as Layer).dataLayer;
  localStorage.clear();
});

describe('<vitrine-show> analytics', () => {
  it('fires typed, bubbling, composed events and pushes GA4 ecommerce events to the dataLayer', async () => {
    const seen = record(['vitrine-impression', 'vitrine-product-view', 'vitrine-cart-add', 'vitrine-checkout']);
    const { show, cart } = await mountShow({ show: 'spring', creator: 'anna', analytics: 'datalayer' });
    await until(() => seen.filter((e) => e.type === 'vitrine-impression').length === 2, 'two impressions');
    const impressions = seen.filter((e) => e.type === 'vitrine-impression');
    expect(impressions.map((e) => (e.detail as { product: { id: string }; index: number }).product.id)).to.deep.equal(['tee', 'cap']);
    expect(impressions.map((e) => (e.detail as { index: number }).index)).to.deep.equal([0, 1]);
    expect(impressions.every((e) => e.target === show)).to.equal(true); // composed: out of the shadow roots

    await openProduct(show, 0);
    expect(seen.filter((e) => e.type === 'vitrine-product-view').map((e) => (e.detail as { product: { id: string } }).product.id)).to.deep.equal(['tee']);
    expect(dataLayer()).to.deep.equal([
      { ecommerce: null },
      {
        event: 'view_item',
        ecommerce: { currency: 'EUR', value: 25, items: [{ item_id: 'tee', item_name: 'Organic tee', item_brand: 'Atelier', price: 25, quantity: 1 }] },
        vitrine_show: 'spring',
        vitrine_creator: 'anna',
      },
    ]);

    await addAndCheckout(show);
    await until(() => cart.checkedOut === 1, 'handed over to checkout');
    expect(seen.map((e) => e.type).filter((t) => t !== 'vitrine-impression')).to.deep.equal(['vitrine-product-view', 'vitrine-cart-add', 'vitrine-checkout']);
    expect(dataLayer().slice(2)).to.deep.equal([
      { ecommerce: null },
      {
        event: 'add_to_cart',
        ecommerce: { currency: 'EUR', value: 25, items: [{ item_id: 'tee', item_name: 'Organic tee', item_brand: 'Atelier', item_variant: 'Organic tee', price: 25, quantity: 1 }] },
        vitrine_show: 'spring',
        vitrine_creator: 'anna',
      },
      { ecommerce: null },
      {
        event: 'begin_checkout',
        ecommerce: { currency: 'EUR', value: 25, items: [{ item_id: 'tee', item_name: 'Organic tee', price: 25, quantity: 1 }] },
        vitrine_show: 'spring',
        vitrine_creator: 'anna',
      },
    ]);
  });

  it('pushes nothing to the dataLayer without analytics="datalayer"', async () => {
    const { show } = await mountShow({ show: 'spring' });
    await openProduct(show, 1);
    expect(dataLayer()).to.deep.equal([]);
  });

  it('sends batched beacons with the creator to the live server', async () => {
    const id = freshShow('beacons');
    const { show } = await mountShow({ 'live-server': server.url, show: id, creator: 'anna' });
    await openProduct(show, 1);
    await addAndCheckout(show);
    await until(async () => (await beacons(id)).some((e) => e.type === 'checkout'), 'the checkout beacon', 20_000);
    const sent = await beacons(id);
    const summary = sent.map((e) => [e.type, e.productId ?? null]);
    expect(summary).to.have.deep.members([
      ['impression', 'tee'],
      ['impression', 'cap'],
      ['overlay_open', 'cap'],
      ['add_to_cart', 'cap'],
      ['checkout', null],
    ]);
    expect(sent.every((e) => e.creator === 'anna' && typeof e.at === 'number')).to.equal(true);
    expect(sent.find((e) => e.type === 'add_to_cart')).to.include({ quantity: 1 }).and.deep.include({ value: { amount: 1950, currency: 'EUR' } });
    expect(sent.find((e) => e.type === 'checkout')!.value).to.deep.equal({ amount: 1950, currency: 'EUR' });
  });

  it('with consent="pending" stores and sends nothing until grantConsent()', async () => {
    const id = freshShow('consent');
    const seen = record(['vitrine-cart-add']);
    const { show, view } = await mountShow({ 'live-server': server.url, show: id, creator: 'anna', analytics: 'datalayer', consent: 'pending' });
    await until(() => view.live.connection?.store.status.get() === 'connected', 'chat connected');
    await openProduct(show, 0);
    await addAndCheckout(show);
    await until(() => seen.length === 1, 'the add happened (DOM events still fire)');
    expect(vitrineKeys()).to.deep.equal([]); // the chat identity lives in memory only
    expect(dataLayer()).to.deep.equal([]);

    show.grantConsent();
    expect(show.getAttribute('consent')).to.equal('granted');
    await until(() => vitrineKeys().includes('vitrine:viewer'), 'the identity is kept now');
    // The same viewer key the connection uses (so limits and bans still follow the viewer).
    await openProduct(show, 1);
    await until(async () => (await beacons(id)).length > 0, 'a beacon after consent', 20_000);
    // Beacons travel in order on one socket: anything sent before consent would have come first.
    expect((await beacons(id)).map((e) => [e.type, e.productId])).to.deep.equal([['overlay_open', 'cap']]);
    expect(dataLayer()).to.have.length(2);
    expect(dataLayer()[1]).to.deep.include({ event: 'view_item' });
  });

  it('with analytics="none" sends nothing, and says so once for a bad consent value', async () => {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(' '));
    try {
      const id = freshShow('none');
      const { show, view } = await mountShow({ 'live-server': server.url, show: id, analytics: 'none' });
      await until(() => view.live.connection?.store.status.get() === 'connected', 'chat connected');
      await openProduct(show, 0);
      await closeOverlay(show);
      show.setAttribute('analytics', 'datalayer');
      show.setAttribute('consent', 'maybe');
      await openProduct(show, 1);
      await closeOverlay(show);
      expect(dataLayer()).to.deep.equal([]);
      expect(warnings.filter((w) => w.includes('attribute "consent"'))).to.have.length(1);
      show.setAttribute('consent', 'granted');
      await openProduct(show, 0);
      await until(async () => (await beacons(id)).length > 0, 'the first beacon', 20_000);
      expect((await beacons(id)).map((e) => e.type)).to.deep.equal(['overlay_open']);
      expect(vitrineKeys()).to.include('vitrine:viewer');
    } finally {
      console.warn = warn;
    }
  });

  it('reports watch progress from playback time actually watched', async () => {
    const { show, view } = await mountShow({});
    const seen = record(['vitrine-watch-progress']);
    const player = view.stores.player;
    player.live.set(false);
    player.duration.set(100);
    player.paused.set(false);
    for (let time = 0; time <= 12; time += 0.5) player.currentTime.set(time);
    expect(seen.map((e) => e.detail)).to.deep.equal([{ seconds: 10, percent: 10 }]);
    expect(seen[0]!.target).to.equal(show);
    // A seek ahead and time while paused do not count.
    player.currentTime.set(80);
    player.paused.set(true);
    for (let time = 80; time <= 95; time += 0.5) player.currentTime.set(time);
    player.paused.set(false);
    for (let time = 95; time <= 100; time += 0.5) player.currentTime.set(time);
    expect(seen).to.have.length(1);
    player.live.set(true);
    player.duration.set(Infinity);
    for (let time = 100; time <= 120; time += 0.5) player.currentTime.set(time);
    expect(seen.map((e) => e.detail)).to.deep.equal([
      { seconds: 10, percent: 10 },
      { seconds: 30, percent: null },
    ]);
  });
});
