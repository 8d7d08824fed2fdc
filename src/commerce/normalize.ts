import { safeHttpUrl } from '../internal/url.js';
import { nextTask } from '../internal/tasks.js';
import { warn } from '../internal/warn.js';
import type { Money, Product, ProductDescription, ProductImage, ProductOption } from './product.js';

// Shared by every product source: turns outside strings into plain text, http(s) URLs and a
// finished Product, and collects what was skipped so a load says it in one console warning.

/** Why one product could not be used; its message names the field and what was expected. */
export class InvalidProduct extends Error {
  override readonly name = 'InvalidProduct';
}

/** Plain text from outside: control characters removed, whitespace collapsed, trimmed. */
export function plainText(value: unknown): string {
  if (typeof value !== 'string' && typeof value !== 'number') return '';
  // eslint-disable-next-line no-control-regex
  return String(value).replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ').replace(/\s+/g, ' ').trim();
}

/** Multi-line plain text: like `plainText`, but paragraph breaks survive (for `white-space: pre-line`). */
export function plainParagraphs(value: string): string {
  return value
    .replace(/\r\n?/g, '\n')
    .split(/\n{2,}/)
    .map((paragraph) => paragraph.split('\n').map(plainText).filter(Boolean).join('\n'))
    .filter(Boolean)
    .join('\n\n');
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decodes HTML character references (WooCommerce sends names like `Tee &#8211; red`). */
export function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

const BLOCK_END = /<\/(p|div|li|h[1-6]|tr|blockquote|section|article|ul|ol|table)\s*>|<br\s*\/?>/gi;

/**
 * The readable text of merchant HTML, without running or loading anything: the browser's
 * DOMParser builds an inert document (no scripts, no image loads); in Node tags are stripped.
 */
export function htmlToText(html: string): string {
  const marked = html.replace(BLOCK_END, (tag) => `${tag}\n\n`);
  let text: string;
  if (typeof DOMParser !== 'undefined') {
    const doc = new DOMParser().parseFromString(marked, 'text/html');
    for (const node of doc.querySelectorAll('script, style, template, noscript')) node.remove();
    text = doc.body?.textContent ?? '';
  } else {
    text = decodeEntities(marked.replace(/<(script|style|template|noscript)\b[\s\S]*?<\/\1\s*>/gi, '').replace(/<[^>]*>/g, ''));
  }
  return plainParagraphs(text.replace(/\u00a0/g, ' '));
}

/** A description from merchant text or HTML; `undefined` when it is empty. */
export function description(value: unknown, kind: 'text' | 'html'): ProductDescription | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  if (kind === 'text' || !/<[a-z!/]/i.test(value)) {
    const text = kind === 'html' ? plainParagraphs(decodeEntities(value)) : plainParagraphs(value);
    return text ? { kind: 'text', text } : undefined;
  }
  const text = htmlToText(value);
  return { kind: 'html', html: value, text };
}

/** Collects what a load skipped or dropped, and says it in one warning. */
export class LoadReport {
  readonly skipped: string[] = [];
  readonly dropped: string[] = [];
  total = 0;

  skip(label: string, reason: string): void {
    this.skipped.push(`${label}: ${reason}`);
  }

  drop(label: string, what: string): void {
    this.dropped.push(`${label}: ${what}`);
  }

  /** One console warning naming every skipped product and dropped field, if any. */
  warn(owner: object | null, source: string): void {
    if (this.skipped.length === 0 && this.dropped.length === 0) return;
    const parts: string[] = [];
    if (this.skipped.length) {
      parts.push(`skipped ${this.skipped.length} of ${this.total} products that are invalid:\n  - ${this.skipped.join('\n  - ')}`);
    }
    if (this.dropped.length) parts.push(`ignored unsafe or invalid fields:\n  - ${this.dropped.join('\n  - ')}`);
    warn(owner, `products from ${source}: ${parts.join('\n')}`);
  }
}

/** An http(s) URL or `undefined`; anything else is noted on the report. */
export function httpUrl(value: unknown, report: LoadReport, label: string, field: string, base?: string): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const url = base === undefined ? safeHttpUrl(value) : safeHttpUrl(value, base);
  if (!url) {
    report.drop(label, `${field} must be an http(s) URL; got ${JSON.stringify(String(value).slice(0, 80))}, not followed`);
    return undefined;
  }
  return url.href;
}

export function image(
  url: unknown,
  alt: unknown,
  report: LoadReport,
  label: string,
  size: { width?: unknown; height?: unknown } = {},
  base?: string,
): ProductImage | undefined {
  const href = httpUrl(url, report, label, 'image', base);
  if (!href) return undefined;
  const width = positiveInteger(size.width);
  const height = positiveInteger(size.height);
  return { url: href, alt: plainText(alt), ...(width ? { width } : {}), ...(height ? { height } : {}) };
}

export function positiveInteger(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : undefined;
}

export function nonNegativeInteger(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : undefined;
}

/** An id from outside (string or integer) as a non-empty string. */
export function idOf(value: unknown): string | null {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  return null;
}

/** A product before its price and compare-at price are derived from its variants. */
export type ProductDraft = Omit<Product, 'price' | 'compareAtPrice'>;

/**
 * Checks the variants against the option axes and derives the product price (lowest price of
 * the available variants, or of all when none is available) with that variant's compare-at.
 * Throws `InvalidProduct` naming the problem.
 */
