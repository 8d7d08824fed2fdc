import '../support/browser-env.js';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/define/show.js';
import type { VitrineShow } from '../../src/components/show/show.js';
import { freshShow, live, type StartedServer } from './chat-support.js';
import { control, liveSrc, streamName, waitForState } from '../support/player-fixture.js';
import { memoryCart, simpleProduct, type MemoryCart } from './products-fixtures.js';
import { reserveRules } from './reserve-rules.js';

// <vitrine-show layout="inline|vertical"> at a wide and a narrow width: the facade reserves the
// final box of each layout, and the loaded widget's boxes do not overlap where they must not.

let server: StartedServer;
before(async () => {
  server = await live<StartedServer>({ action: 'start' });
});
after(async () => {
  await live({ action: 'stop', id: server.id });
});

type Box = { left: number; top: number; right: number; bottom: number; width: number; height: number };
const box = (element: Element): Box => {
  const { left, top, right, bottom, width, height } = element.getBoundingClientRect();
  return { left, top, right, bottom, width, height };
};
const near = (a: Box, b: Box, what: string): void => {
  for (const key of ['left', 'top', 'width', 'height'] as const) expect(a[key], `${what}: ${key}`).to.be.closeTo(b[key], 0.5);
};
const overlaps = (a: Box, b: Box): boolean => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
const inside = (inner: Box, outer: Box): boolean =>
  inner.left >= outer.left - 0.5 && inner.right <= outer.right + 0.5 && inner.top >= outer.top - 0.5 && inner.bottom <= outer.bottom + 0.5;

interface Widget {
  show: VitrineShow;
  root: ShadowRoot;
  /** Boxes of the facade, before the widget loaded. */
  facade: Record<'host' | 'stage' | 'panel' | 'strip' | 'chat', Box>;
}

/** A show with products, a cart and chat, in a container of `width` px; loaded, its chat rendered. */
async function loadedShow(layout: string | null, width: number, dir: 'ltr' | 'rtl' = 'ltr', cart?: MemoryCart, src = '/no-stream/master.m3u8'): Promise<Widget> {
  const container = await fixture<HTMLElement>(html`<div dir=${dir} style=${`width: ${width}px`}></div>`);
  const show = document.createElement('vitrine-show');
  show.setAttribute('loading', 'interaction');
  show.setAttribute('locale', 'en');
  show.cartAdapter = cart ?? memoryCart();
  show.setAttribute('live-server', server.url);
  show.setAttribute('show', freshShow('layout'));
  // A stream URL gives the player its big play button (nothing is fetched before play).
  show.setAttribute('src', src);
  if (src !== '/no-stream/master.m3u8') show.setAttribute('autoplay', '');
  if (layout !== null) show.setAttribute('layout', layout);
  show.products = [simpleProduct('a'), simpleProduct('b'), simpleProduct('c')];
  container.append(show);
  const root = show.shadowRoot!;
  const facade = {
    host: box(show),
    stage: box(root.querySelector('[part="stage"]')!),
    panel: box(root.querySelector('[part="panel"]')!),
    strip: box(root.querySelector('[part="products-placeholder"]')!),
    chat: box(root.querySelector('[part="chat-placeholder"]')!),
  };
  const view = (await show.load())!;
  await view.updateComplete;
  await waitUntil(() => root.querySelector('vitrine-chat')?.shadowRoot?.querySelector('[part="base"]'), 'chat rendered');
  await waitUntil(() => root.querySelector('vitrine-products')?.shadowRoot?.querySelector('.card'), 'cards rendered');
  return { show, root, facade };
}

function loaded(root: ShadowRoot) {
  const part = (name: string): Element => root.querySelector(`[part="${name}"]`)!;
  return {
    stage: box(part('stage')),
    panel: box(part('panel')),
    strip: box(part('products')),
    chat: box(part('chat')),
    cart: box(part('cart-button')),
    toggle: root.querySelector('[part="chat-toggle"]') ? box(part('chat-toggle')) : null,
  };
}

function expectSameBoxes(widget: Widget): void {
  const { show, root, facade } = widget;
  const now = loaded(root);
  near(box(show), facade.host, 'widget');
  near(now.stage, facade.stage, 'video');
  near(now.panel, facade.panel, 'panel');
  near(now.strip, facade.strip, 'products');
  near(now.chat, facade.chat, 'chat');
}

