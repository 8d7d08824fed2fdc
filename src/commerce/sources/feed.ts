import * as v from 'valibot';
import { currencyCode, parseDecimal } from '../money.js';
import {
  Collector,
  InvalidProduct,
  LoadReport,
  compareAt,
  description,
  finishProduct,
  httpUrl,
  idOf,
  image,
  nonNegativeInteger,
  optionAxes,
  plainText,
  positiveInteger,
  productLabel,
} from '../normalize.js';
import type { Money, Product, ProductImage, ProductVariant } from '../product.js';

// Vitrine's own product feed (schema/product-feed.schema.json): what a JSON feed URL, an inline
// <script type="application/json"> and the `products` property carry. Prices are decimal
// strings in major units ("19.99"), parsed exactly.

const id = v.union([v.string(), v.pipe(v.number(), v.integer())], 'must be a string or an integer');
const decimal = v.union([v.string(), v.number()], 'must be a decimal string such as "19.99"');
const text = v.string('must be a string');
const imageRef = v.union(
  [
    v.string(),
    v.looseObject({
      url: v.string('must be a string URL'),
      alt: v.optional(text),
      width: v.optional(v.number()),
      height: v.optional(v.number()),
    }),
  ],
  'must be a URL string or { "url": ..., "alt": ... }',
);

const VariantSchema = v.looseObject({
  id,
  title: v.optional(text),
  sku: v.optional(text),
  optionValues: v.optional(v.array(text, 'must be an array of strings')),
  price: v.optional(decimal),
  compareAtPrice: v.optional(v.nullable(decimal)),
  available: v.optional(v.boolean('must be true or false')),
  stock: v.optional(v.nullable(v.number('must be a whole number'))),
  maxQuantity: v.optional(v.nullable(v.number('must be a whole number'))),
  image: v.optional(v.nullable(imageRef)),
});

const ProductSchema = v.looseObject({
  id,
  title: v.pipe(text, v.trim(), v.nonEmpty('must not be empty')),
  url: v.optional(v.nullable(text)),
  handle: v.optional(text),
  brand: v.optional(v.nullable(text)),
  description: v.optional(v.nullable(text)),
  descriptionHtml: v.optional(v.nullable(text)),
  images: v.optional(v.array(imageRef, 'must be an array')),
  currency: v.optional(text),
  price: v.optional(decimal),
  compareAtPrice: v.optional(v.nullable(decimal)),
  sku: v.optional(text),
  available: v.optional(v.boolean('must be true or false')),
  stock: v.optional(v.nullable(v.number('must be a whole number'))),
  maxQuantity: v.optional(v.nullable(v.number('must be a whole number'))),
  options: v.optional(
    v.array(v.looseObject({ name: text, values: v.array(text, 'must be an array of strings') }), 'must be an array of { "name", "values" }'),
  ),
  variants: v.optional(v.array(VariantSchema, 'must be an array')),
  badges: v.optional(v.array(text, 'must be an array of strings')),
});

/** The feed's product and variant fields (kept in step with schema/product-feed.schema.json by a test). */
export const FEED_FIELDS = { product: Object.keys(ProductSchema.entries), variant: Object.keys(VariantSchema.entries) } as const;

type FeedProduct = v.InferOutput<typeof ProductSchema>;
type FeedVariant = v.InferOutput<typeof VariantSchema>;

const FeedSchema = v.union(
  [v.array(v.unknown()), v.looseObject({ currency: v.optional(text), products: v.array(v.unknown()) })],
  'must be an array of products or an object with a "products" array',
);

/** Thrown when a whole feed is unusable (not a product list); the message is for developers. */
export class InvalidFeed extends Error {
  override readonly name = 'InvalidFeed';
}

function issueText(issues: readonly v.BaseIssue<unknown>[]): string {
  const issue = issues[0]!;
  const path = v.getDotPath(issue);
  const message = issue.message.startsWith('Invalid') ? `${issue.message}` : `${issue.message}; got ${JSON.stringify(issue.input)?.slice(0, 60)}`;
  return path ? `"${path}" ${message}` : message;
}

function priceOf(value: unknown, currency: string, field: string): Money {
  const amount = parseDecimal(value, currency);
  if (amount === null || amount < 0) {
    throw new InvalidProduct(`"${field}" must be a decimal string with at most the ${currency} minor-unit digits, such as "19.99"; got ${JSON.stringify(value)}`);
  }
  return { amount, currency };
}

function optionalPrice(value: unknown, currency: string, field: string): Money | undefined {
  return value === undefined || value === null || value === '' ? undefined : priceOf(value, currency, field);
}

