// Network reach on a built graph: which communities each facility reaches within a walking
// distance (one bounded Dijkstra per facility, from both ends of the edge it is placed on), and
// the n nearest facilities of every community (one multi-source k-nearest search).
import type { ReachPairs } from '../types';
import { Dijkstra, kNearestSeeds } from './dijkstra';
import type { ChainGraph } from './chains';
import type { StreetEdges } from './graph';
import { junctionOffers, type JunctionOffers } from './offers';
import { isUnchanging } from './unchanging';
import { groupCount, packGroups, place, sameChainDistance, seedsOf, toEnd, toStart, type PackedGroups, type Placement, type PointGroups } from './placement';
import type { EdgeIndex } from './snap';

/** Demand owners reached by one supply owner, and how far. */
export interface SupplyReach {
  demand: Uint32Array;
  distance: Float64Array;
}

/** placements kept for reuse: communities, and the facilities of a few circles */
const RECENT_PLACEMENTS = 4;

/** the packings hold the same groups, coordinate by coordinate (NaN, an invalid coordinate, matches NaN) */
function samePacking(a: PackedGroups, b: PackedGroups): boolean {
  if (a === b) return true;
  if (a.start.length !== b.start.length || a.xy.length !== b.xy.length) return false;
  for (let i = 0; i < a.start.length; i++) if (a.start[i] !== b.start[i]) return false;
  const x = a.xy;
  const y = b.xy;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i] && !(Number.isNaN(x[i]) && Number.isNaN(y[i]))) return false;
  return true;
}

/** the nearest supply of each placed point of the demand owners (nearestByPoint), from one search kept */
export type NearestSearch = (
  demand: PointGroups | PackedGroups,
  owners: readonly number[],
  snapDistance: number,
) => { point: Uint32Array; supply: Int32Array; distance: Float64Array };

export interface NearestResult {
  /** n slots per demand: supply index (−1 where fewer than n are within maxDistance) and metres */
  n: number;
  supply: Int32Array;
  distance: Float64Array;
  unplacedDemand: number[];
  unplacedSupply: number[];
}

export class NetworkReach {
  readonly dijkstra: Dijkstra;
  private best = new Float64Array(0);
  private bestTouched = new Uint32Array(0);
  private readonly recent: { groups: PackedGroups; snapDistance: number; withLookups: boolean; placement: Placement }[] = [];

  constructor(
    readonly graph: StreetEdges,
    readonly chains: ChainGraph,
    readonly index: EdgeIndex,
  ) {
    this.dijkstra = new Dijkstra(chains);
  }

  /**
   * Places point groups on the network. The last few placements are kept and reused when the same
   * coordinates come again (the communities, evaluated for one circle after another), checked
   * coordinate by coordinate — or, for packed groups marked unchanging (unchangingGroups), by
   * identity — so a changed input is never served a stale placement. Groups given as arrays are
   * packed for it (and their packing kept to compare); packed ones are kept as they are, no copy.
   */
  place(groups: PointGroups | PackedGroups, snapDistance: number, withLookups = true, reuse = true): Placement {
    const packed = packGroups(groups);
    if (!reuse) return place(this.graph, this.chains, this.index, packed, snapDistance, withLookups);
    const fits = (c: (typeof this.recent)[number]) => c.snapDistance === snapDistance && (c.withLookups || !withLookups);
    let i = isUnchanging(groups) ? this.recent.findIndex((c) => c.groups === groups && fits(c)) : -1;
    if (i < 0) i = this.recent.findIndex((c) => fits(c) && samePacking(c.groups, packed));
    if (i >= 0) {
      // least recently used goes first: the communities, asked for by every circle, stay
      const [c] = this.recent.splice(i, 1);
      this.recent.unshift(c);
      return c.placement;
    }
    const placement = place(this.graph, this.chains, this.index, packed, snapDistance, withLookups);
    this.recent.unshift({ groups: packed, snapDistance, withLookups, placement });
    if (this.recent.length > RECENT_PLACEMENTS) this.recent.pop();
    return placement;
  }

  /** the offers by junction of the last `extra` each demand placement was walked to (offers.ts) */
  private readonly offersKept = new WeakMap<Placement, { extra: ArrayLike<number> | null; offers: JunctionOffers }>();

