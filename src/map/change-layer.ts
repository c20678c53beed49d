// The compare maps' layer: each community's change from A to B (core/report/change.ts) drawn as its
// outline or point, with one dot each at district zoom.
import type { ExpressionSpecification, LayerSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import type { Community } from '../core/model';
import type { Change } from '../core/report/change';
import { communityDots } from './features';
import { DOTS_UNTIL_ZOOM } from './layers';
import { CHANGE_COLOURS } from './theme';

export const CHANGE_SOURCE = 'a-compare-change';

type ChangeProps = { id: string; change: Change; dot: boolean };

/** Communities (outline or point) plus one dot each for district zoom, with their change. */
export function changeFeatures(communities: readonly Community[], ch: ReadonlyMap<string, Change>): FeatureCollection<Polygon | MultiPolygon | Point, ChangeProps> {
  const shown = communities.filter((c) => ch.has(c.id));
  const props = (id: string, dot: boolean): ChangeProps => ({ id, change: ch.get(id) ?? 'same', dot });
  const areas: Feature<Polygon | MultiPolygon | Point, ChangeProps>[] = shown.map((c) => ({ type: 'Feature', geometry: c.geometry, properties: props(c.id, false) }));
  const dots = communityDots(shown.filter((c) => c.geometry.type !== 'Point')).features.map(
    (f): Feature<Point, ChangeProps> => ({ type: 'Feature', geometry: f.geometry, properties: props(f.properties.id, true) }),
  );
  return { type: 'FeatureCollection', features: [...areas, ...dots] };
}

const colour = ['match', ['get', 'change'], 'better', CHANGE_COLOURS.better, 'worse', CHANGE_COLOURS.worse, CHANGE_COLOURS.same] as ExpressionSpecification;
const changed: ExpressionSpecification = ['!=', ['get', 'change'], 'same'];
const isArea: ExpressionSpecification = ['!=', ['geometry-type'], 'Point'];

function dotLayer(id: string, which: ExpressionSpecification): LayerSpecification {
  return {
    id,
    type: 'circle',
    source: CHANGE_SOURCE,
    filter: ['all', ['==', ['geometry-type'], 'Point'], which],
    paint: {
      'circle-color': colour,
      'circle-radius': ['interpolate', ['linear'], ['zoom'], 8, ['case', changed, 4.5, 2.5], 12, ['case', changed, 8, 5]],
      'circle-stroke-color': '#ffffff',
      'circle-stroke-width': ['case', changed, 1.2, 0.5],
    },
  };
}

/** Drawn under the facility markers (MapView.setExtra's `under`), in place of the verdict fill. */
export const CHANGE_LAYERS: LayerSpecification[] = [
  {
    id: 'a-compare-change-fill',
    type: 'fill',
    source: CHANGE_SOURCE,
    filter: isArea,
    paint: { 'fill-color': colour, 'fill-opacity': ['case', changed, 0.75, 0.35] },
  },
  {
    id: 'a-compare-change-line',
    type: 'line',
    source: CHANGE_SOURCE,
    filter: isArea,
    paint: { 'line-color': ['case', changed, colour, '#ffffff'], 'line-width': ['case', changed, 2, 0.6] },
  },
  dotLayer('a-compare-change-point', ['!', ['get', 'dot']]),
  // one dot per area community while areas are specks
  { ...dotLayer('a-compare-change-dot', ['get', 'dot']), maxzoom: DOTS_UNTIL_ZOOM },
];
