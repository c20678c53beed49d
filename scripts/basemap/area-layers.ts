// Turns an area's GeoJSON files (the demo's, or anyone's with the same fields) into the base map's
// four tile layers. Field names follow src/core/model.ts (Street.type, Road.highway, Community.type).
//
// Tile layers (documented in docs/basemap.md, styled by src/map/basemap-style.ts):
//   land        the area outline polygon(s)                         {name}
//   water       rivers/lakes, when a water file exists               {name?}
//   boundaries  outline and street/town borders as lines, each once  {kind: district|street|town, name? (district only)}
//   roads       lines                                                {class: major|medium|minor|path, highway, name?}
//   places      label points                                         {kind: district|street|town|community|village, name}
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bbox as turfBbox, booleanPointInPolygon, centroid, pointOnFeature } from '@turf/turf';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import { MINZOOM_PROPERTY, type BasemapFeature, type LayerSet, type PropertyValue } from './tiles';
import { errorMessage } from '../../src/core/errors';

export type RoadClass = 'major' | 'medium' | 'minor' | 'path';

/** OSM highway values → the four classes the style draws. Unknown or missing → minor. */
export function roadClass(highway: unknown): RoadClass {
  const h = typeof highway === 'string' ? highway.replace(/_link$/, '') : '';
  if (['motorway', 'trunk', 'primary'].includes(h)) return 'major';
  if (['secondary', 'tertiary'].includes(h)) return 'medium';
  if (['footway', 'path', 'pedestrian', 'steps', 'cycleway', 'track', 'bridleway'].includes(h)) return 'path';
  return 'minor';
}

/** Lowest zoom a road class is kept at: small roads would only clutter (and bloat) the low zooms. */
export const ROAD_MINZOOM: Record<RoadClass, number> = { major: 8, medium: 10, minor: 12, path: 14 };
/** Community/village labels only once single communities are distinguishable on screen. */
export const COMMUNITY_LABEL_MINZOOM = 13;
/** Street/town labels from the zoom where a whole district fits a laptop screen. */
export const STREET_LABEL_MINZOOM = 9;

export interface AreaFiles {
  outline: FeatureCollection;
  streets: FeatureCollection;
  roads: FeatureCollection;
  communities?: FeatureCollection;
  water?: FeatureCollection;
}

export interface AreaLayers {
  layers: LayerSet;
  bounds: [number, number, number, number];
  /** name of the area (outline feature `name`), for metadata */
  name: string;
  /** features skipped or degraded, each naming file, index, id, field and what to do */
  warnings: string[];
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Reads `<dir>/<name>.geojson`; a missing required file or one that is not a FeatureCollection is an error. */
export function readAreaFiles(dir: string): AreaFiles {
  const read = (name: string, required: boolean): FeatureCollection | undefined => {
    const file = join(dir, `${name}.geojson`);
    if (!existsSync(file)) {
      if (required) throw new Error(`${file}: missing. The base map needs ${name}.geojson in ${dir} (see docs/basemap.md for the fields).`);
      return undefined;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(file, 'utf8'));
    } catch (e) {
      throw new Error(`${file}: not valid JSON (${errorMessage(e)})`);
    }
    if (!isRecord(parsed) || parsed.type !== 'FeatureCollection' || !Array.isArray(parsed.features)) {
      throw new Error(`${file}: expected a GeoJSON FeatureCollection with a features array`);
    }
    return parsed as unknown as FeatureCollection;
  };
  return {
    outline: read('outline', true)!,
    streets: read('streets', true)!,
    roads: read('roads', true)!,
    communities: read('communities', false),
    water: read('water', false),
  };
}

type Props = Record<string, PropertyValue>;

function feature(geometry: Geometry, properties: Props): BasemapFeature {
  return { type: 'Feature', geometry, properties };
}

function polygonRings(g: Polygon | MultiPolygon): Position[][] {
  return g.type === 'Polygon' ? g.coordinates : g.coordinates.flat();
}

/** A point inside the polygon: its centroid when that is inside, otherwise turf's pointOnFeature. */
export function labelPoint(g: Polygon | MultiPolygon): Position {
  const c = centroid(g).geometry.coordinates;
  if (booleanPointInPolygon(c, g)) return c;
  return pointOnFeature(g).geometry.coordinates;
}

