#!/usr/bin/env node
// `npm run bench`: runs every bench/*.bench.{mjs,ts} in turn (TypeScript through tsx) and passes
// the command line on (e.g. `npm run bench -- --quick`). Benchmarks need `npm run build` first.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const scripts = readdirSync(new URL('.', import.meta.url))
  .filter((name) => /\.bench\.(mjs|js|ts)$/.test(name))
  .sort();
let failed = 0;
for (const name of scripts) {
  const file = new URL(name, import.meta.url).pathname;
  const args = name.endsWith('.ts') ? ['--import', 'tsx', file] : [file];
  console.log(`\n▶ ${name}`);
  const result = spawnSync(process.execPath, [...args, ...process.argv.slice(2)], { stdio: 'inherit' });
  if (result.status !== 0) failed += 1;
}
if (scripts.length === 0) console.log('no benchmarks in bench/');
process.exit(failed === 0 ? 0 : 1);
