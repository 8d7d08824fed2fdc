/** What a keyboard shortcut asks the player to do. */
export type PlayerCommand =
  | 'toggle-play'
  | 'toggle-mute'
  | 'toggle-fullscreen'
  | 'toggle-captions'
  | 'seek-back'
  | 'seek-forward'
  | 'volume-up'
  | 'volume-down';

/** Where the key was pressed: a slider keeps its arrows, a button its space bar. */
export type KeyTarget = 'slider' | 'button' | 'other';

const LETTERS: Readonly<Record<string, PlayerCommand>> = {
  k: 'toggle-play',
  m: 'toggle-mute',
  f: 'toggle-fullscreen',
  c: 'toggle-captions',
};

const ARROWS: Readonly<Record<string, PlayerCommand>> = {
  ArrowLeft: 'seek-back',
  ArrowRight: 'seek-forward',
  ArrowUp: 'volume-up',
  ArrowDown: 'volume-down',
};

/**
 * The player's shortcuts (as on YouTube): k or space play/pause, m mute, f full screen,
 * c subtitles, left/right seek 5 s, up/down volume. Keys with a modifier belong to the page.
 */
export function shortcut(event: Pick<KeyboardEvent, 'key' | 'altKey' | 'ctrlKey' | 'metaKey'>, target: KeyTarget): PlayerCommand | null {
  if (event.altKey || event.ctrlKey || event.metaKey) return null;
  const letter = LETTERS[event.key.toLowerCase()];
  if (letter) return letter;
  if (event.key === ' ') return target === 'other' ? 'toggle-play' : null;
  return target === 'slider' ? null : (ARROWS[event.key] ?? null);
}
