import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoServer, type DemoServer } from '../../demo/app.js';

// The demo sells: the demo shop's <vitrine-show> (cart="shopify", products="shopify:...") with the
// CDN build (built by `npm test` first), the real Shopify adapter against the demo's Shopify-contract
// cart API, in Debian's Chromium.

let demo: DemoServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  demo = await createDemoServer({ port: 0 });
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'],
  });
  page = await browser.newPage({ viewport: { width: 1024, height: 900 } });
});

afterAll(async () => {
  await browser?.close();
  await demo?.close();
});

describe('demo shop: add to cart from the live show', () => {
  it('opens the overlay from the carousel, adds a chosen variant, and the cart page shows it with its attribution', async () => {
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
    });
    await page.goto(`${demo.url}/`);

    // The carousel under the video (Playwright's CSS engine looks into open shadow roots).
    const card = page.locator('vitrine-show vitrine-products .card', { hasText: 'Linen overshirt' });
    await card.click({ timeout: 30_000 });

    const overlay = page.locator('vitrine-show vitrine-product-overlay');
    await expect.poll(() => overlay.evaluate((element) => (element as HTMLElement).hasAttribute('open'))).toBe(true);
    await expect.poll(() => overlay.locator('h2').textContent()).toBe('Linen overshirt');

    // Size M, colour Olive (two in stock).
    await overlay.locator('input[name="axis-0"][value="M"]').check();
    await overlay.locator('input[name="axis-1"][value="Olive"]').check();
    await overlay.locator('[part="add-button"]').click();
    await expect.poll(() => overlay.locator('.result[role="status"]').textContent(), { timeout: 15_000 }).toBe('Added to your cart.');
    // The description is the browser's own Sanitizer API at work: no script is downloaded for it.
    const scriptsBefore = scripts.length;
    await overlay.locator('[part="about"] summary').click();
    await expect.poll(() => overlay.locator('[part="description"] strong').textContent()).toBe('heavy European linen');
    expect(scripts.slice(scriptsBefore)).toEqual([]);

    // The cart button over the video follows the merchant's cart.
    await expect.poll(() => page.locator('vitrine-show [part="cart-button"]').getAttribute('aria-label')).toBe('Cart, 1 item');

    // "View cart" hands over to the shop's own cart page, which lists the line and its attribution.
    await overlay.locator('[part="view-cart-button"]').click();
    await page.waitForURL(`${demo.url}/cart`);
    const line = page.locator('tr.line');
    await expect.poll(() => line.count()).toBe(1);
    expect(await line.locator('.title').textContent()).toContain('Linen overshirt');
    expect(await line.locator('.title').textContent()).toContain('M / Olive');
    expect((await line.locator('.quantity').textContent())?.trim()).toBe('1');
    const attribution = await line.locator('.attribution dl').innerText();
    expect(attribution).toMatch(/_vitrine_show\s+spring-drop/);
    expect(attribution).toMatch(/_vitrine_creator\s+demo-creator/);
    expect(pageErrors).toEqual([]);
  });
});
