// target: an area total reaches a planned number by a year (beds, new places since the baseline,
// institutions of an ownership, or the share of new communities whose 配建 passes). Evaluated for
// params.year: before the due year an unmet target is n/a ("not yet due") with the progress so far.
import type { Msg, RuleResult } from '../model';
import { facilitiesOfKinds, facilityColumn, MEMO, type EvalContext } from './context';
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
  /** newAreaPassRate: the rules read */
  used?: readonly string[];
}

/** per column of what the totals read of each facility (below): the totals worked out on it */
const totalsKept = new WeakMap<readonly string[], Map<string, Measured | Msg>>();

function measure(rule: TargetRule, ctx: EvalContext, prior: readonly RuleResult[] | NewAreaRead): Measured | Msg {
  const p = rule.params;
  if (p.metric !== 'beds' && p.metric !== 'newPlaces' && p.metric !== 'count') return shareOfNew(rule, ctx, prior);
  // what a total reads of each facility of the kinds, as text: an edit that changed none of it
  // (a move, a capacity of another field or kind) hands the same column on (carryFacilityColumns),
  // and with it the totals — no pass over every facility of the kinds per edit
  const kinds = p.kinds ?? [];
  const reads = facilityColumn(ctx, `target-reads:${kinds.join('/')}`, (f) =>
    kinds.includes(f.kind) ? [f.id, f.beds, f.places, f.inclusive, f.ownership].map(String).join('\u0000') : '',
  );
  let kept = totalsKept.get(reads);
  if (!kept) totalsKept.set(reads, (kept = new Map()));
  const key = JSON.stringify([p, ctx.area.baselinePlaces]);
  let m = kept.get(key);
  if (!m) kept.set(key, (m = total(rule, ctx)));
  return m;
}

/** A beds, new places or count target's total over the facilities of its kinds. */
function total(rule: TargetRule, ctx: EvalContext): Measured | Msg {
  const p = rule.params;
  const kinds = p.kinds ?? [];
  const facs = facilitiesOfKinds(ctx, kinds).map((j) => ctx.facilities[j]);
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
  // count
  let n = 0;
  const unknown: string[] = [];
  for (const f of facs) {
    if (p.inclusiveOnly && f.inclusive === undefined) unknown.push(f.id);
    else if (p.ownership && f.ownership === undefined) unknown.push(f.id);
    else if ((!p.inclusiveOnly || f.inclusive === true) && (!p.ownership || (f.ownership !== undefined && p.ownership.includes(f.ownership)))) n++;
  }
  return { value: n, unknown, unknownField: p.inclusiveOnly ? 'inclusive' : 'ownership', measure: 'count', rounding: 'whole' };
}

/** A newAreaPassRate target's share of the new communities that pass. */
function shareOfNew(rule: TargetRule, ctx: EvalContext, prior: readonly RuleResult[] | NewAreaRead): Measured | Msg {
  const read = prior instanceof NewAreaRead ? prior : newAreaRead(rule, ctx, prior);
  if (read.newOnes.length === 0) return { key: 'reason.noUnits', args: { what: 'type new' } };
  let passing = 0;
  const unknown: string[] = [];
  for (const i of read.newOnes) {
    if (read.state[i] === 2) unknown.push(ctx.communities[i].id);
    else if (read.state[i] === 0) passing++;
  }
  return { value: passing / read.newOnes.length, unknown, unknownField: 'community results', measure: 'share', rounding: 'share', of: read.newOnes.length, used: read.used };
}

/**
 * What a newAreaPassRate target reads of the other rules' results: per new community whether it
 * passes (0: all its on-site results of the listed rules pass, or of every rule without a list, and
 * it holds an elderly-care facility on site where asked), fails (1) or cannot be judged (2: none
 * fails but one is n/a); and the rules with an on-site result about a new community, in the order
 * they first appear. core/reevaluate.ts keeps it and updates the communities an edit redid (`update`).
 */
