// Points placed on the street graph, grouped by owner (a community may have several entrances;
// the walk starts at whichever is best). A point snaps to an original street segment; it is then
// located on that segment's chain (chains.ts), `pos` metres from the chain's start junction, and
// hangs off both end junctions with the cost of the snapping leg plus the way along the chain.
// Lookup tables by junction and by chain let a search from one facility find the communities it
// reaches in time proportional to what it reaches.
import type { LonLat } from '../types';
import type { ChainGraph } from './chains';
import type { StreetEdges } from './graph';
import type { EdgeIndex } from './snap';

export interface Placement {
  /** per placed point: owner index and leg (m; where on its edge it lies is kept as `pos` on the
   *  chain: the edge and fraction it was snapped to are not kept, 12 bytes a way out) */
  owner: Uint32Array;
  leg: Float64Array;
  /** chain and metres from the chain start (the walks to its end junctions: toStart, toEnd) */
  chain: Uint32Array;
  pos: Float64Array;
  /** per placed point: its index among all the input points (the groups flattened in order) */
  point: Uint32Array;
  /** CSR by owner: placed points of owner i are ownerStart[i] .. ownerStart[i+1]-1 (points are stored in owner order) */
  ownerStart: Uint32Array;
  /** owners none of whose points could be placed within the snap distance */
  unplaced: number[];
  /** points with an invalid coordinate, as [owner, point] (also counted as unplaced if all fail) */
  invalid: [number, number][];
  /** CSR by chain: placed points on chain c */
  byChainStart: Uint32Array;
  byChainItem: Uint32Array;
}

/** Point groups: group i lists the points of owner i (one point for most owners). */
export type PointGroups = readonly (readonly LonLat[])[];

/** Point groups packed: group i's points are (xy[2k], xy[2k+1]) for k in start[i] .. start[i+1]-1 —
 *  a city's half a million ways out in two typed arrays instead of an array per point (the
 *  garbage collector traced and copied those for seconds on opening). Never written once made. */
export interface PackedGroups {
  readonly start: Uint32Array;
  readonly xy: Float64Array;
}

export const isPacked = (g: PointGroups | PackedGroups): g is PackedGroups => !Array.isArray(g);

/** The groups packed (a coordinate that is not a number is NaN: such a point is not placed). */
export function packGroups(groups: PointGroups | PackedGroups): PackedGroups {
  if (isPacked(groups)) return groups;
  const start = new Uint32Array(groups.length + 1);
  for (let i = 0; i < groups.length; i++) start[i + 1] = start[i] + groups[i].length;
  const xy = new Float64Array(2 * start[groups.length]);
  let k = 0;
  const num = (v: unknown): number => (typeof v === 'number' ? v : Number.NaN);
  for (const g of groups)
    for (const p of g) {
      const ok = Array.isArray(p);
      xy[k++] = ok ? num(p[0]) : Number.NaN;
      xy[k++] = ok ? num(p[1]) : Number.NaN;
    }
  return { start, xy };
}

/** how many groups */
export const groupCount = (g: PointGroups | PackedGroups): number => (isPacked(g) ? g.start.length - 1 : g.length);

export function place(_g: StreetEdges, cg: ChainGraph, index: EdgeIndex, groups: PackedGroups, snapDistance: number, withLookups = true): Placement {
  const { start, xy } = groups;
  const count = start.length - 1;
  const total = start[count];
  // filled up to n, then cut: typed arrays from the start, no object per point
  const ownerAll = new Uint32Array(total);
  const pointAll = new Uint32Array(total);
  const edgeAll = new Uint32Array(total);
  const tAll = new Float64Array(total);
  const legAll = new Float64Array(total);
  const unplaced: number[] = [];
  const invalid: [number, number][] = [];
  const ownerStart = new Uint32Array(count + 1);
  let n = 0;
  for (let i = 0; i < count; i++) {
    const before = n;
    for (let at = start[i]; at < start[i + 1]; at++) {
      const x = xy[2 * at];
      const y = xy[2 * at + 1];
      if (!Number.isFinite(x) || !Number.isFinite(y)) {
        invalid.push([i, at - start[i]]);
        continue;
      }
      if (!index.find(x, y, snapDistance)) continue;
      ownerAll[n] = i;
      pointAll[n] = at;
      edgeAll[n] = index.hitEdge;
      tAll[n] = index.hitT;
      legAll[n] = index.hitLeg;
      n++;
    }
    if (n === before) unplaced.push(i);
    ownerStart[i + 1] = n;
  }
  const owner = ownerAll.slice(0, n);
  const point = pointAll.slice(0, n);
  const leg = legAll.slice(0, n);
  const chain = new Uint32Array(n);
  const pos = new Float64Array(n);
  for (let p = 0; p < n; p++) {
    const e = edgeAll[p];
    const c = cg.edgeChain[e];
    chain[p] = c;
    pos[p] = cg.edgePosA[e] + tAll[p] * (cg.edgePosB[e] - cg.edgePosA[e]);
  }
  const pl: Placement = {
    owner,
    point,
    leg,
    chain,
    pos,
    ownerStart,
    unplaced,
    invalid,
    byChainStart: new Uint32Array(1),
    byChainItem: new Uint32Array(0),
  };
  if (withLookups) addLookups(cg, pl);
  return pl;
}

/** the points on each chain (the points by junction a search offers to: offers.ts) */
function addLookups(cg: ChainGraph, pl: Placement): void {
  const n = pl.owner.length;
  const C = cg.chainCount;
  const edgeStart = new Uint32Array(C + 1);
  for (let p = 0; p < n; p++) edgeStart[pl.chain[p] + 1]++;
  for (let c = 0; c < C; c++) edgeStart[c + 1] += edgeStart[c];
  const edgeFill = edgeStart.slice(0, C);
  const edgeItem = new Uint32Array(n);
  for (let p = 0; p < n; p++) edgeItem[edgeFill[pl.chain[p]]++] = p;
  pl.byChainStart = edgeStart;
  pl.byChainItem = edgeItem;
}

/** The walking cost from placed point p to its chain's start junction: its leg and along the chain
 *  (worked out when read, the very sums a kept array held: 16 bytes a way out less with toEnd) */
export function toStart(pl: Placement, p: number): number {
  return pl.leg[p] + pl.pos[p];
}

/** ... and to its chain's end junction */
export function toEnd(cg: ChainGraph, pl: Placement, p: number): number {
  return pl.leg[p] + (cg.chainLength[pl.chain[p]] - pl.pos[p]);
}

/** Seeds for a search from the given placed points: both end junctions of each one's chain. */
export function seedsOf(cg: ChainGraph, pl: Placement, points: ArrayLike<number>): { node: Uint32Array; dist: Float64Array; label: Int32Array } {
  const node = new Uint32Array(points.length * 2);
  const dist = new Float64Array(points.length * 2);
  const label = new Int32Array(points.length * 2);
  for (let i = 0; i < points.length; i++) {
    const p = points[i];
    const c = pl.chain[p];
    node[2 * i] = cg.chainStart[c];
    dist[2 * i] = toStart(pl, p);
    label[2 * i] = pl.owner[p];
    node[2 * i + 1] = cg.chainEnd[c];
    dist[2 * i + 1] = toEnd(cg, pl, p);
    label[2 * i + 1] = pl.owner[p];
  }
  return { node, dist, label };
}

/** Walk between two points placed on the same chain, without leaving it. */
export function sameChainDistance(a: Placement, pa: number, b: Placement, pb: number): number {
  return a.leg[pa] + Math.abs(a.pos[pa] - b.pos[pb]) + b.leg[pb];
}
