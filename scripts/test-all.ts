// `npm test`: everything CI checks, in order, and one closing line
// `tests: N passed, N failed` summed over every suite. Type checking, linting, formatting
// and the client build each count as one test; jest's projects (unit, integration,
// browser) count each of their tests.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureChromium } from './services/chromium';
import { ensureFerretDb, ensureStripeMock } from './services/go-tools';
import { repoRoot } from './services/paths';

const resultsDir = join(repoRoot, '.cache/test-results');
let passed = 0;
let failed = 0;
const failures: string[] = [];

function check(name: string, command: string, args: string[]) {
  console.log(`\n▶ ${name}: ${command} ${args.join(' ')}`);
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: repoRoot, stdio: 'inherit' });
  const ok = result.status === 0;
  console.log(`${ok ? '✔' : '✘'} ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  if (ok) passed += 1;
  else {
    failed += 1;
    failures.push(name);
  }
  return ok;
}

async function main() {
  mkdirSync(resultsDir, { recursive: true });
  rmSync(join(resultsDir, 'summary.txt'), { force: true });

  console.log('▶ Local tools: Chromium, FerretDB, stripe-mock');
  await ensureChromium();
  await ensureFerretDb();
  await ensureStripeMock();

  check('typecheck', 'npm', ['run', '--silent', 'typecheck']);
  check('lint', 'npm', ['run', '--silent', 'lint']);
  check('format', 'npx', ['prettier', '--check', '--log-level', 'warn', '.']);
  check('client build', 'npm', ['run', '--silent', 'build']);

  const jestJson = join(resultsDir, 'jest.json');
  rmSync(jestJson, { force: true });
  console.log('\n▶ jest: unit, integration and browser tests');
  spawnSync('npx', ['jest', '--ci', '--json', '--outputFile', jestJson], {
    cwd: repoRoot,
    stdio: 'inherit',
  });
  try {
    const report = JSON.parse(readFileSync(jestJson, 'utf8'));
    passed += report.numPassedTests;
    failed += report.numFailedTests + report.numRuntimeErrorTestSuites;
    if (report.numPendingTests + report.numTodoTests > 0) {
      failed += report.numPendingTests + report.numTodoTests;
      failures.push('skipped or todo tests are not allowed');
    }
    if (report.numFailedTests + report.numRuntimeErrorTestSuites > 0) failures.push('jest');
    if (report.numTotalTests === 0) {
      failed += 1;
      failures.push('jest ran no tests');
    }
  } catch {
    failed += 1;
    failures.push('jest produced no report');
  }

  finish();
}

function finish() {
  const line = `tests: ${passed} passed, ${failed} failed`;
  writeFileSync(join(resultsDir, 'summary.txt'), `${line}\n`);
  if (failures.length) console.log(`\nFailed: ${failures.join(', ')}`);
  console.log(`\n${line}`);
  process.exit(failed === 0 ? 0 : 1);
}

main().catch((error: Error) => {
  console.error(`\n${error.message}`);
  failed += 1;
  failures.push('setup');
  finish();
});
