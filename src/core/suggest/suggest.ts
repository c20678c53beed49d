// suggestSites(): from layers and options to a ranked list of new sites with their marginal gains
// and the cumulative curve. Pure: the CLI, the worker and tests call it alike. The work is a
// generator with checkpoints every few thousand items (steps.ts): suggestSites runs it straight
// through, suggestSitesAsync pauses at them (the worker, so that a cancel can arrive), and either
// stops at one when `shouldStop` says so, throwing SuggestStopped.
import { CHILDCARE_KINDS, ELDERLY_KINDS, type AreaInfo, type Community, type DataIssue, type Facility, type Layers } from '../model';
import { circleDistance, resolveParams } from '../params';
import { representativePoint } from '../geo';
import { representativePointOf } from '../packed-outlines';
import { assignOnsite } from '../allocate/onsite';
import { communityReach, insideOf, placeOf, type CommunityPlace } from '../reach/community-reach';
import { createStraightEngine } from '../reach/straight';
import type { LonLat } from '../reach/types';
import { buildCandidates, type CommunityPoint } from './candidates';
import { candidateRows, nearestWithin } from './pairs';
import { runSteps, runStepsAsync, Tick, type PauseOptions, type Steps } from './steps';
import { FLOOR_AREA_PER_BED, ratePerUnit, type Measure } from './cost';
import { allocateNearestFirst, coveredByAny } from './demand';
import { lazyGreedySteps, solveCoverageSteps, type CoverageInstance, type GreedyRun } from './solver';
import type { Candidate, Cohort, CurvePoint, Goal, SuggestOptions, SuggestResult, SuggestedSite } from './types';

export { SuggestStopped } from './steps';

/** childcare places per 1000 residents by community type: new 10 (002 二(二), 000 场地要素1), built 8
 *  (002 二(二)); villages have no community quota in the documents, so the area-wide 4.5 (002 一) */
export const CHILDCARE_STANDARD = { new: 10, built: 8, rural: 4.5 } as const;
/** elderly-care floor area per 1000 residents: 0.1 m² per resident (000 场地要素1, read per resident) */
export const ELDERLY_STANDARD = { new: 100, built: 100, rural: 100 } as const;
/** area-wide childcare places per 1000 residents (002 一, 003 二(四)) */
export const CHILDCARE_AREA_RATIO = 4.5;

function fail(msg: string): never {
  throw new Error(msg);
}

function validate(o: SuggestOptions): void {
  if (![...CHILDCARE_KINDS, ...ELDERLY_KINDS].includes(o.kind))
    fail(`kind ${o.kind}: site suggestion works for elderly-care and childcare kinds (${[...ELDERLY_KINDS, ...CHILDCARE_KINDS].join(', ')})`);
  if (!Number.isInteger(o.sites) || o.sites < 1) fail(`sites must be a whole number ≥ 1, got ${o.sites}`);
  if (o.capacity !== undefined && !(o.capacity > 0)) fail(`capacity must be a number > 0 (places, beds or m² per site), got ${o.capacity}`);
  if (o.budget !== undefined && !(o.budget >= 0)) fail(`budget must be a number of CNY ≥ 0, got ${o.budget}`);
  if (o.budget !== undefined && o.capacity === undefined) fail('a budget needs a capacity: the subsidy is paid per place or bed (cf.subsidy.*), so give capacity per site');
  if (o.goal === 'ratio' && o.capacity === undefined) fail('the ratio goal needs a capacity per site: the ratio counts places or beds');
  if (o.perPlace !== undefined && !(o.perPlace > 0)) fail(`perPlace must be a number > 0, got ${o.perPlace}`);
  const c = o.candidates;
  if (!c.communities && !c.grid && !c.parcels?.length) fail('no candidate sites: choose communities, a grid over an area, a parcels file, or several');
}

function weightOf(c: Community, cohort: Cohort): number | undefined {
  return cohort === 'all' ? c.population : cohort === 'elderly' ? c.elderly : c.infants;
}

