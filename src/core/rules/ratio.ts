// ratio: supply ÷ demand × per ≥ threshold (places per 1000 residents, m² per resident,
// m² per 100 households, public beds per elderly resident, social workers per 1000 elderly …).
// Community level reports on-site supply (配建) and, where the rule asks, the shared-catchment view
// (2SFCA); street and area levels sum the facilities located in the unit.
import { twoStepFloatingCatchment } from '../allocate/twostep';
import type { Msg, RuleResult } from '../model';
import { scoped as scopedOf, type EvalContext } from './context';
import { idList, makeResult, meets, na, roundShortfall, thresholdOf, type UnitRef } from './result';
import { capacityOf, matchesSupply, sumSupply, type SupplySum } from './supply';
import type { RatioRule } from './types';

interface Demand {
  sum: number;
  /** what is missing, already phrased (ids) */
  missing: string[];
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

function catchmentShares(ctx: EvalContext, rule: RatioRule) {
  // kept with the prepared data (the same layers and reach): keyed by what the shares depend on
  const key = `2sfca:${rule.params.demand}:${JSON.stringify(rule.params.supply)}`;
  const hit = ctx.memo.get(key);
  if (hit) return hit as ReturnType<typeof twoStepFloatingCatchment>;
  const field = rule.params.demand;
  const demand = ctx.communities.map((c) => (field === 'beds' ? undefined : c[field]));
  const capacity = ctx.facilities.map((f) => (matchesSupply(f, rule.params.supply) ? capacityOf(f, rule.params.supply).value : undefined));
  const included = ctx.facilities.map((f) => matchesSupply(f, rule.params.supply));
  const r = twoStepFloatingCatchment(ctx.reach, demand, capacity, (j) => included[j]);
  ctx.memo.set(key, r);
  return r;
}

function areaUnit(ctx: EvalContext): UnitRef {
  return ctx.areaUnit;
}

export function evaluateRatio(rule: RatioRule, ctx: EvalContext): RuleResult[] {
  const p = rule.params;
  const out: RuleResult[] = [];
  const { scoped, unknown: unknownScope } = scopedOf(ctx, p.scope);
  const allFacilities = ctx.facilities.map((_, i) => i);

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
      out.push(judge(rule, ctx, unit, sumSupply(ctx.facilities, ctx.onsite[ci], p.supply), demand, 'onsite'));
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

  const aggregate = (communityIdx: number[], facilityIdx: number[], unit: UnitRef, undetermined: number[]): RuleResult => {
    let demand: Demand;
    if (p.demand === 'beds') {
      const beds = sumSupply(ctx.facilities, facilityIdx, { kinds: p.supply.kinds, field: 'beds', ownership: p.supply.ownership });
      demand = { sum: beds.sum, missing: beds.missing };
    } else {
      const field = p.demand;
      demand = { sum: 0, missing: undetermined.map((i) => ctx.communities[i].id) };
      for (const ci of communityIdx) {
        const v = ctx.communities[ci][field];
        if (v === undefined) demand.missing.push(ctx.communities[ci].id);
        else demand.sum += v;
      }
    }
    return judge(rule, ctx, unit, sumSupply(ctx.facilities, facilityIdx, p.supply), demand);
  };

  if (rule.levels.includes('street')) {
    const inRule = new Uint8Array(ctx.communities.length);
    for (const ci of scoped) inRule[ci] = 1;
    for (const ci of unknownScope) inRule[ci] = 2;
    ctx.streetCommunities.forEach((members, si) => {
      const comms = members.filter((ci) => inRule[ci] === 1);
      const undetermined = members.filter((ci) => inRule[ci] === 2);
      if (comms.length === 0 && undetermined.length === 0 && p.demand !== 'beds') return;
      out.push(aggregate(comms, ctx.streetFacilities[si], ctx.streetUnits[si], undetermined));
    });
  }

  if (rule.levels.includes('facility') && p.demand === 'beds') {
    ctx.facilities.forEach((f, fi) => {
      if (!matchesSupply(f, p.supply)) return;
      const unit = ctx.facilityUnits[fi];
      const beds = f.beds === undefined ? { sum: 0, missing: [f.id] } : { sum: f.beds, missing: [] };
      out.push(judge(rule, ctx, unit, sumSupply(ctx.facilities, [fi], p.supply), beds));
    });
  }

  if (rule.levels.includes('area')) {
    if (scoped.length === 0 && unknownScope.length === 0 && p.demand !== 'beds') {
      out.push(na(rule, areaUnit(ctx), p.measure, { key: 'reason.noUnits', args: { what: scopeText(rule) } }, thresholdOf(rule, p.min, ctx.params)));
    } else out.push(aggregate(scoped, allFacilities, areaUnit(ctx), unknownScope));
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
