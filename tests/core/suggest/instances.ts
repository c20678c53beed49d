// Small instances for the solver tests, and a seeded generator of random ones.
import type { CoverageInstance } from '../../../src/core/suggest/solver';
import type { SmallInstance } from './exact';
import { mulberry32 as rng } from '../../../scripts/demo/prng';

export { rng };

/** The solver's CSR form of a small instance; reach lists are taken as nearest-first. */
export function toCoverage(s: SmallInstance): CoverageInstance {
  const offsets = new Uint32Array(s.reach.length + 1);
  s.reach.forEach((row, j) => (offsets[j + 1] = offsets[j] + row.length));
  return {
    weight: Float64Array.from(s.weights),
    offsets,
    demand: Uint32Array.from(s.reach.flat()),
    capacity: Float64Array.from(s.capacity),
    cost: Float64Array.from(s.cost),
  };
}

export function randomInstance(seed: number, opts: { demand: number; candidates: number; capacitated: boolean }): SmallInstance {
  const r = rng(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const weights = Array.from({ length: opts.demand }, () => int(0, 20));
  const reach = Array.from({ length: opts.candidates }, () => {
    const row = Array.from({ length: opts.demand }, (_, i) => i).filter(() => r() < 0.35);
    // shuffle so "nearest first" is not simply index order
    for (let i = row.length - 1; i > 0; i--) {
      const k = int(0, i);
      [row[i], row[k]] = [row[k], row[i]];
    }
    return row;
  });
  const capacity = reach.map(() => (opts.capacitated ? int(3, 25) : Infinity));
  const cost = reach.map(() => int(1, 10));
  return { weights, reach, capacity, cost };
}