describe('<vitrine-show layout="inline">', () => {
  it('is the default: on a wide widget, the video with a side panel (products over chat) as tall as it', async () => {
    const widget = await loadedShow(null, 1000);
    expectSameBoxes(widget);
    const { stage, panel, strip, chat, cart } = loaded(widget.root);
    expect(widget.show.layout).to.equal('inline');
    expect(panel.width).to.be.closeTo(340, 0.5);
    expect(stage.width).to.be.closeTo(1000 - 340, 0.5);
    expect(stage.height).to.be.closeTo(stage.width * (9 / 16), 0.5);
    expect(box(widget.show).height).to.be.closeTo(stage.height, 0.5);
    expect(panel.left).to.be.at.least(stage.right - 0.5);
    expect(panel.height).to.be.closeTo(stage.height, 0.5);
    expect(strip.bottom).to.be.at.most(chat.top + 0.5);
    expect(chat.height).to.be.greaterThan(100);
    // The chat lives in the panel, not over the video, so there is no toggle; the cart stays on the video.
    expect(overlaps(chat, stage)).to.equal(false);
    expect(widget.root.querySelector('[part="chat-toggle"]')).to.equal(null);
    expect(inside(cart, stage)).to.equal(true);
  });

  it('stacks video, products and chat on a narrow widget', async () => {
    const widget = await loadedShow('inline', 360);
    expectSameBoxes(widget);
    const { stage, strip, chat } = loaded(widget.root);
    expect(stage.width).to.be.closeTo(360, 0.5);
    expect(stage.height).to.be.closeTo(360 * (9 / 16), 0.5);
    expect(strip.top).to.be.closeTo(stage.bottom, 0.5);
    expect(strip.height).to.be.closeTo(124, 0.5);
    expect(chat.top).to.be.closeTo(strip.bottom, 0.5);
    expect(chat.height).to.be.closeTo(320, 0.5);
    expect(box(widget.show).height).to.be.closeTo(stage.height + 124 + 320, 0.5);
  });

  it('follows the widget width, not the viewport: a narrow widget on a wide page stacks', async () => {
    const widget = await loadedShow('inline', 600);
    const { stage, panel } = loaded(widget.root);
    expect(innerWidth).to.be.greaterThan(600);
    expect(panel.top).to.be.closeTo(stage.bottom, 0.5);
  });
});

describe('<vitrine-show layout="vertical">', () => {
  for (const width of [1000, 360]) {
    it(`is a 9:16 video with chat and products over its lower part (${width} px container)`, async () => {
      const widget = await loadedShow('vertical', width);
      expectSameBoxes(widget);
      const { stage, panel, strip, chat, cart, toggle } = loaded(widget.root);
      const host = box(widget.show);
      expect(host.width).to.be.closeTo(Math.min(width, 420), 0.5);
      expect(host.height).to.be.closeTo(host.width * (16 / 9), 0.5);
      near(stage, host, 'video fills the widget');
      // Over the video, above the player's controls (56 px), so they stay reachable.
      expect(inside(panel, stage)).to.equal(true);
      expect(panel.bottom).to.be.closeTo(stage.bottom - 56, 0.5);
      expect(chat.bottom).to.be.at.most(strip.top + 0.5);
      // The button rail (chat toggle, cart) sits beside the chat and above the products, clear of both.
      expect(toggle).to.not.equal(null);
      for (const button of [cart, toggle!]) {
        expect(button.width).to.be.at.least(40);
        expect(button.height).to.be.at.least(40);
        expect(overlaps(button, chat), 'button over chat').to.equal(false);
        expect(overlaps(button, strip), 'button over products').to.equal(false);
        expect(inside(button, stage)).to.equal(true);
      }
      expect(overlaps(cart, toggle!)).to.equal(false);
      // The player's big play button stays clear of the chat and can be hit.
      const player = widget.root.querySelector('vitrine-player')!;
      await player.updateComplete;
      const play = player.shadowRoot!.querySelector('[part="play-button"]')!;
      const playBox = box(play);
      expect(overlaps(playBox, chat), 'play button under the chat').to.equal(false);
      expect(player.shadowRoot!.elementFromPoint(playBox.left + playBox.width / 2, playBox.top + playBox.height / 2)?.closest('[part="play-button"]')).to.equal(play);
      expect(widget.root.elementFromPoint(playBox.left + playBox.width / 2, playBox.top + playBox.height / 2)).to.equal(player);
    });
  }

  it('keeps the rail on the inline end in a right-to-left page', async () => {
    const widget = await loadedShow('vertical', 360, 'rtl');
    const { chat, cart } = loaded(widget.root);
    expect(cart.right).to.be.at.most(chat.left + 0.5);
    expect(overlaps(cart, chat)).to.equal(false);
  });

  it('hides and shows the chat with its toggle', async () => {
    const widget = await loadedShow('vertical', 360);
    const toggle = widget.root.querySelector<HTMLButtonElement>('[part="chat-toggle"]')!;
    const chat = widget.root.querySelector<HTMLElement>('[part="chat"]')!;
    expect(toggle.getAttribute('aria-pressed')).to.equal('true');
    toggle.click();
    await widget.show.view!.updateComplete;
    expect(chat.hidden).to.equal(true);
    expect(toggle.getAttribute('aria-pressed')).to.equal('false');
    expect(toggle.getAttribute('aria-label')).to.equal('Chat');
  });
});

