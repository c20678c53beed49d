// straightBySupply(): a few supply points against a kept grid of many demand points must give
// exactly straightPairs()' pairs and metres (the path an edit's new facility position takes,
// reach/community-reach.ts), turned by supply point with the demand ascending.
import { describe, expect, it } from 'vitest';
import { demandGrid, straightBySupply, straightPairs } from '../../src/core/reach/straight';
import type { LonLat } from '../../src/core/reach/types';
import { rng } from './reference';

describe('straightBySupply', () => {
  it('equals straightPairs, pair by pair and to the bit, with unplaced points and points on top of each other', () => {
    for (const seed of [1, 2, 3]) {
      const r = rng(seed);
      // 2 000 communities over ≈ 5 × 5 km, some on the same spot, one without coordinates
      const demand: LonLat[] = Array.from({ length: 2000 }, () => [108.9 + r() * 0.05, 34.15 + r() * 0.045]);
      demand[7] = demand[3];
      demand[11] = [Number.NaN, Number.NaN];
      const supply: LonLat[] = [demand[3], [108.925, 34.17], [Number.NaN, 0], [108.95, 34.2], [108.9 + r() * 0.05, 34.15 + r() * 0.045]];
      for (const R of [810, 1500]) {
        const want = straightPairs({ demand, supply, maxDistance: R });
        const got = straightBySupply(demandGrid(demand, R), supply);
        expect(got.unplacedDemand).toEqual(want.unplacedDemand);
        expect(got.unplacedSupply).toEqual(want.unplacedSupply);
        const bySupply: [number, number][][] = supply.map(() => []);
        for (let d = 0; d < demand.length; d++) for (let k = want.offsets[d]; k < want.offsets[d + 1]; k++) bySupply[want.supply[k]].push([d, want.distance[k]]);
        for (let j = 0; j < supply.length; j++) {
          const mine: [number, number][] = [];
          for (let k = got.start[j]; k < got.start[j + 1]; k++) mine.push([got.demand[k], got.distance[k]]);
          expect(mine, `seed ${seed}, R ${R}, supply ${j}`).toEqual(bySupply[j]);
        }
        // the supply point on top of community 3 reaches it (and 7) at 0 m
        expect(got.demand.slice(got.start[0], got.start[1])).toContain(3);
      }
    }
  });
});