  /** The demand's offers for `extra` (by input point): kept for an unchanging `extra` (the
   *  communities' walks inside, read by every walk of an edit), made anew for any other (an array
   *  its caller may have changed since; bySupply makes them once for all its supply owners). */
  private offersOf(demand: Placement, extra: ArrayLike<number> | null): JunctionOffers {
    const kept = this.offersKept.get(demand);
    if (kept && kept.extra === extra && (extra === null || isUnchanging(extra))) return kept.offers;
    let byPoint: Float64Array | null = null;
    if (extra) {
      byPoint = new Float64Array(demand.point.length);
      for (let q = 0; q < demand.point.length; q++) byPoint[q] = extra[demand.point[q]];
    }
    const offers = junctionOffers(this.chains, demand, byPoint);
    this.offersKept.set(demand, { extra, offers });
    return offers;
  }

  /**
   * Demand owners within maxDistance of the placed points sp[first .. end-1] of one supply owner.
   * The walk goes from the supply point along its chain to either end junction, through the
   * network, and along the demand's chain to it; a demand on the same chain may also be walked to
   * directly. `extra[i]` (metres, by input demand point, the groups flattened) is added to every
   * walk ending at that point, before the limit is applied (a community's walk inside its outline
   * to the way out i); `offers`, the demand's offers for it when the caller has them.
   */
  reachFrom(
    sp: Placement,
    first: number,
    end: number,
    demand: Placement,
    demandOwners: number,
    maxDistance: number,
    extra: ArrayLike<number> | null = null,
    offers: JunctionOffers = this.offersOf(demand, extra),
  ): SupplyReach {
    if (this.best.length < demandOwners) {
      this.best = new Float64Array(demandOwners).fill(Infinity);
      this.bestTouched = new Uint32Array(demandOwners);
    }
    const best = this.best;
    const touched = this.bestTouched;
    let nTouched = 0;
    const offer = (owner: number, d: number): void => {
      if (d > maxDistance) return;
      if (best[owner] === Infinity) touched[nTouched++] = owner;
      if (d < best[owner]) best[owner] = d;
    };
    const points: number[] = [];
    for (let p = first; p < end; p++) points.push(p);
    const seeds = seedsOf(this.chains, sp, points);
    const dj = this.dijkstra;
    dj.run(seeds.node, seeds.dist, seeds.label, maxDistance);
    const { start, owner, cost } = offers;
    const ex = offers.extra;
    if (ex) {
      // the same sums as the walk to the point and then `extra + walk` (a caller adding them later gets these very numbers)
      for (let i = 0; i < dj.touchedCount; i++) {
        const u = dj.touched[i];
        const du = dj.dist[u];
        for (let k = start[u], stop = start[u + 1]; k < stop; k++) offer(owner[k], ex[k] + (du + cost[k]));
      }
    } else {
      for (let i = 0; i < dj.touchedCount; i++) {
        const u = dj.touched[i];
        const du = dj.dist[u];
        for (let k = start[u], stop = start[u + 1]; k < stop; k++) offer(owner[k], du + cost[k]);
      }
    }
    for (const p of points) {
      const c = sp.chain[p];
      for (let k = demand.byChainStart[c], stop = demand.byChainStart[c + 1]; k < stop; k++) {
        const q = demand.byChainItem[k];
        const d = sameChainDistance(sp, p, demand, q);
        offer(demand.owner[q], extra ? extra[demand.point[q]] + d : d);
      }
    }
    const out: SupplyReach = { demand: new Uint32Array(nTouched), distance: new Float64Array(nTouched) };
    for (let i = 0; i < nTouched; i++) {
      const o = touched[i];
      out.demand[i] = o;
      out.distance[i] = best[o];
      best[o] = Infinity;
    }
    return out;
  }

  /** All demand→supply pairs within maxDistance (the ReachEngine contract). */
  pairs(demandGroups: PointGroups, supplyGroups: PointGroups, maxDistance: number, snapDistance: number): ReachPairs {
    const r = this.bySupply(demandGroups, null, supplyGroups, maxDistance, snapDistance);
    return { ...pairsFromSupplyReach(r.perSupply, demandGroups.length), unplacedDemand: r.unplacedDemand, unplacedSupply: r.unplacedSupply };
  }

