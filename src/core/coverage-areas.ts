// Walk areas as people read areas (the map draws them so: the worker's tiles of them,
// service/unit-tiles.ts). Pure: lon/lat rings in, the same rings out.
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';

/** Holes smaller than this (m²) are filled in a walk area: a block ringed by walkable streets. */
export const FILLED_HOLE_M2 = 500_000;

/** Area of a lon/lat ring in m² (shoelace on a local equirectangular projection: fine for blocks). */
function ringArea(ring: readonly number[][]): number {
  const lat0 = (ring.reduce((s, p) => s + p[1], 0) / ring.length) * (Math.PI / 180);
  const kx = 111_320 * Math.cos(lat0);
  const ky = 110_574;
  let twice = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) twice += ring[j][0] * kx * (ring[i][1] * ky) - ring[i][0] * kx * (ring[j][1] * ky);
  return Math.abs(twice / 2);
}

/** Service areas as people read areas. A walk along streets reaches the streets, and their buffer
 *  is a lattice of thin strips around every block; the blocks it rings (holes under
 *  FILLED_HOLE_M2) are within reach from their own streets, so they are filled in. Circles pass
 *  through as they are. */
export function coverageAreas<P>(fc: FeatureCollection<Polygon | MultiPolygon, P>): FeatureCollection<Polygon | MultiPolygon, P> {
  const outer = (poly: number[][][]) => [poly[0], ...poly.slice(1).filter((hole) => ringArea(hole) >= FILLED_HOLE_M2)];
  return {
    type: 'FeatureCollection',
    features: fc.features.map((f) => ({
      ...f,
      geometry:
        f.geometry.type === 'Polygon' ? { type: 'Polygon', coordinates: outer(f.geometry.coordinates) } : { type: 'MultiPolygon', coordinates: f.geometry.coordinates.map(outer) },
    })),
  };
}
