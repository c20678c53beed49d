// Small geometry helpers the readers share: map every position, and bounding boxes.
import type { Geometry, Position } from 'geojson';

export type PosFn = (p: Position) => Position;

/** A new geometry with every position passed through fn (the input is not mutated). */
export function mapPositions(g: Geometry, fn: PosFn): Geometry {
  switch (g.type) {
    case 'Point':
      return { type: 'Point', coordinates: fn(g.coordinates) };
    case 'MultiPoint':
      return { type: 'MultiPoint', coordinates: g.coordinates.map(fn) };
    case 'LineString':
      return { type: 'LineString', coordinates: g.coordinates.map(fn) };
    case 'MultiLineString':
      return { type: 'MultiLineString', coordinates: g.coordinates.map((l) => l.map(fn)) };
    case 'Polygon':
      return { type: 'Polygon', coordinates: g.coordinates.map((r) => r.map(fn)) };
    case 'MultiPolygon':
      return { type: 'MultiPolygon', coordinates: g.coordinates.map((p) => p.map((r) => r.map(fn))) };
    case 'GeometryCollection':
      return { type: 'GeometryCollection', geometries: g.geometries.map((x) => mapPositions(x, fn)) };
  }
}

export function eachPosition(g: Geometry, fn: (p: Position) => void): void {
  switch (g.type) {
    case 'Point':
      fn(g.coordinates);
      return;
    case 'MultiPoint':
    case 'LineString':
      g.coordinates.forEach(fn);
      return;
    case 'MultiLineString':
    case 'Polygon':
      g.coordinates.forEach((l) => l.forEach(fn));
      return;
    case 'MultiPolygon':
      g.coordinates.forEach((p) => p.forEach((r) => r.forEach(fn)));
      return;
    case 'GeometryCollection':
      g.geometries.forEach((x) => eachPosition(x, fn));
  }
}

export type BBox = [number, number, number, number];

export function bboxOf(g: Geometry): BBox {
  const b: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  eachPosition(g, (p) => {
    if (p[0] < b[0]) b[0] = p[0];
    if (p[1] < b[1]) b[1] = p[1];
    if (p[0] > b[2]) b[2] = p[0];
    if (p[1] > b[3]) b[3] = p[1];
  });
  return b;
}

/** A point inside or on the geometry for distance checks: first position (cheap, good enough for bbox tests). */
export function firstPosition(g: Geometry): Position | undefined {
  let first: Position | undefined;
  eachPosition(g, (p) => {
    if (!first) first = p;
  });
  return first;
}

/**
 * Shapes the model can take: a GeometryCollection of only polygons (KML MultiGeometry) becomes a
 * MultiPolygon, of only lines a MultiLineString, of only points a MultiPoint; a MultiPoint of one
 * point (Shapefile type 8, KML) becomes a Point. Anything else is left for the validator to name.
 */
export function normalizeGeometry(g: Geometry): Geometry {
  if (g.type === 'MultiPoint' && g.coordinates.length === 1) return { type: 'Point', coordinates: g.coordinates[0] };
  if (g.type !== 'GeometryCollection') return g;
  const parts = g.geometries.map(normalizeGeometry);
  if (parts.length === 1) return parts[0];
  if (parts.length > 0 && parts.every((p) => p.type === 'Polygon' || p.type === 'MultiPolygon')) {
    return { type: 'MultiPolygon', coordinates: parts.flatMap((p) => (p.type === 'Polygon' ? [p.coordinates] : p.type === 'MultiPolygon' ? p.coordinates : [])) };
  }
  if (parts.length > 0 && parts.every((p) => p.type === 'LineString' || p.type === 'MultiLineString')) {
    return { type: 'MultiLineString', coordinates: parts.flatMap((p) => (p.type === 'LineString' ? [p.coordinates] : p.type === 'MultiLineString' ? p.coordinates : [])) };
  }
  if (parts.length > 0 && parts.every((p) => p.type === 'Point' || p.type === 'MultiPoint')) {
    return { type: 'MultiPoint', coordinates: parts.flatMap((p) => (p.type === 'Point' ? [p.coordinates] : p.type === 'MultiPoint' ? p.coordinates : [])) };
  }
  return { type: 'GeometryCollection', geometries: parts };
}
