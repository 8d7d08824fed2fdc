import { describe, expect, it } from 'vitest';
import { shortcut } from '../../src/components/player/shortcuts.js';

const key = (k: string, modifiers: { altKey?: boolean; ctrlKey?: boolean; metaKey?: boolean } = {}) => ({ key: k, altKey: false, ctrlKey: false, metaKey: false, ...modifiers });

describe('player shortcuts', () => {
  it('maps the usual player keys', () => {
    expect(['k', 'K', 'm', 'f', 'c', 'ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown'].map((k) => shortcut(key(k), 'other'))).toEqual([
      'toggle-play',
      'toggle-play',
      'toggle-mute',
      'toggle-fullscreen',
      'toggle-captions',
      'seek-back',
      'seek-forward',
      'volume-up',
      'volume-down',
    ]);
  });

  it('leaves the space bar to buttons and the arrows to sliders', () => {
    expect(shortcut(key(' '), 'other')).toBe('toggle-play');
    expect(shortcut(key(' '), 'button')).toBe(null);
    expect(shortcut(key('ArrowLeft'), 'slider')).toBe(null);
    expect(shortcut(key('ArrowLeft'), 'button')).toBe('seek-back');
    expect(shortcut(key('k'), 'slider')).toBe('toggle-play');
  });

  it('ignores keys with modifiers (the page and browser own those) and unknown keys', () => {
    expect(shortcut(key('f', { ctrlKey: true }), 'other')).toBe(null);
    expect(shortcut(key('k', { metaKey: true }), 'other')).toBe(null);
    expect(shortcut(key('ArrowLeft', { altKey: true }), 'other')).toBe(null);
    expect(shortcut(key('Enter'), 'other')).toBe(null);
    expect(shortcut(key('x'), 'other')).toBe(null);
  });
});