export class NewAreaRead {
  constructor(
    readonly newOnes: readonly number[],
    readonly state: Uint8Array,
    readonly used: readonly string[],
  ) {}

  /** the same, with community i judged again from its rows (in run order) */
  update(rule: TargetRule, ctx: EvalContext, i: number, rows: readonly RuleResult[]): void {
    let worst = 0;
    const listed = rule.params.rules;
    for (const r of rows) if (r.view === 'onsite' && (!listed || listed.includes(r.rule))) worst = worse(worst, r.status);
    this.state[i] = stateOf(rule, ctx, i, worst);
  }
}

const worse = (worst: number, status: RuleResult['status']): number => (status === 'fail' ? 1 : status === 'na' && worst === 0 ? 2 : worst);

function stateOf(rule: TargetRule, ctx: EvalContext, i: number, worst: number): number {
  const elderlyOk = !rule.params.requireElderlyOnsite || ctx.onsite[i].some((fi) => ELDERLY_KINDS.includes(ctx.facilities[fi].kind));
  return worst === 1 || !elderlyOk ? 1 : worst;
}

/** NewAreaRead from the results of the rules run before (`prior`: at least every row about a new community). */
export function newAreaRead(rule: TargetRule, ctx: EvalContext, prior: readonly RuleResult[]): NewAreaRead {
  const listed = rule.params.rules ? new Set(rule.params.rules) : undefined;
  const newOnes: number[] = [];
  ctx.communities.forEach((c, i) => {
    if (c.type === 'new') newOnes.push(i);
  });
  // without a list: every on-site (配建) community result of the profile
  const worst = new Uint8Array(ctx.communities.length);
  const index = newCommunityIndex(ctx);
  const seen = new Set<string>();
  for (const r of prior) {
    if (r.view !== 'onsite' || r.unit.level !== 'community') continue;
    const ci = index.get(r.unit);
    if (ci === undefined) continue;
    seen.add(r.rule);
    if (!listed || listed.has(r.rule)) worst[ci] = worse(worst[ci], r.status);
  }
  const state = new Uint8Array(ctx.communities.length);
  for (const i of newOnes) state[i] = stateOf(rule, ctx, i, worst[i]);
  return new NewAreaRead(newOnes, state, rule.params.rules ?? [...seen]);
}

/** A target's row; `prior` (the rows of the rules run before, or what a newAreaPassRate target
 *  reads of them) is read by newAreaPassRate alone. */
export function evaluateTarget(rule: TargetRule, ctx: EvalContext, prior: readonly RuleResult[] | NewAreaRead): RuleResult[] {
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
          ? newAreaReason(rule, m)
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
      reason: p.metric === 'newAreaPassRate' ? newAreaReason(rule, m) : undefined,
    }),
  ];
}

function newAreaReason(rule: TargetRule, m: Measured): Msg {
  return { key: 'reason.newAreaRules', args: { rules: [...(m.used ?? []), ...(rule.params.requireElderlyOnsite ? ['elderly on site'] : [])].join(', ') } };
}

/** the unit record of each new community (every community row is about one of ctx.communityUnits)
 *  → its index: the rows about other communities are passed over without a lookup by id. These
 *  communities' rows and on-site facilities are all a newAreaPassRate target reads of the results
 *  and facilities (core/reevaluate.ts runs it again only when one of them was redone, with their
 *  rows alone). */
export function newCommunityIndex(ctx: EvalContext): Map<UnitRef, number> {
  const hit = ctx.memo.get(MEMO.newCommunityIndex);
  if (hit) return hit as Map<UnitRef, number>;
  const m = new Map<UnitRef, number>();
  ctx.communities.forEach((c, i) => {
    if (c.type === 'new') m.set(ctx.communityUnits[i], i);
  });
  ctx.memo.set(MEMO.newCommunityIndex, m);
  return m;
}
