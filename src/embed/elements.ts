// The script-tag build's elements, loaded by `vitrine.js` (boot.ts): registers <vitrine-show> (a
// small facade) and loads every other element's chunk only when that element appears on the page.
import '../define/show.js';
import { autoload } from './autoload.js';

autoload({
  'vitrine-player': () => import('../define/player.js'),
  'vitrine-products': () => import('../define/products.js'),
  'vitrine-product-overlay': () => import('../define/product-overlay.js'),
  'vitrine-chat': () => import('../define/chat.js'),
  // The producer team's tool, in a chunk named staff-studio that shoppers never load.
  'vitrine-studio': () => import('./staff-studio.js'),
});