describe('<vitrine-show> item count on the cart button', () => {
  for (const layout of ['inline', 'vertical']) {
    it(`is never covered by the other buttons (${layout})`, async () => {
      const adapter = memoryCart();
      const widget = await loadedShow(layout, 360, 'ltr', adapter);
      adapter.changeElsewhere({ key: 'x', productId: 'a', variantId: 'a', title: 'Product a', quantity: 7, properties: {} });
      await waitUntil(() => widget.root.querySelector('.cart .count')?.textContent === '7', 'count shown');
      const count = box(widget.root.querySelector('.cart .count')!);
      const { cart, toggle } = loaded(widget.root);
      expect(inside(count, cart)).to.equal(true);
      if (toggle) expect(overlaps(count, toggle)).to.equal(false);
      // The topmost thing at the badge's centre is the badge itself.
      const hit = widget.root.elementFromPoint(count.left + count.width / 2, count.top + count.height / 2);
      expect(hit?.classList.contains('count')).to.equal(true);
    });
  }
});

describe("<vitrine-show> buttons over a playing live stream", () => {
  const cases: [string, number, 'ltr' | 'rtl'][] = [
    ['inline', 360, 'ltr'],
    ['inline', 1000, 'rtl'],
    ['vertical', 360, 'ltr'],
  ];
  for (const [layout, width, dir] of cases) {
    it(`never cover each other: pinned product, offer banner, LIVE badge, tap to unmute, chat toggle, cart and its count (${layout}, ${width} px, ${dir})`, async () => {
      const name = streamName('layout');
      await control(name);
      const adapter = memoryCart();
      const widget = await loadedShow(layout, width, dir, adapter, liveSrc(name));
      adapter.changeElsewhere({ key: 'x', productId: 'a', variantId: 'a', title: 'Product a', quantity: 7, properties: {} });
      const player = widget.root.querySelector('vitrine-player')!;
      await waitForState(player, 'playing');
      const inPlayer = (part: string): Element | null | undefined => player.shadowRoot?.querySelector(`[part~="${part}"]`);
      await waitUntil(() => inPlayer('live-badge') && inPlayer('unmute-button') && widget.root.querySelector('.cart .count'), 'LIVE badge, unmute button and cart count shown');
      // A pinned product and a flash offer (unstamped: shown as they arrive) join them over the video.
      const showId = widget.show.getAttribute('show')!;
      const host = (event: string, payload: unknown) => live<{ ok: boolean; error?: string }>({ action: 'emit', id: server.id, show: showId, role: 'host', event, payload });
      await waitUntil(() => widget.show.view!.live.connection?.store.status.get() === 'connected', 'connected', { timeout: 10_000 });
      expect(await host('pin:set', { productId: 'a', at: null })).to.include({ ok: true });
      expect(await host('offer:start', { productId: 'b', price: { amount: 1750, currency: 'EUR' }, quantity: 3, durationSeconds: 60 })).to.include({ ok: true });
      const part = (name: string): Element | null => widget.root.querySelector(`[part="${name}"]`);
      await waitUntil(() => part('pinned-card') && part('offer-banner'), 'pinned card and offer banner shown', { timeout: 10_000 });
      // A narrow inline video has no room for both: the banner (with its own buy button) takes the card's place.
      const narrowInline = layout === 'inline' && width < 600;
      expect(part('pinned-card')!.checkVisibility(), 'pinned card shown').to.equal(!narrowInline);
      const boxes: [string, Box][] = [
        ['offer banner', box(part('offer-banner')!)],
        ...(narrowInline ? [] : [['pinned card', box(part('pinned-card')!)] as [string, Box]]),
        ['LIVE badge', box(inPlayer('live-badge')!)],
        ['unmute', box(inPlayer('unmute-button')!)],
        ['cart', box(widget.root.querySelector('[part="cart-button"]')!)],
        ['chat', box(widget.root.querySelector('[part="chat"]')!)],
        ['products', box(widget.root.querySelector('[part="products"]')!)],
      ];
      const toggle = widget.root.querySelector('[part="chat-toggle"]');
      if (toggle) boxes.push(['chat toggle', box(toggle)]);
      for (let i = 0; i < boxes.length; i += 1) {
        for (let j = i + 1; j < boxes.length; j += 1) {
          const [a, boxA] = boxes[i]!;
          const [b, boxB] = boxes[j]!;
          expect(overlaps(boxA, boxB), `${a} overlaps ${b}: ${JSON.stringify([boxA, boxB])}`).to.equal(false);
        }
      }
      expect(inside(box(widget.root.querySelector('.cart .count')!), box(part('cart-button')!))).to.equal(true);
      for (const [name, shown] of boxes.filter(([name]) => name === 'offer banner' || name === 'pinned card')) {
        expect(inside(shown, box(part('stage')!)), `${name} over the video`).to.equal(true);
      }
      player.pause();
    });
  }
});

