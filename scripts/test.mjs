#!/usr/bin/env node
// `npm test`: type-check, build, then every suite (unit, browser, e2e). Prints one summary line
// `tests: N passed, N failed` at the end and writes it to test-results/summary.txt for .ci/run.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

const only = process.argv.slice(2);
const results = 'test-results';
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });

const totals = { passed: 0, failed: 0 };
const problems = [];

function run(label, command, args, env = {}) {
  console.log(`\n▶ ${label}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

function vitestCounts(file) {
  if (!existsSync(file)) return null;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  // A file that fails to load has no assertions: count it as one failure of its own.
  const brokenFiles = (report.testResults ?? []).filter((file) => file.status === 'failed' && (file.assertionResults ?? []).length === 0).length;
  return { passed: report.numPassedTests ?? 0, failed: (report.numFailedTests ?? 0) + brokenFiles };
}

function gate(label, ok) {
  if (ok) return true;
  totals.failed += 1;
  problems.push(label);
  return false;
}

function suite(label, ok, counts) {
  if (counts) {
    totals.passed += counts.passed;
    totals.failed += counts.failed;
    if (counts.failed > 0) problems.push(`${label} (${counts.failed} failed)`);
    else if (!ok) gate(`${label} (runner failed)`, false);
  } else gate(`${label} (no results)`, false);
}

const wants = (name) => only.length === 0 || only.includes(name);

const built =
  gate('typecheck', run('typecheck', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json'])) &&
  gate('build', run('build', 'npm', ['run', 'build', '--silent']));

if (built) {
  if (wants('unit')) {
    const ok = run('unit and server tests (vitest)', 'npx', ['vitest', 'run', '--project', 'unit', '--reporter=default', '--reporter=json', `--outputFile.json=${results}/unit.json`]);
    suite('unit', ok, vitestCounts(`${results}/unit.json`));
  }
  if (wants('browser')) {
    const ok = run('component tests (web-test-runner, Chromium)', 'node', ['--import', 'tsx', 'node_modules/@web/test-runner/dist/bin.js']);
    const file = `${results}/browser.json`;
    suite('browser', ok, existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null);
  }
  if (wants('e2e')) {
    const ok = run('end-to-end tests (vitest + Chromium)', 'npx', ['vitest', 'run', '--project', 'e2e', '--reporter=default', '--reporter=json', `--outputFile.json=${results}/e2e.json`]);
    suite('e2e', ok, vitestCounts(`${results}/e2e.json`));
  }
}

const summary = `tests: ${totals.passed} passed, ${totals.failed} failed`;
writeFileSync(`${results}/summary.txt`, `${summary}\n`);
if (problems.length) console.log(`\nFailed: ${problems.join(', ')}`);
console.log(`\n${summary}`);
process.exit(totals.failed === 0 ? 0 : 1);