function fieldOf(cohort: Cohort): string {
  return cohort === 'all' ? 'population' : cohort;
}

/** capacity of an existing facility in the measure used; undefined when not given */
function existingCapacity(f: Facility, childcare: boolean, goal: Goal): number | undefined {
  if (childcare) return f.places;
  if (goal === 'shortfall') return f.floorArea ?? (f.beds !== undefined ? f.beds * FLOOR_AREA_PER_BED : undefined);
  return f.beds ?? f.places;
}

type Data = Layers & { area?: AreaInfo };

/**
 * Where to put the next centres: candidate sites (communities, a grid, parcels) chosen greedily for
 * the most residents newly covered (or shortfall met), keeping the existing facilities and their
 * capacity, within a number of sites or a budget. Run to the end; `options.shouldStop` is asked
 * every few thousand items.
 *
 * @example
 * const r = suggestSites(project, { kind: 'childcare_centre', sites: 3, capacity: 50, candidates: { communities: true } });
 * r.sites.map((s) => `${s.rank}. ${s.candidate.name}: +${s.gain} (total ${s.cumulative})`); // gains never rise
 */
export function suggestSites(data: Data, options: SuggestOptions): SuggestResult {
  return runSteps(suggestSteps(data, options), options.shouldStop);
}

/** The same, pausing (`pause`, e.g. a zero-delay macrotask) whenever `sliceMs` of work has passed,
 *  so that messages can run meanwhile; `options.shouldStop` is asked at every checkpoint. */
export function suggestSitesAsync(data: Data, options: SuggestOptions, pause: Omit<PauseOptions, 'shouldStop'>): Promise<SuggestResult> {
  return runStepsAsync(suggestSteps(data, options), { ...pause, shouldStop: options.shouldStop });
}

