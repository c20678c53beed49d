// Every file of the corpus (tests/corpus/cases.ts, > 100 broken or hostile files) through the
// app's own entry points, in Node: readFile + importLayer (the app's import worker runs the same
// calls) and — for GeoJSON — a project file holding it, as the app opens a project (parseProject),
// then evaluated. Each is refused with a message or accepted with listed problems; never a thrown
// exception. The commands (import, check, check-sites, suggest, ledger), each in a process of its
// own, are tests/corpus/cli.test.ts.
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { evaluate } from '../../src/core/evaluate';
import type { Msg } from '../../src/core/model';
import { hasKey, tm } from '../../src/i18n';
import '../i18n/all-catalogues'; // the parts' catalogues too (loaded on first use in the app)
import { importLayer, readFile } from '../../src/io';
import { parseProject } from '../../src/schemas';
import { corpus } from './cases';

const CASES = corpus();
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

      // 2. GeoJSON inside a project file as the app opens it (the worker's parseProject), then evaluated
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
