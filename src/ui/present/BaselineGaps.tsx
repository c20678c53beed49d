// The baseline's own figures and gaps, for presentation and print when no plan is open (the
// baseline compared with itself would be all ±0): communities failing, residents outside each
// service circle, the places and floor-area shortfalls, and the capacity there is today.
import type { CompareState } from '../../state/compare';
import { useKpiLabel } from '../compare/KpiCards';
import { kpiValue } from '../compare/kpi-format';
import { useApp, useT } from '../context';
import { fmt } from '../format';

const FIGURES = ['shortfall.places', 'shortfall.m2', 'beds', 'nursingShare', 'places'];

type CompareResult = CompareState['result']['value'];

export function BaselineGaps({ result, testid, as }: { result: CompareResult; testid: string; as: 'cards' | 'table' }) {
  const { state } = useApp();
  const tr = useT();
  const label = useKpiLabel();
  const lang = state.lang.value;
  const fail = state.overallCommunities.value.fail;
  const total = state.layers.value?.communities.length ?? 0;
  const items: { id: string; label: string; value: number | null; text: string; gap: boolean }[] = [
    { id: 'failing', label: tr('present.gaps.failing'), value: fail, text: tr('present.gaps.failingValue', { fail: fmt(fail, lang), total: fmt(total, lang) }), gap: fail > 0 },
  ];
  for (const k of result?.comparison.coverage ?? []) {
    const outside = k.total.a === null || k.covered.a === null ? null : k.total.a - k.covered.a;
    const circle = k.circle === 'elderly' || k.circle === 'childcare' ? tr(`ui.circle.${k.circle}`) : k.circle;
    items.push({ id: `outside.${k.circle}`, label: tr('present.gaps.outside', { circle }), value: outside, text: kpiValue(outside, 'residents', lang), gap: (outside ?? 0) > 0 });
  }
  for (const id of FIGURES) {
    const r = result?.rows.find((x) => x.id === id);
    if (r) items.push({ id, label: label(r), value: r.a, text: kpiValue(r.a, r.unit, lang), gap: id.startsWith('shortfall.') && (r.a ?? 0) > 0 });
  }
  if (as === 'table')
    return (
      <table data-testid={testid}>
        <tbody>
          {items.map((x) => (
            <tr key={x.id} data-gap={x.id} data-value={x.value ?? ''}>
              <td>{x.label}</td>
              <td>{x.text}</td>
            </tr>
          ))}
        </tbody>
      </table>
    );
  return (
    <ul class="kpi-cards" data-testid={testid}>
      {items.map((x) => (
        <li key={x.id} class={`kpi-card ${x.gap ? 'kpi-worse' : 'kpi-neutral'}`} data-gap={x.id} data-value={x.value ?? ''}>
          <div class="kpi-label">{x.label}</div>
          <div class="kpi-delta">{x.text}</div>
        </li>
      ))}
    </ul>
  );
}