function* suggestSteps(data: Data, options: SuggestOptions): Steps<SuggestResult> {
  validate(options);
  const params = resolveParams(options.params);
  const goal: Goal = options.goal ?? 'coverage';
  const childcare = CHILDCARE_KINDS.includes(options.kind);
  const measure: Measure = childcare ? 'place' : 'bed';
  const cohort: Cohort = goal !== 'coverage' ? 'all' : (options.cohort ?? (options.capacity === undefined ? 'all' : childcare ? 'infants' : 'elderly'));
  let perPlace = 1;
  if (goal === 'coverage' && options.capacity !== undefined) {
    if (options.perPlace !== undefined) perPlace = options.perPlace;
    else if (cohort === 'all') {
      if (!childcare) fail('coverage of all residents with a bed capacity needs perPlace (residents one bed serves); or use cohort elderly');
      perPlace = 1000 / CHILDCARE_AREA_RATIO;
    }
  }
  const engine = options.reach ?? createStraightEngine();
  const distance = engine.mode === 'straight' ? circleDistance(params) / params.detourFactor : circleDistance(params);
  const issues: DataIssue[] = [];

  // demand points
  const { comms, kept, need } = demandPoints(data.communities, { goal, cohort, childcare, standard: options.standard }, issues);
  const demandPts = comms.map((c) => c.point);

  // existing facilities of the same circle
  const circleKinds = new Set([...(childcare ? params.childcareCircleKinds : params.elderlyCircleKinds), options.kind]);
  const existing = data.facilities.map((f, index) => ({ f, index })).filter(({ f }) => circleKinds.has(f.kind));
  const capacitated = options.capacity !== undefined || goal !== 'coverage';
  const supply = existingSupply(existing, { capacitated, childcare, goal, perPlace }, issues);

  const t0 = performance.now();
  // the same walks as the rule engine (on site, same block, along streets: reach/community-reach.ts)
  const places: CommunityPlace[] = kept.map((c, i) => placeOf(c, demandPts[i]));
  const existingPoints = existing.map(({ f }) => representativePoint(f.geometry));
  const existingPairs = communityReach(
    engine,
    places,
    existingPoints,
    assignOnsite(
      kept,
      existing.map(({ f }) => f),
      existingPoints,
    ).byCommunity,
    distance,
  );
  options.onPhase?.('candidates');
  const candidates: Candidate[] = yield* buildCandidates(options.candidates, comms, (pts) => nearestWithin(engine, pts, demandPts, distance));
  const {
    offsets,
    demand,
    distance: pairDistance,
  } = yield* candidateRows(
    (pts) => communityReach(engine, places, pts, insideOf(places, pts), distance, true),
    demandPts.length,
    candidates.map((c) => c.point),
  );
  const t1 = performance.now();
  options.onPhase?.('solve');

  const needArr = Float64Array.from(need);
  const alloc = capacitated ? allocateNearestFirst(needArr, supply, existingPairs) : coveredByAny(needArr, existingPairs);
  const size = (c: Candidate) => c.capacity ?? options.capacity;
  const capacity = new Float64Array(candidates.length);
  const cost = new Float64Array(candidates.length);
  const tick = new Tick();
  for (let j = 0; j < candidates.length; j++) {
    const c = candidates[j];
    const s = size(c);
    capacity[j] = s === undefined ? Infinity : goal === 'coverage' ? s * perPlace : s;
    cost[j] = s === undefined ? 0 : (goal === 'shortfall' && !childcare ? s / FLOOR_AREA_PER_BED : s) * ratePerUnit(measure, c.mode, c.rural);
    if (tick.add()) yield;
  }
  const inst: CoverageInstance = { weight: alloc.residual, offsets, demand, distance: pairDistance, capacity, cost };

  let run: GreedyRun;
  let upper: number | null = null;
  let guarantee: number | null = null;
  let ratio: SuggestResult['ratio'];
  if (goal === 'ratio') {
    const perThousand =
      options.ratio ??
      (childcare ? CHILDCARE_AREA_RATIO : fail('the ratio goal for elderly care needs ratio (beds per 1000 residents): the documents give no area-wide bed ratio'));
    const base = data.communities.reduce((s, c) => s + (c.population ?? 0), 0);
    const existingUnits = existing.reduce((s, { f }) => s + (existingCapacity(f, childcare, 'ratio') ?? 0), 0);
    const needed = Math.max(0, Math.ceil((perThousand * base) / 1000 - existingUnits));
    const maxSites = Math.min(options.sites, Math.ceil(needed / (options.capacity as number)));
    // least cost per unit of local need closed; every site's full size counts toward the ratio
    run = yield* lazyGreedySteps(inst, { maxSites, budget: options.budget }, 'gainPerCost');
    const added = run.picks.reduce((s, p) => s + inst.capacity[p.candidate], 0);
    ratio = { perThousand, base, existing: existingUnits, needed, added, reached: added >= needed };
  } else {
    const sol = yield* solveCoverageSteps(inst, { maxSites: options.sites, budget: options.budget });
    run = sol;
    upper = sol.upperBound;
    guarantee = sol.guarantee;
  }
  const t2 = performance.now();

  const open = alloc.residual.reduce((a, b) => a + b, 0);
  let cum = 0;
  let cumCost = 0;
  const sites: SuggestedSite[] = run.picks.map((p, r) => {
    const c = candidates[p.candidate];
    const s = size(c);
    cum += p.gain;
    cumCost += s === undefined ? 0 : p.cost;
    return {
      rank: r + 1,
      candidate: c,
      size: s ?? null,
      gain: p.gain,
      cumulative: cum,
      cost: s === undefined ? null : p.cost,
      cumulativeCost: s === undefined ? null : cumCost,
      served: p.servedDemand.map((i, t) => ({ community: comms[i].id, amount: p.servedAmount[t] })),
    };
  });
  const curve: CurvePoint[] = [
    { sites: 0, cost: options.capacity === undefined ? null : 0, served: 0, share: 0 },
    ...sites.map((s) => ({ sites: s.rank, cost: s.cumulativeCost, served: s.cumulative, share: open > 0 ? s.cumulative / open : 0 })),
  ];
  return {
    kind: options.kind,
    goal,
    cohort,
    unit: goal === 'coverage' ? (cohort === 'all' ? 'residents' : cohort) : childcare ? 'places' : 'm2',
    measure,
    distance,
    reachMode: engine.mode,
    sites,
    curve,
    open,
    servedByExisting: alloc.served,
    upperBound: upper,
    guarantee,
    rule: run.rule,
    evaluations: run.evaluations,
    counts: { candidates: candidates.length, demand: comms.length, pairs: demand.length, existing: existing.length },
    ratio,
    issues,
    timings: { reachMs: t1 - t0, solveMs: t2 - t1 },
  };
}

