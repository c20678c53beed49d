// The candidate grid: lattice points `spacing` metres apart (local equirectangular projection
// around the area's centre) that lie inside the area. Laid by scan lines: every ring edge is cut
// with the lattice rows it spans, and each row's crossings give the runs of columns inside — work
// in proportion to edges + crossings + cells, not cells × vertices as a point-in-polygon test per
// cell. The set is exactly pointInArea's (src/core/geo.ts) on the lattice: the crossings use its
// expression and edge orientation, and a cell is inside a ring when an odd number of crossings lie
// east of it, as there (tested against it, holes and concave rings included).
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { bboxOf, localProjector } from '../geo';
import type { LonLat } from '../reach/types';
import { runSteps, Tick, type Steps } from './steps';

/** more grid points than this is almost surely a spacing typed in the wrong unit */
export const MAX_GRID_POINTS = 200_000;

/** Lattice coordinates: longitude of each column (west → east), latitude of each row (south → north). */
interface Lattice {
  lon: Float64Array;
  lat: Float64Array;
}

function lattice(area: Polygon | MultiPolygon, spacing: number): Lattice | null {
  if (!(spacing > 0)) throw new Error(`grid spacing must be a number of metres > 0, got ${spacing}`);
  const b = bboxOf(area);
  if (!Number.isFinite(b.minX)) return null;
  const proj = localProjector([(b.minX + b.maxX) / 2, (b.minY + b.maxY) / 2]);
  const [x0, y0] = proj.toXY([b.minX, b.minY]);
  const [x1, y1] = proj.toXY([b.maxX, b.maxY]);
  const cols = Math.floor((x1 - x0) / spacing) + 1;
  const rows = Math.floor((y1 - y0) / spacing) + 1;
  if (cols * rows > MAX_GRID_POINTS * 4)
    throw new Error(`a ${spacing} m grid over this area has about ${cols * rows} points; use a larger spacing (limit ${MAX_GRID_POINTS} inside the area)`);
  // centre the grid in the bounding box so the margins are even
  const ox = x0 + (x1 - x0 - (cols - 1) * spacing) / 2;
  const oy = y0 + (y1 - y0 - (rows - 1) * spacing) / 2;
  // toLonLat maps x to longitude and y to latitude independently: one column / row each
  return {
    lon: Float64Array.from({ length: cols }, (_, c) => proj.toLonLat([ox + c * spacing, oy])[0]),
    lat: Float64Array.from({ length: rows }, (_, r) => proj.toLonLat([ox, oy + r * spacing])[1]),
  };
}

