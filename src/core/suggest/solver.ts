// Capacitated maximal covering by greedy site selection, lazy (CELF) and plain.
//
// The problem: demand points carry a residual weight (people, or places still missing); a
// candidate site reaches some of them (within the service circle) and can serve at most its
// capacity. Choose at most `maxSites` sites (and, if a budget is given, of total cost ≤ budget)
// to maximise the weight served.
//
// Marginal gain of a site = min(capacity, residual weight it reaches). Opening a site serves the
// demand it reaches nearest-first up to its capacity and that assignment stays fixed. Residuals
// only ever go down, so gains never go up: a stale gain is an upper bound, which is all the lazy
// greedy (Leskovec et al. 2007, "CELF") needs to pick exactly what the plain greedy picks.
//
// Quality (see docs/suggest.md):
// - without capacity the objective is a weighted coverage function (monotone submodular): the
//   greedy is within (1 − 1/e) ≈ 0.632 of the optimum for a number of sites (Nemhauser, Wolsey &
//   Fisher 1978); with a budget, the better of the gain greedy and the gain-per-cost greedy is
//   within ½(1 − 1/e) ≈ 0.316 (Leskovec et al. 2007, after Khuller, Moss & Naor 1999);
// - with capacity and fixed assignments no such a-priori bound holds (a two-site example reaching
//   only ½ of the optimum is in the tests);
// - in every case we also return a bound computed from the data: OPT ≤ served + the best total of
//   current gains that fits the limits (top-k gains; fractional knapsack for a budget). It holds
//   for the optimum that may re-split demand between sites (a max-flow assignment), so
//   served / upperBound is a proven quality ratio for this very instance.
import { IndexHeap } from './heap';
import { CHECK_EVERY, runSteps, Tick, type Steps } from './steps';

export interface CoverageInstance {
  /** residual weight per demand point */
  weight: Float64Array;
  /** candidate → reachable demand points in CSR form: row j is demand[offsets[j] .. offsets[j+1]-1],
   *  nearest first unless `distance` is given */
  offsets: Uint32Array;
  demand: Uint32Array;
  /** metres, aligned with `demand`: when given, an opened site serves its row in order of
   *  (distance, demand index), sorted only then (a hundred rows, not ten thousand) */
  distance?: Float64Array;
  /** weight units each candidate can serve; Infinity = uncapacitated */
  capacity: Float64Array;
  /** CNY per candidate (only read when a budget is given) */
  cost: Float64Array;
}

export interface Limits {
  maxSites: number;
  /** CNY; undefined = no budget */
  budget?: number;
}

/** gain: largest marginal gain first; gainPerCost: largest gain per CNY first */
export type GreedyRule = 'gain' | 'gainPerCost';

export interface Pick {
  candidate: number;
  /** weight newly served by this site (its marginal gain when picked) */
  gain: number;
  cost: number;
  /** demand points served by this site and how much of each, nearest first */
  servedDemand: number[];
  servedAmount: number[];
}

export interface GreedyRun {
  rule: GreedyRule;
  picks: Pick[];
  served: number;
  cost: number;
  /** marginal-gain evaluations made (the lazy greedy's saving shows here) */
  evaluations: number;
}

export interface Solution extends GreedyRun {
  /** proven: no selection within the limits serves more than this */
  upperBound: number;
  /** a-priori guarantee factor of the method on this kind of instance, or null if none holds */
  guarantee: number | null;
  /** with a budget: the run of the other rule, for the record */
  other?: GreedyRun;
}

export const BOUND_CARDINALITY = 1 - 1 / Math.E;
export const BOUND_BUDGET = (1 - 1 / Math.E) / 2;

function rowCount(inst: CoverageInstance): number {
  return inst.offsets.length - 1;
}

/** the instance's shape and values, checked (a checkpoint every few thousand entries) */
function* validateInstance(inst: CoverageInstance): Steps<void> {
  const m = rowCount(inst);
  if (m < 0) throw new Error('coverage instance: offsets must have length candidates + 1');
  if (inst.capacity.length !== m || inst.cost.length !== m)
    throw new Error(`coverage instance: ${m} candidates but ${inst.capacity.length} capacities and ${inst.cost.length} costs`);
  if (inst.offsets[m] !== inst.demand.length) throw new Error('coverage instance: offsets do not end at demand.length');
  const tick = new Tick();
  for (let k = 0; k < inst.demand.length; k++) {
    if (inst.demand[k] >= inst.weight.length) throw new Error(`coverage instance: demand index ${inst.demand[k]} out of range`);
    if ((k & 0xffff) === 0xffff && tick.add(CHECK_EVERY)) yield;
  }
  for (let i = 0; i < inst.weight.length; i++) if (!(inst.weight[i] >= 0)) throw new Error(`coverage instance: weight of demand ${i} is ${inst.weight[i]}, expected a number ≥ 0`);
  for (let j = 0; j < m; j++) {
    if (!(inst.capacity[j] >= 0)) throw new Error(`coverage instance: capacity of candidate ${j} is ${inst.capacity[j]}, expected ≥ 0`);
    if (!(inst.cost[j] >= 0 && Number.isFinite(inst.cost[j]))) throw new Error(`coverage instance: cost of candidate ${j} is ${inst.cost[j]}, expected a finite number ≥ 0`);
    if (tick.add()) yield;
  }
}

