// Pins and flash offers in a real <vitrine-show> in Chromium: a real live server (socket.io), the
// demo's simulated live stream (real fMP4 segments, program date time, hls.js), and the player's
// own frames. A pin shows when the viewer's playback reaches the frame it was stamped with, not
// when the message arrives; late joiners, seeks, replays, streams without program date time,
// pins carried in the stream (ID3 in emsg), unknown products and a server clock that is off.
import '../support/browser-env.js';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/define/show.js';
import type { ShowView } from '../../src/components/show/show-view.js';
import type { VitrineShow } from '../../src/components/show/show.js';
import type { Ack, Offer, OfferClaim, PinEvent } from '../../src/live/protocol.js';
import type { StreamInfo } from '../../demo/hls/routes.js';
import { freshShow, live, resetIdentity, type StartedServer } from './chat-support.js';
import { memoryCart, simpleProduct, type MemoryCart } from './products-fixtures.js';

let server: StartedServer;
let skewed: StartedServer;
before(async () => {
  [server, skewed] = await Promise.all([
    live<StartedServer>({ action: 'start', options: { offers: { stockIntervalMs: 100 } } }),
    // A server whose clock is two hours ahead of the encoder's (and this browser's).
    live<StartedServer>({ action: 'start', options: { clockShiftMs: 2 * 3600_000 } }),
  ]);
});
after(async () => {
  await Promise.all([live({ action: 'stop', id: server.id }), live({ action: 'stop', id: skewed.id })]);
});
beforeEach(() => resetIdentity('Anna'));

const PRODUCTS = () => [simpleProduct('tee', { title: 'Organic tee', price: '25.00' }), simpleProduct('mug', { title: 'Stoneware mug', price: '18.00' }), simpleProduct('cap', { title: 'Canvas cap' })];

interface Started {
  readonly show: VitrineShow;
  readonly view: ShowView;
  readonly id: string;
  readonly stream: string;
}

/** A show on a stream, with products and a live server, playing (`liveOffset` seconds behind live). */
async function startShow(options: { src?: string; server?: StartedServer; cart?: MemoryCart; liveOffset?: number; play?: boolean; id?: string; products?: unknown } = {}): Promise<Started> {
  const id = options.id ?? freshShow('pins');
  const stream = id.replace(/[^\w-]/g, '');
  const container = await fixture<HTMLElement>(html`<div style="width: 720px"></div>`);
  const show = document.createElement('vitrine-show');
  show.setAttribute('loading', 'interaction');
  show.setAttribute('locale', 'en');
  show.setAttribute('show', id);
  show.setAttribute('src', options.src ?? `/hls/live/${stream}/master.m3u8`);
  if (options.server !== undefined || !('server' in options)) show.setAttribute('live-server', (options.server ?? server).url);
  show.products = 'products' in options ? options.products : PRODUCTS();
  if (options.cart) show.cartAdapter = options.cart;
  container.append(show);
  const view = (await show.load())!;
  await view.updateComplete;
  view.player!.liveOffset = options.liveOffset ?? 6;
  view.player!.muted = true;
  if (options.play !== false) {
    await view.play();
    await waitUntil(() => view.stores.player.state.get() === 'playing', 'playing', { timeout: 20_000 });
    if (!options.src?.startsWith('/hls/vod/')) await waitUntil(() => view.pins.sync.synced, 'stream time known', { timeout: 10_000 });
  }
  return { show, view, id, stream };
}

const as = (server: StartedServer, show: string, role: 'host' | 'viewer', event: string, payload: unknown, who?: string) =>
  live<Ack<unknown>>({ action: 'emit', id: server.id, show, role, event, payload, ...(who ? { as: who } : {}) });

async function pin(started: Started, productId: string, at: number | null, action: 'pin:set' | 'pin:clear' = 'pin:set', on = server): Promise<PinEvent> {
  const ack = (await as(on, started.id, 'host', action, { productId, at })) as Ack<PinEvent>;
  if (!ack.ok) throw new Error(`${action} refused: ${ack.error}`);
  return ack.data;
}

