// wy.rural.tiers, by hand: "优化县级特困供养服务设施（敬老院）、乡镇区域性养老服务中心、村级互助养老服务点布局"
// (万源 二(二)). Each tier counts what its words name: county — a home named 特困/敬老院 (not any
// 养老院); town — a 乡镇区域性养老服务中心 in every 镇/乡 and every 街道 holding villages (涉农街道);
// village — a 村级互助养老服务点 in every village.
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../src/core/evaluate';
import type { Facility, RuleResult } from '../../../src/core/model';
import { wy } from '../../../src/core/rules/profiles';
import { tm } from '../../../src/i18n';
import { community, facility, layers, point, rect, street } from '../fixtures';

const tier = (rs: RuleResult[], part: string) => rs.filter((r) => r.rule === 'wy.rural.tiers' && r.part === part);
const one = (rs: RuleResult[], part: string, id: string) => {
  const got = tier(rs, part).filter((r) => r.unit.id === id);
  expect(got).toHaveLength(1);
  return got[0];
};

describe('wy.rural.tiers: the clause names the three tiers', () => {
  const clause = '优化县级特困供养服务设施（敬老院）、乡镇区域性养老服务中心、村级互助养老服务点布局';
  for (const part of ['county', 'town', 'village'])
    it(`${part}: cites 二(二) with its original words`, () => {
      const r = wy.rules.find((x) => x.id === 'wy.rural.tiers' && x.part === part);
      expect(r?.citation).toMatchObject({ clause: '二(二)', text: clause });
    });
});

describe('wy.rural.tiers:county — 县级特困供养服务设施（敬老院）', () => {
  const run = (...fs: Facility[]) => evaluate(layers({ facilities: fs }), { profile: 'wy' }).results;
  it('an ordinary private 养老院 is not a 特困供养 home: 0 of 1 facilities count → fail, 1 missing', () => {
    const r = one(run(facility('A', 'elderly_institution', { name: '长安颐养院', ownership: 'private' })), 'county', 'area');
    expect(r).toMatchObject({ value: 0, threshold: 1, status: 'fail', shortfall: 1 });
    expect(tm('zh', r.reason ?? { key: '' })).toContain('特困');
  });
  it('a community complex named 敬老院 is not an institution: fail', () => {
    expect(one(run(facility('X', 'elderly_complex', { name: '某社区敬老院' })), 'county', 'area').status).toBe('fail');
  });
  it('an institution named …特困供养服务中心 counts: 1 ≥ 1 → pass', () => {
    expect(one(run(facility('T', 'elderly_institution', { name: '万源市太平特困供养服务设施' })), 'county', 'area')).toMatchObject({ value: 1, status: 'pass' });
  });
  it('a 敬老院 (kind 乡镇区域性养老服务中心/敬老院) counts: 1 of 2 facilities → 1 ≥ 1 → pass', () => {
    const r = one(run(facility('A', 'elderly_institution', { name: '长安养老院' }), facility('J', 'elderly_township_centre', { name: '长安区中心敬老院' })), 'county', 'area');
    expect(r).toMatchObject({ value: 1, status: 'pass' });
  });
});

describe('wy.rural.tiers:town — 乡镇区域性养老服务中心 in every town and every 街道 with villages', () => {
  // four units side by side, 1 km wide: a town T, a street with a village V (涉农街道), an urban street U, another town T2
  const S = (id: string, type: 'street' | 'town', x: number) => street(id, type, rect(x, 0, x + 1000, 1000));
  const inside = (x: number) => rect(x + 400, 400, x + 500, 500);
  const data = layers({
    streets: [S('T', 'town', 0), S('V', 'street', 1000), S('U', 'street', 2000), S('T2', 'town', 3000)],
    communities: [
      community('vil', { type: 'rural', geometry: inside(1000) }),
      community('urb', { type: 'built', geometry: inside(2000) }),
      community('vil2', { type: 'rural', geometry: inside(3000) }),
    ],
    facilities: [
      facility('c1', 'elderly_township_centre', { name: 'T镇区域性养老服务中心', geometry: point(200, 200) }),
      // a complex is not a township centre: T2 stays without one
      facility('x', 'elderly_complex', { name: 'T2社区养老服务综合体', geometry: point(3200, 200) }),
    ],
  });
  const rs = evaluate(data, { profile: 'wy' }).results;
  it('town T holds one centre: 1 ≥ 1 → pass', () => {
    expect(one(rs, 'town', 'T')).toMatchObject({ value: 1, status: 'pass' });
  });
  it('street V holds a village, so it is judged like a town: 0 centres → fail, 1 missing', () => {
    expect(one(rs, 'town', 'V')).toMatchObject({ value: 0, status: 'fail', shortfall: 1 });
  });
  it('town T2 has only a community complex: 0 → fail', () => {
    expect(one(rs, 'town', 'T2')).toMatchObject({ value: 0, status: 'fail', shortfall: 1 });
  });
  it('street U holds no village: not assessed (no row); 3 rows in all', () => {
    expect(tier(rs, 'town').map((r) => r.unit.id)).toEqual(['T', 'V', 'T2']);
  });
  it('urban streets only: no unit → one area row "cannot assess"', () => {
    const urban = evaluate(layers({ streets: [S('U', 'street', 0)], communities: [community('urb', { type: 'built', geometry: inside(0) })] }), { profile: 'wy' }).results;
    expect(tier(urban, 'town')).toMatchObject([{ unit: { id: 'area' }, status: 'na', reason: { key: 'reason.noUnits' } }]);
  });
});

describe('wy.rural.tiers:village — 村级互助养老服务点 in every village', () => {
  it('village P holds a point → pass; village Q holds only a day-care centre → fail; the urban community is not assessed', () => {
    const rs = evaluate(
      layers({
        communities: [
          community('P', { type: 'rural', geometry: rect(0, 0, 100, 100) }),
          community('Q', { type: 'rural', geometry: rect(1000, 0, 1100, 100) }),
          community('U', { type: 'built', geometry: rect(2000, 0, 2100, 100) }),
        ],
        facilities: [facility('p', 'elderly_rural_point', { geometry: point(50, 50) }), facility('d', 'elderly_daycare', { geometry: point(1050, 50) })],
      }),
      { profile: 'wy' },
    ).results;
    expect(one(rs, 'village', 'P')).toMatchObject({ value: 1, status: 'pass' });
    expect(one(rs, 'village', 'Q')).toMatchObject({ value: 0, status: 'fail', shortfall: 1 });
    expect(tier(rs, 'village').map((r) => r.unit.id)).toEqual(['P', 'Q']);
  });
});
