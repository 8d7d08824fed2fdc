import type { PlayerErrorCode } from './types.js';

export interface VitrinePlayDetail {
  /** Wall-clock time of the frame on screen (EXT-X-PROGRAM-DATE-TIME), when the stream has it. */
  readonly streamTime: Date | null;
}

export interface VitrinePauseDetail {
  readonly streamTime: Date | null;
}

export interface VitrineErrorDetail {
  readonly code: PlayerErrorCode;
  /** A developer-facing explanation (the shopper sees a translated message in the player). */
  readonly message: string;
  /** True when playback stopped; false for trouble the player is still recovering from. */
  readonly fatal: boolean;
}

export interface VitrineLiveEdgeDetail {
  /** True when playback (re)joined the live edge, false when it drifted behind. */
  readonly atLiveEdge: boolean;
  /** Seconds behind the live edge. */
  readonly behind: number;
}

declare global {
  interface GlobalEventHandlersEventMap {
    /** Playback started or resumed. */
    'vitrine-play': CustomEvent<VitrinePlayDetail>;
    /** Playback paused by the shopper or the page. */
    'vitrine-pause': CustomEvent<VitrinePauseDetail>;
    /** Playback trouble; `detail.fatal` says whether the player gave up. */
    'vitrine-error': CustomEvent<VitrineErrorDetail>;
    /** A live stream joined or left its live edge. */
    'vitrine-live-edge': CustomEvent<VitrineLiveEdgeDetail>;
  }
}
