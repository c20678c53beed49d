// summarise() counts and the display rows, checked against counts made by hand.
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/core/evaluate';
import { summarise } from '../../src/core/report';
import { formatNumber, formatValue, reasonText, resultRow } from '../../src/i18n/report-rows';
import { community, facility, layers } from './fixtures';

describe('report', () => {
  // one new community, 2000 residents, 15 places on site → wy.places.new on site 7.5 < 10 fail (5 short);
  // catchment view the same facility alone → fail; wy.city.places 7.5 ≥ 4.5 pass
  const ev = evaluate(layers({ communities: [community('C', { population: 2000 })], facilities: [facility('F', 'childcare_centre', { places: 15 })] }), { profile: 'wy' });
  const s = summarise(ev);
  it('per-rule counts: the community once, by its on-site view (the catchment view is not added)', () => {
    expect(s.byRule.find((r) => r.key === 'wy.places.new')).toMatchObject({ pass: 0, fail: 1, na: 0, kind: 'ratio', levels: ['community'] });
    expect(s.byRule.find((r) => r.key === 'wy.city.places')).toMatchObject({ pass: 1, fail: 0, na: 0 });
  });
  it('totals equal the sum over rules and over levels', () => {
    const sum = (xs: { pass: number; fail: number; na: number }[]) =>
      xs.reduce((a, b) => ({ pass: a.pass + b.pass, fail: a.fail + b.fail, na: a.na + b.na }), { pass: 0, fail: 0, na: 0 });
    expect(sum(s.byRule)).toEqual(s.totals);
    expect(sum(s.byLevel)).toEqual(s.totals);
    expect(s.totals.pass + s.totals.fail + s.totals.na).toBe(ev.results.filter((r) => r.view !== 'catchment').length);
  });
  it('rows read as a planner expects, in both languages', () => {
    const r = ev.results.find((x) => x.rule === 'wy.places.new' && x.view === 'onsite');
    if (!r) throw new Error('missing');
    const zh = resultRow(r, 'zh');
    expect(zh).toMatchObject({ value: '7.5', threshold: '10', statusText: '不达标', shortfall: '5 个托位', view: '配建', clause: '二(二)；附件1 第2项' });
    expect(resultRow(r, 'en')).toMatchObject({ statusText: 'fail', shortfall: '5 places', view: 'on site' });
    expect(formatNumber(0.8333333, 'share', 'en')).toBe('83.3%');
    expect(formatNumber(15000000, 'cny', 'zh')).toBe('15,000,000');
    expect(formatNumber(null, 'm', 'zh')).toBe('—');
  });
  it('a failing value never reads as its threshold: 0.0988 < 0.1 shows 0.099; 59.98 % < 60 % shows 59.98%', () => {
    expect(formatValue({ value: 0.0988, threshold: 0.1, status: 'fail', measure: 'm2_per_resident' }, 'zh')).toBe('0.099');
    expect(formatValue({ value: 0.5998, threshold: 0.6, status: 'fail', measure: 'share' }, 'en')).toBe('59.98%');
    // a pass, or a failing value already distinct, is shown as usual
    expect(formatValue({ value: 0.1004, threshold: 0.1, status: 'pass', measure: 'm2_per_resident' }, 'zh')).toBe('0.1');
    expect(formatValue({ value: 0.05, threshold: 0.1, status: 'fail', measure: 'm2_per_resident' }, 'zh')).toBe('0.05');
  });
  it("reasons name fields and facility kinds in the reader's language", () => {
    expect(reasonText({ key: 'reason.missing', args: { what: 'population (C1, C2)' } }, 'zh')).toBe('缺少数据：人口 (C1, C2)');
    expect(reasonText({ key: 'reason.noFacilities', args: { what: 'elderly_daycare/elderly_complex' } }, 'zh')).toBe('没有 日间照料中心、社区养老服务综合体 设施');
    expect(reasonText({ key: 'issue.negative', args: { id: 'abc', field: 'beds', value: -1 } }, 'en')).toBe('abc: beds is negative (-1); treated as missing.');
  });
});
