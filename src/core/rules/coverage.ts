// coverage: share of residents (or of communities) within the service circle of a facility of the
// kinds — the walk from the community (on site, same block, along streets or straight: reach/
// community-reach.ts). Community rows name the nearest such facility and its distance (within the
// circle when they pass; beyond it, or "none in the project", when they fail; shortfall = its
// residents); street and area rows give the share and the residents (communities) still needed.
import type { Community, Msg, NearestFacilityRef, RuleResult } from '../model';
import { nearestAlongStreets, nearestFacilities, VIAS, type KeptSearch, type NearestFacility } from '../reach/community-reach';
import { isPlaced } from '../reach/pair-output';
import { nearestAmong } from '../reach/straight';
import { facilitiesOfKinds, kindColumn, kindsOf, MEMO, scopeKey, scopeRanks, scoped as scopedOf, type EvalContext, type FacilityEdit, type Prepared } from './context';
import { idList, makeResult, meets, na, roundShortfall, thresholdOf, type UnitRef } from './result';
import type { CoverageRule } from './types';

/** Per community: metres to the nearest facility of the kinds within the circle, null if none,
 *  undefined if the community could not be placed (network reach). */
export function nearestWithin(ctx: Prepared, kinds: readonly string[]): (number | null | undefined)[] {
  const key = `nearest:${kinds.join('/')}`;
  const hit = ctx.memo.get(key);
  if (hit) return hit as (number | null | undefined)[];
  const wanted = kindColumn(ctx, kinds);
  const { start, end, supply, distance } = ctx.reach;
  const out = ctx.communities.map((_, ci) => {
    if (ctx.unplaced[ci]) return undefined;
    for (let k = start[ci]; k < end[ci]; k++) if (wanted[supply[k]]) return distance[k];
    return null;
  });
  ctx.memo.set(key, out);
  return out;
}

/** Per community: the nearest facility of the kinds — within the circle from the reach pairs,
 *  beyond it (at any distance) for the communities with none inside; undefined where there is none
 *  in the project or the community could not be placed. */
export function nearestOfKinds(ctx: Prepared, kinds: readonly string[]): (NearestFacilityRef | undefined)[] {
  const key = `nearestRef:${kinds.join('/')}`;
  const hit = ctx.memo.get(key);
  if (hit) return hit as (NearestFacilityRef | undefined)[];
  const near = nearestWithin(ctx, kinds);
  const beyond = nearestBeyond(
    ctx,
    kinds,
    ctx.communities.flatMap((_, ci) => (near[ci] === null ? [ci] : [])),
  );
  const ref = (j: number, distance: number, via: NearestFacilityRef['via']): NearestFacilityRef => ({ id: ctx.facilities[j].id, name: ctx.facilities[j].name, distance, via });
  const { start, end, supply, distance, via } = ctx.reach;
  const wanted = kindColumn(ctx, kinds);
  const out: (NearestFacilityRef | undefined)[] = ctx.communities.map((_, ci) => {
    if (near[ci] === undefined) return undefined;
    if (near[ci] === null) return beyond.facility[ci] < 0 ? undefined : ref(beyond.facility[ci], beyond.distance[ci], VIAS[beyond.via[ci]]);
    for (let k = start[ci]; k < end[ci]; k++) if (wanted[supply[k]]) return ref(supply[k], distance[k], VIAS[via[k]]);
    return undefined;
  });
  ctx.memo.set(key, out);
  return out;
}

interface Beyond {
  /** the walk along the streets from the facilities of the kinds, kept for the communities a
   *  shorter circle leaves outside (one whole-city search less per kinds) */
  kept: KeptSearch;
  /** facility index, -1: none (or not asked yet: `known`) */
  facility: Int32Array;
  distance: Float64Array;
  via: Uint8Array;
  /** 1 where the community's nearest beyond has been searched for */
  known: Uint8Array;
}

/** Per community: its nearest facility of the kinds at any distance — what a community with none
 *  inside the circle is told — searched for the communities asked (those outside the circle), each
 *  once per layers. It depends on neither the radius nor the walks, so it is handed on between radii
 *  (context.ts, RADIUS_FREE) and a circle of other minutes searches only for the communities newly
 *  outside. Not for every community at once: on the 20 000-community city that search (straight
 *  lines: every pair within 2 km) cost the first analysis ≈ 1–1.7 s of CPU. Columns, not an object
 *  per community: a large city keeps one per kinds of every rule. */
