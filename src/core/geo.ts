// Geometry helpers for WGS84 lon/lat data. Distances are geodesic on a sphere (haversine,
// mean Earth radius 6,371,008.8 m — the IUGG mean radius that turf also uses); areas use the
// spherical-excess formula of Chamberlain & Duquette (2007). Both are accurate to well under 1 %
// at city scale, which is far below the uncertainty of the planning figures themselves.
import type { MultiPolygon, Point, Polygon, Position } from 'geojson';

export type LonLat = [number, number];
export type AnyArea = Polygon | MultiPolygon;
export type AnyGeom = Point | Polygon | MultiPolygon;
export interface BBox {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/** IUGG mean Earth radius in metres: the one radius of every distance here, the street network's and the demo's. */
export const EARTH_RADIUS = 6371008.8;
const RAD = Math.PI / 180;
/** metres per degree of latitude on the sphere used here */
export const METRES_PER_DEGREE = EARTH_RADIUS * RAD;

/** Great-circle distance in metres between two lon/lat points (degrees). */
export function haversine(a: readonly number[], b: readonly number[]): number {
  return haversineCos(a[0], a[1], Math.cos(a[1] * RAD), b[0], b[1], Math.cos(b[1] * RAD));
}

/** haversine() with the cosines of both latitudes given (`cosLat`), for loops over many pairs:
 *  the same arithmetic, so the same metres to the last bit. */
export function haversineCos(aLon: number, aLat: number, aCos: number, bLon: number, bLat: number, bCos: number): number {
  const dLat = (bLat - aLat) * RAD;
  const dLon = (bLon - aLon) * RAD;
  const h = Math.sin(dLat / 2) ** 2 + aCos * bCos * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** the cosine of a latitude in degrees, as haversine() computes it */
export const cosLat = (lat: number): number => Math.cos(lat * RAD);

/** Local equirectangular projection around a reference latitude: metres east/north of (lon0, lat0).
 *  Good to ~0.1 % within a few kilometres; used where planar arithmetic is needed. */
export function localProjector(origin: LonLat): { toXY(p: LonLat): [number, number]; toLonLat(xy: [number, number]): LonLat } {
  const kx = METRES_PER_DEGREE * Math.cos(origin[1] * RAD);
  const ky = METRES_PER_DEGREE;
  return {
    toXY: (p) => [(p[0] - origin[0]) * kx, (p[1] - origin[1]) * ky],
    toLonLat: (xy) => [origin[0] + xy[0] / kx, origin[1] + xy[1] / ky],
  };
}

function polygonsOf(g: AnyArea): Position[][][] {
  return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
}

export function bboxOf(g: AnyGeom): BBox {
  const b: BBox = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  const visit = (p: Position) => {
    if (p[0] < b.minX) b.minX = p[0];
    if (p[1] < b.minY) b.minY = p[1];
    if (p[0] > b.maxX) b.maxX = p[0];
    if (p[1] > b.maxY) b.maxY = p[1];
  };
  if (g.type === 'Point') visit(g.coordinates);
  else for (const poly of polygonsOf(g)) for (const ring of poly) ring.forEach(visit);
  return b;
}

/** Which side of the line a→b the point c lies on: 1 left, -1 right, 0 on the line (planar x, y). */
export function orient(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  const v = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
  return v > 0 ? 1 : v < 0 ? -1 : 0;
}

/** c lies between a and b on one axis (inclusive). */
export function within(a: number, b: number, c: number): boolean {
  return Math.min(a, b) <= c && c <= Math.max(a, b);
}

/** Does the rightward ray from (x, y) cross the edge (xi, yi)–(xj, yj)? The even-odd step of every
 *  point-in-ring test (here, the indexed one of area-test.ts, the flat rings of the walk areas). */
export function rayCrosses(x: number, y: number, xi: number, yi: number, xj: number, yj: number): boolean {
  return yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi;
}

/** Even-odd ray casting on one ring (any planar or lon/lat x, y); points exactly on an edge may fall either way. */
export function pointInRing(x: number, y: number, ring: readonly (readonly number[])[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) if (rayCrosses(x, y, ring[i][0], ring[i][1], ring[j][0], ring[j][1])) inside = !inside;
  return inside;
}

/** Inside the outer ring and outside every hole of any of the polygons. */
export function pointInArea(p: LonLat, g: AnyArea): boolean {
  return polygonsOf(g).some((poly) => poly.length > 0 && pointInRing(p[0], p[1], poly[0]) && !poly.slice(1).some((hole) => pointInRing(p[0], p[1], hole)));
}

/** Area of a lon/lat ring in m² on the sphere */
export function ringArea(ring: readonly Position[]): number {
  // Chamberlain & Duquette, "Some algorithms for polygons on a sphere" (JPL 2007), as in @turf/area.
  let total = 0;
  const n = ring.length;
  if (n < 3) return 0;
  for (let i = 0; i < n; i++) {
    const lower = ring[i];
    const middle = ring[(i + 1) % n];
    const upper = ring[(i + 2) % n];
    total += (upper[0] * RAD - lower[0] * RAD) * Math.sin(middle[1] * RAD);
  }
  return Math.abs((total * EARTH_RADIUS * EARTH_RADIUS) / 2);
}

/** ringArea of a packed ring: vertices `from` … `from + n` of `xy` (x, y pairs, each divided by
 *  `div`), the same operations in the same order, so the same double */
export function runArea(xy: ArrayLike<number>, div: number, from: number, n: number): number {
  let total = 0;
  if (n < 3) return 0;
  for (let i = 0; i < n; i++) {
    const lower = 2 * (from + i);
    const middle = 2 * (from + ((i + 1) % n));
    const upper = 2 * (from + ((i + 2) % n));
    total += ((xy[upper] / div) * RAD - (xy[lower] / div) * RAD) * Math.sin((xy[middle + 1] / div) * RAD);
  }
  return Math.abs((total * EARTH_RADIUS * EARTH_RADIUS) / 2);
}

/** Area in m² (holes subtracted); 0 for points. */
export function areaM2(g: AnyGeom): number {
  if (g.type === 'Point') return 0;
  let a = 0;
  for (const poly of polygonsOf(g)) {
    if (poly.length === 0) continue;
    a += ringArea(poly[0]);
    for (const hole of poly.slice(1)) a -= ringArea(hole);
  }
  return a;
}

/** A point guaranteed to lie inside the geometry (for polygons: on the horizontal line through the
 *  middle of the largest part's bounding box, the midpoint of the widest inside stretch — the scan-line
 *  idea of JTS InteriorPointArea). Centroids can fall outside L-shaped or ring-shaped estates. */
export function representativePoint(g: AnyGeom): LonLat {
  if (g.type === 'Point') return [g.coordinates[0], g.coordinates[1]];
  const polys = polygonsOf(g).filter((p) => p.length > 0 && p[0].length >= 4);
  if (polys.length === 0) throw new Error('representativePoint: empty polygon');
  let best = polys[0];
  let bestArea = -1;
  for (const p of polys) {
    const a = areaM2({ type: 'Polygon', coordinates: p });
    if (a > bestArea) {
      bestArea = a;
      best = p;
    }
  }
  const b = bboxOf({ type: 'Polygon', coordinates: best });
  // nudge off the exact middle so the scan line is unlikely to pass through a vertex
  const y = b.minY + (b.maxY - b.minY) * 0.5000001;
  const xs: number[] = [];
  for (const ring of best) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i];
      const [xj, yj] = ring[j];
      if (yi > y !== yj > y) xs.push(((xj - xi) * (y - yi)) / (yj - yi) + xi);
    }
  }
  // degenerate (zero-height) polygon: fall back to its first vertex
  return widestMiddle(xs, y) ?? [best[0][0][0], best[0][0][1]];
}

/** The middle of the widest inside span of a scan line at `y`, given where it crosses the rings
 *  (`xs`, sorted here): inside between the 1st and 2nd crossing, the 3rd and 4th … (even-odd).
 *  Undefined when the line crosses nothing. Shared by the GeoJSON and packed representative points,
 *  which must give the same doubles. */
export function widestMiddle(xs: number[], y: number): LonLat | undefined {
  xs.sort((a, b) => a - b);
  let mid: LonLat | undefined;
  let widest = -1;
  for (let i = 0; i + 1 < xs.length; i += 2) {
    const w = xs[i + 1] - xs[i];
    if (w > widest) {
      widest = w;
      mid = [(xs[i] + xs[i + 1]) / 2, y];
    }
  }
  return mid;
}

/** Degrees of longitude and latitude that are at least `metres` away at latitude `lat`
 *  (a search box for a radius query; the geodesic check follows). */
export function degreeBox(lat: number, metres: number): { dLon: number; dLat: number } {
  const dLat = metres / METRES_PER_DEGREE;
  const cosLat = Math.cos(Math.min(89.9, Math.abs(lat) + dLat) * RAD);
  return { dLon: Math.min(180, dLat / cosLat), dLat };
}
