// The demo shop's state and the Shopify Ajax API semantics: products as `/products/<handle>.js`
// JSON, carts as `/cart.js` JSON, adds and changes checked against stock with Shopify's 422
// answers ("Only N items were added to your cart." adds N). Pure logic; routes.ts does HTTP.
import { createHash, randomBytes } from 'node:crypto';
import { DEMO_CURRENCY, demoCatalog, type DemoProduct, type DemoVariant } from './catalog.js';

export interface CartLineState {
  readonly key: string;
  readonly product: DemoProduct;
  readonly variant: DemoVariant;
  quantity: number;
  readonly properties: Readonly<Record<string, string>>;
  /** Demo extension: the unit price of a line bought under a Vitrine flash offer (cents). */
  readonly offerPrice?: number;
}

/** The unit price a line is charged: its offer price, else the variant's. */
export const unitPrice = (line: CartLineState): number => line.offerPrice ?? line.variant.price;

/** A flash offer claim the cart honours (checked by the caller: signature, expiry, product). */
export interface HonouredClaim {
  readonly claimId: string;
  /** Cents per unit. */
  readonly price: number;
  /** Most units at that price. */
  readonly quantity: number;
}

export interface CartState {
  readonly token: string;
  lines: CartLineState[];
}

/** A Shopify-style error answer: `{ status, message, description }`. */
export class ShopError extends Error {
  constructor(
    readonly status: number,
    readonly description: string,
  ) {
    super(description);
  }

  toJSON(): { status: number; message: string; description: string } {
    return { status: this.status, message: 'Cart Error', description: this.description };
  }
}

/** What an add did: the lines it touched, and for a partial add the 422 to answer with. */
export interface AddResult {
  readonly lines: CartLineState[];
  readonly partial?: ShopError;
}

export interface DemoShopOptions {
  readonly products?: DemoProduct[];
  /** URL path where product images are served (default `/demo-images/`). */
  readonly imagePath?: string;
}

function stringProperties(value: unknown): Record<string, string> {
  const result: Record<string, string> = {};
  if (!value || typeof value !== 'object' || Array.isArray(value)) return result;
  for (const [key, entry] of Object.entries(value)) {
    if (entry === null || entry === undefined || entry === '') continue; // Shopify drops blank properties
    result[key.slice(0, 255)] = String(entry).slice(0, 1000);
  }
  return result;
}

export class DemoShop {
  readonly products: DemoProduct[];
  readonly carts = new Map<string, CartState>();
  readonly currency = DEMO_CURRENCY;
  readonly imagePath: string;
  /** Adds applied, for tests that prove an add happened once. */
  addsApplied = 0;
  /** Flash offer claims already honoured: each prices one line, once. */
  readonly usedClaims = new Set<string>();

  constructor(options: DemoShopOptions = {}) {
    this.products = options.products ?? demoCatalog();
    this.imagePath = options.imagePath ?? '/demo-images/';
  }

  product(handle: string): DemoProduct | undefined {
    return this.products.find((product) => product.handle === handle);
  }

  findVariant(id: number): { product: DemoProduct; variant: DemoVariant } | undefined {
    for (const product of this.products) {
      const variant = product.variants.find((candidate) => candidate.id === id);
      if (variant) return { product, variant };
    }
    return undefined;
  }

  cart(token: string | undefined): CartState {
    if (token) {
      const existing = this.carts.get(token);
      if (existing) return existing;
    }
    const cart: CartState = { token: token && /^[a-z0-9-]{8,64}$/i.test(token) ? token : randomBytes(12).toString('hex'), lines: [] };
    this.carts.set(cart.token, cart);
    return cart;
  }

