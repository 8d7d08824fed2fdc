import { PRODUCTS_HEIGHT } from '../products/layout.js';

/**
 * The facade: the box the full widget will fill, a poster, a title and a play button. The box is
 * a 16:9 stage for the video, plus the product strip under it when the show has products; both
 * the facade and the loaded widget lay out into it, so nothing shifts.
 */
export const showFacadeCss = `
:host {
  position: relative;
  display: flex;
  flex-direction: column;
  width: 100%;
  overflow: hidden;
  border-radius: var(--vitrine-radius, 12px);
  background: var(--vitrine-video-background, #0b0b0f);
  color: #fff;
  contain: layout paint;
}
.stage { position: relative; flex: 1 1 auto; min-height: 0; aspect-ratio: 16 / 9; }
.strip { flex: none; height: ${PRODUCTS_HEIGHT}; }
.facade { position: absolute; inset: 0; display: grid; place-items: center; }
.poster { position: absolute; inset: 0; width: 100%; height: 100%; object-fit: cover; display: block; }
.title {
  position: absolute; inset: 0 0 auto 0; margin: 0; padding: 14px 16px 32px;
  font-size: 1.1em; font-weight: 600; text-shadow: 0 1px 2px rgb(0 0 0 / 0.6);
  background: linear-gradient(rgb(0 0 0 / 0.55), transparent);
  white-space: nowrap; overflow: hidden; text-overflow: ellipsis;
}
.play {
  position: relative; display: grid; place-items: center;
  width: 72px; height: 72px; padding: 0; margin: 0; border: 0; border-radius: 50%;
  background: var(--vitrine-accent, #e11d48); color: #fff; cursor: pointer;
  box-shadow: 0 6px 24px rgb(0 0 0 / 0.35);
  transition: transform 120ms ease;
}
.play:hover { transform: scale(1.06); }
.play:focus-visible { outline: 3px solid #fff; outline-offset: 3px; }
.play svg { width: 30px; height: 30px; margin-left: 4px; fill: currentColor; }
.play[aria-busy="true"] svg { opacity: 0.5; }
.status { position: absolute; bottom: 12px; left: 0; right: 0; text-align: center; font-size: 0.95em; }
.status button { margin-left: 8px; padding: 4px 10px; border: 1px solid #fff; border-radius: 6px; background: transparent; cursor: pointer; }
@media (prefers-reduced-motion: reduce) { .play { transition: none; } }
`;
