// Walk areas as people read areas (the map draws them so: the worker's tiles of them,
// service/unit-tiles.ts). Pure: lon/lat rings in, the same rings out.
import type { FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { ringArea } from './geo';

/** Holes smaller than this (m²) are filled in a walk area: a block ringed by walkable streets. */
export const FILLED_HOLE_M2 = 500_000;

/** a hole of a walk area that is filled in (a block its streets ring) */
export const filledHole = (hole: Position[]): boolean => ringArea(hole) < FILLED_HOLE_M2;

/** Service areas as people read areas. A walk along streets reaches the streets, and their buffer
 *  is a lattice of thin strips around every block; the blocks it rings (holes under
 *  FILLED_HOLE_M2) are within reach from their own streets, so they are filled in. Circles pass
 *  through as they are. */
export function coverageAreas<P>(fc: FeatureCollection<Polygon | MultiPolygon, P>): FeatureCollection<Polygon | MultiPolygon, P> {
  const outer = (poly: Position[][]) => [poly[0], ...poly.slice(1).filter((hole) => !filledHole(hole))];
  return {
    type: 'FeatureCollection',
    features: fc.features.map((f) => ({
      ...f,
      geometry:
        f.geometry.type === 'Polygon' ? { type: 'Polygon', coordinates: outer(f.geometry.coordinates) } : { type: 'MultiPolygon', coordinates: f.geometry.coordinates.map(outer) },
    })),
  };
}
