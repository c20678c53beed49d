// Planar helpers in the local metric projection (see projection.ts): convex clipping for the
// Voronoi cells, point-in-polygon, and distance to a polygon's boundary through a grid index.
import { pointInRing } from '../../src/core/geo';
import type { XY } from './projection';

export type Ring = XY[];
/** a polygon as rings (first = exterior, rest = holes) */
export type Poly = Ring[];

/** Keep the part of a convex polygon (open ring) where a·x + b·y ≤ c (Sutherland–Hodgman, one edge). */
export function clipHalfPlane(poly: Ring, a: number, b: number, c: number): Ring {
  const out: Ring = [];
  const n = poly.length;
  for (let i = 0; i < n; i++) {
    const p = poly[i];
    const q = poly[(i + 1) % n];
    const fp = a * p[0] + b * p[1] - c;
    const fq = a * q[0] + b * q[1] - c;
    if (fp <= 0) out.push(p);
    if ((fp < 0 && fq > 0) || (fp > 0 && fq < 0)) {
      const t = fp / (fp - fq);
      out.push([p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])]);
    }
  }
  return out;
}

/** Voronoi cell of sites[i] inside a bounding box, as an open convex ring. */
export function voronoiCell(sites: readonly XY[], i: number, bbox: [number, number, number, number]): Ring {
  let cell: Ring = [
    [bbox[0], bbox[1]],
    [bbox[2], bbox[1]],
    [bbox[2], bbox[3]],
    [bbox[0], bbox[3]],
  ];
  const [px, py] = sites[i];
  for (let j = 0; j < sites.length; j++) {
    if (j === i) continue;
    const [qx, qy] = sites[j];
    // points closer to p than to q: 2(q−p)·x ≤ |q|² − |p|²
    cell = clipHalfPlane(cell, 2 * (qx - px), 2 * (qy - py), qx * qx + qy * qy - px * px - py * py);
  }
  return cell;
}

/** Signed clearance of x inside the Voronoi cell of sites[i]: distance to the nearest bisector
 *  (negative when x is closer to another site). */
export function cellClearance(sites: readonly XY[], i: number, x: XY): number {
  const [px, py] = sites[i];
  let best = Infinity;
  for (let j = 0; j < sites.length; j++) {
    if (j === i) continue;
    const [qx, qy] = sites[j];
    const dx = qx - px;
    const dy = qy - py;
    const len = Math.hypot(dx, dy);
    // distance from x to the bisector, positive on p's side
    const d = ((qx * qx + qy * qy - px * px - py * py) / 2 - (dx * x[0] + dy * x[1])) / len;
    if (d < best) best = d;
  }
  return best;
}

export { pointInRing } from '../../src/core/geo';

/** even–odd over every ring of every polygon */
export function pointInPolys(p: XY, polys: readonly Poly[]): boolean {
  let inside = false;
  for (const poly of polys) for (const ring of poly) if (pointInRing(p[0], p[1], ring)) inside = !inside;
  return inside;
}

function segDist(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const l2 = dx * dx + dy * dy;
  const t = l2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / l2));
  return Math.hypot(px - ax - t * dx, py - ay - t * dy);
}

/** Distance from a point to the nearest boundary segment of some polygons, via a uniform grid. */
export class BoundaryIndex {
  private readonly cells = new Map<number, number[]>();
  private readonly segs: number[] = [];
  private readonly minX: number;
  private readonly minY: number;

  constructor(
    readonly polys: readonly Poly[],
    private readonly cell = 1000,
  ) {
    let minX = Infinity;
    let minY = Infinity;
    for (const poly of polys) for (const ring of poly) for (const [x, y] of ring) [minX, minY] = [Math.min(minX, x), Math.min(minY, y)];
    this.minX = minX;
    this.minY = minY;
    for (const poly of polys)
      for (const ring of poly)
        for (let i = 0; i < ring.length; i++) {
          const a = ring[i];
          const b = ring[(i + 1) % ring.length];
          const s = this.segs.length / 4;
          this.segs.push(a[0], a[1], b[0], b[1]);
          const [i0, i1] = [this.cx(Math.min(a[0], b[0])), this.cx(Math.max(a[0], b[0]))];
          const [j0, j1] = [this.cy(Math.min(a[1], b[1])), this.cy(Math.max(a[1], b[1]))];
          for (let ci = i0; ci <= i1; ci++) for (let cj = j0; cj <= j1; cj++) this.bucket(ci, cj).push(s);
        }
  }

