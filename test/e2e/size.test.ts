// The size budgets of the CDN build, held in `npm test` (the e2e suite runs after the build):
// bytes are deterministic, so they are asserted here; speed lives in bench/.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
  it('everything but hls.js stays under its enforced ceiling', () => {
    const largest = report.files
      .filter((f) => !f.hls)
      .sort((a, b) => b.gzip - a.gzip)
      .slice(0, 6)
      .map((f) => `${f.file} ${f.gzip} B`)
      .join(', ');
    expect(report.widget.gzip, `everything but hls.js: ${report.widget.gzip} B gzip; largest: ${largest}`).toBeLessThanOrEqual(CEILINGS.widget);
    expect(CEILINGS.widget).toBeGreaterThanOrEqual(BUDGETS.widget);
    expect(overBudget(report)).toEqual([]);
  });

  it('hls.js is a chunk of its own that nothing imports statically', () => {
    const hls = report.files.filter((f) => f.hls);
    expect(hls).toHaveLength(1);
    expect(hls[0]!.file).toMatch(/^chunks\/hls-[\w-]+\.js$/);
    expect(report.entry.files).not.toContain(hls[0]!.file);
    expect(report.files.filter((f) => !f.hls).every((f) => f.raw < hls[0]!.raw / 4)).toBe(true);
  });

  it('staff tools (<vitrine-studio>) are staff-* chunks that no shopper file imports statically', () => {
    const manifest = JSON.parse(readFileSync('dist/cdn-build.json', 'utf8')).files as Record<string, { name: string; imports?: string[] }>;
    const staff = new Set(Object.keys(manifest).filter((file) => manifest[file]!.name.startsWith('staff-')));
    expect([...staff].some((file) => file.startsWith('chunks/staff-studio-'))).toBe(true);
    for (const [file, info] of Object.entries(manifest)) {
      if (staff.has(file)) continue;
      expect((info.imports ?? []).filter((imported) => staff.has(imported)), file).toEqual([]);
    }
    expect(report.staff.gzip).toBeGreaterThan(0);
  });

  it('`npm run size` exits non-zero when a budget is exceeded, zero when all fit', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vitrine-size-'));
    const build = (entryBytes: number): ReturnType<typeof spawnSync> => {
      // Random bytes do not compress: gzip is about as large as the file.
      writeFileSync(join(dir, 'vitrine.js'), randomBytes(entryBytes).toString('base64'));
      writeFileSync(join(dir, 'vitrine.classic.js'), '');
      writeFileSync(join(dir, 'build.json'), JSON.stringify({ files: { 'vitrine.js': { name: 'vitrine', imports: [] }, 'vitrine.classic.js': { name: 'loader', imports: [] } } }));
      return spawnSync(process.execPath, ['scripts/size.mjs', dir, join(dir, 'build.json')], { encoding: 'utf8' });
    };
    try {
      const over = build(12 * 1024);
      expect(over.status).toBe(1);
      expect(over.stderr).toContain('over budget: entry');
      const ok = build(1024);
      expect(ok.status, String(ok.stderr)).toBe(0);
      expect(ok.stdout).toMatch(/entry: vitrine\.js \+ static imports.* ok/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
