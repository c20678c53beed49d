// 2SFCA checked against a brute-force computation written here from the definition
// (all pairs, haversine), on seeded random points; and a three-community example by hand.
import { describe, expect, it } from 'vitest';
import { twoStepFloatingCatchment } from '../../src/core/allocate/twostep';
import { haversine } from '../../src/core/geo';
import { createStraightEngine } from '../../src/core/reach/straight';
import type { LonLat, PairRows, ReachPairs } from '../../src/core/reach/types';

/** CSR pairs as rows: row i is offsets[i] .. offsets[i + 1] - 1 */
const rows = (p: ReachPairs): PairRows => ({ ...p, start: p.offsets.subarray(0, -1), end: p.offsets.subarray(1) });
import { mulberry32 as rng } from '../../scripts/demo/prng';

describe('two-step floating catchment', () => {
  it('equals the brute-force definition on random points', () => {
    const r = rng(7);
    const demandPts: LonLat[] = Array.from({ length: 200 }, () => [108.9 + r() * 0.05, 34.1 + r() * 0.05]);
    const supplyPts: LonLat[] = Array.from({ length: 40 }, () => [108.9 + r() * 0.05, 34.1 + r() * 0.05]);
    const demand = demandPts.map((_, i) => (i % 17 === 0 ? undefined : Math.round(100 + r() * 3000)));
    const capacity = supplyPts.map((_, j) => (j % 11 === 0 ? undefined : Math.round(5 + r() * 60)));
    const d0 = 810;
    const pairs = createStraightEngine().pairs({ demand: demandPts, supply: supplyPts, maxDistance: d0 });
    const got = twoStepFloatingCatchment(rows(pairs), demand, capacity);

    // brute force: R_j = S_j / Σ_{i: d_ij ≤ d0, D_i known} D_i ; A_i = Σ_{j: d_ij ≤ d0, S_j known} R_j
    const R = supplyPts.map((s, j) => {
      const load = demandPts.reduce((acc, p, i) => acc + (demand[i] !== undefined && haversine(p, s) <= d0 ? (demand[i] as number) : 0), 0);
      return capacity[j] !== undefined && load > 0 ? (capacity[j] as number) / load : 0;
    });
    demandPts.forEach((p, i) => {
      const a = supplyPts.reduce((acc, s, j) => acc + (haversine(p, s) <= d0 ? R[j] : 0), 0);
      expect(got.accessibility[i]).toBeCloseTo(a, 12);
      const unknown = supplyPts.flatMap((s, j) => (capacity[j] === undefined && haversine(p, s) <= d0 ? [j] : []));
      expect([...got.unknownCapacity[i]].sort((x, y) => x - y)).toEqual(unknown);
    });
    // supply is shared out, not created: Σ_i A_i D_i = Σ_j S_j over facilities somebody reaches
    const shared = got.share.reduce((a, b) => a + b, 0);
    const reached = supplyPts.reduce(
      (acc, s, j) => acc + (capacity[j] !== undefined && demandPts.some((p, i) => demand[i] !== undefined && haversine(p, s) <= d0) ? (capacity[j] as number) : 0),
      0,
    );
    expect(shared).toBeCloseTo(reached, 6);
    expect(shared).toBeGreaterThan(0);
  });
  it('by hand: one facility of 30 places reached by A (1000) and B (2000); C reaches nothing', () => {
    const pairs = { offsets: Uint32Array.from([0, 1, 2, 2]), supply: Uint32Array.from([0, 0]), distance: Float64Array.from([100, 200]), unplacedDemand: [], unplacedSupply: [] };
    const got = twoStepFloatingCatchment(rows(pairs), [1000, 2000, 500], [30]);
    // R = 30 / (1000 + 2000) = 0.01 place per resident; A gets 10, B 20, C 0
    expect([...got.share]).toEqual([10, 20, 0]);
    expect([...got.accessibility]).toEqual([0.01, 0.01, 0]);
  });
});
