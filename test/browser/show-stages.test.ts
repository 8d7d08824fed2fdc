import '../support/browser-env.js';
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define/show.js';
import type { VitrineShow } from '../../src/components/show/show.js';
import { freshShow, live, type StartedServer } from './chat-support.js';
import { memoryCart, simpleProduct } from './products-fixtures.js';

// <vitrine-show> draws itself in stages (player; carousel and cart button; live part), each in a
// task of its own, in the facade's boxes: what the root holds when the player first appears, the
// order the parts arrive in, and that nothing moved once everything is drawn.

let server: StartedServer;
before(async () => {
  server = await live<StartedServer>({ action: 'start' });
});
after(async () => {
  await live({ action: 'stop', id: server.id });
});

const rect = (element: Element | null): DOMRect => {
  expect(element, 'element').to.exist;
  return element!.getBoundingClientRect();
};

describe('<vitrine-show> staged drawing', () => {
  it('draws the player first with the placeholders kept, then the carousel, then the chat, in the same boxes', async () => {
    const container = await fixture<HTMLElement>(html`<div style="width: 400px"></div>`);
    const show = document.createElement('vitrine-show') as VitrineShow;
    show.setAttribute('loading', 'interaction');
    show.setAttribute('locale', 'en');
    show.setAttribute('src', '/no-stream/master.m3u8');
    show.setAttribute('live-server', server.url);
    show.setAttribute('show', freshShow('stages'));
    show.cartAdapter = memoryCart();
    show.products = [simpleProduct('a'), simpleProduct('b')];
    container.append(show);
    const root = show.shadowRoot!;
    const strip = rect(root.querySelector('[part="products-placeholder"]'));
    const chat = rect(root.querySelector('[part="chat-placeholder"]'));

    // What the root holds each time a part arrives (a MutationObserver sees each render).
    const seen: string[] = [];
    let atFirstPlayer: { products: boolean; chat: boolean; placeholders: number } | undefined;
    const observer = new MutationObserver(() => {
      for (const tag of ['vitrine-player', 'vitrine-products', 'vitrine-chat']) {
        if (root.querySelector(tag) && !seen.includes(tag)) seen.push(tag);
      }
      if (seen.includes('vitrine-player') && !atFirstPlayer) {
        atFirstPlayer = {
          products: root.querySelector('vitrine-products') !== null,
          chat: root.querySelector('vitrine-chat') !== null,
          placeholders: root.querySelectorAll('[part="products-placeholder"], [part="chat-placeholder"]').length,
        };
      }
    });
    observer.observe(root, { childList: true, subtree: true });
    const view = await show.load();
    observer.disconnect();

    expect(view?.stage, 'every stage drawn once load() resolves').to.equal(2);
    expect(atFirstPlayer, 'the player alone first, the placeholders kept').to.deep.equal({ products: false, chat: false, placeholders: 2 });
    expect(seen).to.deep.equal(['vitrine-player', 'vitrine-products', 'vitrine-chat']);
    expect(root.querySelector('[part="products-placeholder"], [part="chat-placeholder"]'), 'placeholders replaced').to.equal(null);
    for (const [part, before] of [
      ['products', strip],
      ['chat', chat],
    ] as const) {
      const after = rect(root.querySelector(`[part="${part}"]`));
      for (const key of ['left', 'top', 'width', 'height'] as const) expect(after[key], `${part} ${key}`).to.be.closeTo(before[key], 0.5);
    }
    expect(view!.live.connection, 'the live connection opened at its turn').to.not.equal(null);
  });

  it('still draws every part where a number-data warm-up is missing (Safari 15.0-15.3: no Intl.supportedValuesOf)', async () => {
    const intl = Intl as unknown as Record<string, unknown>;
    const supportedValuesOf = intl.supportedValuesOf;
    delete intl.supportedValuesOf;
    try {
      const show = await fixture<VitrineShow>(
        html`<vitrine-show loading="interaction" locale="nl" src="/no-stream/master.m3u8" .products=${[simpleProduct('a')]} .cartAdapter=${memoryCart()}></vitrine-show>`,
      );
      const view = await show.load();
      expect(view?.stage).to.equal(2);
      expect(show.shadowRoot!.querySelector('vitrine-products'), 'the carousel is drawn').to.not.equal(null);
    } finally {
      intl.supportedValuesOf = supportedValuesOf;
    }
  });
});
