// Outlines packed into a few typed arrays: the worker's communities, streets and walk areas, and
// the page's copy of the communities and streets. As GeoJSON each vertex is a small array of its
// own (≈ 44–72 bytes in V8, and one object for the garbage collector to trace); packed it is 8
// bytes (integers of 1e-7 degree, when every coordinate divides back exactly) or 16 (doubles) in
// one buffer that the worker hands over
// without copying. The page gets its units back with `geometry` as a getter that builds the
// GeoJSON when read (kept while something still holds it), so every reader — spreads that build
// an edit, structured clones to the worker, exports — sees the outline exactly as the file had it.
// Each packed unit also brings its box and its label point (the dot drawn at district zoom), so
// the views that need only those never build the outline.
// Coordinates written with at most 7 decimals (OpenStreetMap's precision, and what most GeoJSON
// writers keep) are packed as integers of 1e-7 degree, 8 bytes a vertex: `q / 1e7` is exactly the
// double the file's decimal text gave, checked for every vertex when packing (any other packing
// keeps Float64), so every reader, verdict and written-back byte is the same.
import type { MultiPolygon, Point, Polygon, Position } from 'geojson';
import { bboxOf, type LonLat, rayCrosses, representativePoint, runArea, widestMiddle } from './geo';

type Shape = Polygon | MultiPolygon | Point;

const KEPT = 0;
const POLYGON = 1;
const MULTI = 2;

export interface PackedOutlines {
  /** per unit: KEPT (its geometry travels as it is: a point, or positions that are not [x, y]), POLYGON or MULTI */
  kind: Uint8Array;
  /** units + 1: the range of polygons of unit i is unitPolys[i] … unitPolys[i + 1] */
  unitPolys: Uint32Array;
  /** polygons + 1: the range of rings of each polygon */
  polyRings: Uint32Array;
  /** rings + 1: the range of vertices of each ring */
  ringVertices: Uint32Array;
  /** x, y of every vertex, in order, each to be divided by `div` (read them with `xyOf`) */
  xy: Float64Array | Int32Array;
  /** 1 (xy holds the coordinates), or QUANTUM (xy holds each coordinate × 1e7 as an integer) */
  div: number;
  /** per unit: west, south, east, north (NaN for a unit KEPT) */
  box: Float64Array;
  /** per unit: the label point `labelOf` gave when packing (NaN without one, or for a unit KEPT) */
  label: Float64Array;
}

/** A layer as it crosses to the page: the units without their packed outlines, and the outlines. */
export interface PackedLayer<T extends { geometry: Shape }> {
  units: (Omit<T, 'geometry'> & { geometry?: T['geometry'] })[];
  packed: PackedOutlines;
}

const plain = (ring: Position[]) => ring.every((p) => p.length === 2);

/** integers per degree of a quantised packing: 1e-7 degree ≈ 1 cm */
export const QUANTUM = 1e7;
const I32 = 2 ** 31 - 1;

/** x as an integer of 1e-7 degree that divides back to exactly x, or null (more decimals, or -0) */
export function quantum(x: number): number | null {
  return quantises(x) ? Math.round(x * QUANTUM) | 0 : null;
}

/** quantum(x) !== null: a boolean, where the integer a call returns would be boxed (a longitude
 *  past ±107.4° times 1e7 is beyond V8's small integers) */
export function quantises(x: number): boolean {
  const q = Math.round(x * QUANTUM);
  return Math.abs(q) <= I32 && Object.is((q | 0) / QUANTUM, x);
}

/** every value of `xy` (divided by `div`) quantises exactly */
function allQuantise(xy: ArrayLike<number>, div: number, from = 0, to = xy.length): boolean {
  if (div === QUANTUM) return true;
  for (let k = from; k < to; k++) if (quantum(xy[k] / div) === null) return false;
  return true;
}

