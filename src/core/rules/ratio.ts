// ratio: supply ÷ demand × per ≥ threshold (places per 1000 residents, m² per resident,
// m² per 100 households, public beds per elderly resident, social workers per 1000 elderly …).
// Community level reports on-site supply (配建) and, where the rule asks, the shared-catchment view
// (2SFCA); street and area levels sum the facilities located in the unit.
import { accessOf, twoStepFloatingCatchment, type CatchmentShare } from '../allocate/twostep';
import type { Facility, Msg, RuleResult } from '../model';
import type { Params } from '../params';
import { facilityColumn, scopeKey, scopeRanks, scoped as scopedOf, type EvalContext, type FacilityEdit, type Prepared } from './context';
import { idList, makeResult, meets, na, roundShortfall, thresholdOf, type UnitRef } from './result';
import { allIndices, capacityColumn, matchesSupply, supplySums, type SupplySum } from './supply';
import type { WalkedCommunities } from './coverage';
import type { RatioRule, Supply } from './types';

interface Demand {
  sum: number;
  /** what is missing, already phrased (ids) */
  missing: string[];
}

/** A beds ratio's row per facility of its supply. */
function facilityRows(rule: RatioRule, ctx: EvalContext, sums: (idx: readonly number[]) => SupplySum, out: RuleResult[]): void {
  const p = rule.params;
  const params = paramsKey(ctx.params);
  ctx.facilities.forEach((f, fi) => {
    if (!matchesSupply(f, p.supply)) return;
    const unit = ctx.facilityUnits[fi];
    // a facility's row reads its record alone (and the rule's thresholds): a record an edit
    // kept (the same cleaned copy, rules/context.ts prepOf) keeps its row object, which the
    // delta then passes by identity (evaluation-delta.ts changedRows)
    const kept = facilityRowsKept.get(f)?.get(rule);
    if (kept && kept.params === params) {
      out.push(kept.row);
      return;
    }
    const beds = f.beds === undefined ? { sum: 0, missing: [f.id] } : { sum: f.beds, missing: [] };
    const row = judge(rule, ctx, unit, sums([fi]), beds);
    let byRule = facilityRowsKept.get(f);
    if (!byRule) facilityRowsKept.set(f, (byRule = new WeakMap()));
    byRule.set(rule, { params, row });
    out.push(row);
  });
}

/** per cleaned facility record (one per record and index, with its unit: rules/context.ts prepOf) and rule: its facility row, with the parameters it was judged under */
const facilityRowsKept = new WeakMap<Facility, WeakMap<RatioRule, { params: string; row: RuleResult }>>();
const paramsKeys = new WeakMap<Params, string>();

/** The parameters as text, once per parameters object. */
function paramsKey(p: Params): string {
  let k = paramsKeys.get(p);
  if (k === undefined) paramsKeys.set(p, (k = JSON.stringify(p)));
  return k;
}

function judge(rule: RatioRule, ctx: EvalContext, unit: UnitRef, supply: SupplySum, demand: Demand, view?: 'onsite' | 'catchment'): RuleResult {
  const p = rule.params;
  const th = thresholdOf(rule, p.min, ctx.params);
  if (demand.missing.length > 0) {
    return na(rule, unit, p.measure, { key: 'reason.missing', args: { what: `${p.demand} (${idList(demand.missing)})` } }, th, view);
  }
  if (demand.sum === 0) return na(rule, unit, p.measure, { key: 'reason.noDemand', args: { what: p.demand } }, th, view);
  const value = (supply.sum * p.per) / demand.sum;
  const shortfall = roundShortfall((th * demand.sum) / p.per - supply.sum, p.rounding);
  let reason: Msg | undefined;
  if (supply.estimated.length > 0) reason = { key: 'reason.bedArea', args: { ids: idList(supply.estimated) } };
  if (meets(value, th)) {
    if (supply.missing.length > 0) reason = { key: 'reason.lowerBound', args: { ids: idList(supply.missing), field: p.supply.field } };
    else if (p.max !== undefined && value > p.max) reason = { key: 'reason.aboveRange', args: { max: p.max } };
    return makeResult(rule, unit, { value, threshold: th, measure: p.measure, status: 'pass', shortfall: 0, reason, view });
  }
  if (supply.missing.length > 0) {
    return makeResult(rule, unit, {
      value,
      threshold: th,
      measure: p.measure,
      status: 'na',
      shortfall: null,
      reason: { key: 'reason.missingFacilityField', args: { ids: idList(supply.missing), field: p.supply.field } },
      view,
    });
  }
  return makeResult(rule, unit, { value, threshold: th, measure: p.measure, status: 'fail', shortfall, reason, view });
}

