import { describe, expect, it } from 'vitest';
import type { Comparison } from '../../../src/core/scenario/compare';
import { delta } from '../../../src/core/scenario/compare';
import { kpiRows } from '../../../src/core/scenario/kpi-rows';
import { scenarioCost } from '../../../src/core/scenario/cost';

const d0 = delta(0, 0);
const c: Comparison = {
  coverage: [{ circle: 'elderly', covered: delta(2000, 3000), total: delta(3000, 3500), share: delta(2 / 3, 6 / 7) }],
  rules: [
    { rule: 'wy.places.old', level: 'community', view: 'onsite', pass: delta(1, 2), fail: d0, na: d0, shortfall: delta(4, 6), measure: 'places_per_1000' },
    { rule: 'wy.places.old', level: 'community', view: 'catchment', pass: delta(0, 2), fail: d0, na: d0, shortfall: d0, measure: 'places_per_1000' },
    { rule: 'wy.city.places', level: 'area', pass: delta(0, 1), fail: d0, na: d0, shortfall: d0, measure: 'places_per_1000' },
  ],
  shortfalls: { places: delta(4, 6), m2: delta(112.5, 42.8) },
  capacity: {
    beds: delta(10, 66),
    nursingBeds: delta(4, 44),
    nursingShare: delta(0.4, null),
    places: delta(20, 20),
    bedsUnknown: d0,
    placesUnknown: d0,
    facilities: d0,
    communities: d0,
  },
  cost: scenarioCost([{ kind: 'place', count: 40, mode: 'new', rural: false }], 'cf'),
  changed: [],
  warnings: [],
};

describe('KPI rows', () => {
  const rows = kpiRows(c);
  const byId = new Map(rows.map((r) => [r.id, r]));

  it('one row per circle, per community rule (on-site only), shortfalls, capacity and cost', () => {
    expect(rows.map((r) => r.id)).toEqual(['covered.elderly', 'passing.wy.places.old', 'shortfall.places', 'shortfall.m2', 'beds', 'nursingShare', 'places', 'cost', 'operating']);
  });

  it('says whether each change is for the better', () => {
    expect(byId.get('covered.elderly')).toMatchObject({ delta: 1000, verdict: 'better', label: { key: 'scenario.kpi.covered.elderly' } });
    expect(byId.get('shortfall.places')).toMatchObject({ delta: 2, verdict: 'worse' }); // more places short: worse
    expect(byId.get('shortfall.m2')?.verdict).toBe('better'); // 42.8 < 112.5
    expect(byId.get('nursingShare')?.verdict).toBe('unknown'); // one side unknown: no delta
    expect(byId.get('places')?.verdict).toBe('same');
    // 40 × 2500 = 100,000 CNY; money is neither better nor worse
    expect(byId.get('cost')).toMatchObject({ b: 100_000, verdict: 'neutral', unit: 'cny' });
    // 40 × 100 × 12 = 48,000 CNY a year at full occupancy
    expect(byId.get('operating')?.b).toBe(48_000);
  });
});
