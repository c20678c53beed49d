// The analysis answer in parts. With tens of thousands of facilities an Evaluation holds
// hundreds of thousands of results, and the page deserialises a message in one go on its main
// thread (≈ 0.25–0.4 s for 50 000 imported facilities): the page froze. Here the results stay
// in the worker and the page fetches them a slice per message (client.ts), so each slice is
// its own short main-thread task.
import type { RuleResult } from '../core/model';
import type { Analysis, AnalysisRequest } from './session';

/** results per message: ≈ 10–50 ms of deserialising on a slow, loaded machine (10 000 took up to 0.2 s) */
export const RESULTS_PER_PART = 2_500;

export interface AnalysisHead {
  /** the analysis with `evaluation.results` empty: fetch them with analysisPart(token, i) */
  analysis: Analysis;
  token: number;
  parts: number;
}

export function createAnalysisPartsApi(deps: { analyse(req: AnalysisRequest): Analysis }) {
  let kept: { token: number; results: RuleResult[] } | null = null;
  let seq = 0;
  return {
    /** analyse(), keeping the results here for analysisPart() */
    analyseHead(req: AnalysisRequest): AnalysisHead {
      const a = deps.analyse(req);
      kept = { token: ++seq, results: a.evaluation.results };
      return { analysis: { ...a, evaluation: { ...a.evaluation, results: [] } }, token: seq, parts: Math.ceil(a.evaluation.results.length / RESULTS_PER_PART) };
    },
    /** results [i·RESULTS_PER_PART, (i+1)·RESULTS_PER_PART) of that analysis; null when a newer
     *  analyseHead() replaced it. The last part frees them. */
    analysisPart(token: number, i: number): RuleResult[] | null {
      if (kept?.token !== token) return null;
      const part = kept.results.slice(i * RESULTS_PER_PART, (i + 1) * RESULTS_PER_PART);
      if ((i + 1) * RESULTS_PER_PART >= kept.results.length) kept = null;
      return part;
    },
  };
}

/** the whole analysis again, from a head and a way to fetch its parts (the page's side) */
export async function assembleAnalysis(head: AnalysisHead, part: (token: number, i: number) => Promise<RuleResult[] | null>): Promise<Analysis> {
  const results: RuleResult[] = [];
  for (let i = 0; i < head.parts; i++) {
    const p = await part(head.token, i);
    if (p === null) throw new Error('the analysis was replaced by a newer one while its results were fetched');
    for (const r of p) results.push(r);
  }
  // the caller's state update (verdicts, counts, table, panels) in a task of its own, not
  // after the last slice's deserialising
  await new Promise((r) => setTimeout(r, 0));
  return { ...head.analysis, evaluation: { ...head.analysis.evaluation, results } };
}