function communityDemand(ctx: EvalContext, rule: RatioRule, ci: number): Demand {
  const c = ctx.communities[ci];
  const field = rule.params.demand;
  if (field === 'beds') return { sum: 0, missing: [c.id] };
  const v = c[field];
  return v === undefined ? { sum: 0, missing: [c.id] } : { sum: v, missing: [] };
}

/** The 2SFCA shares kept with the prepared data (the same layers and reach), keyed by what they
 *  depend on, with that and their inputs (an edit carries them over: carryShares). */
interface Shares {
  demandField: RatioRule['params']['demand'];
  supply: Supply;
  r: CatchmentShare;
}

/** per communities (their unit records) and demand field: each community's demand */
const demandsByField = new WeakMap<readonly UnitRef[], Map<string, (number | undefined)[]>>();

function sharesInputs(ctx: Prepared, demandField: RatioRule['params']['demand'], supply: Supply) {
  let byField = demandsByField.get(ctx.communityUnits);
  if (!byField) demandsByField.set(ctx.communityUnits, (byField = new Map()));
  let demand = byField.get(demandField);
  if (!demand) {
    demand = ctx.communities.map((c) => (demandField === 'beds' ? undefined : c[demandField]));
    byField.set(demandField, demand);
  }
  const capacity = capacityColumn(ctx, supply);
  const included = facilityColumn(ctx, `supply:${JSON.stringify(supply)}`, (f) => matchesSupply(f, supply));
  return { demand, capacity, include: (j: number) => included[j] };
}

function catchmentShares(ctx: EvalContext, rule: RatioRule): CatchmentShare {
  const key = `2sfca:${rule.params.demand}:${JSON.stringify(rule.params.supply)}`;
  const hit = ctx.memo.get(key) as Shares | undefined;
  if (hit) return hit.r;
  const x = sharesInputs(ctx, rule.params.demand, rule.params.supply);
  const r = twoStepFloatingCatchment(ctx.reach, x.demand, x.capacity, x.include);
  ctx.memo.set(key, { demandField: rule.params.demand, supply: rule.params.supply, r } satisfies Shares);
  return r;
}

/**
 * After an edit of facilities (core/reevaluate.ts): `now`'s 2SFCA shares from `old`'s. R_j of a
 * facility that did not change is the same (the same catchment, the same demand); a changed one's
 * load is summed again in community order, as the full run sums it. Step 2 runs again only for
 * the communities whose walks hold a changed facility (`walked`); the others keep their shares,
 * their facility indices renumbered.
 */
