// Straight-line reach: a KD-tree (kdbush) over the supply points, a degree box around each demand
// point as the candidate search, then the exact geodesic (haversine) distance. No all-pairs loop:
// the work is proportional to demand × (supply points near it).
import KDBush from 'kdbush';
import { degreeBox, haversine } from '../geo';
import type { LonLat, ReachEngine, ReachPairs, ReachQuery } from './types';

/**
 * The straight-line reach engine: which supply points lie within a distance of each demand point,
 * measured along the great circle.
 *
 * @example
 * const pairs = createStraightEngine().pairs({ demand: [[108.9, 34.1]], supply: [[108.9, 34.105], [108.95, 34.1]], maxDistance: 810 });
 * // demand 0 reaches supply 0 (≈ 556 m north) and not supply 1 (≈ 4.6 km east):
 * // pairs.offsets = [0, 1], pairs.supply = [0], pairs.distance ≈ [556]
 */
export function createStraightEngine(): ReachEngine {
  return { mode: 'straight', pairs: straightPairs };
}

export function straightPairs(q: ReachQuery): ReachPairs {
  const offsets = new Uint32Array(q.demand.length + 1);
  const supplyOut: number[] = [];
  const distOut: number[] = [];
  const valid = (p: LonLat) => Number.isFinite(p[0]) && Number.isFinite(p[1]);
  const unplacedDemand = q.demand.flatMap((p, i) => (valid(p) ? [] : [i]));
  const unplacedSupply = q.supply.flatMap((p, i) => (valid(p) ? [] : [i]));
  const placed = q.supply.flatMap((p, i) => (valid(p) ? [i] : []));
  const index = placed.length > 0 ? new KDBush(placed.length) : undefined;
  if (index) {
    for (const i of placed) index.add(q.supply[i][0], q.supply[i][1]);
    index.finish();
  }
  for (let d = 0; d < q.demand.length; d++) {
    offsets[d] = supplyOut.length;
    const p = q.demand[d];
    if (!index || !valid(p)) continue;
    const { dLon, dLat } = degreeBox(p[1], q.maxDistance);
    const found: { s: number; m: number }[] = [];
    for (const k of index.range(p[0] - dLon, p[1] - dLat, p[0] + dLon, p[1] + dLat)) {
      const s = placed[k];
      const m = haversine(p, q.supply[s]);
      if (m <= q.maxDistance) found.push({ s, m });
    }
    found.sort((a, b) => a.m - b.m || a.s - b.s);
    for (const f of found) {
      supplyOut.push(f.s);
      distOut.push(f.m);
    }
  }
  offsets[q.demand.length] = supplyOut.length;
  return {
    offsets,
    supply: Uint32Array.from(supplyOut),
    distance: Float64Array.from(distOut),
    unplacedDemand,
    unplacedSupply,
  };
}