  /**
   * POST /cart/add.js: each item `{ id, quantity, properties }`, checked against stock. An item
   * with a verified flash offer claim (`claims[i]`) is priced at the offer price.
   */
  add(cart: CartState, items: readonly unknown[], claims: readonly (HonouredClaim | undefined)[] = []): AddResult {
    if (items.length === 0) throw new ShopError(400, 'Missing items.');
    const touched: CartLineState[] = [];
    for (const [index, raw] of items.entries()) {
      const claim = claims[index];
      const item = (raw && typeof raw === 'object' ? raw : {}) as { id?: unknown; quantity?: unknown; properties?: unknown };
      const id = Number(item.id);
      const quantity = item.quantity === undefined ? 1 : Number(item.quantity);
      if (!Number.isSafeInteger(quantity) || quantity < 1) throw new ShopError(422, 'Quantity must be 1 or more.');
      const found = Number.isSafeInteger(id) ? this.findVariant(id) : undefined;
      if (!found) throw new ShopError(404, 'Cannot find variant');
      const { product, variant } = found;
      const properties = stringProperties(item.properties);
      if (claim && (this.usedClaims.has(claim.claimId) || quantity > claim.quantity)) {
        throw new ShopError(422, 'The offer price could not be applied: the claim was used already or is for fewer units. Nothing was added.');
      }
      const inCart = cart.lines.filter((line) => line.variant.id === variant.id).reduce((sum, line) => sum + line.quantity, 0);
      let allowed = quantity;
      let partial: ShopError | undefined;
      if (variant.stock !== null) {
        const left = Math.max(0, variant.stock - inCart);
        if (variant.stock === 0) throw new ShopError(422, `The product '${variantName(product, variant)}' is already sold out.`);
        if (left === 0) throw new ShopError(422, 'The maximum quantity of this item is already in your cart.');
        if (quantity > left) {
          allowed = left;
          partial = new ShopError(422, `Only ${left} items were added to your cart.`);
        }
      }
      const key = `${variant.id}:${createHash('md5').update(JSON.stringify(Object.entries(properties).sort())).digest('hex')}`;
      let line = cart.lines.find((candidate) => candidate.key === key);
      if (line) line.quantity += allowed;
      else {
        line = { key, product, variant, quantity: allowed, properties, ...(claim ? { offerPrice: claim.price } : {}) };
        cart.lines.push(line);
      }
      if (claim) this.usedClaims.add(claim.claimId);
      this.addsApplied += 1;
      touched.push(line);
      // Shopify stops at the first item it cannot fully add.
      if (partial) return { lines: touched, partial };
    }
    return { lines: touched };
  }

  /** POST /cart/change.js: `id` (line key or variant id) or `line` (1-based), and `quantity`. */
  change(cart: CartState, body: { id?: unknown; line?: unknown; quantity?: unknown }): ShopError | undefined {
    let line: CartLineState | undefined;
    if (typeof body.line === 'number' || (typeof body.line === 'string' && /^\d+$/.test(body.line))) line = cart.lines[Number(body.line) - 1];
    else if (typeof body.id === 'string' && body.id.includes(':')) line = cart.lines.find((candidate) => candidate.key === body.id);
    else if (body.id !== undefined) line = cart.lines.find((candidate) => candidate.variant.id === Number(body.id));
    if (!line) throw new ShopError(400, 'no valid id or line parameter');
    const quantity = Number(body.quantity);
    if (!Number.isSafeInteger(quantity) || quantity < 0) throw new ShopError(400, 'Quantity must be 0 or more.');
    if (quantity === 0) {
      cart.lines = cart.lines.filter((candidate) => candidate !== line);
      return undefined;
    }
    const others = cart.lines.filter((candidate) => candidate !== line && candidate.variant.id === line.variant.id).reduce((sum, candidate) => sum + candidate.quantity, 0);
    const stock = line.variant.stock;
    if (stock !== null && quantity + others > stock) {
      line.quantity = Math.max(0, stock - others);
      return new ShopError(422, `Only ${line.quantity} items were added to your cart.`);
    }
    line.quantity = quantity;
    return undefined;
  }

  image(file: string): string {
    return `${this.imagePath}${file}.svg`;
  }

  /** `/products/<handle>.js` JSON, as Shopify's Ajax API answers it (prices in cents). */
  productJson(product: DemoProduct, root: string): Record<string, unknown> {
    const prices = product.variants.map((variant) => variant.price);
    const compares = product.variants.map((variant) => variant.compareAt ?? 0);
    const media = product.images.map((image, index) => ({
      alt: image.alt,
      id: product.id * 100 + index + 1,
      position: index + 1,
      aspect_ratio: 1,
      height: 400,
      width: 400,
      media_type: 'image',
      src: this.image(image.file),
      preview_image: { aspect_ratio: 1, height: 400, width: 400, src: this.image(image.file) },
    }));
    return {
      id: product.id,
      title: product.title,
      handle: product.handle,
      description: product.description,
      published_at: '2025-03-01T09:00:00+01:00',
      created_at: '2025-02-20T09:00:00+01:00',
      vendor: product.vendor,
      type: product.type,
      tags: product.tags,
      price: Math.min(...prices),
      price_min: Math.min(...prices),
      price_max: Math.max(...prices),
      available: product.variants.some(available),
      price_varies: Math.min(...prices) !== Math.max(...prices),
      compare_at_price: Math.min(...compares) || null,
      compare_at_price_min: Math.min(...compares),
      compare_at_price_max: Math.max(...compares),
      compare_at_price_varies: Math.min(...compares) !== Math.max(...compares),
      variants: product.variants.map((variant) => this.variantJson(product, variant)),
      images: product.images.map((image) => this.image(image.file)),
      featured_image: product.images[0] ? this.image(product.images[0].file) : null,
      options: product.options.map((option, index) => ({ name: option.name, position: index + 1, values: option.values })),
      url: `${root}products/${product.handle}`,
      media,
      requires_selling_plan: false,
      selling_plan_groups: [],
    };
  }