/** vertex v's coordinate (0: x, 1: y) as the file had it */
export function xyOf(p: PackedOutlines, v: number, axis: 0 | 1): number {
  return p.xy[2 * v + axis] / p.div;
}

function polygonsOf(g: Shape): Position[][][] | null {
  if (g.type === 'Polygon') return g.coordinates.every(plain) ? [g.coordinates] : null;
  if (g.type === 'MultiPolygon') return g.coordinates.every((poly) => poly.every(plain)) ? g.coordinates : null;
  return null;
}

/** how many polygons, rings and vertices the packing of these units holds, and whether every
 *  coordinate quantises (when asked to) */
function sizes(from: (PackedRef | null)[], shapes: (Position[][][] | null)[], quantise: boolean) {
  let [polys, rings, vertices, exact] = [0, 0, 0, quantise];
  from.forEach((at, i) => {
    if (at) {
      const [p0, p1] = [at.packed.unitPolys[at.i], at.packed.unitPolys[at.i + 1]];
      const [r0, r1] = [at.packed.polyRings[p0], at.packed.polyRings[p1]];
      const [v0, v1] = [at.packed.ringVertices[r0], at.packed.ringVertices[r1]];
      polys += p1 - p0;
      rings += r1 - r0;
      vertices += v1 - v0;
      exact &&= allQuantise(at.packed.xy, at.packed.div, 2 * v0, 2 * v1);
    }
    for (const poly of shapes[i] ?? []) {
      polys++;
      for (const ring of poly) {
        rings++;
        vertices += ring.length;
        if (exact) for (const [x, y] of ring) exact = exact && quantum(x) !== null && quantum(y) !== null;
      }
    }
  });
  return { polys, rings, vertices, exact };
}

/** The outlines of `units` in one packing: a packed unit's ranges are copied from its packing
 *  (its outline is not built), a plain unit's outline is read from its geometry. */
function pack(units: readonly { geometry: Shape }[], labelOf?: (g: Polygon | MultiPolygon, at?: PackedRef) => Position, quantise = true): PackedOutlines {
  const from = units.map((u) => packedAt(u) ?? readAt(u.geometry));
  const shapes = units.map((u, i) => (from[i] ? null : polygonsOf(u.geometry)));
  const { polys, rings, vertices, exact } = sizes(from, shapes, quantise);
  const div = exact ? QUANTUM : 1;
  const packed: PackedOutlines = {
    kind: new Uint8Array(units.length),
    unitPolys: new Uint32Array(units.length + 1),
    polyRings: new Uint32Array(polys + 1),
    ringVertices: new Uint32Array(rings + 1),
    xy: exact ? new Int32Array(vertices * 2) : new Float64Array(vertices * 2),
    div,
    box: new Float64Array(units.length * 4).fill(Number.NaN),
    label: new Float64Array(units.length * 2).fill(Number.NaN),
  };
  let p = 0;
  let r = 0;
  let v = 0;
  units.forEach((u, i) => {
    packed.unitPolys[i] = p;
    const at = from[i];
    if (at) {
      // the same ranges, shifted to where they start here
      const q = at.packed;
      const [p0, p1] = [q.unitPolys[at.i], q.unitPolys[at.i + 1]];
      const [r0, r1] = [q.polyRings[p0], q.polyRings[p1]];
      const [v0, v1] = [q.ringVertices[r0], q.ringVertices[r1]];
      for (let k = p0; k < p1; k++) packed.polyRings[p++] = q.polyRings[k] - r0 + r;
      for (let k = r0; k < r1; k++) packed.ringVertices[r++] = q.ringVertices[k] - v0 + v;
      if (q.div === div) packed.xy.set(q.xy.subarray(2 * v0, 2 * v1), 2 * v);
      else for (let k = 2 * v0; k < 2 * v1; k++) packed.xy[2 * v + k - 2 * v0] = exact ? (quantum(q.xy[k] / q.div) as number) : q.xy[k] / q.div;
      v += v1 - v0;
      packed.kind[i] = q.kind[at.i];
      packed.box.set(q.box.subarray(4 * at.i, 4 * at.i + 4), 4 * i);
      packed.label.set(q.label.subarray(2 * at.i, 2 * at.i + 2), 2 * i);
      // an outline read straight from the file (readInto) has no label yet
      if (labelOf && Number.isNaN(packed.label[2 * i])) packed.label.set(labelOf(u.geometry as Polygon | MultiPolygon, readAt(u.geometry) ? at : undefined).slice(0, 2), 2 * i);
      return;
    }
    const s = shapes[i];
    if (!s) return;
    packed.kind[i] = u.geometry.type === 'Polygon' ? POLYGON : MULTI;
    const box = [Infinity, Infinity, -Infinity, -Infinity];
    for (const poly of s) {
      packed.polyRings[p++] = r;
      for (const ring of poly) {
        packed.ringVertices[r++] = v;
        for (const [x, y] of ring) {
          packed.xy[2 * v] = exact ? (quantum(x) as number) : x;
          packed.xy[2 * v + 1] = exact ? (quantum(y) as number) : y;
          v++;
          box[0] = Math.min(box[0], x);
          box[1] = Math.min(box[1], y);
          box[2] = Math.max(box[2], x);
          box[3] = Math.max(box[3], y);
        }
      }
    }
    packed.box.set(box, 4 * i);
    if (labelOf) packed.label.set(labelOf(u.geometry as Polygon | MultiPolygon).slice(0, 2), 2 * i);
  });
  packed.unitPolys[units.length] = p;
  packed.polyRings[p] = r;
  packed.ringVertices[r] = v;
  return packed;
}

