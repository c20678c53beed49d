// Tests that need a program from a Debian package (scripts/tools.mjs) ask here whether to skip.
// Off CI a missing program skips them, saying what to install; on CI (CI=true) they run and fail,
// so a green CI run never hides a reference that was not there.
import { CI, findBrowser, onPath } from '../scripts/tools.mjs';

/** True when the tests that need `what` must be skipped: it is missing and this is not CI. */
export function skipWithout(present: boolean, what: string): boolean {
  if (present) return false;
  if (CI) return false;
  console.warn(`[test] ${what} not found: skipped here; on CI (CI=true) this fails`);
  return true;
}

/** True when tests that spawn `program` must be skipped (see skipWithout). */
export const skipWithoutProgram = (program: string, pkg: string): boolean => skipWithout(Boolean(onPath(program)), `${program} (apt-get install ${pkg})`);

/** Chromium for the in-process browser checks: $CHROMIUM_PATH or Debian's. */
export const browserPath = (): string | undefined => findBrowser();

// spawnSync('x', …), execFileSync("x", …), spawn(`x`, …), execa('x', …), exec('x …'), execSync('x …'),
// and `sh -c 'command -v x'`
const CALL = /\b(?:spawnSync|spawn|execFileSync|execFile|execa|execaSync|execSync|exec)\(\s*(['"`])([^'"`\s]+)/g;
const COMMAND_V = /command -v ([\w.+-]+)/g;

/** The programs named literally in spawn-family calls of one source text. */
export function spawnedPrograms(text: string): string[] {
  const found = new Set<string>();
  for (const m of text.matchAll(CALL)) found.add(m[2]);
  for (const m of text.matchAll(COMMAND_V)) found.add(m[1]);
  return [...found];
}