function nearestBeyond(ctx: Prepared, kinds: readonly string[], outside: readonly number[]): Beyond {
  const key = `${MEMO.beyond}${kinds.join('/')}`;
  let out = ctx.memo.get(key) as Beyond | undefined;
  if (!out) {
    const n = ctx.communities.length;
    out = { kept: {}, facility: new Int32Array(n).fill(-1), distance: new Float64Array(n), via: new Uint8Array(n), known: new Uint8Array(n) };
    ctx.memo.set(key, out);
  }
  const known = out.known;
  const ask = outside.filter((ci) => !known[ci]);
  if (ask.length === 0) return out;
  for (const [ci, x] of nearestFacilities(ctx.reachEngine, ctx.places, ctx.facilityPoints, facilitiesOfKinds(ctx, kinds), ask, out.kept)) {
    out.facility[ci] = x.facility;
    out.distance[ci] = x.distance;
    out.via[ci] = VIAS.indexOf(x.via);
  }
  for (const ci of ask) known[ci] = 1;
  return out;
}

/**
 * After an edit of facilities (core/reevaluate.ts): `now`'s nearest-facility indexes of the kinds
 * from `old`'s, worked out again only for the communities whose walks hold a changed facility
 * (`walked`: before or after the edit) and, outside the circle, for those whose nearest facility
 * beyond it may have changed. A community outside keeps its nearest unless that one changed or a
 * changed facility of the kinds comes closer — the straight line to each, or along the streets one
 * search from the changed ones alone (nearestAlongStreets: a search from all candidates gives each
 * node the least of the single-source distances, to the bit); an equal distance is worked out in
 * full, for the same tie-break. Along streets a community whose nearest was a straight line (no
 * street path to any) is worked out again in full.
 */
export function carryNearest(old: Prepared, now: Prepared, kinds: readonly string[], walked: WalkedCommunities, edit: FacilityChanges): void {
  const changed = edit.moved;
  const nearKey = `nearest:${kinds.join('/')}`;
  const refKey = `nearestRef:${kinds.join('/')}`;
  if (now.memo.has(nearKey)) return;
  const oldNear = nearestWithin(old, kinds);
  const wanted = kindColumn(now, kinds);
  const wantedOld = kindColumn(old, kinds);
  // no changed facility of the kinds, before or after: the same candidates at the same places
  const involved = edit.movedNow.some((j) => wanted[j] === 1) || edit.movedOld.some((o) => wantedOld[o] === 1);
  const { start, end, supply, distance, via } = now.reach;
  // the communities whose nearest within the circle is worked out again, ascending
  const redoWithin = involved ? walked.list : walked.unplaced;
  const near = oldNear.slice();
  for (const ci of redoWithin) {
    let d: number | null | undefined = null;
    if (now.unplaced[ci]) d = undefined;
    else
      for (let k = start[ci]; k < end[ci]; k++)
        if (wanted[supply[k]]) {
          d = distance[k];
          break;
        }
    near[ci] = d;
  }
  now.memo.set(nearKey, near);
  // the classes (classesOf) unchanged: the same object, and the street and area sums with it
  const classKey = `classes:${kinds.join('/')}`;
  const oldClasses = old.memo.get(classKey) as Uint8Array | undefined;
  if (oldClasses && redoWithin.every((ci) => classOf(near[ci]) === oldClasses[ci])) now.memo.set(classKey, oldClasses);
  const oldRef = old.memo.get(refKey) as (NearestFacilityRef | undefined)[] | undefined;
  if (!oldRef) return; // not asked for before: built in full when asked
  const ref = (j: number, d: number, v: NearestFacilityRef['via']): NearestFacilityRef => ({ id: now.facilities[j].id, name: now.facilities[j].name, distance: d, via: v });
  const out = oldRef.slice();
  const keep: number[] = [];
  const redo: number[] = [];
  const straight = now.reachEngine.mode === 'straight';
  const redoRef = (ci: number) => {
    if (near[ci] === null) {
      const o = oldRef[ci];
      if (oldNear[ci] === null && !involved) return; // the same nearest, at the same distance
      if (oldNear[ci] === null && o !== undefined && !changed.has(o.id) && (straight || o.via === 'streets')) keep.push(ci);
      else redo.push(ci);
    } else {
      out[ci] = undefined;
      if (near[ci] !== undefined)
        for (let k = start[ci]; k < end[ci]; k++)
          if (wanted[supply[k]]) {
            out[ci] = ref(supply[k], distance[k], VIAS[via[k]]);
            break;
          }
    }
  };
  // a community outside the circle before and after is looked at only when a facility of the
  // kinds moved (involved); the others only where their walks were worked out again
  if (involved)
    for (let ci = 0, r = 0; ci < out.length; ci++) {
      const again = redoWithin[r] === ci;
      if (again) r++;
      if (again || near[ci] === null) redoRef(ci);
    }
  else for (const ci of redoWithin) redoRef(ci);
  const candidates = facilitiesOfKinds(now, kinds);
  const placed = edit.movedNow.filter((j) => wanted[j] === 1 && isPlaced(now.facilityPoints[j]));
  for (const [ci, n] of newcomersNearer(now, placed, keep, oldRef)) {
    if (n === 'tie') redo.push(ci);
    else out[ci] = ref(n.facility, n.distance, n.via);
  }
  for (const ci of redo) out[ci] = undefined;
  for (const [ci, n] of nearestFacilities(now.reachEngine, now.places, now.facilityPoints, candidates, redo)) out[ci] = ref(n.facility, n.distance, n.via);
  renameRefs(out, edit.renamed);
  now.memo.set(refKey, out);
}

