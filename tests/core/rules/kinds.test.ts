// min_size, presence, coverage, composition, adjacency, target and cost rules, by hand.
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../src/core/evaluate';
import type { RuleResult } from '../../../src/core/model';
import { costOf } from '../../../src/core/rules/cost';
import { ca, cf } from '../../../src/core/rules/profiles';
import { tm } from '../../../src/i18n';
import { community, facility, layers, point, rect, street } from '../fixtures';

const find = (rs: RuleResult[], rule: string, id: string, part?: string) => {
  const got = rs.filter((r) => r.rule === rule && r.unit.id === id && (part === undefined || r.part === part));
  expect(got).toHaveLength(1);
  return got[0];
};

describe('min_size (ca.community.min)', () => {
  const run = (...fs: ReturnType<typeof facility>[]) => evaluate(layers({ communities: [community('C', { type: 'built' })], facilities: fs }), { profile: 'ca' }).results;
  it('the largest on-site facility counts: max(200, 320) = 320 ≥ 300', () => {
    expect(find(run(facility('A', 'elderly_daycare', { floorArea: 200 }), facility('B', 'elderly_complex', { floorArea: 320 })), 'ca.community.min', 'C', 'elderly')).toMatchObject(
      { value: 320, status: 'pass' },
    );
  });
  it('300 m² exactly passes; 299.95 m² fails by 0.05 → rounded up to 0.1 m²', () => {
    expect(find(run(facility('A', 'elderly_daycare', { floorArea: 300 })), 'ca.community.min', 'C', 'elderly').status).toBe('pass');
    expect(find(run(facility('A', 'elderly_daycare', { floorArea: 299.95 })), 'ca.community.min', 'C', 'elderly')).toMatchObject({ status: 'fail', shortfall: 0.1 });
  });
  it('no facility: 0 m², fail by 300 (elderly) and 200 (childcare)', () => {
    const rs = run();
    expect(find(rs, 'ca.community.min', 'C', 'elderly')).toMatchObject({ value: 0, status: 'fail', shortfall: 300 });
    expect(find(rs, 'ca.community.min', 'C', 'childcare')).toMatchObject({ value: 0, status: 'fail', shortfall: 200 });
  });
  it('a facility without floorArea: n/a naming it (unless a known one suffices)', () => {
    const r = find(run(facility('X', 'elderly_daycare')), 'ca.community.min', 'C', 'elderly');
    expect(r.status).toBe('na');
    expect(tm('en', r.reason ?? { key: '' })).toContain('X');
    expect(find(run(facility('X', 'elderly_daycare'), facility('Y', 'elderly_daycare', { floorArea: 400 })), 'ca.community.min', 'C', 'elderly').status).toBe('pass');
  });
  it('villages are not assessed', () => {
    const rs = evaluate(layers({ communities: [community('V', { type: 'rural' })] }), { profile: 'ca' }).results;
    expect(rs.filter((r) => r.rule === 'ca.community.min' && r.unit.id === 'V')).toEqual([]);
  });
});

describe('presence', () => {
  const S = (id: string, type: 'street' | 'town', x: number) => street(id, type, rect(x, 0, x + 1000, 1000));
  it('ca.coverage.town: 2 of 3 streets/towns have a centre → 66.7 % < 70 % → 1 more needed (⌈0.7 × 3 − 2⌉ = ⌈0.1⌉)', () => {
    const data = layers({
      streets: [S('A', 'street', 0), S('B', 'street', 1000), S('T', 'town', 2000)],
      facilities: [facility('c1', 'elderly_complex', { geometry: point(500, 500) }), facility('c2', 'elderly_township_centre', { geometry: point(2500, 500) })],
    });
    const rs = evaluate(data, { profile: 'ca' }).results;
    expect(find(rs, 'ca.coverage.town', 'A').status).toBe('pass');
    expect(find(rs, 'ca.coverage.town', 'B')).toMatchObject({ status: 'fail', shortfall: 1 });
    const area = find(rs, 'ca.coverage.town', 'area');
    expect(area).toMatchObject({ status: 'fail', shortfall: 1, threshold: 0.7 });
    expect(area.value).toBeCloseTo(2 / 3, 12);
    // the area share has its own override key: 2 ÷ 3 ≥ 0.6 passes
    const lower = evaluate(data, { profile: 'ca', params: { thresholds: { 'ca.coverage.town:share': 0.6 } } }).results;
    expect(find(lower, 'ca.coverage.town', 'area')).toMatchObject({ status: 'pass', threshold: 0.6 });
  });
  it('xn.street.childcare: 普惠 unknown → n/a; known 普惠 → pass; towns included; xn.street.centre: towns n/a (conditional)', () => {
    const data = layers({
      streets: [S('A', 'street', 0), S('T', 'town', 2000)],
      facilities: [facility('u', 'childcare_centre', { geometry: point(500, 500) }), facility('k', 'kindergarten_nursery', { inclusive: true, geometry: point(2500, 500) })],
    });
    const rs = evaluate(data, { profile: 'xn' }).results;
    expect(find(rs, 'xn.street.childcare', 'A').status).toBe('na');
    expect(find(rs, 'xn.street.childcare', 'T').status).toBe('pass');
    expect(find(rs, 'xn.street.centre', 'T', 'centre')).toMatchObject({ status: 'na', reason: { key: 'reason.conditional' } });
    expect(find(rs, 'xn.street.centre', 'A', 'centre')).toMatchObject({ status: 'fail', shortfall: 1 });
  });
});

