// Pure builders for the suggested sites on the map: a numbered marker per site (its rank), the
// site's reach (straight: a circle of the distance the suggestion used) and the drawn area, as one
// GeoJSON source with its layers (MapView.setExtra draws them above everything). Along streets
// the reach is the walk area the worker sends with the result.
import type { ExpressionSpecification, FilterSpecification, LayerSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { localProjector } from '../core/geo';
import type { LonLat } from '../core/reach/types';
import type { SuggestResult } from '../core/suggest/types';

export const SUGGEST_SOURCE = 'a-suggest';
export const SUGGEST_COLOUR = '#1b7837';
export const SUGGEST_HIGHLIGHT = '#ff8c00';
export const AREA_COLOUR = '#7b2cbf';

/** A circle of `metres` around `centre` as a polygon (local projection: exact enough at 1 km). */
export function circlePolygon(centre: LonLat, metres: number, steps = 48): Polygon {
  const proj = localProjector(centre);
  const ring: LonLat[] = [];
  for (let k = 0; k < steps; k++) {
    const a = (2 * Math.PI * k) / steps;
    ring.push(proj.toLonLat([metres * Math.cos(a), metres * Math.sin(a)]));
  }
  ring.push(ring[0]);
  return { type: 'Polygon', coordinates: [ring] };
}

export function suggestFeatures(result: SuggestResult | null, highlighted: number | null, drawnArea: Polygon | MultiPolygon | null): FeatureCollection {
  const features: Feature[] = [];
  if (drawnArea) features.push({ type: 'Feature', geometry: drawnArea, properties: { id: 'area', role: 'area' } });
  // each site's reach: its circle (straight line), or the area walkable from it along streets
  for (const s of result?.sites ?? []) {
    const on = s.rank === highlighted;
    const geometry = result?.reachMode === 'straight' ? circlePolygon(s.candidate.point, result.distance) : result?.reachAreas?.[s.rank - 1];
    if (geometry) features.push({ type: 'Feature', geometry, properties: { id: `circle-${s.rank}`, role: 'circle', rank: s.rank, on } });
  }
  // markers last, highest rank first, so site 1 is drawn on top where markers overlap
  for (const s of [...(result?.sites ?? [])].reverse()) {
    features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: s.candidate.point },
      properties: { id: `site-${s.rank}`, role: 'site', rank: s.rank, label: String(s.rank), on: s.rank === highlighted },
    });
  }
  return { type: 'FeatureCollection', features };
}

const role = (r: string): FilterSpecification => ['==', ['get', 'role'], r];
const isOn: ExpressionSpecification = ['==', ['get', 'on'], true];

export function suggestLayers(): LayerSpecification[] {
  return [
    { id: 'a-suggest-area', type: 'line', source: SUGGEST_SOURCE, filter: role('area'), paint: { 'line-color': AREA_COLOUR, 'line-width': 2, 'line-dasharray': [3, 2] } },
    {
      id: 'a-suggest-circle',
      type: 'fill',
      source: SUGGEST_SOURCE,
      filter: role('circle'),
      paint: { 'fill-color': SUGGEST_COLOUR, 'fill-opacity': ['case', isOn, 0.22, 0.1] },
    },
    {
      id: 'a-suggest-circle-line',
      type: 'line',
      source: SUGGEST_SOURCE,
      filter: role('circle'),
      paint: { 'line-color': ['case', isOn, SUGGEST_HIGHLIGHT, SUGGEST_COLOUR], 'line-width': ['case', isOn, 2.5, 1.2] },
    },
    {
      id: 'a-suggest-marker',
      type: 'circle',
      source: SUGGEST_SOURCE,
      filter: role('site'),
      paint: {
        'circle-color': SUGGEST_COLOUR,
        'circle-radius': ['case', isOn, 13, 10],
        'circle-stroke-color': ['case', isOn, SUGGEST_HIGHLIGHT, '#ffffff'],
        'circle-stroke-width': ['case', isOn, 3.5, 2],
      },
    },
    {
      id: 'a-suggest-label',
      type: 'symbol',
      source: SUGGEST_SOURCE,
      filter: role('site'),
      // placed first (extras are the top layers) and taking room: the base map's labels under a
      // marker move aside (their variable anchors) or give way, so no number sits on a name
      layout: { 'text-field': ['get', 'label'], 'text-size': 13, 'text-allow-overlap': true, 'text-ignore-placement': false, 'text-padding': 9 },
      paint: { 'text-color': '#ffffff' },
    },
  ];
}
