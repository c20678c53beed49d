// The analysis answer as columns (core/report/result-columns.ts). With tens of thousands of
// units an Evaluation holds 77 000–204 000 results; posted as objects, the page deserialised
// them for seconds on its main thread (a large city) and kept them all. As columns the results
// cross in one message of typed arrays (transferred by the worker, not copied) and the page
// builds a result object only for what it shows.
import type { RuleResult } from '../core/model';
import { encodeResults, ResultTable, type ResultColumns } from '../core/report/result-columns';
import type { Analysis } from './session';

export interface AnalysisColumns {
  /** the analysis with `evaluation.results` empty: they are `columns` */
  analysis: Analysis;
  columns: ResultColumns;
}

/** the worker's side: the analysis split into its head and its results' columns */
export function toColumns(a: Analysis): AnalysisColumns {
  return { analysis: { ...a, evaluation: { ...a.evaluation, results: [] } }, columns: encodeResults(a.evaluation.results) };
}

/** The page's side: the analysis read from its columns. `table` is what the page's views read;
 *  `evaluation.results` (exports, the ledger, reports) is built from it on first read. */
export function fromColumns(x: AnalysisColumns): Analysis & { table: ResultTable } {
  const table = new ResultTable(x.columns);
  const evaluation = { ...x.analysis.evaluation };
  Object.defineProperty(evaluation, 'results', { get: (): RuleResult[] => table.all(), enumerable: true });
  return { ...x.analysis, evaluation, table };
}
