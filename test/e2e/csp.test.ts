// The widget under the strictest Content-Security-Policy a shop could send: no inline script or
// style, no eval, no workers (so no blob: worker), scripts only from the Vitrine folder.
import { describe, expect, it } from 'vitest';
import { settle, watchPage } from '../support/chromium.js';
import { useDemoAndBrowser } from '../support/e2e.js';
import { playButton, waitForPlayback, widgetVideo } from '../support/show.js';

const setup = useDemoAndBrowser();

function directives(policy: string): Map<string, string[]> {
  return new Map(policy.split(';').map((part) => part.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));
}

describe('strict Content-Security-Policy', () => {
  it('plays with no violation and no console error', async () => {
    const page = await setup.browser.newPage({ viewport: { width: 1000, height: 800 } });
    const watch = await watchPage(page);
    const response = await page.goto(`${setup.demo.url}/lab/strict-csp?stream=csp`);
    const policy = directives(response!.headers()['content-security-policy']!);
    expect(policy.get('default-src')).toEqual(["'none'"]);
    expect(policy.get('script-src')).toEqual([`${setup.demo.url}/vitrine/`]);
    expect(policy.get('style-src')).toEqual(["'self'"]);
    expect(policy.get('worker-src')).toEqual(["'none'"]);
    expect(policy.get('media-src')).toEqual(["'self'", 'blob:', 'data:']);
    for (const values of policy.values()) {
      expect(values).not.toContain("'unsafe-inline'");
      expect(values).not.toContain("'unsafe-eval'");
    }

    await settle(page);
    await playButton(page).click();
    const video = await widgetVideo(page);
    const start = await waitForPlayback(video, 1);
    // Subtitles too: hls.js gives each <track> a data: placeholder, and the cues come from WebVTT.
    await page.locator('vitrine-show').getByRole('button', { name: 'Subtitles' }).click();
    await page.locator('vitrine-show').getByRole('menuitemradio', { name: 'English' }).click();
    await page.waitForFunction((v) => [...v.textTracks].some((track) => track.mode === 'showing' && (track.cues?.length ?? 0) > 0), video);
    await waitForPlayback(video, start + 1);
    expect(await watch.violations()).toEqual([]);
    expect(watch.errors).toEqual([]);
    await page.close();
  });

  it('the page really enforces it: a blob: worker, inline style and inline script are refused and reported', async () => {
    const page = await setup.browser.newPage();
    const watch = await watchPage(page);
    await page.goto(`${setup.demo.url}/lab/strict-csp?stream=csp-control&loading=interaction`);
    const applied = await page.evaluate(() => {
      new Worker(URL.createObjectURL(new Blob([''], { type: 'text/javascript' })));
      const div = document.createElement('div');
      div.setAttribute('style', 'color: red');
      document.body.append(div);
      const script = document.createElement('script');
      script.textContent = 'window.inlineScriptRan = true';
      document.body.append(script);
      return { style: getComputedStyle(div).color === 'rgb(255, 0, 0)', script: 'inlineScriptRan' in window };
    });
    expect(applied).toEqual({ style: false, script: false });
    await expect
      .poll(async () => (await watch.violations()).map((v) => v.directive).sort())
      .toEqual(['script-src-elem', 'style-src-attr', 'worker-src']);
    await page.close();
  });
});
