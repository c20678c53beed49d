// The map legend: verdict colours and facility kinds. The layer panel shows it with the outside
// outline and the size note; presentation and print show it read-only and large in a box.
import { FACILITY_KINDS } from '../../core/model';
import { CLUSTER_ABOVE } from '../../map/facility-clusters';
import { KIND_STYLES, OUTSIDE_COLOUR, VERDICT_COLOURS } from '../../map/theme';
import type { Verdict } from '../../core/report/verdicts';
import { useApp, useT } from '../context';

const VERDICTS: Verdict[] = ['fail', 'pass', 'na', 'none'];

/** One legend row per verdict colour (used here and by the legend on the map). */
export function VerdictItems() {
  const tr = useT();
  return (
    <>
      {VERDICTS.map((v) => (
        <li key={v}>
          <span class="swatch" style={{ background: VERDICT_COLOURS[v] }} />
          {tr(`ui.status.${v}`)}
        </li>
      ))}
    </>
  );
}

/** One legend row per facility kind, with its map marker. */
export function KindItems() {
  const { state } = useApp();
  const tr = useT();
  const lang = state.lang.value;
  return (
    <>
      {FACILITY_KINDS.map((k) => (
        <li key={k}>
          <span class="marker" style={{ background: KIND_STYLES[k].colour }}>
            {KIND_STYLES[k].glyph[lang]}
          </span>
          {tr(`kind.${k}`)}
        </li>
      ))}
    </>
  );
}

/** The headings and lists; `full` adds the outside-the-circles outline and the marker-size note. */
export function LegendLists({ full = false }: { full?: boolean }) {
  const { state } = useApp();
  const tr = useT();
  return (
    <>
      <h3>{state.rule.value ? tr('ui.legend.rule') : tr('ui.legend.overall')}</h3>
      <ul class="legend">
        <VerdictItems />
        {full && (
          <li>
            <span class="swatch hatch" style={{ color: OUTSIDE_COLOUR }} />
            {tr('ui.legend.outside')}
          </li>
        )}
      </ul>
      <h3>{tr('ui.legend.facilities')}</h3>
      <ul class={full ? 'legend' : 'legend kinds'}>
        <KindItems />
        {full && <li class="note">{tr('ui.legend.size')}</li>}
        {full && (state.layers.value?.facilities.length ?? 0) > CLUSTER_ABOVE && (
          <li class="note" data-testid="legend-clusters">
            {tr('ui.legend.cluster', { n: CLUSTER_ABOVE })}
          </li>
        )}
      </ul>
    </>
  );
}

export function Legend({ testid }: { testid: string }) {
  return (
    <div class="legend-box" data-testid={testid}>
      <LegendLists />
    </div>
  );
}
