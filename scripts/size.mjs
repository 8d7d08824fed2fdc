#!/usr/bin/env node
// `npm run size`: gzip and brotli bytes of the CDN build against the budgets of the design brief.
//  - the entry a host page downloads before the shopper interacts: vitrine.js plus everything it
//    imports statically (and, for the classic form, the loader in front of it) <= 10 KB gzip;
//  - the whole widget except hls.js: every file of the build but the hls chunk. The design
//    brief's budget is 60 KB gzip and the build does NOT meet it yet (see README, "Size"): it is
//    reported as OVER, and a ceiling (a ratchet at today's size plus a little room) is enforced so
//    the widget can only shrink from here. The producer team's tools (`staff-*` chunks, e.g.
//    <vitrine-studio>) are not part of a shopper's widget: they are reported on their own line.
// Each file is compressed on its own (as it travels). Exits 1 over the entry budget or the
// widget ceiling. Needs `npm run build`.
// Usage: node scripts/size.mjs [cdn-dir] [manifest]   (defaults dist/cdn, dist/cdn-build.json)
// The end-to-end suite imports `measure` and `overBudget` to hold the same line in `npm test`.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export const KB = 1024;
export const BUDGETS = {
  /** JS before interaction (script-tag facade), gzip bytes. */
  entry: 10 * KB,
  /** Everything but hls.js, gzip bytes: the design brief's budget (not met yet, reported). */
  widget: 60 * KB,
};
/** Enforced ceilings where a budget is not met yet: lower them as the build shrinks, never raise. */
export const CEILINGS = {
  widget: 100 * KB,
};

function sizes(path) {
  const bytes = readFileSync(path);
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }).length,
  };
}

const sum = (items) => items.reduce((total, s) => ({ raw: total.raw + s.raw, gzip: total.gzip + s.gzip, brotli: total.brotli + s.brotli }), { raw: 0, gzip: 0, brotli: 0 });

/**
 * Measures the CDN build in `dir` using rollup's link map (`dist/cdn-build.json`).
 * @returns {{ files: {file: string, name: string, hls: boolean, raw: number, gzip: number, brotli: number}[],
 *   entry: {files: string[], raw: number, gzip: number, brotli: number},
 *   classicEntry: {files: string[], raw: number, gzip: number, brotli: number},
 *   widget: {raw: number, gzip: number, brotli: number}, hls: {raw: number, gzip: number, brotli: number},
 *   staff: {raw: number, gzip: number, brotli: number} }}
 */
export function measure(dir = 'dist/cdn', manifestPath = 'dist/cdn-build.json') {
  if (!existsSync(manifestPath)) throw new Error(`${manifestPath} is missing: run \`npm run build\` first`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')).files;
  const files = Object.entries(manifest).map(([file, info]) => ({ file, name: info.name, hls: info.name === 'hls', staff: info.name.startsWith('staff-'), ...sizes(join(dir, file)) }));
  const byFile = new Map(files.map((f) => [f.file, f]));

  // The entry and its static imports, transitively: all of it loads before any interaction.
  const closure = (start) => {
    const seen = new Set();
    const visit = (file) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const imported of manifest[file]?.imports ?? []) visit(imported);
    };
    visit(start);
    return [...seen];
  };
  const entryFiles = closure('vitrine.js');
  const classicFiles = ['vitrine.classic.js', ...entryFiles];
  return {
    files,
    entry: { files: entryFiles, ...sum(entryFiles.map((f) => byFile.get(f))) },
    classicEntry: { files: classicFiles, ...sum(classicFiles.map((f) => byFile.get(f))) },
    widget: sum(files.filter((f) => !f.hls && !f.staff)),
    hls: sum(files.filter((f) => f.hls)),
    staff: sum(files.filter((f) => f.staff)),
  };
}

/** Budget lines that are exceeded, empty when all fit. */
export function overBudget(report) {
  const over = [];
  const entry = Math.max(report.entry.gzip, report.classicEntry.gzip);
  if (entry > BUDGETS.entry) over.push(`entry ${entry} B gzip > ${BUDGETS.entry} B`);
  if (report.widget.gzip > CEILINGS.widget) over.push(`everything but hls.js ${report.widget.gzip} B gzip > its ceiling ${CEILINGS.widget} B`);
  return over;
}

function main() {
  let report;
  try {
    report = measure(...process.argv.slice(2, 4));
  } catch (error) {
    console.error(`size: ${error.message}`);
    process.exit(2);
  }
  const kb = (n) => `${(n / KB).toFixed(2)} KB`.padStart(10);
  const row = (label, s, note = '') => `${label.padEnd(44)}${String(s.raw).padStart(9)}${String(s.gzip).padStart(9)}${String(s.brotli).padStart(9)}${kb(s.gzip)}  ${note}`;
  const check = (value, budget) => `${value <= budget ? 'ok' : 'OVER'} (budget ${(budget / KB).toFixed(0)} KB gzip)`;
  console.log(`${'CDN build (dist/cdn), bytes'.padEnd(44)}${'raw'.padStart(9)}${'gzip'.padStart(9)}${'brotli'.padStart(9)}${'gzip'.padStart(10)}`);
  for (const f of [...report.files].sort((a, b) => a.file.localeCompare(b.file))) {
    console.log(row(f.file, f, f.hls ? 'hls.js: on demand only' : f.staff ? 'staff tools only' : ''));
  }
  console.log('');
  console.log(row('entry: vitrine.js + static imports', report.entry, check(report.entry.gzip, BUDGETS.entry)));
  console.log(row('entry, classic form: loader + vitrine.js', report.classicEntry, check(report.classicEntry.gzip, BUDGETS.entry)));
  console.log(row('everything but hls.js and staff tools', report.widget, `${check(report.widget.gzip, BUDGETS.widget)}; enforced ceiling ${check(report.widget.gzip, CEILINGS.widget)}`));
  console.log(row('hls.js', report.hls, 'not budgeted; loaded only to play, never with native HLS'));
  console.log(row('staff tools (staff-*)', report.staff, 'not budgeted; loaded only by <vitrine-studio>, never by a shopper'));
  const over = overBudget(report);
  if (over.length > 0) {
    console.error(`\nsize: over budget: ${over.join('; ')}`);
    process.exit(1);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();
