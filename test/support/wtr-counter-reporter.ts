import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

interface TestResult {
  passed: boolean;
  skipped: boolean;
}
interface Suite {
  tests: TestResult[];
  suites: Suite[];
}
interface Session {
  passed?: boolean;
  testResults?: Suite;
  errors?: unknown[];
}

function count(suite: Suite | undefined, totals: { passed: number; failed: number; skipped: number }): void {
  if (!suite) return;
  for (const test of suite.tests) {
    if (test.skipped) totals.skipped += 1;
    else if (test.passed) totals.passed += 1;
    else totals.failed += 1;
  }
  for (const child of suite.suites) count(child, totals);
}

/** Writes pass/fail counts of a web-test-runner run to a JSON file for scripts/test.mjs. */
export function counterReporter(file: string) {
  return {
    onTestRunFinished({ sessions }: { sessions: Session[] }) {
      const totals = { passed: 0, failed: 0, skipped: 0 };
      for (const session of sessions) {
        count(session.testResults, totals);
        // A file that failed to load (syntax error, import error) has no tests: count it as a failure.
        if (!session.passed && (session.errors?.length ?? 0) > 0 && !session.testResults?.tests.length && !session.testResults?.suites.length) {
          totals.failed += 1;
        }
      }
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, JSON.stringify(totals));
    },
  };
}
