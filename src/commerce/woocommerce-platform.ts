import { safeHttpUrl } from '../internal/url.js';

// Where WooCommerce's Store API lives on the page the widget runs on. Shared by the (lazily
// loaded) WooCommerce source and cart adapter, and in the CDN build a chunk of that platform's
// (`cart-woocommerce-platform`): a Shopify shop never loads it, and the other way round.

/**
 * The WooCommerce Store API base (`.../wp-json/wc/store/v1/`): WordPress prints its REST root as
 * `<link rel="https://api.w.org/" href="...">` on every page (subdirectory installs, plain
 * permalinks); `/wp-json/` otherwise.
 */
export function wooStoreApi(): URL {
  const link = globalThis.document?.querySelector<HTMLLinkElement>('link[rel="https://api.w.org/"]');
  const root = (link && safeHttpUrl(link.getAttribute('href'))) || safeHttpUrl('/wp-json/');
  const base = root ?? new URL('http://localhost/wp-json/');
  if (base.search.includes('rest_route=')) {
    // Plain permalinks: `?rest_route=/` — the route goes into the query.
    const url = new URL(base);
    url.searchParams.set('rest_route', '/wc/store/v1/');
    return url;
  }
  return new URL('wc/store/v1/', base.href.endsWith('/') ? base : `${base.href}/`);
}

/** A Store API endpoint URL under `wooStoreApi()`, for pretty and plain permalinks alike. */
export function wooEndpoint(path: string, params: Readonly<Record<string, string>> = {}): URL {
  const base = wooStoreApi();
  let url: URL;
  if (base.searchParams.has('rest_route')) {
    url = new URL(base);
    url.searchParams.set('rest_route', `/wc/store/v1/${path}`);
  } else url = new URL(path, base);
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  return url;
}
