// What the demo shop shows around its catalog, in one place: the shop itself, its navigation and
// the live show embedded on the listing page. The catalog, stock and carts are the Shopify-contract
// demo shop's (demo/shopify/catalog.ts): the grid, the product pages, the cart API and the widget
// all read that one catalog, so they always agree.
import { DEMO_SHOW } from '../live.js';
import { DEMO_HANDLES, type DemoProduct } from '../shopify/index.js';

export const shop = {
  name: 'Atelier Noord',
  tagline: 'Everyday things, made to last',
  currency: 'EUR',
  /** Locale of the shop's own prices and text (the widget follows <html lang>). */
  locale: 'en-IE',
  announcement: 'Free shipping over €75 · Live shopping every Thursday at 20:00',
} as const;

const CLOTHING = ['Shirts', 'Knitwear', 'T-shirts'];

/** Navigation: each entry filters the listing to the products it matches. */
export const collections: readonly { readonly handle: string; readonly title: string; readonly has: (p: DemoProduct) => boolean }[] = [
  { handle: 'new', title: 'New in', has: (p) => p.tags.includes('badge:New') },
  { handle: 'clothing', title: 'Clothing', has: (p) => CLOTHING.includes(p.type) },
  { handle: 'shoes', title: 'Shoes', has: (p) => p.type === 'Shoes' },
  { handle: 'accessories', title: 'Accessories', has: (p) => p.type === 'Bags' || p.type === 'Accessories' },
  { handle: 'home', title: 'Home', has: (p) => p.type === 'Home' || p.type === 'Art' },
  { handle: 'sale', title: 'Sale', has: (p) => p.variants.some((v) => (v.compareAt ?? 0) > v.price) },
];

/**
 * The <vitrine-show> on the listing page, attribute by attribute, exactly as a retailer would
 * paste it. `src` is the simulated live stream (or the ffmpeg encoder with `npm start -- --encoder`);
 * products come from the shop's own `/products/<handle>.js` and go into its own cart; the chat
 * runs on the demo's live server, on the same origin.
 */
export const liveShow: Readonly<Record<string, string>> = {
  title: 'Spring drop, live from the studio',
  poster: '/hls/vod/poster.jpg',
  src: '/hls/live/main/master.m3u8',
  products: `shopify:${DEMO_HANDLES.join(',')}`,
  cart: 'shopify',
  currency: 'EUR',
  creator: 'demo-creator',
  'live-server': '/',
  show: DEMO_SHOW,
};

/**
 * The listing's poster for its <vitrine-show>, as page markup (`<picture slot="poster">`): the
 * browser finds it in the HTML and paints it with the page's own content, and picks the format it
 * reads and the width the screen needs (AVIF, else WebP; files made by scripts/make-media.sh).
 * `sizes` follows the listing's layout: the player spans the page under 1020 px, and 7/12 of the
 * 1240 px container above.
 */
const posterWidths = [720, 960, 1280];
const posterSrcset = (format: string): string => posterWidths.map((w) => `/hls/vod/poster-${w}.${format} ${w}w`).join(', ');
export const listingPoster = {
  avif: posterSrcset('avif'),
  img: {
    src: '/hls/vod/poster-720.webp',
    srcset: posterSrcset('webp'),
    sizes: '(max-width: 1020px) calc(100vw - 2rem), 700px',
    width: '1280',
    height: '720',
  },
} as const;

/** What a product card shows: the lowest available price, its compare-at price, stock. */
export function priceRange(p: DemoProduct): { price: number; compareAtPrice: number | null; available: boolean; stock: number | null } {
  const inStock = p.variants.filter((v) => v.stock === null || v.stock > 0);
  const pool = inStock.length > 0 ? inStock : p.variants;
  const cheapest = pool.reduce((a, b) => (b.price < a.price ? b : a));
  const tracked = inStock.every((v) => v.stock !== null);
  return {
    price: cheapest.price,
    compareAtPrice: cheapest.compareAt && cheapest.compareAt > cheapest.price ? cheapest.compareAt : null,
    available: inStock.length > 0,
    stock: tracked ? inStock.reduce((sum, v) => sum + (v.stock ?? 0), 0) : null,
  };
}

/** Merchant badges from `badge:` tags, as Shopify themes commonly do. */
export function badges(p: DemoProduct): string[] {
  return p.tags.filter((tag) => tag.startsWith('badge:')).map((tag) => tag.slice('badge:'.length));
}
