// `npm test`: everything, from a fresh clone. Installs what it needs, then
// lint, type check, and the unit, integration (real PostgreSQL and Redis, a
// database created and dropped per run) and browser (Chromium) suites.
// Ends with the totals as `N passed, N failed`.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureInstalled, ensureServices, log, pnpm, root, run } from './lib/prepare.mjs';

await ensureServices();
ensureInstalled();

const results = [];
function step(name, fn) {
  log(`${name}…`);
  const status = fn();
  results.push({ name, ok: status === 0 });
  if (status !== 0) console.error(`[rhip] ${name} failed`);
  return status === 0;
}

const bin = (name) => path.join(root, 'node_modules/.bin', name);
step('lint (eslint)', () => run(bin('eslint'), ['.', '--max-warnings', '0']));
step('type check (tsc)', () => {
  const a = run(bin('tsc'), ['-p', 'tsconfig.json']);
  const b = run(bin('tsc'), ['-p', 'apps/web/tsconfig.json']);
  return a || b;
});
step('docker-compose.yml validates (docker-compose config -q)', () => {
  if (run('docker-compose', ['--version'], { stdio: 'ignore' }) !== 0) {
    console.error('[rhip] docker-compose is not installed (apt-get install docker-compose): cannot validate the compose file');
    return 1;
  }
  return run('docker-compose', ['-f', 'docker-compose.yml', '--env-file', '.env.example', 'config', '-q']);
});
const built = step('console build (vite)', () => pnpm(['--filter', '@rhip/web', 'run', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] }));

const outDir = mkdtempSync(path.join(os.tmpdir(), 'rhip-test-'));
const report = path.join(outDir, 'vitest.json');
const projects = built ? [] : ['--project', 'unit', '--project', 'integration'];
const extra = process.argv.slice(2);
run(bin('vitest'), ['run', ...projects, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...extra]);

let passed = results.filter((r) => r.ok).length;
let failed = results.filter((r) => !r.ok).length;
if (existsSync(report)) {
  const json = JSON.parse(readFileSync(report, 'utf8'));
  passed += json.numPassedTests ?? 0;
  failed += (json.numFailedTests ?? 0) + (json.numTotalTestSuites && json.success === false && !json.numFailedTests ? 1 : 0);
  // A suite that fails to load has no tests to count: count it as a failure.
  for (const file of json.testResults ?? []) if (file.status === 'failed' && (file.assertionResults ?? []).length === 0) failed += 1;
} else {
  failed += 1;
  console.error('[rhip] vitest produced no report');
}
rmSync(outDir, { recursive: true, force: true });
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
