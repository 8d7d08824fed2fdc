import { chromium } from 'playwright-core';
import { createDemoServer } from '../demo/app.ts';
const demo = await createDemoServer({ port: 0 });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu'] });
for (const url of ['/', '/?layout=vertical', '/?loading=interaction']) for (const [w, dpr] of [[412, 1.75], [1350, 1], [390, 3], [1600, 2]]) {
  const ctx = await browser.newContext({ viewport: { width: w, height: 823 }, deviceScaleFactor: dpr, isMobile: w < 800 });
  const page = await ctx.newPage();
  let release; const gate = new Promise(r => release = r);
  await page.route('**/vitrine/vitrine.js', async r => { await gate; await r.continue(); });
  await page.addInitScript(() => { window.__lcp = []; new PerformanceObserver(l => { for (const e of l.getEntries()) window.__lcp.push([Math.round(e.startTime), e.size, e.element?.tagName, e.url.slice(-16)]); }).observe({ type: 'largest-contentful-paint', buffered: true }); });
  await page.goto(demo.url + url, { waitUntil: 'commit' });
  await page.waitForFunction(() => document.querySelector('[slot=poster] img')?.complete && window.__lcp.some(e => e[2] === 'IMG'));
  const before = await page.evaluate(() => { const r = document.querySelector('[slot=poster] img').getBoundingClientRect(); return [r.width, r.height].join('x'); });
  release();
  await page.waitForFunction(() => customElements.get('vitrine-show'));
  await page.waitForTimeout(1500);
  const after = await page.evaluate(() => { const r = document.querySelector('[slot=poster] img').getBoundingClientRect(); return [r.width, r.height].join('x'); });
  console.log(url.padEnd(22), w, dpr, before, after, JSON.stringify(await page.evaluate(() => window.__lcp)));
  await ctx.close();
}
await browser.close(); process.exit(0);
