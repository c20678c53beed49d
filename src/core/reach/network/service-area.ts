// Service area that follows the streets: the parts of street edges a walker reaches within the
// distance, widened by `halfWidth` metres on both sides (the frontage whose doors open onto the
// reached street), as one (Multi)Polygon. Chosen over a concave hull because a hull bridges rivers,
// rail yards and walls between reached streets — exactly what the network walk exists to avoid.
// The widening is done on a raster (cells of halfWidth/2 in an equirectangular plane centred on the
// source) whose filled cells are traced into rings: robust where a vector union of thousands of
// overlapping buffers fails on nearly coincident vertices, and linear in the area reached.
import type { MultiLineString, MultiPolygon, Polygon, Position } from 'geojson';
import type { ChainGraph } from './chains';
import type { Dijkstra } from './dijkstra';
import { metresPerDegree } from './geodesy';
import type { StreetEdges } from './graph';
import type { Placement } from './placement';

export interface ServiceAreaOptions {
  /** metres either side of a reached street; 30 m ≈ a building plot's depth, the doors that open onto it */
  halfWidth?: number;
  /** raster cell in metres; default halfWidth / 2 (edges of the polygon are stepped at this size) */
  cell?: number;
  /** ignored: kept so callers written for the earlier vector buffer (round caps) still compile */
  capSteps?: number;
}

export interface ServiceArea {
  /** null when nothing is reached (source could not be placed on a street) or halfWidth is 0 */
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

export function serviceAreaPolygon(g: StreetEdges, pieces: { edge: number; from: number; to: number }[], origin: [number, number], opts: ServiceAreaOptions = {}): ServiceArea {
  const halfWidth = opts.halfWidth ?? 30;
  const m = metresPerDegree(origin[1]);
  const lines: Position[][] = [];
  const segs: number[] = []; // x1, y1, x2, y2 in metres from origin
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
    segs.push((lon1 - origin[0]) * m.x, (lat1 - origin[1]) * m.y, (lon2 - origin[0]) * m.x, (lat2 - origin[1]) * m.y);
  }
  let area: Polygon | MultiPolygon | null = null;
  if (halfWidth > 0 && segs.length > 0) {
    const cell = opts.cell ?? Math.max(2, halfWidth / 2);
    const raster = rasterise(segs, halfWidth, cell);
    removeSaddles(raster);
    const rings = traceRings(raster);
    // to 1e-7 degree (≈ 1 cm; the cells are ≥ 2 m): the session keeps the walk areas it hands out
    // packed as integers of 1e-7 degree (core/packed-outlines.ts), half the bytes of doubles
    // + 0: a vertex a few mm west of 0° or south of the equator is 0, not -0 (which no integer holds)
    const at7 = (v: number) => Math.round(v * 1e7) / 1e7 + 0;
    const toLonLat = (r: number[]): Position[] => {
      const out: Position[] = [];
      for (let i = 0; i < r.length; i += 2) out.push([at7(origin[0] + r[i] / m.x), at7(origin[1] + r[i + 1] / m.y)]);
      out.push(out[0]);
      return out;
    };
    const polys = rings.map((p) => p.map(toLonLat));
    area = polys.length === 0 ? null : polys.length === 1 ? { type: 'Polygon', coordinates: polys[0] } : { type: 'MultiPolygon', coordinates: polys };
  }
  return { area, streets: { type: 'MultiLineString', coordinates: lines }, streetLength };
}

export interface Raster {
  filled: Uint8Array;
  nx: number;
  ny: number;
  x0: number;
  y0: number;
  cell: number;
}

