// Pure view models over an Evaluation: the verdict each unit gets on the map, the rows of the
// results tables and the per-rule counts. No DOM, no signals: the page's state, the map and the
// analysis session's compare all colour units by these (tests/state/verdicts.test.ts).
import { type Level, type RuleResult, type Status, unitKey } from '../model';
import { decides } from './summary';
import { ResultTable, STATUS, type ResultSource } from './result-columns';

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

const VERDICT_BY_RANK: readonly Verdict[] = ['none', 'na', 'pass', 'fail'];
const RANK: Record<Status, number> = { na: 1, pass: 2, fail: 3 };

/** a verdict by its rank in unitRanks (0 none, 1 na, 2 pass, 3 fail) */
export const verdictOfRank = (rank: number): Verdict => VERDICT_BY_RANK[rank];

/** The ids of units in their layer's order, one array per layer array (so what is made of them,
 *  e.g. the map's states, can tell "the same units" by identity). */
export function unitIds(units: readonly { id: string }[]): readonly string[] {
  let ids = idsMade.get(units);
  if (!ids) idsMade.set(units, (ids = units.map((u) => u.id)));
  return ids;
}
const idsMade = new WeakMap<readonly { id: string }[], readonly string[]>();
/** each id to its first place in `ids`, and the later places of ids that repeat (a file may hold
 *  two communities of one id: both are one feature on the map and must get one verdict) */
interface Slots {
  at: Map<string, number>;
  /** pairs: a later place, the first place of its id */
  repeats: number[];
}
const slotsMade = new WeakMap<readonly string[], Slots>();

function slotsOf(ids: readonly string[]): Slots {
  let s = slotsMade.get(ids);
  if (s) return s;
  s = { at: new Map(), repeats: [] };
  for (let k = 0; k < ids.length; k++) {
    const first = s.at.get(ids[k]);
    if (first === undefined) s.at.set(ids[k], k);
    else s.repeats.push(k, first);
  }
  slotsMade.set(ids, s);
  return s;
}

/** Verdict rank (verdictOfRank) of each unit of `level` in `ids` order, for one rule or the worst
 *  of all (rule null): the same verdicts as verdictsByUnit, as a byte per unit in layer order. What
 *  the map colours: on a table of columns one pass over its rows, no key made per unit. */
export function unitRanks(results: ResultSource, rule: string | null, level: Level, ids: readonly string[]): Uint8Array {
  const out = new Uint8Array(ids.length);
  const { at, repeats } = slotsOf(ids);
  if (!(results instanceof ResultTable)) {
    const v = verdictsByUnit(results, rule, [level]);
    ids.forEach((id, k) => {
      out[k] = VERDICT_BY_RANK.indexOf(v.get(unitKey(level, id)) ?? 'none');
    });
    return out;
  }
  const t = results;
  const { kind, unit, status } = t.rowsRead();
  const counted = t.pool.kinds.map((k, j) => t.kindDecides[j] && k.level === level && (rule === null || t.kindKey[j] === rule));
  const rankOf = STATUS.map((x) => RANK[x]);
  // each of the table's units to its place in `ids` (-1: not there), looked up once per unit
  const slot = new Int32Array(t.pool.units.length).fill(-2);
  for (let i = 0; i < t.n; i++) {
    if (!counted[kind[i]]) continue;
    const u = unit[i];
    if (slot[u] === -2) slot[u] = at.get(t.pool.units[u].id) ?? -1;
    const k = slot[u];
    const r = rankOf[status[i]];
    if (k >= 0 && r > out[k]) out[k] = r;
  }
  for (let j = 0; j < repeats.length; j += 2) out[repeats[j]] = out[repeats[j + 1]];
  return out;
}

/** Verdict per unit (keyed by unitKey) for one rule, or the worst over all rules when rule is
 *  null; only units of `levels` when given (the map colours streets and communities). Made once
 *  per table of results; a table patched after an edit (result-columns.ts) takes the verdicts of
 *  the table before and works out again only the units the edit replaced. */
export function verdictsByUnit(results: ResultSource, rule: string | null, levels?: readonly Level[]): Map<string, Verdict> {
  if (!(results instanceof ResultTable)) return allVerdicts(results, rule, levels);
  const key = `${rule ?? '\u0000'}|${levels?.join(',') ?? '\u0000'}`;
  let mine = made.get(results);
  const had = mine?.get(key);
  if (had) return had;
  const out = patchedVerdicts(results, rule, levels, key) ?? tableVerdicts(results, rule, levels);
  if (!mine) made.set(results, (mine = new Map()));
  mine.set(key, out);
  return out;
}

/** the verdicts made per table and per rule and levels (a table's results never change) */
const made = new WeakMap<ResultTable, Map<string, Map<string, Verdict>>>();

/** the verdicts of the table `t` was patched from, with the patched units' worked out again; null
 *  when that table or its verdicts are gone or `t` no longer holds the index of its rows */
function patchedVerdicts(t: ResultTable, rule: string | null, levels: readonly Level[] | undefined, key: string): Map<string, Verdict> | null {
  const parent = t.from?.table.deref();
  const before = parent && made.get(parent)?.get(key);
  if (!t.from || !before) return null;
  const out = new Map(before);
  for (const u of t.from.units) {
    if (levels && !levels.includes(u.level)) continue;
    const rows = t.rowsOfUnit(u.level, u.id);
    if (rows === null) return null;
    let rank = 0;
    for (const i of rows) if (t.decides(i) && (rule === null || t.ruleKey(i) === rule)) rank = Math.max(rank, RANK[t.status(i)]);
    const k = unitKey(u.level, u.id);
    if (rank === 0) out.delete(k);
    else out.set(k, VERDICT_BY_RANK[rank]);
  }
  return out;
}

