// min_size: the largest (or summed) on-site facility of the kinds must reach N m² (ca.community.min:
// "每个社区至少配建一所300平方米的养老服务机构"). On-site only: 配建 means built in the community.
// A community with no such facility measures 0 m² (a known absence, not missing data).
import type { RuleResult } from '../model';
import { scoped, type EvalContext } from './context';
import { idList, makeResult, meets, na, roundShortfall, thresholdOf } from './result';
import { capacityOf } from './supply';
import type { MinSizeRule } from './types';

export function evaluateMinSize(rule: MinSizeRule, ctx: EvalContext): RuleResult[] {
  const p = rule.params;
  const th = thresholdOf(rule, p.min, ctx.params);
  const out: RuleResult[] = [];
  const supply = { kinds: p.kinds, field: 'floorArea' as const, bedArea: p.bedArea };
  const inRule = new Uint8Array(ctx.communities.length);
  const sc = scoped(ctx, p.scope);
  for (const ci of sc.scoped) inRule[ci] = 1;
  for (const ci of sc.unknown) inRule[ci] = 2;
  const noFacilities = { key: 'reason.noFacilities', args: { what: p.kinds.join('/') } };
  inRule.forEach((s, ci) => {
    if (s === 0 || (ctx.only && !ctx.only[ci])) return;
    const unit = ctx.communityUnits[ci];
    if (s === 2) {
      out.push(na(rule, unit, 'm2', { key: 'reason.missing', args: { what: 'builtYear' } }, th, 'onsite'));
      return;
    }
    let value = 0;
    let found = 0;
    let missing: string[] | undefined;
    for (const fi of ctx.onsite[ci]) {
      const f = ctx.facilities[fi];
      if (!p.kinds.includes(f.kind)) continue;
      const v = capacityOf(f, supply).value;
      if (v === undefined) (missing ??= []).push(f.id);
      else {
        value = p.aggregate === 'max' ? Math.max(value, v) : value + v;
        found++;
      }
    }
    if (meets(value, th)) {
      out.push(makeResult(rule, unit, { value, threshold: th, measure: 'm2', status: 'pass', shortfall: 0, view: 'onsite' }));
    } else if (missing) {
      out.push(
        makeResult(rule, unit, {
          value,
          threshold: th,
          measure: 'm2',
          status: 'na',
          shortfall: null,
          view: 'onsite',
          reason: { key: 'reason.missingFacilityField', args: { ids: idList(missing), field: 'floorArea' } },
        }),
      );
    } else {
      const reason = found === 0 ? noFacilities : undefined;
      out.push(makeResult(rule, unit, { value, threshold: th, measure: 'm2', status: 'fail', shortfall: roundShortfall(th - value, 'decimal'), view: 'onsite', reason }));
    }
  });
  if (sc.scoped.length + sc.unknown.length === 0) out.push(na(rule, ctx.areaUnit, 'm2', { key: 'reason.noUnits', args: { what: (p.scope?.types ?? []).join('/') } }, th));
  return out;
}
