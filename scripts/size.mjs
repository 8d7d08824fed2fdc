#!/usr/bin/env node
// `npm run size`: gzip and brotli bytes of the CDN build against the budgets of the design brief.
// Three figures, each file compressed on its own (as it travels):
//  - entry: what a host page downloads before the shopper interacts: vitrine.js, the chunk it
//    boots (its only dynamic import) and everything those import statically (and, for the
//    classic form, the loader in front of it). Budget 10 KB
//    gzip, enforced.
//  - widget: the most one shopper's <vitrine-show> can download, hls.js aside: every file of the
//    build except hls.js, staff-only chunks (`staff-*`), all languages but the largest
//    (`i18n-*`: a widget loads one) and all shop platforms but the largest (`cart-<platform>*`:
//    a widget uses one platform's cart adapter and product source). Chunk names come from
//    `cdnChunk` in rollup.config.mjs. The design brief's budget is 60 KB gzip and the build does
//    NOT meet it yet (see README, "Size"): it is reported as OVER, and a ceiling (a ratchet:
//    lower it as the build shrinks, never raise it without saying why) is enforced.
//  - all: every file of the build but hls.js (staff code and every language included), reported.
// Exits 1 over the entry budget or the widget ceiling, or when a shopper chunk imports a staff
// chunk statically. Needs `npm run build`.
// Usage: node scripts/size.mjs [cdn-dir] [manifest] [--sources [--top=N]]
//   (defaults dist/cdn, dist/cdn-build.json); `--sources` adds, per chunk of the widget, the
//   source files and packages its bytes come from (scripts/size-sources.mjs, from the source maps).
// The end-to-end suite imports `measure` and `overBudget` to hold the same line in `npm test`.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export const KB = 1024;
export const BUDGETS = {
  /** JS before interaction (script-tag facade), gzip bytes. */
  entry: 10 * KB,
  /** One shopper's widget, hls.js aside, gzip bytes: the design brief's budget (not met yet, reported). */
  widget: 60 * KB,
};
/**
 * Enforced ceilings where a budget is not met yet: lower them as the build shrinks, never raise
 * them for weight a feature can avoid. History: 100 KB (all files), 94 KB once the widget figure
 * existed, 97 KB after analytics (~2 KB), layouts (~0.9 KB) and the review fixes (~1.8 KB) landed
 * (measured 97484 B gzip, 95.2 KB), 93 KB after the slimming pass (static getters keep #private
 * members native, esbuild-minified CSS, socket.io-parser's binary code stubbed, per-platform
 * helper chunks, shorter chunk hashes, one tiny chunk less): measured 94039 B gzip (91.8 KB),
 * rounded up plus 1 KB; 94943 B (92.7 KB) with the slotted poster, the carousel's edge
 * observers and the subclass setters, still under it. 94 KB after the staged lazy load (the
 * widget drawn in short tasks for Lighthouse's TBT) was trimmed to 95232 B, exactly 93 KB: with no
 * headroom left, chunk hashes alone move the total by about 10 B, and a fix for Safari 15.0-15.3
 * (no Intl.supportedValuesOf, which stopped the carousel and chat from being drawn) made it 95237 B.
 * The boot in front of the facade (vitrine.js waits for the page's poster; the facade became the
 * `elements` chunk, which every chunk now imports by a longer name) made it 96135 B, 121 B under.
 * `npm run size -- --sources` shows where each chunk's bytes come from.
 */
export const CEILINGS = {
  widget: 94 * KB,
};

/** Who downloads a chunk, from its rollup name (see `cdnChunk` in rollup.config.mjs). */
export function chunkKind(name) {
  if (name === 'hls') return { kind: 'hls' };
  if (name.startsWith('staff-')) return { kind: 'staff' };
  if (name.startsWith('i18n-')) return { kind: 'language', group: name.slice('i18n-'.length) };
  if (name.startsWith('cart-')) return { kind: 'platform', group: name.slice('cart-'.length).split('-')[0] };
  return { kind: 'shopper' };
}

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
 * @returns {import('./size.d.mts').SizeReport}
 */