/** Direction-free key of a segment, at 1e-7° (≈ 1 cm) so coordinates written twice still match. */
export function segmentKey(a: Position, b: Position): string {
  const k = (p: Position): string => `${Math.round(p[0]! * 1e7)},${Math.round(p[1]! * 1e7)}`;
  const [ka, kb] = [k(a), k(b)];
  return ka < kb ? `${ka}|${kb}` : `${kb}|${ka}`;
}

/** The parts of a ring not drawn yet, as polylines of consecutive new segments; marks them drawn. */
export function undrawnRuns(ring: Position[], drawn: Set<string>): Position[][] {
  const runs: Position[][] = [];
  let current: Position[] | undefined;
  for (let k = 1; k < ring.length; k++) {
    const key = segmentKey(ring[k - 1]!, ring[k]!);
    if (drawn.has(key)) {
      current = undefined;
      continue;
    }
    drawn.add(key);
    if (!current) {
      current = [ring[k - 1]!];
      runs.push(current);
    }
    current.push(ring[k]!);
  }
  return runs;
}

/**
 * What is wrong with a geometry's coordinates, or undefined. Checked before turf or geojson-vt see
 * them, so one broken feature is reported and skipped instead of stopping the build.
 */
export function coordinateProblem(g: Geometry): string | undefined {
  if (g.type === 'GeometryCollection') return 'is a GeometryCollection; split it into single geometries';
  const positions: unknown[] = [];
  const collect = (v: unknown, depth: number): boolean => {
    if (!Array.isArray(v)) return false;
    if (depth === 0) {
      positions.push(v);
      return true;
    }
    return v.every((x) => collect(x, depth - 1));
  };
  const depth = { Point: 0, MultiPoint: 1, LineString: 1, MultiLineString: 2, Polygon: 2, MultiPolygon: 3 }[g.type];
  if (!collect(g.coordinates, depth)) return `has coordinates nested wrongly for a ${g.type}`;
  if (positions.length === 0) return 'has no coordinates';
  for (const p of positions as unknown[][]) {
    const [lon, lat] = p;
    if (typeof lon !== 'number' || typeof lat !== 'number' || !Number.isFinite(lon) || !Number.isFinite(lat)) {
      return `has a position ${JSON.stringify(p)} that is not two finite numbers`;
    }
    if (Math.abs(lon) > 180 || Math.abs(lat) > 90) {
      return `has a position [${lon}, ${lat}] outside longitude/latitude; projected coordinates (metres) must be converted to WGS84 first (npm run import does)`;
    }
  }
  return undefined;
}

function text(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}