/** The kept communities a newcomer (`placed`: facilities the edit added or moved, of the kinds)
 *  is nearer to than their kept nearest — straight, or along the streets (none: keeps its own) —
 *  or exactly as near ('tie': searched in full, for the same tie-break). */
function newcomersNearer(
  now: Prepared,
  placed: readonly number[],
  keep: readonly number[],
  oldRef: readonly (NearestFacilityRef | undefined)[],
): Map<number, NearestFacility | 'tie'> {
  const out = new Map<number, NearestFacility | 'tie'>();
  if (placed.length === 0 || keep.length === 0) return out;
  const straight = now.reachEngine.mode === 'straight';
  let far = 0;
  for (const ci of keep) far = Math.max(far, (oldRef[ci] as NearestFacilityRef).distance);
  const along = straight ? null : nearestAlongStreets(now.reachEngine, now.places, now.facilityPoints, placed, keep, far);
  for (const ci of keep) {
    let best = -1;
    let d = Infinity;
    if (along) {
      const n = along.get(ci);
      if (n) ({ facility: best, distance: d } = n);
    } else ({ index: best, metres: d } = nearestAmong(now.places[ci].point, placed, now.facilityPoints));
    const o = oldRef[ci] as NearestFacilityRef;
    if (d < o.distance) out.set(ci, { facility: best, distance: d, via: straight ? 'straight' : 'streets' });
    else if (d === o.distance) out.set(ci, 'tie');
  }
  return out;
}

/** The communities whose walks hold a changed facility (before or after the edit), as a mask and
 *  ascending, and among them those whose placement changed (reach.unplacedDemand). */
export interface WalkedCommunities {
  mask: Uint8Array;
  list: number[];
  unplaced: number[];
}

/** A facility renamed where it stands: the rows naming it say its new name. */
function renameRefs(out: (NearestFacilityRef | undefined)[], renamed: ReadonlyMap<string, string>): void {
  if (renamed.size === 0) return;
  out.forEach((r, ci) => {
    const name = r && renamed.get(r.id);
    if (r && name !== undefined) out[ci] = { ...r, name };
  });
}

/** The facilities an edit changed, by id: `moved` — added, deleted, or another kind, place or
 *  walks (their column: a new link to a community changes those), with their indices before
 *  (`movedOld`) and after (`movedNow`) the edit; `renamed` — only another name (→ the new name),
 *  at the same place. Any other change (capacity, ownership …) moves no circle. */
export interface FacilityChanges {
  moved: ReadonlySet<string>;
  movedOld: number[];
  movedNow: number[];
  renamed: ReadonlyMap<string, string>;
}

