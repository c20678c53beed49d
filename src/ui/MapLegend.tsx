// The legend on the map itself, where the eye is: what the colours mean for the rule the map is
// coloured by (named), the outside-the-circles outline and the circles shown, and the facility
// kinds (folded by default on small screens and while a detail panel narrows the map). Compact — the items flow in rows, the title is one
// line — so at 1366×768 it keeps to a corner; "收起" folds it to one small button and back (the
// choice is kept for the visit). The sidebar keeps its full legend.
import { CIRCLE_COLOURS, OUTSIDE_COLOUR } from '../map/theme';
import { useApp, useT } from './context';
import { ruleName } from './format';
import { KindItems, VerdictItems } from './present/Legend';

export function MapLegend() {
  const { state, ui } = useApp();
  const folded = ui.legendFolded;
  const tr = useT();
  const lang = state.lang.value;
  const rule = state.rule.value;
  const vis = state.visible.value;
  // roomy only on a wide screen with no detail panel narrowing the map
  const big = typeof window !== 'undefined' && window.innerWidth >= 1800 && !state.selection.value;
  const title = rule ? tr('ui.mapLegend.rule', { rule: ruleName(state.profiles.value, rule, lang) }) : tr('ui.mapLegend.overall');
  if (folded.value)
    return (
      <div class="map-legend folded" data-testid="map-legend" data-rule={rule ?? ''} data-folded="true">
        <button type="button" class="map-legend-toggle" data-testid="map-legend-toggle" aria-expanded="false" title={title} onClick={() => (folded.value = false)}>
          {tr('ui.mapLegend.show')}
        </button>
      </div>
    );
  return (
    <div class={`map-legend${big ? '' : ' compact'}`} data-testid="map-legend" data-rule={rule ?? ''} data-folded="false">
      <div class="map-legend-head">
        <div class="map-legend-title" title={title}>
          {title}
        </div>
        <button
          type="button"
          class="map-legend-toggle"
          data-testid="map-legend-toggle"
          aria-expanded="true"
          aria-label={tr('ui.mapLegend.hide')}
          title={tr('ui.mapLegend.hide')}
          onClick={() => (folded.value = true)}
        >
          {tr('ui.mapLegend.hideShort')}
        </button>
      </div>
      <ul class="legend">
        <VerdictItems />
        {vis.outside && (
          <li>
            <span class="swatch hatch" style={{ color: OUTSIDE_COLOUR }} />
            {tr('ui.legend.outside')}
          </li>
        )}
        {vis.circles &&
          state.circles.value.map((c) => (
            <li key={c}>
              <span class="swatch area" style={{ color: CIRCLE_COLOURS[c] }} />
              {tr(`ui.circle.${c}`)}
            </li>
          ))}
      </ul>
      {vis.facilities && (
        <details open={big}>
          <summary>{tr('ui.legend.facilities')}</summary>
          <ul class="legend kinds">
            <KindItems />
          </ul>
        </details>
      )}
    </div>
  );
}
