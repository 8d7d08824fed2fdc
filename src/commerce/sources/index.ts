import { safeHttpUrl } from '../../internal/url.js';
import { warn } from '../../internal/warn.js';
import type { ProductsStore } from '../../stores/products.js';
import { HttpFailure, MalformedResponse, NetworkFailure, requestJson } from '../http.js';
import { nextTask } from '../../internal/tasks.js';
import { LoadReport, collectInTasks } from '../normalize.js';
import type { Product } from '../product.js';
import { InvalidFeed, feedCollector, productsFromFeed } from './feed.js';

// Product sources, chosen by the `products` attribute:
//   ''                        the element's inline <script type="application/json"> child
//   https://... or /path.json a JSON feed in Vitrine's schema (schema/product-feed.schema.json)
//   shopify:handle-a,handle-b the Shopify storefront's /products/<handle>.js (loaded on demand)
//   woocommerce:12,34         the WooCommerce Store API (loaded on demand)
// Bad products are skipped with one console warning per load; a source that fails as a whole
// rejects with a `ProductsLoadError` the products store shows as a retryable error.

/** A whole load failed (unreachable, HTTP error, not JSON, not a feed, bad spec). */
export class ProductsLoadError extends Error {
  override readonly name = 'ProductsLoadError';
  /** Whether trying again may help (network trouble, 5xx, 429), as opposed to a wrong setup. */
  readonly retryable: boolean;
  constructor(message: string, options: { retryable: boolean; cause?: unknown }) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.retryable = options.retryable;
  }
}

export interface LoadProductsOptions {
  /** The element the products belong to: warnings name it, inline JSON is read from it. */
  readonly host: Element;
  readonly signal?: AbortSignal;
  /** ISO 4217 currency for feeds that do not say theirs (the widget's `currency` attribute). */
  readonly currency?: string;
}

export type ProductsSpec =
  | { readonly kind: 'inline' }
  | { readonly kind: 'feed'; readonly url: URL }
  | { readonly kind: 'shopify'; readonly handles: readonly string[] }
  | { readonly kind: 'woocommerce'; readonly ids: readonly number[] };

