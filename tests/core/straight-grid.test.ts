// The straight-line engine's grid and chord test against a brute-force loop over every pair with
// haversine, on seeded data made to hit its edges: points within a hair of the radius (both
// sides), at the north and south edges of the area and at high latitudes (where a degree of
// longitude is short and the search box widest), near the Earth's pole, across the equator and the
// prime meridian, duplicates of each other and of the demand, points far outside the supply's
// area, radii from 0 m to half the globe.
import { describe, expect, it } from 'vitest';
import { EARTH_RADIUS, haversine } from '../../src/core/geo';
import { straightNearest, straightPairs } from '../../src/core/reach/straight';
import type { LonLat } from '../../src/core/reach/types';
import { mulberry32 as rng } from '../../scripts/demo/prng';

const RAD = Math.PI / 180;

/** The point `metres` from p on the great circle at `bearing` (radians): the textbook destination
 *  formula, written independently of the engine. */
function destination(p: LonLat, metres: number, bearing: number): LonLat {
  const d = metres / EARTH_RADIUS;
  const f1 = p[1] * RAD;
  const f2 = Math.asin(Math.sin(f1) * Math.cos(d) + Math.cos(f1) * Math.sin(d) * Math.cos(bearing));
  const l2 = p[0] * RAD + Math.atan2(Math.sin(bearing) * Math.sin(d) * Math.cos(f1), Math.cos(d) - Math.sin(f1) * Math.sin(f2));
  return [((l2 / RAD + 540) % 360) - 180, f2 / RAD];
}

/** Every pair within R by haversine, per demand sorted by distance then supply index. */
function brute(demand: LonLat[], supply: LonLat[], R: number): { i: number; m: number }[][] {
  return demand.map((d) =>
    supply
      .map((s, i) => ({ i, m: haversine(d, s) }))
      .filter((x) => x.m <= R)
      .sort((a, b) => a.m - b.m || a.i - b.i),
  );
}

/** An area `w` × `h` degrees from (lon0, lat0) with demand and supply scattered in it, points on its
 *  north and south edges, duplicates, and supply points placed at the radius ± a hair from demand. */
function scene(seed: number, lon0: number, lat0: number, w: number, h: number, R: number) {
  const r = rng(seed);
  const at = (): LonLat => [lon0 + r() * w, lat0 + r() * h];
  const demand: LonLat[] = Array.from({ length: 600 }, at);
  const supply: LonLat[] = Array.from({ length: 300 }, at);
  // the area's northern and southern edges
  for (let k = 0; k < 40; k++) {
    demand.push([lon0 + r() * w, lat0 + h]);
    supply.push([lon0 + r() * w, k % 2 ? lat0 : lat0 + h]);
  }
  // duplicates: supply on top of supply, supply on top of demand, demand on top of demand
  for (let k = 0; k < 30; k++) {
    supply.push([...supply[Math.floor(r() * 300)]] as LonLat);
    supply.push([...demand[Math.floor(r() * 600)]] as LonLat);
    demand.push([...demand[Math.floor(r() * 600)]] as LonLat);
  }
  // on the radius: a hair inside, exactly, a hair outside (some land on either side of haversine's
  // own rounding, which decides)
  for (let k = 0; k < 60; k++) {
    const d = demand[Math.floor(r() * demand.length)];
    const bearing = r() * 2 * Math.PI;
    for (const f of [1 - 1e-9, 1 - 1e-13, 1, 1 + 1e-13, 1 + 1e-9, 1 + 1e-6]) supply.push(destination(d, R * f, bearing));
  }
  // far outside the supply's area, and not placed
  demand.push([lon0 + w + 3, lat0 - 2], [Number.NaN, lat0]);
  supply.push([lon0, Number.POSITIVE_INFINITY]);
  return { demand, supply };
}

function expectSame(demand: LonLat[], supply: LonLat[], R: number): number {
  const got = straightPairs({ demand, supply, maxDistance: R });
  const want = brute(demand, supply, R);
  let total = 0;
  for (let d = 0; d < demand.length; d++) {
    const from = got.offsets[d];
    const to = got.offsets[d + 1];
    expect([...got.supply.slice(from, to)], `demand ${d}`).toEqual(want[d].map((x) => x.i));
    expect([...got.distance.slice(from, to)], `demand ${d}`).toEqual(want[d].map((x) => x.m));
    total += want[d].length;
  }
  expect(got.offsets[demand.length]).toBe(total);
  return total;
}

