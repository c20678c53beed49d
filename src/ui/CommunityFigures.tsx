// A community's own figures — residents, households, 60+, 0–3, type, year built — with their
// units, in the detail panel and in the map's hover card: the numbers every verdict starts from.
import type { Community } from '../core/model';
import { useApp, useT } from './context';
import { fmt } from './format';

export function CommunityFigures({ c, compact = false }: { c: Community; compact?: boolean }) {
  const { state } = useApp();
  const tr = useT();
  const lang = state.lang.value;
  const num = (v: number | undefined, unit: string) => (v === undefined ? tr('ui.figures.unknown') : `${fmt(v, lang)} ${tr(unit)}`);
  const rows: [string, string][] = [
    ['ui.figures.population', num(c.population, 'ui.unit.people')],
    ['ui.figures.households', num(c.households, 'ui.unit.households')],
    ['ui.figures.elderly', num(c.elderly, 'ui.unit.people')],
    ['ui.figures.infants', num(c.infants, 'ui.unit.people')],
    ['ui.figures.type', tr(`importui.value.type.${c.type}`)],
    ['ui.figures.builtYear', c.builtYear === undefined ? tr('ui.figures.unknown') : tr('ui.figures.year', { y: c.builtYear })],
  ];
  return (
    <dl class={`community-figures${compact ? ' compact' : ''}`} data-testid="community-figures">
      {rows.map(([k, v]) => (
        <div key={k} data-figure={k.slice('ui.figures.'.length)}>
          <dt>{tr(k)}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}
