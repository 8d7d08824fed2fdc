// Product fixtures for the carousel and overlay tests, in Vitrine's feed schema (what the
// `products` property takes), and a cart adapter kept in memory.
import { waitUntil } from '@open-wc/testing';
import type { Cart, CartAdapter, CartAddResult, CartLine, CartLineRequest } from '../../src/commerce/cart.js';
import type { Product } from '../../src/commerce/product.js';
import { productsFromData } from '../../src/commerce/sources/index.js';
import type { VitrineProductOverlay } from '../../src/components/product-overlay/product-overlay.js';
import type { VitrineProducts } from '../../src/components/products/products.js';

/** Images of the demo shop, served by the commerce test server (no outside network in tests). */
const DEMO_IMAGES = [
  'organic-tee', 'wool-beanie', 'trail-runner', 'limited-print', 'ceramic-pour-over', 'merino-crew-oat',
  'merino-crew-charcoal', 'canvas-weekender-black', 'canvas-weekender-khaki', 'linen-overshirt-sand',
  'linen-overshirt-olive', 'linen-overshirt-navy',
];

/** A distinct image URL per name (a query makes each unique, so none comes from the cache of another). */
export function imageUrl(name: string): string {
  const file = DEMO_IMAGES.includes(name) ? name : DEMO_IMAGES[[...name].reduce((sum, char) => sum + char.charCodeAt(0), 0) % DEMO_IMAGES.length];
  return new URL(`/__commerce/demo-images/${file}.svg?for=${encodeURIComponent(name)}`, location.href).href;
}

/** A product as Vitrine's feed schema has it (what the `products` property takes). */
export type FeedProduct = Record<string, unknown>;

/** A product bought as is (no options), EUR 25.00 unless overridden. */
export function simpleProduct(id: string, overrides: FeedProduct = {}): FeedProduct {
  return {
    id,
    title: `Product ${id}`,
    currency: 'EUR',
    images: [{ url: imageUrl(id), alt: '', width: 400, height: 400 }],
    price: '25.00',
    ...overrides,
  };
}

/**
 * A shirt with three axes: Size (S, M, L) x Colour (Red, Blue, Green) x Length (Regular, Long).
 * - S / Green does not exist at all (impossible), L / * / Long does not exist.
 * - M / Blue / * is sold out; L / Red / Regular has 2 in stock; S / Red / Regular has maxQuantity 3.
 * - Blue costs more (EUR 45 vs 39, was 49).
 */
export function shirt(): FeedProduct {
  const variants: FeedProduct[] = [];
  for (const size of ['S', 'M', 'L']) {
    for (const colour of ['Red', 'Blue', 'Green']) {
      for (const length of ['Regular', 'Long']) {
        if (size === 'S' && colour === 'Green') continue;
        if (size === 'L' && length === 'Long') continue;
        const id = `shirt-${size}-${colour}-${length}`.toLowerCase();
        variants.push({
          id,
          sku: id.toUpperCase(),
          optionValues: [size, colour, length],
          price: colour === 'Blue' ? '45.00' : '39.00',
          compareAtPrice: '49.00',
          stock: size === 'M' && colour === 'Blue' ? 0 : size === 'L' && colour === 'Red' ? 2 : 20,
          ...(size === 'S' && colour === 'Red' && length === 'Regular' ? { maxQuantity: 3 } : {}),
          ...(colour === 'Blue' ? { image: { url: imageUrl('linen-overshirt-navy'), alt: 'Blue shirt', width: 600, height: 600 } } : {}),
        });
      }
    }
  }
  return {
    id: 'shirt',
    title: 'Linen shirt',
    brand: 'Atelier',
    currency: 'EUR',
    url: 'https://shop.example.com/products/linen-shirt',
    description: 'Washed linen.\nRelaxed fit.',
    images: [
      { url: imageUrl('linen-overshirt-sand'), alt: 'Linen shirt', width: 600, height: 600 },
      { url: imageUrl('linen-overshirt-olive'), alt: 'Back', width: 600, height: 600 },
    ],
    options: [
      { name: 'Size', values: ['S', 'M', 'L'] },
      { name: 'Colour', values: ['Red', 'Blue', 'Green'] },
      { name: 'Length', values: ['Regular', 'Long'] },
    ],
    variants,
    badges: ['New'],
  };
}

export function manyProducts(count: number): FeedProduct[] {
  return Array.from({ length: count }, (_, index) =>
    simpleProduct(`p${index}`, { title: `Product number ${index}`, price: (10 + index / 10).toFixed(2) }),
  );
}

/** The normalised model of a feed product (what the widget works with). */
export function model(product: FeedProduct): Product {
  const [normalised] = productsFromData([product], { host: null });
  if (!normalised) throw new Error(`fixture ${String(product['id'])} is not a valid feed product`);
  return normalised;
}

// ---- A cart adapter kept in memory (the stand-in for a merchant's cart in component tests) ----

export interface MemoryCart extends CartAdapter {
  readonly lines: CartLine[];
  readonly requests: CartLineRequest[];
  opened: number;
  checkedOut: number;
  /** Replaces how `add` answers (default: adds everything). */
  answer: ((line: CartLineRequest) => Promise<CartAddResult>) | null;
  /** A change made outside the widget (another tab, the theme's drawer): tells subscribers. */
  changeElsewhere(line: CartLine): void;
}

export function memoryCart(): MemoryCart {
  const lines: CartLine[] = [];
  const cart = (): Cart => ({ itemCount: lines.reduce((sum, line) => sum + line.quantity, 0), lines: [...lines] });
  const listeners = new Set<(cart: Cart) => void>();
  const adapter: MemoryCart = {
    lines,
    requests: [],
    opened: 0,
    checkedOut: 0,
    answer: null,
    async add(line) {
      adapter.requests.push(line);
      if (adapter.answer) return adapter.answer(line);
      lines.push({
        key: `${line.variant.id}:${lines.length}`,
        productId: line.product.id,
        variantId: line.variant.id,
        title: line.product.title,
        quantity: line.quantity,
        properties: line.properties,
      });
      return { quantityAdded: line.quantity, cart: cart() };
    },
    async getCart() {
      return cart();
    },
    openCart() {
      adapter.opened += 1;
    },
    checkout() {
      adapter.checkedOut += 1;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    changeElsewhere(line) {
      lines.push(line);
      for (const listener of listeners) listener(cart());
    },
  };
  return adapter;
}

/** A standalone carousel with these products and cart, its first card opened. */
export async function openFromCarousel(
  container: HTMLElement,
  products: unknown,
  adapter: CartAdapter | undefined,
  attributes: Record<string, string> = { locale: 'en' },
): Promise<{ carousel: VitrineProducts; overlay: VitrineProductOverlay; root: ShadowRoot }> {
  const carousel = document.createElement('vitrine-products');
  for (const [name, value] of Object.entries(attributes)) carousel.setAttribute(name, value);
  carousel.products = products;
  if (adapter) carousel.cartAdapter = adapter;
  container.append(carousel);
  await waitUntil(() => carousel.shadowRoot?.querySelector('.card'), 'cards rendered');
  carousel.shadowRoot!.querySelector<HTMLButtonElement>('.card')!.click();
  // The first open imports the overlay's code: on a busy machine that alone can take seconds.
  await waitUntil(() => carousel.shadowRoot!.querySelector('vitrine-product-overlay')?.open, 'overlay open', { timeout: 10_000 });
  const overlay = carousel.shadowRoot!.querySelector('vitrine-product-overlay')!;
  await overlay.updateComplete;
  return { carousel, overlay, root: overlay.shadowRoot! };
}