export function measure(dir = 'dist/cdn', manifestPath = 'dist/cdn-build.json') {
  if (!existsSync(manifestPath)) throw new Error(`${manifestPath} is missing: run \`npm run build\` first`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')).files;
  const files = Object.entries(manifest).map(([file, info]) => {
    const { kind, group } = chunkKind(info.name);
    return { file, name: info.name, hls: kind === 'hls', kind, group, ...sizes(join(dir, file)) };
  });
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
  // vitrine.js boots one chunk itself (the facade and the autoloader, src/embed/boot.ts), with
  // no interaction: it counts as entry too.
  const entryFiles = [...new Set(['vitrine.js', ...(manifest['vitrine.js']?.dynamicImports ?? [])].flatMap(closure))];
  const classicFiles = ['vitrine.classic.js', ...entryFiles];

  // Of each set of alternatives (languages, shop platforms) a widget loads one: count the largest.
  const largestGroup = (kind) => {
    const groups = new Map();
    for (const f of files.filter((f) => f.kind === kind)) groups.set(f.group, [...(groups.get(f.group) ?? []), f.file]);
    return [...groups.values()].sort((a, b) => sum(b.map((f) => byFile.get(f))).gzip - sum(a.map((f) => byFile.get(f))).gzip)[0] ?? [];
  };
  const widgetFiles = [
    ...files.filter((f) => f.kind === 'shopper').map((f) => f.file),
    ...largestGroup('language'),
    ...largestGroup('platform'),
  ];
  const allFiles = files.filter((f) => !f.hls).map((f) => f.file);
  const staffImports = files
    .filter((f) => f.kind !== 'staff')
    .flatMap((f) => (manifest[f.file]?.imports ?? []).filter((i) => byFile.get(i)?.kind === 'staff').map((i) => `${f.file} -> ${i}`));
  const figure = (list) => ({ files: list, ...sum(list.map((f) => byFile.get(f))) });
  return {
    files,
    entry: figure(entryFiles),
    classicEntry: figure(classicFiles),
    widget: figure(widgetFiles),
    all: figure(allFiles),
    hls: sum(files.filter((f) => f.hls)),
    staffImports,
  };
}

/** Budget lines that are exceeded, empty when all fit. */
export function overBudget(report) {
  const over = [];
  const entry = Math.max(report.entry.gzip, report.classicEntry.gzip);
  if (entry > BUDGETS.entry) over.push(`entry ${entry} B gzip > ${BUDGETS.entry} B`);
  if (report.widget.gzip > CEILINGS.widget) over.push(`widget ${report.widget.gzip} B gzip > its ceiling ${CEILINGS.widget} B`);
  for (const edge of report.staffImports) over.push(`a shopper chunk imports staff code statically: ${edge}`);
  return over;
}

async function main() {
  const args = process.argv.slice(2);
  const paths = args.filter((a) => !a.startsWith('--')).slice(0, 2);
  let report;
  try {
    report = measure(...paths);
  } catch (error) {
    console.error(`size: ${error.message}`);
    process.exit(2);
  }
  const kb = (n) => `${(n / KB).toFixed(2)} KB`.padStart(10);
  const row = (label, s, note = '') => `${label.padEnd(44)}${String(s.raw).padStart(9)}${String(s.gzip).padStart(9)}${String(s.brotli).padStart(9)}${kb(s.gzip)}  ${note}`;
  const check = (value, budget, what = 'budget') => `${value <= budget ? 'ok' : 'OVER'} (${what} ${(budget / KB).toFixed(0)} KB gzip)`;
  console.log(`${'CDN build (dist/cdn), bytes'.padEnd(44)}${'raw'.padStart(9)}${'gzip'.padStart(9)}${'brotli'.padStart(9)}${'gzip'.padStart(10)}`);
  for (const f of [...report.files].sort((a, b) => a.file.localeCompare(b.file))) {
    const note = { hls: 'hls.js: on demand only', staff: 'staff only', language: 'one language per widget', platform: `one shop platform per widget (${f.group})` }[f.kind] ?? '';
    console.log(row(f.file, f, note));
  }
  console.log('');
  console.log(row('entry: vitrine.js + what it boots', report.entry, check(report.entry.gzip, BUDGETS.entry)));
  console.log(row('entry, classic form: loader + vitrine.js', report.classicEntry, check(report.classicEntry.gzip, BUDGETS.entry)));
  console.log(row('widget: one shopper\'s show, hls.js aside', report.widget, `${check(report.widget.gzip, BUDGETS.widget)}; enforced: ${check(report.widget.gzip, CEILINGS.widget, 'ceiling')}`));
  console.log(row('all: every file but hls.js', report.all, 'reported (staff code, every language and platform)'));
  console.log(row('hls.js', report.hls, 'not budgeted; loaded only to play, never with native HLS'));
  if (args.includes('--sources')) {
    // Where each chunk's bytes come from (scripts/size-sources.mjs), before the verdict.
    const { main: sources } = await import('./size-sources.mjs');
    sources(args.filter((a) => a !== '--sources'));
  }
  const over = overBudget(report);
  if (over.length > 0) {
    console.error(`\nsize: over budget: ${over.join('; ')}`);
    process.exit(1);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) void main();
