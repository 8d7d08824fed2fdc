// The CDN build served from a second origin, on a shop page of the first: both script forms work,
// every chunk comes from the CDN, and before the shopper interacts (or the widget nears the
// viewport) the page has downloaded the facade entry and nothing else.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoServer, type DemoServer } from '../../demo/app.js';
import { launchChromium, settle, watchPage, type PageWatch } from '../support/chromium.js';
import { playButton, waitForPlayback, widgetVideo } from '../support/show.js';

let shop: DemoServer;
let cdn: DemoServer;
let browser: Browser;
let cdnBase: string;

beforeAll(async () => {
  cdn = await createDemoServer({ port: 0 });
  cdnBase = `${cdn.url}/vitrine/`;
  [shop, browser] = await Promise.all([createDemoServer({ port: 0, cdn: cdnBase }), launchChromium()]);
  expect(new URL(shop.url).origin).not.toBe(new URL(cdn.url).origin);
});
afterAll(async () => {
  await browser?.close();
  await Promise.all([shop?.close(), cdn?.close()]);
});

/**
 * The scripts the page requested, as paths relative to the CDN folder. The lab page has no
 * script of its own, so every one must be Vitrine's and come from the CDN folder.
 */
function vitrineFiles(watch: PageWatch): string[] {
  const files = watch.requests.filter((r) => r.type === 'script');
  for (const file of files) expect(file.url.startsWith(cdnBase), `${file.url} comes from the CDN folder`).toBe(true);
  return files.map((file) => file.url.slice(cdnBase.length));
}

/** The files a page loads before any interaction: the entry and the elements chunk it boots. */
const entryOnly = (form: 'module' | 'classic'): string[] => [...(form === 'classic' ? ['vitrine.classic.js'] : []), 'vitrine.js', 'chunks/elements.js'];
/** Chunk names without their content hash. */
const unhashed = (files: string[]): string[] => files.map((file) => file.replace(/-[\w-]{6}\.js$/, '.js'));

async function open(path: string): Promise<{ page: Page; watch: PageWatch }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const watch = await watchPage(page);
  await page.goto(`${shop.url}${path}`);
  await settle(page);
  return { page, watch };
}

async function playAndCheck(page: Page, watch: PageWatch): Promise<void> {
  await playButton(page).click();
  const video = await widgetVideo(page);
  await waitForPlayback(video, 1);
  const files = vitrineFiles(watch);
  expect(files.some((file) => /^chunks\/hls-[\w-]+\.js$/.test(file)), `hls.js chunk loaded from the CDN: ${files.join(', ')}`).toBe(true);
  expect(await watch.violations()).toEqual([]);
  expect(watch.errors).toEqual([]);
}

describe.each(['module', 'classic'] as const)('CDN build on another origin, %s script', (form) => {
  it('loads its chunks from the CDN origin and plays', async () => {
    const { page, watch } = await open(`/lab/embed?script=${form}&stream=cdn-${form}`);
    // In view and idle: the widget code arrives (from the CDN), hls.js not yet needed.
    await page.waitForFunction(() => (document.querySelector('vitrine-show') as HTMLElement & { view?: unknown }).view !== undefined);
    expect(unhashed(vitrineFiles(watch).slice(0, entryOnly(form).length))).toEqual(entryOnly(form));
    expect(vitrineFiles(watch).some((file) => file.startsWith('chunks/show-view-'))).toBe(true);
    await playAndCheck(page, watch);
    await page.close();
  });

  it('below the fold: only the facade until the shopper scrolls to it', async () => {
    const { page, watch } = await open(`/lab/embed?script=${form}&place=below&stream=cdn-below-${form}`);
    expect(unhashed(vitrineFiles(watch))).toEqual(entryOnly(form));
    expect(await page.evaluate(() => (document.querySelector('vitrine-show') as HTMLElement & { view?: unknown }).view)).toBeUndefined();

    await page.locator('vitrine-show').scrollIntoViewIfNeeded();
    await page.waitForFunction(() => (document.querySelector('vitrine-show') as HTMLElement & { view?: unknown }).view !== undefined);
    expect(vitrineFiles(watch).some((file) => file.startsWith('chunks/'))).toBe(true);
    await playAndCheck(page, watch);
    await page.close();
  });
});

describe('one language per widget', () => {
  it('downloads the text of the widget\'s language only, alongside the widget code', async () => {
    const { page, watch } = await open('/lab/embed?locale=nl-BE&stream=cdn-nl');
    await page.waitForFunction(() => (document.querySelector('vitrine-show') as HTMLElement & { view?: unknown }).view !== undefined);
    await playAndCheck(page, watch);
    const text = vitrineFiles(watch).filter((file) => file.startsWith('chunks/i18n-'));
    expect(text).toHaveLength(1);
    expect(text[0]).toMatch(/^chunks\/i18n-nl-[\w-]+\.js$/);
    expect(await page.locator('vitrine-show vitrine-player [part="base"]').getAttribute('aria-label')).toBe('Videospeler: Spring drop, live from the studio');
    await page.close();
  });
});

describe('loading="interaction"', () => {
  it('downloads nothing beyond the facade until hover, focus or tap, even in view', async () => {
    const { page, watch } = await open('/lab/embed?loading=interaction&stream=cdn-interaction');
    expect(unhashed(vitrineFiles(watch))).toEqual(entryOnly('module'));

    await playButton(page).hover();
    await page.waitForFunction(() => (document.querySelector('vitrine-show') as HTMLElement & { view?: unknown }).view !== undefined);
    expect(vitrineFiles(watch).some((file) => file.startsWith('chunks/show-view-'))).toBe(true);
    await playAndCheck(page, watch);
    await page.close();
  });
});
