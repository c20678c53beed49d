// How the comparison reads on screen and paper (values, signed deltas, money, shares), and which
// facilities each compare map rings as different. Expected strings written by hand.
import { describe, expect, it } from 'vitest';
import type { Facility } from '../../src/core/model';
import { changedFacilities } from '../../src/map/changed-facilities';
import { kpiDelta, kpiValue } from '../../src/ui/compare/kpi-format';

describe('KPI text', () => {
  it('money: 万元 from 10 000 up in Chinese, grouped 元 in English', () => {
    expect(kpiValue(250_000, 'cny', 'zh')).toBe('25 万元');
    expect(kpiValue(9_500, 'cny', 'zh')).toBe('9,500 元');
    expect(kpiValue(250_000, 'cny', 'en')).toBe('CNY 250,000');
    expect(kpiDelta({ delta: 250_000, unit: 'cny' }, 'zh')).toBe('+25 万元');
  });

  it('shares as percentages, their deltas in percentage points', () => {
    expect(kpiValue(0.5699, 'share', 'zh')).toBe('57%');
    expect(kpiDelta({ delta: 0.05, unit: 'share' }, 'zh')).toBe('+5 个百分点');
    expect(kpiDelta({ delta: -0.125, unit: 'share' }, 'en')).toBe('−12.5 pp');
  });

  it('signed deltas with their unit; no change is ±0; an unknown value is a dash, never 0', () => {
    expect(kpiDelta({ delta: -96, unit: 'places' }, 'zh')).toBe('−96 个托位');
    expect(kpiDelta({ delta: 13_685, unit: 'residents' }, 'en')).toBe('+13,685 residents');
    expect(kpiValue(4_692, 'residents', 'zh')).toBe('4,692 人');
    expect(kpiValue(33, 'communities', 'zh')).toBe('33 个社区');
    expect(kpiDelta({ delta: 0, unit: 'beds' }, 'zh')).toBe('±0 张床位');
    expect(kpiDelta({ delta: 0, unit: 'cny' }, 'en')).toBe('±CNY 0');
    expect(kpiDelta({ delta: 0, unit: 'share' }, 'zh')).toBe('±0 个百分点');
    expect(kpiDelta({ delta: null, unit: 'beds' }, 'zh')).toBe('—');
    expect(kpiValue(null, 'm2', 'zh')).toBe('—');
    expect(kpiValue(56_157.5, 'm2', 'zh')).toBe('56,157.5 m²');
  });
});

describe('facilities ringed on the compare maps', () => {
  const at = (lon: number): Facility['geometry'] => ({ type: 'Point', coordinates: [lon, 34] });
  const kept: Facility = { id: 'K', name: '不变', kind: 'elderly_daycare', geometry: at(108.1), extra: {} };
  const grown: Facility = { id: 'G', name: '扩建', kind: 'childcare_centre', places: 20, geometry: at(108.2), extra: {} };
  const gone: Facility = { id: 'X', name: '拆除', kind: 'family_childcare', places: 5, geometry: at(108.3), extra: {} };
  const added: Facility = { id: 'N', name: '新建', kind: 'childcare_centre', places: 100, geometry: at(108.4), extra: {} };
  const a = [kept, grown, gone];
  const b = [kept, { ...grown, places: 60 }, added];

  it('on B: what B adds or changes; on A: what B removes or changes; nothing for the unchanged', () => {
    expect(changedFacilities(b, a).features.map((f) => [f.properties.id, f.properties.kind])).toEqual([
      ['G', 'changed'],
      ['N', 'only'],
    ]);
    expect(changedFacilities(a, b).features.map((f) => [f.properties.id, f.properties.kind])).toEqual([
      ['G', 'changed'],
      ['X', 'only'],
    ]);
    expect(changedFacilities(a, a).features).toEqual([]);
    expect(changedFacilities(b, a).features[1].geometry.coordinates).toEqual([108.4, 34]);
  });
});
