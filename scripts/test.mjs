#!/usr/bin/env node
// `npm test`: unit tests, then browser tests in Debian's Chromium.
// Finds (or installs, on Debian, with apt-get) chromium and CJK fonts and says what it did.
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

function ensureBrowser() {
  let browser = findBrowser();
  const needFonts = !hasCjkFont();
  if (browser && !needFonts) {
    console.log(`[test] using browser ${browser}; CJK fonts present`);
    return browser;
  }
  const pkgs = [...(browser ? [] : ['chromium']), ...(needFonts ? ['fonts-noto-cjk'] : [])];
  if (!existsSync('/usr/bin/apt-get')) {
    console.error(`[test] missing ${pkgs.join(', ')} and no apt-get here: install them, or set CHROMIUM_PATH`);
    return browser;
  }
  const sudo = process.getuid && process.getuid() === 0 ? [] : ['sudo'];
  console.log(`[test] installing ${pkgs.join(' ')} with apt-get (Debian packages) …`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run(sudo[0] ?? 'apt-get', [...sudo.slice(1), ...(sudo.length ? ['apt-get'] : []), 'update', '-qq'], { env });
  run(sudo[0] ?? 'apt-get', [...sudo.slice(1), ...(sudo.length ? ['apt-get'] : []), 'install', '-y', '-qq', ...pkgs], { env });
  browser = findBrowser();
  console.log(browser ? `[test] installed; browser at ${browser}` : '[test] browser install failed');
  return browser;
}

const unitStatus = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${out}/unit.json`]);
const unit = counts(`${out}/unit.json`);
let e2e = { passed: 0, failed: 0 };
let e2eStatus = 0;
if (!onlyUnit && existsSync('vitest.e2e.config.ts')) {
  const browser = ensureBrowser();
  if (!browser) {
    e2e = { passed: 0, failed: 1 };
    e2eStatus = 1;
  } else {
    e2eStatus = run('npx', ['vitest', 'run', '-c', 'vitest.e2e.config.ts', '--reporter=default', '--reporter=json', `--outputFile=${out}/e2e.json`], {
      env: { ...process.env, CHROMIUM_PATH: browser },
    });
    e2e = counts(`${out}/e2e.json`);
  }
}
const summary = { passed: unit.passed + e2e.passed, failed: unit.failed + e2e.failed };
writeFileSync(`${out}/summary.json`, JSON.stringify(summary));
console.log(`[test] unit ${unit.passed} passed, ${unit.failed} failed; browser ${e2e.passed} passed, ${e2e.failed} failed`);
process.exit(unitStatus || e2eStatus || (summary.failed ? 1 : 0));