export function facilityChanges(old: Prepared, now: Prepared, edit: FacilityEdit): FacilityChanges {
  const at = (c: Prepared, mask: Uint8Array) => {
    const m = new Map<string, number>();
    for (let j = 0; j < mask.length; j++) if (mask[j]) m.set(c.facilities[j].id, j);
    return m;
  };
  const a = at(old, edit.changedOld);
  const b = at(now, edit.changedNow);
  const moved = new Set<string>();
  const renamed = new Map<string, string>();
  for (const id of edit.changed) {
    const o = a.get(id);
    const n = b.get(id);
    const same =
      o !== undefined &&
      n !== undefined &&
      old.facilities[o].kind === now.facilities[n].kind &&
      old.facilityPoints[o][0] === now.facilityPoints[n][0] &&
      old.facilityPoints[o][1] === now.facilityPoints[n][1] &&
      old.reach.columns !== undefined &&
      old.reach.columns[o] === now.reach.columns?.[n];
    if (!same) moved.add(id);
    else if (old.facilities[o].name !== now.facilities[n].name) renamed.set(id, now.facilities[n].name);
  }
  const movedOld: number[] = [];
  const movedNow: number[] = [];
  for (const [id, o] of a) if (moved.has(id)) movedOld.push(o);
  for (const [id, j] of b) if (moved.has(id)) movedNow.push(j);
  return { moved, movedOld: movedOld.sort((x, y) => x - y), movedNow: movedNow.sort((x, y) => x - y), renamed };
}

/** A street's or the area's communities in a coverage rule: how many, the weight of those whose
 *  class is known and of those within the circle, those whose weight or placement is missing, and
 *  whether one's scope cannot be told. */
interface ShareSums {
  n: number;
  total: number;
  covered: number;
  lack: string[];
  undetermined: boolean;
}

/** Per community: 0 could not be placed, 1 no facility of the kinds within the circle, 2 one within
 *  — all a street or area row of a coverage rule reads of the walks. carryNearest() hands the same
 *  object on when an edit changed no community's class, and with it the sums worked out on it. */
function classesOf(ctx: Prepared, kinds: readonly string[]): Uint8Array {
  const key = `classes:${kinds.join('/')}`;
  const hit = ctx.memo.get(key) as Uint8Array | undefined;
  if (hit) return hit;
  const near = nearestWithin(ctx, kinds);
  const out = new Uint8Array(near.length);
  for (let ci = 0; ci < near.length; ci++) out[ci] = classOf(near[ci]);
  ctx.memo.set(key, out);
  return out;
}

const classOf = (d: number | null | undefined): number => (d === undefined ? 0 : d === null ? 1 : 2);

const sumsKept = new WeakMap<Uint8Array, Map<string, ShareSums>>();

function sumsOf(ctx: Prepared, kinds: readonly string[]): Map<string, ShareSums> {
  const classes = classesOf(ctx, kinds);
  let m = sumsKept.get(classes);
  if (!m) {
    m = new Map();
    sumsKept.set(classes, m);
  }
  return m;
}

/** Metres for people: a walk beyond the circle is rounded up, so it never reads as the limit itself. */
function metres(d: number, beyond: boolean): number {
  return beyond ? Math.ceil(d) : Math.round(d);
}

function circleReason(n: NearestFacilityRef, limit: number, pass: boolean): Msg {
  return { key: pass ? `reason.within.${n.via}` : `reason.outside.${n.via}`, args: { name: n.name, id: n.id, distance: metres(n.distance, !pass), limit: Math.round(limit) } };
}