/** A unit without its outline: a packed unit's own properties but the getter (its outline is not
 *  built), any other's by a spread. */
function withoutOutline<T extends { geometry: Shape }>(u: T): Omit<T, 'geometry'> {
  if (!packedAt(u)) {
    const { geometry: _, ...rest } = u;
    return rest;
  }
  const own = Object.getOwnPropertyDescriptors(u) as Record<string | symbol, PropertyDescriptor>;
  delete own.geometry;
  delete own[PACKED];
  return Object.defineProperties({}, own) as Omit<T, 'geometry'>;
}

/** The units as held with `packed`: those packed read their outline from it, the others keep theirs. */
function layerOf<T extends { geometry: Shape }>(units: readonly T[], packed: PackedOutlines): PackedLayer<T> {
  return { units: units.map((u, i) => (packed.kind[i] === KEPT ? u : withoutOutline(u))), packed };
}

/** `quantise`: false keeps Float64 coordinates even where they would quantise (outlines whose
 *  rings readers hold as views, ringsOf) */
export function packOutlines<T extends { geometry: Shape }>(
  units: readonly T[],
  labelOf?: (g: Polygon | MultiPolygon, at?: PackedRef) => Position,
  quantise = true,
): PackedLayer<T> {
  const packed = pack(units, labelOf, quantise);
  return layerOf(units, packed);
}

/** A units array's outlines in one packing (the page's copy, sendOutlines; the map's tiles read
 *  each unit where it is packed, outlineRefs): the packing they were unpacked from (unpackOutlines: what the worker
 *  holds), else one made once per array and kept as long as it lives (arrays are never changed in
 *  place: an edit or an import makes a new one) — a packed unit's ranges copied, a plain one's read
 *  from its geometry (an edit's new array holds the untouched packed units and the edited ones as
 *  plain GeoJSON). Units KEPT (a point, or positions that are not [x, y]) are left for the reader
 *  to take from their geometry. Labels are NaN where not known (a plain unit). */
export function outlinesOf(units: readonly { geometry: Shape }[]): PackedOutlines {
  let p = packings.get(units);
  if (!p) packings.set(units, (p = pack(units)));
  return p;
}

