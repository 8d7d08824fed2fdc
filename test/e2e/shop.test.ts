// The foundation's end-to-end test: the demo server in-process, the shop page in Chromium, a
// shopper's click on the live show, and the stream time checked against the frame on screen.
import { describe, expect, it } from 'vitest';
import type { StreamInfo } from '../../demo/hls/routes.js';
import { collections } from '../../demo/shop/data.js';
import { demoCatalog } from '../../demo/shopify/index.js';
import { watchPage } from '../support/chromium.js';
import { useDemoAndBrowser } from '../support/e2e.js';
import { playButton, sampleStreamTime, waitForPlayback, widgetVideo } from '../support/show.js';

const setup = useDemoAndBrowser();

describe('demo shop', () => {
  it('plays the live show: playback advances, streamTime matches the frame on screen, no console error', async () => {
    const page = await setup.browser.newPage({ viewport: { width: 1280, height: 900 } });
    const watch = await watchPage(page);
    const response = await page.goto(`${setup.demo.url}/`, { waitUntil: 'load' });
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");

    // The page is a shop: header with cart, the live section, the whole grid.
    await expect(page.locator('.cart-link [data-cart-count]').textContent()).resolves.toBe('0');
    expect(await page.locator('.grid .card').count()).toBe(demoCatalog().length);
    expect(await page.locator('#live vitrine-show').getAttribute('src')).toBe('/hls/live/main/master.m3u8');

    await playButton(page).click();
    const video = await widgetVideo(page);
    const first = await waitForPlayback(video, 0.5);
    const later = await waitForPlayback(video, first + 2);
    expect(later).toBeGreaterThan(first + 2);

    const info = (await (await fetch(`${setup.demo.url}/hls/control/main`)).json()) as StreamInfo;
    const samples = [];
    for (let i = 0; i < 3; i += 1) {
      samples.push(await sampleStreamTime(page, video, info));
      await waitForPlayback(video, (await video.evaluate((v) => v.currentTime)) + 0.5);
    }
    for (const sample of samples) expect(Math.abs(sample.error), `streamTime off by ${sample.error} ms (frame ${sample.frame})`).toBeLessThan(500);

    expect(await watch.violations()).toEqual([]);
    expect(watch.errors).toEqual([]);
    await page.close();
  });

  it("keeps the header's cart count in step with an add made inside the live show", async () => {
    const page = await setup.browser.newPage({ viewport: { width: 1280, height: 900 } });
    const watch = await watchPage(page);
    await page.goto(`${setup.demo.url}/`);
    const count = page.locator('.cart-link [data-cart-count]');
    expect(await count.textContent()).toBe('0');
    await page.locator('vitrine-show vitrine-products .card', { hasText: 'Ceramic pour-over set' }).click({ timeout: 30_000 });
    const overlay = page.locator('vitrine-show vitrine-product-overlay');
    await overlay.locator('[part="add-button"]').click();
    await expect.poll(() => count.textContent(), { timeout: 15_000 }).toBe('1');
    expect(await page.locator('.cart-link').getAttribute('aria-label')).toBe('Cart, 1 item');
    // The shop's own count agrees after a reload (the same cart, server-side).
    await page.reload();
    expect(await count.textContent()).toBe('1');
    expect(watch.errors).toEqual([]);
    await page.close();
  });

  it('filters the grid by search and collection, and shows the query as text', async () => {
    const page = await setup.browser.newPage();
    const watch = await watchPage(page);
    await page.goto(`${setup.demo.url}/?q=${encodeURIComponent('merino <img src=x onerror=alert(1)>')}`);
    expect(await page.locator('.grid .card').count()).toBe(0);
    expect(await page.locator('.empty').textContent()).toContain('<img src=x onerror=alert(1)>');
    expect(await page.locator('main img[src="x"]').count()).toBe(0);

    await page.goto(`${setup.demo.url}/?q=merino`);
    expect(await page.locator('.grid .card-title').allTextContents()).toEqual(['Merino crew sweater']);

    await page.goto(`${setup.demo.url}/?collection=sale`);
    const sale = demoCatalog().filter(collections.find((c) => c.handle === 'sale')!.has).map((p) => p.title);
    expect(sale.length).toBeGreaterThan(1);
    expect(await page.locator('.grid .card-title').allTextContents()).toEqual(sale);
    expect(watch.errors).toEqual([]);
    await page.close();
  });
});
