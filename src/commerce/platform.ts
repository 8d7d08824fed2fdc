import { safeHttpUrl } from '../internal/url.js';

// Where the shop's own APIs live on the page the widget runs on. Small and shared by the
// (lazily loaded) Shopify and WooCommerce sources and adapters.

/** What Shopify themes put on `window.Shopify`; only the parts Vitrine reads. */
export interface ShopifyGlobal {
  readonly routes?: { readonly root?: string };
  readonly currency?: { readonly active?: string };
  readonly actions?: unknown;
}

export function shopifyGlobal(): ShopifyGlobal | undefined {
  const value = (globalThis as { Shopify?: unknown }).Shopify;
  return value && typeof value === 'object' ? (value as ShopifyGlobal) : undefined;
}

/**
 * The locale-aware root of the Shopify storefront (`/`, `/fr/`, `/en-ca/`), as an absolute URL
 * ending in `/`: `Shopify.routes.root`, as Shopify's Ajax API docs require, else `/`.
 */
export function shopifyRoot(): URL {
  const root = shopifyGlobal()?.routes?.root;
  const path = typeof root === 'string' && root.trim() !== '' ? root.trim() : '/';
  return safeHttpUrl(path.endsWith('/') ? path : `${path}/`) ?? new URL('/', globalThis.location?.href ?? 'http://localhost/');
}

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
