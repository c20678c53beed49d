// Every program a test or script spawns is either installed by the test command (scripts/tools.mjs
// TOOLS, found or apt-get installed by scripts/test.mjs) or part of the base system — so
// `npm install && npm test` on a fresh Debian machine has everything it runs.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BASE, CI, SELF_PROVISIONED, TOOLS } from '../scripts/tools.mjs';
import { spawnedPrograms } from './tools';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return f === 'output' || f === 'fixtures' ? [] : files(p);
    return /\.(ts|tsx|mjs|js)$/.test(f) ? [p] : [];
  });
}

describe('programs the tests run', () => {
  it('the scan finds the programs of every call form', () => {
    const sample = [
      "spawnSync('osmium', ['cat'])",
      'execFileSync("pdftotext", [path])',
      'spawn(`glpsol`, [])',
      "execSync('pdfinfo x.pdf')",
      "spawnSync('sh', ['-c', 'command -v ogr2ogr'])",
      '/(\\d+)/.exec(note)', // a RegExp's exec is no spawn
    ].join('\n');
    expect(spawnedPrograms(sample).sort()).toEqual(['glpsol', 'ogr2ogr', 'osmium', 'pdfinfo', 'pdftotext', 'sh']);
  });

  it('each program spawned in tests/ and scripts/ is provided by scripts/tools.mjs or the base system', () => {
    const provided = new Set([...TOOLS.flatMap((t) => t.programs), ...Object.keys(BASE)]);
    const unprovided: string[] = [];
    const seen = new Set<string>();
    for (const f of [...files('tests'), ...files('scripts')]) {
      if (f in SELF_PROVISIONED || f === join('tests', 'tools.test.ts') || f === join('tests', 'tools.ts')) continue; // the scanner and its samples
      for (const p of spawnedPrograms(readFileSync(f, 'utf8'))) {
        seen.add(p);
        if (!provided.has(p)) unprovided.push(`${f}: ${p}`);
      }
    }
    expect(unprovided).toEqual([]);
    // the scan does see the tests' references (a scan that finds nothing proves nothing)
    expect([...seen]).toEqual(expect.arrayContaining(['osmium', 'glpsol', 'pdftotext', 'pdfinfo', 'pdftoppm']));
  });

  it.runIf(CI)('on CI every tool the test command installs is present', () => {
    expect(TOOLS.filter((t) => !t.present()).map((t) => t.pkgs.join(' + '))).toEqual([]);
  });
});
