// Checks the schemas (src/schemas) do not make: geometry that crosses itself, points far from the
// study area or with longitude and latitude swapped, parts larger than their whole.
import { kinks } from '@turf/kinks';
import type { Geometry, MultiPolygon, Polygon } from 'geojson';
import { bboxOf, type BBox } from './geometry';

/** Where rings cross themselves or each other, as [lon, lat] (first few only). */
export function selfIntersections(g: Geometry): [number, number][] {
  if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') return [];
  const polys: Polygon[] = g.type === 'Polygon' ? [g] : (g as MultiPolygon).coordinates.map((c) => ({ type: 'Polygon', coordinates: c }));
  const out: [number, number][] = [];
  for (const p of polys) {
    const k = kinks(p);
    for (const f of k.features) {
      const c = f.geometry.coordinates;
      out.push([c[0], c[1]]);
      if (out.length >= 3) return out;
    }
  }
  return out;
}

/** Mainland China and its islands, generous: outside this, data for a Chinese city is misplaced. */
export const CHINA_BBOX: BBox = [73, 3, 136, 54];

/** Metres outside the box (0 inside), by a local equirectangular approximation. */
export function metresOutside(g: Geometry, box: BBox): number {
  const b = bboxOf(g);
  const lat = (Math.max(b[1], box[1]) + Math.min(b[3], box[3])) / 2;
  const kx = Math.cos((Math.max(-89, Math.min(89, lat)) * Math.PI) / 180);
  const dx = Math.max(0, box[0] - b[2], b[0] - box[2]) * kx;
  const dy = Math.max(0, box[1] - b[3], b[1] - box[3]);
  return Math.hypot(dx, dy) * 111_320;
}

export function inBox(x: number, y: number, box: BBox): boolean {
  return x >= box[0] && x <= box[2] && y >= box[1] && y <= box[3];
}
