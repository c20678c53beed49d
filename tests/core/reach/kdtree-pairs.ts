// The straight-line pairs as they were before the grid (KD-tree over the supply with kdbush, a
// degree box per demand point, haversine per point in the box; the typed output and its sort are
// the engine's own, src/core/reach/pair-output.ts): the baseline the grid is timed against in
// tests/bench/suggest.bench.ts. The tests compare the engine with a brute-force loop, not with this.
import KDBush from 'kdbush';
import { degreeBox, haversine } from '../../../src/core/geo';
import { grow, isPlaced, sortRun } from '../../../src/core/reach/pair-output';
import type { ReachEngine, ReachPairs, ReachQuery } from '../../../src/core/reach/types';

/** An engine with these pairs and no nearest search of its own (callers ask for all pairs and keep
 *  the first, as the suggestion did). */
export function createKdTreeEngine(): ReachEngine {
  return { mode: 'straight', pairs: kdTreePairs };
}

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
