// Service area that follows the streets: the parts of street edges a walker reaches within the
// distance, each widened by `halfWidth` metres on both sides (the frontage whose doors open onto
// the reached street) and merged into one (Multi)Polygon. Chosen over a concave hull because a
// hull bridges rivers, rail yards and walls between reached streets — exactly what the network
// walk exists to avoid. Widening is done in an equirectangular plane centred on the source.
import { featureCollection, polygon as turfPolygon, union } from '@turf/turf';
import type { Feature, MultiLineString, MultiPolygon, Polygon, Position } from 'geojson';
import type { ChainGraph } from './chains';
import type { Dijkstra } from './dijkstra';
import { metresPerDegree } from './geodesy';
import type { StreetGraph } from './graph';
import type { Placement } from './placement';

export interface ServiceAreaOptions {
  /** metres either side of a reached street; 30 m ≈ a building plot's depth, the doors that open onto it */
  halfWidth?: number;
  /** straight pieces per half circle of the rounded ends; 4 keeps polygons small */
  capSteps?: number;
}

export interface ServiceArea {
  /** null when nothing is reached (source could not be placed on a street) */
  area: Polygon | MultiPolygon | null;
  /** the reached street pieces themselves */
  streets: MultiLineString;
  /** metres of street reached */
  streetLength: number;
}

/** Fractions [from, to] of each original edge reached, after a Dijkstra run from the placed source points. */
export function reachedPieces(cg: ChainGraph, dj: Dijkstra, source: Placement, cutoff: number): { edge: number; from: number; to: number }[] {
  // reached intervals along each chain, in metres from its start
  const spans = new Map<number, [number, number][]>();
  const addSpan = (c: number, from: number, to: number): void => {
    if (to < from) return;
    const list = spans.get(c);
    if (list) list.push([from, to]);
    else spans.set(c, [[from, to]]);
  };
  for (let i = 0; i < dj.touchedCount; i++) {
    const u = dj.touched[i];
    const left = cutoff - dj.dist[u];
    for (let k = cg.offsets[u]; k < cg.offsets[u + 1]; k++) {
      const c = cg.adjChain[k];
      const len = cg.chainLength[c];
      const reach = Math.min(len, left);
      if (cg.chainStart[c] === u) addSpan(c, 0, reach);
      if (cg.chainEnd[c] === u) addSpan(c, len - reach, len);
    }
  }
  // the source's own chain can also be walked along directly from where the source stands
  for (let p = 0; p < source.owner.length; p++) {
    const left = cutoff - source.leg[p];
    if (left < 0) continue;
    const c = source.chain[p];
    addSpan(c, Math.max(0, source.pos[p] - left), Math.min(cg.chainLength[c], source.pos[p] + left));
  }
  const out: { edge: number; from: number; to: number }[] = [];
  for (const [c, list] of spans) {
    list.sort((a, b) => a[0] - b[0]);
    const merged: [number, number][] = [];
    for (const [from, to] of list) {
      const last = merged[merged.length - 1];
      if (last && from <= last[1]) last[1] = Math.max(last[1], to);
      else merged.push([from, to]);
    }
    // cut the chain intervals back into pieces of its original edges
    for (let k = cg.chainEdgeOffsets[c]; k < cg.chainEdgeOffsets[c + 1]; k++) {
      const e = cg.chainEdges[k];
      const pa = cg.edgePosA[e];
      const pb = cg.edgePosB[e];
      const lo = Math.min(pa, pb);
      const hi = Math.max(pa, pb);
      for (const [from, to] of merged) {
        const a = Math.max(lo, from);
        const b = Math.min(hi, to);
        if (b < a || (b === a && hi > lo)) continue;
        const ta = hi === lo ? 0 : (a - pa) / (pb - pa);
        const tb = hi === lo ? 1 : (b - pa) / (pb - pa);
        out.push({ edge: e, from: Math.min(ta, tb), to: Math.max(ta, tb) });
      }
    }
  }
  return out;
}

export function serviceAreaPolygon(g: StreetGraph, pieces: { edge: number; from: number; to: number }[], origin: [number, number], opts: ServiceAreaOptions = {}): ServiceArea {
  const halfWidth = opts.halfWidth ?? 30;
  const capSteps = opts.capSteps ?? 4;
  const m = metresPerDegree(origin[1]);
  const lines: Position[][] = [];
  const capsules: Feature<Polygon>[] = [];
  let streetLength = 0;
  for (const { edge, from, to } of pieces) {
    const a = g.edgeA[edge];
    const b = g.edgeB[edge];
    const lon1 = g.lon[a] + from * (g.lon[b] - g.lon[a]);
    const lat1 = g.lat[a] + from * (g.lat[b] - g.lat[a]);
    const lon2 = g.lon[a] + to * (g.lon[b] - g.lon[a]);
    const lat2 = g.lat[a] + to * (g.lat[b] - g.lat[a]);
    lines.push([
      [lon1, lat1],
      [lon2, lat2],
    ]);
    streetLength += (to - from) * g.edgeLength[edge];
    if (halfWidth > 0) capsules.push(turfPolygon([capsule(lon1, lat1, lon2, lat2, halfWidth, capSteps, m)]));
  }
  let area: Polygon | MultiPolygon | null = null;
  if (capsules.length === 1) area = capsules[0].geometry;
  else if (capsules.length > 1) area = union(featureCollection(capsules))?.geometry ?? null;
  return { area, streets: { type: 'MultiLineString', coordinates: lines }, streetLength };
}

/** A segment widened by r metres with rounded ends, as a closed ring (counter-clockwise) in lon/lat. */
function capsule(lon1: number, lat1: number, lon2: number, lat2: number, r: number, steps: number, m: { x: number; y: number }): Position[] {
  const dx = (lon2 - lon1) * m.x;
  const dy = (lat2 - lat1) * m.y;
  const heading = dx === 0 && dy === 0 ? 0 : Math.atan2(dy, dx);
  const ring: Position[] = [];
  // half circle around the end point, then around the start point
  for (let i = 0; i <= steps; i++) {
    const a = heading - Math.PI / 2 + (Math.PI * i) / steps;
    ring.push([lon2 + (r * Math.cos(a)) / m.x, lat2 + (r * Math.sin(a)) / m.y]);
  }
  for (let i = 0; i <= steps; i++) {
    const a = heading + Math.PI / 2 + (Math.PI * i) / steps;
    ring.push([lon1 + (r * Math.cos(a)) / m.x, lat1 + (r * Math.sin(a)) / m.y]);
  }
  ring.push(ring[0]);
  return ring;
}