/** Builds the tile layers, skipping (and reporting) features that cannot be drawn. */
export function areaLayers(files: AreaFiles, fileNames: Partial<Record<keyof AreaFiles, string>> = {}): AreaLayers {
  const warnings: string[] = [];
  const label = (k: keyof AreaFiles): string => fileNames[k] ?? `${k}.geojson`;
  const where = (k: keyof AreaFiles, i: number, f: Feature): string => {
    const id = f.id ?? (isRecord(f.properties) ? f.properties.id : undefined);
    return `${label(k)} feature #${i}${id !== undefined ? ` (id ${String(id)})` : ''}`;
  };
  const polygons = (k: keyof AreaFiles, fc: FeatureCollection | undefined): { g: Polygon | MultiPolygon; p: Record<string, unknown>; i: number; f: Feature }[] =>
    (fc?.features ?? []).flatMap((f, i) => {
      const g = f.geometry;
      if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) {
        warnings.push(`${where(k, i, f)}: geometry is ${g ? g.type : 'missing'}, expected Polygon or MultiPolygon; left off the base map`);
        return [];
      }
      const problem = coordinateProblem(g);
      if (problem) {
        warnings.push(`${where(k, i, f)}: geometry ${problem}; left off the base map`);
        return [];
      }
      return [{ g, p: isRecord(f.properties) ? f.properties : {}, i, f }];
    });

  const land: BasemapFeature[] = [];
  const boundaries: BasemapFeature[] = [];
  const places: BasemapFeature[] = [];
  const roads: BasemapFeature[] = [];
  const water: BasemapFeature[] = [];

  const outline = polygons('outline', files.outline);
  if (outline.length === 0) throw new Error(`${label('outline')}: no Polygon/MultiPolygon feature, so the area has no extent to tile`);
  const areaName = text(outline[0]!.p.name) ?? '';
  for (const { g, p } of outline) {
    const name = text(p.name);
    land.push(feature(g, name ? { name } : {}));
    for (const ring of polygonRings(g)) boundaries.push(feature({ type: 'LineString', coordinates: ring }, { kind: 'district', ...(name ? { name } : {}) }));
    if (name) places.push(feature({ type: 'Point', coordinates: labelPoint(g) }, { kind: 'district', name }));
  }

  // Neighbouring streets share their border: draw each border segment once (and none that repeats
  // the district outline), so dashed border lines do not overlap out of step.
  const drawn = new Set(outline.flatMap(({ g }) => polygonRings(g).flatMap((r) => r.slice(1).map((q, k) => segmentKey(r[k]!, q)))));
  for (const { g, p, i, f } of polygons('streets', files.streets)) {
    const kind = p.type === 'town' ? 'town' : 'street';
    if (p.type !== 'town' && p.type !== 'street')
      warnings.push(`${where('streets', i, f)}: field type is ${JSON.stringify(p.type)}, expected "street" or "town"; drawn as a street`);
    const name = text(p.name);
    for (const ring of polygonRings(g)) {
      for (const line of undrawnRuns(ring, drawn)) boundaries.push(feature({ type: 'LineString', coordinates: line }, { kind }));
    }
    if (name) places.push(feature({ type: 'Point', coordinates: labelPoint(g) }, { kind, name, [MINZOOM_PROPERTY]: STREET_LABEL_MINZOOM }));
    else warnings.push(`${where('streets', i, f)}: no name, so no label; add a "name" property`);
  }

  for (const { g, p, i, f } of polygons('communities', files.communities)) {
    const name = text(p.name);
    if (!name) {
      warnings.push(`${where('communities', i, f)}: no name, so no label; add a "name" property`);
      continue;
    }
    places.push(feature({ type: 'Point', coordinates: labelPoint(g) }, { kind: p.type === 'rural' ? 'village' : 'community', name, [MINZOOM_PROPERTY]: COMMUNITY_LABEL_MINZOOM }));
  }

  (files.roads.features ?? []).forEach((f, i) => {
    const g = f.geometry;
    if (!g || (g.type !== 'LineString' && g.type !== 'MultiLineString')) {
      warnings.push(`${where('roads', i, f)}: geometry is ${g ? g.type : 'missing'}, expected LineString or MultiLineString; left off the base map`);
      return;
    }
    const problem = coordinateProblem(g);
    if (problem) {
      warnings.push(`${where('roads', i, f)}: geometry ${problem}; left off the base map`);
      return;
    }
    const p = isRecord(f.properties) ? f.properties : {};
    const cls = roadClass(p.highway);
    const name = text(p.name);
    const highway = text(p.highway);
    roads.push(feature(g, { class: cls, ...(highway ? { highway } : {}), ...(name ? { name } : {}), [MINZOOM_PROPERTY]: ROAD_MINZOOM[cls] }));
  });

  (files.water?.features ?? []).forEach((f, i) => {
    const g = f.geometry;
    const ok = g && ['Polygon', 'MultiPolygon', 'LineString', 'MultiLineString'].includes(g.type);
    if (!ok) {
      warnings.push(`${where('water', i, f)}: geometry is ${g ? g.type : 'missing'}, expected a polygon or a line; left off the base map`);
      return;
    }
    const problem = coordinateProblem(g);
    if (problem) {
      warnings.push(`${where('water', i, f)}: geometry ${problem}; left off the base map`);
      return;
    }
    const name = text(isRecord(f.properties) ? f.properties.name : undefined);
    water.push(feature(g as Geometry, name ? { name } : {}));
  });

  const [w, s, e, n] = turfBbox({ type: 'FeatureCollection', features: land });
  const fc = (features: BasemapFeature[]): FeatureCollection<Geometry, Props> => ({ type: 'FeatureCollection', features });
  const layers: LayerSet = { land: fc(land), boundaries: fc(boundaries), roads: fc(roads), places: fc(places) };
  if (water.length > 0) layers.water = fc(water);
  return { layers, bounds: [w, s, e, n], name: areaName, warnings };
}