const pinned = (view: ShowView): readonly string[] => view.stores.products.pinned.get();
const card = (view: ShowView): HTMLButtonElement | null => view.root.querySelector('[part="pinned-card"]');
const banner = (view: ShowView): HTMLElement | null => view.root.querySelector('[part="offer-banner"]');
/** The program date time on screen (the last one known: a frame may lack one during a level switch). */
const streamTime = (view: ShowView): number => view.pins.sync.position;

/**
 * Measures, in this page, how long after the frame whose stream time reaches `at` was presented
 * (requestVideoFrameCallback) the widget shows `shown()`: the display error of a pin or offer.
 * Also notes when the socket message arrived, to show that it was not what made it appear.
 */
function revealError(view: ShowView, at: number, shown: () => boolean): Promise<number> {
  const video = view.player!.video;
  let frameAt: number | null = null;
  let shownAt: number | null = null;
  const onFrame = (_now: number, frame: VideoFrameCallbackMetadata): void => {
    const time = view.player!.streamTimeAt(frame.mediaTime);
    if (time !== null && time >= at) frameAt = performance.now();
    else video.requestVideoFrameCallback(onFrame);
  };
  video.requestVideoFrameCallback(onFrame);
  const observer = new MutationObserver(() => {
    if (shownAt === null && shown()) shownAt = performance.now();
  });
  observer.observe(view.root, { subtree: true, childList: true, attributes: true, characterData: true });
  return waitUntil(() => frameAt !== null && shownAt !== null, 'frame and display', { timeout: 20_000 }).then(() => {
    observer.disconnect();
    return shownAt! - frameAt!;
  });
}

