// Layer switches, which service circles to draw, and the legend for what is on the map.
import { FACILITY_KINDS } from '../core/model';
import { LAYER_GROUPS } from '../map/layers';
import { CIRCLE_COLOURS, KIND_STYLES, OUTSIDE_COLOUR, VERDICT_COLOURS } from '../map/theme';
import type { Verdict } from '../state/verdicts';
import { CIRCLE_GROUPS } from '../worker/service-areas';
import { useApp, useT } from './context';

const VERDICTS: Verdict[] = ['fail', 'pass', 'na', 'none'];

export function LayerPanel() {
  const { state, actions } = useApp();
  const tr = useT();
  const lang = state.lang.value;
  const vis = state.visible.value;
  const coverage = state.analysis.value?.evaluation.coverage ?? [];
  return (
    <section class="panel" aria-labelledby="layers-h">
      <h2 id="layers-h">{tr('ui.layers')}</h2>
      <ul class="toggles">
        {LAYER_GROUPS.map((g) => (
          <li key={g}>
            <label>
              <input type="checkbox" data-layer={g} checked={vis[g]} onChange={() => actions.toggleLayer(g)} />
              {tr(`ui.layer.${g}`)}
            </label>
          </li>
        ))}
      </ul>
      <h3>{tr('ui.circles')}</h3>
      <ul class="toggles">
        {CIRCLE_GROUPS.map((c) => {
          const cov = coverage.find((x) => x.circle === c);
          return (
            <li key={c}>
              <label>
                <input type="checkbox" data-circle={c} checked={state.circles.value.includes(c)} onChange={() => actions.toggleCircle(c)} />
                <span class="swatch" style={{ background: CIRCLE_COLOURS[c] }} />
                {tr(`ui.circle.${c}`)}
              </label>
              {cov && (
                <div class="note">
                  {tr('ui.circle.outside', { n: cov.outside.length, residents: cov.residentsOutside.toLocaleString(), total: cov.residentsTotal.toLocaleString() })}
                </div>
              )}
            </li>
          );
        })}
      </ul>
      <h3>{state.rule.value ? tr('ui.legend.rule') : tr('ui.legend.overall')}</h3>
      <ul class="legend">
        {VERDICTS.map((v) => (
          <li key={v}>
            <span class="swatch" style={{ background: VERDICT_COLOURS[v] }} />
            {tr(`ui.status.${v}`)}
          </li>
        ))}
        <li>
          <span class="swatch outline" style={{ borderColor: OUTSIDE_COLOUR }} />
          {tr('ui.legend.outside')}
        </li>
      </ul>
      <h3>{tr('ui.legend.facilities')}</h3>
      <ul class="legend">
        {FACILITY_KINDS.map((k) => (
          <li key={k}>
            <span class="marker" style={{ background: KIND_STYLES[k].colour }}>
              {KIND_STYLES[k].glyph[lang]}
            </span>
            {tr(`kind.${k}`)}
          </li>
        ))}
        <li class="note">{tr('ui.legend.size')}</li>
      </ul>
    </section>
  );
}
