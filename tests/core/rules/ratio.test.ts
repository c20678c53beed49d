// ratio rules: expected values worked out by hand in the comments.
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../src/core/evaluate';
import type { RuleResult } from '../../../src/core/model';
import { tm } from '../../../src/i18n';
import { community, facility, layers, multi, point, rect, street } from '../fixtures';

const pick = (rs: RuleResult[], rule: string, id: string, view?: string) => rs.filter((r) => r.rule === rule && r.unit.id === id && (view === undefined || r.view === view));
const one = (rs: RuleResult[], rule: string, id: string, view = 'onsite') => {
  const got = pick(rs, rule, id, view);
  expect(got).toHaveLength(1);
  return got[0];
};

describe('places per 1000 residents (wy.places.new, on site)', () => {
  it('exactly on the threshold passes: 20 places ÷ 2000 residents × 1000 = 10 ≥ 10', () => {
    const ev = evaluate(layers({ communities: [community('C', { population: 2000 })], facilities: [facility('F', 'childcare_centre', { places: 20 })] }), { profile: 'wy' });
    const r = one(ev.results, 'wy.places.new', 'C');
    expect(r).toMatchObject({ value: 10, threshold: 10, status: 'pass', shortfall: 0, measure: 'places_per_1000' });
    expect(r.citation.text).toBe('新建居住区按照每千人口不少于10个托位');
  });
  it('one place short fails: 19 ÷ 2000 × 1000 = 9.5; needed 10 × 2000 ÷ 1000 = 20 → shortfall 1 place', () => {
    const ev = evaluate(layers({ communities: [community('C', { population: 2000 })], facilities: [facility('F', 'childcare_centre', { places: 19 })] }), { profile: 'wy' });
    expect(one(ev.results, 'wy.places.new', 'C')).toMatchObject({ value: 9.5, status: 'fail', shortfall: 1 });
  });
  it('shortfall rounds up to whole places: 1234 residents need 12.34 → 13 places with none on site', () => {
    const ev = evaluate(layers({ communities: [community('C', { population: 1234 })] }), { profile: 'wy' });
    expect(one(ev.results, 'wy.places.new', 'C')).toMatchObject({ value: 0, status: 'fail', shortfall: 13 });
  });
  it('a community with no facilities fails with the full requirement (0 is measured, not missing)', () => {
    const ev = evaluate(layers({ communities: [community('C', { type: 'built', population: 3000 })] }), { profile: 'wy' });
    // 8 × 3000 ÷ 1000 = 24 places
    expect(one(ev.results, 'wy.places.old', 'C')).toMatchObject({ value: 0, threshold: 8, status: 'fail', shortfall: 24 });
  });
  it('zero population: n/a (no ratio), not a pass', () => {
    const ev = evaluate(layers({ communities: [community('C', { population: 0 })] }), { profile: 'wy' });
    const r = one(ev.results, 'wy.places.new', 'C');
    expect(r.status).toBe('na');
    expect(tm('en', r.reason ?? { key: '' })).toContain('population is 0');
  });
  it('missing population: n/a naming it, never counted as zero', () => {
    const ev = evaluate(layers({ communities: [community('C')], facilities: [facility('F', 'childcare_centre', { places: 5 })] }), { profile: 'wy' });
    const r = one(ev.results, 'wy.places.new', 'C');
    expect(r).toMatchObject({ status: 'na', value: null });
    expect(tm('en', r.reason ?? { key: '' })).toContain('population');
  });
  it('a facility without places: n/a when the rest falls short, pass (lower bound) when the rest suffices', () => {
    const base = { communities: [community('C', { population: 1000 })] };
    const short = evaluate(layers({ ...base, facilities: [facility('A', 'childcare_centre', { places: 5 }), facility('B', 'family_childcare')] }), { profile: 'wy' });
    const r1 = one(short.results, 'wy.places.new', 'C');
    expect(r1.status).toBe('na');
    expect(tm('en', r1.reason ?? { key: '' })).toContain('B');
    const enough = evaluate(layers({ ...base, facilities: [facility('A', 'childcare_centre', { places: 12 }), facility('B', 'family_childcare')] }), { profile: 'wy' });
    const r2 = one(enough.results, 'wy.places.new', 'C');
    expect(r2.status).toBe('pass');
    expect(r2.reason?.key).toBe('reason.lowerBound');
  });
  it('only new communities are assessed; none in the area → one area-level n/a', () => {
    const ev = evaluate(layers({ communities: [community('C', { type: 'rural', population: 100 })] }), { profile: 'wy' });
    const r = ev.results.filter((x) => x.rule === 'wy.places.new');
    expect(r).toHaveLength(1);
    expect(r[0]).toMatchObject({ unit: { level: 'area' }, status: 'na' });
  });
  it('a threshold override applies and is reported', () => {
    const ev = evaluate(layers({ communities: [community('C', { population: 2000 })], facilities: [facility('F', 'childcare_centre', { places: 20 })] }), {
      profile: 'wy',
      params: { thresholds: { 'wy.places.new': 12 } },
    });
    // needed 12 × 2000 ÷ 1000 = 24, have 20 → 4 short
    expect(one(ev.results, 'wy.places.new', 'C')).toMatchObject({ threshold: 12, status: 'fail', shortfall: 4 });
  });
});

