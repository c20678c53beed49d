// Re-evaluating after an edit of facilities (add, move, delete, a capacity or any other field):
// only the communities whose inputs changed get their rows computed again; street, facility and
// area rows are computed again from sums and per-facility columns carried over from the last run
// (a co-location row whose partner and metres are unchanged is handed on as the same object, so
// the delta passes it by identity). A community's rows
// read its own record, its on-site facilities, its walks to facilities within the circle (coverage,
// 2SFCA shares: a facility's share ratio changes only when the facility or its catchment does) and
// the nearest facility of some kinds anywhere (named when none is within the circle). So the
// communities to redo are those whose on-site facilities or walks hold a changed facility, before
// or after the edit, plus those whose placement or nearest facility changed. Anything else — the
// communities, streets, area, profile, parameters or reach engine changed — and the caller
// evaluates in full (null). The rows keep the places a full evaluation gives them, so the results
// equal evaluate()'s in order too (tests/service/edit-delta.test.ts checks every step).
import { evaluateParts, evaluationOf, type EvaluateOptions, type Evaluation } from './evaluate';
import { alignedEnds, changedRows, sameResult, type EvaluationDelta } from './evaluation-delta';
import type { AreaInfo, Facility, Layers, NearestFacilityRef, RuleResult } from './model';
import { resolveParams, type Params } from './params';
import { reachEngineFor } from './reach/choose';
import type { ReachEngine } from './reach/types';
import { buildContext, carryFacilityColumns, COMMUNITIES_ONLY, facilityEdit, kindsOf, memoIn, type EvalContext } from './rules/context';
import { carryPartners } from './rules/adjacency';
import { carryNearest, facilityChanges, nearestOfKinds, nearestWithin, type WalkedCommunities } from './rules/coverage';
import { carryShares } from './rules/ratio';
import { dependent, evaluateRule, joined, restrictable } from './rules/registry';
import type { UnitRef } from './rules/result';
import { NewAreaRead, newAreaRead, newCommunityIndex } from './rules/target';
import type { Rule, TargetRule } from './rules/types';

type Data = Layers & { area: AreaInfo };

interface Kept {
  data: Data;
  ctx: EvalContext;
  engine: ReachEngine;
  /** the profile's rules in run order, and the results of each */
  rules: Rule[];
  lists: RuleResult[][];
  /** built on the first edit after a full evaluation, then kept (rows keep their places) */
  layout?: Layout;
  /** per dependent rule, what it read of the others' rows (rules/target.ts), once an edit asked */
  reads?: (NewAreaRead | undefined)[];
}

/** Where each community's rows sit in each rule's list: every list starts with its community rows
 *  (`head` of them); those of community ci are at positions[r][offsets[r][ci] … offsets[r][ci + 1]]. */
interface Layout {
  index: Map<UnitRef, number>;
  head: number[];
  offsets: Uint32Array[];
  positions: Uint32Array[];
  /** the communities whose rows a dependent rule reads (rules/target.ts, newCommunityIndex), and
   *  per rule the positions of their rows, ascending */
  read: Uint8Array;
  readAt: Uint32Array[];
}

const kept = new WeakMap<Evaluation, Kept>();

/** evaluate(), keeping what reevaluate() needs to answer the next edit of facilities. */
export function evaluateForEdits(data: Data, opts: EvaluateOptions): Evaluation {
  const p = evaluateParts(data, opts);
  kept.set(p.evaluation, { data, ctx: p.ctx, engine: p.engine, rules: p.rules, lists: p.lists });
  return p.evaluation;
}

export interface Reevaluation {
  evaluation: Evaluation;
  /** the units whose results differ from `prev`'s */
  delta: EvaluationDelta;
  /** how many communities had their rows worked out again */
  redone: number;
}

/** The evaluation of `data` — `prev`'s layers after an edit of facilities — with the units whose
 *  results changed; null when `prev` was not kept by evaluateForEdits() or more than facilities
 *  changed (the caller evaluates in full). */
