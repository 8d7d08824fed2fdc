// The demo shop's catalog: eight believable products with option axes, stock (some low, one
// sold out), compare-at prices and committed SVG images. Amounts are cents (EUR), as Shopify
// stores them. `demoCatalog()` returns a fresh copy, so each server has its own stock.

export const DEMO_CURRENCY = 'EUR';

export interface DemoVariant {
  readonly id: number;
  readonly options: readonly string[];
  readonly price: number;
  readonly compareAt?: number;
  readonly sku: string;
  /** Units in stock; `null` when stock is not tracked. */
  stock: number | null;
  /** Image file name (without `.svg`). */
  readonly image?: string;
}

export interface DemoProduct {
  readonly id: number;
  readonly handle: string;
  readonly title: string;
  readonly vendor: string;
  readonly type: string;
  /** HTML, as merchants write it in Shopify. */
  readonly description: string;
  readonly tags: readonly string[];
  readonly options: readonly { readonly name: string; readonly values: readonly string[] }[];
  readonly images: readonly { readonly file: string; readonly alt: string }[];
  readonly variants: DemoVariant[];
}

/** Handles of the demo catalog, in shop order (for `products="shopify:..."`). */
export const DEMO_HANDLES = [
  'linen-overshirt',
  'merino-crew',
  'trail-runner',
  'canvas-weekender',
  'wool-beanie',
  'ceramic-pour-over',
  'organic-tee',
  'limited-print',
] as const;

/** Every combination of the option values, with a price and stock per combination. */
function matrix(
  productId: number,
  sku: string,
  options: readonly { name: string; values: readonly string[] }[],
  each: (values: string[]) => { price: number; compareAt?: number; stock: number | null; image?: string },
): DemoVariant[] {
  const combos = options.reduce<string[][]>((all, option) => all.flatMap((combo) => option.values.map((value) => [...combo, value])), [[]]);
  return combos.map((values, index) => ({
    id: productId * 1000 + index + 1,
    options: values,
    sku: `${sku}-${values.map((value) => value.toUpperCase().replace(/[^A-Z0-9]+/g, '')).join('-') || 'ONE'}`,
    ...each(values),
  }));
}

