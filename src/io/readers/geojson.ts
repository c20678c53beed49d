// GeoJSON (RFC 7946: lon/lat WGS84). A legacy "crs" member naming a projected system is honoured.
import type { Geometry } from 'geojson';
import { crsFromUser } from '../crs';
import { fail } from '../errors';
import type { CrsInfo, ReadOptions, SourceFeature, SourceLayer } from '../types';
import { shapeProblem } from '../geometry';
import { columnsOf, progressEvery, reproject } from './common';
import { errorMessage } from '../../core/errors';

const GEOMETRY_TYPES = new Set(['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon', 'GeometryCollection']);

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function readGeoJson(file: string, text: string, opts: ReadOptions): SourceLayer {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    return fail('io.err.jsonSyntax', { file, detail: errorMessage(e) });
  }
  if (!isRecord(doc)) return fail('io.err.notGeoJson', { file, found: Array.isArray(doc) ? 'array' : typeof doc });
  let raw: unknown[];
  if (doc.type === 'FeatureCollection') {
    if (!Array.isArray(doc.features)) return fail('io.err.noFeaturesArray', { file });
    raw = doc.features;
  } else if (doc.type === 'Feature') raw = [doc];
  else if (typeof doc.type === 'string' && GEOMETRY_TYPES.has(doc.type)) raw = [{ type: 'Feature', geometry: doc, properties: {} }];
  else return fail('io.err.notGeoJson', { file, found: String(doc.type ?? 'no "type"') });

  const crs = opts.crs ? crsFromUser(opts.crs) : (legacyCrs(doc.crs) ?? { code: 'EPSG:4326', source: 'format' as const });
  const coords = opts.coords ?? 'wgs84';
  const tick = progressEvery(raw.length, opts.onProgress);
  const features = raw.map((f, i): SourceFeature => {
    tick(i);
    const number = i + 1;
    if (!isRecord(f) || f.type !== 'Feature') {
      return { number, geometry: null, properties: {}, geometryNote: { key: 'io.note.notAFeature', args: { n: number } } };
    }
    const props = isRecord(f.properties) ? { ...f.properties } : {};
    if (f.id !== undefined && f.id !== null && props.id === undefined) props.id = f.id;
    const g = f.geometry;
    if (g === null || g === undefined) return { number, geometry: null, properties: props, geometryNote: { key: 'io.note.nullGeometry' } };
    if (!isRecord(g) || typeof g.type !== 'string' || !GEOMETRY_TYPES.has(g.type)) {
      return { number, geometry: null, properties: props, geometryNote: { key: 'io.note.badGeometry', args: { type: String(isRecord(g) ? g.type : typeof g).slice(0, 40) } } };
    }
    const bad = shapeProblem(g);
    if (bad) return { number, geometry: null, properties: props, geometryNote: { key: 'io.note.badShape', args: { detail: bad } } };
    try {
      return { number, geometry: reproject(g as unknown as Geometry, crs, coords), properties: props };
    } catch {
      return { number, geometry: null, properties: props, geometryNote: { key: 'io.note.badCoordinates' } };
    }
  });
  return { name: file.replace(/\.(geo)?json$/i, ''), format: 'geojson', numbering: 'feature', crs, coords, columns: columnsOf(features), features, notes: [] };
}

/** GeoJSON 2008 "crs": {"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::4524"}} */
function legacyCrs(c: unknown): CrsInfo | undefined {
  if (!isRecord(c) || !isRecord(c.properties) || typeof c.properties.name !== 'string') return undefined;
  const m = /EPSG:{1,2}(\d+)/i.exec(c.properties.name);
  if (!m || m[1] === '4326' || /CRS84/i.test(c.properties.name)) return undefined;
  return { ...crsFromUser(`EPSG:${m[1]}`), source: 'format' };
}