export function reevaluate(prev: Evaluation, data: Data, opts: EvaluateOptions): Reevaluation | null {
  const k = kept.get(prev);
  if (!k || opts.profile !== prev.profile) return null;
  const params = resolveParams(opts.params);
  if (JSON.stringify(params) !== JSON.stringify(prev.params)) return null;
  const was = k.data;
  if (data.communities !== was.communities || data.streets !== was.streets || data.area !== was.area || data.roads !== was.roads) return null;
  const engine = opts.reach ?? reachEngineFor(params, data.roads);
  if (engine.mode === 'straight' ? k.engine.mode !== 'straight' : engine !== k.engine) return null;
  const ctx = buildContext(data, params, engine);
  const old = k.ctx;
  // the same prepared communities (their unit records are shared), so the same community indices
  if (ctx.communityUnits !== old.communityUnits || ctx.radius !== old.radius) return null;
  k.layout ??= layoutOf(k) ?? undefined;
  const layout = k.layout;
  if (!layout) return null;
  for (const [key, v] of old.memo) if (memoIn(COMMUNITIES_ONLY, key) && !ctx.memo.has(key)) ctx.memo.set(key, v);
  const { dirty, circlesKept } = dirtyCommunities(old, was.facilities, ctx, data.facilities, k.rules, params);
  const lists = rerun(k, layout, ctx, dirty);
  if (!lists) return null;
  const evaluation = lazyResults(evaluationOf(prev.profile, ctx, [], circlesKept ? prev.coverage : undefined), lists.lists);
  kept.set(evaluation, { data, ctx, engine, rules: k.rules, lists: lists.lists, layout, reads: lists.reads });
  return { evaluation, delta: deltaOf(k, layout, lists.lists, lists.changed, evaluation), redone: dirty.reduce((s, x) => s + x, 0) };
}

/** The evaluation with its results joined from the lists when first read: an edit's answer is
 *  its delta, and the next edit reads the lists (joining 92 000 rows costs ≈ 10 ms). */
function lazyResults(e: Evaluation, lists: readonly RuleResult[][]): Evaluation {
  let results: RuleResult[] | undefined;
  Object.defineProperty(e, 'results', {
    get: () => (results ??= joined(lists)),
    set: (x: RuleResult[]) => {
      results = x;
    },
    enumerable: true,
    configurable: true,
  });
  return e;
}

function layoutOf(k: Kept): Layout | null {
  const n = k.ctx.communities.length;
  const index = new Map<UnitRef, number>(k.ctx.communityUnits.map((u, i) => [u, i]));
  const read = new Uint8Array(n);
  for (const ci of newCommunityIndex(k.ctx).values()) read[ci] = 1;
  const out: Layout = { index, head: [], offsets: [], positions: [], read, readAt: [] };
  for (const list of k.lists) {
    const head = communityHead(list);
    if (head < 0) return null;
    const offsets = new Uint32Array(n + 1);
    const rowOf = new Int32Array(head);
    for (let i = 0; i < head; i++) {
      const ci = index.get(list[i].unit);
      if (ci === undefined) return null;
      rowOf[i] = ci;
      offsets[ci + 1]++;
    }
    for (let ci = 0; ci < n; ci++) offsets[ci + 1] += offsets[ci];
    const fill = offsets.slice(0, n);
    const positions = new Uint32Array(head);
    const readAt: number[] = [];
    for (let i = 0; i < head; i++) {
      positions[fill[rowOf[i]]++] = i;
      if (read[rowOf[i]]) readAt.push(i);
    }
    out.readAt.push(Uint32Array.from(readAt));
    out.head.push(head);
    out.offsets.push(offsets);
    out.positions.push(positions);
  }
  return out;
}

/** How many rows a rule's list starts with that are about communities; -1 if one comes later. */
function communityHead(list: readonly RuleResult[]): number {
  let head = 0;
  while (head < list.length && list[head].unit.level === 'community') head++;
  for (let i = head; i < list.length; i++) if (list[i].unit.level === 'community') return -1;
  return head;
}

const sameRef = (a: NearestFacilityRef | undefined, b: NearestFacilityRef | undefined): boolean =>
  a === b || (a !== undefined && b !== undefined && a.id === b.id && a.name === b.name && a.distance === b.distance && a.via === b.via);

