// The site report's numbers, by hand: before/after with unit and verdict, thousands grouped, shares
// in per cent, and a failing value never rounded onto its threshold.
import { describe, expect, it } from 'vitest';
import { reachMetres, roundApart } from '../../src/core/report';
import { effectSide, plannedAmount, thresholdWithUnit } from '../../src/ui/site/figures-text';

describe('before / after cells of the effect table', () => {
  it('a value with its unit and verdict: 0.71 m² per resident passes', () => {
    expect(effectSide({ value: 0.7143, status: 'pass' }, 0.1, 'm2_per_resident', 'zh')).toBe('0.71 平方米/人 达标');
    expect(effectSide({ value: 0.7143, status: 'pass' }, 0.1, 'm2_per_resident', 'en')).toBe('0.71 m² / resident pass');
  });
  it('a share in per cent, not 0.883: 0.8827667 → 88.3%', () => {
    expect(effectSide({ value: 0.8827667, status: 'fail' }, 1, 'share', 'zh')).toBe('88.3% 不达标');
    expect(thresholdWithUnit(0.7, 'share', 'en')).toBe('70%');
  });
  it('thousands grouped: 12345.678 places → 12,345.68', () => {
    expect(effectSide({ value: 12345.678, status: 'pass' }, 630, 'places', 'zh')).toBe('12,345.68 个托位 达标');
  });
  it('a failing 0.0988 m² per resident against 0.1 does not read 0.1: 0.099', () => {
    expect(effectSide({ value: 0.0988, status: 'fail' }, 0.1, 'm2_per_resident', 'zh')).toBe('0.099 平方米/人 不达标');
  });
  it('no row before the site: a dash; an unknown value after: a dash with its verdict', () => {
    expect(effectSide(undefined, 1, 'share', 'zh')).toBe('—');
    expect(effectSide({ value: null, status: 'na' }, 2, 'workers_per_1000_elderly', 'zh')).toBe('— 无法评价');
  });
});

describe('planned against required', () => {
  it('252.96 m² planned against 253 required fails: shown 252.96, not 253', () => {
    expect(plannedAmount({ required: 253, provided: 252.96, amountUnit: 'm2' }, 'fail', 'zh')).toBe('应配 253，规划 252.96 平方米');
  });
  it('a pass rounds as usual (m² to 0.1): 300.04 → 300', () => {
    expect(plannedAmount({ required: 253, provided: 300.04, amountUnit: 'm2' }, 'pass', 'en')).toBe('required 253, planned 300 m²');
  });
  it('roundApart: 0.09996 vs 0.1 failing needs 5 decimals (3 and 4 both give 0.1); passing keeps 3', () => {
    expect(roundApart(0.09996, 3, 0.1, true)).toBe(0.09996);
    expect(roundApart(0.09996, 3, 0.1, false)).toBe(0.1);
    expect(roundApart(1234.5678, 1, 253, true)).toBe(1234.6);
  });
});

describe('metres to a facility in the reach table', () => {
  it('810.4 m against the 810 m circle is beyond: 811, never 810; 809.6 within rounds to 810', () => {
    expect(reachMetres(810.4, 810)).toBe(811);
    expect(reachMetres(809.6, 810)).toBe(810);
    expect(reachMetres(640.31, 810)).toBe(640);
  });
});
