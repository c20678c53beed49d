// The rule engine against its reference results: recorded with the straightforward per-rule engine
// before it was restructured for speed (scripts/bench/engine-reference.ts), on seeded random layers
// full of missing, impossible and unknown values, every profile, two parameter sets. The indexes,
// caches and typed arrays of the fast engine must not change a single verdict, value or reason.
// A change detector, not an independent reference: it compares the engine with its own recorded
// output. The independent check of the circle and ratio rules is engine-brute.test.ts (brute force
// from the rule texts, on the demo); this one stays for what that does not reach — every other rule
// kind, reasons, and the seeded layers' missing, impossible and unknown values.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { comparable, engineCases, runCase, type EngineCase } from '../../../scripts/bench/engine-cases';

const reference = JSON.parse(gunzipSync(readFileSync('tests/fixtures/engine/reference.json.gz')).toString('utf8')) as {
  case: EngineCase;
  evaluation: ReturnType<typeof comparable>;
}[];

describe('rule engine = reference results', () => {
  it('the reference covers every case and holds passes, fails and n/a', () => {
    expect(reference.map((r) => r.case)).toEqual(engineCases());
    const statuses = new Set(reference.flatMap((r) => r.evaluation.results.map((x) => x.status)));
    expect([...statuses].sort()).toEqual(['fail', 'na', 'pass']);
  });
  for (const [i, c] of engineCases().entries()) {
    it(`seed ${c.seed}, ${c.profile}, parameters ${c.paramSet}`, () => {
      const got = JSON.parse(JSON.stringify(comparable(runCase(c))));
      const want = reference[i].evaluation;
      // the first differing result, readable, before the whole comparison
      const k = got.results.findIndex((r: unknown, j: number) => JSON.stringify(r) !== JSON.stringify(want.results[j]));
      if (k >= 0) expect(got.results[k]).toEqual(want.results[k]);
      expect(got).toEqual(want);
    });
  }
});
