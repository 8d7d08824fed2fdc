// The size budgets of the CDN build, held in `npm test` (the e2e suite runs after the build):
// bytes are deterministic, so they are asserted here; speed lives in bench/.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUDGETS, CEILINGS, measure, overBudget } from '../../scripts/size.mjs';

describe('CDN build size', () => {
  const report = measure();

  it('the facade entry is at most 10 KB gzip, in both script forms', () => {
    expect(report.entry.files[0]).toBe('vitrine.js');
    expect(report.entry.gzip).toBeLessThanOrEqual(BUDGETS.entry);
    expect(report.classicEntry.gzip).toBeLessThanOrEqual(BUDGETS.entry);
  });

  // The design budget is 60 KB gzip and is not met yet (README, "Size"); the ceiling is a ratchet.
  it('one shopper\'s widget (hls.js aside) stays under its enforced ceiling', () => {
    const largest = report.files
      .filter((f) => report.widget.files.includes(f.file))
      .sort((a, b) => b.gzip - a.gzip)
      .slice(0, 6)
      .map((f) => `${f.file} ${f.gzip} B`)
      .join(', ');
    expect(report.widget.gzip, `widget: ${report.widget.gzip} B gzip; largest: ${largest}`).toBeLessThanOrEqual(CEILINGS.widget);
    expect(CEILINGS.widget).toBeGreaterThanOrEqual(BUDGETS.widget);
    expect(overBudget(report)).toEqual([]);
  });

  it('the widget figure counts one language, one shop platform and no staff code; "all" counts everything but hls.js', () => {
    const kinds = (files: readonly string[], kind: string) => report.files.filter((f) => files.includes(f.file) && f.kind === kind);
    expect(report.files.filter((f) => f.kind === 'language').length).toBeGreaterThanOrEqual(3);
    expect(kinds(report.widget.files, 'language')).toHaveLength(1);
    expect(new Set(kinds(report.widget.files, 'platform').map((f) => f.group)).size).toBe(1);
    expect(report.files.filter((f) => f.kind === 'platform').map((f) => f.group)).toEqual(expect.arrayContaining(['shopify', 'woocommerce', 'events']));
    expect(kinds(report.widget.files, 'staff')).toEqual([]);
    expect(report.staffImports).toEqual([]);
    expect(report.all.files).toHaveLength(report.files.length - 1);
    expect(report.all.gzip).toBeGreaterThan(report.widget.gzip);
  });

  it('hls.js is a chunk of its own that nothing imports statically', () => {
    const hls = report.files.filter((f) => f.hls);
    expect(hls).toHaveLength(1);
    expect(hls[0]!.file).toMatch(/^chunks\/hls-[\w-]+\.js$/);
    expect(report.entry.files).not.toContain(hls[0]!.file);
    expect(report.files.filter((f) => !f.hls).every((f) => f.raw < hls[0]!.raw / 4)).toBe(true);
  });

  it('`npm run size` exits non-zero when a budget or ceiling is exceeded, zero when all fit', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vitrine-size-'));
    type Chunk = { name: string; bytes: number; imports?: string[]; dynamicImports?: string[] };
    // Random bytes do not compress: gzip is about as large as the file.
    const build = (chunks: Record<string, Chunk>): ReturnType<typeof spawnSync> => {
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(join(dir, 'chunks'), { recursive: true });
      const files: Record<string, { name: string; imports: string[]; dynamicImports: string[] }> = { 'vitrine.classic.js': { name: 'loader', imports: [], dynamicImports: [] } };
      writeFileSync(join(dir, 'vitrine.classic.js'), '');
      for (const [file, chunk] of Object.entries(chunks)) {
        writeFileSync(join(dir, file), randomBytes(Math.round(chunk.bytes)));
        files[file] = { name: chunk.name, imports: chunk.imports ?? [], dynamicImports: chunk.dynamicImports ?? [] };
      }
      writeFileSync(join(dir, 'build.json'), JSON.stringify({ files }));
      return spawnSync(process.execPath, ['scripts/size.mjs', dir, join(dir, 'build.json')], { encoding: 'utf8' });
    };
    const entry = { 'vitrine.js': { name: 'vitrine', bytes: 1024 } };
    const part = Math.floor(CEILINGS.widget * 0.4);
    try {
      const bigEntry = build({ 'vitrine.js': { name: 'vitrine', bytes: 12 * 1024 } });
      expect(bigEntry.status).toBe(1);
      expect(bigEntry.stderr).toContain('over budget: entry');
      // The chunk vitrine.js boots by itself (its dynamic import) loads before interaction too.
      const bigBoot = build({
        'vitrine.js': { name: 'vitrine', bytes: 1024, dynamicImports: ['chunks/elements-a.js'] },
        'chunks/elements-a.js': { name: 'elements', bytes: 6 * 1024, imports: ['chunks/lit-a.js'], dynamicImports: ['chunks/player-a.js'] },
        'chunks/lit-a.js': { name: 'lit', bytes: 4 * 1024 },
        'chunks/player-a.js': { name: 'player', bytes: 20 * 1024 },
      });
      expect(bigBoot.status).toBe(1);
      expect(bigBoot.stderr).toMatch(/over budget: entry 11\d{3} B gzip/);

      // Three languages and two platforms of 40% of the ceiling each, and a staff chunk as
      // large as the ceiling: one shopper loads one language and one platform, so it fits.
      const alternatives = {
        ...entry,
        'chunks/i18n-en-a.js': { name: 'i18n-en', bytes: part },
        'chunks/i18n-nl-a.js': { name: 'i18n-nl', bytes: part },
        'chunks/i18n-fr-a.js': { name: 'i18n-fr', bytes: part },
        'chunks/cart-shopify-a.js': { name: 'cart-shopify', bytes: part / 2 },
        'chunks/cart-shopify-source-a.js': { name: 'cart-shopify-source', bytes: part / 2 },
        'chunks/cart-woocommerce-a.js': { name: 'cart-woocommerce', bytes: part },
        'chunks/staff-studio-a.js': { name: 'staff-studio', bytes: CEILINGS.widget },
      };
      const fits = build(alternatives);
      expect(fits.status, String(fits.stderr)).toBe(0);
      expect(fits.stdout).toMatch(/entry: vitrine\.js \+ what it boots.* ok/);
      expect(fits.stdout).toMatch(/widget: .* OVER \(budget 60 KB gzip\); enforced: ok \(ceiling/);

      // One more shopper chunk of 40%: over the ceiling.
      const over = build({ ...alternatives, 'chunks/products-a.js': { name: 'products', bytes: part } });
      expect(over.status).toBe(1);
      expect(over.stderr).toContain('over budget: widget');

      // A shopper chunk that imports staff code statically would load it for every shopper.
      const leak = build({ ...entry, 'chunks/chat-a.js': { name: 'chat', bytes: 100, imports: ['chunks/staff-moderation-a.js'] }, 'chunks/staff-moderation-a.js': { name: 'staff-moderation', bytes: 100 } });
      expect(leak.status).toBe(1);
      expect(leak.stderr).toContain('imports staff code statically: chunks/chat-a.js -> chunks/staff-moderation-a.js');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
