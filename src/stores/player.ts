import { atom, type WritableAtom } from 'nanostores';
import type { ActiveEngine, CaptionTrack, PlayerErrorCode, PlayerState, QualityLevel, StreamMetadata } from '../player/types.js';

/** Everything a player shows, as stores; one bag per player instance, never shared. */
export interface PlayerStore {
  readonly state: WritableAtom<PlayerState>;
  /** The engine playing the stream, once chosen. */
  readonly engine: WritableAtom<ActiveEngine | null>;
  /** The stream is live (no end marker when it started); false for VOD. */
  readonly live: WritableAtom<boolean>;
  /** Live only: playback is within a few seconds of the live edge. */
  readonly atLiveEdge: WritableAtom<boolean>;
  /** Live only: seconds behind the live edge. */
  readonly behindLive: WritableAtom<number>;
  /** Playback paused (or not started). */
  readonly paused: WritableAtom<boolean>;
  /** Media time in seconds, updated a few times a second (`timeupdate`). */
  readonly currentTime: WritableAtom<number>;
  /**
   * Wall-clock time (epoch ms, from EXT-X-PROGRAM-DATE-TIME) of the frame on screen, updated for
   * every presented frame; null until known or when the stream carries no program date time.
   */
  readonly streamTime: WritableAtom<number | null>;
  /** Seconds; Infinity for live. */
  readonly duration: WritableAtom<number>;
  readonly muted: WritableAtom<boolean>;
  readonly volume: WritableAtom<number>;
  readonly levels: WritableAtom<readonly QualityLevel[]>;
  /** Chosen level index; -1 is automatic. */
  readonly level: WritableAtom<number>;
  /** Level actually playing (differs from `level` in automatic mode). */
  readonly playingLevel: WritableAtom<number>;
  readonly captions: WritableAtom<readonly CaptionTrack[]>;
  /** Shown captions track index; -1 is off. */
  readonly caption: WritableAtom<number>;
  readonly error: WritableAtom<{ code: PlayerErrorCode; message: string } | null>;
  /** Vitrine's timed metadata from the stream (ID3 `TXXX:vitrine`), oldest first, the last 100. */
  readonly metadata: WritableAtom<readonly StreamMetadata[]>;
}

export function createPlayerStore(): PlayerStore {
  return {
    state: atom<PlayerState>('idle'),
    engine: atom<ActiveEngine | null>(null),
    live: atom(false),
    atLiveEdge: atom(false),
    behindLive: atom(0),
    paused: atom(true),
    currentTime: atom(0),
    streamTime: atom<number | null>(null),
    duration: atom(0),
    muted: atom(false),
    volume: atom(1),
    levels: atom<readonly QualityLevel[]>([]),
    level: atom(-1),
    playingLevel: atom(-1),
    captions: atom<readonly CaptionTrack[]>([]),
    caption: atom(-1),
    error: atom<{ code: PlayerErrorCode; message: string } | null>(null),
    metadata: atom<readonly StreamMetadata[]>([]),
  };
}
