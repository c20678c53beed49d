// What an edit changed in an evaluation: the units (community, street, facility, area) whose
// results differ, with all their new results. The worker sends this instead of every result
// after an edit or during a drag; the page patches it into the analysis it holds (withDelta in
// service/analysis-columns.ts: its result columns; applyDelta for an evaluation held as objects).
import type { CircleCoverage, Evaluation } from './evaluate';
import { type DataIssue, type Level, type Msg, type RuleResult, unitKey } from './model';

export interface EvaluationDelta {
  /** every unit whose results changed, appeared or disappeared */
  units: { level: Level; id: string }[];
  /** all new results of those units (none for a unit that is gone) */
  results: RuleResult[];
  issues: DataIssue[];
  coverage: CircleCoverage[];
  /** how many results the whole new evaluation holds */
  total: number;
}

type ByUnit = Map<Level, Map<string, RuleResult[]>>;

function byUnit(results: readonly RuleResult[]): ByUnit {
  const out: ByUnit = new Map();
  for (const r of results) {
    let level = out.get(r.unit.level);
    if (!level) out.set(r.unit.level, (level = new Map()));
    const list = level.get(r.unit.id);
    if (list) list.push(r);
    else level.set(r.unit.id, [r]);
  }
  return out;
}

function sameMsg(a: Msg | undefined, b: Msg | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.key !== b.key) return false;
  return sameFlat(a.args, b.args);
}

