// adjacency: an elderly-care facility has a health facility at the same site or nearby
// ("同址或邻近"; the documents give no distance, so params.colocateDistance, default 300 m).
// Straight-line (geodesic) distance: co-location is about sites, not walking routes.
import type { RuleResult } from '../model';
import { isPlaced } from '../reach/pair-output';
import { nearestAmong, straightNearest } from '../reach/straight';
import { facilitiesOfKinds, kindColumn, MEMO, type EvalContext, type FacilityEdit, type Prepared } from './context';
import type { FacilityChanges } from './coverage';
import { makeResult, na, roundShortfall, thresholdOf } from './result';
import { ruleKey, type AdjacencyRule } from './types';

/** how far to look for the nearest partner when none is within the threshold (to report the gap) */
const LOOK_FURTHER = 20;

/** The nearest partner of each subject within maxDistance, by facility index (kept with the
 *  prepared data; an edit hands it on: carryPartners). */
interface Partners {
  kinds: readonly string[];
  partners: readonly string[];
  maxDistance: number;
  /** per facility: its nearest partner's index (−1: none within maxDistance, or not a subject) and metres */
  partner: Int32Array;
  distance: Float64Array;
}

/** A rule's rows per facility index, with the partners they were worked out from; `stale`: the
 *  indices whose record an edit changed since (their rows, and the rows naming them, are not reused). */
interface KeptRows {
  rows: (RuleResult | undefined)[];
  partner: Int32Array;
  distance: Float64Array;
  stale?: Uint8Array;
}

const partnersKey = (kinds: readonly string[], partners: readonly string[], maxDistance: number) =>
  `${MEMO.adjacencyNearest}${kinds.join('/')}:${partners.join('/')}:${maxDistance}`;

function partnersOf(ctx: Prepared, kinds: readonly string[], partners: readonly string[], maxDistance: number): Partners {
  const key = partnersKey(kinds, partners, maxDistance);
  const hit = ctx.memo.get(key) as Partners | undefined;
  if (hit) return hit;
  const n = ctx.facilities.length;
  const out: Partners = { kinds, partners, maxDistance, partner: new Int32Array(n).fill(-1), distance: new Float64Array(n) };
  nearestPartners(ctx, out, facilitiesOfKinds(ctx, kinds));
  ctx.memo.set(key, out);
  return out;
}

/** The nearest partner of each of `subjects` (facility indices), searched among all partners:
 *  only the nearest matters (a dense city has hundreds within the search distance). */
function nearestPartners(ctx: Prepared, out: Partners, subjects: readonly number[]): void {
  if (subjects.length === 0) return;
  const partners = facilitiesOfKinds(ctx, out.partners);
  const pairs = straightNearest({ demand: subjects.map((i) => ctx.facilityPoints[i]), supply: partners.map((i) => ctx.facilityPoints[i]), maxDistance: out.maxDistance });
  subjects.forEach((fi, k) => {
    const has = pairs.offsets[k + 1] > pairs.offsets[k];
    out.partner[fi] = has ? partners[pairs.supply[pairs.offsets[k]]] : -1;
    out.distance[fi] = has ? pairs.distance[pairs.offsets[k]] : 0;
  });
}

/**
 * After an edit that kept every facility's index (core/reevaluate.ts): `now`'s nearest partners
 * from `old`'s. A subject keeps its nearest partner unless the subject or that partner changed, or
 * a partner the edit added or moved comes closer — the straight line to each (an equal distance is
 * searched in full, for the same tie-break); the others are searched again among all partners.
 * The rows are handed on with them (KeptRows), so a subject whose row reads the same keeps it.
 */
