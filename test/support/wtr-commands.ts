// Server-side commands for browser tests (called with executeServerCommand from the page).
import type { TestRunnerPlugin } from '@web/test-runner';
import { commerceMiddleware, commercePlugin } from './wtr-commerce.js';
import { mediaMiddleware } from './wtr-media.js';

interface PuppeteerPage {
  metrics(): Promise<Record<string, number>>;
  target(): { createCDPSession(): Promise<{ send(method: string, params?: object): Promise<unknown>; detach(): Promise<void> }> };
}
interface ChromeLauncherLike {
  getPage(sessionId: string): PuppeteerPage;
}

/** `page-metrics`: Chromium's own counters (JSEventListeners, Nodes...) after a forced GC. */
function pageMetrics(): TestRunnerPlugin {
  return {
    name: 'vitrine-page-metrics',
    async executeCommand({ command, session }) {
      if (command !== 'page-metrics') return undefined;
      const page = (session.browser as unknown as ChromeLauncherLike).getPage(session.id);
      const cdp = await page.target().createCDPSession();
      await cdp.send('HeapProfiler.collectGarbage');
      await cdp.detach();
      return page.metrics();
    },
  };
}

export async function browserCommands(): Promise<TestRunnerPlugin[]> {
  const plugins: TestRunnerPlugin[] = [pageMetrics(), commercePlugin()];
  return plugins;
}

/**
 * Dev-server middleware for browser tests: real test servers reached on the page's origin
 * (/hls/ media and simulated live streams, commerce test servers).
 */
export async function browserMiddleware(): Promise<unknown[]> {
  return [mediaMiddleware(), await commerceMiddleware()];
}