  /**
   * The demand owners each supply owner reaches within maxDistance, per supply owner (unsorted):
   * what pairs() gives before it is turned demand-major and sorted. `extra` (metres, by input
   * demand point, the groups flattened) is added to the walks ending at that point; a demand
   * owner's distance is its best point's.
   */
  bySupply(
    demandGroups: PointGroups | PackedGroups,
    extra: ArrayLike<number> | null,
    supplyGroups: PointGroups,
    maxDistance: number,
    snapDistance: number,
  ): { perSupply: SupplyReach[]; unplacedDemand: number[]; unplacedSupply: number[] } {
    const demand = this.place(demandGroups, snapDistance);
    const supply = this.place(supplyGroups, snapDistance, false);
    const perSupply: SupplyReach[] = [];
    const offers = this.offersOf(demand, extra); // once for every supply owner
    for (let j = 0; j < supplyGroups.length; j++) {
      const first = supply.ownerStart[j];
      const end = supply.ownerStart[j + 1];
      perSupply.push(
        first === end
          ? { demand: new Uint32Array(0), distance: new Float64Array(0) }
          : this.reachFrom(supply, first, end, demand, groupCount(demandGroups), maxDistance, extra, offers),
      );
    }
    return { perSupply, unplacedDemand: demand.unplaced, unplacedSupply: supply.unplaced };
  }

  /** The n nearest supply owners of every demand owner, within maxDistance (default: any distance). */
  nearest(demandGroups: PointGroups, supplyGroups: PointGroups, n: number, snapDistance: number, maxDistance = Infinity): NearestResult {
    if (!Number.isInteger(n) || n < 1 || n > 255) throw new RangeError(`nearest: n must be an integer from 1 to 255, got ${n}`);
    const demand = this.place(demandGroups, snapDistance, false);
    const pick = this.nearestPicker(supplyGroups, n, snapDistance, maxDistance);
    const outSupply = new Int32Array(demandGroups.length * n).fill(-1);
    const outDist = new Float64Array(demandGroups.length * n).fill(Infinity);
    for (let o = 0; o < demandGroups.length; o++) pick.into(demand, demand.ownerStart[o], demand.ownerStart[o + 1], outSupply, outDist, o * n);
    return { n, supply: outSupply, distance: outDist, unplacedDemand: demand.unplaced, unplacedSupply: pick.supply.unplaced };
  }

  /**
   * The nearest supply owner (within maxDistance, default any) of each placed point of the given demand owners,
   * each point on its own: `point` is its index among all the demand points (the groups
   * flattened). The demand groups are those of an earlier bySupply() (the communities' ways out),
   * so their placement is reused rather than done again for the few owners asked about.
   */
  nearestByPoint(
    demandGroups: PointGroups | PackedGroups,
    owners: readonly number[],
    supplyGroups: PointGroups,
    snapDistance: number,
    maxDistance = Infinity,
  ): { point: Uint32Array; supply: Int32Array; distance: Float64Array } {
    return this.nearestSearch(supplyGroups, snapDistance, maxDistance, false)(demandGroups, owners, snapDistance);
  }

  /** nearestByPoint's one search from the supply, to be asked for more demand later (`keep`: its
   *  distances and labels copied out of the shared Dijkstra workspace, which the next walk reuses) */
  nearestSearch(supplyGroups: PointGroups, snapDistance: number, maxDistance = Infinity, keep = true): NearestSearch {
    const pick = this.nearestPicker(supplyGroups, 1, snapDistance, maxDistance, keep);
    return (demandGroups, owners, demandSnap) => {
      const demand = this.place(demandGroups, demandSnap, false);
      let m = 0;
      for (const o of owners) m += demand.ownerStart[o + 1] - demand.ownerStart[o];
      const point = new Uint32Array(m);
      const supply = new Int32Array(m).fill(-1);
      const distance = new Float64Array(m).fill(Infinity);
      let k = 0;
      for (const o of owners)
        for (let p = demand.ownerStart[o]; p < demand.ownerStart[o + 1]; p++, k++) {
          point[k] = demand.point[p];
          pick.into(demand, p, p + 1, supply, distance, k);
        }
      return { point, supply, distance };
    };
  }

