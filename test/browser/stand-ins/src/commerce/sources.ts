import type { Product } from '../../../../../src/commerce/product.js';

export function productsFromData(data: unknown, _options: { host: Element | null; currency?: string }): Product[] {
  const list = Array.isArray(data) ? data : (data as { products?: unknown[] })?.products;
  return (list ?? []) as Product[];
}
export async function loadProducts(spec: string, options: { host: Element; signal?: AbortSignal; currency?: string }): Promise<Product[]> {
  if (spec === '') {
    const script = options.host.querySelector(':scope > script[type="application/json"]');
    return productsFromData(JSON.parse(script?.textContent ?? '[]'), options);
  }
  const response = await fetch(spec, { signal: options.signal });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return productsFromData(await response.json(), options);
}
