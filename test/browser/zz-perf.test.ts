import '../support/browser-env.js';
import { productsFromData } from '../../src/commerce/sources/index.js';
import '../../src/define/products.js';
it('perf', async () => {
  const IMAGES = ['organic-tee', 'wool-beanie'];
  const data = { currency: 'EUR', products: Array.from({ length: 200 }, (_, index) => ({
      id: `p${index}`, title: `Product ${index}`,
      images: [{ url: `/demo-images/${IMAGES[index % 2]}.svg?n=${index}`, alt: '', width: 800, height: 800 }],
      options: [{ name: 'Size', values: ['S', 'M', 'L'] }],
      variants: ['S', 'M', 'L'].map((size, axis) => ({ id: `p${index}-${size}`, optionValues: [size], price: `${20 + (index % 50)}.${axis}0`, ...(index % 3 === 0 ? { compareAtPrice: `${40 + (index % 50)}.00` } : {}), stock: index % 7 === 0 ? 0 : 25 })),
      badges: [] })) };
  for (let i = 0; i < 3; i++) {
    let t = performance.now();
    const products = productsFromData(data, { host: null });
    console.log('normalise', (performance.now() - t).toFixed(1));
    const el = document.createElement('vitrine-products');
    el.setAttribute('locale', 'en');
    document.body.append(el);
    await el.updateComplete;
    t = performance.now();
    el.products = data;
    await el.updateComplete;
    console.log('set+render', (performance.now() - t).toFixed(1));
    t = performance.now();
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
    console.log('paint', (performance.now() - t).toFixed(1));
    el.remove();
    void products;
  }
});