/** allVerdicts over a table's columns: the worst rank per unit in a typed array, no call per row
 *  (221 400 rows in Node: ≈ 4 ms a pass instead of 11–13 ms; a profile change makes two) */
function tableVerdicts(t: ResultTable, rule: string | null, levels?: readonly Level[]): Map<string, Verdict> {
  const { kind, unit, status } = t.rowsRead();
  const counted = t.pool.kinds.map((k, j) => t.kindDecides[j] && (!levels || levels.includes(k.level)) && (rule === null || t.kindKey[j] === rule));
  const rankOf = STATUS.map((s) => RANK[s]);
  const rank = new Uint8Array(t.pool.units.length);
  for (let i = 0; i < t.n; i++) {
    if (!counted[kind[i]]) continue;
    const r = rankOf[status[i]];
    if (r > rank[unit[i]]) rank[unit[i]] = r;
  }
  const ranked: [{ level: Level; id: string }, number][] = [];
  for (let u = 0; u < rank.length; u++) if (rank[u] > 0) ranked.push([t.pool.units[u], rank[u]]);
  return keyed(ranked);
}

/** per unitKey the worst rank: units are shared records, but two equal ones (another object)
 *  must still meet */
function keyed(ranks: Iterable<readonly [{ level: Level; id: string }, number]>): Map<string, Verdict> {
  const out = new Map<string, Verdict>();
  for (const [u, r] of ranks) {
    const k = unitKey(u.level, u.id);
    const before = out.get(k);
    if (!before || r > VERDICT_BY_RANK.indexOf(before)) out.set(k, VERDICT_BY_RANK[r]);
  }
  return out;
}

function allVerdicts(results: ResultSource, rule: string | null, levels?: readonly Level[]): Map<string, Verdict> {
  const rank = new Map<{ level: Level; id: string }, number>();
  for (let i = 0; i < results.n; i++) {
    if (!results.decides(i) || (levels && !levels.includes(results.level(i))) || (rule !== null && results.ruleKey(i) !== rule)) continue;
    const u = results.unitOf(i);
    const r = RANK[results.status(i)];
    if (r > (rank.get(u) ?? 0)) rank.set(u, r);
  }
  return keyed(rank);
}

export interface RuleCount {
  /** rule key (id or id:part) */
  rule: string;
  pass: number;
  fail: number;
  na: number;
}

/** Counts per rule (main view), in the order rules first appear. */
export function countsByRule(results: ResultSource): RuleCount[] {
  if (results instanceof ResultTable) return tableCounts(results);
  const byRule = new Map<string, RuleCount>();
  for (let i = 0; i < results.n; i++) {
    if (!results.decides(i)) continue;
    const key = results.ruleKey(i);
    let c = byRule.get(key);
    if (!c) {
      c = { rule: key, pass: 0, fail: 0, na: 0 };
      byRule.set(key, c);
    }
    c[results.status(i)] += 1;
  }
  return [...byRule.values()];
}

/** countsByRule over a table's columns: counted per kind and status in one pass (no call per row),
 *  then per rule in the order of each rule's first row */
function tableCounts(t: ResultTable): RuleCount[] {
  const { kind, status } = t.rowsRead();
  const kinds = t.pool.kinds.length;
  const per = new Uint32Array(kinds * STATUS.length);
  const first = new Float64Array(kinds).fill(Number.POSITIVE_INFINITY);
  for (let i = 0; i < t.n; i++) {
    const k = kind[i];
    per[k * STATUS.length + status[i]]++;
    if (first[k] > i) first[k] = i;
  }
  const byRule = new Map<string, RuleCount & { at: number }>();
  for (let k = 0; k < kinds; k++) {
    if (!t.kindDecides[k] || first[k] === Number.POSITIVE_INFINITY) continue;
    const key = t.kindKey[k];
    let c = byRule.get(key);
    if (!c) byRule.set(key, (c = { rule: key, pass: 0, fail: 0, na: 0, at: first[k] }));
    c.at = Math.min(c.at, first[k]);
    STATUS.forEach((st, j) => {
      (c as RuleCount)[st] += per[k * STATUS.length + j];
    });
  }
  return [...byRule.values()].sort((a, b) => a.at - b.at).map(({ rule, pass, fail, na }) => ({ rule, pass, fail, na }));
}

/** Every result (both views) about one unit, failing first, then by rule, on-site view before catchment. */
export function resultsForUnit(results: ResultSource, level: Level, id: string): RuleResult[] {
  const rank: Record<Status, number> = { fail: 0, pass: 1, na: 2 };
  const mine: RuleResult[] = [];
  for (let i = 0; i < results.n; i++) {
    const u = results.unitOf(i);
    if (u.id === id && u.level === level) mine.push(results.get(i));
  }
  return mine.sort((a, b) => rank[a.status] - rank[b.status] || a.rule.localeCompare(b.rule) || Number(!isMainView(a)) - Number(!isMainView(b)));
}

/** Communities outside all circles of at least one group switched on (from Evaluation.coverage):
 *  with both groups on, a community served for elderly care but not for childcare is still a gap. */
export function outsideSet(coverage: readonly { circle: string; outside: string[] }[], circles: readonly string[]): Set<string> {
  return new Set(coverage.filter((c) => circles.includes(c.circle)).flatMap((c) => c.outside));
}
