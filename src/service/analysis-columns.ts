// The analysis answer as columns (core/report/result-columns.ts). With tens of thousands of
// units an Evaluation holds 77 000–204 000 results; posted as objects, the page deserialised
// them for seconds on its main thread (a large city) and kept them all. As columns the results
// cross in one message of typed arrays (transferred by the worker, not copied) and the page
// builds a result object only for what it shows.
import type { RuleResult } from '../core/model';
import { encodeResults, replaceUnits, ResultTable, type ResultColumns } from '../core/report/result-columns';
import { applyDelta, type EvaluationDelta } from '../core/evaluation-delta';
import type { Evaluation } from '../core/evaluate';
import type { Analysis } from './session';
import type { ServiceAreas, ShownAreas } from './service-areas';

/** `A`: the circles as the session made them, or as the page holds them (ShownAreas) */
export interface AnalysisColumns<A extends ShownAreas = ServiceAreas> {
  /** the analysis with `evaluation.results` empty: they are `columns` */
  analysis: Analysis<A>;
  columns: ResultColumns;
}

/** the worker's side: the analysis split into its head and its results' columns */
export function toColumns(a: Analysis): AnalysisColumns {
  return { analysis: { ...a, evaluation: { ...a.evaluation, results: [] } }, columns: encodeResults(a.evaluation.results) };
}

/** The page's side: the analysis read from its columns. `table` is what the page's views read;
 *  `evaluation.results` (exports, the ledger, reports) is built from it on first read. */
export function fromColumns<A extends ShownAreas>(x: AnalysisColumns<A>): Analysis<A> & { table: ResultTable } {
  const table = new ResultTable(x.columns);
  const { profile, params, issues, coverage } = x.analysis.evaluation;
  return { ...x.analysis, evaluation: readFrom(table, { profile, params, issues, coverage }), table };
}

/** The page's analysis after an edit: the delta's units replaced in its columns (replaceUnits) —
 *  the page's views read the columns, so patching only the result objects left them stale. An
 *  analysis without columns (made in Node) gets the delta applied to its results. */
export function withDelta<A extends ShownAreas>(held: Analysis<A>, delta: EvaluationDelta, next: Pick<Analysis, 'serial' | 'ms'>): Analysis<A> {
  if (!held.table) return { ...held, ...next, evaluation: applyDelta(held.evaluation, delta) };
  const table = replaceUnits(held.table, delta.units, delta.results);
  if (table.n !== delta.total) throw new Error(`withDelta: ${table.n} results after the edit, the worker has ${delta.total}: the page held another evaluation`);
  // the held evaluation's results are a getter building every object: read the other fields only
  const { profile, params } = held.evaluation;
  return { ...held, ...next, table, evaluation: readFrom(table, { profile, params, issues: delta.issues, coverage: delta.coverage }) };
}

/** an evaluation whose `results` are built from the columns on first read */
function readFrom(table: ResultTable, head: Omit<Evaluation, 'results'>): Evaluation {
  const evaluation = { ...head } as Evaluation;
  Object.defineProperty(evaluation, 'results', { get: (): RuleResult[] => table.all(), enumerable: true });
  return evaluation;
}
