// `npm test`: everything that proves the product works (docs/architecture.md §10) — unit, PostgreSQL integration (real
// PostgreSQL when DATABASE_URL is set, else embedded PGlite) and end-to-end in headless Debian Chromium.
// Prints one closing line "Tests: N passed, M failed" summed over all projects (CI reads it).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDependencies } from './ensure-deps.mjs';

ensureDependencies(dirname(dirname(fileURLToPath(import.meta.url))));
const reportDir = '.tsbuild/test-reports';
mkdirSync(reportDir, { recursive: true });
const totals = { passed: 0, failed: 0, skipped: 0 };
let exitCode = 0;

function run(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  return r.status ?? 1;
}

function vitest(label, projects) {
  const out = join(reportDir, `${label}.json`);
  const args = ['vitest', 'run', ...projects.flatMap((p) => ['--project', p])];
  args.push('--reporter=default', '--reporter=json', `--outputFile.json=${out}`);
  const status = run('npx', args);
  if (existsSync(out)) {
    const r = JSON.parse(readFileSync(out, 'utf8'));
    totals.passed += r.numPassedTests ?? 0;
    totals.failed += (r.numFailedTests ?? 0) + (status !== 0 && !r.numFailedTests ? 1 : 0);
    totals.skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  } else if (status !== 0) totals.failed += 1;
  if (status !== 0) exitCode = status;
}

vitest('unit-pg', ['unit', 'pg']);

const hasE2e = existsSync('e2e') && readdirSync('e2e').some((f) => f.endsWith('.e2e.test.ts'));
if (hasE2e) {
  if (run('node', ['scripts/ensure-chromium.mjs']) !== 0) exitCode = 1;
  else if (run('npm', ['run', 'build']) !== 0) exitCode = 1;
  else vitest('e2e', ['e2e']);
}

console.log(`\nTests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(exitCode);
