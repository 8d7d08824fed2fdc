import { PRODUCTS_HEIGHT } from '../products/layout.js';

/** Side panel (products over chat) beside the video from this widget width up, in the `inline` layout. */
export const SIDE_PANEL_MIN_PX = 880;
const CONTROLS_HEIGHT = 'var(--vitrine-controls-height, 56px)';

/**
 * The box of <vitrine-show> in each layout, shared by the facade and the loaded widget: both
 * render `.layout > .stage + .panel > .strip + .chat` with the same classes (layout.ts), so the
 * box the facade reserves is the box the widget fills and nothing shifts when it loads. Sizes
 * follow the widget's own width (container queries), never the viewport.
 *  - inline, narrow or without chat: 16:9 video, then the product strip, then the chat.
 *  - inline, wide with chat: 16:9 video, and a side panel as tall as it (products over chat).
 *  - vertical: one 9:16 video; chat and products float over its lower part (and take no room).
 * Notes (kept out of the shipped string): the wide panel has size containment so it never makes
 * the widget taller than the video, it stretches to it; the vertical panel's gradient is a scrim
 * that keeps text readable over any picture; the vertical chat comes above the products (as on
 * Douyin) and leaves room at the inline end for the button rail; the play icon's margin is
 * physical on purpose (media icons do not mirror in right-to-left pages); the slotted poster's
 * box is `!important` because the page's own rules (a theme's `img { height: auto }`) would
 * otherwise win over `::slotted`, and only `!important` inside the shadow root beats them.
 */
export const showFacadeCss = `
:host {
  position: relative;
  display: block;
  width: 100%;
  overflow: hidden;
  border-radius: var(--vitrine-radius, 12px);
  background: var(--vitrine-video-background, #0b0b0f);
  color: #fff;
  contain: layout paint;
  container: vitrine-show / inline-size;
}
:host([layout="vertical"]) { max-inline-size: var(--vitrine-vertical-max-width, 420px); margin-inline: auto; }
.layout { display: flex; flex-direction: column; }
.stage { position: relative; flex: none; aspect-ratio: 16 / 9; }
.panel { display: flex; flex-direction: column; }
.strip { flex: none; block-size: ${PRODUCTS_HEIGHT}; }
.chat { flex: none; block-size: var(--vitrine-chat-height, 320px); min-block-size: 0; }
@container vitrine-show (min-width: ${SIDE_PANEL_MIN_PX}px) {
  .inline.with-chat { flex-direction: row; }
  .inline.with-chat > .stage { flex: 1 1 0; min-inline-size: 0; }
  .inline.with-chat > .panel { flex: none; inline-size: var(--vitrine-panel-width, 340px); contain: size; }
  .inline.with-chat .chat { flex: 1 1 0; block-size: auto; }
}
.vertical > .stage { aspect-ratio: 9 / 16; }
.vertical > .panel {
  position: absolute; z-index: 1;
  inset-inline: 0; inset-block-end: ${CONTROLS_HEIGHT};
  gap: 6px; padding-block-start: 40px;
  background: linear-gradient(transparent, rgb(0 0 0 / 0.55) 40px);
  pointer-events: none;
}
.vertical > .panel > * { pointer-events: auto; }
.vertical .chat { order: -1; block-size: 40cqi; inline-size: calc(100% - 56px); }
.facade { position: absolute; inset: 0; display: grid; place-items: center; }
.poster { position: absolute; inset: 0; width: 100%; height: 100%; object-fit: cover; display: block; }
::slotted([slot="poster"]) {
  position: absolute !important; inset: 0 !important; width: 100% !important; height: 100% !important;
  max-width: none !important; margin: 0 !important; object-fit: cover !important; display: block !important;
}
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
.status { position: absolute; inset-block-end: 12px; inset-inline: 0; text-align: center; font-size: 0.95em; }
.status button { margin-inline-start: 8px; padding: 4px 10px; border: 1px solid #fff; border-radius: 6px; background: transparent; cursor: pointer; }
@media (prefers-reduced-motion: reduce) { .play { transition: none; } }
`;
