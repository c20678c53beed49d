// Two-step floating catchment (2SFCA; Luo & Wang 2003): supply reachable within the service circle,
// shared among all the communities that reach it.
//   step 1, per facility j:   R_j = S_j ÷ Σ_{i reaches j} D_i
//   step 2, per community i:  A_i = Σ_{j reached by i} R_j      (supply per unit of demand)
//   shared supply of i:       A_i × D_i
// Σ_i A_i × D_i = Σ_j S_j over facilities that some community reaches, so no supply is created or
// lost — only shared out. Communities with unknown demand are left out of the denominators (their
// residents cannot be counted) and get no share; facilities with unknown capacity add nothing and
// are listed per community, so the rule can say the figure is a lower bound.
import type { PairRows } from '../reach/types';

export interface CatchmentShare {
  /** A_i: supply per unit of demand reachable from community i */
  accessibility: Float64Array;
  /** A_i × D_i (0 where D_i is unknown) */
  share: Float64Array;
  /** per community: reachable facilities (in the filter) whose capacity is unknown */
  unknownCapacity: number[][];
  /** R_j per facility (0 where its capacity is unknown, nobody reaches it or it is filtered out) */
  ratio: Float64Array;
}

export function twoStepFloatingCatchment(
  pairs: PairRows,
  demand: readonly (number | undefined)[],
  capacity: readonly (number | undefined)[],
  include: (facility: number) => boolean = () => true,
): CatchmentShare {
  const n = demand.length;
  const load = new Float64Array(capacity.length);
  for (let i = 0; i < n; i++) {
    const d = demand[i];
    if (d === undefined) continue;
    for (let k = pairs.start[i]; k < pairs.end[i]; k++) load[pairs.supply[k]] += d;
  }
  const ratio = new Float64Array(capacity.length);
  capacity.forEach((s, j) => {
    if (s !== undefined && load[j] > 0 && include(j)) ratio[j] = s / load[j];
  });
  const out: CatchmentShare = { accessibility: new Float64Array(n), share: new Float64Array(n), unknownCapacity: [], ratio };
  for (let i = 0; i < n; i++) accessOf(out, i, pairs, demand, capacity, include);
  return out;
}

/** Step 2 for community i, into `out` (ratio filled): also what an edit re-runs for the
 *  communities whose walks changed (rules/ratio.ts, carryShares). */
export function accessOf(
  out: CatchmentShare,
  i: number,
  pairs: PairRows,
  demand: readonly (number | undefined)[],
  capacity: readonly (number | undefined)[],
  include: (facility: number) => boolean,
): void {
  const unknown: number[] = [];
  let a = 0;
  for (let k = pairs.start[i]; k < pairs.end[i]; k++) {
    const j = pairs.supply[k];
    if (!include(j)) continue;
    if (capacity[j] === undefined) unknown.push(j);
    else a += out.ratio[j];
  }
  out.accessibility[i] = a;
  const d = demand[i];
  out.share[i] = d === undefined ? 0 : a * d;
  out.unknownCapacity[i] = unknown;
}
