// coverage: share of residents (or of communities) whose representative point lies within the
// service circle of a facility of the kinds. Community rows say who is outside (value = distance to
// the nearest such facility within the circle, shortfall = its residents); street and area rows
// give the share and the residents (communities) still needed to reach the threshold.
import type { Community, RuleResult } from '../model';
import { kindsOf, scoped as scopedOf, type EvalContext, type Prepared } from './context';
import { idList, makeResult, meets, na, roundShortfall, thresholdOf, type UnitRef } from './result';
import type { CoverageRule } from './types';

/** Per community: metres to the nearest facility of the kinds within the circle, null if none,
 *  undefined if the community could not be placed (network reach). */
export function nearestWithin(ctx: Prepared, kinds: readonly string[]): (number | null | undefined)[] {
  const key = `nearest:${kinds.join('/')}`;
  const hit = ctx.memo.get(key);
  if (hit) return hit as (number | null | undefined)[];
  const wanted = ctx.facilities.map((f) => kinds.includes(f.kind));
  const { offsets, supply, distance } = ctx.reach;
  const out = ctx.communities.map((_, ci) => {
    if (ctx.unplaced[ci]) return undefined;
    for (let k = offsets[ci]; k < offsets[ci + 1]; k++) if (wanted[supply[k]]) return distance[k];
    return null;
  });
  ctx.memo.set(key, out);
  return out;
}

export function evaluateCoverage(rule: CoverageRule, ctx: EvalContext): RuleResult[] {
  const p = rule.params;
  const th = thresholdOf(rule, p.min, ctx.params);
  const kinds = kindsOf(p.kinds, ctx.params);
  const near = nearestWithin(ctx, kinds);
  const out: RuleResult[] = [];
  const { scoped, unknown: undetermined } = scopedOf(ctx, p.scope);
  const undeterminedSet = new Set(undetermined);
  const radius = Math.round(ctx.radius * 10) / 10;

  if (rule.levels.includes('community')) {
    for (const ci of undetermined) {
      out.push(na(rule, ctx.communityUnits[ci], 'm', { key: 'reason.missing', args: { what: 'builtYear' } }, radius));
    }
    for (const ci of scoped) {
      const c = ctx.communities[ci];
      const unit = ctx.communityUnits[ci];
      const d = near[ci];
      if (d === undefined) out.push(na(rule, unit, 'm', { key: 'reason.unplaced', args: { distance: ctx.params.snapDistance } }, radius));
      else if (d !== null) out.push(makeResult(rule, unit, { value: Math.round(d * 10) / 10, threshold: radius, measure: 'm', status: 'pass', shortfall: 0 }));
      else out.push(makeResult(rule, unit, { value: null, threshold: radius, measure: 'm', status: 'fail', shortfall: p.basis === 'residents' ? (c.population ?? null) : 1, reason: { key: 'reason.noFacilities', args: { what: kinds.join('/') } } }));
    }
  }

  const share = (idx: number[], unit: UnitRef): RuleResult => {
    const lack: Community[] = [];
    let total = 0;
    let covered = 0;
    for (const ci of idx) {
      const c = ctx.communities[ci];
      const w = p.basis === 'residents' ? c.population : 1;
      if (w === undefined || near[ci] === undefined) {
        lack.push(c);
        continue;
      }
      total += w;
      if (near[ci] !== null) covered += w;
    }
    const measure = 'share';
    if (lack.length > 0 || idx.some((ci) => undeterminedSet.has(ci))) {
      return na(rule, unit, measure, { key: 'reason.missing', args: { what: `${p.basis === 'residents' ? 'population' : 'placement'} (${idList(lack.map((c) => c.id))})` } }, th);
    }
    if (total === 0) return na(rule, unit, measure, { key: 'reason.noDemand', args: { what: p.basis === 'residents' ? 'population' : 'communities' } }, th);
    const value = covered / total;
    return meets(value, th)
      ? makeResult(rule, unit, { value, threshold: th, measure, status: 'pass', shortfall: 0 })
      : makeResult(rule, unit, { value, threshold: th, measure, status: 'fail', shortfall: roundShortfall(th * total - covered, 'whole') });
  };

  if (rule.levels.includes('street')) {
    // in the order the rule always listed them: scoped communities first, then undetermined ones
    const inRule = new Uint8Array(ctx.communities.length);
    for (const ci of scoped) inRule[ci] = 1;
    for (const ci of undetermined) inRule[ci] = 2;
    ctx.streetCommunities.forEach((members, si) => {
      const idx = [...members.filter((ci) => inRule[ci] === 1), ...members.filter((ci) => inRule[ci] === 2)];
      if (idx.length > 0) out.push(share(idx, ctx.streetUnits[si]));
    });
  }
  if (rule.levels.includes('area')) {
    const areaUnit = ctx.areaUnit;
    if (scoped.length + undetermined.length === 0) out.push(na(rule, areaUnit, 'share', { key: 'reason.noUnits', args: { what: (p.scope?.types ?? []).join('/') } }, th));
    else out.push(share([...scoped, ...undetermined], areaUnit));
  }
  return out;
}
