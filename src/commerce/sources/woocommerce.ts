import * as v from 'valibot';
import { requestJson } from '../http.js';
import { currencyCode, scaleAmount } from '../money.js';
import {
  InvalidProduct,
  LoadReport,
  collectSliced,
  compareAt,
  decodeEntities,
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
import { wooEndpoint } from '../woocommerce-platform.js';
import type { Money, Product, ProductImage, ProductVariant } from '../product.js';

// `products="woocommerce:12,34"`: the WooCommerce Store API (`/wc/store/v1/products`). Prices
// come as strings of minor units with `currency_minor_unit`; names and text are HTML-encoded.
// Variable products list their variations by id only, so their prices and stock come from a
// second request (`type=variation&include=...`).

const Prices = v.looseObject({
  price: v.string(),
  regular_price: v.nullish(v.string()),
  sale_price: v.nullish(v.string()),
  currency_code: v.string(),
  currency_minor_unit: v.number(),
});

const WooImage = v.looseObject({ src: v.string(), alt: v.nullish(v.string()), name: v.nullish(v.string()) });

const WooProduct = v.looseObject({
  id: v.number(),
  name: v.pipe(v.string(), v.trim(), v.nonEmpty('must not be empty')),
  slug: v.nullish(v.string()),
  type: v.nullish(v.string()),
  permalink: v.nullish(v.string()),
  sku: v.nullish(v.string()),
  description: v.nullish(v.string()),
  short_description: v.nullish(v.string()),
  prices: Prices,
  images: v.nullish(v.array(WooImage)),
  attributes: v.nullish(
    v.array(
      v.looseObject({
        name: v.string(),
        taxonomy: v.nullish(v.string()),
        has_variations: v.nullish(v.boolean()),
        terms: v.nullish(v.array(v.looseObject({ name: v.string(), slug: v.nullish(v.string()) }))),
      }),
    ),
  ),
  variations: v.nullish(v.array(v.looseObject({ id: v.number(), attributes: v.nullish(v.array(v.looseObject({ name: v.string(), value: v.nullish(v.string()) }))) }))),
  is_purchasable: v.nullish(v.boolean()),
  is_in_stock: v.nullish(v.boolean()),
  low_stock_remaining: v.nullish(v.number()),
  sold_individually: v.nullish(v.boolean()),
  add_to_cart: v.nullish(v.looseObject({ maximum: v.nullish(v.number()) })),
  brands: v.nullish(v.array(v.looseObject({ name: v.string() }))),
  tags: v.nullish(v.array(v.looseObject({ name: v.string() }))),
});

type RawProduct = v.InferOutput<typeof WooProduct>;

/** Store API amounts: strings of minor units, scaled exactly to Vitrine's minor units. */
function pricesOf(prices: RawProduct['prices'], field: string): { price: Money; compareAt?: Money } {
  const currency = currencyCode(prices.currency_code);
  if (!currency) throw new InvalidProduct(`"${field}.currency_code" must be an ISO 4217 code; got ${JSON.stringify(prices.currency_code)}`);
  const amount = (value: string | null | undefined): number | null =>
    typeof value === 'string' && /^\d+$/.test(value) ? scaleAmount(Number(value), prices.currency_minor_unit, currency) : null;
  const price = amount(prices.price);
  if (price === null) throw new InvalidProduct(`"${field}.price" must be a string of minor units such as "1999"; got ${JSON.stringify(prices.price)}`);
  const regular = amount(prices.regular_price);
  const compare = compareAt({ amount: price, currency }, regular === null ? undefined : { amount: regular, currency });
  return { price: { amount: price, currency }, ...(compare ? { compareAt: compare } : {}) };
}

function maxQuantityOf(item: RawProduct): number | undefined {
  if (item.sold_individually) return 1;
  const max = positiveInteger(item.add_to_cart?.maximum ?? undefined);
  return max !== undefined && max < 9999 ? max : undefined;
}

function variantOf(item: RawProduct, id: string, title: string, optionValues: string[], report: LoadReport, label: string): ProductVariant {
  const { price, compareAt: compare } = pricesOf(item.prices, `variation ${id} prices`);
  const stock = nonNegativeInteger(item.low_stock_remaining ?? undefined);
  const maxQuantity = maxQuantityOf(item);
  const first = item.images?.[0];
  const picture = first ? image(first.src, decodeEntities(first.alt ?? '') || title, report, label) : undefined;
  const sku = plainText(item.sku);
  return {
    id,
    ...(sku ? { sku } : {}),
    title: optionValues.length ? optionValues.join(' / ') : title,
    optionValues,
    price,
    ...(compare ? { compareAtPrice: compare } : {}),
    available: (item.is_in_stock ?? true) && (item.is_purchasable ?? true),
    ...(stock !== undefined ? { stock } : {}),
    ...(maxQuantity ? { maxQuantity } : {}),
    ...(picture ? { image: picture } : {}),
  };
}

/** Normalises one Store API product; `variations` holds the variation products by id. */
export function productFromWoo(raw: unknown, variations: ReadonlyMap<number, unknown>, report: LoadReport, label: string): Product {
  const parsed = v.safeParse(WooProduct, raw);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    throw new InvalidProduct(`${v.getDotPath(issue) ?? 'product'}: ${issue.message}`);
  }
  const item = parsed.output;
  const title = plainText(decodeEntities(item.name));
  const axes = (item.attributes ?? []).filter((attribute) => attribute.has_variations);
  const options = optionAxes(axes.map((attribute) => ({ name: decodeEntities(attribute.name), values: (attribute.terms ?? []).map((term) => decodeEntities(term.name)) })));

  let variants: ProductVariant[];
  if ((item.variations?.length ?? 0) > 0 && options.length > 0) {
    variants = [];
    for (const variation of item.variations!) {
      const optionValues: string[] = [];
      let any = false;
      for (const axis of axes) {
        const chosen = (variation.attributes ?? []).find((attribute) => attribute.name === axis.name || attribute.name === axis.taxonomy);
        const value = chosen?.value ?? '';
        if (value === '') {
          any = true;
          break;
        }
        const term = (axis.terms ?? []).find((candidate) => candidate.slug === value || candidate.name === value);
        optionValues.push(plainText(decodeEntities(term?.name ?? value)));
      }
      const detail = variations.get(variation.id);
      if (any) {
        report.drop(label, `variation ${variation.id} accepts "any" value of an attribute, which Vitrine cannot offer; left out`);
        continue;
      }
      if (!detail) {
        report.drop(label, `variation ${variation.id} was not returned by the Store API; left out`);
        continue;
      }
      const parsedVariation = v.safeParse(WooProduct, detail);
      if (!parsedVariation.success) {
        report.drop(label, `variation ${variation.id} is invalid (${parsedVariation.issues[0].message}); left out`);
        continue;
      }
      variants.push(variantOf(parsedVariation.output, String(variation.id), title, optionValues, report, label));
    }
  } else {
    variants = [variantOf(item, idOf(item.id)!, title, [], report, label)];
  }

  const images = (item.images ?? []).map((img) => image(img.src, decodeEntities(img.alt ?? '') || title, report, label)).filter((img): img is ProductImage => !!img);
  const url = httpUrl(item.permalink, report, label, 'permalink');
  const brand = plainText(decodeEntities(item.brands?.[0]?.name ?? ''));
  const details = description(item.description, 'html') ?? description(item.short_description, 'html');
  return finishProduct({
    id: idOf(item.id)!,
    title,
    ...(url ? { url } : {}),
    ...(item.slug ? { handle: plainText(item.slug) } : {}),
    ...(brand ? { brand } : {}),
    ...(details ? { description: details } : {}),
    images,
    options: variants.length && variants[0]!.optionValues.length ? options : [],
    variants,
    badges: [],
  });
}

