import { safeHttpUrl } from '../internal/url.js';

// Where Shopify's own APIs live on the page the widget runs on. Shared by the (lazily loaded)
// Shopify source and cart adapter, and in the CDN build a chunk of that platform's
// (`cart-shopify-platform`): a WooCommerce shop never loads it, and the other way round.

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
