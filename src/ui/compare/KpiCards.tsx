// KPI cards: one per KPI row of the comparison (A, B, the delta coloured better/worse). The
// compare panel shows every row; presentation and print the headline ones.
import type { KpiRow } from '../../core/scenario/kpi-rows';
import { tm } from '../../i18n';
import { useApp } from '../context';
import { ruleName } from '../format';
import { kpiDelta, kpiValue } from './kpi-format';

/** The headline KPIs for a room: coverage, shortfalls, capacity, cost. */
export const HEADLINE = ['covered.elderly', 'covered.childcare', 'shortfall.places', 'shortfall.m2', 'beds', 'nursingShare', 'places', 'cost'];

export function useKpiLabel(): (r: KpiRow) => string {
  const { state } = useApp();
  const lang = state.lang.value;
  const profiles = state.profiles.value;
  return (r) => {
    const rule = r.label.args?.rule;
    const args = typeof rule === 'string' ? { ...r.label.args, rule: ruleName(profiles, rule, lang) } : r.label.args;
    return tm(lang, { key: r.label.key, ...(args ? { args } : {}) });
  };
}

export function KpiCards({ rows, labels, only, testid }: { rows: KpiRow[]; labels: { a: string; b: string }; only?: string[]; testid: string }) {
  const { state } = useApp();
  const lang = state.lang.value;
  const label = useKpiLabel();
  const shown = only ? only.map((id) => rows.find((r) => r.id === id)).filter((r): r is KpiRow => r !== undefined) : rows;
  return (
    <ul class="kpi-cards" data-testid={testid}>
      {shown.map((r) => (
        <li key={r.id} class={`kpi-card kpi-${r.verdict}`} data-kpi={r.id} data-delta={r.delta ?? ''}>
          <div class="kpi-label">{label(r)}</div>
          <div class="kpi-delta">{kpiDelta(r, lang)}</div>
          <div class="kpi-sides">
            <span title={labels.a}>{kpiValue(r.a, r.unit, lang)}</span>
            <span aria-hidden="true"> → </span>
            <span title={labels.b}>{kpiValue(r.b, r.unit, lang)}</span>
          </div>
        </li>
      ))}
    </ul>
  );
}
