// Straight-line reach with a uniform grid over the supply points (cells of a few hundred metres in
// degrees; the points of one row of cells lie next to each other in typed arrays, so a search box
// is one run per row) and every point's unit vector on the sphere. A pair is tested first by the
// chord between the unit vectors, which never rejects a pair within the radius (chord and
// haversine measure the same angle; the margin covers rounding), then decided by the exact
// geodesic (haversine) distance. No all-pairs loop and no object per pair.
import { cosLat, degreeBox, EARTH_RADIUS, haversineCos } from '../geo';
import type { LonLat, ReachEngine, ReachPairs, ReachQuery } from './types';
import { grow, isPlaced, sortRun } from './pair-output';

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
  return { mode: 'straight', pairs: straightPairs, nearestPairs: (q) => straightNearest(q) };
}

const RAD = Math.PI / 180;

/** The placed supply points bucketed in a grid of cells `cellW` × `cellH` degrees (CSR: the points of
 *  cell `row * nx + col` are `start[cell] .. start[cell + 1] - 1`, in supply order), with everything
 *  the pair test reads stored in cell order. */
interface SupplyGrid {
  minLon: number;
  minLat: number;
  cellW: number;
  cellH: number;
  nx: number;
  ny: number;
  start: Uint32Array;
  /** supply index of the k-th point in cell order */
  id: Uint32Array;
  lon: Float64Array;
  lat: Float64Array;
  cos: Float64Array;
  /** unit vectors */
  x: Float64Array;
  y: Float64Array;
  z: Float64Array;
  unplacedSupply: number[];
}

/** cells at most this many per point (and a few): a sparse set over a wide area gets larger cells */
const CELLS_PER_POINT = 4;

/** The grid, with cells about `metres` wide at the points' highest latitude (the cell size only
 *  sets the speed: every search box is cut into whole cells). */
function supplyGrid(supply: readonly LonLat[], metres: number): SupplyGrid {
  const placed: number[] = [];
  const unplacedSupply: number[] = [];
  let minLon = Infinity;
  let minLat = Infinity;
  let maxLon = -Infinity;
  let maxLat = -Infinity;
  supply.forEach((p, s) => {
    if (!isPlaced(p)) return void unplacedSupply.push(s);
    placed.push(s);
    if (p[0] < minLon) minLon = p[0];
    if (p[0] > maxLon) maxLon = p[0];
    if (p[1] < minLat) minLat = p[1];
    if (p[1] > maxLat) maxLat = p[1];
  });
  const box = degreeBox(Math.max(Math.abs(minLat), Math.abs(maxLat), 0) || 0, metres);
  let cellW = Math.max(box.dLon, 1e-9);
  let cellH = Math.max(box.dLat, 1e-9);
  const n = placed.length;
  const cap = CELLS_PER_POINT * n + 64;
  let nx = n === 0 ? 1 : Math.floor((maxLon - minLon) / cellW) + 1;
  let ny = n === 0 ? 1 : Math.floor((maxLat - minLat) / cellH) + 1;
  while (nx * ny > cap) {
    if (nx > 1) cellW *= 2;
    if (ny > 1) cellH *= 2;
    nx = Math.floor((maxLon - minLon) / cellW) + 1;
    ny = Math.floor((maxLat - minLat) / cellH) + 1;
  }
  const start = new Uint32Array(nx * ny + 1);
  const cells = new Uint32Array(n);
  for (let k = 0; k < n; k++) {
    const [lon, lat] = supply[placed[k]];
    cells[k] = Math.floor((lat - minLat) / cellH) * nx + Math.floor((lon - minLon) / cellW);
    start[cells[k] + 1]++;
  }
  for (let c = 0; c < nx * ny; c++) start[c + 1] += start[c];
  const fill = start.slice(0, nx * ny);
  const g: SupplyGrid = {
    ...{ minLon, minLat, cellW, cellH, nx, ny, start, unplacedSupply },
    id: new Uint32Array(n),
    lon: new Float64Array(n),
    lat: new Float64Array(n),
    cos: new Float64Array(n),
    x: new Float64Array(n),
    y: new Float64Array(n),
    z: new Float64Array(n),
  };
  for (let k = 0; k < n; k++) {
    const at = fill[cells[k]]++;
    const s = placed[k];
    const [lon, lat] = supply[s];
    g.id[at] = s;
    g.lon[at] = lon;
    g.lat[at] = lat;
    g.cos[at] = cosLat(lat);
    g.x[at] = g.cos[at] * Math.cos(lon * RAD);
    g.y[at] = g.cos[at] * Math.sin(lon * RAD);
    g.z[at] = Math.sin(lat * RAD);
  }
  return g;
}

/**
 * The cells holding every point within `metres` of (lon, lat): rows box[0]..box[1], columns
 * box[2]..box[3]; false when none. degreeBox bounds the longitudes; a circle that may hold a pole
 * reaches every longitude.
 */