describe('<vitrine-show layout> attribute', () => {
  it('warns once, naming the attribute and the allowed values, and lays out as inline', async () => {
    const warnings: string[] = [];
    const original = console.warn;
    console.warn = (message: string) => warnings.push(String(message));
    let widget: Widget;
    try {
      widget = await loadedShow('sideways', 1000);
    } finally {
      console.warn = original;
    }
    const about = warnings.filter((w) => w.includes('attribute "layout"'));
    expect(about).to.have.length(1);
    expect(about[0]).to.include('inline, vertical');
    expect(about[0]).to.include('"sideways"');
    expect(widget.show.layout).to.equal('inline');
    expectSameBoxes(widget);
    expect(widget.root.querySelector('.layout')!.classList.contains('inline')).to.equal(true);
  });
});

describe('the README rule that reserves the box before the script runs (the demo shop has it)', () => {
  const TAG = 'vitrine-show-not-yet';

  const cases: [string, number][] = [
    ['products="/feed.json" live-server="/" show="s"', 1000],
    ['products="/feed.json" live-server="/" show="s"', 600],
    ['live-server="/" show="s"', 600],
    ['products="/feed.json"', 1000],
    ['', 500],
    ['layout="vertical" products="/feed.json" live-server="/" show="s"', 1000],
    ['layout="vertical" live-server="/" show="s"', 360],
  ];
  for (const [attributes, width] of cases) {
    it(`matches the facade's box: ${attributes || 'no attributes'}, ${width} px`, async () => {
      const sheet = await reserveRules(TAG);
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
      try {
        const container = await fixture<HTMLElement>(html`<div style=${`width: ${width}px`}></div>`);
        const reserved = document.createElement(TAG);
        const show = document.createElement('vitrine-show');
        show.setAttribute('loading', 'interaction');
        for (const [, name, value] of attributes.matchAll(/([\w-]+)="([^"]*)"/g)) {
          reserved.setAttribute(name!, value!);
          show.setAttribute(name!, value!);
        }
        container.append(reserved, show);
        const a = box(reserved);
        const b = box(show);
        expect(a.width, 'width').to.be.closeTo(b.width, 0.5);
        expect(a.height, 'height').to.be.closeTo(b.height, 0.5);
      } finally {
        document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
      }
    });
  }
});
