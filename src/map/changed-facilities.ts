// Pure: the facilities that differ between the two sides of a comparison, as rings drawn over
// each map (MapView.setExtra): on B the ones B adds or changes, on A the ones B removes or
// changes — so the eye finds the plan's edits at once.
import type { LayerSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { FeatureCollection, Point } from 'geojson';
import { pointOnFeature } from '@turf/turf';
import type { Facility } from '../core/model';
import { CHANGED_COLOURS } from './theme';

export const CHANGED_SOURCE = 'a-compare-changed';

const same = (x: Facility, y: Facility) => JSON.stringify(x) === JSON.stringify(y);

/** Facilities of `mine` that the other side lacks or holds differently. */
export function changedFacilities(mine: readonly Facility[], other: readonly Facility[]): FeatureCollection<Point, { id: string; kind: 'only' | 'changed' }> {
  const theirs = new Map(other.map((f) => [f.id, f]));
  const features = mine.flatMap((f) => {
    const t = theirs.get(f.id);
    if (t && same(f, t)) return [];
    const geometry = f.geometry.type === 'Point' ? f.geometry : pointOnFeature(f.geometry).geometry;
    return [{ type: 'Feature' as const, geometry, properties: { id: f.id, kind: t ? ('changed' as const) : ('only' as const) } }];
  });
  return { type: 'FeatureCollection', features };
}

export const CHANGED_LAYERS: LayerSpecification[] = [
  {
    id: 'a-compare-changed-halo',
    type: 'circle',
    source: CHANGED_SOURCE,
    paint: { 'circle-radius': 15, 'circle-color': 'rgba(0,0,0,0)', 'circle-stroke-color': CHANGED_COLOURS.halo, 'circle-stroke-width': 5 },
  },
  {
    id: 'a-compare-changed-ring',
    type: 'circle',
    source: CHANGED_SOURCE,
    paint: { 'circle-radius': 15, 'circle-color': 'rgba(0,0,0,0)', 'circle-stroke-color': CHANGED_COLOURS.ring, 'circle-stroke-width': 2.5 },
  },
];
