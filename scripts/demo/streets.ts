// SIMULATED 街道 boundaries: the Voronoi cell of each seat (metric plane) cut to the real outline.
// The projection is affine, so cells stay straight-edged and convex in lon/lat as well.
import { featureCollection, intersect, polygon } from '@turf/turf';
import type { MultiPolygon, Polygon } from 'geojson';
import type { Street } from '../../src/core/model';
import type { Frame } from './frame';

const cache = new WeakMap<Frame, Street[]>();

/** The partition depends on the frame only (not on seed or size), so it is computed once per process. */
export function buildStreets(frame: Frame): Street[] {
  let streets = cache.get(frame);
  if (!streets) cache.set(frame, (streets = partition(frame)));
  return structuredClone(streets); // callers own their copy
}

function partition(frame: Frame): Street[] {
  const outline = { type: 'Feature' as const, properties: {}, geometry: frame.outline };
  return frame.streets.map((s, i) => {
    const ring = frame.cells[i].map((p) => frame.proj.toLonLat(p));
    const cell = polygon([[...ring, ring[0]]]);
    const cut = intersect(featureCollection<Polygon | MultiPolygon>([cell, outline]));
    if (!cut) throw new Error(`street ${s.code} ${s.name}: its cell does not meet the outline`);
    return {
      id: s.code,
      name: s.name,
      // from the statistical code: every unit of 长安区 is a 街道 today (the former 镇 were converted by 2016)
      type: s.type,
      geometry: cut.geometry,
      extra: {},
    };
  });
}
