#!/usr/bin/env node
// `npm run build`: clean dist/, bundle (npm + CDN builds), emit .d.ts, generate custom-elements.json.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';

rmSync('dist', { recursive: true, force: true });
const steps = [
  ['rollup', ['-c', '--silent']],
  ['tsc', ['-p', 'tsconfig.build.json']],
  ['cem', ['analyze', '--config', 'custom-elements-manifest.config.mjs', '--quiet']],
];
for (const [command, args] of steps) {
  const result = spawnSync('npx', ['--no-install', command, ...args], { stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`build: ${command} failed`);
    process.exit(result.status ?? 1);
  }
}
