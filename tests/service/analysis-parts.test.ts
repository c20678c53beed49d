// The analysis fetched in slices (src/service/analysis-parts.ts) is the analysis: same results,
// same order, nothing lost at the slice edges; a replaced analysis is refused, not mixed.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { RuleResult } from '../../src/core/model';
import { createAnalysisSession, type Analysis } from '../../src/service/session';
import { assembleAnalysis, createAnalysisPartsApi, RESULTS_PER_PART } from '../../src/service/analysis-parts';

const api = createAnalysisSession();

/** n distinct results: result i is about facility F<i> */
function fakeAnalysis(n: number): Analysis {
  const results = Array.from({ length: n }, (_, i) => ({ rule: 'r', unit: { level: 'facility', id: `F${i}` }, status: 'pass' }) as unknown as RuleResult);
  return { evaluation: { results, issues: [], coverage: [] } as unknown as Analysis['evaluation'], serviceAreas: null, reach: 'straight', ms: 1, serial: 1 };
}

describe('analysis in parts', () => {
  it('two full slices and a partial one come back whole and in order', async () => {
    const n = 2 * RESULTS_PER_PART + 1;
    const parts = createAnalysisPartsApi({ analyse: () => fakeAnalysis(n) });
    const head = parts.analyseHead({ profile: 'x', params: {} });
    expect(head.parts).toBe(3);
    expect(head.analysis.evaluation.results).toEqual([]);
    const sizes: number[] = [];
    const whole = await assembleAnalysis(head, async (token, i) => {
      const p = parts.analysisPart(token, i);
      sizes.push(p?.length ?? -1);
      return p;
    });
    expect(sizes).toEqual([RESULTS_PER_PART, RESULTS_PER_PART, 1]);
    expect(whole.evaluation.results.map((r) => r.unit.id)).toEqual(Array.from({ length: n }, (_, i) => `F${i}`));
    // the last part freed them
    expect(parts.analysisPart(head.token, 0)).toBeNull();
  });

  it('an analysis replaced while its parts are fetched is refused, not mixed with the new one', async () => {
    const parts = createAnalysisPartsApi({ analyse: () => fakeAnalysis(RESULTS_PER_PART + 5) });
    const first = parts.analyseHead({ profile: 'x', params: {} });
    parts.analyseHead({ profile: 'y', params: {} });
    expect(parts.analysisPart(first.token, 0)).toBeNull();
    await expect(assembleAnalysis(first, async (t, i) => parts.analysisPart(t, i))).rejects.toThrow(/newer/);
  });

  it('through the worker api on the sample: the same results as analyse() in one message', async () => {
    const sample = JSON.parse(readFileSync('data/sample/project.json', 'utf8')) as unknown;
    expect(api.load(sample, 'sample').ok).toBe(true);
    const one = api.analyse({ profile: 'combined', params: {} });
    const head = api.analyseHead({ profile: 'combined', params: {} });
    const whole = await assembleAnalysis(head, async (t, i) => api.analysisPart(t, i));
    expect(whole.evaluation.results.length).toBeGreaterThan(0);
    expect(whole.evaluation.results).toEqual(one.evaluation.results);
    expect(whole.evaluation.coverage).toEqual(one.evaluation.coverage);
  });
});