describe('coverage (810 m circle: 15 min × 60 s × 0.9 m/s)', () => {
  // communities are 10 m squares; their representative points are their centres
  const sq = (x: number) => rect(x - 5, -5, x + 5, 5);
  const data = layers({
    communities: [
      community('Near', { type: 'built', population: 1000, geometry: sq(800) }),
      community('Far', { type: 'built', population: 3000, geometry: sq(-830) }),
      community('V', { type: 'rural', population: 100, geometry: point(5000, 0) }),
    ],
    facilities: [facility('D', 'elderly_daycare', { geometry: point(0, 0) })],
  });
  it('800 m away is inside, 830 m outside; residents covered 1000 ÷ 4000 = 25 %; 3000 residents short', () => {
    const rs = evaluate(data, { profile: 'wy' }).results;
    const near = find(rs, 'wy.circle', 'Near');
    expect(near.status).toBe('pass');
    expect(near.value).toBeCloseTo(800, -1);
    expect(near.threshold).toBe(810);
    // the failing row names the nearest centre beyond the circle and its 830 m (value rounded up to 0.1 m)
    const far = find(rs, 'wy.circle', 'Far');
    expect(far).toMatchObject({ status: 'fail', shortfall: 3000, nearest: { via: 'straight' } });
    expect(far.value).toBeCloseTo(830, -0.5);
    expect(find(rs, 'wy.circle', 'area')).toMatchObject({ value: 0.25, status: 'fail', shortfall: 3000 });
    expect(rs.filter((r) => r.rule === 'wy.circle' && r.unit.id === 'V')).toEqual([]); // villages are outside wy.circle's scope
  });
  it('a larger walk speed widens the circle: 1.0 m/s × 900 s = 900 m covers Far (830 m)', () => {
    const rs = evaluate(data, { profile: 'wy', params: { walkSpeed: 1.0 } }).results;
    expect(find(rs, 'wy.circle', 'area')).toMatchObject({ value: 1, status: 'pass' });
  });
  it('share of communities (ca.coverage.urban): 1 of 2 = 50 % < 90 % → ⌈0.9 × 2 − 1⌉ = 1 community short', () => {
    const rs = evaluate(data, { profile: 'ca' }).results;
    expect(find(rs, 'ca.coverage.urban', 'area')).toMatchObject({ value: 0.5, status: 'fail', shortfall: 1 });
  });
  it('missing population makes the resident share n/a, not a smaller denominator', () => {
    const d2 = layers({ ...data, communities: [...data.communities, community('Unknown', { type: 'built', geometry: sq(100) })] });
    const r = find(evaluate(d2, { profile: 'wy' }).results, 'wy.circle', 'area');
    expect(r.status).toBe('na');
    expect(tm('en', r.reason ?? { key: '' })).toContain('Unknown');
  });
  it('Evaluation.coverage lists who is outside each circle', () => {
    const ev = evaluate(data, { profile: 'wy' });
    const el = ev.coverage.find((c) => c.circle === 'elderly');
    // Far (3000) and V (100) are outside; total 1000 + 3000 + 100 = 4100
    expect(el).toMatchObject({ outside: ['Far', 'V'], residentsOutside: 3100, residentsTotal: 4100 });
  });
});

