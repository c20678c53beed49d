// Zod schemas for the GeoJSON geometries the model accepts, in WGS84 lon/lat. Coordinates that
// look projected (metres) are refused with a hint, because silently reading them as degrees would put
// a community in the wrong hemisphere.
import { z } from 'zod';

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

/** First coordinate pair anywhere in a geometry-like value, to tell "projected metres" apart. */
export function firstPosition(g: unknown): [number, number] | undefined {
  let c: unknown = typeof g === 'object' && g !== null ? (g as { coordinates?: unknown }).coordinates : undefined;
  while (Array.isArray(c) && Array.isArray(c[0])) c = c[0];
  return Array.isArray(c) && typeof c[0] === 'number' && typeof c[1] === 'number' ? [c[0], c[1]] : undefined;
}
