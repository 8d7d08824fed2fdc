import { describe, expect, it } from 'vitest';
import { playerMessages } from '../../src/i18n/player.js';
import { translator } from '../../src/i18n/translate.js';

describe('player messages', () => {
  it('ships every key in English, Dutch and French, really translated', () => {
    const keys = Object.keys(playerMessages.en).sort();
    for (const language of ['nl', 'fr'] as const) {
      const catalog = playerMessages[language] as Record<string, string>;
      expect(Object.keys(catalog).sort()).toEqual(keys);
      // Words that are the same in the other language ("Volume", "Live") are few.
      const same = keys.filter((key) => catalog[key] === (playerMessages.en as Record<string, string>)[key]);
      expect(same.length, `${language} untranslated: ${same.join(', ')}`).toBeLessThanOrEqual(2);
    }
  });

  it('fills in times and titles', () => {
    const nl = translator(playerMessages, { language: 'nl', tag: 'nl-BE' });
    expect(nl('goLiveBehind', { time: '12 seconden' })).toBe('Naar live, 12 seconden achter');
    const fr = translator(playerMessages, { language: 'fr', tag: 'fr-FR' });
    expect(fr('playTitled', { title: 'Soldes' })).toBe('Lire : Soldes');
    expect(fr('timeOf', { time: '0:07', duration: '0:20' })).toBe('0:07 sur 0:20');
  });
});
