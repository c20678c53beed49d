import { describe, expect, it } from 'vitest';
import type { RuleResult } from '../../src/core/model';
import { arraySource, encodeResults, ResultTable, type ResultSource } from '../../src/core/report/result-columns';
import { countsByRule, resultsForUnit, unitRanks, verdictOfRank, verdictsByUnit, worst } from '../../src/core/report/verdicts';
import { result } from './results.fixture';

describe('worst', () => {
  it('one fail makes the unit fail; pass beats na; nothing is none', () => {
    expect(worst(['pass', 'na', 'fail'])).toBe('fail');
    expect(worst(['na', 'pass'])).toBe('pass');
    expect(worst(['na', 'na'])).toBe('na');
    expect(worst([])).toBe('none');
  });
});

// each view model over the engine's objects and over the columns the page gets from the worker
const SOURCES: Record<string, (rs: RuleResult[]) => ResultSource> = {
  objects: arraySource,
  columns: (rs) => new ResultTable(encodeResults(rs)),
};

for (const [how, src] of Object.entries(SOURCES))
  describe(`over ${how}`, () => {
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
        const v = verdictsByUnit(src(results), null);
        expect(v.get('community:c1')).toBe('fail');
        expect(v.get('community:c2')).toBe('pass');
        expect(v.get('street:c1')).toBe('na');
        expect(v.size).toBe(3);
      });
      it('only the levels asked for (the map: streets and communities)', () => {
        const v = verdictsByUnit(src(results), null, ['street']);
        expect([...v]).toEqual([['street:c1', 'na']]);
      });
      it('one rule: only that rule counts', () => {
        const v = verdictsByUnit(src(results), 'r1');
        expect(v.get('community:c1')).toBe('pass');
        expect(verdictsByUnit(src(results), 'r2').get('community:c2')).toBeUndefined();
      });
    });

    describe("unitRanks: the map's verdicts as a byte per unit in layer order", () => {
      const results = [
        result('r1', 'community', 'c1', 'pass'),
        result('r2', 'community', 'c1', 'fail'),
        result('r1', 'community', 'c2', 'pass', { view: 'onsite' }),
        result('r1', 'community', 'c2', 'fail', { view: 'catchment' }),
        result('r2', 'community', 'c3', 'na'),
        // a street of the same id as a community is not that community
        result('r1', 'street', 'c3', 'fail'),
      ];
      // ranks: 0 none, 1 na, 2 pass, 3 fail; c9 has no result, c2's catchment view does not count
      const ids = ['c9', 'c3', 'c2', 'c1'];
      it('overall: the worst rule per community, in the order of the ids given', () => {
        expect([...unitRanks(src(results), null, 'community', ids)]).toEqual([0, 1, 2, 3]);
        expect([...unitRanks(src(results), null, 'community', ids)].map(verdictOfRank)).toEqual(['none', 'na', 'pass', 'fail']);
      });
      it('one rule: r1 decides c1 (pass) and c2 (pass); c3 has none of it', () => {
        expect([...unitRanks(src(results), 'r1', 'community', ids)]).toEqual([0, 0, 2, 2]);
      });
      it('streets: only the street c3', () => {
        expect([...unitRanks(src(results), null, 'street', ['c1', 'c3'])]).toEqual([0, 3]);
      });
      it('an id twice in the layer (a file with two communities of one id): both places get its verdict', () => {
        expect([...unitRanks(src(results), null, 'community', ['c1', 'c3', 'c1', 'c9', 'c3'])]).toEqual([3, 1, 3, 0, 1]);
      });
    });

    describe('countsByRule', () => {
      it('counts main-view results per rule in first-seen order', () => {
        const c = countsByRule(
          src([
            result('b', 'community', '1', 'fail'),
            result('a', 'community', '1', 'pass'),
            result('b', 'community', '2', 'fail'),
            result('b', 'community', '3', 'na'),
            result('b', 'community', '3', 'pass', { view: 'catchment' }),
          ]),
        );
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
        expect(countsByRule(src(rs)).map((c) => [c.rule, c.fail, c.pass])).toEqual([
          ['ca.circle:elderly', 1, 0],
          ['ca.circle:childcare', 0, 1],
        ]);
        expect(verdictsByUnit(src(rs), 'ca.circle:childcare').get('community:c')).toBe('pass');
      });
    });

    describe('resultsForUnit', () => {
      it('lists both views of the unit, failing first, on-site before catchment', () => {
        const list = resultsForUnit(
          src([
            result('z', 'community', 'c', 'pass'),
            result('a', 'community', 'c', 'fail', { view: 'catchment' }),
            result('a', 'community', 'c', 'fail', { view: 'onsite' }),
            result('a', 'community', 'other', 'fail'),
            result('m', 'street', 'c', 'fail'),
          ]),
          'community',
          'c',
        );
        expect(list.map((r) => `${r.rule}/${r.view ?? '-'}`)).toEqual(['a/onsite', 'a/catchment', 'z/-']);
      });
    });
  });
