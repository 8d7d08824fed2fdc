import { describe, expect, it } from 'vitest';
import { loadMessages } from '../../src/i18n/messages.js';
import { translator } from '../../src/i18n/translate.js';

describe('player messages', () => {
  it('fills in times and titles', async () => {
    const nl = translator((await loadMessages('nl')).player, { language: 'nl', tag: 'nl-BE' });
    expect(nl('goLiveBehind', { time: '12 seconden' })).toBe('Naar live, 12 seconden achter');
    const fr = translator((await loadMessages('fr')).player, { language: 'fr', tag: 'fr-FR' });
    expect(fr('playTitled', { title: 'Soldes' })).toBe('Lire\u202F: Soldes');
    expect(fr('timeOf', { time: '0:07', duration: '0:20' })).toBe('0:07 sur 0:20');
  });
});
