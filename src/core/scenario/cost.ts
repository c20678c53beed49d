// Cost of a scenario: the one-off construction subsidies for its new beds and places, itemised,
// priced by the rule engine's costOf() with the subsidy rules of the profiles (cf.subsidy.beds,
// cf.subsidy.places — 赤峰 001 item 2 is the only document that gives rates), the yearly operating
// subsidy if every new bed and place were taken (cf.subsidy.operating, an upper bound: real
// occupancy is unknown at planning time), and the yearly budget lines of the chosen profile
// (ak.budget, wy.budget) to set the total against. All amounts CNY.
import type { Citation, Msg } from '../model';
import { costOf, type CostItem as EngineCostItem } from '../rules/cost';
import { cf, getProfile } from '../rules/profiles';
import type { CostRule, Profile, Rule } from '../rules/types';

export type CostMode = EngineCostItem['mode'];
export const COST_MODES: readonly CostMode[] = ['new', 'converted', 'leased5y', 'expansion'];

/** The engine's item plus the facility it comes from, for the itemised list. */
export interface CostItem extends EngineCostItem {
  facilityId?: string;
  facilityName?: string;
}

export interface CostLine extends CostItem {
  rule: string;
  /** CNY per bed or place */
  rate: number;
  amount: number;
  citation: Citation;
}

export interface BudgetLine {
  rule: string;
  /** what the money is for: AreaInfo field it is checked against */
  scope: 'budgetTotal' | 'budgetElderly' | 'budgetChildcare';
  /** CNY per year */
  perYear: number;
  citation: Citation;
}

export interface ScenarioCost {
  /** the profile whose subsidy rules priced the items (cf when the chosen one has none) */
  pricedBy: string;
  lines: CostLine[];
  /** one-off construction subsidies, CNY */
  total: number;
  beds: { count: number; amount: number };
  places: { count: number; amount: number };
  /** yearly operating subsidy if every new bed and place were taken; null if no rule gives a rate */
  operatingPerYearAtFull: number | null;
  operatingCitation?: Citation;
  /** items the rules give no rate for (e.g. beds by 'expansion'): listed, not priced at 0 */
  unpriced: { item: CostItem; reason: Msg }[];
  /** the chosen profile's yearly budget lines */
  budget: BudgetLine[];
}

function hasRates(p: Profile): boolean {
  return p.rules.some((r) => r.kind === 'cost' && r.params.rates !== undefined);
}

function isCost(r: Rule): r is CostRule {
  return r.kind === 'cost';
}

export function scenarioCost(items: readonly CostItem[], profileId: string): ScenarioCost {
  const chosen = getProfile(profileId);
  const pricing = chosen && hasRates(chosen) ? chosen : cf;
  const priced = costOf(items, pricing);
  const lines: CostLine[] = [];
  const unpriced: ScenarioCost['unpriced'] = [];
  // the engine returns one line per item, in order
  priced.lines.forEach((l, i) => {
    const item = items[i];
    if (l.rate === null || l.rule === null || l.citation === null) unpriced.push({ item, reason: { key: `scenario.cost.noRate.${item.kind}`, args: { mode: item.mode } } });
    else lines.push({ ...item, rule: l.rule, rate: l.rate, amount: l.amount, citation: l.citation });
  });
  const sum = (kind: CostItem['kind']) => {
    const ls = lines.filter((l) => l.kind === kind);
    return { count: ls.reduce((s, l) => s + l.count, 0), amount: ls.reduce((s, l) => s + l.amount, 0) };
  };
  const occupiable = items.reduce((s, i) => s + i.count, 0);
  const operating = costOf([], pricing, { occupantMonths: occupiable * 12 }).operating;
  const beds = sum('bed');
  const places = sum('place');
  return {
    pricedBy: pricing.id,
    lines,
    total: beds.amount + places.amount,
    beds,
    places,
    operatingPerYearAtFull: operating ? operating.amount : null,
    ...(operating ? { operatingCitation: operating.citation } : {}),
    unpriced,
    budget: chosen ? budgetLines(chosen) : [],
  };
}

/** The yearly budget lines a profile sets (ak: total; wy: elderly and childcare; combined: both). */
export function budgetLines(p: Profile): BudgetLine[] {
  return p.rules.filter(isCost).flatMap((r) => {
    const b = r.params.budget;
    if (!b || b.field === 'lotteryShare') return [];
    return [{ rule: r.id, scope: b.field, perYear: b.min, citation: r.citation }];
  });
}
