// Consent in the demo shop, in Debian's Chromium against the demo's real live server: the shop's
// <vitrine-show consent="pending" analytics="datalayer"> stores nothing in the browser and sends
// nothing (no `track` beacon on the socket, no dataLayer push) while the shopper watches and opens
// products; after the page calls grantConsent(), what happens next flows (beacons, GA4 events,
// the viewer's identity in localStorage) and the studio's figures count it; nothing from before.
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_SHOW } from '../../demo/live.js';
import type { ShowFigures, TrackEvent } from '../../src/live/protocol.js';
import { watchPage } from '../support/chromium.js';
import { useDemoAndBrowser } from '../support/e2e.js';
import { closeAll, collect, joined, type TestClient } from '../support/live-node.js';

const setup = useDemoAndBrowser({ show: { consent: 'pending', analytics: 'datalayer' } });
const sockets: TestClient[] = [];
afterEach(() => closeAll(...sockets.splice(0)));

/** A socket.io event in an engine.io text packet: `42["name",...]`, with an ack id `4217["name",...]`. */
const EVENT = /^42\d*(\[.*)$/s;

function eventsNamed(frames: readonly string[], name: string): unknown[][] {
  return frames.flatMap((frame) => {
    const json = EVENT.exec(frame)?.[1];
    const packet = json ? (JSON.parse(json) as unknown[]) : null;
    return packet?.[0] === name ? [packet.slice(1)] : [];
  });
}

/** The `track` beacons the page sent. */
function trackEvents(frames: readonly string[]): TrackEvent[] {
  return eventsNamed(frames, 'track').flatMap(([payload]) => (payload as { events: TrackEvent[] }).events);
}

describe('demo shop: consent="pending"', () => {
  it('stores and sends nothing until grantConsent(), then beacons, dataLayer and storage flow', async () => {
    // The studio's view of the show, as a host's socket sees it.
    const { socket: staff } = await joined(setup.demo.url, { show: DEMO_SHOW, token: setup.demo.live.hostToken });
    sockets.push(staff);
    const figures = collect<ShowFigures>(staff, 'figures');

    const context = await setup.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const watch = await watchPage(page);
    const frames: string[] = [];
    page.on('websocket', (ws) => ws.on('framesent', ({ payload }) => void frames.push(String(payload))));
    // And what would go by HTTP long-polling, should the WebSocket not open (packets split by U+001E).
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().includes('/socket.io/')) frames.push(...(request.postData() ?? '').split('\u001e'));
    });
    // What the widget did, whatever consent says: its DOM events are the page's own.
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __vitrineEvents: string[] }).__vitrineEvents = seen;
      for (const type of ['vitrine-impression', 'vitrine-product-view', 'vitrine-play']) document.addEventListener(type, () => seen.push(type));
    });
    const events = () => page.evaluate(() => (window as unknown as { __vitrineEvents: string[] }).__vitrineEvents);
    const storage = () =>
      page.evaluate(async () => ({
        local: Object.keys(localStorage),
        session: Object.keys(sessionStorage),
        // The shop's own cart session cookie (Shopify's `cart`, set by the shop's /cart.js) is the
        // merchant's, as on any page of the shop; anything else would be Vitrine's.
        cookies: document.cookie.split(/;\s*/).filter((cookie) => cookie && !cookie.startsWith('cart=')),
        databases: (await indexedDB.databases()).map((db) => db.name),
      }));
    const dataLayer = () => page.evaluate(() => ((window as unknown as { dataLayer?: { event?: string }[] }).dataLayer ?? []).map((entry) => entry.event ?? null));

    await page.goto(`${setup.demo.url}/`);
    // Real cards, not the loading skeleton's placeholders.
    const cards = page.locator('vitrine-show vitrine-products .list:not(.skeleton) .card');
    // The open overlay (the show's own; or, should a card be tapped before the show handed it to
    // the carousel, the carousel's page dialog).
    const overlay = page.locator('vitrine-show vitrine-product-overlay[open]');
    // The shopper looks at a product: the widget says so in the page, and is connected to the show.
    await cards.first().click({ timeout: 30_000 });
    await expect.poll(() => overlay.count(), { timeout: 15_000 }).toBe(1);
    await expect.poll(events, { timeout: 15_000 }).toEqual(expect.arrayContaining(['vitrine-impression', 'vitrine-product-view']));
    await expect.poll(() => eventsNamed(frames, 'join').length, { timeout: 15_000 }).toBe(1);
    const firstTitle = (await overlay.locator('h2').textContent())!.trim();

    expect(trackEvents(frames)).toEqual([]);
    expect(await dataLayer()).toEqual([]);
    expect(await storage()).toEqual({ local: [], session: [], cookies: [], databases: [] });
    expect((await context.cookies()).map((cookie) => cookie.name).filter((name) => name !== 'cart')).toEqual([]);

    // The consent banner said yes.
    const grantedAt = await page.evaluate(() => {
      const at = Date.now();
      (document.querySelector('vitrine-show') as HTMLElement & { grantConsent(): void }).grantConsent();
      return at;
    });
    expect(await page.locator('vitrine-show').getAttribute('consent')).toBe('granted');
    await expect.poll(async () => (await storage()).local, { timeout: 15_000 }).toContain('vitrine:viewer');

    // The next product the shopper opens flows everywhere.
    await page.keyboard.press('Escape');
    await expect.poll(() => overlay.count(), { timeout: 15_000 }).toBe(0);
    await cards.nth(1).click();
    await expect.poll(() => overlay.count(), { timeout: 15_000 }).toBe(1);
    const secondTitle = (await overlay.locator('h2').textContent())!.trim();
    expect(secondTitle).not.toBe(firstTitle);

    await expect.poll(() => trackEvents(frames).some((event) => event.type === 'overlay_open'), { timeout: 15_000 }).toBe(true);
    const sent = trackEvents(frames);
    // Only what happened after the grant: the first product's view and the impressions before are gone.
    expect(sent.every((event) => event.at >= grantedAt), JSON.stringify(sent)).toBe(true);
    const opened = sent.filter((event) => event.type === 'overlay_open');
    expect(opened).toHaveLength(1);
    expect(opened[0]!.creator).toBe('demo-creator');

    const layer = await page.evaluate(() => (window as unknown as { dataLayer: { event?: string; ecommerce?: { items: { item_name: string }[] } | null }[] }).dataLayer);
    expect(layer.map((entry) => entry.event ?? null)).toEqual([null, 'view_item']); // { ecommerce: null } clears, then the event
    expect(layer[1]!.ecommerce!.items[0]!.item_name).toBe(secondTitle);

    // The studio's figures: one overlay open (the one after the grant), no impressions from before.
    const productId = opened[0]!.productId!;
    await expect.poll(() => figures.at(-1)?.products[productId]?.overlayOpens ?? 0, { timeout: 15_000 }).toBe(1);
    const last = figures.at(-1)!;
    const opens = Object.values(last.products).reduce((sum, product) => sum + product.overlayOpens, 0);
    expect(opens).toBe(1);
    const impressions = Object.values(last.products).reduce((sum, product) => sum + product.impressions, 0);
    expect(impressions).toBe(sent.filter((event) => event.type === 'impression').length);

    expect(watch.errors).toEqual([]);
    expect(await watch.violations()).toEqual([]);
    await context.close();
  });
});
