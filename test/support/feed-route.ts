// Routes for the product browser tests:
// - `/test-feeds/<name>?key=K&fail=N&delay=MS` answers 500 to the first N requests of key K,
//   then the feed `<name>` (after `delay` ms each time);
// - `/test-images/<name>.jpg` a small image (an SVG), so cards have real images to load.

type Feed = () => unknown;

const feeds: Record<string, Feed> = {
  two: () => [
    {
      id: 'a',
      title: 'Canvas tote',
      images: [],
      price: { amount: 1900, currency: 'EUR' },
      options: [],
      variants: [{ id: 'a1', title: 'Default', optionValues: [], price: { amount: 1900, currency: 'EUR' }, available: true }],
      badges: [],
    },
    {
      id: 'b',
      title: 'Wool scarf',
      images: [],
      price: { amount: 3500, currency: 'EUR' },
      options: [],
      variants: [{ id: 'b1', title: 'Default', optionValues: [], price: { amount: 3500, currency: 'EUR' }, available: true }],
      badges: [],
    },
  ],
};

interface KoaContext {
  path: string;
  URL: URL;
  status: number;
  body: unknown;
  type: string;
}

/** A Koa middleware for web-test-runner's `middleware` option. */
export function feedRoute() {
  const requests = new Map<string, number>();
  return async (ctx: KoaContext, next: () => Promise<void>): Promise<void> => {
        if (ctx.path.startsWith('/test-images/')) {
          const hue = [...ctx.path].reduce((sum, char) => sum + char.charCodeAt(0), 0) % 360;
          ctx.type = 'image/svg+xml';
          ctx.body = `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="400"><rect width="400" height="400" fill="hsl(${hue} 60% 60%)"/></svg>`;
          return;
        }
        const match = /^\/test-feeds\/(\w+)$/.exec(ctx.path);
        if (!match) return next();
        // No extension in the path: web-test-runner marks paths with one as cacheable for a year.
        const feed = feeds[match[1] ?? ''];
        const key = ctx.URL.searchParams.get('key') ?? '';
        const fail = Number(ctx.URL.searchParams.get('fail') ?? 0);
        const delay = Number(ctx.URL.searchParams.get('delay') ?? 0);
        if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
        const seen = requests.get(key) ?? 0;
        requests.set(key, seen + 1);
        if (!feed || seen < fail) {
          ctx.status = 500;
          ctx.type = 'text/plain';
          ctx.body = 'failing on purpose';
          return;
        }
        ctx.type = 'application/json';
        ctx.body = JSON.stringify(feed());
  };
}
