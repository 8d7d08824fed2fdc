import * as v from 'valibot';
import { HttpFailure, requestJson } from '../http.js';
import { currencyCode, scaleAmount } from '../money.js';
import {
  InvalidProduct,
  LoadReport,
  collectSliced,
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
} from '../normalize.js';
import { shopifyGlobal, shopifyRoot } from '../shopify-platform.js';
import type { Money, Product, ProductImage, ProductOption, ProductVariant } from '../product.js';

// `products="shopify:handle-a,handle-b"`: the shop's own product JSON, `/products/<handle>.js`
// under `Shopify.routes.root` (so prices and text follow the shopper's market and language).
// Shopify sends amounts in hundredths of the currency unit whatever the currency ("cents" even
// for JPY), which are scaled exactly to the currency's minor units.

const image$ = v.looseObject({ src: v.string(), alt: v.nullish(v.string()), width: v.nullish(v.number()), height: v.nullish(v.number()) });

const ShopifyVariant = v.looseObject({
  id: v.union([v.number(), v.string()]),
  title: v.nullish(v.string()),
  sku: v.nullish(v.string()),
  options: v.nullish(v.array(v.nullish(v.string()))),
  option1: v.nullish(v.string()),
  option2: v.nullish(v.string()),
  option3: v.nullish(v.string()),
  available: v.nullish(v.boolean()),
  price: v.union([v.number(), v.string()], 'must be an amount in hundredths'),
  compare_at_price: v.nullish(v.union([v.number(), v.string()])),
  featured_image: v.nullish(image$),
  inventory_management: v.nullish(v.string()),
  inventory_quantity: v.nullish(v.number()),
  quantity_rule: v.nullish(v.looseObject({ max: v.nullish(v.number()) })),
});

const ShopifyProduct = v.looseObject({
  id: v.union([v.number(), v.string()]),
  title: v.pipe(v.string(), v.trim(), v.nonEmpty('must not be empty')),
  handle: v.nullish(v.string()),
  description: v.nullish(v.string()),
  vendor: v.nullish(v.string()),
  url: v.nullish(v.string()),
  tags: v.nullish(v.array(v.string())),
  options: v.nullish(v.array(v.union([v.string(), v.looseObject({ name: v.string(), values: v.nullish(v.array(v.string())) })]))),
  images: v.nullish(v.array(v.union([v.string(), image$]))),
  media: v.nullish(v.array(v.looseObject({ media_type: v.nullish(v.string()), src: v.nullish(v.string()), alt: v.nullish(v.string()), width: v.nullish(v.number()), height: v.nullish(v.number()) }))),
  variants: v.pipe(v.array(ShopifyVariant), v.minLength(1, 'must have at least one variant')),
});

type RawVariant = v.InferOutput<typeof ShopifyVariant>;

function amountOf(value: unknown, currency: string, field: string): Money {
  const hundredths = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  const amount = typeof hundredths === 'number' && Number.isSafeInteger(hundredths) && hundredths >= 0 ? scaleAmount(hundredths, 2, currency) : null;
  if (amount === null) throw new InvalidProduct(`"${field}" must be a whole amount in hundredths of ${currency}; got ${JSON.stringify(value)}`);
  return { amount, currency };
}

function valuesOf(variant: RawVariant): string[] {
  const list = variant.options ?? [variant.option1, variant.option2, variant.option3];
  return list.filter((value): value is string => typeof value === 'string').map(plainText);
}

/** Shopify's placeholder axis for a product without options. */
function isDefaultTitle(options: readonly ProductOption[]): boolean {
  return options.length === 1 && options[0]!.name === 'Title' && options[0]!.values.length === 1 && options[0]!.values[0] === 'Default Title';
}

