#!/usr/bin/env node
// `npm run bench`: builds, then runs every bench/*.bench.{mjs,ts} in turn (under tsx, so they can
// import TypeScript), and prints their figures. Each benchmark prints its own report and writes
// bench/results/<name>.json; those with `{ figures, target, met }` are summed up at the end.
//   npm run bench                          all of them
//   npm run bench -- ttff                  only those whose file name contains "ttff"
//   npm run bench -- --only=live-fanout    the same, by name prefix (comma-separated)
//   npm run bench -- ttff --runs 3         further arguments go to the benchmarks
//   npm run bench -- --no-build            skip the build (dist/ must be current)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';

const args = process.argv.slice(2);
const build = !args.includes('--no-build');
const only = args.find((arg) => arg.startsWith('--only='))?.slice('--only='.length).split(',') ?? [];
const rest = args.filter((arg) => arg !== '--no-build' && !arg.startsWith('--only='));
const firstOption = rest.findIndex((arg) => arg.startsWith('--'));
const filters = firstOption === -1 ? rest : rest.slice(0, firstOption);
const passThrough = firstOption === -1 ? [] : rest.slice(firstOption);

const benches = readdirSync('bench')
  .filter((file) => /\.bench\.(mjs|ts)$/.test(file))
  .filter((file) => filters.length === 0 || filters.some((filter) => file.includes(filter)))
  .filter((file) => only.length === 0 || only.some((name) => file.startsWith(name)))
  .sort();
if (benches.length === 0) {
  console.error(`bench: nothing matches ${filters.join(', ')}`);
  process.exit(2);
}

if (build) {
  console.log('▶ build');
  if (spawnSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit' }).status !== 0) process.exit(1);
}

const resultsDir = 'bench/results';
mkdirSync(resultsDir, { recursive: true });
const failed = [];
for (const file of benches) {
  const name = file.replace(/\.bench\.(mjs|ts)$/, '');
  rmSync(join(resultsDir, `${name}.json`), { force: true });
  console.log(`\n▶ ${file}   (load average ${loadavg().map((n) => n.toFixed(2)).join(' ')} on ${cpus().length} CPUs)`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', join('bench', file), ...passThrough], {
    stdio: 'inherit',
    env: { ...process.env, BENCH_RESULTS: resultsDir },
  });
  if (result.status !== 0) failed.push(file);
}

console.log('\n── figures ──');
for (const file of benches) {
  const name = file.replace(/\.bench\.(mjs|ts)$/, '');
  const path = join(resultsDir, `${name}.json`);
  if (!existsSync(path)) {
    console.log(`${name}: no result`);
    continue;
  }
  const { figures, target, met } = JSON.parse(readFileSync(path, 'utf8'));
  if (!figures) {
    console.log(`${name}: see its report above (${path})`);
    continue;
  }
  const shown = Object.entries(figures).map(([key, value]) => `${key} ${value}`).join(', ');
  console.log(`${name}: ${shown}${target ? `; target ${target}: ${met ? 'met' : 'MISSED'}` : ''}`);
}
if (failed.length > 0) {
  console.error(`\nbench: failed: ${failed.join(', ')}`);
  process.exit(1);
}
