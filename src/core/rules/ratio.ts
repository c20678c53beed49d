// ratio: supply ÷ demand × per ≥ threshold (places per 1000 residents, m² per resident,
// m² per 100 households, public beds per elderly resident, social workers per 1000 elderly …).
// Community level reports on-site supply (配建) and, where the rule asks, the shared-catchment view
// (2SFCA); street and area levels sum the facilities located in the unit.
import { twoStepFloatingCatchment } from '../allocate/twostep';
import type { Msg, RuleResult } from '../model';
import { inScope, type EvalContext } from './context';
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
  const key = `2sfca:${rule.id}:${rule.part ?? ''}`;
  const hit = ctx.memo.get(key);
  if (hit) return hit as ReturnType<typeof twoStepFloatingCatchment>;
  const field = rule.params.demand;
  const demand = ctx.communities.map((c) => (field === 'beds' ? undefined : c[field]));
  const capacity = ctx.facilities.map((f) => (matchesSupply(f, rule.params.supply) ? capacityOf(f, rule.params.supply).value : undefined));
  const r = twoStepFloatingCatchment(ctx.reach, demand, capacity, (j) => matchesSupply(ctx.facilities[j], rule.params.supply));
  ctx.memo.set(key, r);
  return r;
}

function areaUnit(ctx: EvalContext): UnitRef {
  return { level: 'area', id: 'area', name: ctx.area.name };
}

export function evaluateRatio(rule: RatioRule, ctx: EvalContext): RuleResult[] {
  const p = rule.params;
  const out: RuleResult[] = [];
  const unplaced = new Set(ctx.reach.unplacedDemand);
  const scoped: number[] = [];
  const unknownScope: number[] = [];
  ctx.communities.forEach((c, i) => {
    const s = inScope(c, p.scope);
    if (s === true) scoped.push(i);
    else if (s === undefined) unknownScope.push(i);
  });
  const allFacilities = ctx.facilities.map((_, i) => i);

  if (rule.levels.includes('community')) {
    for (const ci of unknownScope) {
      const c = ctx.communities[ci];
      out.push(na(rule, { level: 'community', id: c.id, name: c.name }, p.measure, { key: 'reason.missing', args: { what: 'builtYear' } }, thresholdOf(rule, p.min, ctx.params), 'onsite'));
    }
    const shares = p.catchment ? catchmentShares(ctx, rule) : undefined;
    for (const ci of scoped) {
      const c = ctx.communities[ci];
      const unit = { level: 'community' as const, id: c.id, name: c.name };
      const demand = communityDemand(ctx, rule, ci);
      out.push(judge(rule, ctx, unit, sumSupply(ctx.facilities, ctx.onsite[ci], p.supply), demand, 'onsite'));
      if (shares) {
        if (unplaced.has(ci)) {
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
    ctx.streets.forEach((s, si) => {
      const comms = scoped.filter((ci) => ctx.communityStreet[ci] === si);
      const undetermined = unknownScope.filter((ci) => ctx.communityStreet[ci] === si);
      if (comms.length === 0 && undetermined.length === 0 && p.demand !== 'beds') return;
      const facs = allFacilities.filter((fi) => ctx.facilityStreet[fi] === si);
      out.push(aggregate(comms, facs, { level: 'street', id: s.id, name: s.name }, undetermined));
    });
  }

  if (rule.levels.includes('facility') && p.demand === 'beds') {
    ctx.facilities.forEach((f, fi) => {
      if (!matchesSupply(f, p.supply)) return;
      const unit = { level: 'facility' as const, id: f.id, name: f.name };
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
