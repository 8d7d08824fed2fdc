import '../support/browser-env.js';
import { expect } from '@open-wc/testing';
import { createCartAdapter } from '../../src/commerce/adapters/index.js';
import { EventsCartAdapter } from '../../src/commerce/adapters/events.js';
import { CartSession } from '../../src/commerce/cart-session.js';
import { CartError, type Cart } from '../../src/commerce/cart.js';
import type { CartAddRequestDetail, VitrineCartRequestDetail } from '../../src/commerce/events.js';
import { productsFromData } from '../../src/commerce/sources/index.js';
import { cartErrorMessage } from '../../src/i18n/cart.js';
import { cartText } from '../support/messages.js';

const [product] = productsFromData([{ id: 'mug', title: 'Mug', currency: 'EUR', price: '12.00', stock: 4 }], { host: null });
const variant = product!.variants[0]!;
const nl = { language: 'nl', tag: 'nl-NL' } as const;

/** The merchant's page: a tiny cart answering vitrine-cart-request events. */
function merchantCart(options: { answerAdds?: 'now' | 'never' | 'apply-then-never' | 'apply-one-then-never'; answerGets?: boolean } = {}) {
  const lines: { key: string; variantId: string; quantity: number; properties: Record<string, string> }[] = [];
  const seen: VitrineCartRequestDetail[] = [];
  const cart = (): Cart => ({ itemCount: lines.reduce((sum, line) => sum + line.quantity, 0), lines: lines.map((line) => ({ ...line, productId: 'mug', title: 'Mug' })) });
  const listener = (event: CustomEvent<VitrineCartRequestDetail>) => {
    const detail = event.detail;
    seen.push(detail);
    if (detail.action === 'get') {
      if (options.answerGets === false) return;
      event.preventDefault();
      detail.respond(cart());
      return;
    }
    if (detail.action !== 'add') return;
    event.preventDefault();
    const mode = options.answerAdds ?? 'now';
    if (mode === 'never') return;
    lines.push({ key: String(lines.length + 1), variantId: detail.line.variant.id, quantity: mode === 'apply-one-then-never' ? 1 : detail.line.quantity, properties: { ...detail.line.properties } });
    if (mode === 'apply-then-never' || mode === 'apply-one-then-never') return;
    // Answer asynchronously, as a real backend call would.
    setTimeout(() => detail.respond({ quantityAdded: detail.line.quantity, cart: cart() }), 5);
  };
  document.addEventListener('vitrine-cart-request', listener);
  return { seen, lines, stop: () => document.removeEventListener('vitrine-cart-request', listener) };
}

