// The widget inside a hostile shop theme (own font, huge line height, letter spacing, upper case,
// typography restated on every element, blunt rules for button, video, img and div) looks and
// works exactly as on a neutral page.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { comparePngs, settle, watchPage, type PageWatch } from '../support/chromium.js';
import { useDemoAndBrowser } from '../support/e2e.js';
import { playButton, waitForPlayback, widgetVideo } from '../support/show.js';

const setup = useDemoAndBrowser();

type Theme = 'neutral' | 'hostile';

async function open(theme: Theme, query: string): Promise<{ page: Page; watch: PageWatch }> {
  const page = await setup.browser.newPage({ viewport: { width: 1000, height: 800 } });
  const watch = await watchPage(page);
  await page.goto(`${setup.demo.url}/lab/theme?theme=${theme}&${query}`);
  await settle(page);
  return { page, watch };
}

/** Properties a theme could leak into the widget (inherited ones) or that its rules target. */
const STYLE_PROPERTIES = [
  'font-family', 'font-size', 'font-style', 'font-weight', 'font-variant-caps', 'font-stretch', 'font-feature-settings',
  'line-height', 'letter-spacing', 'word-spacing', 'text-transform', 'text-indent', 'text-align', 'text-shadow',
  'white-space', 'word-break', 'hyphens', 'color', 'cursor', 'visibility', 'direction',
  'display', 'position', 'box-sizing', 'padding', 'margin', 'border-top-width', 'border-top-style', 'border-radius',
  'background-color', 'opacity', 'filter', 'transform', 'object-fit', 'box-shadow', 'outline-style',
];

interface ElementStyle {
  readonly path: string;
  readonly style: Record<string, string>;
  /** Box relative to the widget, for boxes that do not change with playback. */
  readonly box?: readonly number[];
}

/** Computed styles of every element in the widget's shadow tree, nested shadow roots included. */
function widgetStyles(page: Page): Promise<ElementStyle[]> {
  return page.evaluate((properties) => {
    const host = document.querySelector('vitrine-show')!;
    const origin = host.getBoundingClientRect();
    const out: { path: string; style: Record<string, string>; box?: number[] }[] = [];
    const visit = (element: Element, path: string): void => {
      const computed = getComputedStyle(element);
      const style: Record<string, string> = {};
      for (const property of properties) style[property] = computed.getPropertyValue(property);
      const entry: { path: string; style: Record<string, string>; box?: number[] } = { path, style };
      // Buttons and the video have fixed boxes; text-dependent ones move with letter spacing.
      if (element === host || element.localName === 'button' || element.localName === 'video') {
        const r = element.getBoundingClientRect();
        entry.box = [r.x - origin.x, r.y - origin.y, r.width, r.height].map((n) => Math.round(n * 10) / 10);
      }
      out.push(entry);
      const children = [...(element.shadowRoot?.children ?? []), ...element.children];
      children.forEach((child, i) => visit(child, `${path} > ${child.localName}${child.getAttribute('part') ? `[part=${child.getAttribute('part')}]` : ''}:${i}`));
    };
    visit(host, 'vitrine-show');
    return out;
  }, STYLE_PROPERTIES);
}

async function posterLoaded(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const img = document.querySelector('vitrine-show')?.shadowRoot?.querySelector('img');
    return img instanceof HTMLImageElement && img.complete && img.naturalWidth > 0;
  });
}

describe('hostile shop theme', () => {
  it('the facade looks pixel for pixel as on a neutral page', async () => {
    const shots: Buffer[] = [];
    const styles: ElementStyle[][] = [];
    for (const theme of ['neutral', 'hostile'] as const) {
      const { page, watch } = await open(theme, 'loading=interaction&stream=theme-facade');
      await posterLoaded(page);
      shots.push(await page.locator('vitrine-show').screenshot({ animations: 'disabled' }));
      styles.push(await widgetStyles(page));
      expect(watch.errors).toEqual([]);
      await page.close();
    }
    expect(styles[1]).toEqual(styles[0]);
    const diff = await comparePngs(setup.browser, shots[0]!, shots[1]!);
    expect(diff.different, `pixels differ in ${JSON.stringify(diff.box)}`).toBe(0);
  });

  it('the playing widget has the same styles and boxes, and plays from the keyboard', async () => {
    const styles: ElementStyle[][] = [];
    for (const theme of ['neutral', 'hostile'] as const) {
      const { page, watch } = await open(theme, `loading=interaction&stream=theme-${theme}`);
      // Keyboard: the widget is the first thing on the page, so Tab reaches its play button.
      await page.keyboard.press('Tab');
      await expect.poll(() => page.evaluate(() => document.activeElement?.localName)).toBe('vitrine-show');
      await playButton(page).waitFor();
      await page.keyboard.press('Enter');
      const video = await widgetVideo(page);
      await waitForPlayback(video, 1);
      await page.mouse.move(0, 0);
      styles.push(await widgetStyles(page));
      expect(await watch.violations()).toEqual([]);
      expect(watch.errors).toEqual([]);
      await page.close();
    }
    expect(styles[1]!.length).toBeGreaterThan(1);
    expect(styles[1]).toEqual(styles[0]);
  });
});
