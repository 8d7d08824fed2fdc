/** Registers every Vitrine element. Import `vitrine/define/<name>` to register only one. */
import './show.js';
import './player.js';
import './chat.js';
