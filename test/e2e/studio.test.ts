// The demo's studio page (/studio.html, the URL `npm start` prints) in Debian's Chromium against the
// demo's real live server: the figures it shows are exactly what the test's viewers did (real
// socket.io clients joining, chatting and sending beacons), and it refuses anyone but staff with
// a clear message, under the shop's strict Content-Security-Policy.
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_SHOW } from '../../demo/live.js';
import type { TrackEvent } from '../../src/live/protocol.js';
import { watchPage, type PageWatch } from '../support/chromium.js';
import { useDemoAndBrowser } from '../support/e2e.js';
import { client, closeAll, connected, joined, request, type TestClient } from '../support/live-node.js';

const setup = useDemoAndBrowser();
const sockets: TestClient[] = [];
afterEach(() => closeAll(...sockets.splice(0)));

async function viewer(name: string): Promise<TestClient> {
  const { socket } = await joined(setup.demo.url, { show: DEMO_SHOW, name });
  sockets.push(socket);
  return socket;
}

async function studioPage(token: string | null): Promise<{ page: Page; watch: PageWatch }> {
  const page = await setup.browser.newPage({ viewport: { width: 1400, height: 1000 } });
  const watch = await watchPage(page);
  await page.goto(`${setup.demo.url}/studio.html${token === null ? '' : `#token=${token}`}`);
  return { page, watch };
}

const text = async (page: Page, selector: string): Promise<string> => ((await page.locator(selector).first().textContent({ timeout: 1000 }).catch(() => '')) ?? '').trim();
const summary = (page: Page, name: string) => text(page, `vitrine-studio [part="figures"] [data-figure="${name}"]`);
const productFigure = (page: Page, id: string, name: string) => text(page, `vitrine-studio [data-product-id="${id}"] [data-figure="${name}"]`);
const creatorFigure = (page: Page, creator: string, name: string) => text(page, `vitrine-studio [data-creator="${creator}"] [data-figure="${name}"]`);
const refusal = (page: Page) => text(page, 'vitrine-studio [part="refusal"]');

describe('demo studio: live figures', () => {
  it('shows exactly the viewers, chat and beacons the test sent, refreshed every second', async () => {
    const { page, watch } = await studioPage(setup.demo.live.hostToken);
    await expect.poll(() => page.locator('vitrine-studio [data-product-id]').count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
    const [first, second] = await page.locator('vitrine-studio [data-product-id]').evaluateAll((rows) => rows.map((row) => (row as HTMLElement).dataset['productId']!));
    await expect.poll(() => summary(page, 'viewers'), { timeout: 15_000 }).toBe('0');

    const anna = await viewer('Anna');
    const ben = await viewer('Ben');
    const carl = await viewer('Carl');
    await expect.poll(() => summary(page, 'viewers'), { timeout: 15_000 }).toBe('3');
    expect(await summary(page, 'peakViewers')).toBe('3');
    carl.disconnect();
    await expect.poll(() => summary(page, 'viewers'), { timeout: 15_000 }).toBe('2');
    expect(await summary(page, 'peakViewers')).toBe('3');

    for (const [socket, words] of [
      [anna, 'Does it come in blue?'],
      [ben, 'Love the overshirt'],
      [anna, 'What sizes are left?'],
    ] as const) {
      const ack = await request(socket, 'chat:send', { clientId: `c-${Math.random().toString(36).slice(2)}`, text: words });
      expect(ack.ok, JSON.stringify(ack)).toBe(true);
    }
    await expect.poll(() => summary(page, 'chatPerMinute'), { timeout: 15_000 }).toBe('3');

    const at = Date.now();
    const eur = (amount: number) => ({ amount, currency: 'EUR' });
    const annaEvents: TrackEvent[] = [
      { type: 'impression', productId: first!, at },
      { type: 'impression', productId: second!, at },
      { type: 'impression', productId: first!, at }, // the same card again: counted once per viewer
      { type: 'play', at },
      { type: 'overlay_open', productId: first!, at },
      { type: 'add_to_cart', productId: first!, value: eur(5000), quantity: 2, creator: 'anna-styles', at },
      { type: 'checkout', value: eur(5000), at },
    ];
    const benEvents: TrackEvent[] = [
      { type: 'impression', productId: first!, at },
      { type: 'play', at },
      { type: 'product_view', productId: first!, at },
      { type: 'overlay_open', productId: second!, at },
      { type: 'add_to_cart', productId: first!, value: eur(2500), quantity: 1, creator: 'ben-daily', at },
      { type: 'add_to_cart', productId: second!, value: eur(1999), quantity: 1, at },
    ];
    anna.emit('track', { events: annaEvents });
    ben.emit('track', { events: benEvents });

    await expect.poll(() => productFigure(page, first!, 'addToCartValue'), { timeout: 15_000 }).toBe('€75.00');
    expect(await productFigure(page, first!, 'impressions')).toBe('2');
    expect(await productFigure(page, first!, 'overlayOpens')).toBe('2');
    expect(await productFigure(page, first!, 'addToCarts')).toBe('2');
    await expect.poll(() => productFigure(page, second!, 'addToCartValue'), { timeout: 15_000 }).toBe('€19.99');
    expect(await productFigure(page, second!, 'impressions')).toBe('1');
    expect(await productFigure(page, second!, 'overlayOpens')).toBe('1');
    expect(await productFigure(page, second!, 'addToCarts')).toBe('1');
    expect(await creatorFigure(page, 'anna-styles', 'addToCarts')).toBe('1');
    expect(await creatorFigure(page, 'anna-styles', 'addToCartValue')).toBe('€50.00');
    expect(await creatorFigure(page, 'ben-daily', 'addToCarts')).toBe('1');
    expect(await creatorFigure(page, 'ben-daily', 'addToCartValue')).toBe('€25.00');
    expect(await page.locator('vitrine-studio [data-creator]').count()).toBe(2);
    expect(await summary(page, 'plays')).toBe('2');
    expect(await summary(page, 'checkouts')).toBe('1');

    // The figures keep moving: one more add-to-cart shows up within the next refreshes.
    ben.emit('track', { events: [{ type: 'add_to_cart', productId: first!, value: eur(2500), quantity: 1, creator: 'ben-daily', at: Date.now() }] });
    await expect.poll(() => productFigure(page, first!, 'addToCarts'), { timeout: 15_000 }).toBe('3');
    expect(await productFigure(page, first!, 'addToCartValue')).toBe('€100.00');
    expect(await creatorFigure(page, 'ben-daily', 'addToCartValue')).toBe('€50.00');
    // The studio itself is not a viewer.
    expect(await summary(page, 'viewers')).toBe('2');
    expect(watch.errors).toEqual([]);
    expect(await watch.violations()).toEqual([]);
    await page.close();
  });
});

describe('demo studio: refused without a staff token', () => {
  it('without a token: says it needs a host or moderator token, and joins nothing', async () => {
    const { page } = await studioPage(null);
    await expect.poll(() => refusal(page), { timeout: 30_000 }).toContain('needs a host or moderator token');
    expect(await page.locator('vitrine-studio [part="products"], vitrine-studio vitrine-player').count()).toBe(0);
    await page.close();
  });

  it('with a viewer token: says the token is a viewer’s', async () => {
    const token = await setup.demo.live.server.mintToken({ role: 'viewer', show: DEMO_SHOW, name: 'Vera' });
    const { page } = await studioPage(token);
    await expect.poll(() => refusal(page), { timeout: 30_000 }).toContain('This token belongs to a viewer');
    expect(await page.locator('vitrine-studio [part="products"]').count()).toBe(0);
    await page.close();
  });

  it('with an expired host token: says it has expired', async () => {
    const token = await setup.demo.live.server.mintToken({ role: 'host', show: DEMO_SHOW, expiresIn: 1 });
    const exp = (JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as { exp: number }).exp;
    await expect.poll(() => Date.now() > exp * 1000, { timeout: 5000, interval: 100 }).toBe(true);
    const { page } = await studioPage(token);
    await expect.poll(() => refusal(page), { timeout: 30_000 }).toContain('This token has expired');
    expect(await page.locator('vitrine-studio [part="products"]').count()).toBe(0);
    await page.close();
  });

  it('with a host token for another show: the live server refuses, the studio says so', async () => {
    const token = await setup.demo.live.server.mintToken({ role: 'host', show: 'another-show' });
    const { page } = await studioPage(token);
    await expect.poll(() => refusal(page), { timeout: 30_000 }).toContain('was not accepted');
    await page.close();
  });

  it('the demo live server runs only its own show: another show id is refused at the handshake', async () => {
    const stray = client(setup.demo.url, { show: 'another-show', name: 'Stray', reconnection: false });
    sockets.push(stray);
    await expect(connected(stray)).rejects.toThrow('not_found');
  });
});
