// Pure: the pin of a place found by typing its coordinates — a dot with a white ring and a
// larger faint ring, so it reads on any base map and over verdict colours (MapView.setExtra).
import type { LayerSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { FeatureCollection } from 'geojson';

export const SEARCH_PIN_SOURCE = 'a-search-pin';
const PIN_COLOUR = '#c2185b';

export function searchPinFeatures(pin: { lon: number; lat: number } | null): FeatureCollection {
  return { type: 'FeatureCollection', features: pin ? [{ type: 'Feature', geometry: { type: 'Point', coordinates: [pin.lon, pin.lat] }, properties: {} }] : [] };
}

export const SEARCH_PIN_LAYERS: LayerSpecification[] = [
  {
    id: 'a-search-pin-halo',
    type: 'circle',
    source: SEARCH_PIN_SOURCE,
    paint: { 'circle-radius': 16, 'circle-color': PIN_COLOUR, 'circle-opacity': 0.18, 'circle-stroke-color': PIN_COLOUR, 'circle-stroke-width': 1.5 },
  },
  {
    id: 'a-search-pin',
    type: 'circle',
    source: SEARCH_PIN_SOURCE,
    paint: { 'circle-radius': 6, 'circle-color': PIN_COLOUR, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 2.5 },
  },
];