  /** One search from every supply point (n nearest per junction); `into` writes the n nearest
   *  supply owners of the placed demand points from .. to-1 at out[at .. at+n-1]. */
  private nearestPicker(supplyGroups: PointGroups, n: number, snapDistance: number, maxDistance: number, keep = false) {
    const cg = this.chains;
    const supply = this.place(supplyGroups, snapDistance);
    const all = Array.from({ length: supply.owner.length }, (_, i) => i);
    const seeds = seedsOf(cg, supply, all);
    let labels: Int32Array;
    let dists: Float64Array;
    if (n === 1) {
      // one plain multi-source search: each node keeps the label of the seed that reached it first
      const dj = this.dijkstra;
      dj.run(seeds.node, seeds.dist, seeds.label, maxDistance);
      labels = keep ? dj.label.slice() : dj.label;
      dists = keep ? dj.dist.slice() : dj.dist;
    } else ({ labels, dists } = kNearestSeeds(cg, seeds.node, seeds.dist, seeds.label, n, maxDistance));
    // candidates of one demand: (supply, distance), at most 2n per placed point plus same-chain ones
    const candS: number[] = [];
    const candD: number[] = [];
    const offer = (s: number, d: number): void => {
      if (s < 0 || d > maxDistance) return;
      for (let i = 0; i < candS.length; i++)
        if (candS[i] === s) {
          if (d < candD[i]) candD[i] = d;
          return;
        }
      candS.push(s);
      candD.push(d);
    };
    const into = (demand: Placement, from: number, to: number, outSupply: Int32Array, outDist: Float64Array, at: number): void => {
      candS.length = 0;
      candD.length = 0;
      for (let p = from; p < to; p++) {
        const c = demand.chain[p];
        const a = cg.chainStart[c];
        const b = cg.chainEnd[c];
        const toA = toStart(demand, p);
        const toB = toEnd(cg, demand, p);
        for (let j = 0; j < n; j++) {
          offer(labels[a * n + j], dists[a * n + j] + toA);
          offer(labels[b * n + j], dists[b * n + j] + toB);
        }
        for (let k = supply.byChainStart[c]; k < supply.byChainStart[c + 1]; k++) {
          const q = supply.byChainItem[k];
          offer(supply.owner[q], sameChainDistance(demand, p, supply, q));
        }
      }
      // pick the n smallest (by distance, then index) by repeated selection: n and the list are tiny
      for (let j = 0; j < n && candS.length > 0; j++) {
        let best = 0;
        for (let i = 1; i < candS.length; i++) if (candD[i] < candD[best] || (candD[i] === candD[best] && candS[i] < candS[best])) best = i;
        outSupply[at + j] = candS[best];
        outDist[at + j] = candD[best];
        candS[best] = candS[candS.length - 1];
        candD[best] = candD[candD.length - 1];
        candS.pop();
        candD.pop();
      }
    };
    return { supply, into };
  }
}

/**
 * Walking distance from the nearest of the original nodes `sources` (one node or several) to every
 * original node within cutoff (Infinity beyond): for checking against shortest-path tools that work
 * on the uncontracted graph (pgRouting's pgr_drivingDistance, equicost for several sources).
 */
