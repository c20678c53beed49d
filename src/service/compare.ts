// "Today versus the plan" in the analysis session: each side (the baseline, or a scenario replayed onto it)
// is evaluated with the same profile, parameters and reach engine, then compared by the scenario
// core. The page gets the comparison, its KPI rows, the itemised cost of what B builds over A,
// and per side what its map needs: the verdict of every community and street, the facilities,
// and the communities only when edits changed them (else the page draws the baseline's).
import { evaluate } from '../core/evaluate';
import type { AreaInfo, Community, Facility, Layers, Msg, RuleResult, Status } from '../core/model';
import { resolveParams, type Params } from '../core/params';
import { compare, type Comparison } from '../core/scenario/compare';
import { scenarioCost, type ScenarioCost } from '../core/scenario/cost';
import { costItems } from '../core/scenario/diff';
import { kpiRows, type KpiRow } from '../core/scenario/kpi-rows';
import { replay } from '../core/scenario/replay';
import { BASELINE_ID, type Scenario } from '../core/scenario/scenarios';
import { isMainView, ruleKeyOf, verdictsByUnit, type Verdict } from '../core/report/verdicts';
import { arraySource } from '../core/report/result-columns';
import type { ReachSource } from './reach';

export interface CompareRequest {
  profile: string;
  params: Partial<Params>;
  /** null = the baseline as imported */
  a: Scenario | null;
  b: Scenario | null;
}

export interface CompareSide {
  /** a scenario id or BASELINE_ID */
  id: string;
  name: string | null;
  /** verdict per unit key ('community:<id>', 'street:<id>'), overall on the on-site view */
  verdicts: [string, Verdict][];
  /** every community result on the on-site view as [community id, rule key, status]: the
   *  compare maps colour what changed for the rule the user picks without asking again */
  communityRules: [string, string, Status][];
  facilities: Facility[];
  /** null when the scenario left the communities as imported */
  communities: Community[] | null;
  /** edits that did not fit the baseline (listed, not lost) */
  skipped: Msg[];
}

export interface CompareResult {
  comparison: Comparison;
  rows: KpiRow[];
  /** what B builds compared with A, priced by the subsidy rules */
  cost: ScenarioCost;
  /** things to know about the cost (not 普惠, unknown urban/rural, removals) */
  costNotes: Msg[];
  a: CompareSide;
  b: CompareSide;
  ms: number;
}

type Data = Layers & { area: AreaInfo };

function side(base: Data, s: Scenario | null): { layers: Data; skipped: Msg[] } {
  if (!s) return { layers: base, skipped: [] };
  const r = replay(base, s);
  return { layers: { ...r.layers, area: base.area }, skipped: r.skipped.map((x) => x.reason) };
}

function communityRules(results: readonly RuleResult[]): [string, string, Status][] {
  return results.filter((r) => r.unit.level === 'community' && isMainView(r)).map((r) => [r.unit.id, ruleKeyOf(r), r.status]);
}

export function compareOn(base: Data, req: CompareRequest, reach: ReachSource['reach']): CompareResult {
  const t0 = performance.now();
  const params = resolveParams(req.params);
  const sa = side(base, req.a);
  const sb = side(base, req.b);
  // one engine for both sides when they share the roads (edits rarely touch roads)
  const ra = reach(params, sa.layers.roads);
  const rb = reach(params, sb.layers.roads);
  const evalA = evaluate(sa.layers, { profile: req.profile, params, reach: ra.engine });
  const evalB = evaluate(sb.layers, { profile: req.profile, params, reach: rb.engine });
  const diff = costItems(sa.layers, sb.layers);
  const cost = scenarioCost(diff.items, req.profile);
  const comparison = compare(evalA, evalB, sa.layers, sb.layers, cost);
  const out = (s: Scenario | null, x: { layers: Data; skipped: Msg[] }, results: typeof evalA.results): CompareSide => ({
    id: s?.id ?? BASELINE_ID,
    name: s?.name ?? null,
    verdicts: [...verdictsByUnit(arraySource(results), null, ['community', 'street'])],
    communityRules: communityRules(results),
    facilities: x.layers.facilities,
    communities: x.layers.communities === base.communities ? null : x.layers.communities,
    skipped: x.skipped,
  });
  return {
    comparison,
    rows: kpiRows(comparison),
    cost,
    costNotes: diff.notes,
    a: out(req.a, sa, evalA.results),
    b: out(req.b, sb, evalB.results),
    ms: performance.now() - t0,
  };
}

export interface CompareSource extends ReachSource {
  /** the project as loaded (roads included), without the open scenario's edits */
  baseline: () => Data | null;
}

/** The worker's compare call, spread into the analysis session (session.ts). */
export function createCompareApi(src: CompareSource) {
  return {
    compare(req: CompareRequest): CompareResult {
      const base = src.baseline();
      if (!base) throw new Error('compare() called before load(): load a project first');
      return compareOn(base, req, src.reach);
    },
  };
}
