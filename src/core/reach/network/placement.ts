// Points placed on the street graph, grouped by owner (a community may have several entrances;
// the walk starts at whichever is best). Each placed point hangs off both ends of its edge with
// the cost of the snapping leg plus the part of the edge to that end; lookup tables by node and by
// edge let a search from one facility find the communities it reaches in time proportional to
// what it reaches.
import type { LonLat } from '../types';
import type { StreetGraph } from './graph';
import type { EdgeIndex } from './snap';

export interface Placement {
  /** per placed point: owner index, edge, fraction along it, leg, cost to edgeA / edgeB end */
  owner: Uint32Array;
  edge: Uint32Array;
  t: Float64Array;
  leg: Float64Array;
  toA: Float64Array;
  toB: Float64Array;
  /** CSR by owner: placed points of owner i are ownerStart[i] .. ownerStart[i+1]-1 (points are stored in owner order) */
  ownerStart: Uint32Array;
  /** owners none of whose points could be placed within the snap distance */
  unplaced: number[];
  /** points with an invalid coordinate, as [owner, point] (also counted as unplaced if all fail) */
  invalid: [number, number][];
  /** CSR by node: placed points hanging off node u are byNodeItem[byNodeStart[u] .. byNodeStart[u+1]-1], with cost byNodeCost */
  byNodeStart: Uint32Array;
  byNodeItem: Uint32Array;
  byNodeCost: Float64Array;
  /** CSR by edge: placed points on edge e */
  byEdgeStart: Uint32Array;
  byEdgeItem: Uint32Array;
}

/** Point groups: group i lists the points of owner i (one point for most owners). */
export type PointGroups = readonly (readonly LonLat[])[];

export function place(g: StreetGraph, index: EdgeIndex, groups: PointGroups, snapDistance: number, withLookups = true): Placement {
  const owner: number[] = [];
  const edge: number[] = [];
  const t: number[] = [];
  const leg: number[] = [];
  const unplaced: number[] = [];
  const invalid: [number, number][] = [];
  const ownerStart = new Uint32Array(groups.length + 1);
  groups.forEach((pts, i) => {
    let placed = 0;
    pts.forEach((p, j) => {
      if (!Array.isArray(p) || !Number.isFinite(p[0]) || !Number.isFinite(p[1])) {
        invalid.push([i, j]);
        return;
      }
      const s = index.snap(p[0], p[1], snapDistance);
      if (!s) return;
      owner.push(i);
      edge.push(s.edge);
      t.push(s.t);
      leg.push(s.leg);
      placed++;
    });
    if (placed === 0) unplaced.push(i);
    ownerStart[i + 1] = owner.length;
  });
  const n = owner.length;
  const toA = new Float64Array(n);
  const toB = new Float64Array(n);
  for (let p = 0; p < n; p++) {
    const len = g.edgeLength[edge[p]];
    toA[p] = leg[p] + t[p] * len;
    toB[p] = leg[p] + (1 - t[p]) * len;
  }
  const pl: Placement = {
    owner: Uint32Array.from(owner),
    edge: Uint32Array.from(edge),
    t: Float64Array.from(t),
    leg: Float64Array.from(leg),
    toA,
    toB,
    ownerStart,
    unplaced,
    invalid,
    byNodeStart: new Uint32Array(1),
    byNodeItem: new Uint32Array(0),
    byNodeCost: new Float64Array(0),
    byEdgeStart: new Uint32Array(1),
    byEdgeItem: new Uint32Array(0),
  };
  if (withLookups) addLookups(g, pl);
  return pl;
}

function addLookups(g: StreetGraph, pl: Placement): void {
  const n = pl.owner.length;
  const nodeStart = new Uint32Array(g.nodeCount + 1);
  const edgeStart = new Uint32Array(g.edgeCount + 1);
  for (let p = 0; p < n; p++) {
    const e = pl.edge[p];
    nodeStart[g.edgeA[e] + 1]++;
    nodeStart[g.edgeB[e] + 1]++;
    edgeStart[e + 1]++;
  }
  for (let u = 0; u < g.nodeCount; u++) nodeStart[u + 1] += nodeStart[u];
  for (let e = 0; e < g.edgeCount; e++) edgeStart[e + 1] += edgeStart[e];
  const nodeFill = nodeStart.slice(0, g.nodeCount);
  const edgeFill = edgeStart.slice(0, g.edgeCount);
  const nodeItem = new Uint32Array(2 * n);
  const nodeCost = new Float64Array(2 * n);
  const edgeItem = new Uint32Array(n);
  for (let p = 0; p < n; p++) {
    const e = pl.edge[p];
    let k = nodeFill[g.edgeA[e]]++;
    nodeItem[k] = p;
    nodeCost[k] = pl.toA[p];
    k = nodeFill[g.edgeB[e]]++;
    nodeItem[k] = p;
    nodeCost[k] = pl.toB[p];
    edgeItem[edgeFill[e]++] = p;
  }
  pl.byNodeStart = nodeStart;
  pl.byNodeItem = nodeItem;
  pl.byNodeCost = nodeCost;
  pl.byEdgeStart = edgeStart;
  pl.byEdgeItem = edgeItem;
}

/** Seeds for a search from the placed points of the given owners (or all): both ends of each edge. */
export function seedsOf(g: StreetGraph, pl: Placement, points: ArrayLike<number>): { node: Uint32Array; dist: Float64Array; label: Int32Array } {
  const node = new Uint32Array(points.length * 2);
  const dist = new Float64Array(points.length * 2);
  const label = new Int32Array(points.length * 2);
  for (let i = 0; i < points.length; i++) {
    const p = points[i];
    const e = pl.edge[p];
    node[2 * i] = g.edgeA[e];
    dist[2 * i] = pl.toA[p];
    label[2 * i] = pl.owner[p];
    node[2 * i + 1] = g.edgeB[e];
    dist[2 * i + 1] = pl.toB[p];
    label[2 * i + 1] = pl.owner[p];
  }
  return { node, dist, label };
}

/** Walk between two points placed on the same edge, without leaving it. */
export function sameEdgeDistance(g: StreetGraph, a: Placement, pa: number, b: Placement, pb: number): number {
  return a.leg[pa] + Math.abs(a.t[pa] - b.t[pb]) * g.edgeLength[a.edge[pa]] + b.leg[pb];
}
