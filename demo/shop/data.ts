// Everything the demo shop shows, in one place: the shop, its catalog and the live show embedded
// on the listing page. The pages render from it; the cart API (Shopify contract) and the product
// JSON endpoints read the same catalog, so the grid, the widget and the cart always agree.

export const shop = {
  name: 'Atelier Noord',
  tagline: 'Everyday things, made to last',
  currency: 'EUR',
  /** Locale of the shop's own prices and text (the widget follows <html lang>). */
  locale: 'en-IE',
  announcement: 'Free shipping over €75 · Live shopping every Thursday at 20:00',
} as const;

/** Navigation: each entry filters the listing by collection (or shows the sale). */
export const collections = [
  { handle: 'new', title: 'New in' },
  { handle: 'women', title: 'Women' },
  { handle: 'men', title: 'Men' },
  { handle: 'home', title: 'Home' },
  { handle: 'accessories', title: 'Accessories' },
  { handle: 'sale', title: 'Sale' },
] as const;

export type CollectionHandle = (typeof collections)[number]['handle'];

/**
 * The <vitrine-show> on the listing page, attribute by attribute, exactly as a retailer would
 * paste it. `src` is the simulated live stream (or the ffmpeg encoder with `npm start -- --encoder`).
 * The commerce parts add `products`/`cart`, the live parts `live-server`/`show`, here.
 */
export const liveShow: Readonly<Record<string, string>> = {
  title: 'Spring drop, live from the studio',
  poster: '/hls/vod/poster.jpg',
  src: '/hls/live/main/master.m3u8',
};

/** One buyable combination of option values. Money in integer cents. */
export interface DemoVariant {
  readonly id: number;
  readonly sku: string;
  /** `M / Sand`, or `Default Title` for a product without options (as Shopify names it). */
  readonly title: string;
  /** One value per option axis of the product. */
  readonly options: readonly string[];
  readonly price: number;
  readonly compareAtPrice: number | null;
  /** Units in stock; 0 is sold out. */
  readonly stock: number;
}

export interface DemoProduct {
  readonly id: number;
  readonly handle: string;
  readonly title: string;
  readonly vendor: string;
  readonly type: string;
  /** Plain text; the product page shows it as paragraphs. */
  readonly description: string;
  /** Site-relative image URL (an SVG in demo/shop/assets/products/) and its alternative text. */
  readonly image: { readonly src: string; readonly alt: string };
  readonly collections: readonly CollectionHandle[];
  /** Merchant badges as shown on the card, e.g. `New`. */
  readonly badges: readonly string[];
  readonly options: readonly { readonly name: string; readonly values: readonly string[] }[];
  readonly variants: readonly DemoVariant[];
}

interface ProductSpec {
  readonly handle: string;
  readonly title: string;
  readonly vendor: string;
  readonly type: string;
  readonly description: string;
  readonly alt: string;
  readonly collections: readonly CollectionHandle[];
  readonly badges?: readonly string[];
  /** Cents. */
  readonly price: number;
  readonly compareAtPrice?: number;
  /** Option axes in order, e.g. `{ Size: ['S', 'M'], Colour: ['Sand'] }`. */
  readonly options?: Readonly<Record<string, readonly string[]>>;
  /** Stock of every variant, unless `stockOf` names it (by variant title). */
  readonly stock: number;
  readonly stockOf?: Readonly<Record<string, number>>;
}

/** Every combination of the option axes, in order (the first axis varies slowest). */
function combinations(axes: readonly (readonly string[])[]): string[][] {
  return axes.reduce<string[][]>((rows, values) => rows.flatMap((row) => values.map((value) => [...row, value])), [[]]);
}

function product(index: number, spec: ProductSpec): DemoProduct {
  const id = 8_100_000_000 + index;
  const options = Object.entries(spec.options ?? {}).map(([name, values]) => ({ name, values }));
  const rows = options.length > 0 ? combinations(options.map((option) => option.values)) : [[]];
  const variants = rows.map((values, v): DemoVariant => {
    const title = values.length > 0 ? values.join(' / ') : 'Default Title';
    return {
      id: 45_000_000_000 + index * 100 + v,
      sku: [spec.handle, ...values].join('-').toUpperCase().replace(/[^A-Z0-9]+/g, '-'),
      title,
      options: values,
      price: spec.price,
      compareAtPrice: spec.compareAtPrice ?? null,
      stock: spec.stockOf?.[title] ?? spec.stock,
    };
  });
  return {
    id,
    handle: spec.handle,
    title: spec.title,
    vendor: spec.vendor,
    type: spec.type,
    description: spec.description,
    image: { src: `/assets/products/${spec.handle}.svg`, alt: spec.alt },
    collections: spec.collections,
    badges: spec.badges ?? [],
    options,
    variants,
  };
}

