// composition: a share within the supply — nursing-type beds ÷ all beds (per facility and/or the
// whole area), or kindergartens with an under-3 class ÷ all kindergartens (xn.kindergarten.mix;
// all kindergartens come from area.kindergartens because kindergartens without 托班 are not a
// facility kind of the model).
import type { RuleResult } from '../model';
import { facilitiesOfKinds, type EvalContext } from './context';
import { idList, makeResult, meets, na, roundShortfall, thresholdOf, type UnitRef } from './result';
import type { CompositionRule } from './types';

export function evaluateComposition(rule: CompositionRule, ctx: EvalContext): RuleResult[] {
  const p = rule.params;
  const th = thresholdOf(rule, p.min, ctx.params);
  const { areaUnit } = ctx;
  if (p.of === 'kindergartenNursery') {
    const n = facilitiesOfKinds(ctx, ['kindergarten_nursery']).length;
    const all = ctx.area.kindergartens;
    if (all === undefined) return [na(rule, areaUnit, 'share', { key: 'reason.noAreaField', args: { field: 'kindergartens' } }, th)];
    if (all === 0) return [na(rule, areaUnit, 'share', { key: 'reason.noDemand', args: { what: 'kindergartens' } }, th)];
    const value = n / all;
    return [
      meets(value, th)
        ? makeResult(rule, areaUnit, { value, threshold: th, measure: 'share', status: 'pass', shortfall: 0 })
        : makeResult(rule, areaUnit, { value, threshold: th, measure: 'share', status: 'fail', shortfall: roundShortfall(th * all - n, 'whole') }),
    ];
  }
  const judge = (unit: UnitRef, idx: number[]): RuleResult => {
    let beds = 0;
    let nursing = 0;
    const noBeds: string[] = [];
    const noNursing: string[] = [];
    for (const fi of idx) {
      const f = ctx.facilities[fi];
      if (f.beds === undefined) noBeds.push(f.id);
      else {
        beds += f.beds;
        if (f.nursingBeds === undefined) noNursing.push(f.id);
        else nursing += f.nursingBeds;
      }
    }
    if (noBeds.length > 0) return na(rule, unit, 'share', { key: 'reason.missingFacilityField', args: { ids: idList(noBeds), field: 'beds' } }, th);
    if (beds === 0) return na(rule, unit, 'share', { key: 'reason.noDemand', args: { what: 'beds' } }, th);
    const value = nursing / beds;
    if (meets(value, th)) {
      const reason = noNursing.length > 0 ? { key: 'reason.lowerBound', args: { ids: idList(noNursing), field: 'nursingBeds' } } : undefined;
      return makeResult(rule, unit, { value, threshold: th, measure: 'share', status: 'pass', shortfall: 0, reason });
    }
    if (noNursing.length > 0)
      return makeResult(rule, unit, {
        value,
        threshold: th,
        measure: 'share',
        status: 'na',
        shortfall: null,
        reason: { key: 'reason.missingFacilityField', args: { ids: idList(noNursing), field: 'nursingBeds' } },
      });
    // nursing beds to add (converting ordinary beds): ⌈th × beds − nursing⌉
    return makeResult(rule, unit, { value, threshold: th, measure: 'share', status: 'fail', shortfall: roundShortfall(th * beds - nursing, 'whole') });
  };
  const named = p.nameIncludes;
  const idx = named === undefined ? facilitiesOfKinds(ctx, p.kinds) : facilitiesOfKinds(ctx, p.kinds).filter((i) => ctx.facilities[i].name.includes(named));
  const out: RuleResult[] = [];
  if (rule.levels.includes('facility')) for (const fi of idx) out.push(judge(ctx.facilityUnits[fi], [fi]));
  if (rule.levels.includes('area')) {
    out.push(idx.length === 0 ? na(rule, areaUnit, 'share', { key: 'reason.noFacilities', args: { what: p.kinds.join('/') } }, th) : judge(areaUnit, idx));
  } else if (idx.length === 0) out.push(na(rule, areaUnit, 'share', { key: 'reason.noFacilities', args: { what: p.kinds.join('/') } }, th));
  return out;
}