  private cx(x: number): number {
    return Math.floor((x - this.minX) / this.cell);
  }
  private cy(y: number): number {
    return Math.floor((y - this.minY) / this.cell);
  }
  private key(ci: number, cj: number): number {
    return (ci + 1000) * 100000 + (cj + 1000);
  }
  private bucket(ci: number, cj: number): number[] {
    const k = this.key(ci, cj);
    let b = this.cells.get(k);
    if (!b) this.cells.set(k, (b = []));
    return b;
  }

  /** min(distance to boundary, limit): searches only cells within `limit` metres */
  distance(p: XY, limit: number): number {
    let best = limit;
    const [i0, i1] = [this.cx(p[0] - limit), this.cx(p[0] + limit)];
    const [j0, j1] = [this.cy(p[1] - limit), this.cy(p[1] + limit)];
    const s = this.segs;
    for (let ci = i0; ci <= i1; ci++)
      for (let cj = j0; cj <= j1; cj++) {
        const b = this.cells.get(this.key(ci, cj));
        if (!b) continue;
        for (const k of b) best = Math.min(best, segDist(p[0], p[1], s[4 * k], s[4 * k + 1], s[4 * k + 2], s[4 * k + 3]));
      }
    return best;
  }

  private readonly cellInside = new Map<number, boolean>();

  /** inside the polygons with at least `clearance` metres to spare */
  contains(p: XY, clearance: number): boolean {
    if (this.distance(p, clearance + 1) <= clearance) return false;
    const [ci, cj] = [this.cx(p[0]), this.cy(p[1])];
    const k = this.key(ci, cj);
    if (this.cells.has(k)) return pointInPolys(p, this.polys);
    // no boundary crosses this grid cell: it is wholly inside or wholly outside; test its centre once
    let inside = this.cellInside.get(k);
    if (inside === undefined) {
      inside = pointInPolys([this.minX + (ci + 0.5) * this.cell, this.minY + (cj + 0.5) * this.cell], this.polys);
      this.cellInside.set(k, inside);
    }
    return inside;
  }
}

export function dist(a: XY, b: XY): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1]);
}

/** planar polygon area of an open or closed ring (shoelace), absolute */
export function ringArea(ring: Ring): number {
  let s = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) s += (ring[j][0] + ring[i][0]) * (ring[j][1] - ring[i][1]);
  return Math.abs(s) / 2;
}

/** k-nearest-neighbour search over points in a uniform grid, searched ring by ring outward */
export class PointGrid {
  private readonly cells = new Map<string, number[]>();
  constructor(
    private readonly pts: readonly XY[],
    private readonly cell: number,
  ) {
    pts.forEach((p, i) => {
      const k = `${Math.floor(p[0] / cell)},${Math.floor(p[1] / cell)}`;
      const b = this.cells.get(k);
      if (b) b.push(i);
      else this.cells.set(k, [i]);
    });
  }

  /** indices of the points within r of p, by index */
  within(p: XY, r: number): number[] {
    const out: number[] = [];
    const [i0, i1] = [Math.floor((p[0] - r) / this.cell), Math.floor((p[0] + r) / this.cell)];
    const [j0, j1] = [Math.floor((p[1] - r) / this.cell), Math.floor((p[1] + r) / this.cell)];
    for (let i = i0; i <= i1; i++)
      for (let j = j0; j <= j1; j++) {
        const b = this.cells.get(`${i},${j}`);
        if (b) for (const q of b) if (dist(p, this.pts[q]) <= r) out.push(q);
      }
    return out.sort((a, b) => a - b);
  }

  /** up to k nearest point indices (not skipped), closest first; ties by index */
  nearest(p: XY, k: number, skip: (i: number) => boolean = () => false, maxRings = 400): number[] {
    const best: [number, number][] = [];
    const ci = Math.floor(p[0] / this.cell);
    const cj = Math.floor(p[1] / this.cell);
    for (let ring = 0; ring <= maxRings; ring++) {
      // every point in a ring ≥ `ring` is at least (ring − 1)·cell away
      if (best.length >= k && (ring - 1) * this.cell > best[best.length - 1][0]) break;
      for (let i = ci - ring; i <= ci + ring; i++)
        for (let j = cj - ring; j <= cj + ring; j++) {
          if (Math.max(Math.abs(i - ci), Math.abs(j - cj)) !== ring) continue;
          const b = this.cells.get(`${i},${j}`);
          if (!b) continue;
          for (const q of b) {
            if (skip(q)) continue;
            const d = dist(p, this.pts[q]);
            if (best.length === k && (d > best[k - 1][0] || (d === best[k - 1][0] && q > best[k - 1][1]))) continue;
            best.push([d, q]);
            best.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
            if (best.length > k) best.pop();
          }
        }
    }
    return best.map((x) => x[1]);
  }
}
