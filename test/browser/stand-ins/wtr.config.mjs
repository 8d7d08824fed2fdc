// Runs the browser tests with commerce-core's modules replaced by the stand-ins in this folder.
// Temporary: delete with the folder once their branch is merged.
import base from '../../../web-test-runner.config.mjs';
import { feedRoute } from '../../support/feed-route.ts';

const replaced = ['/src/stores/products', '/src/commerce/money', '/src/i18n/cart', '/src/commerce/sources', '/src/commerce/adapters/index', '/src/commerce/cart-session'];

export default {
  ...base,
  middleware: [...(base.middleware ?? []), feedRoute()],
  plugins: [
    {
      name: 'commerce-stand-ins',
      resolveImport({ source, context }) {
        if (!source.startsWith('.')) return undefined;
        const target = new URL(source, `http://x${context.path}`).pathname.replace(/\.(js|ts)$/, '');
        return replaced.includes(target) ? `/test/browser/stand-ins${target}.ts` : undefined;
      },
    },
    ...base.plugins,
  ],
};
