// Component tests in real Chromium (Debian's, never a downloaded one).
// Run under tsx (see package.json) so this config can import the TypeScript test servers.
import { createServer } from 'node:net';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './test/support/chromium.ts';
import { browserCommands, browserMiddleware } from './test/support/wtr-commands.ts';
import { counterReporter } from './test/support/wtr-counter-reporter.ts';
import { liveServerCommands } from './test/support/wtr-live.ts';
import { defaultReporter } from '@web/test-runner';

export { CHROMIUM_ARGS };

async function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

// Libraries such as nanostores read process.env.NODE_ENV, which bundlers replace; the test page
// has no `process`, so the dev server replaces it the same way.
const nodeEnv = {
  name: 'vitrine-node-env',
  transform(context) {
    if (context.path.includes('/node_modules/') && typeof context.body === 'string' && context.body.includes('process.env.NODE_ENV')) {
      return { body: context.body.replaceAll('process.env.NODE_ENV', '"development"') };
    }
    return undefined;
  },
};

export default {
  files: process.env.WTR_FILES ? process.env.WTR_FILES.split(',') : ['test/browser/**/*.test.ts'],
  port: await freePort(),
  // `browser`: packages with Node and browser builds (socket.io-client, engine.io-client) get the browser one.
  nodeResolve: { exportConditions: ['browser', 'production'], browser: true },
  concurrency: 1,
  browserStartTimeout: 60_000,
  testsStartTimeout: 60_000,
  testsFinishTimeout: 15 * 60_000,
  testFramework: { config: { timeout: 30_000 } },
  plugins: [esbuildPlugin({ ts: true, tsconfig: 'tsconfig.json', target: 'es2022' }), ...(await browserCommands()), liveServerCommands(), nodeEnv],
  middleware: await browserMiddleware(),
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: CHROMIUM_PATH,
        headless: true,
        args: CHROMIUM_ARGS,
      },
    }),
  ],
  reporters: [defaultReporter(), counterReporter('test-results/browser.json')],
};