/** The communities whose rows may differ after the edit (1), see the header. */
function dirtyCommunities(
  old: EvalContext,
  oldRaw: readonly Facility[],
  now: EvalContext,
  nowRaw: readonly Facility[],
  rules: readonly Rule[],
  params: Params,
): { dirty: Uint8Array; circlesKept: boolean } {
  const fe = facilityEdit(old, now, oldRaw, nowRaw);
  const { changedOld, changedNow } = fe;
  if (fe.inPlace) carryFacilityColumns(old, now, fe.at);
  const n = now.communities.length;
  const dirty = new Uint8Array(n);
  const mark = (c: EvalContext, changed: Uint8Array) => {
    const { start, end, supply, columns } = c.reach;
    // the changed facilities' columns: the communities that reach each, on site included
    // (proportional to the edit)
    if (columns) {
      for (let j = 0; j < changed.length; j++) if (changed[j]) for (const ci of columns[j].community) dirty[ci] = 1;
      return;
    }
    for (let ci = 0; ci < n; ci++) {
      for (let q = start[ci]; q < end[ci]; q++) {
        if (changed[supply[q]]) {
          dirty[ci] = 1;
          break;
        }
      }
    }
    c.onsite.forEach((fs, ci) => {
      for (const f of fs) if (changed[f]) dirty[ci] = 1;
    });
  };
  mark(old, changedOld);
  mark(now, changedNow);
  const unplaced: number[] = [];
  for (let ci = 0; ci < n; ci++)
    if (old.unplaced[ci] !== now.unplaced[ci]) {
      dirty[ci] = 1;
      unplaced.push(ci);
    }
  // the nearest facility of some kinds: within the circle from the walks (dirty above when they
  // changed), beyond it (named where none is within) any facility of the kinds anywhere
  const list: number[] = [];
  for (let ci = 0; ci < n; ci++) if (dirty[ci]) list.push(ci);
  const walked: WalkedCommunities = { mask: dirty.slice(), list, unplaced };
  const kindsSeen = new Set<string>();
  const edit = facilityChanges(old, now, fe);
  // the co-location rule's nearest partners (rules/adjacency.ts), like the nearest facility
  carryPartners(old, now, fe, edit);
  for (const r of rules) {
    if (r.kind !== 'coverage') continue;
    const kinds = kindsOf(r.params.kinds, params);
    carryNearest(old, now, kinds, walked, edit);
    const key = kinds.join('/');
    if (!r.levels.includes('community') || kindsSeen.has(key)) continue;
    kindsSeen.add(key);
    const before = nearestOfKinds(old, kinds);
    const after = nearestOfKinds(now, kinds);
    for (let ci = 0; ci < n; ci++) if (!sameRef(before[ci], after[ci])) dirty[ci] = 1;
  }
  // the circle coverage of the evaluation: the same communities outside each circle (only the
  // walked ones can have moved across it), the same coverage
  let circlesKept = true;
  for (const kinds of [params.elderlyCircleKinds, params.childcareCircleKinds]) {
    carryNearest(old, now, kinds, walked, edit);
    const a = nearestWithin(old, kinds);
    const b = nearestWithin(now, kinds);
    if (walked.list.some((ci) => (a[ci] === null) !== (b[ci] === null))) circlesKept = false;
  }
  // the 2SFCA shares change only for the communities walked (above)
  carryShares(old, now, walked, fe);
  return { dirty, circlesKept };
}

/** Each rule's results after the edit, with the communities whose rows differ (null: the rows do
 *  not fit the layout, evaluate in full). */
function rerun(k: Kept, layout: Layout, ctx: EvalContext, dirty: Uint8Array): { lists: RuleResult[][]; changed: Uint8Array; reads: (NewAreaRead | undefined)[] } | null {
  const n = dirty.length;
  const changed = new Uint8Array(n);
  const dirtyList: number[] = [];
  for (let ci = 0; ci < n; ci++) if (dirty[ci]) dirtyList.push(ci);
  const only: EvalContext = { ...ctx, only: dirty };
  const seen = new Int32Array(n);
  const lists: RuleResult[][] = [];
  const reads: (NewAreaRead | undefined)[] = [];
  const readRedone = dirtyList.some((ci) => layout.read[ci] === 1);
  for (let r = 0; r < k.rules.length; r++) {
    const rule = k.rules[r];
    const was = k.lists[r];
    const head = layout.head[r];
    const offsets = layout.offsets[r];
    const positions = layout.positions[r];
    if (dependent(rule)) {
      // it reads the rows and on-site facilities of some communities only (layout.read): none
      // redone, its rows are the same; else it gets their rows, in the order of the whole list
      if (!readRedone) {
        lists.push(was);
        reads[r] = k.reads?.[r];
        continue;
      }
      const kept = k.reads?.[r];
      let read: NewAreaRead;
      if (kept) {
        read = new NewAreaRead(kept.newOnes, kept.state.slice(), kept.used);
        for (const ci of dirtyList) if (layout.read[ci]) read.update(rule as TargetRule, ctx, ci, rowsOf(lists, layout, ci));
      } else read = newAreaRead(rule as TargetRule, ctx, readRows(lists, layout));
      reads[r] = read;
      lists.push(evaluateRule(rule, ctx, read));
      continue;
    }
    const part = restrictable(rule);
    const rows = evaluateRule(rule, part ? only : ctx);
    const h = communityHead(rows);
    if (h < 0) return null;
    // a row equal to the one before keeps the object before, and a list with no other row is the
    // list before itself: most rules' lists are not copied (≈ 35 lists of 10 000 rows a move)
    let next: RuleResult[] | undefined;
    if (part) {
      const p = partRows({ rows, h, was, head, offsets, positions, index: layout.index, dirty, dirtyList, seen, mark: r + 1, changed });
      if (p === null) return null;
      next = p.next;
    } else {
      if (h !== head) return null;
      for (let i = 0; i < h; i++) {
        if (rows[i].unit !== was[i].unit) return null;
        if (sameResult(rows[i], was[i])) continue;
        changed[layout.index.get(rows[i].unit) as number] = 1;
        next ??= was.slice(0, head);
        next[i] = rows[i];
      }
    }
    const { rest, sameTail } = tailRows(was, head, rows, h);
    if (!next && sameTail) {
      lists.push(was);
      continue;
    }
    next ??= was.slice(0, head);
    for (const x of rest) next.push(x);
    lists.push(next);
  }
  return { lists, changed, reads };
}