describe('straight pairs: the grid and chord test find exactly the pairs of a brute-force haversine loop', () => {
  for (const [seed, lon0, lat0, w, h, R] of [
    [1, 108.75, 33.95, 0.33, 0.27, 810], // a city at 34° N
    [2, 108.75, 33.95, 0.33, 0.27, 50],
    [3, 108.75, 33.95, 0.33, 0.27, 5000],
    [4, 20.0, 69.5, 1.2, 0.4, 1500], // 70° N: a degree of longitude is 38 km
    [5, -0.2, -0.15, 0.4, 0.3, 2000], // across the equator and the prime meridian
    [6, -60, -81, 40, 2, 30_000], // near 80° S, wide
    [7, 100, 89.6, 200, 0.39, 40_000], // around the North Pole: circles that hold it
    [8, 108.75, 33.95, 0.33, 0.27, 0], // 0 m: duplicates only
    [9, 100, 30, 20, 20, 1e7], // 10 000 km: most of a hemisphere
    [10, 100, 30, 20, 20, 2.1e7], // more than half the circumference: everything
  ] as const) {
    it(`seed ${seed}: ${w}° × ${h}° at ${lat0}°, radius ${R} m`, () => {
      const { demand, supply } = scene(seed, lon0, lat0, w, h, R);
      const total = expectSame(demand, supply, R);
      expect(total).toBeGreaterThan(R === 0 ? 30 : 100); // the case really exercises pairs
    });
  }

  it('decides points a hair from the radius as haversine does, on both sides', () => {
    const r = rng(21);
    const demand: LonLat[] = Array.from({ length: 200 }, () => [108.75 + r() * 0.3, 33.95 + r() * 0.3]);
    const supply: LonLat[] = [];
    const R = 810;
    for (const d of demand) for (let k = 0; k < 20; k++) supply.push(destination(d, R * (1 + (r() - 0.5) * 2e-12), r() * 2 * Math.PI));
    const inside = supply.filter((s, j) => haversine(demand[Math.floor(j / 20)], s) <= R).length;
    // both sides are really there
    expect(inside).toBeGreaterThan(500);
    expect(inside).toBeLessThan(3500);
    expectSame(demand, supply, R);
  });

  it('unordered: the same pairs per demand point, only their order left to the caller', () => {
    const { demand, supply } = scene(15, 108.75, 33.95, 0.33, 0.27, 810);
    const got = straightPairs({ demand, supply, maxDistance: 810, unordered: true });
    const want = brute(demand, supply, 810);
    for (let d = 0; d < demand.length; d++) {
      const row = [...got.supply.slice(got.offsets[d], got.offsets[d + 1])].map((s, k) => ({ i: s, m: got.distance[got.offsets[d] + k] }));
      expect(row.sort((a, b) => a.i - b.i)).toEqual([...want[d]].sort((a, b) => a.i - b.i));
    }
  });

  it('the nearest within the radius is the first pair of the brute force, on the same scenes', () => {
    for (const [seed, lon0, lat0, w, h, R] of [
      [11, 108.75, 33.95, 0.33, 0.27, 810],
      [12, 20.0, 69.5, 1.2, 0.4, 1500],
      [13, 100, 89.6, 200, 0.39, 40_000],
      [14, 108.75, 33.95, 0.33, 0.27, 0],
    ] as const) {
      const { demand, supply } = scene(seed, lon0, lat0, w, h, R);
      const want = brute(demand, supply, R);
      const got = straightNearest({ demand, supply, maxDistance: R }, 100);
      let found = 0;
      for (let d = 0; d < demand.length; d++) {
        const n = got.offsets[d + 1] - got.offsets[d];
        expect(n, `seed ${seed} demand ${d}`).toBe(want[d].length > 0 ? 1 : 0);
        if (n === 0) continue;
        found++;
        expect([got.supply[got.offsets[d]], got.distance[got.offsets[d]]], `seed ${seed} demand ${d}`).toEqual([want[d][0].i, want[d][0].m]);
      }
      expect(found).toBeGreaterThan(30);
    }
  });
});
