// Rules added from the ledger audit (issue 17): the lottery shares of 003 and 004 (≥ 55 %) and the
// childcare institution 002 asks for by 2022 (附件2 第5项), worked out by hand.
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../src/core/evaluate';
import { facility, layers } from '../fixtures';

const area = (key: string, ev: ReturnType<typeof evaluate>) => ev.results.find((r) => r.unit.level === 'area' && `${r.rule}${r.part ? `:${r.part}` : ''}` === key);

describe('rules from the ledger audit', () => {
  it('xn.lottery and ca.lottery: 55 % exactly passes, 50 % fails; no figure is n/a', () => {
    for (const [profile, key] of [
      ['xn', 'xn.lottery'],
      ['ca', 'ca.lottery'],
    ]) {
      expect(area(key, evaluate(layers({ area: { lotteryShare: 0.55 } }), { profile }))?.status).toBe('pass');
      const low = area(key, evaluate(layers({ area: { lotteryShare: 0.5 } }), { profile }));
      expect([low?.status, low?.value, low?.threshold]).toEqual(['fail', 0.5, 0.55]);
      expect(area(key, evaluate(layers({}), { profile }))?.status).toBe('na');
    }
  });

  it('wy.targets.2022:childcare counts childcare centres and kindergarten classes, not family points', () => {
    const family = layers({ facilities: [facility('f', 'family_childcare')] });
    expect(area('wy.targets.2022:childcare', evaluate(family, { profile: 'wy', params: { year: 2021 } }))?.status).toBe('na'); // not yet due
    const miss = area('wy.targets.2022:childcare', evaluate(family, { profile: 'wy', params: { year: 2022 } }));
    expect([miss?.status, miss?.value, miss?.shortfall]).toEqual(['fail', 0, 1]);
    const one = layers({ facilities: [facility('k', 'kindergarten_nursery')] });
    expect(area('wy.targets.2022:childcare', evaluate(one, { profile: 'wy', params: { year: 2022 } }))?.status).toBe('pass');
  });
});
