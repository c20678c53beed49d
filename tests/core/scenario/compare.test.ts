import { describe, expect, it } from 'vitest';
import type { Evaluation } from '../../../src/core/evaluate';
import type { Layers, Level, RuleResult, Status } from '../../../src/core/model';
import { resolveParams } from '../../../src/core/params';
import { compare, shortfallUnit } from '../../../src/core/scenario/compare';
import { baseLayers, community, deepFreeze, facility } from './fixtures';

const citation = { document: 'test', clause: '1', text: '—' };

function r(
  rule: string,
  level: Level,
  id: string,
  status: Status,
  measure: string,
  shortfall: number | null,
  value: number | null = null,
  view?: 'onsite' | 'catchment',
): RuleResult {
  return { rule, unit: { level, id }, value, threshold: null, measure, status, shortfall, citation, ...(view ? { view } : {}) };
}

function evaluation(results: RuleResult[], coverage: Evaluation['coverage'], profile = 'combined'): Evaluation {
  return deepFreeze({ profile, params: resolveParams(), results, issues: [], coverage });
}

// A: today. c1 lacks places and m², c2 lacks m², c3 has no population (na).
const A = evaluation(
  [
    r('wy.places.old', 'community', 'c1', 'fail', 'places_per_1000', 4, 4, 'onsite'),
    r('wy.places.old', 'community', 'c1', 'fail', 'places_per_1000', 2, 6, 'catchment'),
    r('cf.households', 'community', 'c1', 'fail', 'm2_per_100_households', 30.5, 12, 'onsite'),
    r('ca.community.min', 'community', 'c1', 'fail', 'm2', 100.2, 199.8, 'onsite'),
    r('wy.places.old', 'community', 'c2', 'pass', 'places_per_1000', 0, 9, 'onsite'),
    r('cf.households', 'community', 'c2', 'fail', 'm2_per_100_households', 12.3, 17, 'onsite'),
    r('wy.places.old', 'community', 'c3', 'na', 'places_per_1000', null, null, 'onsite'),
    r('wy.city.places', 'area', 'area', 'fail', 'places_per_1000', 5, 4.2),
  ],
  [{ circle: 'elderly', outside: ['c3'], residentsOutside: 1000, residentsTotal: 3000 }],
);
// B: the plan. c1 gets places and floor area (still short of cf.households), new area c4 lacks places.
const B = evaluation(
  [
    r('wy.places.old', 'community', 'c1', 'pass', 'places_per_1000', 0, 14, 'onsite'),
    r('wy.places.old', 'community', 'c1', 'pass', 'places_per_1000', 0, 12, 'catchment'),
    r('cf.households', 'community', 'c1', 'fail', 'm2_per_100_households', 30.5, 12, 'onsite'),
    r('ca.community.min', 'community', 'c1', 'pass', 'm2', 0, 300, 'onsite'),
    r('wy.places.old', 'community', 'c2', 'pass', 'places_per_1000', 0, 9, 'onsite'),
    r('cf.households', 'community', 'c2', 'fail', 'm2_per_100_households', 12.3, 17, 'onsite'),
    r('wy.places.old', 'community', 'c3', 'na', 'places_per_1000', null, null, 'onsite'),
    r('wy.places.old', 'community', 'c4', 'fail', 'places_per_1000', 6, 0, 'onsite'),
    r('cf.households', 'community', 'c4', 'pass', 'm2_per_100_households', 0, 25, 'onsite'),
    r('wy.city.places', 'area', 'area', 'pass', 'places_per_1000', 0, 4.6),
  ],
  [{ circle: 'elderly', outside: ['c3'], residentsOutside: 500, residentsTotal: 3500 }],
);

const layersA: Layers = baseLayers();
const layersB: Layers = deepFreeze({
  ...layersA,
  communities: [...layersA.communities, community('c4', { population: 500 })],
  facilities: [
    { ...layersA.facilities[0], places: 30 },
    { ...layersA.facilities[1], beds: 16 },
    layersA.facilities[2],
    facility('n1', { kind: 'elderly_institution', places: undefined, beds: 50, nursingBeds: 40 }),
    facility('n2', { places: undefined }),
  ],
});

