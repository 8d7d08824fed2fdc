// <vitrine-studio> in Chromium against a real live server (with its pins and offers): refused without a staff token, and with one
// it pins, runs offers stamped with its preview's stream time, pins chat messages and shows the
// figures the server sends.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/define/studio.js';
import '../../src/define/chat.js';
import type { VitrineStudio } from '../../src/components/studio/studio.js';
import type { VitrineChat } from '../../src/components/chat/chat.js';
import type { VitrinePlayer } from '../../src/components/player/player.js';
import type { ContractCall } from '../support/wtr-live.js';
import type { TrackEvent } from '../../src/live/protocol.js';
import { freshShow, live, messageTexts, resetIdentity, type StartedServer } from './chat-support.js';
import { simpleProduct } from './products-fixtures.js';

/** Waits for a state; generous, because the machine is shared and CI has two cores. */
const until = (predicate: () => unknown, message: string, timeout = 15_000): Promise<void> => waitUntil(predicate, message, { timeout });

let server: StartedServer;
before(async () => {
  server = await live<StartedServer>({ action: 'start', options: { figuresIntervalMs: 200, viewerIntervalMs: 200 } });
});
after(async () => {
  await live({ action: 'stop', id: server.id });
});

const root = (studio: VitrineStudio): ShadowRoot => studio.shadowRoot!;
const refusal = (studio: VitrineStudio): string => root(studio).querySelector('[part="refusal"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const row = (studio: VitrineStudio, id: string): HTMLElement | null => root(studio).querySelector(`[data-product-id="${id}"]`);
const button = (studio: VitrineStudio, id: string, part: string): HTMLButtonElement => row(studio, id)!.querySelector<HTMLButtonElement>(`[part="${part}"]`)!;
const figure = (scope: ParentNode, name: string): string => scope.querySelector(`[data-figure="${name}"]`)?.textContent?.trim() ?? '';
const calls = (show: string) => live<ContractCall[]>({ action: 'calls', id: server.id, show });

const PRODUCTS = [
  simpleProduct('tee', { title: 'Organic tee', price: '25.00' }),
  simpleProduct('beanie', { title: 'Wool beanie', price: '19.00' }),
  simpleProduct('runner', { title: 'Trail runner', price: '89.00' }),
  simpleProduct('print', { title: 'Limited print', price: '45.00' }),
];

async function mountStudio(show: string, token: string | null, extra: { src?: string; locale?: string } = {}): Promise<VitrineStudio> {
  const studio = await fixture<VitrineStudio>(html`<vitrine-studio
    live-server=${server.url}
    show=${show}
    token=${token ?? ''}
    src=${extra.src ?? ''}
    locale=${extra.locale ?? 'en'}
    .products=${PRODUCTS}
  ></vitrine-studio>`);
  return studio;
}

async function connectedStudio(show: string, extra: { src?: string } = {}): Promise<VitrineStudio> {
  const token = await live<string>({ action: 'token', id: server.id, show, role: 'host', as: 'Studio host' });
  const studio = await mountStudio(show, token, extra);
  await until(() => studio.connection?.store.status.get() === 'connected', 'studio connected');
  await until(() => row(studio, 'tee'), 'products listed');
  return studio;
}

describe('<vitrine-studio> refuses anyone but staff', () => {
  let warnings: string[] = [];
  const warn = console.warn;
  beforeEach(() => {
    warnings = [];
    console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(' '));
  });
  afterEach(() => {
    console.warn = warn;
  });

  it('without a token: a clear message, no connection, nothing else', async () => {
    const show = freshShow('studio');
    const studio = await mountStudio(show, null);
    expect(refusal(studio)).to.contain('needs a host or moderator token');
    expect(root(studio).querySelector('[role="alert"]')).to.exist;
    expect(root(studio).querySelector('vitrine-player, vitrine-chat, [part="products"]')).to.equal(null);
    expect(studio.connection).to.equal(null);
    expect(await live<number>({ action: 'clients', id: server.id, show })).to.equal(0);
    expect(warnings.some((w) => w.includes('<vitrine-studio>') && w.includes('host or moderator token'))).to.equal(true);
  });

  it('with a viewer token: refused before it joins the show', async () => {
    const show = freshShow('studio');
    const token = await live<string>({ action: 'token', id: server.id, show, role: 'viewer', as: 'Vera' });
    const studio = await mountStudio(show, token);
    expect(refusal(studio)).to.contain('belongs to a viewer');
    expect(studio.connection).to.equal(null);
    expect(await live<number>({ action: 'clients', id: server.id, show })).to.equal(0);
  });

  it('with an expired token: says so', async () => {
    const show = freshShow('studio');
    const token = await live<string>({ action: 'bad-token', id: server.id, show, kind: 'expired' });
    const studio = await mountStudio(show, token, { locale: 'nl' });
    expect(refusal(studio)).to.contain('Dit token is verlopen');
  });

  it('with a forged token or one for another show: the server refuses, the studio says so', async () => {
    const show = freshShow('studio');
    const forged = await live<string>({ action: 'bad-token', id: server.id, show, kind: 'forged' });
    const studio = await mountStudio(show, forged);
    await until(() => refusal(studio) !== '', 'refused by the server');
    expect(refusal(studio)).to.contain('was not accepted');
    const otherShow = await live<string>({ action: 'token', id: server.id, show: freshShow('other'), role: 'host' });
    studio.token = otherShow;
    await studio.updateComplete;
    expect(refusal(studio)).to.equal(''); // a new token is tried
    await until(() => refusal(studio) !== '', 'refused again');
    expect(refusal(studio)).to.contain('was not accepted');
    expect(await live<number>({ action: 'clients', id: server.id, show })).to.equal(0);
    // A staff token opens it.
    studio.token = await live<string>({ action: 'token', id: server.id, show, role: 'moderator' });
    await until(() => studio.connection?.store.status.get() === 'connected', 'connected with a moderator token');
    expect(refusal(studio)).to.equal('');
  });

  it('in French', async () => {
    const studio = await mountStudio(freshShow('studio'), null, { locale: 'fr' });
    expect(refusal(studio)).to.contain('jeton d’animateur ou de modérateur');
  });
});

