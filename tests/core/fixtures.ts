// Small hand-made layers laid out in metres east/north of (108.9°E, 34.15°N), converted with the
// same local equirectangular projection as src/core/geo.ts, so distances in the tests can be
// worked out by hand (Pythagoras) to within ~0.05 % of the geodesic values the engine uses.
import type { MultiPolygon, Point, Polygon } from 'geojson';
import { localProjector } from '../../src/core/geo';
import type { AreaInfo, Community, Facility, Layers, Street } from '../../src/core/model';

const proj = localProjector([108.9, 34.15]);
export const at = (x: number, y: number): [number, number] => proj.toLonLat([x, y]);
export const point = (x: number, y: number): Point => ({ type: 'Point', coordinates: at(x, y) });
export const rect = (x0: number, y0: number, x1: number, y1: number): Polygon => ({
  type: 'Polygon',
  coordinates: [[at(x0, y0), at(x1, y0), at(x1, y1), at(x0, y1), at(x0, y0)]],
});
export const multi = (...parts: Polygon[]): MultiPolygon => ({ type: 'MultiPolygon', coordinates: parts.map((p) => p.coordinates) });

export function community(id: string, over: Partial<Community> = {}): Community {
  return { id, name: id, type: 'new', geometry: rect(0, 0, 100, 100), extra: {}, ...over };
}
export function facility(id: string, kind: Facility['kind'], over: Partial<Facility> = {}): Facility {
  return { id, name: id, kind, geometry: point(50, 50), extra: {}, ...over };
}
export function street(id: string, type: Street['type'], geometry: Polygon = rect(-10000, -10000, 10000, 10000)): Street {
  return { id, name: id, type, geometry, extra: {} };
}
export function layers(l: Partial<Layers> & { area?: Partial<AreaInfo> }): Layers & { area: AreaInfo } {
  return { communities: [], facilities: [], streets: [], roads: [], ...l, area: { name: 'test', ...(l.area ?? {}) } };
}
