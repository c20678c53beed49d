// Each target's value and status for the year being evaluated.
//  - computed: from the rule results it links to (the open scenario's evaluation);
//  - entered: the user's entry for that year, or failing that the latest earlier one (said so);
//  - status: reached / on track / behind / not yet due / no data:
//      the year is before the target's period            → notDue
//      no value                                          → noData
//      value meets the number (or a word target is done) → reached
//      the due year reached (every year for 每年 targets) → behind
//      running totals (人次 …) before the due year: at or above an even pace → onTrack, else behind
//      other numbers (shares, counts) before the due year → notDue (as the rule engine's targets)
//      a word target under way before the due year       → onTrack
import type { RuleResult } from '../model';
import { meets } from '../rules/result';
import { ledgerTargets } from './index';
import type { LedgerEntry, LedgerStatus, LedgerTarget, Link } from './types';

/** `id` or `id:part`, as rule keys are written. */
const keyOf = (r: RuleResult): string => (r.part ? `${r.rule}:${r.part}` : r.rule);

export interface LinkedValue {
  value: number | null;
  /** the results the value was read from (for "how this is computed") */
  results: number;
  /** units that could not be judged (share links) */
  unknown: number;
}

/** The value a link reads from rule results; null when the rule gave no value. */
export function linkedValue(link: Link, results: readonly RuleResult[]): LinkedValue {
  if (link.kind === 'result') {
    const r = results.find((x) => x.unit.level === 'area' && keyOf(x) === link.rule);
    return { value: r?.value == null ? null : r.value * (link.scale ?? 1), results: r ? 1 : 0, unknown: r && r.value == null ? 1 : 0 };
  }
  const wanted = new Set(link.rules);
  const byUnit = new Map<string, RuleResult[]>();
  for (const r of results) {
    if (r.unit.level !== link.level || !wanted.has(keyOf(r)) || r.view === 'catchment') continue;
    const list = byUnit.get(r.unit.id);
    if (list) list.push(r);
    else byUnit.set(r.unit.id, [r]);
  }
  let pass = 0;
  let judged = 0;
  let unknown = 0;
  let count = 0;
  for (const list of byUnit.values()) {
    count += list.length;
    if (list.some((r) => r.status === 'fail')) judged++;
    else if (list.some((r) => r.status === 'na')) unknown++;
    else {
      judged++;
      pass++;
    }
  }
  return { value: judged === 0 ? null : pass / judged, results: count, unknown };
}

export interface LedgerRow {
  profile: string;
  document: string;
  target: LedgerTarget;
  value: number | null;
  source: 'computed' | 'entered' | 'none';
  /** the entry the value (or done) comes from */
  entry?: LedgerEntry;
  /** the entry stands in an earlier year than the one evaluated */
  carried?: boolean;
  linked?: LinkedValue;
  status: LedgerStatus;
  /** the even-pace value expected by the evaluated year (running totals before the due year) */
  expected?: number;
}

/** The entry for the target standing in `year`, or the latest earlier one. */
export function entryFor(entries: readonly LedgerEntry[], target: string, year: number): LedgerEntry | undefined {
  let best: LedgerEntry | undefined;
  for (const e of entries) {
    if (e.target !== target || e.year > year) continue;
    if (!best || e.year > best.year || (e.year === best.year && e.at > best.at)) best = e;
  }
  return best;
}

function met(t: LedgerTarget, value: number): boolean {
  if (t.number === undefined) return false;
  return t.comparison === 'atMost' ? meets(t.number, value) : meets(value, t.number);
}

export function statusOf(t: LedgerTarget, value: number | null, done: boolean | undefined, year: number): { status: LedgerStatus; expected?: number } {
  if (year < t.from) return { status: 'notDue' };
  const due = t.annual ? year : t.due;
  if (t.comparison === 'done') {
    if (done === true) return { status: 'reached' };
    if (done === undefined) return { status: 'noData' };
    return { status: year >= due ? 'behind' : 'onTrack' };
  }
  if (value === null) return { status: 'noData' };
  if (met(t, value)) return { status: 'reached' };
  if (year >= due) return { status: 'behind' };
  if (t.cumulative && t.number !== undefined) {
    const expected = (t.number * (year - t.from + 1)) / (t.due - t.from + 1);
    return { status: meets(value, expected) ? 'onTrack' : 'behind', expected };
  }
  return { status: 'notDue' };
}

/** The ledger rows of a profile for `year`: computed values from `results`, others from `entries`. */
export function ledgerRows(profile: string, results: readonly RuleResult[], entries: readonly LedgerEntry[], year: number): LedgerRow[] {
  return ledgerTargets(profile).map(({ profile: p, document, target }) => {
    const entry = entryFor(entries, target.id, year);
    const carried = entry !== undefined && entry.year < year;
    if (target.link) {
      const linked = linkedValue(target.link, results);
      // a map value wins; where the map cannot give one (no budget figures, no baseline) an entry may
      if (linked.value !== null || !entry || entry.value === undefined) {
        return {
          profile: p,
          document,
          target,
          value: linked.value,
          source: linked.value === null ? 'none' : 'computed',
          linked,
          ...statusOf(target, linked.value, undefined, year),
        };
      }
    }
    const value = entry?.value ?? null;
    const source = entry ? 'entered' : 'none';
    return { profile: p, document, target, value, source, ...(entry ? { entry, carried } : {}), ...statusOf(target, value, entry?.done, year) };
  });
}