/** first index whose value is ≥ v (values ascending) */
function lowerBound(a: Float64Array, v: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A ring's crossings with rows first … first+offsets.length-2: row first+k holds
 *  x[offsets[k] .. offsets[k+1]), ascending, NaN (never east of a point) at the end. */
interface RingRows {
  first: number;
  offsets: Uint32Array;
  x: Float64Array;
}

function* ringRows(ring: Position[], lat: Float64Array, tick: Tick): Steps<RingRows | null> {
  const n = ring.length;
  // an edge (i, j = i − 1) crosses row y when yi > y !== yj > y, i.e. min ≤ y < max
  const from = new Int32Array(n);
  const to = new Int32Array(n);
  let first = lat.length;
  let end = 0;
  for (let i = 0, j = n - 1; i < n; j = i++) {
    const yi = ring[i][1];
    const yj = ring[j][1];
    // a NaN end gives a NaN crossing, which never counts (the comparison with it is false)
    if (Number.isNaN(yi) || Number.isNaN(yj)) continue;
    from[i] = lowerBound(lat, Math.min(yi, yj));
    to[i] = lowerBound(lat, Math.max(yi, yj));
    if (from[i] < to[i]) {
      if (from[i] < first) first = from[i];
      if (to[i] > end) end = to[i];
    }
    if (tick.add()) yield;
  }
  if (first >= end) return null;
  const offsets = new Uint32Array(end - first + 1);
  for (let i = 0; i < n; i++) for (let r = from[i]; r < to[i]; r++) offsets[r - first + 1]++;
  for (let k = 0; k < end - first; k++) offsets[k + 1] += offsets[k];
  const fill = offsets.slice(0, end - first);
  const x = new Float64Array(offsets[end - first]);
  for (let i = 0, j = n - 1; i < n; j = i++) {
    if (from[i] >= to[i]) continue;
    const xi = ring[i][0];
    const yi = ring[i][1];
    const xj = ring[j][0];
    const yj = ring[j][1];
    // the very expression of geo.ts inRing, so the comparison with a cell agrees bit for bit
    for (let r = from[i]; r < to[i]; r++) x[fill[r - first]++] = ((xj - xi) * (lat[r] - yi)) / (yj - yi) + xi;
    if (tick.add(to[i] - from[i])) yield;
  }
  for (let k = 0; k < end - first; k++) x.subarray(offsets[k], offsets[k + 1]).sort();
  return { first, offsets, x };
}

/** Adds `weight` to diff over the columns of row r inside the ring; returns the columns touched
 *  [lo, hi] or null. A cell is inside when an odd number of crossings lie east of it: with the
 *  row's m crossings ascending and t of them at or west of the cell, when m − t is odd. */
function addRuns(rr: RingRows, r: number, lon: Float64Array, diff: Int32Array, weight: number): [number, number] | null {
  const k = r - rr.first;
  if (k < 0 || k + 1 >= rr.offsets.length) return null;
  const a = rr.offsets[k];
  let m = rr.offsets[k + 1] - a;
  while (m > 0 && Number.isNaN(rr.x[a + m - 1])) m--;
  let lo = -1;
  let hi = -1;
  for (let t = 0; t <= m; t++) {
    if (((m - t) & 1) === 0) continue;
    const c0 = t === 0 ? 0 : lowerBound(lon, rr.x[a + t - 1]);
    const c1 = t === m ? lon.length : lowerBound(lon, rr.x[a + t]);
    if (c0 >= c1) continue;
    diff[c0] += weight;
    diff[c1] -= weight;
    if (lo < 0) lo = c0;
    hi = c1;
  }
  return lo < 0 ? null : [lo, hi];
}

/** The grid as steps (a checkpoint every few thousand edges, crossings or cells). */
export function* gridPointsSteps(area: Polygon | MultiPolygon, spacing: number): Steps<LonLat[]> {
  const grid = lattice(area, spacing);
  if (!grid) return [];
  const { lon, lat } = grid;
  const cols = lon.length;
  const inside = new Uint8Array(cols * lat.length);
  // per column: +1 inside the outer ring, −2 inside each hole; > 0 = in the polygon
  const diff = new Int32Array(cols + 1);
  const tick = new Tick();
  for (const poly of area.type === 'Polygon' ? [area.coordinates] : area.coordinates) {
    if (poly.length === 0) continue;
    const outer = yield* ringRows(poly[0], lat, tick);
    if (!outer) continue;
    const holes: RingRows[] = [];
    for (const ring of poly.slice(1)) {
      const h = yield* ringRows(ring, lat, tick);
      if (h) holes.push(h);
    }
    for (let r = outer.first; r < outer.first + outer.offsets.length - 1; r++) {
      const span = addRuns(outer, r, lon, diff, 1);
      if (!span) continue;
      // a hole's runs may start west of the outer ones: sum from the first column touched
      let lo = span[0];
      let hi = span[1];
      for (const h of holes) {
        const hs = addRuns(h, r, lon, diff, -2);
        if (hs) {
          lo = Math.min(lo, hs[0]);
          hi = Math.max(hi, hs[1]);
        }
      }
      let sum = 0;
      for (let c = lo; c < span[1]; c++) {
        sum += diff[c];
        if (sum > 0) inside[r * cols + c] = 1;
      }
      diff.fill(0, lo, hi + 1);
      if (tick.add(hi - lo + 1)) yield;
    }
  }
  let count = 0;
  for (let k = 0; k < inside.length; k++) count += inside[k];
  if (count > MAX_GRID_POINTS) throw new Error(`a ${spacing} m grid puts ${count} points in the area (limit ${MAX_GRID_POINTS}); use a larger spacing`);
  const out: LonLat[] = [];
  for (let r = 0; r < lat.length; r++) {
    for (let c = 0; c < cols; c++) if (inside[r * cols + c]) out.push([lon[c], lat[r]]);
    if (tick.add(cols)) yield;
  }
  return out;
}

/** Points `spacing` metres apart (local equirectangular projection around the area's centre)
 *  that lie inside the area, row by row from south-west to north-east. */
export function gridPoints(area: Polygon | MultiPolygon, spacing: number): LonLat[] {
  return runSteps(gridPointsSteps(area, spacing));
}
