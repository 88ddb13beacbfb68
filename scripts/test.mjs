// npm test: installs what is missing (dependencies, Chromium), then type-checks and runs the unit
// tests (Vitest) and the browser tests (Playwright, Debian chromium). Ends with one summary line.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureChromium, ensureFfmpeg, ensureNodeModules, ensurePoppler, root } from './lib/setup.mjs';

ensureNodeModules();
ensureChromium();
ensureFfmpeg();
ensurePoppler();
// Not test-results/: Playwright empties that folder when it starts.
const reports = join(root, 'test-reports');
mkdirSync(reports, { recursive: true });
const step = (command, args, env = {}) =>
  spawnSync('npx', [command, ...args], { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1;
const readJson = (file) => {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
};

const typecheck = step('tsc', ['-b']);
const unitFile = join(reports, 'vitest.json');
const unit = step('vitest', ['run', '--reporter=default', '--reporter=json', `--outputFile=${unitFile}`]);
const e2eFile = join(reports, 'playwright.json');
const e2e = step('playwright', ['test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: e2eFile });

const vitest = readJson(unitFile);
const playwright = readJson(e2eFile);
const passed = (vitest?.numPassedTests ?? 0) + (playwright?.stats?.expected ?? 0);
const failed = (vitest?.numFailedTests ?? 0) + (playwright?.stats?.unexpected ?? 0) + (playwright?.stats?.flaky ?? 0)
  + (typecheck ? 1 : 0) + (!vitest && unit ? 1 : 0) + (!playwright && e2e ? 1 : 0);
const skipped = (vitest?.numPendingTests ?? 0) + (playwright?.stats?.skipped ?? 0);
console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(typecheck || unit || e2e ? 1 : 0);
