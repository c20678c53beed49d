// Snapping points to the nearest street segment. Segments are bucketed in a uniform grid laid over
// an equirectangular plane (metres) centred on the network; a query scans rings of cells outward
// from the point's cell and stops as soon as no unscanned cell can hold a nearer segment. (A grid
// beats an R-tree here: street segments are short and evenly spread, and the buckets are plain
// typed arrays that can be transferred to a worker.) The perpendicular foot is taken in a plane
// local to the point and the leg measured with haversine; the leg counts toward the walk.
import { haversine, metresPerDegree } from './geodesy';
import type { StreetEdges } from './graph';

/** A point placed on edge `edge`, a fraction t of the way from edgeA to edgeB, `leg` metres off it. */
export interface Snap {
  edge: number;
  t: number;
  leg: number;
}

/** The grid as plain data (transferable). */
export interface SegmentGrid {
  lon0: number;
  lat0: number;
  latMin: number;
  latMax: number;
  /** cell size in metres, columns, rows, and the plane coordinates of the grid's corner */
  cell: number;
  nx: number;
  ny: number;
  x0: number;
  y0: number;
  /** edges in cell (ix, iy) are cellEdges[cellStart[iy·nx+ix] .. cellStart[iy·nx+ix+1]-1] */
  cellStart: Uint32Array;
  cellEdges: Uint32Array;
}

/** never finer than this (metres): finer cells only add empty buckets */
const MIN_CELL = 25;

export class EdgeIndex {
  private readonly kx: number;
  private readonly ky: number;
  /** planar distances computed at another latitude differ from the index plane by at most this factor */
  private readonly slack: number;
  /** stamp per edge: the query that last looked at it, so an edge in several cells is measured once */
  private readonly seen: Uint32Array;
  private query = 0;

  constructor(
    private readonly g: StreetEdges,
    readonly grid: SegmentGrid,
  ) {
    const m = metresPerDegree(grid.lat0);
    this.kx = m.x;
    this.ky = m.y;
    const c0 = Math.cos((grid.lat0 * Math.PI) / 180);
    const ratios = [grid.latMin, grid.latMax].map((l) => Math.cos((l * Math.PI) / 180) / c0);
    this.slack = Math.max(...ratios.map((r) => Math.max(r, 1 / r))) * 1.001;
    this.seen = new Uint32Array(g.edgeCount);
  }

  static build(g: StreetEdges): EdgeIndex {
    let latMin = Infinity;
    let latMax = -Infinity;
    let lonMin = Infinity;
    let lonMax = -Infinity;
    for (let i = 0; i < g.nodeCount; i++) {
      if (g.lat[i] < latMin) latMin = g.lat[i];
      if (g.lat[i] > latMax) latMax = g.lat[i];
      if (g.lon[i] < lonMin) lonMin = g.lon[i];
      if (g.lon[i] > lonMax) lonMax = g.lon[i];
    }
    if (g.edgeCount === 0) {
      return new EdgeIndex(g, { lon0: 0, lat0: 0, latMin: 0, latMax: 0, cell: 1, nx: 0, ny: 0, x0: 0, y0: 0, cellStart: new Uint32Array(1), cellEdges: new Uint32Array(0) });
    }
    const lon0 = (lonMin + lonMax) / 2;
    const lat0 = (latMin + latMax) / 2;
    const { x: kx, y: ky } = metresPerDegree(lat0);
    const x0 = (lonMin - lon0) * kx;
    const y0 = (latMin - lat0) * ky;
    const w = (lonMax - lonMin) * kx;
    const h = (latMax - latMin) * ky;
    // about one cell per edge: a few edges per occupied cell in town, empty cells in the fields
    const cell = Math.max(MIN_CELL, Math.sqrt((w * h) / g.edgeCount));
    const nx = Math.floor(w / cell) + 1;
    const ny = Math.floor(h / cell) + 1;
    const span = (e: number): [number, number, number, number] => {
      const a = g.edgeA[e];
      const b = g.edgeB[e];
      const ax = (g.lon[a] - lon0) * kx - x0;
      const ay = (g.lat[a] - lat0) * ky - y0;
      const bx = (g.lon[b] - lon0) * kx - x0;
      const by = (g.lat[b] - lat0) * ky - y0;
      return [Math.floor(Math.min(ax, bx) / cell), Math.floor(Math.min(ay, by) / cell), Math.floor(Math.max(ax, bx) / cell), Math.floor(Math.max(ay, by) / cell)];
    };
    const cellStart = new Uint32Array(nx * ny + 1);
    for (let e = 0; e < g.edgeCount; e++) {
      const [i0, j0, i1, j1] = span(e);
      for (let j = j0; j <= j1; j++) for (let i = i0; i <= i1; i++) cellStart[j * nx + i + 1]++;
    }
    for (let c = 0; c < nx * ny; c++) cellStart[c + 1] += cellStart[c];
    const fill = cellStart.slice(0, nx * ny);
    const cellEdges = new Uint32Array(cellStart[nx * ny]);
    for (let e = 0; e < g.edgeCount; e++) {
      const [i0, j0, i1, j1] = span(e);
      for (let j = j0; j <= j1; j++) for (let i = i0; i <= i1; i++) cellEdges[fill[j * nx + i]++] = e;
    }
    return new EdgeIndex(g, { lon0, lat0, latMin, latMax, cell, nx, ny, x0, y0, cellStart, cellEdges });
  }