/** Loads `woocommerce:12,34`, in the order given. */
export async function loadWooProducts(ids: readonly number[], report: LoadReport, options: { signal?: AbortSignal | undefined }): Promise<Product[]> {
  const signal = options.signal;
  const list = await requestJson<unknown>(wooEndpoint('products', { include: ids.join(','), per_page: String(Math.min(100, ids.length)) }), { signal });
  if (!Array.isArray(list.data)) throw new Error(`the Store API products answer must be an array; got ${typeof list.data}`);
  const byId = new Map<number, unknown>();
  for (const entry of list.data) {
    const id = entry && typeof entry === 'object' ? (entry as { id?: unknown }).id : undefined;
    if (typeof id === 'number') byId.set(id, entry);
  }
  const variationIds = [...byId.values()].flatMap((entry) => {
    const variations = (entry as { variations?: unknown }).variations;
    return Array.isArray(variations) ? variations.map((variation) => (variation as { id?: unknown })?.id).filter((id): id is number => typeof id === 'number') : [];
  });
  const variations = new Map<number, unknown>();
  for (let start = 0; start < variationIds.length; start += 100) {
    const chunk = variationIds.slice(start, start + 100);
    const answer = await requestJson<unknown>(wooEndpoint('products', { type: 'variation', include: chunk.join(','), per_page: String(chunk.length) }), { signal });
    if (Array.isArray(answer.data)) {
      for (const entry of answer.data) {
        const id = entry && typeof entry === 'object' ? (entry as { id?: unknown }).id : undefined;
        if (typeof id === 'number') variations.set(id, entry);
      }
    }
  }
  const ordered: unknown[] = [];
  for (const id of ids) {
    const entry = byId.get(id);
    if (entry) ordered.push(entry);
    else {
      report.total += 1;
      report.skip(`product ${id}`, 'the Store API returned no published product with this id');
    }
  }
  return collectSliced(ordered, report, productLabel, (entry, label) => productFromWoo(entry, variations, report, label), signal);
}
