#!/usr/bin/env node
// `npm run bench`: runs every bench/*.bench.* script in turn (TypeScript through tsx), passing
// the arguments along, e.g. `npm run bench -- --viewers=1000 --seconds=20`. Pick scripts with
// `npm run bench -- --only=live-fanout`. Results are printed and written to bench/results/.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const args = process.argv.slice(2);
const only = args.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',');
const scripts = readdirSync(here)
  .filter((file) => /\.bench\.(ts|mjs|js)$/.test(file))
  .filter((file) => !only || only.some((name) => file.startsWith(name)))
  .sort();

let failed = 0;
for (const script of scripts) {
  console.log(`\n▶ ${script}`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', `${here}${script}`, ...args.filter((a) => !a.startsWith('--only='))], { stdio: 'inherit' });
  if (result.status !== 0) {
    failed += 1;
    console.error(`✗ ${script} exited with ${result.status}`);
  }
}
process.exit(failed === 0 ? 0 : 1);