/** Cells whose centre lies within r metres of any segment. One empty cell of margin all round. */
function rasterise(segs: number[], r: number, cell: number): Raster {
  let xMin = Infinity;
  let yMin = Infinity;
  let xMax = -Infinity;
  let yMax = -Infinity;
  for (let i = 0; i < segs.length; i += 2) {
    xMin = Math.min(xMin, segs[i]);
    xMax = Math.max(xMax, segs[i]);
    yMin = Math.min(yMin, segs[i + 1]);
    yMax = Math.max(yMax, segs[i + 1]);
  }
  const x0 = xMin - r - cell;
  const y0 = yMin - r - cell;
  const nx = Math.ceil((xMax - xMin + 2 * r) / cell) + 3;
  const ny = Math.ceil((yMax - yMin + 2 * r) / cell) + 3;
  const filled = new Uint8Array(nx * ny);
  const r2 = r * r;
  for (let k = 0; k < segs.length; k += 4) {
    const ax = segs[k];
    const ay = segs[k + 1];
    const dx = segs[k + 2] - ax;
    const dy = segs[k + 3] - ay;
    const len2 = dx * dx + dy * dy;
    const i0 = Math.max(0, Math.floor((Math.min(ax, ax + dx) - r - x0) / cell));
    const i1 = Math.min(nx - 1, Math.floor((Math.max(ax, ax + dx) + r - x0) / cell));
    const j0 = Math.max(0, Math.floor((Math.min(ay, ay + dy) - r - y0) / cell));
    const j1 = Math.min(ny - 1, Math.floor((Math.max(ay, ay + dy) + r - y0) / cell));
    for (let j = j0; j <= j1; j++) {
      const cy = y0 + (j + 0.5) * cell - ay;
      for (let i = i0; i <= i1; i++) {
        if (filled[j * nx + i]) continue;
        const cx = x0 + (i + 0.5) * cell - ax;
        let t = len2 === 0 ? 0 : (cx * dx + cy * dy) / len2;
        t = Math.max(0, Math.min(1, t));
        const ex = cx - t * dx;
        const ey = cy - t * dy;
        if (ex * ex + ey * ey <= r2) filled[j * nx + i] = 1;
      }
    }
  }
  return { filled, nx, ny, x0, y0, cell };
}

/**
 * Fills one empty cell of every 2×2 block whose filled cells touch only at a corner. Such a corner
 * would make a ring touch itself (or a hole touch its outer ring) at a point, which GeoJSON
 * consumers treat as an invalid polygon; filling one cell (≤ one cell of extra width) removes it.
 * Filling can create a new such block next to it, so repeat until there is none.
 */
export function removeSaddles(r: Raster): void {
  const { filled, nx, ny } = r;
  // block (i, j) = cells (i, j), (i+1, j), (i, j+1), (i+1, j+1); fix it if it is a saddle
  const fix = (i: number, j: number): number => {
    if (i < 0 || j < 0 || i + 1 >= nx || j + 1 >= ny) return -1;
    const a = filled[j * nx + i];
    const b = filled[j * nx + i + 1];
    const c = filled[(j + 1) * nx + i];
    const d = filled[(j + 1) * nx + i + 1];
    if (a !== d || b !== c || a === b) return -1;
    const cell = a ? j * nx + i + 1 : j * nx + i;
    filled[cell] = 1;
    return cell;
  };
  const work: number[] = [];
  for (let j = 0; j + 1 < ny; j++)
    for (let i = 0; i + 1 < nx; i++) {
      const c = fix(i, j);
      if (c >= 0) work.push(c);
    }
  // a filled cell can only make a new saddle in the four blocks that contain it
  while (work.length > 0) {
    const c = work.pop() as number;
    const i = c % nx;
    const j = (c - i) / nx;
    for (const [bi, bj] of [
      [i - 1, j - 1],
      [i, j - 1],
      [i - 1, j],
      [i, j],
    ]) {
      const f = fix(bi, bj);
      if (f >= 0) work.push(f);
    }
  }
}

/**
 * Boundaries of the filled cells as polygons: each polygon is [outer, ...holes], rings as flat
 * [x, y, x, y, …] (open; metres), outer counter-clockwise and holes clockwise. Edges are walked with
 * the filled side on the left, turning left first at a corner, so cells touching only diagonally
 * make separate rings. The edges leaving each corner are a bit per direction in one byte per corner
 * (a map of lists and a set of codes cost a large city's walk areas ≈ 2 s of CPU and collection).
 */