const specs: ProductSpec[] = [
  {
    handle: 'canvas-weekender',
    title: 'Canvas Weekender Bag',
    vendor: 'Noord Studio',
    type: 'Bags',
    description: 'Waxed cotton canvas with vegetable-tanned leather handles. Fits three days of clothes and still slides under a train seat.',
    alt: 'Olive canvas weekender bag with brown leather handles',
    collections: ['accessories', 'sale'],
    price: 8900,
    compareAtPrice: 11900,
    options: { Colour: ['Olive', 'Sand'] },
    stock: 14,
    stockOf: { Sand: 3 },
  },
  {
    handle: 'merino-crew',
    title: 'Merino Crew Sweater',
    vendor: 'Noord Studio',
    type: 'Knitwear',
    description: 'Extra-fine merino, knitted in Portugal. Warm without bulk, soft enough to wear on bare skin.',
    alt: 'Rust-coloured merino crew-neck sweater',
    collections: ['women', 'men', 'new'],
    badges: ['New'],
    price: 7900,
    options: { Size: ['S', 'M', 'L', 'XL'], Colour: ['Rust', 'Navy'] },
    stock: 9,
    stockOf: { 'M / Navy': 0, 'XL / Rust': 2 },
  },
  {
    handle: 'pour-over-set',
    title: 'Ceramic Pour-Over Set',
    vendor: 'Kiln & Co',
    type: 'Kitchen',
    description: 'A hand-glazed dripper and matching carafe for two cups. Dishwasher safe.',
    alt: 'White ceramic coffee dripper on a glass carafe',
    collections: ['home'],
    price: 4500,
    stock: 22,
  },
  {
    handle: 'linen-shirt',
    title: 'Relaxed Linen Shirt',
    vendor: 'Noord Studio',
    type: 'Shirts',
    description: 'Garment-washed European linen with a relaxed fit and mother-of-pearl buttons.',
    alt: 'Light blue linen shirt with a relaxed collar',
    collections: ['women', 'men'],
    price: 6500,
    options: { Size: ['XS', 'S', 'M', 'L', 'XL'] },
    stock: 11,
    stockOf: { XS: 0 },
  },
  {
    handle: 'card-wallet',
    title: 'Leather Card Wallet',
    vendor: 'Hide Workshop',
    type: 'Small leather goods',
    description: 'Six cards and folded notes in full-grain leather that darkens beautifully with use.',
    alt: 'Tan leather card wallet with stitched edges',
    collections: ['accessories'],
    price: 3500,
    options: { Colour: ['Tan', 'Black'] },
    stock: 30,
  },
  {
    handle: 'field-watch',
    title: 'Field Watch 38',
    vendor: 'Tijd',
    type: 'Watches',
    description: 'A 38 mm steel case, sapphire crystal and a Swiss quartz movement on a canvas strap.',
    alt: 'Steel wristwatch with a cream dial and green strap',
    collections: ['accessories', 'men', 'women'],
    badges: ['Bestseller'],
    price: 14900,
    stock: 4,
  },
  {
    handle: 'wool-beanie',
    title: 'Ribbed Wool Beanie',
    vendor: 'Noord Studio',
    type: 'Hats',
    description: 'Chunky ribbed lambswool with a deep turn-up. One size.',
    alt: 'Mustard yellow ribbed beanie',
    collections: ['accessories', 'sale'],
    price: 1900,
    compareAtPrice: 2500,
    options: { Colour: ['Mustard', 'Charcoal'] },
    stock: 40,
  },
  {
    handle: 'trail-runner',
    title: 'Trail Runner Sneaker',
    vendor: 'Stride',
    type: 'Shoes',
    description: 'A grippy recycled-rubber sole, breathable knit upper and a cushioned heel for city and trail.',
    alt: 'Coral running sneaker with a white sole',
    collections: ['women', 'men', 'sale'],
    price: 11900,
    compareAtPrice: 13900,
    options: { Size: ['38', '39', '40', '41', '42', '43', '44'] },
    stock: 6,
    stockOf: { '38': 1, '44': 0 },
  },
  {
    handle: 'stoneware-mugs',
    title: 'Stoneware Mugs, Set of 2',
    vendor: 'Kiln & Co',
    type: 'Kitchen',
    description: 'Speckled stoneware, 330 ml each, with a handle that fits a whole hand.',
    alt: 'Two speckled stoneware mugs in sage green',
    collections: ['home', 'new'],
    badges: ['New'],
    price: 2800,
    stock: 18,
  },
  {
    handle: 'studio-headphones',
    title: 'Studio Wireless Headphones',
    vendor: 'Sonor',
    type: 'Audio',
    description: 'Forty hours of battery, active noise cancelling and ear cushions you forget you are wearing.',
    alt: 'Matte black over-ear wireless headphones',
    collections: ['accessories'],
    price: 17900,
    options: { Colour: ['Black', 'Stone'] },
    stock: 7,
    stockOf: { Stone: 0 },
  },
  {
    handle: 'round-sunglasses',
    title: 'Round Acetate Sunglasses',
    vendor: 'Lumen Optics',
    type: 'Eyewear',
    description: 'Hand-polished acetate frames with polarised, UV400 lenses and a recycled case.',
    alt: 'Tortoiseshell round sunglasses',
    collections: ['accessories', 'women', 'men'],
    price: 9500,
    stock: 12,
  },
  {
    handle: 'fig-candle',
    title: 'Fig Leaf Scented Candle',
    vendor: 'Huis',
    type: 'Home fragrance',
    description: 'Soy wax, a cotton wick and notes of green fig and cedar. Burns for about 45 hours.',
    alt: 'Candle in an amber glass jar',
    collections: ['home', 'new'],
    badges: ['New'],
    price: 2200,
    stock: 25,
  },
];

export const products: readonly DemoProduct[] = specs.map((spec, index) => product(index + 1, spec));

export function findProduct(handle: string): DemoProduct | undefined {
  return products.find((p) => p.handle === handle);
}

/** Lowest price, its compare-at price, and whether anything is in stock, for a product card. */
export function priceRange(p: DemoProduct): { price: number; compareAtPrice: number | null; available: boolean; stock: number } {
  const inStock = p.variants.filter((v) => v.stock > 0);
  const pool = inStock.length > 0 ? inStock : p.variants;
  const cheapest = pool.reduce((a, b) => (b.price < a.price ? b : a));
  return {
    price: cheapest.price,
    compareAtPrice: cheapest.compareAtPrice,
    available: inStock.length > 0,
    stock: inStock.reduce((sum, v) => sum + v.stock, 0),
  };
}