const packings = new WeakMap<readonly object[], PackedOutlines>();

/** For readers of every outline that can read each unit from a packing of its own (the map's
 *  tiles): where each unit's outline is packed, null for a unit KEPT. A packed unit is read where
 *  it is (an edit's new array shares the untouched units' packing: no copy of their ranges, ≈ 28 MB
 *  for a 20 000-community city); the array's plain units are packed together once per array. */
export function outlineRefs(units: readonly { geometry: Shape }[]): readonly (PackedRef | null)[] {
  let refs = refsOf.get(units);
  if (refs) return refs;
  const plain = units.map((u, i) => (packedAt(u) ? -1 : i)).filter((i) => i >= 0);
  const own = plain.length > 0 ? pack(plain.map((i) => units[i])) : null;
  const at = new Map(plain.map((i, k) => [i, k]));
  refs = units.map((u, i) => {
    const k = at.get(i);
    if (k === undefined) return packedAt(u);
    return own && own.kind[k] !== KEPT ? { packed: own, i: k } : null;
  });
  refsOf.set(units, refs);
  return refs;
}

const refsOf = new WeakMap<readonly object[], readonly (PackedRef | null)[]>();

/** The units as a layer to send, with a copy of their packing (outlinesOf): the worker keeps its
 *  own packing and hands the page one to keep (and to transfer, not clone). */
export function sendOutlines<T extends { geometry: Shape }>(units: readonly T[]): PackedLayer<T> {
  const p = outlinesOf(units);
  // quantised for the page even where a packing was made Float64 on purpose (packOutlines' `quantise`)
  const exact = p.div === 1 && allQuantise(p.xy, 1);
  const packed = {
    kind: p.kind.slice(),
    unitPolys: p.unitPolys.slice(),
    polyRings: p.polyRings.slice(),
    ringVertices: p.ringVertices.slice(),
    xy: exact ? Int32Array.from(p.xy, (x) => quantum(x) as number) : p.xy.slice(),
    div: exact ? QUANTUM : p.div,
    box: p.box.slice(),
    label: p.label.slice(),
  };
  return layerOf(units, packed);
}

/** The arrays of a packing, all of them typed arrays that nothing writes once it is made. */
const ARRAYS = ['kind', 'unitPolys', 'polyRings', 'ringVertices', 'xy', 'box', 'label'] as const;

/** The units as a layer to send when the page and the worker can share memory: their own packing
 *  (outlinesOf) moved, in place, into buffers `alloc` makes (SharedArrayBuffers), so every unit
 *  packed there reads them from now on and the layer sent holds the very same bytes — one copy of
 *  the outlines for both sides instead of the page's own (sendOutlines). A packing is never written
 *  once made, so sharing it changes no reader. */
export function shareOutlines<T extends { geometry: Shape }>(units: readonly T[], alloc: (bytes: number) => ArrayBufferLike): PackedLayer<T> {
  const p = outlinesOf(units) as unknown as Record<(typeof ARRAYS)[number], Uint8Array | Uint32Array | Int32Array | Float64Array>;
  for (const k of ARRAYS) {
    const a = p[k];
    if (a.buffer instanceof ArrayBuffer) {
      const Typed = a.constructor as new (b: ArrayBufferLike) => typeof a;
      const copy = new Typed(alloc(a.byteLength));
      copy.set(a);
      p[k] = copy;
    }
  }
  const packed = p as unknown as PackedOutlines;
  return layerOf(units, packed);
}

/** The units with their outlines packed, each read through a getter (unpackOutlines): what the
 *  worker keeps of an opened project's communities. */
