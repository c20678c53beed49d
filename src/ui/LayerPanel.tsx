// Layer switches, which service circles to draw, and the legend for what is on the map.
import { CIRCLE_GROUPS, LAYER_GROUPS } from '../state/layers';
import { CIRCLE_COLOURS } from '../map/theme';
import { useApp, useT } from './context';
import { LegendLists } from './present/Legend';

export function LayerPanel() {
  const { state, actions } = useApp();
  const tr = useT();
  const vis = state.visible.value;
  const coverage = state.shown.value?.evaluation.coverage ?? [];
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
      <LegendLists full />
    </section>
  );
}
