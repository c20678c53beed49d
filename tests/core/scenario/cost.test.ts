import type { Point } from 'geojson';
import { describe, expect, it } from 'vitest';
import { getProfile } from '../../../src/core/rules/profiles';
import { budgetLines, scenarioCost, type CostItem } from '../../../src/core/scenario/cost';
import { costItems, isRural } from '../../../src/core/scenario/diff';
import { baseLayers, deepFreeze, facility } from './fixtures';

const at = (lon: number, lat: number): Point => ({ type: 'Point', coordinates: [lon, lat] });
const inC1 = at(108.905, 34.105); // c1: built (urban)
const inC3 = at(108.945, 34.105); // c3: rural
const nowhere = at(110.5, 35.5); // outside every area and street
const costOf = (items: CostItem[]) => scenarioCost(items, 'cf');
const profile = (id: string) => {
  const p = getProfile(id);
  if (!p) throw new Error(id);
  return p;
};

describe('cost of new beds and places (cf.subsidy.*)', () => {
  it('40 new urban places × 2500 = 100,000 CNY', () => {
    const c = costOf([{ kind: 'place', count: 40, mode: 'new', rural: false }]);
    expect(c.total).toBe(100_000);
    expect(c.lines[0]).toMatchObject({ rule: 'cf.subsidy.places', rate: 2500, amount: 100_000, citation: { clause: '2 财政支持 预期目标2' } });
    // operating subsidy if all 40 are taken: 40 × 100 CNY × 12 months = 48,000 CNY a year
    expect(c.operatingPerYearAtFull).toBe(48_000);
  });

  it('every rate of 001 item 2', () => {
    const c = costOf([
      { kind: 'bed', count: 1, mode: 'new', rural: false },
      { kind: 'bed', count: 1, mode: 'converted', rural: false },
      { kind: 'bed', count: 1, mode: 'leased5y', rural: true },
      { kind: 'place', count: 1, mode: 'new', rural: false },
      { kind: 'place', count: 1, mode: 'new', rural: true },
      { kind: 'place', count: 1, mode: 'expansion', rural: false },
      { kind: 'place', count: 1, mode: 'expansion', rural: true },
    ]);
    expect(c.lines.map((l) => l.rate)).toEqual([3000, 2000, 1000, 2500, 1500, 1500, 500]);
    // 3000 + 2000 + 1000 = 6000 for beds; 2500 + 1500 + 1500 + 500 = 6000 for places
    expect([c.beds.amount, c.places.amount, c.total]).toEqual([6000, 6000, 12000]);
  });

  it('lists items the text gives no rate for instead of pricing them at 0', () => {
    const c = costOf([
      { kind: 'bed', count: 5, mode: 'expansion', rural: false },
      { kind: 'place', count: 5, mode: 'leased5y', rural: false },
    ]);
    expect(c.total).toBe(0);
    expect(c.unpriced.map((u) => u.reason)).toEqual([
      { key: 'scenario.cost.noRate.bed', args: { mode: 'expansion' } },
      { key: 'scenario.cost.noRate.place', args: { mode: 'leased5y' } },
    ]);
  });

  it('itemises a scenario against the baseline', () => {
    const before = baseLayers();
    const after = deepFreeze({
      ...before,
      facilities: [
        { ...before.facilities[0], places: 35 }, // f1 in c1 (urban): 20 → 35, expansion
        { ...before.facilities[1], beds: 16 }, // f2 daycare in c2 (urban): 10 → 16 beds
        before.facilities[2],
        facility('n1', { places: 40, inclusive: true, geometry: inC1 }),
        facility('n2', { places: 30, inclusive: true, geometry: inC3 }),
        facility('n3', { kind: 'elderly_institution', places: undefined, beds: 50, inclusive: true, geometry: inC3, extra: { buildMode: 'converted' } }),
        facility('n4', { places: 20, inclusive: false, geometry: inC1 }),
        facility('n5', { places: 10, inclusive: true, geometry: nowhere }),
      ],
    });
    const { items, notes } = costItems(before, after);
    const c = costOf(items);
    expect(c.lines.map((l) => [l.facilityId, l.kind, l.mode, l.rural, l.count, l.rate, l.amount])).toEqual([
      ['f1', 'place', 'expansion', false, 15, 1500, 22_500], // 35 − 20 = 15; × 1500
      ['f2', 'bed', 'new', false, 6, 3000, 18_000], // 16 − 10 = 6; × 3000
      ['n1', 'place', 'new', false, 40, 2500, 100_000],
      ['n2', 'place', 'new', true, 30, 1500, 45_000],
      ['n3', 'bed', 'converted', true, 50, 2000, 100_000],
    ]);
    // beds 6 + 50 = 56 → 118,000; places 15 + 40 + 30 = 85 → 167,500; total 285,500
    expect(c.beds).toEqual({ count: 56, amount: 118_000 });
    expect(c.places).toEqual({ count: 85, amount: 167_500 });
    expect(c.total).toBe(285_500);
    // operating at full: (56 + 85) × 100 × 12 = 169,200 CNY a year
    expect(c.operatingPerYearAtFull).toBe(169_200);
    expect(notes).toEqual([
      { key: 'scenario.cost.assumedInclusive', args: { name: '设施f1' } },
      { key: 'scenario.cost.assumedInclusive', args: { name: '设施f2' } },
      { key: 'scenario.cost.notInclusive', args: { name: '设施n4' } },
      { key: 'scenario.cost.unknownSetting', args: { name: '设施n5' } },
    ]);
  });

  it('reports unknown and removed counts instead of counting them as zero', () => {
    const before = baseLayers();
    const after = deepFreeze({
      ...before,
      facilities: [{ ...before.facilities[0], places: undefined }, { ...before.facilities[1], beds: 4 }, before.facilities[2]],
    });
    const { items, notes } = costItems(before, after);
    expect(items).toEqual([]);
    expect(notes).toEqual([
      { key: 'scenario.cost.unknownCount', args: { name: '设施f1', field: 'places' } },
      { key: 'scenario.cost.bedsRemoved', args: { name: '设施f2', count: 6 } },
    ]);
  });

  it('urban or rural: community type first, then street/town type', () => {
    const L = baseLayers();
    expect(isRural(facility('x', { geometry: inC3 }), L)).toBe(true);
    expect(isRural(facility('x', { geometry: inC1 }), L)).toBe(false);
    // inside street s1 (a 街道) but in no community → urban
    expect(isRural(facility('x', { geometry: { type: 'Point', coordinates: [108.96, 34.15] } }), L)).toBe(false);
    const town = deepFreeze({ ...L, streets: [{ ...L.streets[0], type: 'town' as const }] });
    expect(isRural(facility('x', { geometry: { type: 'Point', coordinates: [108.96, 34.15] } }), town)).toBe(true);
    expect(isRural(facility('x', { geometry: nowhere }), L)).toBeUndefined();
  });

  it('budget lines of the profiles', () => {
    // ak: 1500万 a year for both; wy: 2000万 elderly + 1000万 childcare; lottery shares are not money
    expect(budgetLines(profile('ak')).map((b) => [b.rule, b.scope, b.perYear])).toEqual([['ak.budget', 'budgetTotal', 15_000_000]]);
    expect(budgetLines(profile('wy')).map((b) => [b.scope, b.perYear])).toEqual([
      ['budgetElderly', 20_000_000],
      ['budgetChildcare', 10_000_000],
    ]);
    expect(budgetLines(profile('cf'))).toEqual([]);
    expect(budgetLines(profile('combined'))).toHaveLength(3);
  });

  it('a profile without subsidy rates is priced by cf.subsidy.*, with its own budget lines', () => {
    const c = scenarioCost([{ kind: 'place', count: 40, mode: 'new', rural: false }], 'wy');
    expect([c.pricedBy, c.total]).toEqual(['cf', 100_000]);
    expect(c.budget.map((b) => b.perYear)).toEqual([20_000_000, 10_000_000]);
    expect(scenarioCost([], 'combined').pricedBy).toBe('combined');
    expect(scenarioCost([], 'xn').budget).toEqual([]);
  });
});
