// Local metric projection for the generator: equirectangular about a fixed origin near the
// district centre. Over 长安区 (33.8°–34.3° N, 108.6°–109.3° E) the east–west scale varies with
// cos(latitude) by at most ±0.3 % from the origin's, well below the layout's own randomness.
// Output coordinates go back to WGS84 lon/lat rounded to 6 decimals (≈0.1 m).

import { EARTH_RADIUS } from '../../src/core/geo';

const DEG = Math.PI / 180;

export type XY = [number, number];
export type LonLat = [number, number];

export interface Projection {
  readonly origin: LonLat;
  toXY(p: LonLat): XY;
  /** back to lon/lat, rounded to 6 decimals */
  toLonLat(p: XY): LonLat;
}

export function round6(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}

export function createProjection(origin: LonLat): Projection {
  const ky = EARTH_RADIUS * DEG;
  const kx = ky * Math.cos(origin[1] * DEG);
  return {
    origin,
    toXY: ([lon, lat]) => [(lon - origin[0]) * kx, (lat - origin[1]) * ky],
    toLonLat: ([x, y]) => [round6(origin[0] + x / kx), round6(origin[1] + y / ky)],
  };
}
