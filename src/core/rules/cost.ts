// cost: budgets and subsidies. In an evaluation, budget lines of a profile (ak.budget, wy.budget)
// are compared with the planned figures in AreaInfo (n/a when not given); subsidy rates
// (cf.subsidy.*) price scenarios through costOf(), which the scenario comparison calls.
import type { Citation, RuleResult } from '../model';
import type { EvalContext } from './context';
import { makeResult, meets, na, roundShortfall, thresholdOf } from './result';
import type { CostRule, Profile, SubsidyRates } from './types';

export function evaluateCost(rule: CostRule, ctx: EvalContext): RuleResult[] {
  const b = rule.params.budget;
  if (!b) return [na(rule, { level: 'scenario', id: 'scenario' }, 'cny', { key: 'reason.scenarioOnly' })];
  const unit = ctx.areaUnit;
  const th = thresholdOf(rule, b.min, ctx.params);
  const measure = b.field === 'lotteryShare' ? 'share' : 'cny';
  const a = ctx.area;
  let value: number | undefined;
  let missing: string | undefined;
  if (b.field === 'budgetTotal') {
    const parts = [a.budgetElderly, a.budgetChildcare];
    if (parts.some((x) => x === undefined)) missing = a.budgetElderly === undefined ? 'budgetElderly' : 'budgetChildcare';
    else value = (a.budgetElderly ?? 0) + (a.budgetChildcare ?? 0);
  } else {
    value = a[b.field];
    if (value === undefined) missing = b.field;
  }
  if (value === undefined) return [na(rule, unit, measure, { key: 'reason.noAreaField', args: { field: missing ?? b.field } }, th)];
  return meets(value, th)
    ? [makeResult(rule, unit, { value, threshold: th, measure, status: 'pass', shortfall: 0 })]
    : [makeResult(rule, unit, { value, threshold: th, measure, status: 'fail', shortfall: roundShortfall(th - value, measure === 'share' ? 'share' : 'whole') })];
}

export interface CostItem {
  kind: 'bed' | 'place';
  count: number;
  mode: 'new' | 'converted' | 'leased5y' | 'expansion';
  rural: boolean;
}

export interface CostLine {
  item: CostItem;
  /** CNY per bed/place, null when the profile's documents give no rate for this mode */
  rate: number | null;
  amount: number;
  rule: string | null;
  citation: Citation | null;
}

export interface CostBreakdown {
  total: number;
  lines: CostLine[];
  /** operating subsidy for the given occupant-months, if asked */
  operating?: { occupantMonths: number; rate: number; amount: number; rule: string; citation: Citation };
  /** items without a rate (not counted in total) */
  unpriced: CostItem[];
}

function rateFor(item: CostItem, r: SubsidyRates): number | undefined {
  if (item.kind === 'bed') return item.mode === 'expansion' ? undefined : r.bed?.[item.mode];
  if (item.mode === 'new') return item.rural ? r.place?.ruralNew : r.place?.urbanNew;
  if (item.mode === 'expansion') return item.rural ? r.place?.ruralExpansion : r.place?.urbanExpansion;
  return undefined;
}

/**
 * One-off subsidies for new beds and places under a profile's cost rules (cf.subsidy.beds,
 * cf.subsidy.places), plus the monthly operating subsidy (cf.subsidy.operating) for
 * `occupantMonths` if given. A profile without subsidy rules prices nothing (rate null).
 *
 * @example
 * const cf = getProfile('cf');
 * const c = costOf([{ kind: 'place', count: 40, mode: 'new', rural: false }], cf!);
 * // c.lines[0]: rule cf.subsidy.places, rate 2 500 元 per place, amount 100 000 元 (001 item 2)
 */
export function costOf(items: readonly CostItem[], profile: Profile, opts: { occupantMonths?: number } = {}): CostBreakdown {
  const costRules = profile.rules.filter((r): r is CostRule => r.kind === 'cost' && r.params.rates !== undefined);
  const lines: CostLine[] = [];
  const unpriced: CostItem[] = [];
  let total = 0;
  for (const item of items) {
    const rule = costRules.find((r) => rateFor(item, r.params.rates ?? {}) !== undefined);
    const rate = rule ? (rateFor(item, rule.params.rates ?? {}) ?? null) : null;
    const amount = rate === null ? 0 : rate * item.count;
    if (rate === null) unpriced.push(item);
    total += amount;
    lines.push({ item, rate, amount, rule: rule?.id ?? null, citation: rule?.citation ?? null });
  }
  const out: CostBreakdown = { total, lines, unpriced };
  const op = costRules.find((r) => r.params.rates?.operatingPerMonth !== undefined);
  if (opts.occupantMonths !== undefined && op) {
    const rate = op.params.rates?.operatingPerMonth ?? 0;
    out.operating = { occupantMonths: opts.occupantMonths, rate, amount: rate * opts.occupantMonths, rule: op.id, citation: op.citation };
    out.total += out.operating.amount;
  }
  return out;
}
