#!/usr/bin/env node
// `npm test`: unit tests, then browser tests in Debian's Chromium.
// Finds (or installs, on Debian, with apt-get) chromium, CJK fonts and the reference tools
// (osmium, glpsol) and says what it did.
// Writes tests/output/summary.json ({passed, failed}) for .ci/run.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';

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
  return { passed: j.numPassedTests ?? 0, failed: (j.numFailedTests ?? 0) + (j.numRuntimeErrorTestSuites ?? 0) + (j.numFailedTestSuites && !j.numFailedTests ? j.numFailedTestSuites : 0) };
}

export function findBrowser() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].filter(Boolean);
  return candidates.find((p) => existsSync(p));
}

function hasCjkFont() {
  const r = spawnSync('fc-list', [':lang=zh'], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim().length > 0;
}

function has(cmd) {
  return spawnSync(cmd, ['--version'], { stdio: 'ignore' }).status === 0;
}

/** Debian packages the tests use as independent references or real parts, by the check that finds them. */
const TOOLS = [
  { pkg: 'chromium', present: () => Boolean(findBrowser()), why: 'browser tests' },
  { pkg: 'fonts-noto-cjk', present: hasCjkFont, why: 'Chinese labels on the map' },
  { pkg: 'osmium-tool', present: () => has('osmium'), why: 'OSM PBF fixtures cross-checked with osmium' },
  { pkg: 'glpk-utils', present: () => has('glpsol'), why: 'site suggestions cross-checked with the GLPK exact optimum' },
];

function ensureTools() {
  const missing = TOOLS.filter((t) => !t.present());
  if (missing.length === 0) {
    console.log(`[test] using browser ${findBrowser()}; CJK fonts, osmium and glpsol present`);
    return findBrowser();
  }
  const pkgs = missing.map((t) => t.pkg);
  if (!existsSync('/usr/bin/apt-get')) {
    console.error(`[test] missing ${missing.map((t) => `${t.pkg} (${t.why})`).join(', ')} and no apt-get here: install them (or set CHROMIUM_PATH); tests that need them are skipped`);
    return findBrowser();
  }
  const sudo = process.getuid && process.getuid() === 0 ? [] : ['sudo'];
  const apt = (...args) => run(sudo[0] ?? 'apt-get', [...sudo.slice(1), ...(sudo.length ? ['apt-get'] : []), ...args], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  console.log(`[test] installing ${pkgs.join(' ')} with apt-get (Debian packages) for: ${missing.map((t) => t.why).join('; ')} …`);
  apt('update', '-qq');
  apt('install', '-y', '-qq', '--no-install-recommends', ...pkgs);
  const still = missing.filter((t) => !t.present()).map((t) => t.pkg);
  console.log(still.length ? `[test] could not install ${still.join(', ')}: tests that need them are skipped` : `[test] installed ${pkgs.join(', ')}; browser at ${findBrowser()}`);
  return findBrowser();
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
const summary = { passed: unit.passed + e2e.passed, failed: unit.failed + e2e.failed };
writeFileSync(`${out}/summary.json`, JSON.stringify(summary));
console.log(`[test] unit ${unit.passed} passed, ${unit.failed} failed; browser ${e2e.passed} passed, ${e2e.failed} failed`);
process.exit(unitStatus || e2eStatus || (summary.failed ? 1 : 0));