/** Normalises one `/products/<handle>.js` answer. */
export function productFromShopify(raw: unknown, currency: string, report: LoadReport, label: string, base: string): Product {
  const parsed = v.safeParse(ShopifyProduct, raw);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    throw new InvalidProduct(`${v.getDotPath(issue) ?? 'product'}: ${issue.message}`);
  }
  const item = parsed.output;
  const title = plainText(item.title);
  const rawVariants = item.variants;
  let options: ProductOption[] = optionAxes(
    (item.options ?? []).map((option, index) =>
      typeof option === 'string'
        ? { name: option, values: rawVariants.map((variant) => valuesOf(variant)[index]) }
        : { name: option.name, values: option.values ?? rawVariants.map((variant) => valuesOf(variant)[index]) },
    ),
  );
  const withoutOptions = isDefaultTitle(options);
  if (withoutOptions) options = [];

  const variants = rawVariants.map((variant): ProductVariant => {
    const id = idOf(variant.id)!;
    const price = amountOf(variant.price, currency, `variants[${id}].price`);
    const compare = compareAt(price, variant.compare_at_price === null || variant.compare_at_price === undefined ? undefined : amountOf(variant.compare_at_price, currency, `variants[${id}].compare_at_price`));
    const tracked = variant.inventory_management === 'shopify';
    const stock = tracked ? nonNegativeInteger(variant.inventory_quantity) : undefined;
    const maxQuantity = positiveInteger(variant.quantity_rule?.max ?? undefined);
    const picture = variant.featured_image ? image(variant.featured_image.src, variant.featured_image.alt ?? title, report, label, variant.featured_image, base) : undefined;
    const sku = plainText(variant.sku);
    const optionValues = withoutOptions ? [] : valuesOf(variant);
    return {
      id,
      ...(sku ? { sku } : {}),
      title: withoutOptions ? title : plainText(variant.title) || optionValues.join(' / '),
      optionValues,
      price,
      ...(compare ? { compareAtPrice: compare } : {}),
      available: variant.available ?? true,
      ...(stock !== undefined ? { stock } : {}),
      ...(maxQuantity ? { maxQuantity } : {}),
      ...(picture ? { image: picture } : {}),
    };
  });

  const media = (item.media ?? []).filter((entry) => (entry.media_type ?? 'image') === 'image' && entry.src);
  const images = (media.length
    ? media.map((entry) => image(entry.src, entry.alt ?? title, report, label, entry, base))
    : (item.images ?? []).map((entry) => (typeof entry === 'string' ? image(entry, title, report, label, {}, base) : image(entry.src, entry.alt ?? title, report, label, entry, base)))
  ).filter((img): img is ProductImage => !!img);

  const url = httpUrl(item.url ?? (item.handle ? `products/${item.handle}` : undefined), report, label, 'url', base);
  const brand = plainText(item.vendor);
  const details = description(item.description, 'html');
  const badges = (item.tags ?? []).filter((tag) => /^badge:/i.test(tag)).map((tag) => plainText(tag.slice(6))).filter(Boolean);
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
    badges,
  });
}

/** The shopper's currency: the widget's `currency`, else `Shopify.currency.active`, else `/cart.js`. */
async function shopCurrency(root: URL, requested: string | undefined, signal: AbortSignal | undefined): Promise<string> {
  const known = currencyCode(requested) ?? currencyCode(shopifyGlobal()?.currency?.active);
  if (known) return known;
  const cart = await requestJson<{ currency?: unknown }>(new URL('cart.js', root), { signal });
  const fromCart = currencyCode(cart.data?.currency);
  if (!fromCart) throw new Error('could not tell the shop currency: set the widget\'s "currency" attribute');
  return fromCart;
}

/** Loads `shopify:handle-a,handle-b`, in the order given. */
export async function loadShopifyProducts(handles: readonly string[], report: LoadReport, options: { currency?: string | undefined; signal?: AbortSignal | undefined }): Promise<Product[]> {
  const root = shopifyRoot();
  const currency = await shopCurrency(root, options.currency, options.signal);
  const answers = await Promise.all(
    handles.map(async (handle) => {
      try {
        const { data } = await requestJson(new URL(`products/${encodeURIComponent(handle)}.js`, root), { signal: options.signal });
        return { handle, data };
      } catch (error) {
        return { handle, error };
      }
    }),
  );
  const failures = answers.filter((answer) => 'error' in answer);
  if (failures.length === answers.length && failures.some((failure) => !(failure.error instanceof HttpFailure && failure.error.status === 404))) {
    // Nothing came back and not because the handles are wrong: the shop is unreachable. Retryable.
    throw failures[0]!.error;
  }
  const found: { handle: string; data: unknown }[] = [];
  for (const answer of answers) {
    if ('data' in answer) found.push({ handle: answer.handle, data: answer.data });
    else {
      report.total += 1;
      const error = answer.error;
      report.skip(
        `product "${answer.handle}"`,
        error instanceof HttpFailure && error.status === 404 ? 'the shop has no product with this handle (404)' : error instanceof Error ? error.message : String(error),
      );
    }
  }
  return collectSliced(found, report, (entry) => `product "${entry.handle}"`, (entry, label) => productFromShopify(entry.data, currency, report, label, root.href), options.signal);
}