export function nodeDistances(reach: NetworkReach, sources: number | readonly number[], cutoff: number): Float64Array {
  const g = reach.graph;
  const cg = reach.chains;
  const dj = reach.dijkstra;
  const list = typeof sources === 'number' ? [sources] : sources;
  const seedNode: number[] = [];
  const seedDist: number[] = [];
  // shape-point sources, by chain: they can also walk along their own chain without a junction
  const onChain = new Map<number, number[]>();
  for (const s of list) {
    const j = cg.nodeJunction[s];
    if (j >= 0) {
      seedNode.push(j);
      seedDist.push(0);
      continue;
    }
    const c = cg.nodeChain[s];
    const p = cg.nodePos[s];
    seedNode.push(cg.chainStart[c], cg.chainEnd[c]);
    seedDist.push(p, cg.chainLength[c] - p);
    const at = onChain.get(c);
    if (at) at.push(p);
    else onChain.set(c, [p]);
  }
  dj.run(seedNode, seedDist, new Int32Array(seedNode.length), cutoff);
  const out = new Float64Array(g.nodeCount).fill(Infinity);
  for (let v = 0; v < g.nodeCount; v++) {
    const jv = cg.nodeJunction[v];
    if (jv >= 0) {
      out[v] = dj.dist[jv];
      continue;
    }
    const c = cg.nodeChain[v];
    const p = cg.nodePos[v];
    let d = Math.min(dj.dist[cg.chainStart[c]] + p, dj.dist[cg.chainEnd[c]] + cg.chainLength[c] - p);
    for (const q of onChain.get(c) ?? []) d = Math.min(d, Math.abs(p - q));
    if (d <= cutoff) out[v] = d;
  }
  return out;
}

/** Transposes per-supply reach lists into the demand-major CSR of ReachPairs, each row sorted by distance. */
export function pairsFromSupplyReach(perSupply: readonly SupplyReach[], demandCount: number): Pick<ReachPairs, 'offsets' | 'supply' | 'distance'> {
  const offsets = new Uint32Array(demandCount + 1);
  for (const r of perSupply) for (let i = 0; i < r.demand.length; i++) offsets[r.demand[i] + 1]++;
  for (let d = 0; d < demandCount; d++) offsets[d + 1] += offsets[d];
  const fill = offsets.slice(0, demandCount);
  const supply = new Uint32Array(offsets[demandCount]);
  const distance = new Float64Array(offsets[demandCount]);
  perSupply.forEach((r, j) => {
    for (let i = 0; i < r.demand.length; i++) {
      const k = fill[r.demand[i]]++;
      supply[k] = j;
      distance[k] = r.distance[i];
    }
  });
  sortRows(offsets, supply, distance);
  return { offsets, supply, distance };
}

/** Sorts each CSR row by distance, then supply index (rows can hold hundreds of facilities in a dense centre). */
export function sortRows(offsets: Uint32Array, supply: Uint32Array, distance: Float64Array): void {
  for (let r = 0; r + 1 < offsets.length; r++) if (offsets[r + 1] - offsets[r] > 1) sortRange(supply, distance, offsets[r], offsets[r + 1] - 1);
}

const before = (d: Float64Array, s: Uint32Array, i: number, j: number): boolean => d[i] < d[j] || (d[i] === d[j] && s[i] < s[j]);

/** Quicksort of the parallel arrays on [lo, hi] (inclusive), insertion sort for short ranges. */
function sortRange(s: Uint32Array, d: Float64Array, lo: number, hi: number): void {
  while (hi - lo > 16) {
    // median of three as pivot, moved to hi
    const mid = (lo + hi) >> 1;
    if (before(d, s, mid, lo)) swap(s, d, mid, lo);
    if (before(d, s, hi, lo)) swap(s, d, hi, lo);
    if (before(d, s, mid, hi)) swap(s, d, mid, hi);
    let store = lo;
    for (let i = lo; i < hi; i++) if (before(d, s, i, hi)) swap(s, d, i, store++);
    swap(s, d, store, hi);
    // recurse into the smaller side, loop on the larger (bounded stack depth)
    if (store - lo < hi - store) {
      sortRange(s, d, lo, store - 1);
      lo = store + 1;
    } else {
      sortRange(s, d, store + 1, hi);
      hi = store - 1;
    }
  }
  for (let i = lo + 1; i <= hi; i++) {
    const dv = d[i];
    const sv = s[i];
    let j = i - 1;
    while (j >= lo && (d[j] > dv || (d[j] === dv && s[j] > sv))) {
      d[j + 1] = d[j];
      s[j + 1] = s[j];
      j--;
    }
    d[j + 1] = dv;
    s[j + 1] = sv;
  }
}

function swap(s: Uint32Array, d: Float64Array, i: number, j: number): void {
  const dv = d[i];
  d[i] = d[j];
  d[j] = dv;
  const sv = s[i];
  s[i] = s[j];
  s[j] = sv;
}
