// Side-effect-free exports: importing this module registers nothing. Use `vitrine/define/*`
// (or `customElements.define` with your own tag names) to register elements.
export { VERSION } from './version.js';
export { VitrineShow, type ShowLoading } from './components/show/show.js';
export type { ShowView } from './components/show/show-view.js';
export { VitrinePlayer } from './components/player/player.js';
export { defineElement } from './define/define.js';
export type { ShowStores } from './stores/show.js';
export type { PlayerStore } from './stores/player.js';
export type { PlayerState, EngineName, ActiveEngine, PlayerErrorCode, QualityLevel, CaptionTrack } from './player/types.js';
export type { VitrinePlayDetail, VitrinePauseDetail, VitrineErrorDetail, VitrineLiveEdgeDetail } from './player/events.js';
export type { VitrineEventName, VitrineEventDetail } from './internal/emit.js';
export { resolveLocale, LANGUAGES, type Language, type ResolvedLocale } from './i18n/locale.js';
