// The map legend for presentation and print: verdict colours and facility kinds (the layer
// panel has the same with its switches; here it is read-only and large).
import type { FacilityKind } from '../../core/model';
import { KIND_STYLES, VERDICT_COLOURS } from '../../map/theme';
import { useApp, useT } from '../context';

const VERDICTS = ['fail', 'pass', 'na', 'none'] as const;

export function Legend({ testid }: { testid: string }) {
  const { state } = useApp();
  const tr = useT();
  const lang = state.lang.value;
  const kinds = Object.keys(KIND_STYLES) as FacilityKind[];
  return (
    <div class="legend-box" data-testid={testid}>
      <h3>{state.rule.value ? tr('ui.legend.rule') : tr('ui.legend.overall')}</h3>
      <ul class="legend">
        {VERDICTS.map((v) => (
          <li key={v}>
            <span class="swatch" style={{ background: VERDICT_COLOURS[v] }} />
            {tr(`ui.status.${v}`)}
          </li>
        ))}
      </ul>
      <h3>{tr('ui.legend.facilities')}</h3>
      <ul class="legend kinds">
        {kinds.map((k) => (
          <li key={k}>
            <span class="marker" style={{ background: KIND_STYLES[k].colour }}>
              {KIND_STYLES[k].glyph[lang]}
            </span>
            {tr(`kind.${k}`)}
          </li>
        ))}
      </ul>
    </div>
  );
}