describe('pins in step with the stream', () => {
  it('shows a pin when playback reaches its moment, not when the message arrives', async () => {
    const started = await startShow();
    const { view } = started;
    await waitUntil(() => view.live.connection?.store.status.get() === 'connected', 'connected', { timeout: 10_000 });
    const arrivals: number[] = [];
    view.live.connection!.on('pins', () => arrivals.push(performance.now()));
    const at = streamTime(view) + 2500;
    const error = revealError(view, at, () => card(view)?.dataset['product'] === 'mug');
    await pin(started, 'mug', at);
    await waitUntil(() => arrivals.length === 1, 'pins event', { timeout: 5000 });
    // Arrived, but the viewer has not seen that moment yet: nothing shows.
    expect(pinned(view)).to.deep.equal([]);
    expect(card(view)).to.equal(null);
    const measured = await error;
    expect(Math.abs(measured), `shown ${measured} ms after its frame`).to.be.at.most(250);
    expect(performance.now() - arrivals[0]!).to.be.greaterThan(1500);
    expect(pinned(view)).to.deep.equal(['mug']);
    expect(card(view)!.textContent).to.contain('Stoneware mug').and.contain('Live now').and.contain('€18.00');

    // The carousel marks it "live now"; the card opens the add-to-cart overlay.
    card(view)!.click();
    await waitUntil(() => view.overlay.open && view.overlay.shownProduct?.id === 'mug', 'overlay on the pinned product', { timeout: 5000 });
    view.overlay.close();

    // An unpin (and a pin without a program date time: shown as it arrives).
    const unpinAt = streamTime(view) + 1500;
    const unpinError = revealError(view, unpinAt, () => card(view) === null);
    await pin(started, 'mug', unpinAt, 'pin:clear');
    expect(Math.abs(await unpinError)).to.be.at.most(250);
    await pin(started, 'tee', null);
    await waitUntil(() => card(view)?.dataset['product'] === 'tee', 'unstamped pin shown on arrival', { timeout: 3000 });
  });

  it('shows a late joiner, far behind the studio, what is pinned at its own position', async () => {
    const id = freshShow('pins');
    const now = Date.now();
    const early: Started = { id } as Started;
    await pin(early, 'tee', now - 120_000);
    await pin(early, 'tee', now - 90_000, 'pin:clear');
    await pin(early, 'mug', now - 60_000);
    await pin(early, 'cap', now + 60_000); // the studio is a minute ahead of this viewer
    const { view } = await startShow({ id });
    await waitUntil(() => pinned(view).length > 0, 'pinned from the snapshot', { timeout: 10_000 });
    expect(pinned(view)).to.deep.equal(['mug']);
    expect(card(view)!.dataset['product']).to.equal('mug');
    expect(streamTime(view)).to.be.lessThan(now + 60_000);
  });

  it('follows a viewer who seeks in a replay (a VOD with program date time)', async () => {
    const id = freshShow('replay');
    const stream = id.replace(/[^\w-]/g, '');
    const info = (await (await fetch(`/hls/control/${stream}`)).json()) as StreamInfo;
    const epoch = info.epoch;
    const early: Started = { id } as Started;
    await pin(early, 'tee', epoch + 3000);
    await pin(early, 'mug', epoch + 9000);
    await pin(early, 'tee', epoch + 12_000, 'pin:clear');
    await pin(early, 'cap', epoch + 15_000);
    const { view } = await startShow({ id, src: `/hls/replay/${stream}/master.m3u8` });
    const video = view.player!.video;
    video.pause();
    const at = async (seconds: number, expected: string[]) => {
      video.currentTime = seconds;
      await waitUntil(() => Math.abs(streamTime(view) - (epoch + seconds * 1000)) < 100, `stream time at ${seconds} s`, { timeout: 10_000 });
      await waitUntil(() => pinned(view).join() === expected.join(), `pinned at ${seconds} s: ${expected.join()} (got ${pinned(view).join()})`, { timeout: 5000 });
      expect(card(view)?.dataset['product']).to.equal(expected[0]);
    };
    await at(4, ['tee']);
    await at(10, ['mug', 'tee']);
    await at(13, ['mug']);
    await at(16, ['cap', 'mug']);
    await at(1, []);
    await at(9.5, ['mug', 'tee']);
  });

  it('without program date time in the stream, shows pins as they arrive', async () => {
    const started = await startShow({ src: '/hls/vod/master.m3u8' });
    const { view } = started;
    await waitUntil(() => view.live.connection?.store.status.get() === 'connected', 'connected', { timeout: 10_000 });
    expect(view.stores.player.streamTime.get()).to.equal(null);
    expect(view.pins.sync.synced).to.equal(false);
    const sent = performance.now();
    // Its stamp is of no use here: there is nothing on this stream to line it up with.
    await pin(started, 'cap', Date.now() + 60_000);
    await waitUntil(() => card(view)?.dataset['product'] === 'cap', 'shown on arrival', { timeout: 3000 });
    expect(performance.now() - sent).to.be.lessThan(3000);
  });

  it('ignores a pin or offer for a product that is not in the feed, with one warning', async () => {
    const started = await startShow();
    const { view } = started;
    await waitUntil(() => view.live.connection?.store.status.get() === 'connected', 'connected', { timeout: 10_000 });
    const warnings: string[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
    try {
      await pin(started, 'ghost', streamTime(view) - 1000);
      await as(server, started.id, 'host', 'offer:start', { productId: 'phantom', price: { amount: 900, currency: 'EUR' }, quantity: 5, durationSeconds: 60, at: streamTime(view) - 1000 });
      await pin(started, 'mug', streamTime(view) - 500);
      await waitUntil(() => card(view)?.dataset['product'] === 'mug', 'the known product shows', { timeout: 5000 });
      const frames = view.stores.player.currentTime.get();
      await waitUntil(() => view.stores.player.currentTime.get() > frames + 1, 'a second of playback', { timeout: 10_000 });
      expect(pinned(view)).to.deep.equal(['mug']);
      expect(banner(view)).to.equal(null);
      expect(warnings.filter((w) => w.includes('"ghost"'))).to.have.length(1);
      expect(warnings.filter((w) => w.includes('"phantom"'))).to.have.length(1);
      expect(warnings.find((w) => w.includes('"ghost"'))).to.contain('not in the show\'s products');
    } finally {
      console.warn = original;
    }
  });

  it('waits for a pinned product of a long list still being checked: no false warning, the carousel goes to it', async () => {
    // Pinned before the products arrive (set later by the page): the first products show at once,
    // the rest are checked in slices; the pin must wait for them, not call its product unknown.
    const started = await startShow({ play: false, products: undefined });
    const { show, view } = started;
    await waitUntil(() => view.live.connection?.store.status.get() === 'connected', 'connected', { timeout: 10_000 });
    const warnings: string[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
    try {
      await pin(started, 'p40', null);
      await waitUntil(() => view.pins.sync.connection && pinned(view).length === 0 && warnings.length === 0, 'pin known, no products yet', { timeout: 5000 });
      const partial: boolean[] = [];
      view.stores.products.partial.subscribe((value) => partial.push(value));
      show.products = Array.from({ length: 3000 }, (_, i) => simpleProduct(`p${i}`));
      await waitUntil(() => pinned(view).includes('p40'), 'pinned once its product is known', { timeout: 20_000 });
      expect(partial).to.deep.equal([false, true, false]);
      expect(warnings.filter((w) => w.includes('"p40"'))).to.deep.equal([]);
      const strip = view.root.querySelector('vitrine-products')!.shadowRoot!;
      await waitUntil(() => {
        const list = strip.querySelector('.list:not(.skeleton)');
        const target = strip.querySelector('.card[data-index="40"]');
        if (!list || !target) return false;
        const [outer, inner] = [list.getBoundingClientRect(), target.getBoundingClientRect()];
        return inner.left >= outer.left - 1 && inner.right <= outer.right + 1;
      }, 'the carousel shows the pinned card', { timeout: 10_000 });
    } finally {
      console.warn = original;
    }
  });

  it('reads pins carried in the stream itself (ID3 in emsg), in step like socket pins', async () => {
    // No live server: the stream alone pins.
    const { view, stream } = await startShow({ server: undefined });
    expect(view.live.connection).to.equal(null);
    const answer = (await (await fetch(`/hls/control/${stream}`, { method: 'POST', body: JSON.stringify({ metadata: { value: { v: 1, type: 'pin', product: 'tee' }, offsetMs: 1000 } }) })).json()) as StreamInfo;
    const { at } = answer.metadata.at(-1)!;
    expect(at).to.be.greaterThan(streamTime(view));
    const error = revealError(view, at, () => card(view)?.dataset['product'] === 'tee');
    // hls.js parses the segment seconds before playback reaches it; the pin waits for its frame.
    await waitUntil(() => view.stores.player.metadata.get().length > 0, 'metadata parsed', { timeout: 20_000 });
    const [entry] = view.stores.player.metadata.get();
    expect(entry!.value).to.deep.equal({ v: 1, type: 'pin', product: 'tee' });
    expect(Math.abs(entry!.at! - at), `metadata stamped ${entry!.at! - at} ms off`).to.be.at.most(40);
    expect(pinned(view)).to.deep.equal([]);
    const measured = await error;
    expect(Math.abs(measured), `shown ${measured} ms after its frame`).to.be.at.most(250);
  });

  it('keeps the encoder\'s moment when the server clock is two hours off', async () => {
    const started = await startShow({ server: skewed });
    const { view } = started;
    await waitUntil(() => view.live.connection?.store.status.get() === 'connected', 'connected', { timeout: 10_000 });
    expect(view.stores.live.clockOffset.get()).to.be.greaterThan(2 * 3600_000 - 60_000);
    const at = streamTime(view) + 2000;
    const error = revealError(view, at, () => card(view)?.dataset['product'] === 'cap');
    await pin(started, 'cap', at, 'pin:set', skewed);
    expect(Math.abs(await error)).to.be.at.most(250);
    // An offer's countdown runs on the stream too: 30 s, not two hours off.
    const offerAt = streamTime(view) + 500;
    await as(skewed, started.id, 'host', 'offer:start', { productId: 'tee', price: { amount: 1900, currency: 'EUR' }, quantity: 4, durationSeconds: 30, at: offerAt });
    await waitUntil(() => banner(view)?.querySelector('[part="offer-countdown"]'), 'offer banner', { timeout: 5000 });
    const countdown = banner(view)!.querySelector('[part="offer-countdown"]')!.textContent!.trim();
    expect(countdown).to.match(/^0:(2\d|30)$/);
  });
});

describe('flash offers in step with the stream', () => {
  async function startOffer(started: Started, fields: Record<string, unknown>): Promise<Offer> {
    const ack = (await as(server, started.id, 'host', 'offer:start', { productId: 'tee', price: { amount: 1750, currency: 'EUR' }, quantity: 3, durationSeconds: 60, ...fields })) as Ack<Offer>;
    if (!ack.ok) throw new Error(`offer:start refused: ${ack.error}`);
    return ack.data;
  }
  const claimAs = (started: Started, who: string, offerId: string, quantity: number) =>
    as(server, started.id, 'viewer', 'offer:claim', { offerId, quantity, clientId: `claim-${who}-${Math.random().toString(36).slice(2, 10)}` }, who) as Promise<Ack<OfferClaim>>;
  const stateText = (view: ShowView) => banner(view)?.querySelector('.offer-state')?.textContent?.trim();

  it('shows the banner at its moment, with the discount, units left live, a countdown, then sold out', async () => {
    const started = await startShow();
    const { view } = started;
    await waitUntil(() => view.live.connection?.store.status.get() === 'connected', 'connected', { timeout: 10_000 });
    const at = streamTime(view) + 2500;
    const error = revealError(view, at, () => banner(view) !== null);
    const offer = await startOffer(started, { at });
    await waitUntil(() => view.pins.sync.offer(offer.id), 'offer known', { timeout: 5000 });
    expect(banner(view)).to.equal(null);
    expect(Math.abs(await error)).to.be.at.most(250);
    const text = banner(view)!.textContent!;
    expect(text).to.contain('-30%').and.contain('€17.50').and.contain('€25.00').and.contain('Organic tee');
    expect(stateText(view)).to.equal('3 left');
    expect(banner(view)!.querySelector('[part="offer-countdown"]')!.textContent!.trim()).to.match(/^0:(59|60|58)$|^1:00$/);
    expect(banner(view)!.getAttribute('aria-label')).to.equal('Flash offer: Organic tee');

    expect((await claimAs(started, 'Ben', offer.id, 1)).ok).to.equal(true);
    await waitUntil(() => stateText(view) === '2 left', 'units left update', { timeout: 5000 });
    expect((await claimAs(started, 'Cleo', offer.id, 2)).ok).to.equal(true);
    await waitUntil(() => stateText(view) === 'Sold out', 'sold out', { timeout: 5000 });
    expect(banner(view)!.querySelector('[part="offer-button"]')).to.equal(null);
  });

  it('shows the end at its moment (a stop stamped by the studio), then lets the banner go', async () => {
    const started = await startShow();
    const { view } = started;
    await waitUntil(() => view.live.connection?.store.status.get() === 'connected', 'connected', { timeout: 10_000 });
    const offer = await startOffer(started, { at: streamTime(view) - 500 });
    await waitUntil(() => stateText(view) === '3 left', 'live banner', { timeout: 5000 });
    const stopAt = streamTime(view) + 1500;
    const ended = revealError(view, stopAt, () => banner(view)?.dataset['state'] === 'ended');
    await as(server, started.id, 'host', 'offer:stop', { id: offer.id, at: stopAt });
    expect(Math.abs(await ended)).to.be.at.most(250);
    expect(stateText(view)).to.equal('Offer ended');
    await waitUntil(() => banner(view) === null, 'banner gone after a few seconds', { timeout: 10_000 });
  });

  it('buys at the offer price: claims, adds with the claim, says so', async () => {
    const cart = memoryCart();
    // This cart prices lines from the offer (as the events adapter's page is asked to).
    Object.assign(cart, { offerPrices: true });
    cart.answer = async (line) => {
      cart.lines.push({ key: `k${cart.lines.length}`, productId: line.product.id, variantId: line.variant.id, title: line.product.title, quantity: line.quantity, properties: line.properties, ...(line.offer ? { price: line.offer.price } : {}) });
      return { quantityAdded: line.quantity, cart: { itemCount: cart.lines.length, lines: [...cart.lines] } };
    };
    const started = await startShow({ cart });
    const { view } = started;
    await waitUntil(() => view.live.connection?.store.status.get() === 'connected', 'connected', { timeout: 10_000 });
    const offer = await startOffer(started, { at: streamTime(view) - 500 });
    await waitUntil(() => banner(view)?.querySelector('[part="offer-button"]'), 'buy button', { timeout: 5000 });
    banner(view)!.querySelector<HTMLButtonElement>('[part="offer-button"]')!.click();
    await waitUntil(() => view.overlay.open, 'overlay open', { timeout: 5000 });
    const overlayRoot = view.overlay.shadowRoot!;
    await waitUntil(() => overlayRoot.querySelector('[part="price"]')?.textContent?.includes('€17.50'), 'offer price in the overlay', { timeout: 5000 });
    expect(overlayRoot.querySelector('[part="offer-note"]')).to.equal(null);
    overlayRoot.querySelector<HTMLButtonElement>('[part="add-button"]')!.click();
    await waitUntil(() => overlayRoot.querySelector('[part="result"]')?.textContent?.includes('at the offer price'), 'added at the offer price', { timeout: 10_000 });
    const [request] = cart.requests;
    expect(request!.offer).to.include({ offerId: offer.id });
    expect(request!.offer!.price).to.deep.equal({ amount: 1750, currency: 'EUR' });
    expect(request!.properties['_vitrine_offer']).to.equal(request!.offer!.token);
    await waitUntil(() => stateText(view) === '2 left', 'the claimed unit is gone from the offer', { timeout: 5000 });
  });

  it('labels the price where the shop\'s cart sets it, and gives the units back when the add fails', async () => {
    const cart = memoryCart();
    cart.answer = async () => {
      throw Object.assign(new Error('payment provider down'), {});
    };
    const started = await startShow({ cart });
    const { view } = started;
    await waitUntil(() => view.live.connection?.store.status.get() === 'connected', 'connected', { timeout: 10_000 });
    await startOffer(started, { at: streamTime(view) - 500, quantity: 2 });
    await waitUntil(() => banner(view)?.querySelector('[part="offer-button"]'), 'buy button', { timeout: 5000 });
    banner(view)!.querySelector<HTMLButtonElement>('[part="offer-button"]')!.click();
    await waitUntil(() => view.overlay.open, 'overlay open', { timeout: 5000 });
    const overlayRoot = view.overlay.shadowRoot!;
    await waitUntil(() => overlayRoot.querySelector('[part="offer-note"]'), 'price note', { timeout: 5000 });
    expect(overlayRoot.querySelector('[part="offer-note"]')!.textContent).to.equal('The shop’s cart sets the final price.');
    overlayRoot.querySelector<HTMLButtonElement>('[part="add-button"]')!.click();
    await waitUntil(() => cart.requests.length === 1, 'add tried', { timeout: 10_000 });
    await waitUntil(() => overlayRoot.querySelector('[role="alert"]')?.textContent?.trim(), 'failure shown', { timeout: 10_000 });
    // The unit went back: the offer still has both.
    await waitUntil(() => stateText(view) === '2 left', 'both units back', { timeout: 5000 });
    const snapshot = (await as(server, started.id, 'viewer', 'join', undefined, 'Late')) as Ack<{ offers: Offer[] }>;
    expect(snapshot.ok && snapshot.data.offers[0]!.remaining).to.equal(2);
  });

  it('says the offer has ended and adds nothing when it closed while the shopper was buying', async () => {
    // A server that takes no claims after an offer stops (no grace for viewers behind live).
    const strict = await live<StartedServer>({ action: 'start', options: { offers: { lateGraceSeconds: 0, stockIntervalMs: 100 } } });
    try {
      const cart = memoryCart();
      const started = await startShow({ cart, server: strict });
      const { view } = started;
      await waitUntil(() => view.live.connection?.store.status.get() === 'connected', 'connected', { timeout: 10_000 });
      const ack = (await as(strict, started.id, 'host', 'offer:start', { productId: 'tee', price: { amount: 1750, currency: 'EUR' }, quantity: 3, durationSeconds: 60, at: streamTime(view) - 500 })) as Ack<Offer>;
      if (!ack.ok) throw new Error(`offer:start refused: ${ack.error}`);
      await waitUntil(() => stateText(view) === '3 left', 'live banner', { timeout: 5000 });
      banner(view)!.querySelector<HTMLButtonElement>('[part="offer-button"]')!.click();
      await waitUntil(() => view.overlay.open, 'overlay open', { timeout: 5000 });
      // The studio stops it at a moment this viewer has not reached yet, but this server takes no
      // more claims: the banner says so; the overlay the shopper has open still tries.
      expect((await as(strict, started.id, 'host', 'offer:stop', { id: ack.data.id, at: streamTime(view) + 30_000 })).ok).to.equal(true);
      await waitUntil(() => view.pins.sync.offer(ack.data.id)?.status === 'ended', 'stop heard', { timeout: 5000 });
      await waitUntil(() => stateText(view) === 'Offer ended', 'banner says ended', { timeout: 5000 });
      expect(view.overlay.open).to.equal(true);
      const overlayRoot = view.overlay.shadowRoot!;
      overlayRoot.querySelector<HTMLButtonElement>('[part="add-button"]')!.click();
      await waitUntil(() => overlayRoot.querySelector('[role="alert"]')?.textContent?.trim(), 'refusal shown', { timeout: 10_000 });
      expect(overlayRoot.querySelector('[role="alert"]')!.textContent!.trim()).to.equal('This offer has ended. Nothing was added to your cart.');
      expect(cart.requests).to.have.length(0);
      expect(cart.lines).to.have.length(0);
    } finally {
      await live({ action: 'stop', id: strict.id });
    }
  });

  it('says sold out and adds nothing when the last unit goes while the shopper is buying', async () => {
    const cart = memoryCart();
    const started = await startShow({ cart });
    const { view } = started;
    await waitUntil(() => view.live.connection?.store.status.get() === 'connected', 'connected', { timeout: 10_000 });
    const offer = await startOffer(started, { at: streamTime(view) - 500, quantity: 1 });
    await waitUntil(() => stateText(view) === '1 left', 'one left', { timeout: 5000 });
    banner(view)!.querySelector<HTMLButtonElement>('[part="offer-button"]')!.click();
    await waitUntil(() => view.overlay.open, 'overlay open', { timeout: 5000 });
    // Someone else takes the last unit while this shopper is in the overlay.
    expect((await claimAs(started, 'Dana', offer.id, 1)).ok).to.equal(true);
    const overlayRoot = view.overlay.shadowRoot!;
    overlayRoot.querySelector<HTMLButtonElement>('[part="add-button"]')!.click();
    await waitUntil(() => overlayRoot.querySelector('[role="alert"]')?.textContent?.includes('Sold out'), 'sold-out message', { timeout: 10_000 });
    expect(overlayRoot.querySelector('[role="alert"]')!.textContent).to.contain('Nothing was added to your cart');
    expect(cart.requests).to.have.length(0);
    expect(cart.lines).to.have.length(0);
  });
});
