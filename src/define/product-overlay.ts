import { VitrineProductOverlay } from '../components/product-overlay/product-overlay.js';
import { defineElement } from './define.js';

defineElement('vitrine-product-overlay', VitrineProductOverlay);

declare global {
  interface HTMLElementTagNameMap {
    'vitrine-product-overlay': VitrineProductOverlay;
  }
}
