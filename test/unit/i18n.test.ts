import { describe, expect, it } from 'vitest';
import en from '../../src/i18n/catalogs/en.js';
import fr from '../../src/i18n/catalogs/fr.js';
import staffFr from '../../src/i18n/catalogs/staff-fr.js';
import { formatDuration } from '../../src/i18n/format.js';
import { LANGUAGES, resolveLocale } from '../../src/i18n/locale.js';
import { loadMessages, type Messages } from '../../src/i18n/messages.js';
import { showMessages } from '../../src/i18n/show.js';
import { defineMessages, translator } from '../../src/i18n/translate.js';
import { clipText, textLength } from '../../src/internal/text.js';

const messages = defineMessages(
  { left: { one: 'Only {count} left', other: 'Only {count} left!' }, hi: 'Hello {name}' },
  { nl: { left: { one: 'Nog {count} over', other: 'Nog {count} over!' }, hi: 'Hallo {name}' }, fr: { left: { one: 'Plus que {count}', other: 'Plus que {count} !' }, hi: 'Bonjour {name}' } },
);

describe('translator', () => {
  it('interpolates and picks plural forms per locale', () => {
    const nl = translator(messages.nl, { language: 'nl', tag: 'nl-NL' });
    expect(nl('left', { count: 1 })).toBe('Nog 1 over');
    expect(nl('left', { count: 1200 })).toBe('Nog 1.200 over!');
    expect(nl('hi', { name: '<b>Ann</b>' })).toBe('Hallo <b>Ann</b>');
    const fr = translator(messages.fr, { language: 'fr', tag: 'fr-FR' });
    // French treats 0 and 1 as "one".
    expect(fr('left', { count: 0 })).toBe('Plus que 0');
  });

  it('leaves unknown placeholders visible rather than inventing text', () => {
    const en = translator(messages.en, { language: 'en', tag: 'en' });
    expect(en('hi')).toBe('Hello {name}');
  });

  it('shows the key of a message a catalog lacks rather than nothing', () => {
    const partial = translator<'hi' | 'bye'>({ hi: 'Hoi' } as unknown as Record<'hi' | 'bye', string>, { language: 'nl', tag: 'nl' });
    expect(partial('bye')).toBe('bye');
  });
});

describe('catalogs', () => {
  it('the facade ships every key in every language, synchronously', () => {
    for (const language of ['nl', 'fr'] as const) {
      expect(Object.keys(showMessages[language]).sort()).toEqual(Object.keys(showMessages.en).sort());
    }
  });

  it('every language loads on its own, with every area and key of the English source', async () => {
    const areas = Object.keys(en).sort();
    expect(areas).toEqual(['cart', 'chat', 'offers', 'player', 'products']);
    for (const language of LANGUAGES) {
      const messages: Messages = await loadMessages(language);
      expect(Object.keys(messages).sort(), language).toEqual(areas);
      for (const area of areas as (keyof Messages)[]) {
        expect(Object.keys(messages[area]).sort(), `${language} ${area}`).toEqual(Object.keys(en[area]).sort());
        for (const [key, message] of Object.entries(messages[area])) {
          // Plural forms always have "other"; placeholders are the English ones.
          const forms = typeof message === 'string' ? [message] : Object.values(message);
          if (typeof message !== 'string') expect(message.other, `${language} ${area}.${key}`).toBeTypeOf('string');
          const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
          const source = (en[area] as Record<string, string | Record<string, string>>)[key]!;
          const english = new Set((typeof source === 'string' ? [source] : Object.values(source)).flatMap(placeholders));
          for (const form of forms) for (const name of placeholders(form)) expect(english.has(name!), `${language} ${area}.${key} {${name}}`).toBe(true);
        }
      }
    }
  });

  // "Chat" is the Dutch and French word too.
  const SAME_WORD = new Set(['chatToggle']);

  it('Dutch and French are really translated (few strings are the same as in English)', async () => {
    for (const language of ['nl', 'fr'] as const) {
      const messages = await loadMessages(language);
      for (const area of Object.keys(en) as (keyof Messages)[]) {
        const english = en[area] as Record<string, unknown>;
        const same = Object.keys(english).filter((key) => !SAME_WORD.has(key) && JSON.stringify((messages[area] as Record<string, unknown>)[key]) === JSON.stringify(english[key]));
        expect(same.length, `${language} ${area} untranslated: ${same.join(', ')}`).toBeLessThanOrEqual(2);
      }
    }
  });
});

describe('French typography', () => {
  /** Every string of a catalog, whatever its nesting (areas, plural forms). */
  const strings = (value: unknown, path: string): [string, string][] =>
    typeof value === 'string' ? [[path, value]] : Object.entries(value as Record<string, unknown>).flatMap(([key, inner]) => strings(inner, `${path}.${key}`));

  it('puts a narrow no-break space (U+202F) before : ; ! ? in every French string, so they never wrap alone', () => {
    const all = [...strings(fr, 'fr'), ...strings(staffFr, 'staff-fr'), ...strings(showMessages.fr, 'show.fr')];
    expect(all.length).toBeGreaterThan(100);
    const marks = all.filter(([, text]) => /[:;!?]/.test(text));
    expect(marks.length).toBeGreaterThan(10);
    for (const [path, text] of marks) {
      for (const match of text.matchAll(/[:;!?]/g)) {
        expect(text[match.index - 1], `${path}: ${JSON.stringify(text)}`).toBe('\u202F');
      }
    }
  });
});

describe('chat text length', () => {
  it('counts and cuts code points like the live server, never splitting an emoji', () => {
    expect(textLength('a😀b')).toBe(3);
    expect('a😀b'.length).toBe(4);
    expect(clipText('a😀b😀', 2)).toBe('a😀');
    expect(clipText('😀😀😀', 2)).toBe('😀😀');
    expect(clipText('abc', 3)).toBe('abc');
    expect(clipText('😀'.repeat(200), 200)).toBe('😀'.repeat(200));
    expect(textLength(clipText('😀'.repeat(250), 200))).toBe(200);
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
