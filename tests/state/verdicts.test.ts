import { describe, expect, it } from 'vitest';
import { countsByRule, resultsByLevel, resultsForUnit, verdictsByUnit, worst } from '../../src/core/report/verdicts';
import { result } from './results.fixture';

describe('worst', () => {
  it('one fail makes the unit fail; pass beats na; nothing is none', () => {
    expect(worst(['pass', 'na', 'fail'])).toBe('fail');
    expect(worst(['na', 'pass'])).toBe('pass');
    expect(worst(['na', 'na'])).toBe('na');
    expect(worst([])).toBe('none');
  });
});

describe('verdictsByUnit', () => {
  const results = [
    result('r1', 'community', 'c1', 'pass'),
    result('r2', 'community', 'c1', 'fail'),
    // the catchment view must not decide the map colour: c2 passes on site
    result('r1', 'community', 'c2', 'pass', { view: 'onsite' }),
    result('r1', 'community', 'c2', 'fail', { view: 'catchment' }),
    result('r1', 'street', 'c1', 'na'),
  ];
  it('overall = worst of every rule, per level and id', () => {
    const v = verdictsByUnit(results, null);
    expect(v.get('community:c1')).toBe('fail');
    expect(v.get('community:c2')).toBe('pass');
    expect(v.get('street:c1')).toBe('na');
    expect(v.size).toBe(3);
  });
  it('one rule: only that rule counts', () => {
    const v = verdictsByUnit(results, 'r1');
    expect(v.get('community:c1')).toBe('pass');
    expect(verdictsByUnit(results, 'r2').get('community:c2')).toBeUndefined();
  });
});

describe('countsByRule', () => {
  it('counts main-view results per rule in first-seen order', () => {
    const c = countsByRule([
      result('b', 'community', '1', 'fail'),
      result('a', 'community', '1', 'pass'),
      result('b', 'community', '2', 'fail'),
      result('b', 'community', '3', 'na'),
      result('b', 'community', '3', 'pass', { view: 'catchment' }),
    ]);
    // b: 2 fail + 1 na (the catchment pass is not counted); a: 1 pass
    expect(c).toEqual([
      { rule: 'b', pass: 0, fail: 2, na: 1 },
      { rule: 'a', pass: 1, fail: 0, na: 0 },
    ]);
  });
});

describe('rule parts', () => {
  it('a clause with several numbers counts and colours each part on its own', () => {
    const rs = [result('ca.circle', 'community', 'c', 'fail', { part: 'elderly' }), result('ca.circle', 'community', 'c', 'pass', { part: 'childcare' })];
    expect(countsByRule(rs).map((c) => [c.rule, c.fail, c.pass])).toEqual([
      ['ca.circle:elderly', 1, 0],
      ['ca.circle:childcare', 0, 1],
    ]);
    expect(verdictsByUnit(rs, 'ca.circle:childcare').get('community:c')).toBe('pass');
  });
});

describe('resultsForUnit', () => {
  it('lists both views of the unit, failing first, on-site before catchment', () => {
    const list = resultsForUnit(
      [
        result('z', 'community', 'c', 'pass'),
        result('a', 'community', 'c', 'fail', { view: 'catchment' }),
        result('a', 'community', 'c', 'fail', { view: 'onsite' }),
        result('a', 'community', 'other', 'fail'),
        result('m', 'street', 'c', 'fail'),
      ],
      'community',
      'c',
    );
    expect(list.map((r) => `${r.rule}/${r.view ?? '-'}`)).toEqual(['a/onsite', 'a/catchment', 'z/-']);
  });
});

describe('resultsByLevel', () => {
  it('splits by the unit level, keeping order, and leaves absent levels out', () => {
    const rs = [result('r1', 'facility', 'f1', 'pass'), result('r1', 'community', 'c1', 'fail'), result('r2', 'facility', 'f2', 'na'), result('r3', 'street', 's1', 'pass')];
    const by = resultsByLevel(rs);
    expect(by.facility?.map((r) => r.unit.id)).toEqual(['f1', 'f2']);
    expect(by.community?.map((r) => r.unit.id)).toEqual(['c1']);
    expect(by.street?.map((r) => r.unit.id)).toEqual(['s1']);
    expect(by.area).toBeUndefined();
  });
});
