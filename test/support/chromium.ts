// Node-side: Debian's Chromium driven by playwright-core, for end-to-end tests and benchmarks.
// Never downloads a browser. `watchPage` records what a page did wrong (console errors, uncaught
// exceptions, CSP violations) and what it fetched.
import { chromium, type Browser, type LaunchOptions, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
  '--mute-audio',
];

/**
 * tsx (benchmarks) compiles with esbuild's keepNames, which wraps named functions in a `__name`
 * helper that does not exist inside the page; functions handed to `page.evaluate` need it.
 */
export const EVALUATE_SHIM = 'globalThis.__name ??= (target) => target;';

export function launchChromium(options: LaunchOptions = {}): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, ...options, args: [...CHROMIUM_ARGS, ...(options.args ?? [])] });
}

export interface CspViolation {
  readonly directive: string;
  readonly blockedURI: string;
  readonly sample: string;
}

export interface PageWatch {
  /** Console messages of type error, and uncaught exceptions. */
  readonly errors: string[];
  /** Console warnings (e.g. Vitrine's `[vitrine] ...`). */
  readonly warnings: string[];
  /** URLs requested, in order, with the resource type. */
  readonly requests: { url: string; type: string }[];
  /** `securitypolicyviolation` events seen by the page. */
  violations(): Promise<CspViolation[]>;
}

/** Starts recording; call before `page.goto`. */
export async function watchPage(page: Page): Promise<PageWatch> {
  const errors: string[] = [];
  const warnings: string[] = [];
  const requests: { url: string; type: string }[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console.error: ${message.text()} (${message.location().url})`);
    else if (message.type() === 'warning') warnings.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
  page.on('request', (request) => requests.push({ url: request.url(), type: request.resourceType() }));
  // Init scripts run before the page's own scripts and are not subject to the page's CSP.
  await page.addInitScript({ content: EVALUATE_SHIM });
  await page.addInitScript(() => {
    const seen: { directive: string; blockedURI: string; sample: string }[] = [];
    (window as unknown as { __cspViolations: typeof seen }).__cspViolations = seen;
    document.addEventListener(
      'securitypolicyviolation',
      (event) => seen.push({ directive: event.effectiveDirective, blockedURI: event.blockedURI, sample: event.sample }),
      true,
    );
  });
  return {
    errors,
    warnings,
    requests,
    violations: () => page.evaluate(() => (window as unknown as { __cspViolations?: CspViolation[] }).__cspViolations ?? []),
  };
}

export interface PixelDiff {
  readonly width: number;
  readonly height: number;
  /** Pixels whose colour differs by more than `tolerance` in any channel. */
  readonly different: number;
  /** Bounding box of the differing pixels, or null. */
  readonly box: { x: number; y: number; width: number; height: number } | null;
}

/** Compares two PNG screenshots pixel by pixel, decoding them in a blank page of `browser`. */
export async function comparePngs(browser: Browser, a: Buffer, b: Buffer, tolerance = 0): Promise<PixelDiff> {
  const page = await browser.newPage();
  try {
    await page.evaluate(EVALUATE_SHIM);
    return await page.evaluate(
      async ([a64, b64, tol]) => {
        const decode = async (base64: string): Promise<ImageData> => {
          const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${base64}`)).blob());
          const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
          const context = canvas.getContext('2d')!;
          context.drawImage(bitmap, 0, 0);
          return context.getImageData(0, 0, bitmap.width, bitmap.height);
        };
        const [x, y] = [await decode(a64), await decode(b64)];
        if (x.width !== y.width || x.height !== y.height) {
          return { width: -1, height: -1, different: Math.max(x.width * x.height, y.width * y.height), box: null };
        }
        let different = 0;
        let [minX, minY, maxX, maxY] = [Infinity, Infinity, -1, -1];
        for (let i = 0; i < x.data.length; i += 4) {
          if (Math.max(...[0, 1, 2, 3].map((c) => Math.abs(x.data[i + c]! - y.data[i + c]!))) > tol) {
            different += 1;
            const p = i / 4;
            const [px, py] = [p % x.width, Math.floor(p / x.width)];
            [minX, minY, maxX, maxY] = [Math.min(minX, px), Math.min(minY, py), Math.max(maxX, px), Math.max(maxY, py)];
          }
        }
        return { width: x.width, height: x.height, different, box: different ? { x: minX, y: minY, width: maxX - minX + 1, height: maxY - minY + 1 } : null };
      },
      [a.toString('base64'), b.toString('base64'), tolerance] as const,
    );
  } finally {
    await page.close();
  }
}

/**
 * Waits until the page has loaded and had its idle time: the point by which a widget that loads
 * "after the page, when idle, if near the viewport" has started loading if it is going to.
 * Two idle callbacks and two frames: intersection observers report during a rendering update.
 */
export async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('load');
  for (let i = 0; i < 2; i += 1) {
    await page.evaluate(
      () =>
        new Promise<void>((resolve) =>
          requestIdleCallback(() => requestAnimationFrame(() => requestAnimationFrame(() => resolve())), { timeout: 3000 }),
        ),
    );
  }
}