function cellBox(g: SupplyGrid, lon: number, lat: number, metres: number, box: Int32Array): boolean {
  const { dLon, dLat } = degreeBox(lat, metres);
  const allLon = Math.abs(lat) + dLat >= 89 || dLon >= 180;
  box[0] = Math.max(0, Math.floor((lat - dLat - g.minLat) / g.cellH));
  box[1] = Math.min(g.ny - 1, Math.floor((lat + dLat - g.minLat) / g.cellH));
  box[2] = allLon ? 0 : Math.max(0, Math.floor((lon - dLon - g.minLon) / g.cellW));
  box[3] = allLon ? g.nx - 1 : Math.min(g.nx - 1, Math.floor((lon + dLon - g.minLon) / g.cellW));
  return box[0] <= box[1] && box[2] <= box[3];
}

/**
 * The largest squared chord (between unit vectors) a pair within `metres` can have, with a margin
 * for rounding. Chord = 2·sin(θ/2) and haversine's h = sin²(θ/2) for the same central angle θ,
 * so chord² = 4h exactly; from unit vectors, chord² is off by a few 1e-16 times the chord (each
 * coordinate has a relative error below 1e-16), far inside the relative 1e-6 and absolute 1e-18
 * (≈ 6 mm of arc) margins. Pairs past this are past the radius; haversine decides the rest.
 */
function chordLimit(metres: number): number {
  const half = metres / (2 * EARTH_RADIUS);
  if (!(half < Math.PI / 2)) return Infinity;
  return 4 * Math.sin(half) ** 2 * (1 + 1e-6) + 1e-18;
}

/** A demand point's unit vector and cosine of latitude, as the grid stores supply points. */
function unit(p: LonLat, out: Float64Array): void {
  out[0] = cosLat(p[1]);
  out[1] = out[0] * Math.cos(p[0] * RAD);
  out[2] = out[0] * Math.sin(p[0] * RAD);
  out[3] = Math.sin(p[1] * RAD);
}

/** The distance straightPairs() and straightNearest() give the pair (a demand, b supply), to the bit. */
export function straightDistance(a: LonLat, b: LonLat): number {
  return haversineCos(a[0], a[1], cosLat(a[1]), b[0], b[1], cosLat(b[1]));
}

/** The nearest of `candidates` (indices into `points`) to `p` in a straight line: the first of
 *  equals in the candidates' order; index -1 and Infinity when there are none. */
export function nearestAmong(p: LonLat, candidates: readonly number[], points: readonly LonLat[]): { index: number; metres: number } {
  let index = -1;
  let metres = Infinity;
  for (const j of candidates) {
    const m = straightDistance(p, points[j]);
    if (m < metres) {
      index = j;
      metres = m;
    }
  }
  return { index, metres };
}

export function straightPairs(q: ReachQuery): ReachPairs {
  const nd = q.demand.length;
  const R = q.maxDistance;
  const offsets = new Uint32Array(nd + 1);
  const unplacedDemand: number[] = [];
  const g = supplyGrid(q.supply, R);
  const { start, id, lon, lat, cos, x, y, z, nx } = g;
  const limit = chordLimit(R);
  const box = new Int32Array(4);
  const u = new Float64Array(4);
  let supplyOut = new Uint32Array(Math.max(1024, nd * 4));
  let distOut = new Float64Array(supplyOut.length);
  let n = 0;
  for (let d = 0; d < nd; d++) {
    offsets[d] = n;
    const p = q.demand[d];
    if (!isPlaced(p)) {
      unplacedDemand.push(d);
      continue;
    }
    if (id.length === 0 || !cellBox(g, p[0], p[1], R, box)) continue;
    unit(p, u);
    const first = n;
    for (let r = box[0]; r <= box[1]; r++) {
      for (let k = start[r * nx + box[2]], end = start[r * nx + box[3] + 1]; k < end; k++) {
        const dx = x[k] - u[1];
        const dy = y[k] - u[2];
        const dz = z[k] - u[3];
        if (dx * dx + dy * dy + dz * dz > limit) continue;
        const m = haversineCos(p[0], p[1], u[0], lon[k], lat[k], cos[k]);
        if (m > R) continue;
        if (n === supplyOut.length) {
          supplyOut = grow(supplyOut, n + 1);
          distOut = grow(distOut, n + 1);
        }
        distOut[n] = m;
        supplyOut[n++] = id[k];
      }
    }
    if (!q.unordered) sortRun(supplyOut, distOut, first, n);
  }
  offsets[nd] = n;
  return { offsets, supply: supplyOut.slice(0, n), distance: distOut.slice(0, n), unplacedDemand, unplacedSupply: g.unplacedSupply };
}

/**
 * The nearest supply point within maxDistance of each demand point (ties: the lower supply index,
 * as straightPairs orders them), as pairs with at most one per demand. The search box starts at
 * `start` metres and doubles until it holds a point no farther than its own radius: the work is
 * proportional to demand × (points near it), never to every pair within maxDistance.
 */
