// The straight-line pairs as they were before the grid (KD-tree over the supply with kdbush, a
// degree box per demand point, haversine per point in the box, boxed arrays for the long runs'
// sort): the baseline the grid is timed against in tests/bench/suggest.bench.ts. The tests compare
// the engine with a brute-force loop, not with this.
import KDBush from 'kdbush';
import { degreeBox, haversine } from '../../../src/core/geo';
import type { LonLat, ReachEngine, ReachPairs, ReachQuery } from '../../../src/core/reach/types';

/** An engine with these pairs and no nearest search of its own (callers ask for all pairs and keep
 *  the first, as the suggestion did). */
export function createKdTreeEngine(): ReachEngine {
  return { mode: 'straight', pairs: kdTreePairs };
}

/** Growable typed output: millions of pairs without a JS array of boxed numbers or an object per pair. */
function grow<T extends Uint32Array | Float64Array>(a: T, need: number): T {
  if (need <= a.length) return a;
  const b = new (a.constructor as new (n: number) => T)(Math.max(need, a.length * 2));
  b.set(a);
  return b;
}

const isPlaced = (p: LonLat) => Number.isFinite(p[0]) && Number.isFinite(p[1]);

/** What both searches start from: the points without a position, and a KD-tree over the placed supply
 *  (`placed[k]` is the supply index of the tree's k-th point). */
function indexSupply(q: ReachQuery) {
  const unplacedDemand = q.demand.flatMap((p, i) => (isPlaced(p) ? [] : [i]));
  const unplacedSupply = q.supply.flatMap((p, i) => (isPlaced(p) ? [] : [i]));
  const placed = q.supply.flatMap((p, i) => (isPlaced(p) ? [i] : []));
  const index = placed.length > 0 ? new KDBush(placed.length) : undefined;
  if (index) {
    for (const i of placed) index.add(q.supply[i][0], q.supply[i][1]);
    index.finish();
  }
  return { unplacedDemand, unplacedSupply, placed, index };
}

export function kdTreePairs(q: ReachQuery): ReachPairs {
  const offsets = new Uint32Array(q.demand.length + 1);
  let supplyOut = new Uint32Array(1024);
  let distOut = new Float64Array(1024);
  let n = 0;
  const { unplacedDemand, unplacedSupply, placed, index } = indexSupply(q);
  for (let d = 0; d < q.demand.length; d++) {
    offsets[d] = n;
    const p = q.demand[d];
    if (!index || !isPlaced(p)) continue;
    const { dLon, dLat } = degreeBox(p[1], q.maxDistance);
    const start = n;
    const found = index.range(p[0] - dLon, p[1] - dLat, p[0] + dLon, p[1] + dLat);
    if (n + found.length > supplyOut.length) {
      supplyOut = grow(supplyOut, n + found.length);
      distOut = grow(distOut, n + found.length);
    }
    for (let f = 0; f < found.length; f++) {
      const s = placed[found[f]];
      const m = haversine(p, q.supply[s]);
      if (m > q.maxDistance) continue;
      distOut[n] = m;
      supplyOut[n++] = s;
    }
    sortRun(supplyOut, distOut, start, n);
  }
  offsets[q.demand.length] = n;
  return {
    offsets,
    supply: supplyOut.slice(0, n),
    distance: distOut.slice(0, n),
    unplacedDemand,
    unplacedSupply,
  };
}

/**
 * One demand point's run, by distance then supply index. Runs are usually short (insertion sort),
 * but thousands of facilities at one spot (a file's points all at the same coordinates) make a
 * run of thousands, where insertion would be quadratic.
 */
function sortRun(supply: Uint32Array, dist: Float64Array, start: number, end: number): void {
  if (end - start > 32) {
    const order = Array.from({ length: end - start }, (_, k) => start + k).sort((a, b) => dist[a] - dist[b] || supply[a] - supply[b]);
    const s = order.map((k) => supply[k]);
    const d = order.map((k) => dist[k]);
    supply.set(s, start);
    dist.set(d, start);
    return;
  }
  for (let i = start + 1; i < end; i++) {
    const m = dist[i];
    const s = supply[i];
    let j = i;
    while (j > start && (dist[j - 1] > m || (dist[j - 1] === m && supply[j - 1] > s))) {
      dist[j] = dist[j - 1];
      supply[j] = supply[j - 1];
      j--;
    }
    dist[j] = m;
    supply[j] = s;
  }
}
