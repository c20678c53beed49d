// The legend on the map itself, where the eye is: what the colours mean for the rule the map is
// coloured by (named), the outside-the-circles outline and the circles shown, and the facility
// kinds (folded by default on small screens). The sidebar keeps its full legend.
import { FACILITY_KINDS } from '../core/model';
import { CIRCLE_COLOURS, KIND_STYLES, OUTSIDE_COLOUR, VERDICT_COLOURS } from '../map/theme';
import type { Verdict } from '../state/verdicts';
import { useApp, useT } from './context';
import { ruleName } from './format';

const VERDICTS: Verdict[] = ['fail', 'pass', 'na', 'none'];

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
        {VERDICTS.map((v) => (
          <li key={v}>
            <span class="swatch" style={{ background: VERDICT_COLOURS[v] }} />
            {tr(`ui.status.${v}`)}
          </li>
        ))}
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
            {FACILITY_KINDS.map((k) => (
              <li key={k}>
                <span class="marker" style={{ background: KIND_STYLES[k].colour }}>
                  {KIND_STYLES[k].glyph[lang]}
                </span>
                {tr(`kind.${k}`)}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