export function straightNearest(q: ReachQuery, start = 400): ReachPairs {
  const nd = q.demand.length;
  const offsets = new Uint32Array(nd + 1);
  const supplyOut = new Uint32Array(nd);
  const distOut = new Float64Array(nd);
  const unplacedDemand: number[] = [];
  const g = supplyGrid(q.supply, Math.min(start, q.maxDistance));
  const { id, lon, lat, cos, x, y, z, nx } = g;
  const box = new Int32Array(4);
  const u = new Float64Array(4);
  let n = 0;
  for (let d = 0; d < nd; d++) {
    offsets[d] = n;
    const p = q.demand[d];
    if (!isPlaced(p)) {
      unplacedDemand.push(d);
      continue;
    }
    if (id.length === 0) continue;
    unit(p, u);
    for (let r = Math.min(start, q.maxDistance); ; r = Math.min(2 * r, q.maxDistance)) {
      let best = -1;
      let bestM = Infinity;
      if (cellBox(g, p[0], p[1], r, box)) {
        // the smallest chord in the box, then haversine for every point whose chord is as small
        // within rounding: haversine alone picks the nearest and breaks ties
        let least = Infinity;
        for (let row = box[0]; row <= box[1]; row++)
          for (let k = g.start[row * nx + box[2]], end = g.start[row * nx + box[3] + 1]; k < end; k++) {
            const dx = x[k] - u[1];
            const dy = y[k] - u[2];
            const dz = z[k] - u[3];
            const c = dx * dx + dy * dy + dz * dz;
            if (c < least) least = c;
          }
        const near = least * (1 + 1e-6) + 1e-18;
        for (let row = box[0]; row <= box[1]; row++)
          for (let k = g.start[row * nx + box[2]], end = g.start[row * nx + box[3] + 1]; k < end; k++) {
            const dx = x[k] - u[1];
            const dy = y[k] - u[2];
            const dz = z[k] - u[3];
            if (dx * dx + dy * dy + dz * dz > near) continue;
            const m = haversineCos(p[0], p[1], u[0], lon[k], lat[k], cos[k]);
            if (m < bestM || (m === bestM && id[k] < best)) {
              best = id[k];
              bestM = m;
            }
          }
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
  offsets[nd] = n;
  return { offsets, supply: supplyOut.slice(0, n), distance: distOut.slice(0, n), unplacedDemand, unplacedSupply: g.unplacedSupply };
}

/** A grid over many demand points (communities) for straightBySupply(), built once for a radius
 *  and kept by the caller while the points are the same. */
export interface DemandGrid {
  grid: SupplyGrid;
  radius: number;
}

export function demandGrid(demand: readonly LonLat[], radius: number): DemandGrid {
  return { grid: supplyGrid(demand, radius), radius };
}

/**
 * straightPairs() of the grid's demand points and a few supply points, turned by supply point (the
 * walks of supply j are start[j] .. start[j+1]-1, demand ascending): each supply point looks up the
 * cells around it instead of every demand point searching a grid of the supply. The same pairs and
 * metres, to the bit (the same haversine of the same demand and supply coordinates; the chord test
 * rejects no pair within the radius either way). An edit walks from one new facility position
 * against the same 10 000 communities.
 */
export function straightBySupply(
  g: DemandGrid,
  supply: readonly LonLat[],
): { start: Uint32Array; demand: Uint32Array; distance: Float64Array; unplacedDemand: number[]; unplacedSupply: number[] } {
  const R = g.radius;
  const { start: cells, id, lon, lat, cos, x, y, z, nx } = g.grid;
  const limit = chordLimit(R);
  const box = new Int32Array(4);
  const u = new Float64Array(4);
  const start = new Uint32Array(supply.length + 1);
  const demand: number[] = [];
  const distance: number[] = [];
  const unplacedSupply: number[] = [];
  for (let j = 0; j < supply.length; j++) {
    start[j] = demand.length;
    const p = supply[j];
    if (!isPlaced(p)) {
      unplacedSupply.push(j);
      continue;
    }
    if (id.length === 0 || !cellBox(g.grid, p[0], p[1], R, box)) continue;
    unit(p, u);
    const hits: [number, number][] = [];
    for (let r = box[0]; r <= box[1]; r++) {
      for (let k = cells[r * nx + box[2]], end = cells[r * nx + box[3] + 1]; k < end; k++) {
        const dx = x[k] - u[1];
        const dy = y[k] - u[2];
        const dz = z[k] - u[3];
        if (dx * dx + dy * dy + dz * dz > limit) continue;
        // demand first, as straightPairs measures it
        const m = haversineCos(lon[k], lat[k], cos[k], p[0], p[1], u[0]);
        if (m <= R) hits.push([id[k], m]);
      }
    }
    hits.sort((a, b) => a[0] - b[0]);
    for (const [d, m] of hits) {
      demand.push(d);
      distance.push(m);
    }
  }
  start[supply.length] = demand.length;
  return { start, demand: Uint32Array.from(demand), distance: Float64Array.from(distance), unplacedDemand: g.grid.unplacedSupply, unplacedSupply };
}
