// Pure view models over an Evaluation: the verdict each unit gets on the map, the rows of the
// results tables and the per-rule counts. No DOM, no signals: the page's state, the map and the
// analysis session's compare all colour units by these (tests/state/verdicts.test.ts).
import { type Level, type RuleResult, type Status, unitKey } from '../model';
import { decides } from './summary';

/** A unit's colour on the map: a rule status, or 'none' when no rule applies to it. */
export type Verdict = Status | 'none';

/** A rule's key as the profiles list it: the id, or id:part for a clause with several numbers
 *  (e.g. ca.circle:elderly and ca.circle:childcare are counted and coloured separately). */
export const ruleKeyOf = (r: Pick<RuleResult, 'rule' | 'part'>): string => (r.part ? `${r.rule}:${r.part}` : r.rule);

/** The catchment (2SFCA) view is a second opinion shown in the panel; the map and the
 *  tables judge by the main (on-site) view so a unit is never counted twice. */
export function isMainView(r: RuleResult): boolean {
  return decides(r);
}

/** fail beats pass beats na: one failing rule makes the unit fail overall. */
export function worst(statuses: Iterable<Status>): Verdict {
  let seen: Verdict = 'none';
  for (const s of statuses) {
    if (s === 'fail') return 'fail';
    if (s === 'pass') seen = 'pass';
    else if (seen === 'none') seen = 'na';
  }
  return seen;
}

/** Verdict per unit for one rule, or the worst over all rules when rule is null. */
export function verdictsByUnit(results: readonly RuleResult[], rule: string | null): Map<string, Verdict> {
  const grouped = new Map<string, Status[]>();
  for (const r of results) {
    if (!isMainView(r) || (rule !== null && ruleKeyOf(r) !== rule)) continue;
    const k = unitKey(r.unit.level, r.unit.id);
    const list = grouped.get(k);
    if (list) list.push(r.status);
    else grouped.set(k, [r.status]);
  }
  const out = new Map<string, Verdict>();
  for (const [k, list] of grouped) out.set(k, worst(list));
  return out;
}

/** Results split by the level of their unit, in one pass: the map reads only streets and
 *  communities, the table only its level (an imported register of 50 000 facilities makes the
 *  facility results the bulk, and a pass over them costs tens of ms). */
export function resultsByLevel(results: readonly RuleResult[]): Partial<Record<Level, RuleResult[]>> {
  const out: Partial<Record<Level, RuleResult[]>> = {};
  for (const r of results) (out[r.unit.level] ??= []).push(r);
  return out;
}

export interface RuleCount {
  /** rule key (id or id:part) */
  rule: string;
  pass: number;
  fail: number;
  na: number;
}

/** Counts per rule (main view), in the order rules first appear. */
export function countsByRule(results: readonly RuleResult[]): RuleCount[] {
  const byRule = new Map<string, RuleCount>();
  for (const r of results) {
    if (!isMainView(r)) continue;
    const key = ruleKeyOf(r);
    let c = byRule.get(key);
    if (!c) {
      c = { rule: key, pass: 0, fail: 0, na: 0 };
      byRule.set(key, c);
    }
    c[r.status] += 1;
  }
  return [...byRule.values()];
}

/** Every result (both views) about one unit, failing first, then by rule, on-site view before catchment. */
export function resultsForUnit(results: readonly RuleResult[], level: Level, id: string): RuleResult[] {
  const rank: Record<Status, number> = { fail: 0, pass: 1, na: 2 };
  return results
    .filter((r) => r.unit.level === level && r.unit.id === id)
    .sort((a, b) => rank[a.status] - rank[b.status] || a.rule.localeCompare(b.rule) || Number(!isMainView(a)) - Number(!isMainView(b)));
}

/** Communities outside all circles of at least one group switched on (from Evaluation.coverage):
 *  with both groups on, a community served for elderly care but not for childcare is still a gap. */
export function outsideSet(coverage: readonly { circle: string; outside: string[] }[], circles: readonly string[]): Set<string> {
  return new Set(coverage.filter((c) => circles.includes(c.circle)).flatMap((c) => c.outside));
}