/** min(capacity, residual weight reachable); stops summing once the capacity is reached */
function gainOf(inst: CoverageInstance, residual: Float64Array, j: number): number {
  const cap = inst.capacity[j];
  let s = 0;
  for (let k = inst.offsets[j], end = inst.offsets[j + 1]; k < end; k++) {
    s += residual[inst.demand[k]];
    if (s >= cap) return cap;
  }
  return s;
}

function open(inst: CoverageInstance, residual: Float64Array, j: number): Pick {
  let room = inst.capacity[j];
  const servedDemand: number[] = [];
  const servedAmount: number[] = [];
  let gain = 0;
  const from = inst.offsets[j];
  const row = Array.from({ length: inst.offsets[j + 1] - from }, (_, t) => from + t);
  const d = inst.distance;
  if (d) row.sort((a, b) => d[a] - d[b] || inst.demand[a] - inst.demand[b]);
  for (let t = 0; t < row.length && room > 0; t++) {
    const i = inst.demand[row[t]];
    const take = Math.min(residual[i], room);
    if (take > 0) {
      residual[i] -= take;
      room -= take;
      gain += take;
      servedDemand.push(i);
      servedAmount.push(take);
    }
  }
  return { candidate: j, gain, cost: inst.cost[j], servedDemand, servedAmount };
}

function keyOf(rule: GreedyRule, gain: number, cost: number): number {
  if (rule === 'gain') return gain;
  if (cost > 0) return gain / cost;
  return gain > 0 ? Infinity : 0;
}

function affordable(limits: Limits, spent: number, cost: number): boolean {
  return limits.budget === undefined || spent + cost <= limits.budget;
}

/** Lazy greedy (CELF): re-evaluates a candidate only when it reaches the top of the heap with a
 *  gain computed before the last pick. Ties: larger key, then smaller candidate index. */
export function lazyGreedy(inst: CoverageInstance, limits: Limits, rule: GreedyRule = 'gain'): GreedyRun {
  return runSteps(lazyGreedySteps(inst, limits, rule));
}

/** lazyGreedy as steps: a checkpoint every few thousand gain evaluations */
export function* lazyGreedySteps(inst: CoverageInstance, limits: Limits, rule: GreedyRule = 'gain'): Steps<GreedyRun> {
  const m = rowCount(inst);
  const residual = Float64Array.from(inst.weight);
  const heap = new IndexHeap(m);
  const computedAt = new Int32Array(m);
  const tick = new Tick();
  let evaluations = 0;
  for (let j = 0; j < m; j++) {
    const g = gainOf(inst, residual, j);
    evaluations++;
    if (g > 0) heap.push(j, keyOf(rule, g, inst.cost[j]));
    if (tick.add()) yield;
  }
  const picks: Pick[] = [];
  let served = 0;
  let spent = 0;
  let round = 0;
  while (picks.length < limits.maxSites && heap.size > 0) {
    if (tick.add()) yield;
    const j = heap.pop();
    // the budget left only shrinks, so a site that does not fit now never will
    if (!affordable(limits, spent, inst.cost[j])) continue;
    if (computedAt[j] === round) {
      const p = open(inst, residual, j);
      picks.push(p);
      served += p.gain;
      spent += p.cost;
      round++;
      continue;
    }
    const g = gainOf(inst, residual, j);
    evaluations++;
    computedAt[j] = round;
    if (g > 0) heap.push(j, keyOf(rule, g, inst.cost[j]));
  }
  return { rule, picks, served, cost: spent, evaluations };
}

/** Plain greedy: every round evaluates every remaining candidate. The baseline the lazy greedy
 *  must match pick for pick (tests) and beat on time (bench). */
