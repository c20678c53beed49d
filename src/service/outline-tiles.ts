// Vector tiles of the communities and streets cut per request from their packed outlines
// (core/packed-outlines.ts `outlinesOf`): a box index of the units per units array finds those a
// tile touches; their rings are projected to the tile's 4096 units, simplified for the zoom,
// clipped to the tile and its buffer, and encoded (@maplibre/vt-pbf). Nothing is kept between
// requests but the index and the packed arrays. geojson-vt (MapLibre's own GeoJSON tiler, which
// this replaces for the outlines) projected and ranked all 3.5 M vertices of a 20 000-community
// city on the first request (≈ 1.6 s CPU) and kept that projected copy (≈ 85–96 MB) for the
// project's life. The geometry follows geojson-vt's with MapLibre's GeoJSON settings: tolerance 3
// of 4096 (none at the deepest zoom), rings smaller than it dropped, buffer 64, clipping per axis,
// outer rings clockwise and holes counter-clockwise in tile units (as MVT wants).
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import Flatbush from 'flatbush';
import type { MultiPolygon, Point, Polygon, Position } from 'geojson';
import { mercatorX as mercX, mercatorY } from '../core/mercator';
import { boxOf, outlineRefs, xyOf, type PackedOutlines, type PackedRef } from '../core/packed-outlines';

type Shape = Polygon | MultiPolygon | Point;

export interface OutlineUnit {
  id: string;
  name: string;
  geometry: Shape;
}

/** What a layer other than the outlines (the circles and walk areas) tells the cutter. */
export interface CutOptions<U> {
  /** each feature's properties (the outlines': `id` alone) */
  tags: (u: U) => Record<string, string>;
  /** holes left out of the tiles (filled in), decided once per units array */
  filled?: (hole: Position[]) => boolean;
}

const unitTags = (u: OutlineUnit) => ({ id: u.id });

/** deepest zoom cut; MapLibre over-zooms beyond it (4096 units per tile ≈ 0.5 m at zoom 15 in China) */
export const UNIT_TILE_MAX_ZOOM = 15;
const EXTENT = 4096;
const BUFFER = 64;
/** simplification tolerance in tile units (MapLibre's GeoJSON source: 0.375 px of a 512 px tile) */
const TOLERANCE = 3;

type TileFeature = { type: 1; geometry: [number, number][]; tags: Record<string, string> } | { type: 3; geometry: [number, number][][]; tags: Record<string, string> };

/** web Mercator's unit square (geojson-vt's projection, clamped the same way) */
const mercY = (lat: number): number => Math.min(1, Math.max(0, mercatorY(lat)));
const latOf = (y: number) => (360 * Math.atan(Math.exp((180 - y * 360) * (Math.PI / 180)))) / Math.PI - 90;

interface Index {
  /** where each unit's outline is packed (outlineRefs: an edit's array reads its untouched units
   *  from the packing they share with the array before it); null for a unit KEPT */
  refs: readonly (PackedRef | null)[];
  /** holes left out of the tiles, if any are */
  filled?: (hole: Position[]) => boolean;
  /** the boxes in degrees of the units with something to draw; null when none has */
  tree: Flatbush | null;
  /** the unit of each box */
  unitOf: Uint32Array;
}

const indexes = new WeakMap<readonly { geometry: Shape }[], Index>();

/** Per packing, each ring's west, south, east, north (a walk area is one unit over the whole city:
 *  its rings away from the tile are passed over unprojected, and each ring near the tile gets the
 *  cubic of its own latitudes), and 1 for each hole `filled` leaves out. */
interface RingFacts {
  box: Float64Array;
  skip: Uint8Array | null;
}

const ringFacts = new WeakMap<PackedOutlines, RingFacts>();

function factsOf(p: PackedOutlines, filled?: (hole: Position[]) => boolean): RingFacts {
  let f = ringFacts.get(p);
  if (!f) ringFacts.set(p, (f = { box: ringBoxes(p), skip: filled ? skipped(p, filled) : null }));
  return f;
}

