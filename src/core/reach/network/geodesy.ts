// Metric helpers for the street graph. Edge lengths and snapping legs are great-circle
// (haversine) distances on a sphere of the IUGG mean Earth radius; the nearest point on a
// segment is found in an equirectangular plane local to that segment (error ≪ 1 cm for
// street segments of a few hundred metres), then measured with haversine again.

// (EARTH_RADIUS is the radius pgRouting is fed through our edge costs)
import { EARTH_RADIUS } from '../../geo';

const RAD = Math.PI / 180;

/** Great-circle distance in metres between two lon/lat points (degrees). */
export function haversine(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const dLat = (lat2 - lat1) * RAD;
  const dLon = (lon2 - lon1) * RAD;
  const s = Math.sin(dLat / 2);
  const c = Math.sin(dLon / 2);
  const h = s * s + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * c * c;
  return 2 * EARTH_RADIUS * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Metres per degree of longitude / latitude at a latitude (equirectangular plane). */
export function metresPerDegree(lat: number): { x: number; y: number } {
  const y = EARTH_RADIUS * RAD;
  return { x: y * Math.cos(lat * RAD), y };
}

export function isLonLat(lon: unknown, lat: unknown): boolean {
  return typeof lon === 'number' && typeof lat === 'number' && Number.isFinite(lon) && Number.isFinite(lat) && Math.abs(lon) <= 180 && Math.abs(lat) <= 90;
}