export function carryShares(old: Prepared, now: Prepared, walked: WalkedCommunities, edit: FacilityEdit): void {
  const { changedNow: fresh, changedOld, oldOf } = edit;
  // each kept facility's index after the edit, + 1 (0: changed or deleted)
  const renumber = new Int32Array(old.facilities.length);
  let same = edit.inPlace;
  if (!same) {
    oldOf.forEach((o, j) => {
      if (o >= 0 && !changedOld[o]) renumber[o] = j + 1;
    });
    same = renumber.every((x, o) => x === 0 || x === o + 1);
  }
  const { start, end, supply } = now.reach;
  const changedNow: number[] = edit.inPlace ? edit.at : [];
  if (!edit.inPlace) for (let j = 0; j < fresh.length; j++) if (fresh[j]) changedNow.push(j);
  for (const [key, value] of old.memo) {
    if (!key.startsWith('2sfca:') || now.memo.has(key)) continue;
    const was = value as Shares;
    const x = sharesInputs(now, was.demandField, was.supply);
    const load = new Float64Array(now.facilities.length);
    const columns = now.reach.columns;
    if (columns) {
      // a changed facility's column lists the communities that reach it: summed in community
      // order, as the full run sums them (the same additions in the same order, the same bits)
      for (const j of changedNow) {
        for (const i of columns[j].community.slice().sort()) {
          const d = x.demand[i];
          if (d !== undefined) load[j] += d;
        }
      }
    } else
      for (let i = 0; i < start.length; i++) {
        const d = x.demand[i];
        if (d === undefined) continue;
        for (let k = start[i]; k < end[i]; k++) if (fresh[supply[k]]) load[supply[k]] += d;
      }
    const ratio = new Float64Array(now.facilities.length);
    const fresh1 = (j: number) => (x.capacity[j] !== undefined && load[j] > 0 && x.include(j) ? (x.capacity[j] as number) / load[j] : 0);
    if (edit.inPlace) {
      // every kept facility at its index: the old ratios, the changed ones worked out
      ratio.set(was.r.ratio.subarray(0, Math.min(ratio.length, was.r.ratio.length)));
      for (const j of edit.at) ratio[j] = fresh1(j);
    } else
      for (let j = 0; j < ratio.length; j++) {
        const o = oldOf[j];
        ratio[j] = !fresh[j] && o >= 0 ? was.r.ratio[o] : fresh1(j);
      }
    const r: CatchmentShare = { accessibility: was.r.accessibility.slice(), share: was.r.share.slice(), unknownCapacity: was.r.unknownCapacity.slice(), ratio };
    for (const i of walked.list) accessOf(r, i, now.reach, x.demand, x.capacity, x.include);
    if (!same)
      for (let i = 0; i < r.unknownCapacity.length; i++)
        if (!walked.mask[i] && r.unknownCapacity[i].length > 0) r.unknownCapacity[i] = r.unknownCapacity[i].map((o) => renumber[o] - 1);
    now.memo.set(key, { ...was, r } satisfies Shares);
  }
}

interface Members {
  communityIdx: number[];
  undetermined: number[];
}

/** A street's or the area's demand: its communities in the rule (in scope; scope unknown) summed,
 *  kept with the communities (an edit of facilities does not change it). */
function unitDemand(ctx: EvalContext, rule: RatioRule, unit: UnitRef, members: () => Members): CommunityDemand {
  const p = rule.params;
  const demands = demandsOf(ctx);
  const key = `${p.demand}|${scopeKey(p.scope)}|${unit.level}|${unit.id}`;
  const hit = demands.get(key);
  if (hit) return hit;
  const { communityIdx, undetermined } = members();
  const demand: CommunityDemand = { n: communityIdx.length + undetermined.length, sum: 0, missing: undetermined.map((i) => ctx.communities[i].id) };
  if (p.demand !== 'beds') {
    const field = p.demand;
    for (const ci of communityIdx) {
      const v = ctx.communities[ci][field];
      if (v === undefined) demand.missing.push(ctx.communities[ci].id);
      else demand.sum += v;
    }
  }
  demands.set(key, demand);
  return demand;
}

/** A unit's demand from its communities, with how many of them the rule takes (in scope or scope unknown). */
interface CommunityDemand extends Demand {
  n: number;
}

/** per communities (their unit records are made once per communities array: rules/context.ts) */
const demandsKept = new WeakMap<readonly UnitRef[], Map<string, CommunityDemand>>();

function demandsOf(ctx: Prepared): Map<string, CommunityDemand> {
  let m = demandsKept.get(ctx.communityUnits);
  if (!m) {
    m = new Map();
    demandsKept.set(ctx.communityUnits, m);
  }
  return m;
}

function areaUnit(ctx: EvalContext): UnitRef {
  return ctx.areaUnit;
}