/** a unit KEPT as it is (a point, or positions that are not [x, y]): its polygons' rings */
function keptRings(g: Shape): Position[][][] {
  if (g.type === 'Polygon') return [g.coordinates];
  if (g.type === 'MultiPolygon') return g.coordinates;
  return [];
}

/** each packed hole that `filled` leaves out */
function skipped(p: PackedOutlines, filled: (hole: Position[]) => boolean): Uint8Array {
  const skip = new Uint8Array(p.ringVertices.length - 1);
  for (let k = 0; k + 1 < p.polyRings.length; k++)
    for (let r = p.polyRings[k] + 1; r < p.polyRings[k + 1]; r++) {
      const ring: Position[] = [];
      for (let v = p.ringVertices[r]; v < p.ringVertices[r + 1]; v++) ring.push([xyOf(p, v, 0), xyOf(p, v, 1)]);
      if (filled(ring)) skip[r] = 1;
    }
  return skip;
}

function ringBoxes(p: PackedOutlines): Float64Array {
  const rings = p.ringVertices.length - 1;
  const box = new Float64Array(4 * rings);
  for (let r = 0; r < rings; r++) {
    let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
    for (let v = p.ringVertices[r]; v < p.ringVertices[r + 1]; v++) {
      const x = xyOf(p, v, 0);
      const y = xyOf(p, v, 1);
      if (x < w) w = x;
      if (x > e) e = x;
      if (y < s) s = y;
      if (y > n) n = y;
    }
    box[4 * r] = w;
    box[4 * r + 1] = s;
    box[4 * r + 2] = e;
    box[4 * r + 3] = n;
  }
  return box;
}

function indexOf(units: readonly { geometry: Shape }[], filled?: (hole: Position[]) => boolean): Index {
  const kept = indexes.get(units);
  if (kept) return kept;
  const refs = outlineRefs(units);
  const boxes = new Float64Array(4 * units.length);
  const unitOf = new Uint32Array(units.length);
  let m = 0;
  for (let i = 0; i < units.length; i++) {
    const at = refs[i];
    const [w, s, e, n] = at ? at.packed.box.subarray(4 * at.i, 4 * at.i + 4) : boxOf(units[i]);
    if (!(w <= e && s <= n)) continue; // nothing to draw
    boxes[4 * m] = w;
    boxes[4 * m + 1] = s;
    boxes[4 * m + 2] = e;
    boxes[4 * m + 3] = n;
    unitOf[m++] = i;
  }
  let tree: Flatbush | null = null;
  if (m > 0) {
    tree = new Flatbush(m);
    for (let k = 0; k < m; k++) tree.add(boxes[4 * k], boxes[4 * k + 1], boxes[4 * k + 2], boxes[4 * k + 3]);
    tree.finish();
  }
  const index = { refs, filled, tree, unitOf: unitOf.slice(0, m) };
  indexes.set(units, index);
  return index;
}

/** Builds what the first tile of these units would (their box index and their rings' boxes) ahead
 *  of it: ≈ 0.4 s of the 20 000-community city's first tile, made while the page takes the opened
 *  project and before it asks for tiles (the first analysis waits for the outlines' tiles). */
export function prepareOutlines(units: readonly { geometry: Shape }[]): void {
  const index = indexOf(units);
  for (const at of index.refs) if (at) factsOf(at.packed, index.filled);
}

// scratch arrays, grown as needed and reused by every request (a tile is cut in one go)
let px = new Float64Array(1024);
let py = new Float64Array(1024);
let keep = new Uint8Array(1024);
function room(n: number) {
  if (px.length >= n) return;
  const size = 2 ** Math.ceil(Math.log2(n));
  px = new Float64Array(size);
  py = new Float64Array(size);
  keep = new Uint8Array(size);
}

/** squared distance from (x, y) to the segment a–b */
function sqSegDist(x: number, y: number, ax: number, ay: number, bx: number, by: number): number {
  let dx = bx - ax;
  let dy = by - ay;
  if (dx !== 0 || dy !== 0) {
    const t = ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy);
    if (t > 1) {
      ax = bx;
      ay = by;
    } else if (t > 0) {
      ax += dx * t;
      ay += dy * t;
    }
  }
  dx = x - ax;
  dy = y - ay;
  return dx * dx + dy * dy;
}

