#!/usr/bin/env node
// `npm test`: static checks (typecheck, lint, layers), unit tests, then browser tests in Debian's Chromium.
// Finds (or installs, on Debian, with apt-get) every program the tests run (scripts/tools.mjs:
// chromium, CJK fonts, osmium, glpsol, poppler's pdftotext …) and says what it did.
// Writes tests/output/summary.json ({passed, failed}) for .ci/run.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { CI, findBrowser, TOOLS } from './tools.mjs';

const out = 'tests/output';
mkdirSync(out, { recursive: true });
const onlyUnit = process.argv.includes('--unit');

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  return r.status ?? 1;
}

function counts(file) {
  if (!existsSync(file)) return { passed: 0, failed: 1 };
  const j = JSON.parse(readFileSync(file, 'utf8'));
  return {
    passed: j.numPassedTests ?? 0,
    failed: (j.numFailedTests ?? 0) + (j.numRuntimeErrorTestSuites ?? 0) + (j.numFailedTestSuites && !j.numFailedTests ? j.numFailedTestSuites : 0),
  };
}

function ensureTools() {
  const missing = TOOLS.filter((t) => !t.present());
  if (missing.length === 0) {
    console.log(`[test] using browser ${findBrowser()}; present: ${TOOLS.flatMap((t) => t.programs).join(', ')}`);
    return findBrowser();
  }
  const pkgs = missing.flatMap((t) => t.pkgs);
  const what = missing.map((t) => `${t.pkgs.join(' + ')} (${t.why})`).join(', ');
  const outcome = CI ? 'the tests that need them fail (CI)' : 'the tests that need them are skipped';
  if (!existsSync('/usr/bin/apt-get')) {
    console.error(`[test] missing ${what} and no apt-get here: install them (or set CHROMIUM_PATH); ${outcome}`);
    return findBrowser();
  }
  const sudo = process.getuid && process.getuid() === 0 ? [] : ['sudo'];
  const apt = (...args) =>
    run(sudo[0] ?? 'apt-get', [...sudo.slice(1), ...(sudo.length ? ['apt-get'] : []), ...args], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  console.log(`[test] installing ${pkgs.join(' ')} with apt-get (Debian packages) for: ${missing.map((t) => t.why).join('; ')} …`);
  apt('update', '-qq');
  apt('install', '-y', '-qq', '--no-install-recommends', ...pkgs);
  const still = missing.filter((t) => !t.present()).flatMap((t) => t.pkgs);
  console.log(still.length ? `[test] could not install ${still.join(', ')}: ${outcome}` : `[test] installed ${pkgs.join(', ')}; browser at ${findBrowser()}`);
  return findBrowser();
}

/**
 * Static checks, run before the tests: each is one command that must exit 0, and each counts as one
 * passed or failed check in the summary.
 */
const CHECKS = [
  { name: 'typecheck (tsc --noEmit)', cmd: 'npx', args: ['tsc', '--noEmit', '-p', '.'] },
  { name: 'lint (biome lint, biome.jsonc)', cmd: 'npx', args: ['biome', 'lint', '.'] },
  { name: 'layers (dependency-cruiser, docs/architecture.md)', cmd: 'npm', args: ['run', '--silent', 'layers'] },
  { name: 'format (biome format)', cmd: 'npx', args: ['biome', 'format', '.'] },
];
const checks = { passed: 0, failed: 0 };
for (const c of CHECKS) {
  console.log(`[test] ${c.name} …`);
  if (run(c.cmd, c.args) === 0) checks.passed++;
  else {
    checks.failed++;
    console.error(`[test] ${c.name} failed`);
  }
}

// tools first: the unit suite also renders tiles and reads files in Chromium, and cross-checks with osmium and glpsol
const browser = onlyUnit ? findBrowser() : ensureTools();
const withBrowser = { env: { ...process.env, ...(browser ? { CHROMIUM_PATH: browser } : {}) } };
const unitStatus = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${out}/unit.json`], withBrowser);
const unit = counts(`${out}/unit.json`);
let e2e = { passed: 0, failed: 0 };
let e2eStatus = 0;
if (!onlyUnit && existsSync('vitest.e2e.config.ts')) {
  if (!browser) {
    e2e = { passed: 0, failed: 1 };
    e2eStatus = 1;
  } else {
    e2eStatus = run('npx', ['vitest', 'run', '-c', 'vitest.e2e.config.ts', '--reporter=default', '--reporter=json', `--outputFile=${out}/e2e.json`], withBrowser);
    e2e = counts(`${out}/e2e.json`);
  }
}
const summary = { passed: checks.passed + unit.passed + e2e.passed, failed: checks.failed + unit.failed + e2e.failed };
writeFileSync(`${out}/summary.json`, JSON.stringify(summary));
console.log(
  `[test] checks ${checks.passed} passed, ${checks.failed} failed; unit ${unit.passed} passed, ${unit.failed} failed; browser ${e2e.passed} passed, ${e2e.failed} failed`,
);
process.exit(unitStatus || e2eStatus || (summary.failed ? 1 : 0));
