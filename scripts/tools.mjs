// The programs outside npm that tests run, by the Debian package that provides each.
// scripts/test.mjs finds or installs them (apt-get); tests/tools.test.ts proves that every program
// a test or script spawns is either listed here or part of the base system.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** On CI a missing reference fails the tests that need it instead of skipping them. */
export const CI = process.env.CI === 'true' || process.env.CI === '1';

/** Full path of `program` on PATH, or undefined. */
export function onPath(program) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && existsSync(join(dir, program))) return join(dir, program);
  }
  return undefined;
}

/** Chromium for the browser tests: $CHROMIUM_PATH or Debian's. */
export function findBrowser() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].filter(Boolean);
  return candidates.find((p) => existsSync(p));
}

function hasCjkFont() {
  if (!onPath('fc-list')) return false;
  const r = spawnSync('fc-list', [':lang=zh'], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim().length > 0;
}

const allOnPath = (programs) => () => programs.every((p) => onPath(p));

/**
 * Debian packages the tests use as independent references or real parts. `programs` are the
 * executables tests spawn from each package (tests/tools.test.ts checks the list is complete).
 */
export const TOOLS = [
  { pkgs: ['chromium'], programs: ['chromium'], present: () => Boolean(findBrowser()), why: 'browser tests and in-browser rendering checks' },
  { pkgs: ['fonts-noto-cjk', 'fontconfig'], programs: ['fc-list'], present: hasCjkFont, why: 'Chinese labels on the map' },
  { pkgs: ['osmium-tool'], programs: ['osmium'], present: allOnPath(['osmium']), why: 'OSM PBF fixtures cross-checked with osmium' },
  { pkgs: ['glpk-utils'], programs: ['glpsol'], present: allOnPath(['glpsol']), why: 'site suggestions cross-checked with the GLPK exact optimum' },
  {
    pkgs: ['postgresql-15', 'postgresql-15-postgis-3'],
    programs: ['psql'],
    present: () => existsSync('/usr/lib/postgresql/15/bin/initdb') && existsSync('/usr/share/postgresql/15/extension/postgis.control'),
    why: 'the workspace server tested on a real PostgreSQL, PostGIS reading its sites',
  },
  {
    pkgs: ['poppler-utils'],
    programs: ['pdftotext', 'pdfinfo', 'pdftoppm'],
    present: allOnPath(['pdftotext', 'pdfinfo', 'pdftoppm']),
    why: 'printed PDFs read back in the print tests',
  },
];

/** Programs every machine that runs `npm install && npm test` has, with the reason. */
export const BASE = {
  node: 'Node.js itself',
  npx: 'comes with Node.js and npm',
  sh: 'POSIX shell, in every Debian',
  bash: 'an essential Debian package, on every Debian machine',
  'dpkg-query': 'dpkg, in every Debian (used to ask what is installed)',
  'apt-get': 'apt, in every Debian (used to install the tools above)',
  sudo: 'used only when the test command does not run as root',
};

/**
 * Scripts that find or install their own programs and are not run by `npm test`, with the reason.
 * Their spawns are not required to be in TOOLS.
 */
export const SELF_PROVISIONED = {
  'scripts/verify-pgrouting.ts': 'npm run verify:pgrouting installs PostgreSQL, PostGIS and pgRouting itself',
};
