// target: an area total reaches a planned number by a year (beds, new places since the baseline,
// institutions of an ownership, or the share of new communities whose 配建 passes). Evaluated for
// params.year: before the due year an unmet target is n/a ("not yet due") with the progress so far.
import type { Msg, RuleResult } from '../model';
import type { EvalContext } from './context';
import { idList, makeResult, meets, na, roundShortfall, thresholdOf, type UnitRef } from './result';
import type { TargetRule } from './types';
import { ELDERLY_KINDS } from '../model';

interface Measured {
  value: number;
  /** ids whose value is unknown: the measured value is a lower bound */
  unknown: string[];
  unknownField: string;
  measure: string;
  rounding: 'whole' | 'share';
  /** total the share is taken of (newAreaPassRate) */
  of?: number;
}

function measure(rule: TargetRule, ctx: EvalContext, prior: readonly RuleResult[]): Measured | Msg {
  const p = rule.params;
  const kinds = p.kinds ?? [];
  const facs = ctx.facilities.filter((f) => kinds.includes(f.kind));
  if (p.metric === 'beds' || p.metric === 'newPlaces') {
    const field = p.metric === 'beds' ? 'beds' : 'places';
    let sum = 0;
    const unknown: string[] = [];
    for (const f of facs) {
      const v = f[field];
      if (v === undefined) unknown.push(f.id);
      else sum += v;
    }
    if (p.metric === 'newPlaces') {
      if (ctx.area.baselinePlaces === undefined) return { key: 'reason.noBaseline' };
      sum -= ctx.area.baselinePlaces;
    }
    return { value: sum, unknown, unknownField: field, measure: p.metric === 'beds' ? 'beds' : 'places', rounding: 'whole' };
  }
  if (p.metric === 'count') {
    let n = 0;
    const unknown: string[] = [];
    for (const f of facs) {
      if (p.inclusiveOnly && f.inclusive === undefined) unknown.push(f.id);
      else if (p.ownership && f.ownership === undefined) unknown.push(f.id);
      else if ((!p.inclusiveOnly || f.inclusive === true) && (!p.ownership || (f.ownership !== undefined && p.ownership.includes(f.ownership)))) n++;
    }
    return { value: n, unknown, unknownField: p.inclusiveOnly ? 'inclusive' : 'ownership', measure: 'count', rounding: 'whole' };
  }
  // newAreaPassRate: a new community passes when all its on-site results of the listed rules pass
  // (and it holds an elderly-care facility on site where asked); one with an n/a result cannot be judged.
  const listed = p.rules ? new Set(p.rules) : undefined;
  const newOnes: number[] = [];
  ctx.communities.forEach((c, i) => {
    if (c.type === 'new') newOnes.push(i);
  });
  if (newOnes.length === 0) return { key: 'reason.noUnits', args: { what: 'type new' } };
  let passing = 0;
  const unknown: string[] = [];
  // without a list: every on-site (配建) community result of the profile. Per community: 1 = some
  // result fails, 2 = none fails but some is n/a
  const worst = new Uint8Array(ctx.communities.length);
  const index = newCommunityIndex(ctx);
  for (const r of prior) {
    if (r.view !== 'onsite' || r.unit.level !== 'community' || (listed && !listed.has(r.rule))) continue;
    const ci = index.get(r.unit);
    if (ci === undefined) continue;
    if (r.status === 'fail') worst[ci] = 1;
    else if (r.status === 'na' && worst[ci] === 0) worst[ci] = 2;
  }
  for (const i of newOnes) {
    const elderlyOk = !p.requireElderlyOnsite || ctx.onsite[i].some((fi) => ELDERLY_KINDS.includes(ctx.facilities[fi].kind));
    if (worst[i] === 1 || !elderlyOk) continue;
    if (worst[i] === 2) unknown.push(ctx.communities[i].id);
    else passing++;
  }
  return { value: passing / newOnes.length, unknown, unknownField: 'community results', measure: 'share', rounding: 'share', of: newOnes.length };
}

export function evaluateTarget(rule: TargetRule, ctx: EvalContext, prior: readonly RuleResult[]): RuleResult[] {
  const p = rule.params;
  const th = thresholdOf(rule, p.target, ctx.params);
  const unit = ctx.areaUnit;
  const m = measure(rule, ctx, prior);
  if ('key' in m) return [na(rule, unit, p.metric === 'newAreaPassRate' ? 'share' : p.metric === 'beds' ? 'beds' : p.metric === 'newPlaces' ? 'places' : 'count', m, th)];
  const shortfall = m.of !== undefined ? roundShortfall(th * m.of - m.value * m.of, 'whole') : roundShortfall(th - m.value, 'whole');
  if (meets(m.value, th)) {
    const reason: Msg | undefined =
      m.unknown.length > 0
        ? { key: 'reason.lowerBound', args: { ids: idList(m.unknown), field: m.unknownField } }
        : p.metric === 'newAreaPassRate'
          ? newAreaReason(rule, ctx, prior)
          : undefined;
    return [makeResult(rule, unit, { value: m.value, threshold: th, measure: m.measure, status: 'pass', shortfall: 0, reason })];
  }
  if (m.unknown.length > 0) {
    return [
      makeResult(rule, unit, {
        value: m.value,
        threshold: th,
        measure: m.measure,
        status: 'na',
        shortfall: null,
        reason: { key: 'reason.missingFacilityField', args: { ids: idList(m.unknown), field: m.unknownField } },
      }),
    ];
  }
  if (ctx.params.year < p.due) {
    return [
      makeResult(rule, unit, {
        value: m.value,
        threshold: th,
        measure: m.measure,
        status: 'na',
        shortfall,
        reason: { key: 'reason.notYetDue', args: { due: p.due, year: ctx.params.year, value: Math.round(m.value * 1000) / 1000, target: th } },
      }),
    ];
  }
  return [
    makeResult(rule, unit, {
      value: m.value,
      threshold: th,
      measure: m.measure,
      status: 'fail',
      shortfall,
      reason: p.metric === 'newAreaPassRate' ? newAreaReason(rule, ctx, prior) : undefined,
    }),
  ];
}

function newAreaReason(rule: TargetRule, ctx: EvalContext, prior: readonly RuleResult[]): Msg {
  let used = rule.params.rules;
  if (!used) {
    // the rules with an on-site result about a new community, in the order they first appear
    const seen = new Set<string>();
    const index = newCommunityIndex(ctx);
    for (const r of prior) {
      if (r.view !== 'onsite' || r.unit.level !== 'community' || seen.has(r.rule)) continue;
      if (index.has(r.unit)) seen.add(r.rule);
    }
    used = [...seen];
  }
  return { key: 'reason.newAreaRules', args: { rules: [...used, ...(rule.params.requireElderlyOnsite ? ['elderly on site'] : [])].join(', ') } };
}

/** the unit record of each new community (every community row is about one of ctx.communityUnits)
 *  → its index: the rows about other communities are passed over without a lookup by id */
function newCommunityIndex(ctx: EvalContext): Map<UnitRef, number> {
  const hit = ctx.memo.get('newCommunityIndex');
  if (hit) return hit as Map<UnitRef, number>;
  const m = new Map<UnitRef, number>();
  ctx.communities.forEach((c, i) => {
    if (c.type === 'new') m.set(ctx.communityUnits[i], i);
  });
  ctx.memo.set('newCommunityIndex', m);
  return m;
}