export function keepPacked<T extends { geometry: Shape }>(units: readonly T[], labelOf?: (g: Polygon | MultiPolygon, at?: PackedRef) => Position, quantise = true): T[] {
  const read = readWhole(units, quantise);
  if (!read) return unpackOutlines(packOutlines(units, labelOf, quantise));
  // the packing the file was read into is this layer's as it stands: kept, not copied (≈ 28 MB at
  // 20 000 communities); only its labels are worked out
  if (labelOf)
    units.forEach((u, i) => {
      if (Number.isNaN(read.label[2 * i])) read.label.set(labelOf(u.geometry as Polygon | MultiPolygon, { packed: read, i }).slice(0, 2), 2 * i);
    });
  return unpackOutlines(layerOf(units, read));
}

/** The packing every unit's outline was read into (readInto), unit i at i and nothing else in it, if
 *  it is the packing pack() would make of them (the same `div`); else null. */
function readWhole(units: readonly { geometry: Shape }[], quantise: boolean): PackedOutlines | null {
  const first = units.length > 0 ? readAt(units[0].geometry) : null;
  const p = first?.packed;
  if (!p || p.kind.length !== units.length) return null;
  for (let i = 0; i < units.length; i++) {
    const at = readAt(units[i].geometry);
    if (at?.packed !== p || at.i !== i) return null;
  }
  const { exact } = sizes(
    units.map((_, i) => ({ packed: p, i })),
    units.map(() => null),
    quantise,
  );
  return (exact ? QUANTUM : 1) === p.div ? p : null;
}

/** the buffers to transfer rather than copy (none of a shared packing: its memory is both sides') */
export function packedBuffers(p: PackedOutlines): ArrayBuffer[] {
  return ARRAYS.flatMap((k) => (p[k].buffer instanceof ArrayBuffer ? [p[k].buffer] : []));
}

/** where an unpacked unit's outline lives (not enumerable: a spread or a clone leaves it behind,
 *  so an edited copy of a unit answers from its own geometry) */
const PACKED = Symbol('packed outline');

/** a unit's place in a packing */
export interface PackedRef {
  packed: PackedOutlines;
  i: number;
}

type Tagged = { [PACKED]?: PackedRef };

/** where the unit's outline is packed, or null (a plain unit, or one whose geometry was assigned) */
export function packedAt(u: object): PackedRef | null {
  return (u as Tagged)[PACKED] ?? null;
}

/** The unit's outline built afresh from its packing (not kept: a reader of every outline once
 *  holds none of them after), or its own geometry. */
export function freshOutline<G extends Shape>(u: { geometry: G }): G {
  const at = packedAt(u);
  return at ? (decode(at.packed, at.i) as G) : u.geometry;
}

/** A copy of the unit whose outline stays packed (a spread would build it and keep it as its own):
 *  every own property, the `geometry` getter and its place in the packing included. */
export function copyUnit<T extends object>(u: T): T {
  return packedAt(u) ? (Object.defineProperties({}, Object.getOwnPropertyDescriptors(u)) as T) : { ...u };
}

/** Each polygon's rings as x, y runs (outer ring first): views of the packing for a packed unit (or
 *  where `at` says; decoded copies of a quantised one), copies read from the geometry for any other;
 *  none for a point. */
export function ringsOf(u: { geometry: Shape }, at: PackedRef | null = packedAt(u), outerOnly = false): Float64Array[][] {
  if (!at) {
    const g = u.geometry;
    const polys = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
    return polys.map((poly) => poly.map((ring) => Float64Array.from(ring.flatMap((q) => [q[0], q[1]]))));
  }
  const { packed: p, i } = at;
  const out: Float64Array[][] = [];
  for (let k = p.unitPolys[i]; k < p.unitPolys[i + 1]; k++) {
    const rings: Float64Array[] = [];
    const last = outerOnly ? Math.min(p.polyRings[k] + 1, p.polyRings[k + 1]) : p.polyRings[k + 1];
    for (let r = p.polyRings[k]; r < last; r++) {
      const run = p.xy.subarray(2 * p.ringVertices[r], 2 * p.ringVertices[r + 1]);
      rings.push(p.div === 1 ? (run as Float64Array) : divided(run, p.div));
    }
    out.push(rings);
  }
  return out;
}

