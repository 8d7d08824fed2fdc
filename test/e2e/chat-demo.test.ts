// The demo shop's live chat in Debian's Chromium: two shoppers talk, a host moderates with the
// token the demo prints, and only the chat's own chunks (socket.io-client among them) load.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createDemoServer, type DemoServer } from '../../demo/app.js';

let demo: DemoServer;
let browser: Browser;

beforeAll(async () => {
  demo = await createDemoServer({ port: 0 });
  browser = await chromium.launch({ executablePath: process.env['CHROMIUM_PATH'] || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
});
afterAll(async () => {
  await browser?.close();
  await demo?.close();
});

/** Every URL each page requested, from its first request. */
const requested = new Map<Page, string[]>();

async function shopper(name: string, { noWebSocket = false } = {}): Promise<Page> {
  const context = await browser.newContext();
  await context.addInitScript((n) => localStorage.setItem('vitrine:name', n), name);
  // A network (a proxy, a company firewall) that lets no WebSocket through: every upgrade fails.
  if (noWebSocket) {
    await context.addInitScript(() => {
      const Native = WebSocket;
      globalThis.WebSocket = class extends Native {
        constructor(url: string | URL, protocols?: string | string[]) {
          super(String(url).replace('/socket.io/', '/no-websocket-here/'), protocols);
        }
      };
    });
  }
  const page = await context.newPage();
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  requested.set(page, requests);
  await page.goto(`${demo.url}/`);
  await page.locator('vitrine-show').hover();
  await page.locator('vitrine-chat [part="input"]').waitFor();
  return page;
}

const texts = (page: Page) => page.locator('vitrine-chat [part~="message"] [part="text"]').allTextContents();

describe('demo shop chat', () => {
  it('lets two shoppers talk and a host moderate', async () => {
    const anna = await shopper('Anna');
    const ben = await shopper('Ben');
    const scripts: string[] = [];
    anna.on('request', (request) => scripts.push(request.url()));

    await anna.locator('vitrine-chat [part="input"]').fill('Does it come in blue?');
    await anna.locator('vitrine-chat [part="input"]').press('Enter');
    await expect.poll(() => texts(ben), { timeout: 15_000 }).toContain('Does it come in blue?');
    await ben.locator('vitrine-chat [part="input"]').fill('Yes, and in red!');
    await ben.locator('vitrine-chat [part="input"]').press('Enter');
    await expect.poll(() => texts(anna), { timeout: 15_000 }).toEqual(['Does it come in blue?', 'Yes, and in red!']);
    await expect.poll(() => anna.locator('vitrine-chat [part="viewer-count"]').getAttribute('aria-label'), { timeout: 15_000 }).toBe('2 viewers');

    const host = await browser.newPage();
    const hostRequests: string[] = [];
    host.on('request', (request) => hostRequests.push(request.url()));
    await host.goto(`${demo.url}/host.html#token=${demo.live.hostToken}`);
    await expect.poll(() => texts(host), { timeout: 15_000 }).toEqual(['Does it come in blue?', 'Yes, and in red!']);
    const message = host.locator('vitrine-chat [part~="message"]').filter({ hasText: 'Yes, and in red!' });
    await message.hover();
    await message.getByRole('button', { name: 'Delete message from Ben' }).click();
    await expect.poll(() => texts(anna), { timeout: 15_000 }).toEqual(['Does it come in blue?']);
    await expect.poll(() => texts(ben), { timeout: 15_000 }).toEqual(['Does it come in blue?']);
    // Nothing was reloaded: the chat code and socket.io-client had already loaded on demand.
    expect(scripts.filter((url) => url.endsWith('.js'))).toEqual([]);
    // The moderation tools are staff code: the host downloaded them, the shoppers never did.
    expect(hostRequests.some((url) => /\/chunks\/staff-[\w-]+\.js$/.test(url)), hostRequests.join('\n')).toBe(true);
    for (const page of [anna, ben]) expect(requested.get(page)!.filter((url) => url.includes('/chunks/staff-'))).toEqual([]);
  });

  it('falls back to XHR long-polling where WebSocket is blocked (the transports the CDN build keeps)', async () => {
    const carla = await shopper('Carla', { noWebSocket: true });
    const dan = await shopper('Dan');
    const requests: string[] = [];
    carla.on('request', (request) => requests.push(request.url()));
    await carla.locator('vitrine-chat [part="input"]').fill('Polling works');
    await carla.locator('vitrine-chat [part="input"]').press('Enter');
    await expect.poll(() => texts(dan), { timeout: 15_000 }).toContain('Polling works');
    await dan.locator('vitrine-chat [part="input"]').fill('Heard you');
    await dan.locator('vitrine-chat [part="input"]').press('Enter');
    await expect.poll(() => texts(carla), { timeout: 15_000 }).toContain('Heard you');
    const socketIo = requests.filter((url) => url.includes('/socket.io/'));
    expect(socketIo.length).toBeGreaterThan(0);
    expect(socketIo.every((url) => new URL(url).searchParams.get('transport') === 'polling'), socketIo.join('\n')).toBe(true);
    await carla.context().close();
    await dan.context().close();
  });
});