/** Douglas–Peucker over px/py[0 … n): marks in `keep` the vertices farther than the tolerance */
function simplify(n: number, sqTolerance: number) {
  keep.fill(0, 0, n);
  keep[0] = 1;
  keep[n - 1] = 1;
  const stack = [0, n - 1];
  while (stack.length > 0) {
    const last = stack.pop() as number;
    const first = stack.pop() as number;
    let maxSq = sqTolerance;
    let index = -1;
    const [ax, ay, bx, by] = [px[first], py[first], px[last], py[last]];
    for (let i = first + 1; i < last; i++) {
      const d = sqSegDist(px[i], py[i], ax, ay, bx, by);
      if (d > maxSq) {
        index = i;
        maxSq = d;
      }
    }
    if (index < 0) continue;
    keep[index] = 1;
    if (index - first > 1) stack.push(first, index);
    if (last - index > 1) stack.push(index, last);
  }
}

/** A ring clipped to lo ≤ coordinate `axis` ≤ hi (flat x, y pairs), walking its edges as
 *  geojson-vt's clipLine does for polygons: the vertices inside, and a point where an edge
 *  crosses a bound; closed again if the clip opened it. */
function clipRing(ring: number[], lo: number, hi: number, axis: 0 | 1): number[] {
  const out: number[] = [];
  const cross = (ax: number, ay: number, bx: number, by: number, at: number) => {
    if (axis === 0) out.push(at, ay + ((by - ay) * (at - ax)) / (bx - ax));
    else out.push(ax + ((bx - ax) * (at - ay)) / (by - ay), at);
  };
  for (let i = 0; i < ring.length - 2; i += 2) {
    const ax = ring[i];
    const ay = ring[i + 1];
    const bx = ring[i + 2];
    const by = ring[i + 3];
    const a = axis === 0 ? ax : ay;
    const b = axis === 0 ? bx : by;
    if (a < lo) {
      if (b >= lo) cross(ax, ay, bx, by, lo); // enters over lo
    } else if (a > hi) {
      if (b <= hi) cross(ax, ay, bx, by, hi); // enters over hi
    } else out.push(ax, ay);
    if (b < lo && a >= lo) cross(ax, ay, bx, by, lo); // leaves over lo
    if (b > hi && a <= hi) cross(ax, ay, bx, by, hi); // leaves over hi
  }
  const last = ring.length - 2;
  const a = ring[last + axis];
  if (a >= lo && a <= hi) out.push(ring[last], ring[last + 1]);
  const end = out.length - 2;
  if (end >= 2 && (out[end] !== out[0] || out[end + 1] !== out[1])) out.push(out[0], out[1]);
  return out;
}

/** outer rings clockwise, holes counter-clockwise, with y down (geojson-vt's rewind) */
function rewind(ring: number[], clockwise: boolean) {
  let area = 0;
  for (let i = 0, j = ring.length - 2; i < ring.length; j = i, i += 2) area += (ring[i] - ring[j]) * (ring[i + 1] + ring[j + 1]);
  if (area > 0 === clockwise) {
    for (let i = 0, len = ring.length; i < len / 2; i += 2) {
      const x = ring[i];
      const y = ring[i + 1];
      ring[i] = ring[len - 2 - i];
      ring[i + 1] = ring[len - 1 - i];
      ring[len - 2 - i] = x;
      ring[len - 1 - i] = y;
    }
  }
}

/** where a tile is: its zoom's scale in tile units and its corner */
interface At {
  scale: number;
  x0: number;
  y0: number;
  /** squared tolerance in tile units (0 at the deepest zoom: nothing simplified or dropped) */
  sqTolerance: number;
  /** the tile and its buffer in degrees */
  west: number;
  south: number;
  east: number;
  north: number;
  /** the ring's Mercator y as a cubic in (latitude − lat) when it spans little (near), see nearLat */
  near: boolean;
  lat: number;
  c0: number;
  c1: number;
  c2: number;
  c3: number;
}

