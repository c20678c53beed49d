// The comparison as rows for the KPI panel, the presentation cards and the print layout (a view
// model, no markup): a label message, both values, the delta, its unit, and whether the change
// is for the better — so every screen colours a delta the same way.
import type { Msg } from '../model';
import type { Comparison, Delta } from './compare';

export type KpiUnit = 'residents' | 'share' | 'communities' | 'places' | 'm2' | 'beds' | 'cny';

export interface KpiRow {
  id: string;
  label: Msg;
  a: number | null;
  b: number | null;
  delta: number | null;
  unit: KpiUnit;
  /** which direction is good; 'none' for money (more spending is neither) */
  better: 'up' | 'down' | 'none';
  verdict: 'better' | 'worse' | 'same' | 'unknown' | 'neutral';
}

function row(id: string, label: Msg, d: Delta, unit: KpiUnit, better: KpiRow['better']): KpiRow {
  let verdict: KpiRow['verdict'];
  if (d.delta === null) verdict = 'unknown';
  else if (Math.abs(d.delta) < 1e-9) verdict = 'same';
  else if (better === 'none') verdict = 'neutral';
  else verdict = d.delta > 0 === (better === 'up') ? 'better' : 'worse';
  return { id, label, a: d.a, b: d.b, delta: d.delta, unit, better, verdict };
}

const KNOWN_CIRCLES = new Set(['elderly', 'childcare']);

export function kpiRows(c: Comparison): KpiRow[] {
  const rows: KpiRow[] = [];
  for (const k of c.coverage) {
    const label: Msg = KNOWN_CIRCLES.has(k.circle) ? { key: `scenario.kpi.covered.${k.circle}` } : { key: 'scenario.kpi.covered', args: { circle: k.circle } };
    rows.push(row(`covered.${k.circle}`, label, k.covered, 'residents', 'up'));
  }
  for (const k of c.rules) {
    if (k.level !== 'community' || (k.view ?? 'onsite') !== 'onsite') continue;
    rows.push(row(`passing.${k.rule}`, { key: 'scenario.kpi.passing', args: { rule: k.rule } }, k.pass, 'communities', 'up'));
  }
  rows.push(row('shortfall.places', { key: 'scenario.kpi.shortfallPlaces' }, c.shortfalls.places, 'places', 'down'));
  rows.push(row('shortfall.m2', { key: 'scenario.kpi.shortfallM2' }, c.shortfalls.m2, 'm2', 'down'));
  rows.push(row('beds', { key: 'scenario.kpi.beds' }, c.capacity.beds, 'beds', 'up'));
  rows.push(row('nursingShare', { key: 'scenario.kpi.nursingShare' }, c.capacity.nursingShare, 'share', 'up'));
  rows.push(row('places', { key: 'scenario.kpi.places' }, c.capacity.places, 'places', 'up'));
  if (c.cost) {
    rows.push(row('cost', { key: 'scenario.kpi.cost' }, { a: 0, b: c.cost.total, delta: c.cost.total }, 'cny', 'none'));
    if (c.cost.operatingPerYearAtFull !== null) {
      rows.push(row('operating', { key: 'scenario.kpi.operating' }, { a: 0, b: c.cost.operatingPerYearAtFull, delta: c.cost.operatingPerYearAtFull }, 'cny', 'none'));
    }
  }
  return rows;
}