  variantJson(product: DemoProduct, variant: DemoVariant): Record<string, unknown> {
    const image = variant.image ? product.images.findIndex((candidate) => candidate.file === variant.image) : -1;
    return {
      id: variant.id,
      title: variant.options.join(' / '),
      option1: variant.options[0] ?? null,
      option2: variant.options[1] ?? null,
      option3: variant.options[2] ?? null,
      sku: variant.sku,
      requires_shipping: true,
      taxable: true,
      featured_image:
        image >= 0
          ? { id: product.id * 100 + image + 1, product_id: product.id, position: image + 1, alt: product.images[image]!.alt, width: 400, height: 400, src: this.image(product.images[image]!.file), variant_ids: [variant.id] }
          : null,
      available: available(variant),
      name: variantName(product, variant),
      public_title: isDefault(product) ? null : variant.options.join(' / '),
      options: variant.options,
      price: variant.price,
      weight: 500,
      compare_at_price: variant.compareAt ?? null,
      inventory_management: variant.stock === null ? null : 'shopify',
      barcode: null,
      quantity_rule: { min: 1, max: null, increment: 1 },
      quantity_price_breaks: [],
      requires_selling_plan: false,
      selling_plan_allocations: [],
    };
  }

  lineJson(line: CartLineState, root: string): Record<string, unknown> {
    const { product, variant } = line;
    const imageFile = variant.image ?? product.images[0]?.file;
    return {
      id: variant.id,
      properties: line.properties,
      quantity: line.quantity,
      variant_id: variant.id,
      key: line.key,
      title: variantName(product, variant),
      price: unitPrice(line),
      original_price: variant.price,
      discounted_price: unitPrice(line),
      line_price: unitPrice(line) * line.quantity,
      original_line_price: variant.price * line.quantity,
      total_discount: (variant.price - unitPrice(line)) * line.quantity,
      discounts: [],
      sku: variant.sku,
      grams: 500,
      vendor: product.vendor,
      taxable: true,
      product_id: product.id,
      product_has_only_default_variant: isDefault(product),
      gift_card: false,
      final_price: unitPrice(line),
      final_line_price: unitPrice(line) * line.quantity,
      url: `${root}products/${product.handle}?variant=${variant.id}`,
      featured_image: imageFile ? { url: this.image(imageFile), alt: product.title, aspect_ratio: 1, width: 400, height: 400 } : null,
      image: imageFile ? this.image(imageFile) : null,
      handle: product.handle,
      requires_shipping: true,
      product_type: product.type,
      product_title: product.title,
      product_description: product.description.replace(/<[^>]*>/g, ''),
      variant_title: isDefault(product) ? null : variant.options.join(' / '),
      variant_options: variant.options,
      options_with_values: product.options.map((option, index) => ({ name: option.name, value: variant.options[index] })),
      line_level_discount_allocations: [],
      line_level_total_discount: 0,
    };
  }

  /** `/cart.js` JSON. */
  cartJson(cart: CartState, root: string): Record<string, unknown> {
    const total = cart.lines.reduce((sum, line) => sum + unitPrice(line) * line.quantity, 0);
    return {
      token: cart.token,
      note: null,
      attributes: {},
      original_total_price: total,
      total_price: total,
      total_discount: 0,
      total_weight: cart.lines.reduce((sum, line) => sum + 500 * line.quantity, 0),
      item_count: cart.lines.reduce((sum, line) => sum + line.quantity, 0),
      items: cart.lines.map((line) => this.lineJson(line, root)),
      requires_shipping: cart.lines.length > 0,
      currency: this.currency,
      items_subtotal_price: total,
      cart_level_discount_applications: [],
    };
  }
}

function available(variant: DemoVariant): boolean {
  return variant.stock === null || variant.stock > 0;
}

function isDefault(product: DemoProduct): boolean {
  return product.options.length === 1 && product.options[0]!.name === 'Title';
}

export function variantName(product: DemoProduct, variant: DemoVariant): string {
  return isDefault(product) ? product.title : `${product.title} - ${variant.options.join(' / ')}`;
}
