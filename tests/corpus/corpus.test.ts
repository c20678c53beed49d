// Every file of the corpus (tests/corpus/cases.ts, > 100 broken or hostile files) through every
// entry point that takes a file in Node: readFile + importLayer (the app's import worker runs the
// same calls), `npm run import` (in-process), and — for GeoJSON — a project file holding it, as
// `npm run check`, check-sites, suggest and the app's project open read it (parseProject), then
// evaluated. Each is refused with a message or accepted with listed problems; never a thrown
// exception, never a file written on refusal.
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/import';
import { evaluate } from '../../src/core/evaluate';
import type { Msg } from '../../src/core/model';
import { hasKey, tm } from '../../src/i18n';
import { importLayer, readFile } from '../../src/io';
import { parseProject } from '../../src/schemas';
import { corpus } from './cases';

const CASES = corpus();
const dir = mkdtempSync(join(tmpdir(), 'corpus-'));
const sample = JSON.parse(readFileSync('data/sample/project.json', 'utf8')) as Record<string, unknown>;
const times: [string, number][] = [];

/** A message a person can read: a known key, every placeholder filled. */
function readable(m: Msg): string {
  expect(hasKey(m.key), m.key).toBe(true);
  const zh = tm('zh', m);
  const en = tm('en', m);
  expect(zh, m.key).not.toMatch(/\{\w+\}/);
  expect(en, m.key).not.toMatch(/\{\w+\}/);
  return zh;
}

afterAll(() => {
  const slow = [...times].sort((a, b) => b[1] - a[1]).slice(0, 5);
  // peak resident memory of this worker over the whole corpus (stated in docs/limits.md)
  console.log(
    `corpus: ${CASES.length} files; slowest ${slow.map(([n, ms]) => `${n} ${(ms / 1000).toFixed(1)} s`).join(', ')}; peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB`,
  );
});

describe('the corpus of broken and hostile files', () => {
  it('has more than 100 files, each with its own name', () => {
    expect(CASES.length).toBeGreaterThan(100);
    expect(new Set(CASES.map((c) => c.name)).size).toBe(CASES.length);
  });

  it.each(CASES.map((c) => [c.name, c] as const))(
    '%s',
    (_, c) => {
      const t0 = performance.now();
      const bytes = c.bytes();
      // 1. the reader and the importer, as the app's import worker calls them
      const r = readFile(c.name, bytes);
      if (!r.ok) {
        readable(r.error);
        // the message says which file, except for the few that are about an option, not the file
        if (!['io.err.unknownEncoding'].includes(r.error.key)) expect(String(r.error.args?.file ?? r.error.args?.layer ?? '')).not.toBe('');
      } else {
        for (const layer of r.layers) {
          const out = importLayer(layer, { kind: c.kind, file: c.name });
          for (const p of out.report.problems) {
            expect(p.number).toBeGreaterThan(0);
            readable(p.msg);
            if (p.severity === 'error' && p.code !== 'no_geometry' && p.code !== 'missing_id') expect(p.field, `${p.code} ${p.msg.key}`).toBeTruthy();
          }
          for (const n of [...layer.notes, ...(out.report.notes ?? [])]) readable(n);
        }
      }

      // 2. npm run import: refused → exit 1 or 2 and nothing written; no stack trace in the output
      const path = join(dir, c.name);
      const outPath = join(dir, `${c.name}.out.geojson`);
      writeFileSync(path, bytes);
      const lines: string[] = [];
      const code = run([path, '--as', c.kind, '--out', outPath], (l) => lines.push(l));
      expect([0, 1]).toContain(code);
      expect(lines.join('\n')).not.toMatch(/\n\s+at \S+ \(/);
      if (code !== 0) expect(existsSync(outPath)).toBe(false);
      expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);

      // 3. GeoJSON inside a project file: parseProject (check, check-sites, suggest, project open), then evaluated
      if (/\.geojson$/.test(c.name) && (c.kind === 'communities' || c.kind === 'facilities' || c.kind === 'streets')) {
        let layer: unknown;
        try {
          layer = JSON.parse(new TextDecoder().decode(bytes));
        } catch {
          layer = 'not json';
        }
        const p = parseProject({ ...sample, [c.kind]: layer }, 'project.json');
        if (p.ok) {
          for (const i of p.issues) readable(i.msg);
          const ev = evaluate({ ...p.project }, { profile: 'combined' });
          expect(ev.results.length).toBeGreaterThan(0);
        } else {
          for (const q of p.problems) {
            expect(q.file).toContain('project.json');
            readable(q.msg);
          }
        }
      }
      times.push([c.name, performance.now() - t0]);
    },
    60_000,
  ); // three entry points and an evaluation per file, on a shared 2-core machine
});
