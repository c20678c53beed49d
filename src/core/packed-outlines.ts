// Outlines packed into a few typed arrays, for the page's copy of the communities and streets.
// As GeoJSON each vertex is a small array of its own (≈ 44–72 bytes in V8, and one object for the
// garbage collector to trace); packed it is 16 bytes in one buffer that the worker hands over
// without copying. The page gets its units back with `geometry` as a getter that builds the
// GeoJSON when read (kept while something still holds it), so every reader — spreads that build
// an edit, structured clones to the worker, exports — sees the outline exactly as the file had it.
// Each packed unit also brings its box and its label point (the dot drawn at district zoom), so
// the views that need only those never build the outline.
import type { MultiPolygon, Point, Polygon, Position } from 'geojson';

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
  /** x, y of every vertex, in order */
  xy: Float64Array;
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

function polygonsOf(g: Shape): Position[][][] | null {
  if (g.type === 'Polygon') return g.coordinates.every(plain) ? [g.coordinates] : null;
  if (g.type === 'MultiPolygon') return g.coordinates.every((poly) => poly.every(plain)) ? g.coordinates : null;
  return null;
}

export function packOutlines<T extends { geometry: Shape }>(units: readonly T[], labelOf?: (g: Polygon | MultiPolygon) => Position): PackedLayer<T> {
  let polys = 0;
  let rings = 0;
  let vertices = 0;
  const shapes = units.map((u) => polygonsOf(u.geometry));
  for (const s of shapes) {
    for (const poly of s ?? []) {
      polys++;
      for (const ring of poly) {
        rings++;
        vertices += ring.length;
      }
    }
  }
  const packed: PackedOutlines = {
    kind: new Uint8Array(units.length),
    unitPolys: new Uint32Array(units.length + 1),
    polyRings: new Uint32Array(polys + 1),
    ringVertices: new Uint32Array(rings + 1),
    xy: new Float64Array(vertices * 2),
    box: new Float64Array(units.length * 4).fill(Number.NaN),
    label: new Float64Array(units.length * 2).fill(Number.NaN),
  };
  let p = 0;
  let r = 0;
  let v = 0;
  const out = units.map((u, i) => {
    const s = shapes[i];
    packed.unitPolys[i] = p;
    if (!s) return u;
    packed.kind[i] = u.geometry.type === 'Polygon' ? POLYGON : MULTI;
    const box = [Infinity, Infinity, -Infinity, -Infinity];
    for (const poly of s) {
      packed.polyRings[p++] = r;
      for (const ring of poly) {
        packed.ringVertices[r++] = v;
        for (const [x, y] of ring) {
          packed.xy[2 * v] = x;
          packed.xy[2 * v + 1] = y;
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
    const { geometry: _, ...rest } = u;
    return rest;
  });
  packed.unitPolys[units.length] = p;
  packed.polyRings[p] = r;
  packed.ringVertices[r] = v;
  return { units: out, packed };
}

/** the buffers to transfer rather than copy */
export function packedBuffers(p: PackedOutlines): ArrayBuffer[] {
  return [p.kind, p.unitPolys, p.polyRings, p.ringVertices, p.xy, p.box, p.label].map((a) => a.buffer as ArrayBuffer);
}

/** where an unpacked unit's outline lives (not enumerable: a spread or a clone leaves it behind,
 *  so an edited copy of a unit answers from its own geometry) */
const PACKED = Symbol('packed outline');

type Tagged = { [PACKED]?: { packed: PackedOutlines; i: number } };

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

function decode(p: PackedOutlines, i: number): Polygon | MultiPolygon {
  const polys: Position[][][] = [];
  for (let k = p.unitPolys[i]; k < p.unitPolys[i + 1]; k++) {
    const rings: Position[][] = [];
    for (let r = p.polyRings[k]; r < p.polyRings[k + 1]; r++) {
      const ring: Position[] = [];
      for (let v = p.ringVertices[r]; v < p.ringVertices[r + 1]; v++) ring.push([p.xy[2 * v], p.xy[2 * v + 1]]);
      rings.push(ring);
    }
    polys.push(rings);
  }
  return p.kind[i] === POLYGON ? { type: 'Polygon', coordinates: polys[0] } : { type: 'MultiPolygon', coordinates: polys };
}

/** The units again, each packed outline behind a `geometry` getter (its own enumerable property,
 *  so a spread or a structured clone copies the outline itself). Assigning replaces the getter. */
export function unpackOutlines<T extends { geometry: Shape }>(layer: PackedLayer<T>): T[] {
  const { units, packed } = layer;
  return units.map((u, i) => {
    if (packed.kind[i] === KEPT) return u as T;
    let held: WeakRef<Polygon | MultiPolygon> | undefined;
    Object.defineProperty(u, PACKED, { value: { packed, i }, enumerable: false });
    return Object.defineProperty(u, 'geometry', {
      enumerable: true,
      configurable: true,
      get() {
        const g = held?.deref();
        if (g) return g;
        const made = decode(packed, i);
        held = new WeakRef(made);
        return made;
      },
      set(value: T['geometry']) {
        Object.defineProperty(this, 'geometry', { value, writable: true, enumerable: true, configurable: true });
      },
    }) as T;
  });
}

/** each units array's packed outlines, packed once (the arrays are never changed in place: an edit
 *  or an import makes a new one) */
const outlinesKept = new WeakMap<readonly object[], PackedOutlines>();

/** The one way readers that walk every outline (the map's tiles) get a units array's outlines
 *  packed: packed on first use and kept as long as the array lives. Units KEPT (a point, or
 *  positions that are not [x, y]) are left for the reader to take from their geometry. */
export function outlinesOf(units: readonly { geometry: Shape }[]): PackedOutlines {
  const kept = outlinesKept.get(units);
  if (kept) return kept;
  const { packed } = packOutlines(units);
  outlinesKept.set(units, packed);
  return packed;
}

/** the kinds of `PackedOutlines.kind` */
export const PACKED_KIND = { KEPT, POLYGON, MULTI } as const;