describe('on-site supply: point and MultiPolygon communities', () => {
  it('a point community counts facilities that name it in `community`', () => {
    const ev = evaluate(
      layers({
        communities: [community('P', { geometry: point(0, 0), population: 1000 })],
        facilities: [
          facility('F', 'childcare_centre', { places: 10, geometry: point(5000, 5000), extra: { community: 'P' } }),
          facility('G', 'childcare_centre', { places: 10, geometry: point(0, 0) }),
        ],
      }),
      { profile: 'wy' },
    );
    // only F is linked: 10 ÷ 1000 × 1000 = 10 (G at the same spot is not "inside" a point)
    expect(one(ev.results, 'wy.places.new', 'P')).toMatchObject({ value: 10, status: 'pass' });
  });
  it('a MultiPolygon community counts a facility in its second part', () => {
    const geom = multi(rect(0, 0, 100, 100), rect(500, 0, 600, 100));
    const ev = evaluate(
      layers({ communities: [community('M', { geometry: geom, population: 500 })], facilities: [facility('F', 'childcare_centre', { places: 5, geometry: point(550, 50) })] }),
      { profile: 'wy' },
    );
    // 5 ÷ 500 × 1000 = 10
    expect(one(ev.results, 'wy.places.new', 'M')).toMatchObject({ value: 10, status: 'pass' });
  });
});

