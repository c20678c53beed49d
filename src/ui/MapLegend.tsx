// The legend on the map itself, where the eye is: what the colours mean for the rule the map is
// coloured by (named), the outside-the-circles outline and the circles shown, and the facility
// kinds (folded by default on small screens). The sidebar keeps its full legend.
import { CIRCLE_COLOURS, OUTSIDE_COLOUR } from '../map/theme';
import { useApp, useT } from './context';
import { ruleName } from './format';
import { KindItems, VerdictItems } from './present/Legend';

export function MapLegend() {
  const { state } = useApp();
  const tr = useT();
  const lang = state.lang.value;
  const rule = state.rule.value;
  const vis = state.visible.value;
  const big = typeof window !== 'undefined' && window.innerWidth >= 1800;
  return (
    <div class="map-legend" data-testid="map-legend" data-rule={rule ?? ''}>
      <div class="map-legend-title">{rule ? tr('ui.mapLegend.rule', { rule: ruleName(state.profiles.value, rule, lang) }) : tr('ui.mapLegend.overall')}</div>
      <ul class="legend">
        <VerdictItems />
        {vis.outside && (
          <li>
            <span class="swatch outline" style={{ borderColor: OUTSIDE_COLOUR }} />
            {tr('ui.legend.outside')}
          </li>
        )}
        {vis.circles &&
          state.circles.value.map((c) => (
            <li key={c}>
              <span class="swatch" style={{ background: CIRCLE_COLOURS[c], opacity: 0.5 }} />
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
