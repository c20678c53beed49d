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

export function straightPairs(q: ReachQuery): ReachPairs {
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
 * The nearest supply point within maxDistance of each demand point (ties: the lower supply index,
 * as straightPairs orders them), as pairs with at most one per demand. The search box starts at
 * `start` metres and doubles until it holds a point no farther than its own radius: the work is
 * proportional to demand × (points near it), never to every pair within maxDistance.
 */
export function straightNearest(q: ReachQuery, start = 400): ReachPairs {
  const offsets = new Uint32Array(q.demand.length + 1);
  const supplyOut = new Uint32Array(q.demand.length);
  const distOut = new Float64Array(q.demand.length);
  let n = 0;
  const { unplacedDemand, unplacedSupply, placed, index } = indexSupply(q);
  for (let d = 0; d < q.demand.length; d++) {
    offsets[d] = n;
    const p = q.demand[d];
    if (!index || !isPlaced(p)) continue;
    for (let r = Math.min(start, q.maxDistance); ; r = Math.min(2 * r, q.maxDistance)) {
      const { dLon, dLat } = degreeBox(p[1], r);
      let best = -1;
      let bestM = Infinity;
      for (const f of index.range(p[0] - dLon, p[1] - dLat, p[0] + dLon, p[1] + dLat)) {
        const s = placed[f];
        const m = haversine(p, q.supply[s]);
        if (m < bestM || (m === bestM && s < best)) [best, bestM] = [s, m];
      }
      // every point within r lies in the box: a best within r is the nearest of all
      if (bestM <= r) {
        supplyOut[n] = best;
        distOut[n++] = bestM;
        break;
      }
      if (r >= q.maxDistance) break;
    }
  }
  offsets[q.demand.length] = n;
  return { offsets, supply: supplyOut.slice(0, n), distance: distOut.slice(0, n), unplacedDemand, unplacedSupply };
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