describe('<vitrine-studio> for a host', () => {
  beforeEach(() => resetIdentity('Anna'));

  it('pins and unpins at the preview\'s stream time, at most three, as the contract names it', async () => {
    const show = freshShow('studio');
    const studio = await connectedStudio(show, { src: `/hls/live/${show}/master.m3u8` });
    const player = root(studio).querySelector<VitrinePlayer>('vitrine-player')!;
    expect(player.hasAttribute('muted')).to.equal(true);
    await until(() => player.streamTime !== null, 'the preview knows its stream time', 20_000);

    const before = player.streamTime!.getTime();
    button(studio, 'tee', 'pin-button').click();
    await until(async () => (await calls(show)).length === 1, 'pin:set received');
    const after = player.streamTime!.getTime();
    const [pinCall] = await calls(show);
    expect(pinCall!.event).to.equal('pin:set');
    expect(pinCall!.role).to.equal('host');
    const pinPayload = pinCall!.payload as { productId: string; at: number };
    expect(Object.keys(pinPayload).sort()).to.deep.equal(['at', 'productId']);
    expect(pinPayload.productId).to.equal('tee');
    expect(pinPayload.at).to.be.within(before, after);
    await until(() => button(studio, 'tee', 'pin-button').getAttribute('aria-pressed') === 'true', 'shown as pinned');
    expect(row(studio, 'tee')!.getAttribute('part')).to.equal('product pinned');
    expect(button(studio, 'tee', 'pin-button').getAttribute('aria-label')).to.equal('Unpin Organic tee');
    await until(() => root(studio).querySelector('[role="status"].sr-only')?.textContent?.includes('Pinned: Organic tee'), 'announced');

    for (const id of ['beanie', 'runner']) {
      button(studio, id, 'pin-button').click();
      await until(() => button(studio, id, 'pin-button').getAttribute('aria-pressed') === 'true', `${id} pinned`);
    }
    expect(root(studio).querySelector('#products-title')!.textContent).to.contain('3 of 3 pinned');
    // A fourth is not sent: the row says why.
    const fourth = button(studio, 'print', 'pin-button');
    expect(fourth.getAttribute('aria-disabled')).to.equal('true');
    fourth.click();
    await studio.updateComplete;
    expect(row(studio, 'print')!.querySelector('[role="alert"]')!.textContent).to.contain('at most 3');
    expect((await calls(show)).length).to.equal(3);

    button(studio, 'beanie', 'pin-button').click();
    await until(async () => (await calls(show)).length === 4, 'pin:clear received');
    const clear = (await calls(show))[3]!;
    expect(clear.event).to.equal('pin:clear');
    expect((clear.payload as { productId: string }).productId).to.equal('beanie');
    expect(typeof (clear.payload as { at: number }).at).to.equal('number');
    await until(() => button(studio, 'print', 'pin-button').getAttribute('aria-disabled') === 'false', 'room for another pin');

    // What is pinned survives a reload of the studio (the snapshot's pin timeline).
    const token = studio.token;
    studio.remove();
    const again = await mountStudio(show, token);
    await until(() => row(again, 'tee') && button(again, 'runner', 'pin-button').getAttribute('aria-pressed') === 'true', 'pins from the snapshot');
    expect(button(again, 'tee', 'pin-button').getAttribute('aria-pressed')).to.equal('true');
    expect(button(again, 'beanie', 'pin-button').getAttribute('aria-pressed')).to.equal('false');
  });

  it('says why when the server refuses a pin the studio thought had room (pin_limit)', async () => {
    const show = freshShow('studio');
    const studio = await connectedStudio(show);
    // Another producer's three pins reached the server, not yet this studio.
    await live({ action: 'pin-unseen', id: server.id, show, products: ['beanie', 'runner', 'print'] });
    button(studio, 'tee', 'pin-button').click();
    await until(() => row(studio, 'tee')!.querySelector('[role="alert"]'), 'the row says why');
    expect(row(studio, 'tee')!.querySelector('[role="alert"]')!.textContent).to.contain('at most 3');
    expect(button(studio, 'tee', 'pin-button').getAttribute('aria-pressed')).to.equal('false');
    expect((await calls(show)).map((call) => call.event)).to.deep.equal(['pin:set']);
  });

  it('starts an offer from a checked form, shows units left live, and stops it', async () => {
    const show = freshShow('studio');
    const studio = await connectedStudio(show);
    const open = button(studio, 'runner', 'offer-button');
    open.click();
    await studio.updateComplete;
    expect(open.getAttribute('aria-expanded')).to.equal('true');
    const form = row(studio, 'runner')!.querySelector<HTMLFormElement>('[part="offer-form"]')!;
    const input = (name: string) => form.querySelector<HTMLInputElement>(`[name="${name}"]`)!;
    await until(() => root(studio).activeElement === input('price'), 'focus in the price field');

    // Invalid: no price, then a price above the regular one, units and minutes out of range.
    form.requestSubmit();
    await studio.updateComplete;
    expect(input('price').getAttribute('aria-invalid')).to.equal('true');
    expect(form.querySelector('#' + input('price').getAttribute('aria-describedby'))!.textContent).to.contain('Enter the offer price');
    input('price').value = '95';
    input('quantity').value = '0';
    input('minutes').value = '1.5';
    form.requestSubmit();
    await studio.updateComplete;
    expect(form.textContent).to.contain('lower than the regular price (€89.00)');
    expect(input('quantity').getAttribute('aria-invalid')).to.equal('true');
    expect(input('minutes').getAttribute('aria-invalid')).to.equal('true');
    expect((await calls(show)).length).to.equal(0);

    input('price').value = '59,50';
    input('quantity').value = '30';
    input('minutes').value = '5';
    form.requestSubmit();
    await until(async () => (await calls(show)).length === 1, 'offer:start received');
    const [start] = await calls(show);
    expect(start!.event).to.equal('offer:start');
    expect(start!.payload).to.deep.equal({ productId: 'runner', price: { amount: 5950, currency: 'EUR' }, quantity: 30, durationSeconds: 300, at: null });
    await until(() => row(studio, 'runner')!.querySelector('[part="offer"]'), 'offer shown');
    const state = () => row(studio, 'runner')!.querySelector('[part="offer"]')!.textContent!;
    expect(state()).to.match(/Offer €59\.50: 30 of 30 left, [45]:\d\d to go/);
    await until(() => root(studio).activeElement === button(studio, 'runner', 'stop-offer-button'), 'focus on the stop button');

    await live({ action: 'offer-stock', id: server.id, show, remaining: 12 });
    await until(() => state().includes('12 of 30 left'), 'units left, live');
    // An older update arriving late (nodes' updates can cross) never turns the count back.
    const shown: string[] = [];
    const watch = new MutationObserver(() => shown.push(state()));
    watch.observe(row(studio, 'runner')!, { subtree: true, childList: true, characterData: true });
    await live({ action: 'offer-stock', id: server.id, show, remaining: 20, seqAhead: 500 });
    await live({ action: 'offer-stock', id: server.id, show, remaining: 11, seqAhead: 1001 });
    await until(() => state().includes('11 of 30 left'), 'the newer update');
    watch.disconnect();
    expect(shown.filter((text) => text.includes('20 of 30'))).to.deep.equal([]);

    button(studio, 'runner', 'stop-offer-button').click();
    await until(async () => (await calls(show)).length === 2, 'offer:stop received');
    const stop = (await calls(show))[1]!;
    expect(stop.event).to.equal('offer:stop');
    expect(Object.keys(stop.payload as object).sort()).to.deep.equal(['at', 'id']);
    await until(() => state().includes('ended'), 'offer ended');
    expect(button(studio, 'runner', 'offer-button')).to.exist;
  });

  it('says so when the server refuses an offer because another one runs on the product (conflict)', async () => {
    const show = freshShow('studio');
    const studio = await connectedStudio(show);
    await live({ action: 'offer-unseen', id: server.id, show, productId: 'beanie' });
    button(studio, 'beanie', 'offer-button').click();
    await studio.updateComplete;
    const form = row(studio, 'beanie')!.querySelector<HTMLFormElement>('[part="offer-form"]')!;
    form.querySelector<HTMLInputElement>('[name="price"]')!.value = '9.50';
    form.querySelector<HTMLInputElement>('[name="quantity"]')!.value = '10';
    form.querySelector<HTMLInputElement>('[name="minutes"]')!.value = '5';
    form.requestSubmit();
    await until(() => row(studio, 'beanie')!.querySelector('[role="alert"]'), 'refusal shown');
    expect(row(studio, 'beanie')!.querySelector('[role="alert"]')!.textContent).to.contain('An offer is already running on this product: stop it first.');
    expect((await calls(show)).map((call) => call.event)).to.deep.equal(['offer:start']);
  });

  it('closes the offer form with Escape and gives focus back', async () => {
    const studio = await connectedStudio(freshShow('studio'));
    const open = button(studio, 'tee', 'offer-button');
    open.click();
    await studio.updateComplete;
    const form = row(studio, 'tee')!.querySelector<HTMLFormElement>('[part="offer-form"]')!;
    form.querySelector('input')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    await until(() => !row(studio, 'tee')!.querySelector('[part="offer-form"]'), 'form closed');
    await until(() => root(studio).activeElement === button(studio, 'tee', 'offer-button'), 'focus back on the button');
  });

  it('moderates in its chat and answers a question by pinning it for viewers', async () => {
    const show = freshShow('studio');
    const studio = await connectedStudio(show);
    const viewer = await fixture<VitrineChat>(html`<vitrine-chat live-server=${server.url} show=${show} locale="en"></vitrine-chat>`);
    await until(() => viewer.live?.store.status.get() === 'connected', 'viewer connected');
    const [question] = await live<{ id: string }[]>({ action: 'say', id: server.id, show, as: 'Ben', text: 'Does it come in blue?', question: true });
    const chat = root(studio).querySelector<VitrineChat>('vitrine-chat')!;
    await until(() => messageTexts(chat).includes('Does it come in blue?'), 'the question in the studio chat');
    chat.shadowRoot!.querySelector<HTMLButtonElement>('.questions-toggle')!.click();
    await chat.updateComplete;
    const pinButton = [...chat.shadowRoot!.querySelectorAll<HTMLButtonElement>('.queue button')].find((b) => b.textContent!.includes('Pin as answered'))!;
    pinButton.click();
    await until(() => viewer.shadowRoot!.querySelector('[part="pinned"]')?.textContent?.includes('Does it come in blue?'), 'pinned for the viewer');
    expect(viewer.shadowRoot!.querySelector('[part="pinned"]')!.textContent).to.contain('Ben');
    expect(viewer.shadowRoot!.querySelector('[part="pinned"] button')).to.equal(null);
    // Unpinned from the studio's chat.
    await until(() => chat.shadowRoot!.querySelector('[part="pinned"] button'), 'unpin button for staff');
    chat.shadowRoot!.querySelector<HTMLButtonElement>('[part="pinned"] button')!.click();
    await until(() => !viewer.shadowRoot!.querySelector('[part="pinned"]'), 'unpinned for the viewer');
    expect(question!.id).to.be.a('string');
  });

  it('shows the figures the server sends, every second', async () => {
    const show = freshShow('studio');
    const studio = await connectedStudio(show);
    await live({ action: 'say', id: server.id, show, as: 'Ben', text: 'hello' });
    const header = root(studio).querySelector('[part="figures"]')!;
    await until(() => figure(header, 'viewers') === '1' && figure(header, 'chatPerMinute') === '1', 'one viewer, one message');
    expect(figure(header, 'peakViewers')).to.equal('1');
    // A shopper's widget reports: the studio shows exactly that.
    const shopper = await fixture<HTMLElement>(html`<vitrine-chat live-server=${server.url} show=${show}></vitrine-chat>`);
    const connection = (shopper as VitrineChat).live!;
    await until(() => connection.store.status.get() === 'connected', 'shopper connected');
    const at = Date.now();
    const events: TrackEvent[] = [
      { type: 'impression', productId: 'tee', at },
      { type: 'overlay_open', productId: 'tee', at },
      { type: 'add_to_cart', productId: 'tee', quantity: 2, value: { amount: 5000, currency: 'EUR' }, creator: 'anna', at },
    ];
    expect(connection.track(events)).to.equal(true);
    await until(() => figure(row(studio, 'tee')!, 'addToCarts') === '1', 'figures of the tee');
    expect(figure(row(studio, 'tee')!, 'impressions')).to.equal('1');
    expect(figure(row(studio, 'tee')!, 'overlayOpens')).to.equal('1');
    expect(figure(row(studio, 'tee')!, 'addToCartValue')).to.equal('€50.00');
    expect(figure(row(studio, 'beanie')!, 'addToCarts')).to.equal('0');
    const creator = root(studio).querySelector('[part="creators"] [data-creator="anna"]')!;
    expect(figure(creator, 'addToCarts')).to.equal('1');
    expect(figure(creator, 'addToCartValue')).to.equal('€50.00');
    await until(() => figure(header, 'viewers') === '2', 'two viewers');
  });
});
