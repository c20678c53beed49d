// Building RuleResult records the same way for every kind: thresholds (with per-run overrides),
// "exactly on the threshold passes", shortfalls rounded up (whole things) or to 0.1 (m², shares).
import type { Level, Msg, RuleResult, Status } from '../model';
import type { Params } from '../params';
import { ruleKey, type Rule } from './types';

/** Relative tolerance so that 8 places for 1000 residents meets "8 per 1000" despite binary fractions. */
const EPS = 1e-9;

export function meets(value: number, threshold: number): boolean {
  return value >= threshold - EPS * Math.max(1, Math.abs(threshold));
}

/** Whole things (places, beds, residents, facilities) round up; m² and shares to 0.1 / 0.001 up. */
export function roundShortfall(x: number, rounding: 'whole' | 'decimal' | 'share'): number {
  if (x <= EPS) return 0;
  if (rounding === 'whole') return Math.ceil(x - EPS);
  if (rounding === 'share') return Math.ceil(x * 1000 - EPS) / 1000;
  return Math.ceil(x * 10 - EPS) / 10;
}

/** The threshold in force: a per-run override (params.thresholds[id or id:part]) or the rule's own. */
export function thresholdOf(rule: Rule, own: number, p: Params): number {
  return p.thresholds?.[ruleKey(rule)] ?? own;
}

export interface UnitRef {
  level: Level;
  id: string;
  name?: string;
}

export function makeResult(
  rule: Rule,
  unit: UnitRef,
  r: { value: number | null; threshold: number | null; measure: string; status: Status; shortfall: number | null; reason?: Msg; view?: 'onsite' | 'catchment' },
): RuleResult {
  // one object shape for every result (optional fields stay absent, not undefined): spreading
  // `...(x ? {x} : {})` cost a third of a 10 000-community evaluation
  const out: RuleResult = {
    rule: rule.id,
    unit,
    value: r.value,
    threshold: r.threshold,
    measure: r.measure,
    status: r.status,
    shortfall: r.status === 'pass' ? 0 : r.shortfall,
    citation: rule.citation,
  };
  if (rule.part) out.part = rule.part;
  if (r.reason) out.reason = r.reason;
  if (r.view) out.view = r.view;
  return out;
}

export function na(rule: Rule, unit: UnitRef, measure: string, reason: Msg, threshold: number | null = null, view?: 'onsite' | 'catchment'): RuleResult {
  return makeResult(rule, unit, { value: null, threshold, measure, status: 'na', shortfall: null, reason, view });
}

export function idList(ids: string[], max = 5): string {
  return ids.length <= max ? ids.join(', ') : `${ids.slice(0, max).join(', ')} … (+${ids.length - max})`;
}
