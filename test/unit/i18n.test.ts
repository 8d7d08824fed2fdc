import { describe, expect, it } from 'vitest';
import { defineMessages, translator } from '../../src/i18n/translate.js';
import { resolveLocale } from '../../src/i18n/locale.js';
import { formatDuration } from '../../src/i18n/format.js';
import { showMessages } from '../../src/i18n/show.js';

const messages = defineMessages(
  { left: { one: 'Only {count} left', other: 'Only {count} left!' }, hi: 'Hello {name}' },
  { nl: { left: { one: 'Nog {count} over', other: 'Nog {count} over!' }, hi: 'Hallo {name}' }, fr: { left: { one: 'Plus que {count}', other: 'Plus que {count} !' }, hi: 'Bonjour {name}' } },
);

describe('translator', () => {
  it('interpolates and picks plural forms per locale', () => {
    const nl = translator(messages, { language: 'nl', tag: 'nl-NL' });
    expect(nl('left', { count: 1 })).toBe('Nog 1 over');
    expect(nl('left', { count: 1200 })).toBe('Nog 1.200 over!');
    expect(nl('hi', { name: '<b>Ann</b>' })).toBe('Hallo <b>Ann</b>');
    const fr = translator(messages, { language: 'fr', tag: 'fr-FR' });
    // French treats 0 and 1 as "one".
    expect(fr('left', { count: 0 })).toBe('Plus que 0');
  });

  it('leaves unknown placeholders visible rather than inventing text', () => {
    const en = translator(messages, { language: 'en', tag: 'en' });
    expect(en('hi')).toBe('Hello {name}');
  });

  it('ships every key in every language', () => {
    for (const language of ['nl', 'fr'] as const) {
      expect(Object.keys(showMessages[language]).sort()).toEqual(Object.keys(showMessages.en).sort());
    }
  });
});

describe('resolveLocale', () => {
  it('keeps the requested tag for formatting and falls back for text', () => {
    expect(resolveLocale('nl-BE')).toEqual({ language: 'nl', tag: 'nl-BE' });
    const de = resolveLocale('de-DE');
    expect(de.tag).toBe('de-DE');
    expect(['en', 'nl', 'fr']).toContain(de.language);
  });

  it('ignores an invalid tag with a warning', () => {
    const owner = {};
    const warnings: unknown[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args[0]);
    try {
      const locale = resolveLocale('not a locale!!', owner);
      expect(['en', 'nl', 'fr']).toContain(locale.language);
    } finally {
      console.warn = original;
    }
    expect(String(warnings[0])).toMatch(/attribute "locale" must be a BCP 47 language tag/);
  });
});

describe('formatDuration', () => {
  it('formats clock durations', () => {
    expect(formatDuration(7, 'en')).toBe('0:07');
    expect(formatDuration(754, 'en')).toBe('12:34');
    expect(formatDuration(3723, 'en')).toBe('1:02:03');
    expect(formatDuration(Number.NaN, 'en')).toBe('0:00');
  });
});
