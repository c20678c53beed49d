// Feeds the suggested sites to the page's MapView: markers, circles and the drawn area whenever
// the result, the highlighted row or the area change; a zoom request moves the camera there.
import { effect } from '@preact/signals';
import type { MapView } from '../../map/MapView';
import { suggestFeatures, suggestLayers, SUGGEST_SOURCE } from '../../map/suggest-layer';
import type { SuggestState } from '../../state/suggest';
import type { SuggestActions } from '../../state/suggest-actions';

/** MapPane spreads these disposers into its own list. A click on a numbered marker highlights
 *  that site's row. */
export function suggestMapEffects(view: MapView, g: SuggestState, a: Pick<SuggestActions, 'highlight'>): (() => void)[] {
  const layers = suggestLayers();
  let fed = false;
  return [
    view.onLayerClick('a-suggest-marker', (p) => {
      const rank = Number(p.rank);
      if (Number.isInteger(rank)) a.highlight(rank);
    }),
    effect(() => {
      // the markers belong to the panel: closing it takes them off the map
      const open = g.open.value;
      const result = open ? g.result.value : null;
      const area = open ? g.drawnArea.value : null;
      if (!result && !area && !fed) return; // nothing to draw yet: leave the style untouched
      fed = true;
      view.setExtra(SUGGEST_SOURCE, suggestFeatures(result, g.highlighted.value, area), layers);
    }),
    effect(() => {
      const z = g.zoom.value;
      if (!z) return;
      // frame the site's whole circle, so what it serves is in view
      const [x, y] = z.point;
      const metres = g.result.peek()?.distance ?? 800;
      const dLat = metres / 111195;
      const dLon = dLat / Math.cos((y * Math.PI) / 180);
      view.focus([x - dLon, y - dLat, x + dLon, y + dLat], z.point, 16);
    }),
  ];
}
