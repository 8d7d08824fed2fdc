// Script-tag entry of the CDN build: a few hundred bytes that load the elements' code
// (`elements.ts`: the <vitrine-show> facade and the autoloader of the other elements) once the
// page's own show posters have painted, so nothing of Vitrine competes with them (`boot.ts`).
import { boot } from './boot.js';

boot(() => import('./elements.js'));
