// The site under check on the page's map: its outline and, after a check, the straight-line
// 15-minute circle around its representative point (fed through MapView.setExtra like the
// suggested sites).
import type { LayerSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { Feature, FeatureCollection } from 'geojson';
import { representativePoint } from '../core/geo';
import type { SiteArea, SiteCheck } from '../core/site';
import { circlePolygon } from './suggest-layer';
import { SITE_COLOURS } from './theme';

export const SITE_SOURCE = 'a-site';

export function siteFeatures(geometry: SiteArea | null, result: SiteCheck | null): FeatureCollection {
  const features: Feature[] = [];
  if (geometry) {
    features.push({ type: 'Feature', geometry, properties: { role: 'site' } });
    const straight = result?.reach.find((f) => f.mode === 'straight');
    if (straight) features.push({ type: 'Feature', geometry: circlePolygon(representativePoint(geometry), straight.limit), properties: { role: 'circle' } });
  }
  return { type: 'FeatureCollection', features };
}

export function siteLayers(): LayerSpecification[] {
  return [
    {
      id: 'a-site-circle',
      type: 'line',
      source: SITE_SOURCE,
      filter: ['==', ['get', 'role'], 'circle'],
      paint: { 'line-color': SITE_COLOURS.circle, 'line-width': 1.5, 'line-dasharray': [3, 2] },
    },
    { id: 'a-site-fill', type: 'fill', source: SITE_SOURCE, filter: ['==', ['get', 'role'], 'site'], paint: { 'fill-color': SITE_COLOURS.outline, 'fill-opacity': 0.25 } },
    { id: 'a-site-line', type: 'line', source: SITE_SOURCE, filter: ['==', ['get', 'role'], 'site'], paint: { 'line-color': SITE_COLOURS.outline, 'line-width': 2.5 } },
  ];
}
