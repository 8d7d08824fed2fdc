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

/**
 * Properties a theme could leak into the widget (inherited ones) or that its blunt rules set.
 * State-driven ones (opacity, transform, colours) are left out: the two pages' players need not
 * be in the same instant of their control-bar fade or buffering.
 */
const STYLE_PROPERTIES = [
  'font-family', 'font-size', 'font-style', 'font-weight', 'font-variant-caps', 'font-stretch', 'font-feature-settings',
  'line-height', 'letter-spacing', 'word-spacing', 'text-transform', 'text-indent', 'text-align', 'text-shadow',
  'white-space', 'word-break', 'hyphens', 'direction',
  'box-sizing', 'padding', 'margin', 'border-top-width', 'border-top-style', 'border-radius', 'filter', 'object-fit',
];

interface ElementStyle {
  readonly style: Record<string, string>;
  /** Box relative to the widget, for boxes that do not change with playback. */
  readonly box?: readonly number[];
}

/**
 * Computed styles of every element in the widget's shadow tree, nested shadow roots included,
 * keyed by tag, part and class (and the count among same-keyed siblings), so elements that only
 * one page's player shows at that moment do not shift the others.
 */
function widgetStyles(page: Page): Promise<Record<string, ElementStyle>> {
  return page.evaluate((properties) => {
    const host = document.querySelector('vitrine-show')!;
    const origin = host.getBoundingClientRect();
    const out: Record<string, { style: Record<string, string>; box?: number[] }> = {};
    const visit = (element: Element, path: string): void => {
      const computed = getComputedStyle(element);
      const style: Record<string, string> = {};
      for (const property of properties) style[property] = computed.getPropertyValue(property);
      const entry: { style: Record<string, string>; box?: number[] } = { style };
      // The host, buttons and the video have fixed boxes; text-dependent ones move with letter spacing.
      if (element === host || element.localName === 'button' || element.localName === 'video') {
        const r = element.getBoundingClientRect();
        entry.box = [r.x - origin.x, r.y - origin.y, r.width, r.height].map((n) => Math.round(n * 10) / 10);
      }
      out[path] = entry;
      const seen = new Map<string, number>();
      for (const child of [...(element.shadowRoot?.children ?? []), ...element.children]) {
        const part = child.getAttribute('part');
        const key = `${child.localName}${part ? `[part=${part}]` : ''}${child.classList.length ? `.${[...child.classList].sort().join('.')}` : ''}`;
        const n = (seen.get(key) ?? 0) + 1;
        seen.set(key, n);
        visit(child, `${path} > ${key}#${n}`);
      }
    };
    visit(host, 'vitrine-show');
    return out;
  }, STYLE_PROPERTIES);
}

/** The entries of both snapshots for the elements present in both. */
function common(a: Record<string, ElementStyle>, b: Record<string, ElementStyle>): [Record<string, ElementStyle>, Record<string, ElementStyle>] {
  const keys = Object.keys(a).filter((key) => key in b);
  return [Object.fromEntries(keys.map((k) => [k, a[k]!])), Object.fromEntries(keys.map((k) => [k, b[k]!]))];
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
    const styles: Record<string, ElementStyle>[] = [];
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
    const styles: Record<string, ElementStyle>[] = [];
    for (const theme of ['neutral', 'hostile'] as const) {
      const { page, watch } = await open(theme, `loading=interaction&stream=theme-${theme}`);
      // Keyboard: the widget is the first thing on the page, so Tab reaches its play button.
      await page.keyboard.press('Tab');
      await expect.poll(() => page.evaluate(() => document.activeElement?.localName)).toBe('vitrine-show');
      await playButton(page).waitFor();
      await page.keyboard.press('Enter');
      const video = await widgetVideo(page);
      await waitForPlayback(video, 1);
      // Compare a paused widget with the pointer away: the same state on both pages.
      await video.evaluate((v) => v.pause());
      await page.waitForFunction((v) => v.paused, video);
      await page.mouse.move(0, 0);
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      styles.push(await widgetStyles(page));
      expect(await watch.violations()).toEqual([]);
      expect(watch.errors).toEqual([]);
      await page.close();
    }
    const [neutral, hostile] = common(styles[0]!, styles[1]!);
    const video = Object.keys(neutral).filter((path) => /> video[^>]*#1$/.test(path));
    expect(video, 'the video is compared').toHaveLength(1);
    expect(Object.keys(neutral).length / Object.keys(styles[0]!).length, 'most elements are in both').toBeGreaterThan(0.8);
    expect(hostile).toEqual(neutral);
  });
});