export function evaluateCoverage(rule: CoverageRule, ctx: EvalContext): RuleResult[] {
  const p = rule.params;
  const th = thresholdOf(rule, p.min, ctx.params);
  const kinds = kindsOf(p.kinds, ctx.params);
  const near = nearestWithin(ctx, kinds);
  const nearest = rule.levels.includes('community') ? nearestOfKinds(ctx, kinds) : [];
  const out: RuleResult[] = [];
  const { scoped, unknown: undetermined } = scopedOf(ctx, p.scope);
  const undeterminedSet = new Set(undetermined);
  const radius = Math.round(ctx.radius * 10) / 10;

  if (rule.levels.includes('community')) {
    const only = ctx.only;
    for (const ci of undetermined) {
      if (only && !only[ci]) continue;
      out.push(na(rule, ctx.communityUnits[ci], 'm', { key: 'reason.missing', args: { what: 'builtYear' } }, radius));
    }
    for (const ci of scoped) {
      if (only && !only[ci]) continue;
      const c = ctx.communities[ci];
      const unit = ctx.communityUnits[ci];
      const d = near[ci];
      const n = nearest[ci];
      if (d === undefined) out.push(na(rule, unit, 'm', { key: 'reason.unplaced', args: { distance: ctx.params.snapDistance } }, radius));
      else if (d !== null)
        out.push(
          withNearest(
            makeResult(rule, unit, {
              value: Math.round(d * 10) / 10,
              threshold: radius,
              measure: 'm',
              status: 'pass',
              shortfall: 0,
              ...(n ? { reason: circleReason(n, ctx.radius, true) } : {}),
            }),
            n,
          ),
        );
      else {
        const shortfall = p.basis === 'residents' ? (c.population ?? null) : 1;
        // the walk beyond the circle, rounded up to 0.1 m so a failing value never shows as the limit
        if (n)
          out.push(
            withNearest(
              makeResult(rule, unit, {
                value: Math.ceil(n.distance * 10) / 10,
                threshold: radius,
                measure: 'm',
                status: 'fail',
                shortfall,
                reason: circleReason(n, ctx.radius, false),
              }),
              n,
            ),
          );
        else
          out.push(
            makeResult(rule, unit, {
              value: null,
              threshold: radius,
              measure: 'm',
              status: 'fail',
              shortfall,
              reason: { key: 'reason.noneInProject', args: { what: kinds.join('/') } },
            }),
          );
      }
    }
  }

  // the sums of a street or the area, kept while no community of the kinds changed class
  const sums = sumsOf(ctx, kinds);
  const sumKey = `${p.basis}|${scopeKey(p.scope)}`;
  const share = (members: () => number[], unit: UnitRef): RuleResult | undefined => {
    const key = `${sumKey}|${unit.level}|${unit.id}`;
    let sum = sums.get(key);
    if (!sum) {
      const idx = members();
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
      sum = { n: idx.length, total, covered, lack: lack.map((c) => c.id), undetermined: idx.some((ci) => undeterminedSet.has(ci)) };
      sums.set(key, sum);
    }
    if (sum.n === 0) return undefined;
    const { total, covered, lack } = sum;
    const measure = 'share';
    if (lack.length > 0 || sum.undetermined) {
      return na(rule, unit, measure, { key: 'reason.missing', args: { what: `${p.basis === 'residents' ? 'population' : 'placement'} (${idList(lack)})` } }, th);
    }
    if (total === 0) return na(rule, unit, measure, { key: 'reason.noDemand', args: { what: p.basis === 'residents' ? 'population' : 'communities' } }, th);
    const value = covered / total;
    return meets(value, th)
      ? makeResult(rule, unit, { value, threshold: th, measure, status: 'pass', shortfall: 0 })
      : makeResult(rule, unit, { value, threshold: th, measure, status: 'fail', shortfall: roundShortfall(th * total - covered, 'whole') });
  };

  if (rule.levels.includes('street')) {
    // in the order the rule always listed them: scoped communities first, then undetermined ones
    ctx.streetCommunities.forEach((members, si) => {
      const row = share(() => {
        const r = scopeRanks(ctx, p.scope);
        return [...members.filter((ci) => r[ci] === 1), ...members.filter((ci) => r[ci] === 2)];
      }, ctx.streetUnits[si]);
      if (row) out.push(row);
    });
  }
  if (rule.levels.includes('area')) {
    const areaUnit = ctx.areaUnit;
    if (scoped.length + undetermined.length === 0) out.push(na(rule, areaUnit, 'share', { key: 'reason.noUnits', args: { what: (p.scope?.types ?? []).join('/') } }, th));
    else out.push(share(() => [...scoped, ...undetermined], areaUnit) as RuleResult);
  }
  return out;
}

function withNearest(r: RuleResult, n: NearestFacilityRef | undefined): RuleResult {
  if (n) r.nearest = n;
  return r;
}