/** Half a ring's height (degrees) up to which its Mercator y is taken from a cubic about its
 *  middle latitude: the Taylor remainder there is below 0.01 of a tile unit at zoom 15 (the
 *  fourth-order term is ≈ 1.1 · d⁴ / 24 of the unit square with d in radians, at 35° N), and the
 *  cubic costs a few multiplications where the exact form costs a sine and a logarithm. */
const NEAR_HALF_DEGREES = 0.25;

function nearLat(at: At, south: number, north: number) {
  at.near = north - south <= 2 * NEAR_HALF_DEGREES;
  if (!at.near) return;
  const lat = (south + north) / 2;
  const r = (lat * Math.PI) / 180;
  const sec = 1 / Math.cos(r);
  const tan = Math.tan(r);
  const k = Math.PI / 180;
  const f = -at.scale / (2 * Math.PI); // y = 0.5 − atanh(sin φ) / 2π, in tile units
  at.lat = lat;
  at.c0 = mercY(lat) * at.scale - at.y0;
  at.c1 = f * sec * k;
  at.c2 = (f * sec * tan * k * k) / 2;
  at.c3 = (f * (sec * tan * tan + sec * sec * sec) * k * k * k) / 6;
}

/** One ring (vertices v0 … v1 of xy) in the tile: projected, dropped when smaller than the
 *  tolerance, simplified, clipped to the tile and its buffer, wound as MVT wants and rounded;
 *  null when nothing of it is left. */
