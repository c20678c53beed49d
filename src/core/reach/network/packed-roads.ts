// Roads kept packed: their lines' coordinates in one typed array instead of an array per vertex. A
// large city's 65 000 roads of 290 000 vertices held ≈ 35 MB of the analysis worker's heap as
// GeoJSON (traced by every collection of the first analysis) and were read into the street graph
// once; packed they are ≈ 5 MB and the graph is built straight from them (graph.ts). Each packed
// road's `geometry` is a getter that builds the GeoJSON as the file had it when read (saving the
// project, a spread copying the road), so every reader sees the same values. A road is packed only
// when that is exact: a LineString or MultiLineString of [lon, lat] positions of finite numbers within
// range, its geometry holding nothing but `type` and `coordinates`; any other stays as it is.
import type { Road } from '../../model';
import { isLonLat } from './geodesy';

/** the lines of all packed roads: line k's vertices are (xy[2v], xy[2v+1]) for v in lineStart[k] .. lineStart[k+1]-1 */
export interface RoadLines {
  lineStart: Uint32Array;
  xy: Float64Array;
}

/** a packed road's lines: first .. end-1 of `lines`; `multi`: a MultiLineString */
export interface PackedRoad {
  lines: RoadLines;
  first: number;
  end: number;
  multi: boolean;
}

const PACKED = Symbol('packed road');

/** where a road's lines are packed, or null (kept as it is) */
export const packedRoad = (r: Road): PackedRoad | null => (r as { [PACKED]?: PackedRoad })[PACKED] ?? null;

/** the lines of a geometry that packs exactly, or null */
function exactLines(g: unknown): readonly (readonly (readonly number[])[])[] | null {
  if (typeof g !== 'object' || g === null) return null;
  const keys = Object.keys(g);
  if (keys.length !== 2 || !('type' in g) || !('coordinates' in g)) return null;
  const { type, coordinates } = g as { type: unknown; coordinates: unknown };
  if (!Array.isArray(coordinates)) return null;
  const lines = type === 'LineString' ? [coordinates] : type === 'MultiLineString' ? coordinates : null;
  if (!lines) return null;
  for (const line of lines) {
    if (!Array.isArray(line)) return null;
    for (const p of line) if (!Array.isArray(p) || p.length !== 2 || !isLonLat(p[0], p[1])) return null;
  }
  return lines as number[][][];
}

/** The roads with every road that packs exactly packed (new objects; the others as they are). */
export function keepRoadsPacked(roads: readonly Road[]): Road[] {
  const found = roads.map((r) => exactLines(r?.geometry));
  let nLines = 0;
  let nVertices = 0;
  for (const lines of found)
    if (lines) {
      nLines += lines.length;
      for (const l of lines) nVertices += l.length;
    }
  const lines: RoadLines = { lineStart: new Uint32Array(nLines + 1), xy: new Float64Array(2 * nVertices) };
  let k = 0;
  let v = 0;
  return roads.map((road, i) => {
    const ls = found[i];
    if (!ls) return road;
    const at: PackedRoad = { lines, first: k, end: k + ls.length, multi: road.geometry.type === 'MultiLineString' };
    for (const l of ls) {
      for (const p of l) {
        lines.xy[2 * v] = p[0];
        lines.xy[2 * v + 1] = p[1];
        v++;
      }
      lines.lineStart[++k] = v;
    }
    return packedOf(road, at);
  });
}

/** A road without its GeoJSON, its `geometry` the getter shared by all (a function of its own: a
 *  getter made in keepRoadsPacked's loop kept the file's lines alive through its scope, and a
 *  closure per road gave each road a shape of its own, which V8 kept as a dictionary). */
function packedOf(road: Road, at: PackedRoad): Road {
  const { geometry: _, ...rest } = road;
  const out = Object.defineProperty(rest, 'geometry', { enumerable: true, configurable: true, get: roadGeometry }) as Road;
  return Object.defineProperty(out, PACKED, { value: at, enumerable: false });
}

/** a packed road's geometry as GeoJSON, made anew (the `geometry` getter of every packed road) */
function roadGeometry(this: { [PACKED]: PackedRoad }): Road['geometry'] {
  const at = this[PACKED];
  const { lineStart, xy } = at.lines;
  const line = (k: number) => {
    const out: [number, number][] = [];
    for (let v = lineStart[k]; v < lineStart[k + 1]; v++) out.push([xy[2 * v], xy[2 * v + 1]]);
    return out;
  };
  if (!at.multi) return { type: 'LineString', coordinates: line(at.first) };
  const coordinates: [number, number][][] = [];
  for (let k = at.first; k < at.end; k++) coordinates.push(line(k));
  return { type: 'MultiLineString', coordinates };
}
