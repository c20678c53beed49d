// The straight-line ReachEngine against a brute-force haversine loop over every pair.
import { describe, expect, it } from 'vitest';
import { haversine } from '../../src/core/geo';
import { createStraightEngine, straightNearest } from '../../src/core/reach/straight';
import type { LonLat } from '../../src/core/reach/types';
import { mulberry32 as rng } from '../../scripts/demo/prng';

function points(r: () => number, n: number, lat0: number): LonLat[] {
  return Array.from({ length: n }, () => [108.8 + r() * 0.2, lat0 + r() * 0.2] as LonLat);
}

describe('straight ReachEngine', () => {
  for (const [seed, lat0] of [
    [1, 34.0],
    [2, 34.0],
    [3, 60.0],
  ] as const) {
    it(`equals brute force (seed ${seed}, latitude ${lat0})`, () => {
      const r = rng(seed);
      const demand = points(r, 300, lat0);
      const supply = points(r, 120, lat0);
      const maxDistance = 810;
      const got = createStraightEngine().pairs({ demand, supply, maxDistance });
      let total = 0;
      for (let d = 0; d < demand.length; d++) {
        const expected = supply
          .map((s, i) => ({ i, m: haversine(demand[d], s) }))
          .filter((x) => x.m <= maxDistance)
          .sort((a, b) => a.m - b.m || a.i - b.i);
        const from = got.offsets[d];
        const to = got.offsets[d + 1];
        expect([...got.supply.slice(from, to)]).toEqual(expected.map((x) => x.i));
        expect([...got.distance.slice(from, to)]).toEqual(expected.map((x) => x.m));
        total += expected.length;
      }
      expect(total).toBeGreaterThan(50); // the test really exercises pairs
      expect(got.offsets[demand.length]).toBe(total);
    });
  }
  it('orders long runs too: 3 000 facilities at one spot and 500 around it (a file whose points share coordinates)', () => {
    const r = rng(7);
    const spot: LonLat = [108.9, 34.1];
    // shuffled, so the spatial index hands them over in no particular order
    const supply = [...Array.from({ length: 3000 }, () => spot), ...points(r, 500, 34.0).map((p) => [108.895 + (p[0] - 108.8) * 0.05, 34.095 + (p[1] - 34.0) * 0.05] as LonLat)];
    for (let i = supply.length - 1; i > 0; i--) {
      const j = Math.floor(r() * (i + 1));
      [supply[i], supply[j]] = [supply[j], supply[i]];
    }
    const demand: LonLat[] = [spot, [108.901, 34.1]];
    const got = createStraightEngine().pairs({ demand, supply, maxDistance: 1000 });
    for (let d = 0; d < demand.length; d++) {
      const expected = supply
        .map((s, i) => ({ i, m: haversine(demand[d], s) }))
        .filter((x) => x.m <= 1000)
        .sort((a, b) => a.m - b.m || a.i - b.i);
      expect(expected.length).toBeGreaterThan(3000);
      expect([...got.supply.slice(got.offsets[d], got.offsets[d + 1])]).toEqual(expected.map((x) => x.i));
      expect([...got.distance.slice(got.offsets[d], got.offsets[d + 1])]).toEqual(expected.map((x) => x.m));
    }
  });
  it('reports points with non-finite coordinates as unplaced and handles empty supply', () => {
    const e = createStraightEngine();
    const got = e.pairs({
      demand: [
        [108.9, 34.1],
        [Number.NaN, 34],
      ],
      supply: [
        [108.9, 34.1],
        [Number.NaN, 1],
      ],
      maxDistance: 10,
    });
    expect(got.unplacedDemand).toEqual([1]);
    expect(got.unplacedSupply).toEqual([1]);
    expect([...got.supply]).toEqual([0]);
    const none = e.pairs({ demand: [[108.9, 34.1]], supply: [], maxDistance: 10 });
    expect([...none.offsets]).toEqual([0, 0]);
  });

  it('finds the nearest within the distance like a brute-force loop, ties to the lower index (straightNearest)', () => {
    const r = rng(9);
    const demand = points(r, 400, 34.0);
    const supply = [...points(r, 60, 34.0), [Number.NaN, 34] as LonLat];
    supply.push([...supply[5]] as LonLat); // a duplicate of supply 5: the tie goes to 5
    demand.push([...supply[5]] as LonLat);
    for (const maxDistance of [300, 2500, 50_000]) {
      const got = straightNearest({ demand, supply, maxDistance }, 100);
      let found = 0;
      for (let d = 0; d < demand.length; d++) {
        const best = supply
          .map((s, i) => ({ i, m: haversine(demand[d], s) }))
          .filter((x) => x.m <= maxDistance)
          .sort((a, b) => a.m - b.m || a.i - b.i)[0];
        const n = got.offsets[d + 1] - got.offsets[d];
        expect(n).toBe(best ? 1 : 0);
        if (!best) continue;
        found++;
        expect([got.supply[got.offsets[d]], got.distance[got.offsets[d]]]).toEqual([best.i, best.m]);
      }
      expect(found).toBeGreaterThan(maxDistance > 1000 ? 300 : 10);
      expect(got.unplacedSupply).toEqual([60]);
    }
    expect(straightNearest({ demand, supply, maxDistance: 300 }).supply.at(-1)).toBe(5);
  });
});