export function carryPartners(old: Prepared, now: Prepared, fe: FacilityEdit, edit: FacilityChanges): void {
  if (!fe.inPlace) return;
  const n = now.facilities.length;
  for (const [key, value] of old.memo) {
    if (key.startsWith('adjacency-rows:') && !now.memo.has(key)) {
      const was = value as KeptRows;
      now.memo.set(key, { rows: was.rows, partner: was.partner, distance: was.distance, stale: fe.changedNow } satisfies KeptRows);
    }
    if (!key.startsWith(MEMO.adjacencyNearest) || now.memo.has(key)) continue;
    const was = value as Partners;
    const out: Partners = { ...was, partner: new Int32Array(n).fill(-1), distance: new Float64Array(n) };
    out.partner.set(was.partner.subarray(0, Math.min(n, was.partner.length)));
    out.distance.set(was.distance.subarray(0, Math.min(n, was.distance.length)));
    const isSubject = kindColumn(now, was.kinds);
    const isPartner = kindColumn(now, was.partners);
    // the partners the edit added or moved (at their new place), and the subjects to search again
    const placed = edit.movedNow.filter((j) => isPartner[j] === 1 && isPlaced(now.facilityPoints[j]));
    const redo: number[] = [];
    for (const fi of facilitiesOfKinds(now, was.kinds)) {
      const p = out.partner[fi];
      // its partner taken out, moved or re-kinded (one whose capacity or name changed is the same partner)
      if (fe.changedNow[fi] || (p >= 0 && edit.moved.has(old.facilities[p].id))) {
        redo.push(fi);
        continue;
      }
      // the nearest newcomer (ties: the lower index, as straightNearest) against the kept partner
      const { index: best, metres: bestD } = nearestAmong(now.facilityPoints[fi], placed, now.facilityPoints);
      if (best < 0) continue;
      if (p >= 0 ? bestD < out.distance[fi] : bestD <= was.maxDistance) {
        out.partner[fi] = best;
        out.distance[fi] = bestD;
      } else if (p >= 0 && bestD === out.distance[fi]) redo.push(fi);
    }
    // subjects no longer of the kinds: none
    for (let j = 0; j < n; j++) if (!isSubject[j]) out.partner[j] = -1;
    nearestPartners(now, out, redo);
    now.memo.set(key, out);
  }
}

export function evaluateAdjacency(rule: AdjacencyRule, ctx: EvalContext): RuleResult[] {
  const p = rule.params;
  const th = thresholdOf(rule, ctx.params.colocateDistance, ctx.params);
  const subjects = facilitiesOfKinds(ctx, p.kinds);
  if (subjects.length === 0) return [na(rule, ctx.areaUnit, 'm', { key: 'reason.noFacilities', args: { what: p.kinds.join('/') } }, th)];
  const maxDistance = Math.max(th * LOOK_FURTHER, 5000);
  const near = partnersOf(ctx, p.kinds, p.partners, maxDistance);
  // a subject whose partner and metres are those of its kept row keeps the row
  const rowsKey = `adjacency-rows:${ruleKey(rule)}:${th}:${p.kinds.join('/')}:${p.partners.join('/')}`;
  const kept = ctx.memo.get(rowsKey) as KeptRows | undefined;
  const rows: (RuleResult | undefined)[] = [];
  const out = subjects.map((fi) => {
    const q = near.partner[fi];
    const d = q >= 0 ? near.distance[fi] : null;
    const reuse = kept !== undefined && fi < kept.rows.length && kept.partner[fi] === q && (q < 0 || kept.distance[fi] === d) && !kept.stale?.[fi] && (q < 0 || !kept.stale?.[q]);
    const row = (reuse ? kept.rows[fi] : undefined) ?? rowOf(rule, ctx, fi, q, d, th);
    rows[fi] = row;
    return row;
  });
  ctx.memo.set(rowsKey, { rows, partner: near.partner, distance: near.distance } satisfies KeptRows);
  return out;
}

function rowOf(rule: AdjacencyRule, ctx: EvalContext, fi: number, q: number, d: number | null, th: number): RuleResult {
  const p = rule.params;
  const unit = ctx.facilityUnits[fi];
  const nearest = q >= 0 ? ctx.facilities[q].id : undefined;
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
}