export function finishProduct(draft: ProductDraft): Product {
  if (!draft.title) throw new InvalidProduct('title must be a non-empty string');
  if (draft.variants.length === 0) throw new InvalidProduct('needs at least one variant with a price');
  const currency = draft.variants[0]!.price.currency;
  const seen = new Set<string>();
  for (const variant of draft.variants) {
    if (seen.has(variant.id)) throw new InvalidProduct(`variant id "${variant.id}" appears twice`);
    seen.add(variant.id);
    if (variant.price.currency !== currency) throw new InvalidProduct(`variants mix currencies (${currency}, ${variant.price.currency})`);
    if (variant.price.amount < 0) throw new InvalidProduct(`variant "${variant.id}": price must not be negative`);
    if (variant.optionValues.length !== draft.options.length) {
      throw new InvalidProduct(
        `variant "${variant.id}" has ${variant.optionValues.length} option values but the product has ${draft.options.length} options`,
      );
    }
    variant.optionValues.forEach((value, index) => {
      const option = draft.options[index]!;
      if (!option.values.includes(value)) throw new InvalidProduct(`variant "${variant.id}": "${value}" is not a value of option "${option.name}"`);
    });
  }
  const names = draft.options.map((option) => option.name);
  if (new Set(names).size !== names.length) throw new InvalidProduct('option names must be unique');

  const available = draft.variants.filter((variant) => variant.available);
  const pool = available.length ? available : draft.variants;
  const cheapest = pool.reduce((low, variant) => (variant.price.amount < low.price.amount ? variant : low));
  const compareAtPrice = cheapest.compareAtPrice && cheapest.compareAtPrice.amount > cheapest.price.amount ? cheapest.compareAtPrice : undefined;
  return {
    id: draft.id,
    title: draft.title,
    ...(draft.url ? { url: draft.url } : {}),
    ...(draft.handle ? { handle: draft.handle } : {}),
    ...(draft.brand ? { brand: draft.brand } : {}),
    ...(draft.description ? { description: draft.description } : {}),
    images: draft.images,
    price: cheapest.price,
    ...(compareAtPrice ? { compareAtPrice } : {}),
    options: draft.options,
    variants: draft.variants,
    badges: draft.badges,
  };
}

/** Keeps a compare-at price only when it is higher than the price it goes with. */
export function compareAt(price: Money, compare: Money | null | undefined): Money | undefined {
  return compare && compare.currency === price.currency && compare.amount > price.amount ? compare : undefined;
}

/** Option axes with unique, non-empty values, in first-seen order. */
export function optionAxes(raw: ReadonlyArray<{ name: unknown; values: readonly unknown[] }>): ProductOption[] {
  return raw
    .map((option) => ({
      name: plainText(option.name),
      values: [...new Set(option.values.map(plainText).filter(Boolean))],
    }))
    .filter((option) => option.name && option.values.length > 0);
}

/**
 * Normalises a list of items into Products a few at a time, so a long feed can be worked through
 * over several tasks: `step()` builds the next items, recording invalid ones on the report;
 * `products` holds the valid ones so far, in order. Ids are checked for repeats across steps.
 */
export class Collector<T> {
  readonly products: Product[] = [];
  readonly #ids = new Set<string>();
  #next = 0;

  constructor(
    private readonly items: readonly T[],
    private readonly report: LoadReport,
    private readonly label: (item: T, index: number) => string,
    private readonly build: (item: T, label: string) => Product,
  ) {
    report.total += items.length;
  }

  /** Whether every item has been worked through. */
  get done(): boolean {
    return this.#next >= this.items.length;
  }

  /** Builds up to `count` more items, stopping early once `stop()` says so (asked after each). */
  step(count = Infinity, stop?: () => boolean): void {
    const end = Math.min(this.items.length, this.#next + count);
    while (this.#next < end) {
      const index = this.#next++;
      const name = this.label(this.items[index]!, index);
      try {
        const product = this.build(this.items[index]!, name);
        if (this.#ids.has(product.id)) throw new InvalidProduct(`id "${product.id}" appears twice`);
        this.#ids.add(product.id);
        this.products.push(product);
      } catch (error) {
        if (!(error instanceof InvalidProduct)) throw error;
        this.report.skip(name, error.message);
      }
      if (stop?.()) return;
    }
  }
}

/** How long one task may normalise products before it lets the page handle input and paint. */
const SLICE_MS = 8;

/** Runs every product through `build`, in slices of a task each (see collectInTasks), recording an invalid one on the report. */
export function collectSliced<T>(items: readonly T[], report: LoadReport, label: (item: T, index: number) => string, build: (item: T, label: string) => Product, signal?: AbortSignal): Promise<Product[]> {
  return collectInTasks(new Collector(items, report, label, build) as Collector<unknown>, signal);
}

/**
 * Works a collector through in slices of about SLICE_MS, a task each (the first slice runs in
 * the caller's task). Rejects with the signal's reason when aborted between slices.
 */
export async function collectInTasks(collector: Collector<unknown>, signal?: AbortSignal): Promise<Product[]> {
  for (;;) {
    const deadline = performance.now() + SLICE_MS;
    collector.step(Infinity, () => performance.now() >= deadline);
    if (collector.done) return collector.products;
    await nextTask();
    signal?.throwIfAborted();
  }
}

/** A readable label for the n-th item of a feed: `product #3 (id "tee-01", "Organic tee")`. */
export function productLabel(item: unknown, index: number): string {
  const record = item && typeof item === 'object' ? (item as Record<string, unknown>) : {};
  const id = idOf(record['id']);
  const title = plainText(record['title'] ?? record['name']).slice(0, 40);
  return `product #${index + 1}${id ? ` (id ${JSON.stringify(id)}${title ? `, ${JSON.stringify(title)}` : ''})` : ''}`;
}