export function traceRings(r: Raster): number[][][] {
  const { nx, x0, y0, cell } = r;
  const W = nx + 1; // corners per row
  const { out, order } = boundaryEdges(r);
  // directions 0 = +x, 1 = +y, 2 = −x, 3 = −y
  const DX = [1, 0, -1, 0];
  const DY = [0, 1, 0, -1];
  const used = new Uint8Array(out.length);
  const rings: number[][] = [];
  /** per ring: a filled cell on its left (the side it bounds) */
  const leftCell: number[] = [];
  for (const c0 of order) {
    // a corner's edges in the order the cell scan finds them (−x, −y from the row below, then +y, +x)
    for (const d0 of CORNER_ORDER) {
      if (!(out[c0] & (1 << d0)) || used[c0] & (1 << d0)) continue;
      const ring: number[] = [];
      let c = c0;
      let dir = d0;
      let prevDir = -1;
      for (;;) {
        used[c] |= 1 << dir;
        const ci = c % W;
        const cj = (c - ci) / W;
        if (dir !== prevDir) ring.push(x0 + ci * cell, y0 + cj * cell); // keep corners only
        prevDir = dir;
        const next = (cj + DY[dir]) * W + ci + DX[dir];
        // prefer a left turn, then straight, then right
        let chosen = -1;
        for (const turn of TURNS) {
          const want = (dir + turn) & 3;
          if (out[next] & (1 << want) && !(used[next] & (1 << want))) {
            chosen = want;
            break;
          }
        }
        if (chosen < 0 || (next === c0 && chosen === d0)) break;
        c = next;
        dir = chosen;
      }
      // the start corner is a vertex only if the ring turns there
      if (d0 === prevDir && ring.length > 2) ring.splice(0, 2);
      rings.push(ring);
      // the cell on the left of the first edge: edges walk with the filled side on their left
      const ci = c0 % W;
      const cj = (c0 - ci) / W;
      leftCell.push(d0 === 0 ? cj * nx + ci : d0 === 1 ? cj * nx + ci - 1 : d0 === 2 ? (cj - 1) * nx + ci - 1 : (cj - 1) * nx + ci);
    }
  }
  // A hole belongs to the outer ring of the same patch of filled cells (cells touch along sides
  // only: removeSaddles): one labelling of the raster, instead of testing each hole against the
  // outer rings (tens of thousands of holes × rings of a million vertices on a large city).
  const patch = patches(r);
  const outerOf = new Map<number, number[][]>();
  const holes: { ring: number[]; patch: number }[] = [];
  rings.forEach((ring, k) => {
    if (signedArea(ring) > 0) outerOf.set(patch[leftCell[k]], [ring]);
    else holes.push({ ring, patch: patch[leftCell[k]] });
  });
  for (const h of holes) outerOf.get(h.patch)?.push(h.ring);
  return [...outerOf.values()];
}

/** left turn, straight on, right turn */
const TURNS = [1, 0, 3];
/** the order in which the cell scan of boundaryEdges finds a corner's edges */
const CORNER_ORDER = [2, 3, 1, 0];

/** Per corner ((nx + 1) × (ny + 1)): a bit per direction of a boundary edge leaving it (filled cell
 *  on its left), and the corners with any, in the order a row-by-row scan of the cells first finds them. */
function boundaryEdges(r: Raster): { out: Uint8Array; order: number[] } {
  const { filled, nx, ny } = r;
  const W = nx + 1;
  const out = new Uint8Array(W * (ny + 1));
  const order: number[] = [];
  const add = (c: number, dir: number): void => {
    if (out[c] === 0) order.push(c);
    out[c] |= 1 << dir;
  };
  // the margin of empty cells all round (rasterise) keeps every filled cell's neighbours inside
  for (let j = 0; j < ny; j++)
    for (let i = 0; i < nx; i++) {
      const k = j * nx + i;
      if (!filled[k]) continue;
      if (!filled[k - nx]) add(j * W + i, 0); // bottom side, walked +x
      if (!filled[k + 1]) add(j * W + i + 1, 1); // right side, walked +y
      if (!filled[k + nx]) add((j + 1) * W + i + 1, 2); // top side, walked −x
      if (!filled[k - 1]) add((j + 1) * W + i, 3); // left side, walked −y
    }
  return { out, order };
}

/** Each filled cell's patch (cells joined along a side), by a flood fill; -1 for an empty cell. */
function patches(r: Raster): Int32Array {
  const { filled, nx, ny } = r;
  const label = new Int32Array(nx * ny).fill(-1);
  const stack: number[] = [];
  let next = 0;
  const join = (n: number): void => {
    if (filled[n] && label[n] < 0) {
      label[n] = next;
      stack.push(n);
    }
  };
  for (let start = 0; start < filled.length; start++) {
    if (!filled[start] || label[start] >= 0) continue;
    label[start] = next;
    stack.push(start);
    while (stack.length > 0) {
      const c = stack.pop() as number;
      const i = c % nx;
      if (i > 0) join(c - 1);
      if (i + 1 < nx) join(c + 1);
      if (c >= nx) join(c - nx);
      if (c + nx < nx * ny) join(c + nx);
    }
    next++;
  }
  return label;
}

function signedArea(ring: number[]): number {
  let a = 0;
  for (let i = 0, n = ring.length; i < n; i += 2) {
    const j = (i + 2) % n;
    a += ring[i] * ring[j + 1] - ring[j] * ring[i + 1];
  }
  return a / 2;
}