describe('composition', () => {
  it('nursing share by area and per 敬老院: (110 + 30) ÷ 260 = 53.8 % < 60 %; 0.6 × 260 − 140 = 16 nursing beds short', () => {
    const data = layers({
      facilities: [
        facility('I', 'elderly_institution', { beds: 200, nursingBeds: 110 }),
        facility('T', 'elderly_township_centre', { name: '王曲敬老院', beds: 60, nursingBeds: 30 }),
      ],
    });
    const rs = evaluate(data, { profile: 'ca' }).results;
    expect(find(rs, 'ca.nursing', 'area', 'area')).toMatchObject({ status: 'fail', shortfall: 16 });
    // T: 30 ÷ 60 = 50 %; 0.6 × 60 − 30 = 6
    expect(find(rs, 'ca.nursing', 'T', 'township')).toMatchObject({ value: 0.5, status: 'fail', shortfall: 6 });
    // "每所敬老院": a township centre not named 敬老院 is not judged by the township part
    const centre = layers({ facilities: [facility('Z', 'elderly_township_centre', { name: '王曲区域性养老服务中心', beds: 60, nursingBeds: 30 })] });
    expect(evaluate(centre, { profile: 'ca' }).results.filter((r) => r.rule === 'ca.nursing' && r.unit.id === 'Z')).toEqual([]);
    // wy: 0.55 × 260 − 140 = 3
    expect(find(evaluate(data, { profile: 'wy' }).results, 'wy.nursing', 'area')).toMatchObject({ status: 'fail', shortfall: 3 });
  });
  it('exactly 60 % passes; nursingBeds > beds is a data issue and the value is then unknown', () => {
    const ok = evaluate(layers({ facilities: [facility('I', 'elderly_institution', { beds: 50, nursingBeds: 30 })] }), { profile: 'xn' });
    expect(find(ok.results, 'xn.nursing', 'area')).toMatchObject({ value: 0.6, status: 'pass' });
    const bad = evaluate(layers({ facilities: [facility('I', 'elderly_institution', { beds: 50, nursingBeds: 60 })] }), { profile: 'xn' });
    expect(bad.issues.map((i) => [i.id, i.field])).toContainEqual(['I', 'nursingBeds']);
    expect(find(bad.results, 'xn.nursing', 'area').status).toBe('na');
  });
  it('kindergartens with 托班 ÷ all kindergartens (area.kindergartens): 2 ÷ 5 = 40 % → ⌈2.5 − 2⌉ = 1 more; n/a without the count', () => {
    const fs = [facility('K1', 'kindergarten_nursery'), facility('K2', 'kindergarten_nursery')];
    expect(find(evaluate(layers({ facilities: fs, area: { kindergartens: 5 } }), { profile: 'xn' }).results, 'xn.kindergarten.mix', 'area')).toMatchObject({
      value: 0.4,
      status: 'fail',
      shortfall: 1,
    });
    expect(find(evaluate(layers({ facilities: fs }), { profile: 'xn' }).results, 'xn.kindergarten.mix', 'area').status).toBe('na');
  });
});

describe('adjacency (colocateDistance 300 m)', () => {
  it('299 m passes, 301 m fails by ⌈1⌉ m; no health facility within the search → fail with unknown gap', () => {
    const data = layers({
      facilities: [
        facility('A', 'elderly_daycare', { geometry: point(0, 0) }),
        facility('HA', 'health_centre', { geometry: point(299, 0) }),
        facility('B', 'elderly_complex', { geometry: point(0, 3000) }),
        facility('HB', 'health_centre', { geometry: point(0, 3301) }),
        facility('C', 'elderly_complex', { geometry: point(50000, 0) }),
      ],
    });
    const rs = evaluate(data, { profile: 'wy' }).results;
    expect(find(rs, 'wy.colocate', 'A').status).toBe('pass');
    const b = find(rs, 'wy.colocate', 'B');
    expect(b.status).toBe('fail');
    expect(b.value).toBeCloseTo(301, 0);
    expect(b.shortfall).toBe(1);
    expect(find(rs, 'wy.colocate', 'C')).toMatchObject({ status: 'fail', value: null, shortfall: null });
    // a per-rule override of "nearby": 400 m takes in B's 301 m
    const wider = evaluate(data, { profile: 'wy', params: { thresholds: { 'wy.colocate': 400 } } }).results;
    expect(find(wider, 'wy.colocate', 'B')).toMatchObject({ status: 'pass', threshold: 400 });
  });
});