/** one ring of a packing, as its x, y pairs `from` … `from + n` of `xy`, each divided by `div` */
export interface Run {
  xy: Float64Array | Int32Array;
  div: number;
  from: number;
  n: number;
}

/** Each polygon's rings as runs of its packing (no copy, whether integers or doubles), or of a
 *  Float64 copy read from the geometry for a unit not packed; none for a point. */
export function runsOf(u: { geometry: Shape }, at: PackedRef | null = packedAt(u)): Run[][] {
  if (!at) return ringsOf(u, null).map((rings) => rings.map((xy) => ({ xy, div: 1, from: 0, n: xy.length / 2 })));
  const { packed: p, i } = at;
  const out: Run[][] = [];
  for (let k = p.unitPolys[i]; k < p.unitPolys[i + 1]; k++) {
    const rings: Run[] = [];
    for (let r = p.polyRings[k]; r < p.polyRings[k + 1]; r++) rings.push({ xy: p.xy, div: p.div, from: p.ringVertices[r], n: p.ringVertices[r + 1] - p.ringVertices[r] });
    out.push(rings);
  }
  return out;
}

/** a quantised run as coordinates (a plain loop: Float64Array.from with a map function cost the
 *  first analysis ≈ 0.5 s over the ways out of 20 000 communities) */
function divided(run: ArrayLike<number>, div: number): Float64Array {
  const out = new Float64Array(run.length);
  for (let k = 0; k < run.length; k++) out[k] = run[k] / div;
  return out;
}

/** The outer ring of each polygon (ringsOf; holes are not read) */
export function outerRings(u: { geometry: Shape }, at: PackedRef | null = packedAt(u)): Float64Array[] {
  return ringsOf(u, at, true).flatMap((rings) => rings.slice(0, 1));
}

/** geo.ts representativePoint of the unit's outline, read on its packing when it is packed (the
 *  same operations on the same doubles: the outline is not built, 3.5 M small arrays at 20 000
 *  communities) */
export function representativePointOf(u: { geometry: Shape }): LonLat {
  const at = packedAt(u);
  if (!at || at.packed.kind[at.i] === KEPT) return representativePoint(u.geometry);
  const { packed: p, i } = at;
  const { xy, div } = p;
  // the largest polygon (the first of equal ones) whose outer ring has 4 vertices or more
  let best = -1;
  let bestArea = -1;
  for (let k = p.unitPolys[i]; k < p.unitPolys[i + 1]; k++) {
    const r0 = p.polyRings[k];
    const r1 = p.polyRings[k + 1];
    if (r0 === r1 || p.ringVertices[r0 + 1] - p.ringVertices[r0] < 4) continue;
    if (best < 0) best = k;
    // as areaM2: the outer ring's, less each hole's (plain locals: this runs over every vertex of a city)
    let a = 0;
    a += runArea(xy, div, p.ringVertices[r0], p.ringVertices[r0 + 1] - p.ringVertices[r0]);
    for (let r = r0 + 1; r < r1; r++) a -= runArea(xy, div, p.ringVertices[r], p.ringVertices[r + 1] - p.ringVertices[r]);
    if (a > bestArea) {
      bestArea = a;
      best = k;
    }
  }
  if (best < 0) throw new Error('representativePoint: empty polygon');
  return scanLinePoint(p, p.polyRings[best], p.polyRings[best + 1]);
}

