// presence: at least N facilities of the kinds inside each unit (community, street/town, area);
// optionally an area row for the share of units that have one (ca.coverage.town ≥ 70 %).
// A facility whose 普惠 flag or ownership is unknown may or may not count: if the unit passes
// without it, pass; otherwise n/a naming it.
import type { Facility, Msg, RuleResult } from '../model';
import { facilityColumn, scoped, type EvalContext } from './context';
import { idList, makeResult, meets, na, roundShortfall, thresholdOf, type UnitRef } from './result';
import type { PresenceRule } from './types';

/** true = counts, false = does not, undefined = cannot tell */
function counts(f: Facility, p: PresenceRule['params']): boolean | undefined {
  if (!p.kinds.includes(f.kind)) return false;
  if (p.nameIncludes && !p.nameIncludes.some((w) => f.name.includes(w))) return false;
  if (p.inclusiveOnly && f.inclusive !== true) return f.inclusive === undefined ? undefined : false;
  if (p.ownership) return f.ownership === undefined ? undefined : p.ownership.includes(f.ownership);
  return true;
}

export function evaluatePresence(rule: PresenceRule, ctx: EvalContext): RuleResult[] {
  const p = rule.params;
  const th = thresholdOf(rule, p.min, ctx.params);
  const out: RuleResult[] = [];
  const judged: RuleResult[] = [];
  let skipped = 0;
  const judge = (unit: UnitRef, facilityIdx: readonly number[]) => {
    let n = 0;
    let unknown: string[] | undefined;
    for (const fi of facilityIdx) {
      const c = counting[fi];
      if (c === 1) n++;
      else if (c === 2) (unknown ??= []).push(ctx.facilities[fi].id);
    }
    const view = unit.level === 'community' ? ('onsite' as const) : undefined;
    let r: RuleResult;
    if (meets(n, th)) r = makeResult(rule, unit, { value: n, threshold: th, measure: 'count', status: 'pass', shortfall: 0, view });
    else if (unknown) {
      r = makeResult(rule, unit, {
        value: n,
        threshold: th,
        measure: 'count',
        status: 'na',
        shortfall: null,
        view,
        reason: { key: 'reason.missingFacilityField', args: { ids: idList(unknown), field: p.inclusiveOnly ? 'inclusive' : 'ownership' } },
      });
    } else
      r = makeResult(rule, unit, {
        value: n,
        threshold: th,
        measure: 'count',
        status: 'fail',
        shortfall: roundShortfall(th - n, 'whole'),
        view,
        reason: n === 0 ? noFacilities : undefined,
      });
    out.push(r);
    judged.push(r);
  };
  // per facility, once: 1 counts, 0 does not, 2 cannot tell
  const counting = facilityColumn(ctx, `presence:${JSON.stringify([p.kinds, p.nameIncludes, p.inclusiveOnly, p.ownership])}`, (f) => {
    const c = counts(f, p);
    return c === true ? 1 : c === undefined ? 2 : 0;
  });
  const noFacilities: Msg = p.nameIncludes
    ? { key: 'reason.noNamedFacilities', args: { what: p.kinds.join('/'), words: p.nameIncludes.join(p.nameIncludes.length > 1 ? '”/“' : '') } }
    : { key: 'reason.noFacilities', args: { what: p.kinds.join('/') } };

  if (p.unit === 'community') {
    // in community order, those whose scope cannot be told among them
    const inRule = new Uint8Array(ctx.communities.length);
    const sc = scoped(ctx, p.scope);
    for (const ci of sc.scoped) inRule[ci] = 1;
    for (const ci of sc.unknown) inRule[ci] = 2;
    inRule.forEach((s, ci) => {
      if (ctx.only && !ctx.only[ci]) {
        // left out of this re-evaluation (core/reevaluate.ts), still one of the units judged
        if (s === 1) skipped++;
        return;
      }
      if (s === 2) out.push(na(rule, ctx.communityUnits[ci], 'count', { key: 'reason.missing', args: { what: 'builtYear' } }, th, 'onsite'));
      else if (s === 1) judge(ctx.communityUnits[ci], ctx.onsite[ci]);
    });
  } else if (p.unit === 'street') {
    // 涉农街道: a 街道 with a village among its communities
    const villageStreet = (si: number) => p.villageStreets === true && ctx.streetCommunities[si].some((ci) => ctx.communities[ci].type === 'rural');
    ctx.streets.forEach((s, si) => {
      const unit = ctx.streetUnits[si];
      if (p.streetTypes && !p.streetTypes.includes(s.type) && !villageStreet(si)) {
        if (p.conditionalOtherTypes) out.push(na(rule, unit, 'count', { key: 'reason.conditional' }, th));
        return;
      }
      judge(unit, ctx.streetFacilities[si]);
    });
  } else {
    judge(
      ctx.areaUnit,
      ctx.facilities.map((_, i) => i),
    );
  }

  const areaUnit = ctx.areaUnit;
  if (judged.length + skipped === 0 && p.unit !== 'area') {
    out.push(
      na(
        rule,
        areaUnit,
        'count',
        { key: 'reason.noUnits', args: { what: p.unit === 'street' ? (p.streetTypes ?? []).join('/') || 'streets' : (p.scope?.types ?? []).join('/') || 'communities' } },
        th,
      ),
    );
  } else if (p.areaShare !== undefined) {
    if (skipped > 0) throw new Error(`${rule.id}: the share of units that pass needs every unit judged (see restrictable())`);
    // the share has its own override key: `<id>:share` (e.g. threshold.ca.coverage.town:share=0.8)
    const share = thresholdOf({ ...rule, part: rule.part ? `${rule.part}.share` : 'share' }, p.areaShare, ctx.params);
    const unknown = judged.filter((r) => r.status === 'na');
    const passing = judged.filter((r) => r.status === 'pass').length;
    const value = passing / judged.length;
    const needed = roundShortfall(share * judged.length - passing, 'whole');
    if (meets(value, share)) out.push(makeResult(rule, areaUnit, { value, threshold: share, measure: 'share', status: 'pass', shortfall: 0 }));
    else if (unknown.length > 0 && needed <= unknown.length) {
      out.push(
        makeResult(rule, areaUnit, {
          value,
          threshold: share,
          measure: 'share',
          status: 'na',
          shortfall: null,
          reason: { key: 'reason.missing', args: { what: idList(unknown.map((r) => r.unit.id)) } },
        }),
      );
    } else out.push(makeResult(rule, areaUnit, { value, threshold: share, measure: 'share', status: 'fail', shortfall: needed }));
  }
  return out;
}