/** A restrictable rule's re-run community rows (`rows` up to `h`: the dirty communities', in the
 *  rule's order, each community's together) put at their places in a copy of `was`'s, made at the
 *  first row that differs (none: `next` undefined); null when they do not fit the layout. */
function partRows(x: {
  rows: readonly RuleResult[];
  h: number;
  was: readonly RuleResult[];
  head: number;
  offsets: Uint32Array;
  positions: Uint32Array;
  index: Map<UnitRef, number>;
  dirty: Uint8Array;
  dirtyList: readonly number[];
  seen: Int32Array;
  mark: number;
  changed: Uint8Array;
}): { next: RuleResult[] | undefined } | null {
  const { rows, h, was, offsets, positions } = x;
  let next: RuleResult[] | undefined;
  let i = 0;
  let done = 0;
  while (i < h) {
    const ci = x.index.get(rows[i].unit);
    if (ci === undefined || !x.dirty[ci] || x.seen[ci] === x.mark) return null;
    x.seen[ci] = x.mark;
    done++;
    for (let q = offsets[ci]; q < offsets[ci + 1]; q++, i++) {
      if (i >= h || rows[i].unit !== rows[i - (q - offsets[ci])].unit) return null;
      const at = positions[q];
      if (sameResult(rows[i], was[at])) continue;
      x.changed[ci] = 1;
      next ??= was.slice(0, x.head);
      next[at] = rows[i];
    }
  }
  // every dirty community that had rows has them again (same count: checked above)
  let had = 0;
  for (const ci of x.dirtyList) if (offsets[ci + 1] > offsets[ci]) had++;
  return had === done ? { next } : null;
}

/** A rule's street, facility and area rows after the edit (`rows` from `h` on): those equal to
 *  the rows before (`was` from `head` on; the same unit at either end of the list, the same result)
 *  are the objects before; `sameTail` when every one is. */
function tailRows(was: readonly RuleResult[], head: number, rows: readonly RuleResult[], h: number): { rest: RuleResult[]; sameTail: boolean } {
  const tail = rows.length - h;
  const [pre, suf] = alignedEnds(was, rows, head, h);
  let sameTail = was.length - head === tail && pre + suf === tail;
  const rest: RuleResult[] = [];
  for (let i = 0; i < tail; i++) {
    const x = rows[h + i];
    const o = i < pre ? was[head + i] : i >= tail - suf ? was[was.length - (tail - i)] : undefined;
    if (o !== undefined && (o === x || sameResult(o, x))) rest.push(o);
    else {
      rest.push(x);
      sameTail = false;
    }
  }
  return { rest, sameTail };
}

/** Community ci's rows, in run order. */
function rowsOf(lists: readonly RuleResult[][], layout: Layout, ci: number): RuleResult[] {
  const out: RuleResult[] = [];
  lists.forEach((list, r) => {
    const { offsets, positions } = { offsets: layout.offsets[r], positions: layout.positions[r] };
    for (let q = offsets[ci]; q < offsets[ci + 1]; q++) out.push(list[positions[q]]);
  });
  return out;
}

/** The rows a dependent rule reads (layout.read), in the order they have in the joined lists. */
function readRows(lists: readonly RuleResult[][], layout: Layout): RuleResult[] {
  const out: RuleResult[] = [];
  lists.forEach((list, r) => {
    for (const at of layout.readAt[r]) out.push(list[at]);
  });
  return out;
}

/** The delta: changed communities with all their rows, and the other units (streets, facilities,
 *  area) compared row by row in each rule's list (changedRows). */
function deltaOf(k: Kept, layout: Layout, lists: RuleResult[][], changed: Uint8Array, evaluation: Evaluation): EvaluationDelta {
  const units: EvaluationDelta['units'] = [];
  const results: RuleResult[] = [];
  const units0 = k.ctx.communityUnits;
  for (let ci = 0; ci < changed.length; ci++) {
    if (!changed[ci]) continue;
    units.push({ level: 'community', id: units0[ci].id });
    for (let r = 0; r < lists.length; r++) {
      const { offsets, positions } = { offsets: layout.offsets[r], positions: layout.positions[r] };
      for (let q = offsets[ci]; q < offsets[ci + 1]; q++) results.push(lists[r][positions[q]]);
    }
  }
  const rest = changedRows(k.lists, lists, layout.head);
  for (const u of rest.units) units.push(u);
  for (const x of rest.results) results.push(x);
  return { units, results, issues: evaluation.issues, coverage: evaluation.coverage, total: lists.reduce((s, l) => s + l.length, 0) };
}