export function naiveGreedy(inst: CoverageInstance, limits: Limits, rule: GreedyRule = 'gain'): GreedyRun {
  const m = rowCount(inst);
  const residual = Float64Array.from(inst.weight);
  const taken = new Uint8Array(m);
  const picks: Pick[] = [];
  let served = 0;
  let spent = 0;
  let evaluations = 0;
  while (picks.length < limits.maxSites) {
    let best = -1;
    let bestKey = 0;
    for (let j = 0; j < m; j++) {
      if (taken[j] || !affordable(limits, spent, inst.cost[j])) continue;
      const g = gainOf(inst, residual, j);
      evaluations++;
      if (g <= 0) continue;
      const key = keyOf(rule, g, inst.cost[j]);
      if (best < 0 || key > bestKey) {
        best = j;
        bestKey = key;
      }
    }
    if (best < 0) break;
    taken[best] = 1;
    const p = open(inst, residual, best);
    picks.push(p);
    served += p.gain;
    spent += p.cost;
  }
  return { rule, picks, served, cost: spent, evaluations };
}

/** Residual weights left after a run's picks (replays the fixed assignments). */
export function residualAfter(inst: CoverageInstance, run: GreedyRun): Float64Array {
  const residual = Float64Array.from(inst.weight);
  for (const p of run.picks) for (let t = 0; t < p.servedDemand.length; t++) residual[p.servedDemand[t]] -= p.servedAmount[t];
  return residual;
}

/** OPT ≤ served + max Σ g_j over a selection within the limits, where g_j = min(capacity_j,
 *  residual weight j reaches) for every candidate (picked ones included, with full capacity).
 *  Proof sketch: an optimal selection with a max-flow assignment serves at most what we serve
 *  already plus, at each of its sites, no more than that site's capacity and the residual it
 *  reaches. The max over selections is relaxed to the top-k gains and, with a budget, to the
 *  fractional knapsack; the smaller relaxation is returned. */
function* upperBoundSteps(inst: CoverageInstance, limits: Limits, served: number, residual: Float64Array): Steps<number> {
  const m = rowCount(inst);
  const gains: number[] = [];
  const costs: number[] = [];
  const tick = new Tick();
  for (let j = 0; j < m; j++) {
    const g = gainOf(inst, residual, j);
    if (g > 0) {
      gains.push(g);
      costs.push(inst.cost[j]);
    }
    if (tick.add()) yield;
  }
  const sorted = [...gains].sort((a, b) => b - a);
  let extra = 0;
  for (let t = 0; t < Math.min(limits.maxSites, sorted.length); t++) extra += sorted[t];
  if (limits.budget !== undefined) {
    const order = gains.map((_, t) => t).sort((a, b) => keyOf('gainPerCost', gains[b], costs[b]) - keyOf('gainPerCost', gains[a], costs[a]));
    let room = limits.budget;
    let knap = 0;
    for (const t of order) {
      if (costs[t] <= room) {
        knap += gains[t];
        room -= costs[t];
      } else {
        knap += (gains[t] * room) / costs[t];
        break;
      }
    }
    extra = Math.min(extra, knap);
  }
  return served + extra;
}

function better(a: GreedyRun, b: GreedyRun): GreedyRun {
  if (a.served !== b.served) return a.served > b.served ? a : b;
  return a.cost <= b.cost ? a : b;
}

/** The suggested selection: the lazy gain greedy, and with a budget also the gain-per-cost greedy,
 *  keeping the better (more served; equal → cheaper; equal → the gain rule). */
export function solveCoverage(inst: CoverageInstance, limits: Limits): Solution {
  return runSteps(solveCoverageSteps(inst, limits));
}

/** solveCoverage as steps (checkpoints in the greedy runs and the bounds) */
export function* solveCoverageSteps(inst: CoverageInstance, limits: Limits): Steps<Solution> {
  yield* validateInstance(inst);
  if (!(limits.maxSites >= 0) || !Number.isInteger(limits.maxSites)) throw new Error(`maxSites must be a whole number ≥ 0, got ${limits.maxSites}`);
  if (limits.budget !== undefined && !(limits.budget >= 0)) throw new Error(`budget must be ≥ 0 CNY, got ${limits.budget}`);
  const unit = yield* lazyGreedySteps(inst, limits, 'gain');
  const ratio = limits.budget !== undefined ? yield* lazyGreedySteps(inst, limits, 'gainPerCost') : undefined;
  const best = ratio ? better(unit, ratio) : unit;
  const other = ratio ? (best === unit ? ratio : unit) : undefined;
  const capacitated = inst.capacity.some((c) => Number.isFinite(c));
  const guarantee = capacitated ? null : limits.budget !== undefined ? BOUND_BUDGET : BOUND_CARDINALITY;
  // both the bound at the start (nothing picked) and at the end are valid; keep the tighter one
  const atStart = yield* upperBoundSteps(inst, limits, 0, Float64Array.from(inst.weight));
  const atEnd = yield* upperBoundSteps(inst, limits, best.served, residualAfter(inst, best));
  return { ...best, upperBound: Math.min(atStart, atEnd), guarantee, other };
}
