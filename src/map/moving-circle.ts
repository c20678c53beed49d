// The circle of a facility being dragged: a small source of its own, so each frame of the drag
// re-sends one circle instead of every circle of the map (src/ui/map-feed.ts feeds it).
import type { LayerSpecification } from 'maplibre-gl';

export const MOVING_CIRCLE_SOURCE = 'a-moving-circle';
/** the drawing tools' purple (map/draw-terra.ts): it moves with the handle being dragged */
const COLOUR = '#7b2cbf';

export const MOVING_CIRCLE_LAYERS: LayerSpecification[] = [
  { id: 'a-moving-circle-fill', type: 'fill', source: MOVING_CIRCLE_SOURCE, paint: { 'fill-color': COLOUR, 'fill-opacity': 0.1 } },
  { id: 'a-moving-circle-line', type: 'line', source: MOVING_CIRCLE_SOURCE, paint: { 'line-color': COLOUR, 'line-width': 2, 'line-dasharray': [3, 2] } },
];
