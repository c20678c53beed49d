// Zod schemas for the GeoJSON geometries the model accepts, in WGS84 lon/lat. Coordinates that
// look projected (metres) are refused with a hint, because silently reading them as degrees would put
// a community in the wrong hemisphere.
import { z } from 'zod';
import type { PackedRef } from '../core/packed-outlines';

const lon = z.number().finite().min(-180, 'lon<-180').max(180, 'lon>180');
const lat = z.number().finite().min(-90, 'lat<-90').max(90, 'lat>90');
export const zPosition = z.tuple([lon, lat]).rest(z.number());

const zRing = z
  .array(zPosition)
  .min(4, 'ring<4')
  .refine((r) => r.length < 4 || (r[0][0] === r[r.length - 1][0] && r[0][1] === r[r.length - 1][1]), 'ring-open');

export const zPoint = z.object({ type: z.literal('Point'), coordinates: zPosition });
export const zPolygon = z.object({ type: z.literal('Polygon'), coordinates: z.array(zRing).min(1, 'empty') });
export const zMultiPolygon = z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(zRing).min(1, 'empty')).min(1, 'empty') });
export const zLineString = z.object({ type: z.literal('LineString'), coordinates: z.array(zPosition).min(2, 'line<2') });
export const zMultiLineString = z.object({ type: z.literal('MultiLineString'), coordinates: z.array(z.array(zPosition).min(2, 'line<2')).min(1, 'empty') });

export const zCommunityGeometry = z.discriminatedUnion('type', [zPoint, zPolygon, zMultiPolygon]);
export const zFacilityGeometry = z.discriminatedUnion('type', [zPoint, zPolygon]);
export const zStreetGeometry = z.discriminatedUnion('type', [zPolygon, zMultiPolygon]);
export const zRoadGeometry = z.discriminatedUnion('type', [zLineString, zMultiLineString]);

export const GEOMETRY_TYPES = {
  communities: ['Point', 'Polygon', 'MultiPolygon'],
  facilities: ['Point', 'Polygon'],
  streets: ['Polygon', 'MultiPolygon'],
  roads: ['LineString', 'MultiLineString'],
} as const;

// The fast path: the same acceptance as the schemas above, checked over the arrays in place. Zod
// copies every position (twice per feature before: the geometry, then the whole record), which for
// a city of 3.5 M vertices cost seconds of parsing and more of garbage collection. Anything this
// refuses goes through Zod, so a bad file gets exactly the message it got before; what it accepts
// Zod accepts too (tests/schemas/geometry-fast.test.ts compares both on random input).

function okPosition(p: unknown): boolean {
  if (!Array.isArray(p) || p.length < 2) return false;
  const x = p[0];
  const y = p[1];
  if (typeof x !== 'number' || typeof y !== 'number' || !(x >= -180 && x <= 180 && y >= -90 && y <= 90)) return false;
  for (let i = 2; i < p.length; i++) if (typeof p[i] !== 'number' || !Number.isFinite(p[i])) return false;
  return true;
}

function okLine(l: unknown, min: number): boolean {
  if (!Array.isArray(l) || l.length < min) return false;
  for (let i = 0; i < l.length; i++) if (!okPosition(l[i])) return false;
  return true;
}

function okRing(r: unknown): boolean {
  if (!okLine(r, 4)) return false;
  const a = (r as number[][])[0];
  const b = (r as number[][])[(r as unknown[]).length - 1];
  return a[0] === b[0] && a[1] === b[1];
}

function okAll(xs: unknown, min: number, ok: (x: unknown) => boolean): boolean {
  if (!Array.isArray(xs) || xs.length < min) return false;
  for (let i = 0; i < xs.length; i++) if (!ok(xs[i])) return false;
  return true;
}

const FAST: Record<string, (c: unknown) => boolean> = {
  Point: okPosition,
  Polygon: (c) => okAll(c, 1, okRing),
  MultiPolygon: (c) => okAll(c, 1, (p) => okAll(p, 1, okRing)),
  LineString: (c) => okLine(c, 2),
  MultiLineString: (c) => okAll(c, 1, (l) => okLine(l, 2)),
};

/** `{type, coordinates}` sharing the input's arrays when they pass the schema's checks (the type is
 *  one the layer allows, checked by the caller); undefined means "ask Zod" (for its message). */
export function fastGeometry<T>(g: { type?: unknown; coordinates?: unknown }): T | undefined {
  const ok = typeof g.type === 'string' ? FAST[g.type] : undefined;
  return ok?.(g.coordinates) ? ({ type: g.type, coordinates: g.coordinates } as T) : undefined;
}

/** The same acceptance for a Polygon or MultiPolygon read straight into a packing (readAt: its
 *  nesting is the one its type says, every position [x, y] of finite numbers, no array empty): every
 *  position in range, every ring of 4 positions or more and closed. */
export function fastPacked({ packed: p, i }: PackedRef): boolean {
  for (let k = p.unitPolys[i]; k < p.unitPolys[i + 1]; k++) {
    for (let r = p.polyRings[k]; r < p.polyRings[k + 1]; r++) {
      const v0 = p.ringVertices[r];
      const v1 = p.ringVertices[r + 1];
      if (v1 - v0 < 4 || p.xy[2 * v0] !== p.xy[2 * v1 - 2] || p.xy[2 * v0 + 1] !== p.xy[2 * v1 - 1]) return false;
    }
  }
  const { xy, div } = p;
  const v0 = p.ringVertices[p.polyRings[p.unitPolys[i]]];
  const v1 = p.ringVertices[p.polyRings[p.unitPolys[i + 1]]];
  for (let v = v0; v < v1; v++) {
    const x = xy[2 * v] / div;
    const y = xy[2 * v + 1] / div;
    if (!(x >= -180 && x <= 180 && y >= -90 && y <= 90)) return false;
  }
  return true;
}

/** the vertices of the unit's largest polygon */
export function largestPacked({ packed: p, i }: PackedRef): number {
  let most = 0;
  for (let k = p.unitPolys[i]; k < p.unitPolys[i + 1]; k++) most = Math.max(most, p.ringVertices[p.polyRings[k + 1]] - p.ringVertices[p.polyRings[k]]);
  return most;
}

/** First coordinate pair anywhere in a geometry-like value, to tell "projected metres" apart. */
export function firstPosition(g: unknown): [number, number] | undefined {
  let c: unknown = typeof g === 'object' && g !== null ? (g as { coordinates?: unknown }).coordinates : undefined;
  while (Array.isArray(c) && Array.isArray(c[0])) c = c[0];
  return Array.isArray(c) && typeof c[0] === 'number' && typeof c[1] === 'number' ? [c[0], c[1]] : undefined;
}
