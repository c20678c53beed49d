// The checks a record's geometry gets wherever data enters — the importer, a project file, a
// folder of GeoJSON (npm run check / check-sites / suggest), the worker's load: rings that cross
// themselves, places far outside China or the study area, longitude and latitude swapped.
// Each finding names the field; the caller decides whether it is an error (importer) or a listed
// data issue (a project that must still open).
import type { Geometry, Position } from 'geojson';
import type { Msg } from '../core/model';
import { MAX_VALUE_DEPTH } from '../core/limits';
import { ringCrossings } from '../core/self-intersections';
import { readAt } from '../core/packed-outlines';

/** the box of a packed unit */
const packedBox = ({ packed, i }: { packed: { box: Float64Array }; i: number }): BBox => [packed.box[4 * i], packed.box[4 * i + 1], packed.box[4 * i + 2], packed.box[4 * i + 3]];

export type BBox = [number, number, number, number];

export type FindingCode = 'self_intersection' | 'too_many_vertices' | 'outside_area' | 'swapped_lonlat';

export interface Finding {
  code: FindingCode;
  field: 'geometry';
  /** keys issue.* take {id}; the importer shows their location-free io.issue.* twins */
  msg: Msg;
}

/** Mainland China and its islands, generous: outside this, data for a Chinese city is misplaced. */
export const CHINA_BBOX: BBox = [73, 3, 136, 54];

export interface CheckOptions {
  /** study area [west, south, east, north]; without it the test is "inside China" */
  area?: BBox;
  /** metres beyond `area` still accepted (a neighbouring town's facility may serve the area) */
  maxOutsideMetres?: number;
  /** false: leave out the ring check (ringFindings), which the caller runs later (the worker runs
   *  it after a project's first analysis: ≈ 0.8 s for a city of 3.5 M outline vertices) */
  rings?: boolean;
}

const finding = (id: string, code: FindingCode, key: string, args: Record<string, string | number>): Finding => ({ code, field: 'geometry', msg: { key, args: { id, ...args } } });

/** lon and lat given the wrong way round: the first position is outside China, swapped it is inside */
export function swapped(g: Geometry): boolean {
  const p = firstPosition(g);
  return p !== undefined && !inBox(p[0], p[1], CHINA_BBOX) && inBox(p[1], p[0], CHINA_BBOX);
}

export function geometryFindings(id: string, g: Geometry, opts: CheckOptions = {}): Finding[] {
  const p = firstPosition(g);
  if (p && swapped(g)) return [finding(id, 'swapped_lonlat', 'issue.swappedLonLat', { lon: p[0], lat: p[1] })];
  const out: Finding[] = opts.rings === false ? [] : ringFindings(id, g);
  const add = (code: FindingCode, key: string, args: Record<string, string | number>) => out.push(finding(id, code, key, args));
  const box = opts.area ?? CHINA_BBOX;
  const off = metresOutside(g, box);
  if (off > (opts.area ? (opts.maxOutsideMetres ?? 5000) : 0)) {
    add('outside_area', opts.area ? 'issue.outsideArea' : 'issue.outsideChina', { km: Math.round(off / 100) / 10, lon: p ? p[0].toFixed(5) : '', lat: p ? p[1].toFixed(5) : '' });
  }
  return out;
}

/** A polygon's rings that cross themselves or each other (the first polygon found, or one with too
 *  many vertices to check): at most one finding; none for other geometries. */
export function ringFindings(id: string, g: Geometry): Finding[] {
  if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') return [];
  for (const rings of g.type === 'Polygon' ? [g.coordinates] : g.coordinates) {
    const c = ringCrossings(rings);
    if (!c.ok) return [finding(id, 'too_many_vertices', 'issue.tooManyVertices', { vertices: c.vertices, max: c.max })];
    if (c.at.length) return [finding(id, 'self_intersection', 'issue.selfIntersection', { at: c.at.map((q) => `${q[0].toFixed(6)},${q[1].toFixed(6)}`).join('; ') })];
  }
  return [];
}

/** Every position of a model geometry (no recursion: model geometries hold no collections). */
function positions(g: Geometry): Position[][] {
  switch (g.type) {
    case 'Point':
      return [[g.coordinates]];
    case 'MultiPoint':
    case 'LineString':
      return [g.coordinates];
    case 'MultiLineString':
    case 'Polygon':
      return g.coordinates;
    case 'MultiPolygon':
      return g.coordinates.flat();
    default:
      return [];
  }
}

function firstPosition(g: Geometry): Position | undefined {
  // an outline read into a packing: its first vertex there, not its coordinates built
  const at = readAt(g);
  if (at) {
    const v = at.packed.ringVertices[at.packed.polyRings[at.packed.unitPolys[at.i]]];
    return [at.packed.xy[2 * v] / at.packed.div, at.packed.xy[2 * v + 1] / at.packed.div];
  }
  return positions(g).find((l) => l.length > 0)?.[0];
}

/** Metres outside the box (0 inside), by a local equirectangular approximation. */
export function metresOutside(g: Geometry, box: BBox): number {
  const at = readAt(g);
  const b: BBox = at ? [...packedBox(at)] : [Infinity, Infinity, -Infinity, -Infinity];
  for (const line of at ? [] : positions(g)) {
    for (const p of line) {
      if (p[0] < b[0]) b[0] = p[0];
      if (p[1] < b[1]) b[1] = p[1];
      if (p[0] > b[2]) b[2] = p[0];
      if (p[1] > b[3]) b[3] = p[1];
    }
  }
  if (b[0] > b[2]) return 0;
  const lat = (Math.max(b[1], box[1]) + Math.min(b[3], box[3])) / 2;
  const kx = Math.cos((Math.max(-89, Math.min(89, lat)) * Math.PI) / 180);
  const dx = Math.max(0, box[0] - b[2], b[0] - box[2]) * kx;
  const dy = Math.max(0, box[1] - b[3], b[1] - box[3]);
  return Math.hypot(dx, dy) * 111_320;
}

export function inBox(x: number, y: number, box: BBox): boolean {
  return x >= box[0] && x <= box[2] && y >= box[1] && y <= box[3];
}

/** Whether a property value nests arrays/objects deeper than MAX_VALUE_DEPTH (walked without recursion). */
export function tooDeep(v: unknown, max = MAX_VALUE_DEPTH): boolean {
  if (typeof v !== 'object' || v === null) return false; // most values: no arrays to make
  let level: unknown[] = [v];
  for (let d = 0; level.length; d++) {
    const next: unknown[] = [];
    for (const x of level) if (typeof x === 'object' && x !== null) for (const y of Object.values(x)) if (typeof y === 'object' && y !== null) next.push(y);
    if (next.length && d + 1 >= max) return true;
    level = next;
  }
  return false;
}
