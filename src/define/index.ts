/** Registers every Vitrine element. Import `vitrine/define/<name>` to register only one. */
import './show.js';
import './player.js';
import './products.js';
import './product-overlay.js';
import './chat.js';
import './studio.js';