  /** Nearest edge within maxDistance metres (leg measured with haversine), or null. */
  snap(lon: number, lat: number, maxDistance: number): Snap | null {
    return this.find(lon, lat, maxDistance) ? { edge: this.hitEdge, t: this.hitT, leg: this.hitLeg } : null;
  }

  /** the last find()'s answer (placing many points reads these instead of a new object per point) */
  hitEdge = -1;
  hitT = 0;
  hitLeg = 0;

  /** snap() without the answer object: true and hitEdge / hitT / hitLeg set, or false. */
  find(lon: number, lat: number, maxDistance: number): boolean {
    const { g, grid } = this;
    if (grid.nx === 0) return false;
    const { cell, nx, ny, cellStart, cellEdges } = grid;
    // the graph's arrays and the stamps in locals: this loop runs once per way out of every community
    const { edgeA, edgeB } = g;
    const gLon = g.lon;
    const gLat = g.lat;
    const seen = this.seen;
    const px = (lon - grid.lon0) * this.kx - grid.x0;
    const py = (lat - grid.lat0) * this.ky - grid.y0;
    const ci = Math.floor(px / cell);
    const cj = Math.floor(py / cell);
    const local = metresPerDegree(lat);
    const lx = local.x;
    const ly = local.y;
    const limit = maxDistance * this.slack + 1;
    // distance from the point to the nearest side of its own cell: ring r covers at least r·cell beyond it
    const inner = Math.min(px - ci * cell, (ci + 1) * cell - px, py - cj * cell, (cj + 1) * cell - py);
    let stamp = ++this.query;
    if (stamp === 0xffffffff) {
      seen.fill(0);
      this.query = 1;
      stamp = 1;
    }
    let best = -1;
    let bestPlanar = Infinity;
    let bestT = 0;
    let reach2 = Infinity;
    // rings needed to cover the whole grid, but never more than the snap distance reaches
    const maxRing = Math.min(Math.max(ci, nx - ci, cj, ny - cj) + 1, Math.ceil(limit / cell) + 1);
    for (let r = 0; r <= maxRing; r++) {
      // the point's own cell may lie outside the grid (points beyond the network's bounding box)
      const jLo = cj - r;
      const jHi = cj + r;
      for (let j = Math.max(0, jLo); j <= Math.min(ny - 1, jHi); j++) {
        const edgeRow = j === jLo || j === jHi;
        const step = edgeRow ? 1 : 2 * r;
        for (let i = ci - r; i <= ci + r; i += step || 1) {
          if (i < 0 || i >= nx) continue;
          // a cell farther (index plane) than the best so far can hold no nearer edge: the same bound the rings stop on
          const gx = Math.max(0, i * cell - px, px - (i + 1) * cell);
          const gy = Math.max(0, j * cell - py, py - (j + 1) * cell);
          if (gx * gx + gy * gy > reach2) continue;
          const c = j * nx + i;
          for (let k = cellStart[c]; k < cellStart[c + 1]; k++) {
            const e = cellEdges[k];
            if (seen[e] === stamp) continue;
            seen[e] = stamp;
            const a = edgeA[e];
            const b = edgeB[e];
            // perpendicular foot in the plane local to the point (metres)
            const ax = (gLon[a] - lon) * lx;
            const ay = (gLat[a] - lat) * ly;
            const dx = (gLon[b] - gLon[a]) * lx;
            const dy = (gLat[b] - gLat[a]) * ly;
            const len2 = dx * dx + dy * dy;
            let t = len2 === 0 ? 0 : -(ax * dx + ay * dy) / len2;
            t = Math.max(0, Math.min(1, t));
            const fx = ax + t * dx;
            const fy = ay + t * dy;
            const d = Math.sqrt(fx * fx + fy * fy);
            if (d < bestPlanar || (d === bestPlanar && e < best)) {
              bestPlanar = d;
              best = e;
              bestT = t;
              reach2 = d * this.slack * (d * this.slack);
            }
          }
        }
      }
      // everything within `covered` metres (index plane) of the point has been seen
      const covered = inner + r * cell;
      if (bestPlanar * this.slack <= covered || covered > limit) break;
    }
    return best >= 0 && this.hit(lon, lat, best, bestT, maxDistance);
  }

  /** The leg to the foot on edge e (haversine): within maxDistance, the answer of find(). */
  private hit(lon: number, lat: number, e: number, t: number, maxDistance: number): boolean {
    const { g } = this;
    const a = g.edgeA[e];
    const b = g.edgeB[e];
    const leg = haversine(lon, lat, g.lon[a] + t * (g.lon[b] - g.lon[a]), g.lat[a] + t * (g.lat[b] - g.lat[a]));
    if (!(leg <= maxDistance)) return false;
    this.hitEdge = e;
    this.hitT = t;
    this.hitLeg = leg;
    return true;
  }
}