describe('targets', () => {
  const beds = (n: number) => facility('I', 'elderly_institution', { beds: n });
  it('wy.city.beds 3000 by 2025: 2999 fails by 1 in 2025; in 2024 it is not yet due (n/a with progress)', () => {
    expect(find(evaluate(layers({ facilities: [beds(2999)] }), { profile: 'wy' }).results, 'wy.city.beds', 'area')).toMatchObject({ status: 'fail', shortfall: 1 });
    const early = find(evaluate(layers({ facilities: [beds(2999)] }), { profile: 'wy', params: { year: 2024 } }).results, 'wy.city.beds', 'area');
    expect(early).toMatchObject({ status: 'na', value: 2999, reason: { key: 'reason.notYetDue' } });
    expect(find(evaluate(layers({ facilities: [beds(3000)] }), { profile: 'wy', params: { year: 2024 } }).results, 'wy.city.beds', 'area').status).toBe('pass');
  });
  it('ca.targets.2023 new places = places now − baseline: 700 − 50 = 650 ≥ 645; no baseline → n/a', () => {
    const fs = [facility('P', 'childcare_centre', { places: 700 })];
    expect(find(evaluate(layers({ facilities: fs, area: { baselinePlaces: 50 } }), { profile: 'ca' }).results, 'ca.targets.2023', 'area', 'places')).toMatchObject({
      value: 650,
      status: 'pass',
    });
    expect(find(evaluate(layers({ facilities: fs }), { profile: 'ca' }).results, 'ca.targets.2023', 'area', 'places')).toMatchObject({
      status: 'na',
      reason: { key: 'reason.noBaseline' },
    });
  });
  it('ca.targets.2025 counts 普惠 institutions: one known, one unknown → n/a; family points do not count', () => {
    const fs = [facility('A', 'childcare_centre', { inclusive: true }), facility('B', 'kindergarten_nursery'), facility('F', 'family_childcare', { inclusive: true })];
    expect(find(evaluate(layers({ facilities: fs }), { profile: 'ca' }).results, 'ca.targets.2025', 'area', 'inclusive')).toMatchObject({ status: 'na', value: 1 });
  });
  it('wy.newarea.rate: 1 of 2 new communities passes its on-site rules and has elderly care on site → 50 % < 80 %', () => {
    const data = layers({
      communities: [community('Good', { population: 1000, geometry: rect(0, 0, 100, 100) }), community('Bad', { population: 1000, geometry: rect(5000, 0, 5100, 100) })],
      facilities: [
        facility('P', 'childcare_centre', { places: 10, geometry: point(50, 50) }),
        facility('E', 'elderly_daycare', { geometry: point(60, 60) }),
        facility('Q', 'childcare_centre', { places: 20, geometry: point(5050, 50) }),
      ],
    });
    // Good: 10 places / 1000 = 10 ✓ and day care ✓; Bad: 20 places ✓ but no elderly care on site ✗
    expect(find(evaluate(data, { profile: 'wy' }).results, 'wy.newarea.rate', 'area')).toMatchObject({ value: 0.5, status: 'fail', shortfall: 1 });
  });
});

describe('cost', () => {
  it('costOf prices items with the cf subsidy rates (hand arithmetic)', () => {
    const b = costOf(
      [
        { kind: 'place', count: 40, mode: 'new', rural: false }, // 40 × 2500 = 100000
        { kind: 'place', count: 20, mode: 'expansion', rural: true }, // 20 × 500 = 10000
        { kind: 'bed', count: 10, mode: 'converted', rural: false }, // 10 × 2000 = 20000
        { kind: 'bed', count: 3, mode: 'leased5y', rural: true }, // 3 × 1000 = 3000
        { kind: 'bed', count: 5, mode: 'expansion', rural: false }, // no rate in the text
      ],
      cf,
      { occupantMonths: 12 }, // 12 × 100 = 1200
    );
    expect(b.lines.map((l) => l.amount)).toEqual([100000, 10000, 20000, 3000, 0]);
    expect(b.unpriced).toHaveLength(1);
    expect(b.operating?.amount).toBe(1200);
    expect(b.total).toBe(100000 + 10000 + 20000 + 3000 + 1200);
    expect(b.lines[0].citation?.clause).toContain('预期目标2');
  });
  it('a profile without subsidy rules prices nothing', () => {
    const b = costOf([{ kind: 'place', count: 1, mode: 'new', rural: false }], ca);
    expect(b).toMatchObject({ total: 0, unpriced: [{ kind: 'place' }] });
  });
  it('budget lines against AreaInfo: lottery 58 % < 60 % (0.02 short); 8 M < 10 M childcare; missing → n/a', () => {
    const area = { budgetElderly: 25_000_000, budgetChildcare: 8_000_000, lotteryShare: 0.58 };
    const ak = evaluate(layers({ area }), { profile: 'ak' }).results;
    expect(find(ak, 'ak.budget', 'area', 'total')).toMatchObject({ value: 33_000_000, status: 'pass' });
    expect(find(ak, 'ak.budget', 'area', 'lottery')).toMatchObject({ status: 'fail', shortfall: 0.02 });
    expect(find(evaluate(layers({ area }), { profile: 'wy' }).results, 'wy.budget', 'area', 'childcare')).toMatchObject({ status: 'fail', shortfall: 2_000_000 });
    expect(find(evaluate(layers({}), { profile: 'wy' }).results, 'wy.budget', 'area', 'elderly').status).toBe('na');
  });
});
