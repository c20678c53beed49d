// adjacency: an elderly-care facility has a health facility at the same site or nearby
// ("同址或邻近"; the documents give no distance, so params.colocateDistance, default 300 m).
// Straight-line (geodesic) distance: co-location is about sites, not walking routes.
import type { RuleResult } from '../model';
import { straightNearest } from '../reach/straight';
import type { ReachPairs } from '../reach/types';
import { facilitiesOfKinds, type EvalContext } from './context';
import { makeResult, na, roundShortfall, thresholdOf } from './result';
import type { AdjacencyRule } from './types';

/** how far to look for the nearest partner when none is within the threshold (to report the gap) */
const LOOK_FURTHER = 20;

export function evaluateAdjacency(rule: AdjacencyRule, ctx: EvalContext): RuleResult[] {
  const p = rule.params;
  const th = thresholdOf(rule, ctx.params.colocateDistance, ctx.params);
  const subjects = facilitiesOfKinds(ctx, p.kinds);
  const partners = facilitiesOfKinds(ctx, p.partners);
  if (subjects.length === 0) return [na(rule, ctx.areaUnit, 'm', { key: 'reason.noFacilities', args: { what: p.kinds.join('/') } }, th)];
  const maxDistance = Math.max(th * LOOK_FURTHER, 5000);
  // only the nearest partner matters (a dense city has hundreds within the search distance);
  // the same for every evaluation of these layers (kept with the prepared data)
  const key = `adjacency-nearest:${p.kinds.join('/')}:${p.partners.join('/')}:${maxDistance}`;
  const pairs =
    (ctx.memo.get(key) as ReachPairs | undefined) ??
    straightNearest({ demand: subjects.map((i) => ctx.facilityPoints[i]), supply: partners.map((i) => ctx.facilityPoints[i]), maxDistance });
  ctx.memo.set(key, pairs);
  return subjects.map((fi, k) => {
    const unit = ctx.facilityUnits[fi];
    const has = pairs.offsets[k + 1] > pairs.offsets[k];
    const d = has ? pairs.distance[pairs.offsets[k]] : null;
    const nearest = has ? ctx.facilities[partners[pairs.supply[pairs.offsets[k]]]].id : undefined;
    const value = d === null ? null : Math.round(d * 10) / 10;
    if (d !== null && d <= th)
      return makeResult(rule, unit, { value, threshold: th, measure: 'm', status: 'pass', shortfall: 0, reason: { key: 'reason.nearest', args: { id: nearest ?? '' } } });
    return makeResult(rule, unit, {
      value,
      threshold: th,
      measure: 'm',
      status: 'fail',
      // metres the nearest partner lies beyond "nearby"; unknown if none within the search distance
      shortfall: d === null ? null : roundShortfall(d - th, 'whole'),
      reason: d === null ? { key: 'reason.noFacilities', args: { what: p.partners.join('/') } } : { key: 'reason.nearest', args: { id: nearest ?? '' } },
    });
  });
}