export function evaluateRatio(rule: RatioRule, ctx: EvalContext): RuleResult[] {
  const p = rule.params;
  const out: RuleResult[] = [];
  const { scoped, unknown: unknownScope } = scopedOf(ctx, p.scope);
  const allFacilities = allIndices(ctx.facilities.length);
  const sums = supplySums(ctx, p.supply);
  const bedSums = (idx: readonly number[]) => supplySums(ctx, { kinds: p.supply.kinds, field: 'beds', ownership: p.supply.ownership })(idx);

  if (rule.levels.includes('community')) {
    const only = ctx.only;
    for (const ci of unknownScope) {
      if (only && !only[ci]) continue;
      out.push(na(rule, ctx.communityUnits[ci], p.measure, { key: 'reason.missing', args: { what: 'builtYear' } }, thresholdOf(rule, p.min, ctx.params), 'onsite'));
    }
    const shares = p.catchment ? catchmentShares(ctx, rule) : undefined;
    for (const ci of scoped) {
      if (only && !only[ci]) continue;
      const unit = ctx.communityUnits[ci];
      const demand = communityDemand(ctx, rule, ci);
      out.push(judge(rule, ctx, unit, sums(ctx.onsite[ci]), demand, 'onsite'));
      if (shares) {
        if (ctx.unplaced[ci]) {
          out.push(na(rule, unit, p.measure, { key: 'reason.unplaced', args: { distance: ctx.params.snapDistance } }, thresholdOf(rule, p.min, ctx.params), 'catchment'));
          continue;
        }
        const supply: SupplySum = { sum: shares.share[ci], missing: shares.unknownCapacity[ci].map((j) => ctx.facilities[j].id), estimated: [] };
        out.push(judge(rule, ctx, unit, supply, demand, 'catchment'));
      }
    }
  }

  const demandOf = (unit: UnitRef, members: () => Members) => unitDemand(ctx, rule, unit, members);
  const aggregate = (facilityIdx: readonly number[], unit: UnitRef, communities: CommunityDemand): RuleResult => {
    let demand: Demand = communities;
    if (p.demand === 'beds') {
      const beds = bedSums(facilityIdx);
      demand = { sum: beds.sum, missing: beds.missing };
    }
    return judge(rule, ctx, unit, sums(facilityIdx), demand);
  };

  if (rule.levels.includes('street')) {
    ctx.streetCommunities.forEach((members, si) => {
      const unit = ctx.streetUnits[si];
      const d = demandOf(unit, () => {
        const r = scopeRanks(ctx, p.scope);
        return { communityIdx: members.filter((ci) => r[ci] === 1), undetermined: members.filter((ci) => r[ci] === 2) };
      });
      if (d.n === 0 && p.demand !== 'beds') return;
      out.push(aggregate(ctx.streetFacilities[si], unit, d));
    });
  }

  if (rule.levels.includes('facility') && p.demand === 'beds') facilityRows(rule, ctx, sums, out);

  if (rule.levels.includes('area')) {
    if (scoped.length === 0 && unknownScope.length === 0 && p.demand !== 'beds') {
      out.push(na(rule, areaUnit(ctx), p.measure, { key: 'reason.noUnits', args: { what: scopeText(rule) } }, thresholdOf(rule, p.min, ctx.params)));
    } else
      out.push(
        aggregate(
          allFacilities,
          areaUnit(ctx),
          demandOf(areaUnit(ctx), () => ({ communityIdx: scoped, undetermined: unknownScope })),
        ),
      );
  } else if (scoped.length === 0 && unknownScope.length === 0 && rule.levels.includes('community')) {
    out.push(na(rule, areaUnit(ctx), p.measure, { key: 'reason.noUnits', args: { what: scopeText(rule) } }, thresholdOf(rule, p.min, ctx.params)));
  }
  return out;
}

export function scopeText(rule: { params: { scope?: { types?: string[]; builtFrom?: number } } }): string {
  const s = rule.params.scope;
  if (!s) return 'communities';
  return [s.types ? `type ${s.types.join('/')}` : '', s.builtFrom !== undefined ? `builtYear ≥ ${s.builtFrom}` : ''].filter(Boolean).join(', ');
}