describe('cart="events"', () => {
  let host: HTMLElement;
  const cleanups: (() => void)[] = [];

  beforeEach(() => {
    host = document.createElement('div');
    document.body.append(host);
  });

  afterEach(() => {
    for (const cleanup of cleanups.splice(0)) cleanup();
    host.remove();
  });

  function session(timeoutMs?: number): CartSession {
    const created = new CartSession(createCartAdapter('events', host)!, { host, attribution: { show: 'show-42', creator: 'kim' }, settleMs: 100, ...(timeoutMs ? { timeoutMs, giveUpMs: timeoutMs } : {}) });
    cleanups.push(() => created.disconnect());
    return created;
  }

  it('asks the page with a cancelable request carrying the line, attribution and request id', async () => {
    const merchant = merchantCart();
    cleanups.push(merchant.stop);
    const outcome = await session().add(product!, variant, 2, { Gift: 'yes' });
    expect(outcome).to.deep.equal({ status: 'added', quantityAdded: 2 });
    const add = merchant.seen.find((detail): detail is CartAddRequestDetail => detail.action === 'add')!;
    expect(add.line.quantity).to.equal(2);
    expect(add.line.variant.id).to.equal('mug');
    expect(add.line.properties).to.deep.equal({ Gift: 'yes', _vitrine_show: 'show-42', _vitrine_creator: 'kim' });
    expect(add.attribution).to.deep.equal({ show: 'show-42', creator: 'kim' });
    expect(add.requestId).to.be.a('string');
  });

  it('passes a CartError from the page to the shopper message', async () => {
    const listener = (event: CustomEvent<VitrineCartRequestDetail>) => {
      if (event.detail.action !== 'add') return;
      event.preventDefault();
      event.detail.reject({ code: 'out_of_stock', message: 'Gone' });
    };
    document.addEventListener('vitrine-cart-request', listener);
    cleanups.push(() => document.removeEventListener('vitrine-cart-request', listener));
    const outcome = await session().add(product!, variant, 1);
    expect(outcome.status).to.equal('failed');
    if (outcome.status !== 'failed') return;
    expect(outcome.error).to.be.instanceOf(CartError);
    expect(outcome.error.code).to.equal('out_of_stock');
    expect(cartErrorMessage(outcome.error, await cartText(nl))).to.equal('Sorry, dit is uitverkocht.');
  });

  it('a partial answer is a partial add', async () => {
    const listener = (event: CustomEvent<VitrineCartRequestDetail>) => {
      if (event.detail.action !== 'add') return;
      event.preventDefault();
      event.detail.respond({ quantityAdded: 1 });
    };
    document.addEventListener('vitrine-cart-request', listener);
    cleanups.push(() => document.removeEventListener('vitrine-cart-request', listener));
    const outcome = await session().add(product!, variant, 3);
    expect(outcome.status === 'partial' && outcome.quantityAdded).to.equal(1);
  });

  it('nobody listening: fails at once with a message that says how to answer', async () => {
    const started = performance.now();
    const outcome = await new CartSession(new EventsCartAdapter(host), { host, attribution: {}, timeoutMs: 20_000 }).add(product!, variant, 1);
    expect(performance.now() - started).to.be.below(5_000);
    expect(outcome.status).to.equal('failed');
    if (outcome.status !== 'failed') return;
    expect(outcome.error.code).to.equal('unknown');
    expect(outcome.error.message).to.contain('event.preventDefault()');
  });

  it('taken but never answered: times out into a clear error, asking once only', async () => {
    const merchant = merchantCart({ answerAdds: 'never', answerGets: false });
    cleanups.push(merchant.stop);
    const outcome = await session(1500).add(product!, variant, 1);
    expect(outcome.status).to.equal('failed');
    if (outcome.status !== 'failed') return;
    expect(outcome.error.code).to.equal('unconfirmed');
    expect(outcome.error.message).to.contain('did not answer within 1500 ms');
    // Without a way to read the cart the add cannot be checked, so it is not sent again.
    expect(merchant.seen.filter((detail) => detail.action === 'add')).to.have.length(1);
  });

  it('an add the page applied but never confirmed is found in the cart, not sent again', async () => {
    const merchant = merchantCart({ answerAdds: 'apply-then-never' });
    cleanups.push(merchant.stop);
    const outcome = await session(1500).add(product!, variant, 2);
    expect(outcome).to.deep.equal({ status: 'added', quantityAdded: 2 });
    expect(merchant.seen.filter((detail) => detail.action === 'add')).to.have.length(1);
    expect(merchant.lines).to.have.length(1);
  });

  it('part of an add found in the cart after a lost answer is "unconfirmed", not "all we had in stock"', async () => {
    const merchant = merchantCart({ answerAdds: 'apply-one-then-never' });
    cleanups.push(merchant.stop);
    const outcome = await session(1500).add(product!, variant, 3);
    expect(outcome.status === 'partial' && outcome.quantityAdded).to.equal(1);
    if (outcome.status !== 'partial') return;
    expect(outcome.error.code).to.equal('unconfirmed');
    expect(outcome.error.maybeApplied).to.equal(true);
    expect(cartErrorMessage(outcome.error, await cartText({ language: 'en', tag: 'en' }))).to.not.contain('stock');
    expect(merchant.seen.filter((detail) => detail.action === 'add')).to.have.length(1);
  });

  it('an open or checkout the page takes but never answers is done: no navigation behind its back', async () => {
    const actions: string[] = [];
    const listener = (event: CustomEvent<VitrineCartRequestDetail>) => {
      const detail = event.detail;
      actions.push(detail.action);
      event.preventDefault();
      if (detail.action === 'get') detail.respond({ itemCount: 0, lines: [], cartUrl: 'https://shop.example/cart', checkoutUrl: 'https://shop.example/checkout' });
      // open / checkout: the page shows its own drawer and never calls respond().
    };
    document.addEventListener('vitrine-cart-request', listener);
    cleanups.push(() => document.removeEventListener('vitrine-cart-request', listener));
    const visited: string[] = [];
    const warnings: unknown[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args[0]);
    try {
      const created = new CartSession(new EventsCartAdapter(host, { timeoutMs: 300 }), { host, attribution: {}, navigate: (url) => visited.push(url) });
      cleanups.push(() => created.disconnect());
      await created.openCart();
      await created.checkout();
    } finally {
      console.warn = original;
    }
    expect(actions.filter((action) => action === 'open' || action === 'checkout')).to.deep.equal(['open', 'checkout']);
    expect(visited).to.deep.equal([]);
    expect(warnings).to.deep.equal([]);
  });

  it('an open the page rejects goes to the cart URL instead', async () => {
    const listener = (event: CustomEvent<VitrineCartRequestDetail>) => {
      const detail = event.detail;
      event.preventDefault();
      if (detail.action === 'get') detail.respond({ itemCount: 0, lines: [], cartUrl: 'https://shop.example/cart' });
      else if (detail.action === 'open') setTimeout(() => detail.reject({ code: 'unknown', message: 'no drawer on this page' }), 5);
    };
    document.addEventListener('vitrine-cart-request', listener);
    cleanups.push(() => document.removeEventListener('vitrine-cart-request', listener));
    const visited: string[] = [];
    const original = console.warn;
    console.warn = () => {};
    try {
      const created = new CartSession(new EventsCartAdapter(host, { timeoutMs: 2000 }), { host, attribution: {}, navigate: (url) => visited.push(url) });
      cleanups.push(() => created.disconnect());
      await created.openCart();
    } finally {
      console.warn = original;
    }
    expect(visited).to.deep.equal(['https://shop.example/cart']);
  });

  it('an add that never reached the page cart is sent once more with the same request id', async () => {
    let adds = 0;
    const ids: string[] = [];
    const listener = (event: CustomEvent<VitrineCartRequestDetail>) => {
      const detail = event.detail;
      event.preventDefault();
      if (detail.action === 'get') detail.respond({ itemCount: 0, lines: [] });
      else if (detail.action === 'add') {
        adds += 1;
        ids.push(detail.requestId);
        if (adds > 1) detail.respond(undefined);
      }
    };
    document.addEventListener('vitrine-cart-request', listener);
    cleanups.push(() => document.removeEventListener('vitrine-cart-request', listener));
    const outcome = await session(1500).add(product!, variant, 1);
    expect(outcome.status).to.equal('added');
    expect(adds).to.equal(2);
    expect(ids[0]).to.equal(ids[1]);
  });
});
