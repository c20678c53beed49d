// Incremental coverage must equal a full recompute after every move, add and remove.
import { describe, expect, it } from 'vitest';
import { createNetworkEngine } from '../../src/core/reach/network-engine';
import type { LonLat, ReachPairs } from '../../src/core/reach/types';
import { randomPlan, randomPoints, rng } from './reference';

function asMap(p: ReachPairs, removed: Set<number> = new Set()): Map<string, number> {
  const m = new Map<string, number>();
  for (let d = 0; d + 1 < p.offsets.length; d++) for (let k = p.offsets[d]; k < p.offsets[d + 1]; k++) if (!removed.has(p.supply[k])) m.set(`${d}:${p.supply[k]}`, p.distance[k]);
  return m;
}

describe('incremental coverage', () => {
  for (let seed = 1; seed <= 8; seed++) {
    it(`random plan ${seed}: 30 random moves/adds/removes each equal a full recompute`, () => {
      const { roads, bbox } = randomPlan(seed, 10);
      const r = rng(seed * 31337);
      const demand = randomPoints(r, 60, bbox);
      const supply = randomPoints(r, 8, bbox);
      const engine = createNetworkEngine(roads, { snapDistance: 150 });
      const cov = engine.coverage({ demand, supply, maxDistance: 700 });
      const removed = new Set<number>();
      let compared = 0;
      for (let step = 0; step < 30; step++) {
        const roll = r();
        const before = asMap(cov.pairs());
        let changed: number[];
        if (roll < 0.7) {
          const alive = supply.map((_, i) => i).filter((i) => !removed.has(i));
          const j = alive[Math.floor(r() * alive.length)];
          supply[j] = randomPoints(r, 1, bbox)[0];
          changed = cov.move(j, [supply[j]]);
        } else if (roll < 0.9) {
          supply.push(randomPoints(r, 1, bbox)[0]);
          const added = cov.add([supply[supply.length - 1]]);
          expect(added.index).toBe(supply.length - 1);
          changed = added.changed;
        } else {
          const alive = supply.map((_, i) => i).filter((i) => !removed.has(i));
          const j = alive[Math.floor(r() * alive.length)];
          removed.add(j);
          changed = cov.remove(j);
        }
        const full = engine.pairs({ demand, supply, maxDistance: 700 });
        const want = asMap(full, removed);
        const got = asMap(cov.pairs());
        expect([...got.keys()].sort()).toEqual([...want.keys()].sort());
        for (const [k, v] of want) expect(got.get(k)).toBe(v);
        compared += want.size;
        // every demand row that differs from before the edit is listed as changed
        const differs = new Set<number>();
        for (const k of new Set([...before.keys(), ...got.keys()])) if (before.get(k) !== got.get(k)) differs.add(Number(k.split(':')[0]));
        for (const d of differs) expect(changed).toContain(d);
        // unplaced facilities are the placeable-check of a full run, minus removed ones
        expect(cov.pairs().unplacedSupply).toEqual(full.unplacedSupply.filter((j) => !removed.has(j)));
      }
      expect(compared).toBeGreaterThan(0);
    });
  }

  it('nearestDistance is the smallest distance in the row', () => {
    const { roads, bbox } = randomPlan(3, 8);
    const r = rng(5);
    const demand = randomPoints(r, 40, bbox);
    const supply = randomPoints(r, 6, bbox);
    const engine = createNetworkEngine(roads, { snapDistance: 150 });
    const cov = engine.coverage({ demand, supply, maxDistance: 700 });
    const p = engine.pairs({ demand, supply, maxDistance: 700 });
    for (let d = 0; d < demand.length; d++) expect(cov.nearestDistance(d)).toBe(p.offsets[d] < p.offsets[d + 1] ? p.distance[p.offsets[d]] : Infinity);
  });

  it('refuses to move a facility that does not exist, saying which indices do', () => {
    const engine = createNetworkEngine(randomPlan(1).roads, { snapDistance: 150 });
    const cov = engine.coverage({ demand: [], supply: [[108.9, 34.1] as LonLat], maxDistance: 700 });
    expect(() => cov.move(3, [[108.9, 34.1]])).toThrow(/no facility with index 3 .*0\.\.0/);
  });
});
