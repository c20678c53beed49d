// Small geometry helpers the readers share: map every position, and bounding boxes.
import type { Geometry, Position } from 'geojson';
import { MAX_COLLECTION_DEPTH } from '../core/limits';

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

const DEPTH: Record<string, number> = { Point: 0, MultiPoint: 1, LineString: 1, MultiLineString: 2, Polygon: 2, MultiPolygon: 3 };

/**
 * Why a parsed GeoJSON geometry is not well-formed (arrays nested as its type says, positions of
 * 2–4 finite numbers, collections at most MAX_COLLECTION_DEPTH deep), or undefined. Runs before
 * anything walks the coordinates: no recursion, so hostile nesting cannot overflow the stack.
 */
export function shapeProblem(g: unknown): string | undefined {
  const todo: [unknown, number][] = [[g, 0]];
  while (todo.length) {
    const [x, level] = todo.pop() as [Record<string, unknown>, number];
    if (typeof x !== 'object' || x === null || typeof x.type !== 'string') return 'not a geometry object';
    if (x.type === 'GeometryCollection') {
      if (level >= MAX_COLLECTION_DEPTH) return `GeometryCollection nested more than ${MAX_COLLECTION_DEPTH} deep`;
      if (!Array.isArray(x.geometries)) return 'GeometryCollection without "geometries"';
      for (const c of x.geometries) todo.push([c, level + 1]);
      continue;
    }
    const depth = DEPTH[x.type];
    if (depth === undefined) return `unknown type ${x.type.slice(0, 40)}`;
    // breadth-first over the nesting levels: every array at level < depth holds arrays, at depth numbers
    let layer: unknown[] = [x.coordinates];
    for (let d = 0; d <= depth; d++) {
      const next: unknown[] = [];
      for (const a of layer) {
        if (!Array.isArray(a)) return `coordinates of ${x.type}: expected ${d === depth ? 'a position' : 'an array'} at nesting level ${d + 1}`;
        if (d < depth) for (const b of a) next.push(b);
        else if (a.length < 2 || a.length > 4 || !a.every((n) => typeof n === 'number' && Number.isFinite(n)))
          return `coordinates of ${x.type}: a position must be 2–4 finite numbers, got [${a.slice(0, 4).map(brief).join(', ')}${a.length > 4 ? ', …' : ''}]`;
      }
      layer = next;
    }
  }
  return undefined;
}

/** A value in a message, never walked: nested arrays stay "[…]". */
function brief(v: unknown): string {
  if (Array.isArray(v)) return '[…]';
  if (typeof v === 'object' && v !== null) return '{…}';
  return String(v).slice(0, 24);
}
