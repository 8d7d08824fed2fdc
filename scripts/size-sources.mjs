#!/usr/bin/env node
// `npm run size -- --sources` (or `node scripts/size-sources.mjs [cdn-dir] [manifest]`): which
// source files and packages the bytes of each CDN chunk come from, read from the chunks' source
// maps. Every generated character is given to the source its mapping segment points at (text
// without a mapping, e.g. rollup's import/export glue, is "(unmapped)"); the gzip figure of a
// source is its share of the raw bytes times its chunk's gzip size, an estimate (gzip works on
// the whole file), good enough to find the big items. Needs `npm run build`.
import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { measure } from './size.mjs';

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DIGIT = new Map([...BASE64].map((c, i) => [c, i]));

/** Decodes one line of a source map's `mappings` into [column, source index or -1] pairs. */
function decodeLine(line, state) {
  const segments = [];
  let column = 0;
  for (const segment of line.split(',')) {
    if (segment === '') continue;
    const fields = [];
    let value = 0;
    let shift = 0;
    for (const c of segment) {
      const digit = DIGIT.get(c);
      value += (digit & 31) << shift;
      if (digit & 32) shift += 5;
      else {
        fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
        value = 0;
        shift = 0;
      }
    }
    column += fields[0];
    if (fields.length >= 4) {
      state.source += fields[1];
      state.line += fields[2];
      state.column += fields[3];
      if (fields.length >= 5) state.name += fields[4];
      segments.push([column, state.source]);
    } else segments.push([column, -1]);
  }
  return segments;
}

/** A readable name for a source: `node_modules/<package>` for dependencies, else its repo path. */
export function sourceGroup(path) {
  const normalized = path.replaceAll('\\', '/');
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(normalized);
  if (pkg) return `npm:${pkg[1]}`;
  const inRepo = /(?:^|\/)(src\/.*|scripts\/.*)$/.exec(normalized);
  return inRepo ? inRepo[1] : normalized;
}

/** Raw bytes of `code` per source of its map. */
export function attribute(code, map, mapDir = '.') {
  const names = map.sources.map((s) => sourceGroup(relative(process.cwd(), resolve(mapDir, map.sourceRoot ?? '', s))));
  const bytes = new Map();
  const add = (name, n) => bytes.set(name, (bytes.get(name) ?? 0) + n);
  const lines = code.split('\n');
  const mappingLines = map.mappings.split(';');
  const state = { source: 0, line: 0, column: 0, name: 0 };
  lines.forEach((text, index) => {
    const segments = decodeLine(mappingLines[index] ?? '', state);
    const lineLength = text.length + (index < lines.length - 1 ? 1 : 0);
    if (segments.length === 0 || segments[0][0] > 0) add('(unmapped)', segments.length === 0 ? lineLength : segments[0][0]);
    segments.forEach(([column, source], i) => {
      const end = i + 1 < segments.length ? segments[i + 1][0] : lineLength;
      add(source >= 0 ? names[source] : '(unmapped)', Math.max(0, end - column));
    });
  });
  return bytes;
}

/** Per chunk of the widget (hls.js aside): its sources with raw bytes and estimated gzip bytes. */
export function measureSources(dir = 'dist/cdn', manifestPath = 'dist/cdn-build.json') {
  const report = measure(dir, manifestPath);
  const widget = new Set(report.widget.files);
  const chunks = report.files
    .filter((f) => !f.hls)
    .map((f) => {
      const path = join(dir, f.file);
      let map;
      try {
        map = JSON.parse(readFileSync(`${path}.map`, 'utf8'));
      } catch {
        return { ...f, inWidget: widget.has(f.file), sources: [] };
      }
      const bytes = attribute(readFileSync(path, 'utf8'), map, join(path, '..'));
      const total = [...bytes.values()].reduce((a, b) => a + b, 0) || 1;
      const sources = [...bytes.entries()]
        .map(([source, raw]) => ({ source, raw, gzip: Math.round((raw / total) * f.gzip) }))
        .sort((a, b) => b.raw - a.raw);
      return { ...f, inWidget: widget.has(f.file), sources };
    });
  return { report, chunks };
}

function main(args) {
  const limit = Number(args.find((a) => a.startsWith('--top='))?.slice('--top='.length) ?? 12);
  const { chunks } = measureSources(...args.filter((a) => !a.startsWith('--')).slice(0, 2));
  const pad = (s, n) => String(s).padStart(n);
  const totals = new Map();
  for (const chunk of chunks.filter((c) => c.inWidget).sort((a, b) => b.gzip - a.gzip)) {
    console.log(`\n${chunk.file}  raw ${chunk.raw}, gzip ${chunk.gzip}`);
    for (const s of chunk.sources.slice(0, limit)) console.log(`  ${pad(s.raw, 7)} ${pad(`~${s.gzip}`, 7)}  ${s.source}`);
    if (chunk.sources.length > limit) console.log(`  ... ${chunk.sources.length - limit} more`);
    for (const s of chunk.sources) {
      const t = totals.get(s.source) ?? { raw: 0, gzip: 0 };
      totals.set(s.source, { raw: t.raw + s.raw, gzip: t.gzip + s.gzip });
    }
  }
  const byPackage = new Map();
  for (const [source, t] of totals) {
    const key = source.startsWith('npm:') ? source : source.startsWith('src/') ? `src/${source.split('/')[1]}/` : source;
    const p = byPackage.get(key) ?? { raw: 0, gzip: 0 };
    byPackage.set(key, { raw: p.raw + t.raw, gzip: p.gzip + t.gzip });
  }
  console.log('\nwidget (hls.js aside), by package / source folder: raw, ~gzip');
  for (const [key, t] of [...byPackage].sort((a, b) => b[1].gzip - a[1].gzip)) console.log(`  ${pad(t.raw, 7)} ${pad(`~${t.gzip}`, 7)}  ${key}`);
  console.log('\nwidget, largest sources: raw, ~gzip');
  for (const [source, t] of [...totals].sort((a, b) => b[1].gzip - a[1].gzip).slice(0, 30)) console.log(`  ${pad(t.raw, 7)} ${pad(`~${t.gzip}`, 7)}  ${source}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main(process.argv.slice(2));
export { main };