describe('floor area and land', () => {
  it('ak.new.floor: 0.1 m² per resident exactly passes; the shortfall is in m² to 0.1', () => {
    const ev = evaluate(
      layers({
        communities: [community('A', { population: 2000 }), community('B', { population: 1001, geometry: rect(1000, 0, 1100, 100) })],
        facilities: [facility('FA', 'elderly_daycare', { floorArea: 200 }), facility('FB', 'elderly_daycare', { floorArea: 50, geometry: point(1050, 50) })],
      }),
      { profile: 'ak' },
    );
    // A: 200 ÷ 2000 = 0.1 → pass.  B: needs 0.1 × 1001 = 100.1 m², has 50 → 50.1 m² short
    expect(one(ev.results, 'ak.new.floor', 'A')).toMatchObject({ value: 0.1, status: 'pass' });
    expect(one(ev.results, 'ak.new.floor', 'B')).toMatchObject({ status: 'fail', shortfall: 50.1 });
  });
  it('cf.households converts beds to floor area at 30 m² per bed where floorArea is missing', () => {
    const ev = evaluate(layers({ communities: [community('C', { type: 'built', households: 1000 })], facilities: [facility('F', 'elderly_institution', { beds: 5 })] }), {
      profile: 'cf',
    });
    // 5 beds × 30 m² = 150 m² ÷ 1000 households × 100 = 15 m²/100 households < 20 → short 20 × 10 − 150 = 50 m²
    const r = one(ev.results, 'cf.households', 'C');
    expect(r).toMatchObject({ value: 15, status: 'fail', shortfall: 50 });
    expect(r.reason?.key).toBe('reason.bedArea');
  });
  it('cf.land.since2013 applies to communities built 2013 or later; a missing builtYear is n/a', () => {
    const ev = evaluate(
      layers({
        communities: [
          community('Old', { type: 'built', builtYear: 2012, population: 100 }),
          community('New', { builtYear: 2013, population: 1000, geometry: rect(1000, 0, 1100, 100) }),
          community('Unknown', { population: 100, geometry: rect(2000, 0, 2100, 100) }),
        ],
        facilities: [facility('F', 'elderly_daycare', { landArea: 80, geometry: point(1050, 50) })],
      }),
      { profile: 'cf' },
    );
    expect(pick(ev.results, 'cf.land.since2013', 'Old')).toEqual([]);
    // 80 ÷ 1000 = 0.08 < 0.1; short 0.1 × 1000 − 80 = 20 m²
    expect(one(ev.results, 'cf.land.since2013', 'New')).toMatchObject({ value: 0.08, status: 'fail', shortfall: 20 });
    expect(one(ev.results, 'cf.land.since2013', 'Unknown')).toMatchObject({ status: 'na' });
  });
  it('wy.land / ca.land by street and area, with the 0.3 upper value noted', () => {
    const s1 = street('S1', 'street', rect(0, 0, 1000, 1000));
    const s2 = street('S2', 'town', rect(1000, 0, 2000, 1000));
    const data = layers({
      streets: [s1, s2],
      communities: [community('A', { population: 1000, geometry: rect(100, 100, 200, 200) }), community('B', { type: 'rural', population: 500, geometry: point(1500, 500) })],
      facilities: [
        facility('FA', 'elderly_complex', { landArea: 90, geometry: point(500, 500) }),
        facility('FB', 'elderly_rural_point', { landArea: 200, geometry: point(1600, 500) }),
      ],
    });
    const wy = evaluate(data, { profile: 'wy' });
    // S1: 90 ÷ 1000 = 0.09 → fail, short 10 m²; S2: 200 ÷ 500 = 0.4 → pass; area: 290 ÷ 1500 = 0.1933 → pass
    const byUnit = Object.fromEntries(wy.results.filter((r) => r.rule === 'wy.land').map((r) => [r.unit.id, r]));
    expect(byUnit.S1).toMatchObject({ value: 0.09, status: 'fail', shortfall: 10 });
    expect(byUnit.S2).toMatchObject({ value: 0.4, status: 'pass' });
    expect(byUnit.area.value).toBeCloseTo(290 / 1500, 12);
    const ca = evaluate(data, { profile: 'ca' });
    const caS2 = ca.results.find((r) => r.rule === 'ca.land' && r.unit.id === 'S2');
    expect(caS2?.status).toBe('pass');
    expect(caS2?.reason?.key).toBe('reason.aboveRange');
  });
});

describe('area ratios', () => {
  it('ca.public.beds counts public and 公建民营 beds against 1 % of residents aged 60+', () => {
    const data = layers({
      communities: [community('C', { population: 10000, elderly: 2000 })],
      facilities: [
        facility('P', 'elderly_institution', { beds: 12, ownership: 'public' }),
        facility('Q', 'elderly_institution', { beds: 5, ownership: 'public_private' }),
        facility('R', 'elderly_institution', { beds: 100, ownership: 'private' }),
      ],
    });
    // (12 + 5) ÷ 2000 = 0.0085 < 0.01; needed 0.01 × 2000 = 20 beds → 3 short
    const r = evaluate(data, { profile: 'ca' }).results.find((x) => x.rule === 'ca.public.beds');
    expect(r).toMatchObject({ status: 'fail', shortfall: 3 });
    expect(r?.value).toBeCloseTo(0.0085, 12);
  });
  it('xn.social.workers per 100 beds, per facility and area', () => {
    const data = layers({
      communities: [community('C', { population: 1000, elderly: 500 })],
      facilities: [facility('A', 'elderly_institution', { beds: 250, socialWorkers: 2 }), facility('B', 'elderly_institution', { beds: 50, socialWorkers: 1 })],
    });
    const rs = evaluate(data, { profile: 'xn' }).results.filter((r) => r.rule === 'xn.social.workers' && r.part === 'beds');
    const by = Object.fromEntries(rs.map((r) => [r.unit.id, r]));
    // A: 2 ÷ 250 × 100 = 0.8 < 1 → needs 2.5 → 1 more (⌈0.5⌉); B: 1 ÷ 50 × 100 = 2 → pass; area: 3 ÷ 300 × 100 = 1 → pass (on threshold)
    expect(by.A).toMatchObject({ status: 'fail', shortfall: 1 });
    expect(by.A.value).toBeCloseTo(0.8, 12);
    expect(by.B).toMatchObject({ value: 2, status: 'pass' });
    expect(by.area).toMatchObject({ value: 1, status: 'pass' });
  });
});