function cutRing(xy: Float64Array | Int32Array, div: number, v0: number, v1: number, outer: boolean, at: At): [number, number][] | null {
  const n = v1 - v0;
  if (n < 4) return null;
  room(n);
  let area = 0;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const { scale, x0, y0, near, lat: lat0, c0, c1, c2, c3 } = at;
  let [lastX, lastY] = [0, 0];
  for (let k = 0; k < n; k++) {
    const x = mercX(xy[2 * (v0 + k)] / div) * scale - x0;
    const lat = xy[2 * (v0 + k) + 1] / div;
    const d = lat - lat0;
    const y = near ? c0 + d * (c1 + d * (c2 + d * c3)) : mercY(lat) * scale - y0;
    px[k] = x;
    py[k] = y;
    if (k > 0) area += (lastX * y - x * lastY) / 2;
    lastX = x;
    lastY = y;
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  if (at.sqTolerance > 0 && Math.abs(area) < at.sqTolerance) return null;
  const lo = -BUFFER;
  const hi = EXTENT + BUFFER;
  if (maxX < lo || minX > hi || maxY < lo || minY > hi) return null;
  if (at.sqTolerance > 0) simplify(n, at.sqTolerance);
  let ring: number[] = [];
  for (let k = 0; k < n; k++) if (at.sqTolerance === 0 || keep[k]) ring.push(px[k], py[k]);
  if (minX < lo || maxX > hi) ring = clipRing(ring, lo, hi, 0);
  if (ring.length >= 8 && (minY < lo || maxY > hi)) ring = clipRing(ring, lo, hi, 1);
  if (ring.length < 8) return null; // fewer than four points: it draws nothing
  rewind(ring, outer);
  const out: [number, number][] = [];
  for (let i = 0; i < ring.length; i += 2) out.push([Math.round(ring[i]), Math.round(ring[i + 1])]);
  return out;
}

/** a polygon's rings (the first its outer one) in the tile; a hole goes with its outer ring */
function cutPolygon(rings: [Float64Array, number, number][], at: At, into: [number, number][][]) {
  for (let r = 0; r < rings.length; r++) {
    const cut = cutRing(rings[r][0], 1, rings[r][1], rings[r][2], r === 0, at);
    if (cut) into.push(cut);
    else if (r === 0) return;
  }
}

/** The unit's part of the tile, or null where it leaves none there. */
function cutUnit<U extends { geometry: Shape }>(units: readonly U[], index: Index, i: number, at: At, options: CutOptions<U>): TileFeature | null {
  const ref = index.refs[i];
  const tags = options.tags(units[i]);
  const geometry: [number, number][][] = [];
  if (!ref) {
    const g = units[i].geometry;
    if (g.type === 'Point') {
      // as geojson-vt keeps a point: anywhere in the tile and its buffer
      const x = mercX(g.coordinates[0]) * at.scale - at.x0;
      const y = mercY(g.coordinates[1]) * at.scale - at.y0;
      if (x < -BUFFER || x > EXTENT + BUFFER || y < -BUFFER || y > EXTENT + BUFFER) return null;
      return { type: 1, geometry: [[Math.round(x), Math.round(y)]], tags };
    }
    at.near = false;
    for (const poly of keptRings(g))
      cutPolygon(
        poly.filter((ring, r) => r === 0 || !options.filled?.(ring)).map((ring) => [Float64Array.from(ring.flatMap((p) => [p[0], p[1]])), 0, ring.length]),
        at,
        geometry,
      );
  } else {
    const { packed: q, i: u } = ref;
    const { box: rb, skip } = factsOf(q, index.filled);
    for (let p = q.unitPolys[u]; p < q.unitPolys[u + 1]; p++) {
      const first = q.polyRings[p];
      for (let r = first; r < q.polyRings[p + 1]; r++) {
        if (r > first && skip?.[r]) continue;
        // a ring whose box misses the tile and its buffer leaves nothing there (its holes neither)
        const away = rb[4 * r] > at.east || rb[4 * r + 2] < at.west || rb[4 * r + 1] > at.north || rb[4 * r + 3] < at.south;
        if (away && r === first) break;
        if (away) continue;
        nearLat(at, rb[4 * r + 1], rb[4 * r + 3]);
        const cut = cutRing(q.xy, q.div, q.ringVertices[r], q.ringVertices[r + 1], r === first, at);
        if (cut) geometry.push(cut);
        else if (r === first) break;
      }
    }
  }
  return geometry.length > 0 ? { type: 3, geometry, tags } : null;
}

/** The tile (z, x, y) of these units as MVT bytes (one source layer named `layer`, each feature
 *  with the unit's `id`, or the tags `options` gives), or null where it holds none. */
export function outlineTile(layer: string, units: readonly OutlineUnit[], z: number, x: number, y: number): Uint8Array | null;
export function outlineTile<U extends { geometry: Shape }>(layer: string, units: readonly U[], z: number, x: number, y: number, options: CutOptions<U>): Uint8Array | null;
export function outlineTile<U extends { geometry: Shape }>(
  layer: string,
  units: readonly U[],
  z: number,
  x: number,
  y: number,
  options: CutOptions<U> = { tags: unitTags as unknown as (u: U) => Record<string, string> },
): Uint8Array | null {
  const index = indexOf(units, options.filled);
  const { tree, unitOf } = index;
  if (!tree) return null;
  const n = 2 ** z;
  const b = BUFFER / EXTENT;
  const [west, south, east, north] = [((x - b) / n - 0.5) * 360, latOf((y + 1 + b) / n), ((x + 1 + b) / n - 0.5) * 360, latOf((y - b) / n)];
  const found = tree.search(west, south, east, north);
  if (found.length === 0) return null;
  const order = found.map((k) => unitOf[k]).sort((a, c) => a - c); // the units' order, as they were drawn before
  const tolerance = z >= UNIT_TILE_MAX_ZOOM ? 0 : TOLERANCE;
  const at: At = {
    scale: n * EXTENT,
    x0: x * EXTENT,
    y0: y * EXTENT,
    sqTolerance: tolerance * tolerance,
    west,
    south,
    east,
    north,
    near: false,
    lat: 0,
    c0: 0,
    c1: 0,
    c2: 0,
    c3: 0,
  };
  const features: TileFeature[] = [];
  for (const i of order) {
    const f = cutUnit(units, index, i, at, options);
    if (f) features.push(f);
  }
  if (features.length === 0) return null;
  return fromGeojsonVt({ [layer]: { features, transformed: true, source: null, x, y, z } } as never, { version: 2, extent: EXTENT });
}
