// Shared setup of end-to-end test files: one demo server (port 0) and one Chromium per file.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { createDemoServer, type DemoServer, type DemoServerOptions } from '../../demo/app.js';
import { launchChromium } from './chromium.js';

export interface DemoAndBrowser {
  readonly demo: DemoServer;
  readonly browser: Browser;
}

/** Starts both before the file's tests and stops them after; read the fields inside tests. */
export function useDemoAndBrowser(options: DemoServerOptions = {}): DemoAndBrowser {
  const context = {} as { demo: DemoServer; browser: Browser };
  beforeAll(async () => {
    [context.demo, context.browser] = await Promise.all([createDemoServer({ port: 0, ...options }), launchChromium()]);
  });
  afterAll(async () => {
    await context.browser?.close();
    await context.demo?.close();
  });
  return context;
}
