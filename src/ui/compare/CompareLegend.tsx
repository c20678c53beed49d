// The compare maps' legend, on the maps: what the colours mean (what changed from A to B, with
// how many communities each, or each side's verdict) and for which rule.
import { CHANGE_COLOURS } from '../../map/theme';
import { useApp, useT } from '../context';
import { fmt, ruleName } from '../format';
import { VerdictItems } from '../present/Legend';
import type { Change } from '../../core/report/change';

const CHANGES: Change[] = ['better', 'worse', 'same'];

export function CompareLegend({ colourBy, rule, counts }: { colourBy: 'change' | 'verdict'; rule: string | null; counts: Record<Change, number> }) {
  const { state } = useApp();
  const tr = useT();
  const lang = state.lang.value;
  const what = rule ? ruleName(state.profiles.value, rule, lang) : tr('present.compare.overall');
  return (
    <div class="map-legend compare-legend" data-testid="compare-legend" data-colour-by={colourBy} data-rule={rule ?? ''}>
      <div class="map-legend-title">{tr(colourBy === 'change' ? 'present.compare.legend.change' : 'present.compare.legend.verdict', { what })}</div>
      <ul class="legend">
        {colourBy === 'change' ? (
          CHANGES.map((c) => (
            <li key={c} data-change={c} data-count={counts[c]}>
              <span class="swatch" style={{ background: CHANGE_COLOURS[c], opacity: c === 'same' ? 0.6 : 1 }} />
              {tr(`present.compare.change.${c}`, { n: fmt(counts[c], lang) })}
            </li>
          ))
        ) : (
          <VerdictItems />
        )}
      </ul>
    </div>
  );
}