describe('compare', () => {
  const c = compare(A, B, layersA, layersB);

  it('residents covered by each circle', () => {
    // A: 3000 − 1000 = 2000 covered (2/3); B: 3500 − 500 = 3000 (6/7)
    expect(c.coverage).toHaveLength(1);
    expect(c.coverage[0].covered).toEqual({ a: 2000, b: 3000, delta: 1000 });
    expect(c.coverage[0].share.a).toBeCloseTo(2 / 3, 12);
    expect(c.coverage[0].share.b).toBeCloseTo(6 / 7, 12);
  });

  it('units passing each rule, per level and view', () => {
    const k = c.rules.find((x) => x.rule === 'wy.places.old' && x.level === 'community' && x.view === 'onsite');
    // A: pass c2, fail c1, na c3. B: pass c1 c2, fail c4, na c3.
    expect(k?.pass).toEqual({ a: 1, b: 2, delta: 1 });
    expect(k?.fail).toEqual({ a: 1, b: 1, delta: 0 });
    expect(k?.na).toEqual({ a: 1, b: 1, delta: 0 });
    // shortfall: A c1 4 places; B c4 6 places
    expect(k?.shortfall).toEqual({ a: 4, b: 6, delta: 2 });
    const area = c.rules.find((x) => x.rule === 'wy.city.places');
    expect([area?.level, area?.pass.delta, area?.fail.delta]).toEqual(['area', 1, -1]);
  });

  it('shortfalls in places and m², not double-counting two rules on one community', () => {
    // places (community, on-site): A c1 4 = 4; B c4 6 = 6
    expect(c.shortfalls.places).toEqual({ a: 4, b: 6, delta: 2 });
    // m²: A c1 max(30.5, 100.2) = 100.2, + c2 12.3 = 112.5; B c1 30.5 + c2 12.3 = 42.8; Δ = −69.7
    expect(c.shortfalls.m2.a).toBeCloseTo(112.5, 9);
    expect(c.shortfalls.m2.b).toBeCloseTo(42.8, 9);
    expect(c.shortfalls.m2.delta).toBeCloseTo(-69.7, 9);
  });

  it('beds, nursing share and places from the layers', () => {
    // beds: A f2 10; B f2 16 + n1 50 = 66. nursing: A 4/10 = 0.4; B (4 + 40)/(16 + 50) = 44/66
    expect(c.capacity.beds).toEqual({ a: 10, b: 66, delta: 56 });
    expect(c.capacity.nursingBeds).toEqual({ a: 4, b: 44, delta: 40 });
    expect(c.capacity.nursingShare.a).toBeCloseTo(0.4, 12);
    expect(c.capacity.nursingShare.b).toBeCloseTo(44 / 66, 12);
    // places: A f1 20; B f1 30, n2 unknown (not counted as 0, reported)
    expect(c.capacity.places).toEqual({ a: 20, b: 30, delta: 10 });
    expect(c.capacity.placesUnknown).toEqual({ a: 0, b: 1, delta: 1 });
    expect(c.capacity.facilities).toEqual({ a: 3, b: 5, delta: 2 });
  });

  it('lists communities whose verdict changed, worsened first', () => {
    expect(c.changed.map((x) => [x.id, x.from, x.to])).toEqual([
      ['c4', 'absent', 'fail'],
      ['c1', 'fail', 'fail'], // still failing cf.households, but three rules turned to pass
    ]);
    expect(c.changed[1].rules).toEqual([
      { rule: 'wy.places.old', view: 'onsite', from: 'fail', to: 'pass', valueA: 4, valueB: 14 },
      { rule: 'wy.places.old', view: 'catchment', from: 'fail', to: 'pass', valueA: 6, valueB: 12 },
      { rule: 'ca.community.min', view: 'onsite', from: 'fail', to: 'pass', valueA: 199.8, valueB: 300 },
    ]);
    expect(c.changed[0].name).toBe('社区c4');
  });

  it('compared with itself: no deltas, nothing changed, no warnings', () => {
    const same = compare(A, A, layersA, layersA);
    expect(same.changed).toEqual([]);
    expect(same.warnings).toEqual([]);
    expect(same.rules.every((k) => k.pass.delta === 0 && k.shortfall.delta === 0)).toBe(true);
  });

  it('warns when the profiles or parameters differ', () => {
    const other = evaluation([], [], 'wy');
    expect(compare(A, other, layersA, layersA).warnings).toEqual([{ key: 'scenario.compare.profileDiffers', args: { a: 'combined', b: 'wy' } }]);
    const wider = deepFreeze({ ...A, params: resolveParams({ circleMinutes: 20 }) });
    expect(compare(A, wider, layersA, layersA).warnings).toEqual([{ key: 'scenario.compare.paramsDiffer' }]);
  });

  it('a circle on one side only has null, not zero, on the other', () => {
    const noCov = evaluation([], []);
    expect(compare(noCov, A, layersA, layersA).coverage[0].covered).toEqual({ a: null, b: 2000, delta: null });
  });

  it('shortfall units from measures', () => {
    expect(['places_per_1000', 'm2_per_resident', 'm2', 'share', 'count'].map(shortfallUnit)).toEqual(['places', 'm2', 'm2', 'other', 'other']);
  });
});

describe('rules with parts', () => {
  // ca.community.min has an elderly part (300 m²) and a childcare part (200 m²) for the same community:
  // elderly passes with 330, childcare fails with 90, on both sides. Nothing changed, so nothing is listed —
  // pairing the results by rule id alone would read "fail → pass (90 → 330)".
  const part = (p: string, status: Status, value: number): RuleResult => ({
    ...r('ca.community.min', 'community', 'c1', status, 'm2', status === 'fail' ? 200 - value : 0, value, 'onsite'),
    part: p,
  });
  const layers = baseLayers();
  it('pairs results by rule, part and view', () => {
    const a = evaluation([part('elderly', 'pass', 330), part('childcare', 'fail', 90)], []);
    const b = evaluation([part('childcare', 'fail', 90), part('elderly', 'pass', 330)], []);
    expect(compare(a, b, layers, layers).changed).toEqual([]);
  });
  it('a part that changes is listed with its part', () => {
    const a = evaluation([part('elderly', 'pass', 330), part('childcare', 'fail', 90)], []);
    const b = evaluation([part('elderly', 'pass', 330), part('childcare', 'pass', 290)], []);
    const c1 = compare(a, b, layers, layers).changed.find((c) => c.id === 'c1');
    expect(c1?.rules).toEqual([{ rule: 'ca.community.min', part: 'childcare', view: 'onsite', from: 'fail', to: 'pass', valueA: 90, valueB: 290 }]);
  });
});
