// The import against its reference: recorded with the importer before it was made faster
// (tests/io/record-import-reference.ts, main at 3b82fac), on every file of the broken and hostile
// corpus, the format fixtures and seeded messy spreadsheets. The speed-up (the record check
// without Zod, the alias lookups, the CSV reader, the readers loaded on first use) must not change
// one record, one field's value or key order, one problem's row, field or message.
// A change detector, not an independent reference: the independent checks are the io tests'
// hand-made expectations and tests/schemas/record-check.test.ts (the record check against Zod's).
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { importCases, runImportCase } from './import-cases';

const reference = JSON.parse(gunzipSync(readFileSync('tests/fixtures/io/import-reference.json.gz')).toString('utf8')) as ReturnType<typeof runImportCase>[];

describe('the import = its reference', () => {
  const cases = importCases();
  it('the reference covers every case, with good records and problems', () => {
    expect(reference.map((r) => r.name)).toEqual(cases.map((c) => c.name));
    const text = JSON.stringify(reference);
    for (const code of ['duplicate_id', 'not_a_number', 'swapped_lonlat', 'missing_id', 'nursing_gt_beds', 'outside_area']) expect(text).toContain(code);
  });
  for (const [i, c] of cases.entries()) {
    it(c.name, () => {
      const got = runImportCase(c);
      const want = reference[i];
      expect(got.name).toBe(want.name);
      // field by field first, so a difference is shown where it is
      if (got.layers && want.layers)
        for (const [j, l] of got.layers.entries())
          for (const [k, imp] of l.imports.entries()) {
            const w = want.layers[j]?.imports[k];
            expect(imp.counts).toBe(w?.counts);
            expect(imp.problems).toBe(w?.problems);
            expect(imp.good).toBe(w?.good);
          }
      expect(got).toEqual(want);
    });
  }
});