/** The selection as plain facilities (to add in a scenario, one addFacility edit each). */
export function toFacilities(result: SuggestResult, prefix = 'suggested'): Facility[] {
  return result.sites.map((s) => {
    const f: Facility = {
      id: `${prefix}-${s.rank}`,
      name: `${s.candidate.name} (${s.rank})`,
      kind: result.kind,
      geometry: { type: 'Point', coordinates: s.candidate.point },
      extra: { suggestedFrom: s.candidate.id, mode: s.candidate.mode },
    };
    if (s.size !== null) {
      if (result.measure === 'place') f.places = s.size;
      else if (result.goal === 'shortfall') f.floorArea = s.size;
      else f.beds = s.size;
    }
    return f;
  });
}

/** The communities as demand points with their need (people, or places / beds short of the
 *  standard); a community without a point or a weight is listed in `issues`. */
function demandPoints(
  communities: readonly Community[],
  o: { goal: Goal; cohort: Cohort; childcare: boolean; standard: SuggestOptions['standard'] },
  issues: DataIssue[],
): { comms: CommunityPoint[]; kept: Community[]; need: number[] } {
  const { goal, cohort, childcare } = o;
  const comms: CommunityPoint[] = [];
  const kept: Community[] = [];
  const need: number[] = [];
  communities.forEach((c, index) => {
    let point: LonLat;
    try {
      point = representativePointOf(c);
    } catch {
      issues.push({ level: 'community', id: c.id, index, field: 'geometry', severity: 'warning', msg: { key: 'suggest.issue.geometry', args: { id: c.id } } });
      return;
    }
    comms.push({ id: c.id, name: c.name, rural: c.type === 'rural', point });
    kept.push(c);
    const base = weightOf(c, cohort);
    if (base === undefined || !(base >= 0)) {
      issues.push({
        level: 'community',
        id: c.id,
        index,
        field: fieldOf(cohort),
        severity: 'warning',
        msg: { key: 'suggest.issue.noWeight', args: { id: c.id, field: fieldOf(cohort) } },
      });
      need.push(0);
      return;
    }
    if (goal === 'coverage') need.push(base);
    else {
      const std = { ...(childcare ? CHILDCARE_STANDARD : ELDERLY_STANDARD), ...o.standard };
      need.push((std[c.type] * base) / 1000);
    }
  });
  return { comms, kept, need };
}

/** What each existing facility of the circle can serve: Infinity when the goal counts no capacity
 *  or the facility gives none (listed in `issues`). */
function existingSupply(
  existing: readonly { f: Facility; index: number }[],
  o: { capacitated: boolean; childcare: boolean; goal: Goal; perPlace: number },
  issues: DataIssue[],
): Float64Array {
  const { capacitated, childcare, goal, perPlace } = o;
  return Float64Array.from(existing, ({ f, index }) => {
    if (!capacitated) return Infinity;
    const cap = existingCapacity(f, childcare, goal);
    if (cap === undefined) {
      issues.push({ level: 'facility', id: f.id, index, field: childcare ? 'places' : 'beds', severity: 'warning', msg: { key: 'suggest.issue.noCapacity', args: { id: f.id } } });
      return Infinity;
    }
    return goal === 'coverage' ? cap * perPlace : cap;
  });
}
