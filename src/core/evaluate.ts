// The one entry point the worker, the CLI and tests call: layers + profile + params → results,
// data issues and circle coverage. Never throws on bad data (that is reported per unit);
// throws only on an unknown profile id, which is a programming or command-line error.
import type { AreaInfo, DataIssue, Layers, Level, RuleResult } from './model';
import { resolveParams, type Params } from './params';
import { reachEngineFor } from './reach/choose';
import type { ReachEngine } from './reach/types';
import { buildContext, type EvalContext } from './rules/context';
import { nearestWithin } from './rules/coverage';
import { COMBINED_RULES } from './rules/profiles/combined';
import { PROFILES, getProfile } from './rules/profiles';
import { evaluateRuleLists, joined, runOrder } from './rules/registry';
import { ruleKey, type Rule } from './rules/types';

export interface EvaluateOptions {
  /** profile id: ak | cf | wy | xn | ca | combined */
  profile: string;
  params?: Partial<Params>;
  /** defaults to the straight-line engine, or — with params.reach 'network' and roads loaded — a network
   *  engine built from data.roads (pass a cached one to avoid rebuilding the graph on every call) */
  reach?: ReachEngine;
}

export interface CircleCoverage {
  /** 'elderly' | 'childcare' */
  circle: string;
  /** community ids whose representative point lies outside every circle of this kind */
  outside: string[];
  residentsOutside: number;
  residentsTotal: number;
  /** communities without a population: not in either resident count */
  populationUnknown?: string[];
}

export interface Evaluation {
  profile: string;
  params: Params;
  results: RuleResult[];
  issues: DataIssue[];
  coverage: CircleCoverage[];
}

export interface ProfileInfo {
  id: string;
  name: { zh: string; en: string };
  /** the document's title, e.g. "万源市…（代拟稿）"; combined: all five */
  document: string;
  rules: {
    id: string;
    kind: string;
    name: { zh: string; en: string };
    levels: Level[];
    /** which number of a multi-number clause; `key` = id or id:part (for threshold overrides) */
    part?: string;
    key?: string;
    /** combined profile: the rules of other documents this one was chosen over */
    supersedes?: string[];
  }[];
}

export function listProfiles(): ProfileInfo[] {
  return PROFILES.map((p) => ({
    id: p.id,
    name: p.name,
    document: p.document,
    rules: p.rules.map((r) => {
      const sup = p.id === 'combined' ? (COMBINED_RULES.find((c) => c.rule === r)?.supersedes ?? []) : [];
      return { id: r.id, kind: r.kind, name: r.name, levels: r.levels, key: ruleKey(r), ...(r.part ? { part: r.part } : {}), ...(sup.length ? { supersedes: sup } : {}) };
    }),
  }));
}

function circleCoverage(ctx: EvalContext, circle: 'elderly' | 'childcare'): CircleCoverage {
  const kinds = circle === 'elderly' ? ctx.params.elderlyCircleKinds : ctx.params.childcareCircleKinds;
  const near = nearestWithin(ctx, kinds);
  const out: CircleCoverage = { circle, outside: [], residentsOutside: 0, residentsTotal: 0, populationUnknown: [] };
  ctx.communities.forEach((c, i) => {
    if (c.population === undefined) out.populationUnknown?.push(c.id);
    const pop = c.population ?? 0; // listed in populationUnknown, so not silently a zero
    out.residentsTotal += pop;
    if (near[i] === null) {
      out.outside.push(c.id);
      out.residentsOutside += pop;
    }
  });
  return out;
}

/**
 * Checks every street, community and facility against the rules of one profile: a result per rule and
 * unit (value, threshold, status, shortfall and the clause it comes from), the data issues met on the
 * way, and who is outside the 15-minute circles.
 *
 * @example
 * const loaded = parseProject(readFileSync('data/sample/project.json', 'utf8'), 'project.json');
 * if (loaded.ok) {
 *   const ev = evaluate(loaded.project, { profile: 'ca', params: { walkSpeed: 0.9 } });
 *   const failing = ev.results.filter((r) => r.status === 'fail').map((r) => `${r.unit.id} ${r.rule}: short ${r.shortfall}`);
 *   const outside = ev.coverage.find((c) => c.circle === 'elderly')?.outside; // community ids
 * }
 */
export function evaluate(data: Layers & { area: AreaInfo }, opts: EvaluateOptions): Evaluation {
  return evaluateParts(data, opts).evaluation;
}

/** evaluate(), with the context and each rule's results (in run order) kept by core/reevaluate.ts */
export function evaluateParts(
  data: Layers & { area: AreaInfo },
  opts: EvaluateOptions,
): { evaluation: Evaluation; ctx: EvalContext; rules: Rule[]; lists: RuleResult[][]; engine: ReachEngine } {
  const profile = getProfile(opts.profile);
  if (!profile) throw new Error(`unknown profile ${opts.profile}; known: ${PROFILES.map((p) => p.id).join(', ')}`);
  const params = resolveParams(opts.params);
  const engine = opts.reach ?? reachEngineFor(params, data.roads);
  const ctx = buildContext(data, params, engine);
  const lists = evaluateRuleLists(profile.rules, ctx);
  return { evaluation: evaluationOf(profile.id, ctx, joined(lists)), ctx, rules: runOrder(profile.rules), lists, engine };
}

/** The evaluation of these results: with the context's data issues and circle coverage (`coverage`:
 *  an earlier one known to be the same, core/reevaluate.ts). */
export function evaluationOf(profile: string, ctx: EvalContext, results: RuleResult[], coverage?: CircleCoverage[]): Evaluation {
  return { profile, params: ctx.params, results, issues: [...ctx.issues], coverage: coverage ?? [circleCoverage(ctx, 'elderly'), circleCoverage(ctx, 'childcare')] };
}
