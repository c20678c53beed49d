// Demand: what each community still needs after the existing facilities have served it.
// Existing facilities stay fixed and serve first. Allocation is nearest-first: all
// (community, facility) pairs within the circle are taken in order of distance, and each gives
// the community as much as both still have. It is simple, reproducible and explainable ("the
// nearest centre with room takes you"); a 2SFCA ratio would not say who is left unserved.
// Ties in distance go to the lower community index, then the lower facility index.
import type { ReachPairs } from '../reach/types';

export interface Allocation {
  /** what is left per demand point */
  residual: Float64Array;
  /** served by existing facilities, summed */
  served: number;
}

/** `need[i]` per demand point; `supply[f]` per existing facility (Infinity = unknown or unlimited:
 *  serves its whole catchment); `pairs` demand → facility within the circle. */
export function allocateNearestFirst(need: Float64Array, supply: Float64Array, pairs: ReachPairs): Allocation {
  const residual = Float64Array.from(need);
  const room = Float64Array.from(supply);
  const n = need.length;
  const total = pairs.supply.length;
  const demandOf = new Uint32Array(total);
  for (let i = 0; i < n; i++) for (let k = pairs.offsets[i]; k < pairs.offsets[i + 1]; k++) demandOf[k] = i;
  const order = new Uint32Array(total);
  for (let k = 0; k < total; k++) order[k] = k;
  order.sort((a, b) => pairs.distance[a] - pairs.distance[b] || demandOf[a] - demandOf[b] || pairs.supply[a] - pairs.supply[b]);
  let served = 0;
  for (let t = 0; t < total; t++) {
    const k = order[t];
    const i = demandOf[k];
    const f = pairs.supply[k];
    const take = Math.min(residual[i], room[f]);
    if (take > 0) {
      residual[i] -= take;
      room[f] -= take;
      served += take;
    }
  }
  return { residual, served };
}

/** Uncapacitated coverage: a demand point within any existing circle is served entirely. */
export function coveredByAny(need: Float64Array, pairs: ReachPairs): Allocation {
  const residual = Float64Array.from(need);
  let served = 0;
  for (let i = 0; i < need.length; i++) {
    if (pairs.offsets[i + 1] > pairs.offsets[i]) {
      served += residual[i];
      residual[i] = 0;
    }
  }
  return { residual, served };
}
