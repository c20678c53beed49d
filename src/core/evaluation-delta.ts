// What an edit changed in an evaluation: the units (community, street, facility, area) whose
// results differ, with all their new results. The worker sends this instead of every result
// after an edit or during a drag, and the page patches the evaluation it holds (applyDelta).
import type { CircleCoverage, Evaluation } from './evaluate';
import type { DataIssue, Level, Msg, RuleResult } from './model';

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
  const old = byUnit(prev.results);
  const now = byUnit(next.results);
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
  return { units, results, issues: next.issues, coverage: next.coverage, total: next.results.length };
}

/** The evaluation after an edit: `prev` with the delta's units' results replaced. The results
 *  are the same as a full evaluation's, though not in the same order (changed units come last). */
export function applyDelta(prev: Evaluation, delta: EvaluationDelta): Evaluation {
  const changed = new Map<Level, Set<string>>();
  for (const u of delta.units) {
    let s = changed.get(u.level);
    if (!s) changed.set(u.level, (s = new Set()));
    s.add(u.id);
  }
  const results = prev.results.filter((r) => !changed.get(r.unit.level)?.has(r.unit.id));
  for (const r of delta.results) results.push(r);
  if (results.length !== delta.total) throw new Error(`applyDelta: ${results.length} results after the edit, the worker has ${delta.total}: the page held another evaluation`);
  return { ...prev, results, issues: delta.issues, coverage: delta.coverage };
}