/** representativePoint's scan line through the middle of rings r0 … r1's box, on the packing */
function scanLinePoint(p: PackedOutlines, r0: number, r1: number): LonLat {
  const { xy, div } = p;
  const v0 = p.ringVertices[r0];
  const v1 = p.ringVertices[r1];
  let minY = Infinity;
  let maxY = -Infinity;
  for (let v = v0; v < v1; v++) {
    const y = xy[2 * v + 1] / div;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  // nudge off the exact middle so the scan line is unlikely to pass through a vertex
  const y = minY + (maxY - minY) * 0.5000001;
  const xs: number[] = [];
  for (let r = r0; r < r1; r++) {
    const w0 = p.ringVertices[r];
    const w1 = p.ringVertices[r + 1];
    for (let v = w0, w = w1 - 1; v < w1; w = v++) {
      const xi = xy[2 * v] / div;
      const yi = xy[2 * v + 1] / div;
      const xj = xy[2 * w] / div;
      const yj = xy[2 * w + 1] / div;
      if (yi > y !== yj > y) xs.push(((xj - xi) * (y - yi)) / (yj - yi) + xi);
    }
  }
  // degenerate (zero-height) polygon: its first vertex
  return widestMiddle(xs, y) ?? [xy[2 * v0] / div, xy[2 * v0 + 1] / div];
}

/** Inside an outer ring and outside its holes (even-odd, as geo.ts pointInArea), on the packing. */
export function pointInPacked(at: PackedRef, x: number, y: number): boolean {
  const { packed: p, i } = at;
  const { xy, div } = p;
  const inRing = (r: number) => {
    let inside = false;
    const [v0, v1] = [p.ringVertices[r], p.ringVertices[r + 1]];
    for (let v = v0, w = v1 - 1; v < v1; w = v++) if (rayCrosses(x, y, xy[2 * v] / div, xy[2 * v + 1] / div, xy[2 * w] / div, xy[2 * w + 1] / div)) inside = !inside;
    return inside;
  };
  for (let k = p.unitPolys[i]; k < p.unitPolys[i + 1]; k++) {
    const [r0, r1] = [p.polyRings[k], p.polyRings[k + 1]];
    if (r0 === r1 || !inRing(r0)) continue;
    let hole = false;
    for (let r = r0 + 1; r < r1 && !hole; r++) hole = inRing(r);
    if (!hole) return true;
  }
  return false;
}

/** the label point the unit was packed with, or null (not packed, or packed without labels) */
export function packedLabel(u: object): [number, number] | null {
  const at = (u as Tagged)[PACKED];
  if (!at) return null;
  const x = at.packed.label[2 * at.i];
  return Number.isNaN(x) ? null : [x, at.packed.label[2 * at.i + 1]];
}

/** the unit's outline box [west, south, east, north] if it was packed, else null */
export function packedBox(u: object): [number, number, number, number] | null {
  const at = (u as Tagged)[PACKED];
  if (!at) return null;
  const b = at.packed.box.subarray(4 * at.i, 4 * at.i + 4);
  return [b[0], b[1], b[2], b[3]];
}

/** a unit's box [west, south, east, north]: its packing's, or worked out from its geometry */
export function boxOf(u: { geometry: Shape }): [number, number, number, number] {
  const packed = packedBox(u);
  if (packed) return packed;
  const b = bboxOf(u.geometry);
  return [b.minX, b.minY, b.maxX, b.maxY];
}

/** where a geometry read straight into a packing keeps its coordinates (readInto) */
const READ = Symbol('read into a packing');

/** The geometry object `g` (a Polygon or MultiPolygon as the file has it, its coordinates not
 *  parsed: schemas/scan-outlines.ts read them into `at`) with `coordinates` a getter that builds
 *  them afresh from the packing at each read, so every reader sees what JSON.parse gave; the
 *  readers that know packings (pack, the schemas' checks) read the packing instead. Assigning
 *  `coordinates` replaces the getter and forgets the packing. */
export function readInto<G extends object>(g: G, at: PackedRef): G {
  Object.defineProperty(g, READ, { value: at, enumerable: false, configurable: true });
  return Object.defineProperty(g, 'coordinates', {
    enumerable: true,
    configurable: true,
    get: () => decode(at.packed, at.i).coordinates,
    set(value: unknown) {
      delete (this as { [READ]?: PackedRef })[READ];
      Object.defineProperty(this, 'coordinates', { value, writable: true, enumerable: true, configurable: true });
    },
  });
}

/** where a geometry read by readInto has its coordinates, or null; only when the packing's kind
 *  (by the coordinates' nesting) is the one its `type` says */
export function readAt(g: unknown): PackedRef | null {
  const at = readRef(g);
  if (!at) return null;
  const type = (g as { type?: unknown }).type;
  return at.packed.kind[at.i] === (type === 'Polygon' ? POLYGON : type === 'MultiPolygon' ? MULTI : -1) ? at : null;
}

/** A geometry read by readInto given its coordinates as arrays of its own (the packing forgotten):
 *  what JSON.parse would have made of them, for the readers of arrays. */
export function ownCoordinates(g: { coordinates?: unknown }): void {
  const built = g.coordinates;
  g.coordinates = built;
}

/** where the coordinates of a geometry read by readInto are, whatever its `type` says */
export function readRef(g: unknown): PackedRef | null {
  return typeof g === 'object' && g !== null ? ((g as { [READ]?: PackedRef })[READ] ?? null) : null;
}

function decode(p: PackedOutlines, i: number): Polygon | MultiPolygon {
  const polys: Position[][][] = [];
  for (let k = p.unitPolys[i]; k < p.unitPolys[i + 1]; k++) {
    const rings: Position[][] = [];
    for (let r = p.polyRings[k]; r < p.polyRings[k + 1]; r++) {
      const ring: Position[] = [];
      for (let v = p.ringVertices[r]; v < p.ringVertices[r + 1]; v++) ring.push([p.xy[2 * v] / p.div, p.xy[2 * v + 1] / p.div]);
      rings.push(ring);
    }
    polys.push(rings);
  }
  return p.kind[i] === POLYGON ? { type: 'Polygon', coordinates: polys[0] } : { type: 'MultiPolygon', coordinates: polys };
}

/** A unit's place in its packing and the outline last built from it (kept while something holds it). */
interface HeldRef extends PackedRef {
  held: WeakRef<Polygon | MultiPolygon> | undefined;
}

/** The `geometry` getter and setter of every unpacked unit: one pair of functions for all, the
 *  unit's place read from the unit itself. A pair per unit (closures over its place) gave each
 *  unit a shape of its own, and V8 then kept every such unit as a dictionary (≈ 400 bytes more
 *  each, page and worker: ≈ 16 MB at 20 000 communities). */
function packedGeometry(this: Tagged): Polygon | MultiPolygon {
  const at = this[PACKED] as HeldRef;
  const g = at.held?.deref();
  if (g) return g;
  const made = decode(at.packed, at.i) as Polygon | MultiPolygon;
  at.held = new WeakRef(made);
  return made;
}

function assignGeometry(this: Tagged, value: Shape): void {
  // an outline assigned: the packed one is no longer this unit's
  delete this[PACKED];
  Object.defineProperty(this, 'geometry', { value, writable: true, enumerable: true, configurable: true });
}

/** The units again, each packed outline behind a `geometry` getter (its own enumerable property,
 *  so a spread or a structured clone copies the outline itself). Assigning replaces the getter. */
export function unpackOutlines<T extends { geometry: Shape }>(layer: PackedLayer<T>): T[] {
  const { units, packed } = layer;
  const out = units.map((u, i) => {
    if (packed.kind[i] === KEPT) return u as T;
    const at: HeldRef = { packed, i, held: undefined };
    Object.defineProperty(u, PACKED, { value: at, enumerable: false, configurable: true });
    return Object.defineProperty(u, 'geometry', { enumerable: true, configurable: true, get: packedGeometry, set: assignGeometry }) as T;
  });
  packings.set(out, packed);
  return out;
}

/** the kinds of `PackedOutlines.kind` */
export const PACKED_KIND = { KEPT, POLYGON, MULTI } as const;