function sameFlat(a: object | undefined, b: object | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) if (!Object.is((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  return true;
}

/** Equal in everything a reader sees: the same check with the same figures and reasons. */
export function sameResult(a: RuleResult, b: RuleResult): boolean {
  return (
    a.rule === b.rule &&
    a.part === b.part &&
    a.view === b.view &&
    a.status === b.status &&
    Object.is(a.value, b.value) &&
    Object.is(a.threshold, b.threshold) &&
    Object.is(a.shortfall, b.shortfall) &&
    a.measure === b.measure &&
    a.unit.name === b.unit.name &&
    sameMsg(a.reason, b.reason) &&
    sameFlat(a.nearest, b.nearest) &&
    (a.citation === b.citation || sameFlat(a.citation, b.citation))
  );
}

const sameList = (a: readonly RuleResult[], b: readonly RuleResult[]) => a.length === b.length && a.every((r, i) => sameResult(r, b[i]));

/** The units whose results differ between two evaluations of the same profile and parameters. */
export function diffEvaluation(prev: Evaluation, next: Evaluation): EvaluationDelta {
  return { ...(aligned(prev.results, next.results) ?? byUnits(prev.results, next.results)), issues: next.issues, coverage: next.coverage, total: next.results.length };
}

/** The common case — a move or a capacity change: the same units in the same order, compared
 *  result by result without grouping (grouping 70 000 results cost more than the edit itself). */
function aligned(prev: readonly RuleResult[], next: readonly RuleResult[]): Pick<EvaluationDelta, 'units' | 'results'> | null {
  if (prev.length !== next.length) return null;
  const changed = new Map<Level, Set<string>>();
  for (let i = 0; i < next.length; i++) {
    const a = prev[i];
    const b = next[i];
    if (a.unit.id !== b.unit.id || a.unit.level !== b.unit.level || a.rule !== b.rule) return null;
    if (sameResult(a, b)) continue;
    let set = changed.get(b.unit.level);
    if (!set) changed.set(b.unit.level, (set = new Set()));
    set.add(b.unit.id);
  }
  const units: EvaluationDelta['units'] = [];
  for (const [level, ids] of changed) for (const id of ids) units.push({ level, id });
  const results = units.length === 0 ? [] : next.filter((r) => changed.get(r.unit.level)?.has(r.unit.id));
  return { units, results };
}

/** The units whose results differ, grouping both lists by unit (any order of units). */
function byUnits(prev: readonly RuleResult[], next: readonly RuleResult[]): Pick<EvaluationDelta, 'units' | 'results'> {
  const old = byUnit(prev);
  const now = byUnit(next);
  const units: EvaluationDelta['units'] = [];
  const results: RuleResult[] = [];
  for (const [level, ids] of now) {
    const was = old.get(level);
    for (const [id, list] of ids) {
      const before = was?.get(id);
      if (before && sameList(before, list)) continue;
      units.push({ level, id });
      for (const r of list) results.push(r);
    }
  }
  for (const [level, ids] of old) {
    const is = now.get(level);
    for (const id of ids.keys()) if (!is?.has(id)) units.push({ level, id });
  }
  return { units, results };
}

/** The units whose rows differ between two runs of the same rules, given per rule as lists (each
 *  read from `from[r]` on), with all their new rows in list order. A list that holds the same units
 *  in the same order in both runs (the edit added and deleted none of its units) is compared row by
 *  row, without grouping; only a list whose units changed is grouped by unit (byUnits). */
export function changedRows(
  prev: readonly (readonly RuleResult[])[],
  next: readonly (readonly RuleResult[])[],
  from: readonly number[],
): Pick<EvaluationDelta, 'units' | 'results'> {
  const changed = new Map<string, { level: Level; id: string }>();
  const mark = (u: { level: Level; id: string }) => {
    const k = unitKey(u.level, u.id);
    if (!changed.has(k)) changed.set(k, { level: u.level, id: u.id });
  };
  for (let r = 0; r < next.length; r++) {
    const a = prev[r];
    const b = next[r];
    if (a === b) continue; // the list before itself (core/reevaluate.ts): no row changed
    const h = from[r];
    // the rows at both ends that are about the same units, compared row by row; the rows between
    // (an added or deleted facility's, usually one) grouped by unit
    const [pre, suf] = alignedEnds(a, b, h);
    for (let i = h; i < h + pre; i++) if (a[i] !== b[i] && !sameResult(a[i], b[i])) mark(b[i].unit);
    for (let k = 1; k <= suf; k++) {
      const x = a[a.length - k];
      const y = b[b.length - k];
      if (x !== y && !sameResult(x, y)) mark(y.unit);
    }
    if (h + pre + suf < Math.max(a.length, b.length)) for (const u of byUnits(a.slice(h + pre, a.length - suf), b.slice(h + pre, b.length - suf)).units) mark(u);
  }
  const results: RuleResult[] = [];
  if (changed.size === 0) return { units: [], results };
  // whether a unit changed, by its record (shared by its rows) first, its level and id second
  const seen = new Map<object, boolean>();
  for (let r = 0; r < next.length; r++)
    for (let i = from[r]; i < next[r].length; i++) {
      const x = next[r][i];
      let is = seen.get(x.unit);
      if (is === undefined) seen.set(x.unit, (is = changed.has(unitKey(x.unit.level, x.unit.id))));
      if (is) results.push(x);
    }
  return { units: [...changed.values()], results };
}

const sameUnit = (a: RuleResult, b: RuleResult) => a.unit === b.unit || (a.unit.id === b.unit.id && a.unit.level === b.unit.level);

/** How many rows from `from` on, and how many at the end, are about the same units in both lists
 *  (at most the shorter list's rows, not counted twice). */
export function alignedEnds(a: readonly RuleResult[], b: readonly RuleResult[], from: number, fromB = from): [number, number] {
  const m = Math.min(a.length - from, b.length - fromB);
  let pre = 0;
  while (pre < m && sameUnit(a[from + pre], b[fromB + pre])) pre++;
  let suf = 0;
  while (suf < m - pre && sameUnit(a[a.length - 1 - suf], b[b.length - 1 - suf])) suf++;
  return [pre, suf];
}

/** The evaluation after an edit: `prev` with the delta's units' results replaced. A unit with as
 *  many new results as old keeps their places; the other changed units' results go and their new
 *  ones come last, in the delta's order (the page's result columns follow the same order:
 *  replaceUnits). The results are the same as a full evaluation's, though not in the same order. */
export function applyDelta(prev: Evaluation, delta: EvaluationDelta): Evaluation {
  const key = (u: { level: Level; id: string }) => unitKey(u.level, u.id);
  const changed = new Set(delta.units.map(key));
  const fresh = new Map<string, RuleResult[]>();
  for (const r of delta.results) {
    const k = key(r.unit);
    const list = fresh.get(k);
    if (list) list.push(r);
    else fresh.set(k, [r]);
  }
  const had = new Map<string, number>();
  for (const r of prev.results) {
    const k = key(r.unit);
    if (changed.has(k)) had.set(k, (had.get(k) ?? 0) + 1);
  }
  // units whose rows keep their places: as many new rows as old
  const same = new Set([...changed].filter((k) => (had.get(k) ?? 0) > 0 && had.get(k) === fresh.get(k)?.length));
  const taken = new Map<string, number>();
  const results: RuleResult[] = [];
  for (const r of prev.results) {
    const k = key(r.unit);
    if (!changed.has(k)) results.push(r);
    else if (same.has(k)) {
      const j = taken.get(k) ?? 0;
      taken.set(k, j + 1);
      results.push((fresh.get(k) as RuleResult[])[j]);
    }
  }
  for (const r of delta.results) if (!same.has(key(r.unit))) results.push(r);
  if (results.length !== delta.total) throw new Error(`applyDelta: ${results.length} results after the edit, the worker has ${delta.total}: the page held another evaluation`);
  return { ...prev, results, issues: delta.issues, coverage: delta.coverage };
}