export function demoCatalog(): DemoProduct[] {
  const size = { name: 'Size', values: ['S', 'M', 'L', 'XL'] };
  return [
    {
      id: 7001,
      handle: 'linen-overshirt',
      title: 'Linen overshirt',
      vendor: 'Nordkind',
      type: 'Shirts',
      description:
        '<p>A relaxed overshirt in <strong>heavy European linen</strong> that softens with every wash.</p><ul><li>100% linen, garment dyed</li><li>Two chest pockets</li><li>Horn-look buttons</li></ul>',
      tags: ['badge:New', 'linen', 'summer'],
      options: [size, { name: 'Colour', values: ['Sand', 'Olive', 'Navy'] }],
      images: [
        { file: 'linen-overshirt-sand', alt: 'Linen overshirt in sand' },
        { file: 'linen-overshirt-olive', alt: 'Linen overshirt in olive' },
        { file: 'linen-overshirt-navy', alt: 'Linen overshirt in navy' },
      ],
      variants: matrix(7001, 'LIN-OVR', [size, { name: 'Colour', values: ['Sand', 'Olive', 'Navy'] }], ([s, colour]) => ({
        price: 8900,
        compareAt: 11900,
        image: `linen-overshirt-${colour!.toLowerCase()}`,
        stock: colour === 'Navy' && s === 'XL' ? 0 : colour === 'Olive' && s === 'M' ? 2 : 8,
      })),
    },
    {
      id: 7002,
      handle: 'merino-crew',
      title: 'Merino crew sweater',
      vendor: 'Nordkind',
      type: 'Knitwear',
      description: '<p>Fine-gauge <em>extra-fine merino</em>: warm, breathable and never itchy.</p><p>Hand wash cold, dry flat.</p>',
      tags: ['wool'],
      options: [size, { name: 'Colour', values: ['Oat', 'Charcoal'] }],
      images: [
        { file: 'merino-crew-oat', alt: 'Merino crew sweater in oat' },
        { file: 'merino-crew-charcoal', alt: 'Merino crew sweater in charcoal' },
      ],
      variants: matrix(7002, 'MER-CRW', [size, { name: 'Colour', values: ['Oat', 'Charcoal'] }], ([, colour]) => ({
        price: 12900,
        image: `merino-crew-${colour!.toLowerCase()}`,
        stock: 10,
      })),
    },
    {
      id: 7003,
      handle: 'trail-runner',
      title: 'Trail running shoe',
      vendor: 'Fjellstep',
      type: 'Shoes',
      description: '<p>Grippy, light and stable on wet rock. <a href="https://example.com/size-guide">Size guide</a>.</p>',
      tags: ['badge:Bestseller', 'running'],
      options: [
        { name: 'Size', values: ['40', '41', '42', '43', '44', '45'] },
        { name: 'Colour', values: ['Slate', 'Ember'] },
        { name: 'Width', values: ['Regular', 'Wide'] },
      ],
      images: [{ file: 'trail-runner', alt: 'Trail running shoe, side view' }],
      variants: matrix(
        7003,
        'TRL-RUN',
        [
          { name: 'Size', values: ['40', '41', '42', '43', '44', '45'] },
          { name: 'Colour', values: ['Slate', 'Ember'] },
          { name: 'Width', values: ['Regular', 'Wide'] },
        ],
        ([s, colour, width]) => ({
          price: 13900,
          compareAt: 15900,
          // Wide lasts only come in Slate; size 45 Ember is nearly gone.
          stock: width === 'Wide' && colour === 'Ember' ? 0 : s === '45' && colour === 'Ember' ? 1 : 6,
        }),
      ),
    },
    {
      id: 7004,
      handle: 'canvas-weekender',
      title: 'Canvas weekender bag',
      vendor: 'Harbour & Co',
      type: 'Bags',
      description: '<p>Waxed cotton canvas with leather handles. Fits a long weekend, and the cabin.</p>',
      tags: [],
      options: [{ name: 'Colour', values: ['Khaki', 'Black'] }],
      images: [
        { file: 'canvas-weekender-khaki', alt: 'Canvas weekender bag in khaki' },
        { file: 'canvas-weekender-black', alt: 'Canvas weekender bag in black' },
      ],
      variants: matrix(7004, 'CNV-WKD', [{ name: 'Colour', values: ['Khaki', 'Black'] }], ([colour]) => ({
        price: 14900,
        compareAt: 18900,
        image: `canvas-weekender-${colour!.toLowerCase()}`,
        stock: colour === 'Black' ? 3 : 9,
      })),
    },
    {
      id: 7005,
      handle: 'wool-beanie',
      title: 'Recycled wool beanie',
      vendor: 'Nordkind',
      type: 'Accessories',
      description: '<p>Rib-knit from recycled wool. One size.</p>',
      tags: ['wool'],
      options: [{ name: 'Colour', values: ['Rust', 'Forest', 'Ink'] }],
      images: [{ file: 'wool-beanie', alt: 'Recycled wool beanie in rust' }],
      variants: matrix(7005, 'WOL-BNE', [{ name: 'Colour', values: ['Rust', 'Forest', 'Ink'] }], ([colour]) => ({
        price: 2900,
        stock: colour === 'Ink' ? 1 : 20,
      })),
    },
    {
      id: 7006,
      handle: 'ceramic-pour-over',
      title: 'Ceramic pour-over set',
      vendor: 'Kiln Studio',
      type: 'Home',
      description: '<p>Hand-thrown dripper and carafe. Each one is a little different.</p>',
      tags: [],
      options: [{ name: 'Title', values: ['Default Title'] }],
      images: [{ file: 'ceramic-pour-over', alt: 'Ceramic pour-over dripper on a carafe' }],
      variants: matrix(7006, 'CER-POV', [{ name: 'Title', values: ['Default Title'] }], () => ({ price: 4500, stock: 12 })),
    },
    {
      id: 7007,
      handle: 'organic-tee',
      title: 'Organic cotton tee',
      vendor: 'Harbour & Co',
      type: 'T-shirts',
      description: '<p>Midweight organic cotton jersey, cut a little boxy.</p>',
      tags: [],
      options: [size, { name: 'Colour', values: ['White', 'Stone'] }],
      images: [{ file: 'organic-tee', alt: 'Organic cotton tee in white' }],
      variants: matrix(7007, 'ORG-TEE', [size, { name: 'Colour', values: ['White', 'Stone'] }], () => ({ price: 2500, stock: null })),
    },
    {
      id: 7008,
      handle: 'limited-print',
      title: 'Limited edition print',
      vendor: 'Kiln Studio',
      type: 'Art',
      description: '<p>Risograph print, numbered edition of 50. <strong>Sold out</strong>, sorry.</p>',
      tags: ['badge:Limited'],
      options: [{ name: 'Size', values: ['A3', 'A2'] }],
      images: [{ file: 'limited-print', alt: 'Limited edition print, sun over mountains' }],
      variants: matrix(7008, 'LTD-PRT', [{ name: 'Size', values: ['A3', 'A2'] }], ([s]) => ({ price: s === 'A2' ? 8500 : 6500, stock: 0 })),
    },
  ];
}