/** Parses a `products` attribute value; throws `ProductsLoadError` naming what was expected. */
export function parseProductsSpec(spec: string): ProductsSpec {
  const value = spec.trim();
  if (value === '') return { kind: 'inline' };
  const platform = /^(shopify|woocommerce):(.*)$/i.exec(value);
  if (platform) {
    const list = platform[2]!.split(',').map((entry) => entry.trim()).filter(Boolean);
    if (platform[1]!.toLowerCase() === 'shopify') {
      const bad = list.filter((handle) => /[/?#\s]/.test(handle));
      if (list.length === 0 || bad.length) {
        throw new ProductsLoadError(`attribute "products" must list Shopify product handles, such as "shopify:linen-shirt,canvas-tote"; got "${spec}"`, { retryable: false });
      }
      return { kind: 'shopify', handles: [...new Set(list)] };
    }
    const ids = list.map(Number);
    if (ids.length === 0 || ids.some((id) => !Number.isSafeInteger(id) || id <= 0)) {
      throw new ProductsLoadError(`attribute "products" must list WooCommerce product ids, such as "woocommerce:12,34"; got "${spec}"`, { retryable: false });
    }
    return { kind: 'woocommerce', ids: [...new Set(ids)] };
  }
  const url = safeHttpUrl(value);
  if (!url) {
    throw new ProductsLoadError(`attribute "products" must be an http(s) feed URL, "shopify:handle,..." or "woocommerce:id,..."; got "${spec}"`, { retryable: false });
  }
  return { kind: 'feed', url };
}

function describeFailure(error: unknown, source: string): ProductsLoadError {
  if (error instanceof ProductsLoadError) return error;
  if (error instanceof NetworkFailure) return new ProductsLoadError(`could not load products from ${source}: ${error.message}`, { retryable: true, cause: error });
  if (error instanceof HttpFailure) {
    const retryable = error.status >= 500 || error.status === 429 || error.status === 408;
    return new ProductsLoadError(`could not load products from ${source}: the server answered HTTP ${error.status}`, { retryable, cause: error });
  }
  if (error instanceof MalformedResponse) return new ProductsLoadError(`could not load products from ${source}: the answer is not JSON`, { retryable: true, cause: error });
  if (error instanceof InvalidFeed) return new ProductsLoadError(`could not use products from ${source}: ${error.message}`, { retryable: false, cause: error });
  return new ProductsLoadError(`could not load products from ${source}: ${error instanceof Error ? error.message : String(error)}`, { retryable: true, cause: error });
}

function inlineJson(host: Element): unknown {
  const script = [...host.children].find((child) => child.localName === 'script' && child.getAttribute('type') === 'application/json');
  if (!script) {
    throw new ProductsLoadError('has no products: set the "products" attribute, or put a <script type="application/json"> feed inside the element', { retryable: false });
  }
  try {
    return JSON.parse(script.textContent ?? '');
  } catch (error) {
    throw new ProductsLoadError('the inline <script type="application/json"> products feed is not valid JSON', { retryable: false, cause: error });
  }
}

function sourceName(spec: ProductsSpec): string {
  switch (spec.kind) {
    case 'inline':
      return 'the inline JSON feed';
    case 'feed':
      return `feed ${spec.url.href}`;
    case 'shopify':
      return `Shopify (${spec.handles.join(', ')})`;
    case 'woocommerce':
      return `WooCommerce (${spec.ids.join(', ')})`;
  }
}

/**
 * Loads and normalises products for a `products` attribute value (`''` reads the inline JSON
 * child); a long feed is normalised over several short tasks. Invalid products are skipped with one console warning that names each and why.
 * Rejects with `ProductsLoadError` when the source as a whole fails, and with the signal's
 * reason when aborted.
 */
export async function loadProducts(spec: string, options: LoadProductsOptions): Promise<Product[]> {
  const parsed = parseProductsSpec(spec);
  const source = sourceName(parsed);
  const report = new LoadReport();
  const { host, signal, currency } = options;
  let products: Product[];
  try {
    switch (parsed.kind) {
      case 'inline':
        products = await collectInTasks(feedCollector(inlineJson(host), report, currency), signal);
        break;
      case 'feed': {
        const { data } = await requestJson(parsed.url, { signal });
        products = await collectInTasks(feedCollector(data, report, currency), signal);
        break;
      }
      case 'shopify': {
        const { loadShopifyProducts } = await import('./shopify.js');
        products = await loadShopifyProducts(parsed.handles, report, { currency, signal });
        break;
      }
      case 'woocommerce': {
        const { loadWooProducts } = await import('./woocommerce.js');
        products = await loadWooProducts(parsed.ids, report, { signal });
        break;
      }
    }
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    throw describeFailure(error, source);
  }
  signal?.throwIfAborted();
  report.warn(host, source);
  return products;
}

/**
 * Normalises products given as data (the `products` JS property): a Vitrine feed, i.e. an array
 * of products or `{ currency, products }`. Invalid products are skipped with one warning;
 * anything that is not a feed gives `[]` with a warning. Never throws.
 */
export function productsFromData(data: unknown, options: { host: Element | null; currency?: string }): Product[] {
  const report = new LoadReport();
  try {
    const products = productsFromFeed(data, report, options.currency);
    report.warn(options.host, PROPERTY_SOURCE);
    return products;
  } catch (error) {
    warn(options.host, notAFeed(error));
    return [];
  }
}

const PROPERTY_SOURCE = 'the "products" property';

/** Products the `products` property's setter normalises in the same task; the rest follow in short tasks. */
const FIRST_PRODUCTS = 8;

function notAFeed(error: unknown): string {
  return `property "products" must be an array of products or { currency, products } (see schema/product-feed.schema.json): ${error instanceof Error ? error.message : String(error)}`;
}

/**
 * Loads products into a widget's `ProductsStore`: one load at a time (a new one aborts the
 * previous), `retry()` after an error, `abort()` when the widget leaves the page. Usable as a
 * Lit reactive controller (`hostDisconnected` aborts).
 */
export class ProductsController {
  #abort: AbortController | undefined;
  #last: { kind: 'spec'; spec: string; currency: string | undefined } | { kind: 'data'; data: unknown; currency: string | undefined } | undefined;

  constructor(
    readonly store: ProductsStore,
    private readonly options: { host: Element; currency?: string },
  ) {}

  /** Loads from a `products` attribute value; resolves when the store is `ready` or `error`. */
  async load(spec: string, currency = this.options.currency): Promise<void> {
    this.#last = { kind: 'spec', spec, currency };
    this.#abort?.abort();
    const abort = new AbortController();
    this.#abort = abort;
    const { store } = this;
    store.status.set('loading');
    store.partial.set(false);
    store.error.set(null);
    try {
      const products = await loadProducts(spec, { host: this.options.host, signal: abort.signal, ...(currency ? { currency } : {}) });
      if (abort.signal.aborted) return;
      this.#abort = undefined;
      store.products.set(products);
      store.status.set('ready');
    } catch (error) {
      if (abort.signal.aborted) return;
      this.#abort = undefined;
      const message = error instanceof Error ? error.message : String(error);
      warn(this.options.host, message);
      store.error.set(message);
      store.status.set('error');
    }
  }

  /**
   * Uses products given as data (the `products` property) instead of a source. The first
   * FIRST_PRODUCTS are normalised at once and the store is `ready` with them; the rest follow in
   * short tasks of their own and replace the list once all are done (one warning for the whole
   * feed then). `pending` is true until that.
   */
  set(data: unknown, currency = this.options.currency): void {
    this.#last = { kind: 'data', data, currency };
    this.#abort?.abort();
    this.#abort = undefined;
    const { store } = this;
    const { host } = this.options;
    const report = new LoadReport();
    let collector: ReturnType<typeof feedCollector> | undefined;
    try {
      collector = feedCollector(data, report, currency);
      collector.step(FIRST_PRODUCTS);
    } catch (error) {
      warn(host, notAFeed(error));
    }
    store.partial.set(!!collector && !collector.done);
    store.products.set(collector ? [...collector.products] : []);
    store.error.set(null);
    store.status.set('ready');
    if (!collector) return;
    if (collector.done) {
      report.warn(host, PROPERTY_SOURCE);
      return;
    }
    const abort = new AbortController();
    this.#abort = abort;
    // The rest starts in a task of its own: the first cards render first.
    nextTask()
      .then(() => collectInTasks(collector, abort.signal))
      .then(
      (products) => {
        if (abort.signal.aborted) return;
        this.#abort = undefined;
        store.products.set(products);
        store.partial.set(false);
        report.warn(host, PROPERTY_SOURCE);
      },
      (error: unknown) => {
        if (abort.signal.aborted) return;
        this.#abort = undefined;
        store.partial.set(false);
        // Only a bug in the normalisation gets here (invalid products are skipped): say it, keep what is there.
        warn(host, `could not use the "products" property: ${error instanceof Error ? error.message : String(error)}`);
      },
    );
  }

  /** Whether products are still being loaded or normalised. */
  get pending(): boolean {
    return this.#abort !== undefined;
  }

  /** Repeats the last load (the retry button of the error state). */
  retry(): Promise<void> {
    const last = this.#last;
    if (!last) return Promise.resolve();
    if (last.kind === 'data') {
      this.set(last.data, last.currency);
      return Promise.resolve();
    }
    return this.load(last.spec, last.currency);
  }

  /** Stops a load in flight; the store keeps what it has. */
  abort(): void {
    this.#abort?.abort();
    this.#abort = undefined;
    this.store.partial.set(false);
    if (this.store.status.get() === 'loading') this.store.status.set(this.store.products.get().length ? 'ready' : 'idle');
  }

  hostDisconnected(): void {
    this.abort();
  }
}
