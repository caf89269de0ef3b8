/**
 * Sums the JSON reports of every test layer into one plain closing line, `tests: N passed, M failed`,
 * and exits non-zero if anything failed, a layer left no report, or a step of the run failed.
 * Usage: summarize-tests.ts <output dir> [failed step…]
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

const vitestReport = z.object({
  numPassedTests: z.number(),
  numFailedTests: z.number(),
  numPendingTests: z.number(),
  numTodoTests: z.number(),
});
const playwrightReport = z.object({
  stats: z.object({ expected: z.number(), unexpected: z.number(), flaky: z.number(), skipped: z.number() }),
});

const [dir, ...failedSteps] = process.argv.slice(2);
if (dir === undefined) throw new Error('usage: summarize-tests.ts <output dir> [failed step…]');
let passed = 0;
let failed = 0;
let skipped = 0;
const problems = [...failedSteps.map((s) => `step failed: ${s}`)];

for (const layer of ['unit', 'integration', 'e2e'] as const) {
  const file = join(dir, `${layer}.json`);
  if (!existsSync(file)) {
    problems.push(`${layer}: no report (${file}) — the layer did not run`);
    continue;
  }
  const raw = JSON.parse(readFileSync(file, 'utf8')) as unknown;
  const counts =
    layer === 'e2e'
      ? (({ stats }) => ({ passed: stats.expected + stats.flaky, failed: stats.unexpected, skipped: stats.skipped }))(
          playwrightReport.parse(raw),
        )
      : (({ numPassedTests, numFailedTests, numPendingTests, numTodoTests }) => ({
          passed: numPassedTests,
          failed: numFailedTests,
          skipped: numPendingTests + numTodoTests,
        }))(vitestReport.parse(raw));
  console.log(`${layer}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
  if (counts.passed + counts.failed === 0) problems.push(`${layer}: ran no test`);
  passed += counts.passed;
  failed += counts.failed;
  skipped += counts.skipped;
}

for (const problem of problems) console.log(`problem: ${problem}`);
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || problems.length > 0 ? 1 : 0);
