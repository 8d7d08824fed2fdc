import { VitrineProducts } from '../components/products/products.js';
import { defineElement } from './define.js';

defineElement('vitrine-products', VitrineProducts);

declare global {
  interface HTMLElementTagNameMap {
    'vitrine-products': VitrineProducts;
  }
}