function imageOf(ref: string | { url: string; alt?: string | undefined; width?: number | undefined; height?: number | undefined }, fallbackAlt: string, report: LoadReport, label: string): ProductImage | undefined {
  return typeof ref === 'string' ? image(ref, fallbackAlt, report, label) : image(ref.url, ref.alt ?? fallbackAlt, report, label, ref);
}

function variantOf(raw: FeedVariant, product: FeedProduct, currency: string, title: string, report: LoadReport, label: string, single: boolean): ProductVariant {
  const variantId = idOf(raw.id)!;
  const field = single ? '' : `variants[${variantId}].`;
  const price = optionalPrice(raw.price ?? product.price, currency, `${field}price`);
  if (!price) throw new InvalidProduct(single ? '"price" is missing' : `variant "${variantId}" needs a price (or the product one)`);
  const compare = compareAt(price, optionalPrice(raw.compareAtPrice ?? product.compareAtPrice, currency, `${field}compareAtPrice`));
  const optionValues = (raw.optionValues ?? []).map(plainText);
  const stock = nonNegativeInteger(raw.stock);
  const maxQuantity = positiveInteger(raw.maxQuantity);
  const picture = raw.image ? imageOf(raw.image, title, report, label) : undefined;
  const sku = plainText(raw.sku);
  return {
    id: variantId,
    ...(sku ? { sku } : {}),
    title: plainText(raw.title) || optionValues.join(' / ') || title,
    optionValues,
    price,
    ...(compare ? { compareAtPrice: compare } : {}),
    available: (raw.available ?? true) && stock !== 0,
    ...(stock !== undefined ? { stock } : {}),
    ...(maxQuantity ? { maxQuantity } : {}),
    ...(picture ? { image: picture } : {}),
  };
}

function productOf(raw: unknown, feedCurrency: string | undefined, report: LoadReport, label: string): Product {
  const parsed = v.safeParse(ProductSchema, raw);
  if (!parsed.success) throw new InvalidProduct(issueText(parsed.issues));
  const item = parsed.output;
  const currency = currencyCode(item.currency ?? feedCurrency);
  if (!currency) {
    throw new InvalidProduct(
      item.currency || feedCurrency
        ? `"currency" must be an ISO 4217 code such as "EUR"; got ${JSON.stringify(item.currency ?? feedCurrency)}`
        : 'has no currency: set "currency" on the feed or the product, or the widget\'s currency attribute',
    );
  }
  const title = plainText(item.title);
  const options = optionAxes(item.options ?? []);
  const single = !item.variants?.length;
  const rawVariants: FeedVariant[] = item.variants?.length
    ? item.variants
    : [{ id: item.id, sku: item.sku, price: item.price, compareAtPrice: item.compareAtPrice, available: item.available, stock: item.stock, maxQuantity: item.maxQuantity, optionValues: [] }];
  const variants = rawVariants.map((variant) => variantOf(variant, item, currency, title, report, label, single));
  const images = (item.images ?? []).map((ref) => imageOf(ref, title, report, label)).filter((img): img is ProductImage => !!img);
  const url = httpUrl(item.url, report, label, 'url');
  const brand = plainText(item.brand);
  const details = description(item.descriptionHtml, 'html') ?? description(item.description, 'text');
  return finishProduct({
    id: idOf(item.id)!,
    title,
    ...(url ? { url } : {}),
    ...(item.handle ? { handle: plainText(item.handle) } : {}),
    ...(brand ? { brand } : {}),
    ...(details ? { description: details } : {}),
    images,
    options,
    variants,
    badges: (item.badges ?? []).map(plainText).filter(Boolean),
  });
}

/**
 * A Vitrine feed (an array of products, or `{ currency, products }`) ready to be normalised to
 * Products step by step (see `Collector`); invalid products are skipped and recorded on
 * `report`. A value that is not a feed at all throws `InvalidFeed`.
 */
export function feedCollector(data: unknown, report: LoadReport, currency?: string): Collector<unknown> {
  const parsed = v.safeParse(FeedSchema, data);
  if (!parsed.success) throw new InvalidFeed(`the feed ${issueText(parsed.issues)}`);
  const feed = parsed.output;
  const items = Array.isArray(feed) ? feed : feed.products;
  const feedCurrency = Array.isArray(feed) ? currency : (feed.currency ?? currency);
  return new Collector<unknown>(items, report, productLabel, (item, label) => productOf(item, feedCurrency, report, label));
}

/**
 * Normalises a Vitrine feed (an array of products, or `{ currency, products }`) to Products in
 * one go. Invalid products are skipped and recorded on `report`; a value that is not a feed at
 * all throws `InvalidFeed`.
 */
export function productsFromFeed(data: unknown, report: LoadReport, currency?: string): Product[] {
  const collector = feedCollector(data, report, currency);
  collector.step();
  return collector.products;
}
