// How far the residents of a community walk to a facility (docs/network.md, "Communities and
// sites"). Residents are counted at the community's representative point. The walk is the shortest
// of:
//   site    — the facility stands inside the community's outline (or is linked to it): 0 m, in
//             every reach mode; the centre shares its site with its residents;
//   block   — network mode: the straight line from the residents (or, when entrances are given,
//             from a gate, plus the walk to the gate) to the facility crosses no street (same block,
//             同一街坊): that straight line;
//   streets — network mode: straight inside the 小区 to a way out (an entrance when given; else the
//             point itself or any point of the outline, sampled every ≤ 100 m), the straight leg to
//             the nearest street, along the streets, and the facility's straight leg;
//   straight — straight mode: the straight line from the representative point.
// Off-network legs are straight lines and always count; the walk inside the 小区 is counted too.
import Flatbush from 'flatbush';
import { bboxOf, cosLat, haversine, haversineCos, pointInArea, type AnyArea, type AnyGeom, type LonLat } from '../geo';
import type { Community } from '../model';
import { packedAt, pointInPacked, runsOf, type PackedRef, type Run } from '../packed-outlines';
import type { NetworkEngine, PackedGroups } from './network-engine';
import { grow } from './pair-output';
import { unchangingGroups, unchangingNumbers } from './network/unchanging';
import { demandGrid, straightBySupply, straightPairs, type DemandGrid } from './straight';
import type { PairRows, ReachEngine, ReachPairs } from './types';

export type Via = 'site' | 'block' | 'streets' | 'straight';
export const VIAS: readonly Via[] = ['site', 'block', 'streets', 'straight'];
const [SITE, BLOCK, STREETS, STRAIGHT] = [0, 1, 2, 3];

export interface CommunityPlace {
  /** representative point: where the residents are counted */
  point: LonLat;
  geometry: AnyGeom;
  /** the outline packed (core/packed-outlines.ts): read instead of `geometry`, which is not built */
  outline?: PackedRef;
  entrances?: readonly LonLat[];
}

/** Where a community's residents start from: its point, its outline read when asked (a packed
 *  one from its packing, never kept here as GeoJSON), its entrances. One getter on the prototype for
 *  every place: a getter of its own made each place a dictionary in V8 (≈ 190 bytes a community). */
class Place implements CommunityPlace {
  readonly outline: PackedRef | undefined;
  readonly entrances: readonly LonLat[] | undefined;
  constructor(
    private readonly of: Community,
    readonly point: LonLat,
  ) {
    this.outline = packedAt(of) ?? undefined;
    this.entrances = of.entrances;
  }
  get geometry(): AnyGeom {
    return this.of.geometry;
  }
}

export function placeOf(c: Community, point: LonLat): CommunityPlace {
  return new Place(c, point);
}

/** Pairs with how each was reached: via[k] indexes VIAS (CSR, for the suggestion's walks). */
export interface CommunityPairs extends ReachPairs {
  via: Uint8Array;
}

/** The rule engine's walks: a row per community (PairRows) with how each was reached, via[k]
 *  indexing VIAS. */
export interface CommunityReach extends PairRows {
  via: Uint8Array;
  /** demand indices that could not be placed (network: farther than snapDistance from any street) */
  unplacedDemand: number[];
  /** supply indices that could not be placed */
  unplacedSupply: number[];
  /** when assembled from columns (assembleReach): the column of each facility, i.e. the
   *  communities that reach it — what an edit reads to find the communities a facility touches */
  columns?: readonly ReachColumn[];
  /** the pairs written into the arrays so far (one count for every reach sharing them:
   *  patchReachMapped writes after it, so no reach's rows are overwritten) */
  pool?: { written: { used: number } };
}

/** CSR pairs as rows (no copy: start and end are views of the offsets). */
function asRows<T extends ReachPairs>(r: T): Omit<T, 'offsets'> & PairRows {
  const n = r.offsets.length - 1;
  const { offsets, ...rest } = r;
  return { ...rest, start: offsets.subarray(0, n), end: offsets.subarray(1, n + 1) };
}

/** boundary samples at most this far apart (metres) */
const SAMPLE_SPACING = 100;
/** in an outline of more than SURVEYED vertices (a surveyed line, a vertex every few metres),
 *  vertices closer than MIN_GAP (metres, along the outline) to the last sample are skipped; a
 *  drawn outline of a few corners keeps every corner, however close */
const SURVEYED = 32;
const MIN_GAP = 25;

/** Ways out as they are gathered, with the straight walk inside to each (metres): typed arrays
 *  that grow, written by one method (a callback per community was a call V8 could not inline:
 *  every coordinate of half a million ways out crossed it boxed). */
class WaysOutSink {
  xy = new Float64Array(1024);
  inner = new Float64Array(512);
  n = 0;
  private px = 0;
  private py = 0;
  private pCos = 1;
  /** the ways out added next are those of a community whose residents are at `point` */
  startAt(point: LonLat): void {
    this.px = point[0];
    this.py = point[1];
    this.pCos = cosLat(point[1]);
  }
  add(x: number, y: number): void {
    const n = this.n;
    if (n === this.inner.length) {
      this.xy = grow(this.xy, 4 * n);
      this.inner = grow(this.inner, 2 * n);
    }
    this.xy[2 * n] = x;
    this.xy[2 * n + 1] = y;
    // haversine(point, [x, y]), to the bit
    this.inner[n] = haversineCos(this.px, this.py, this.pCos, x, y, cosLat(y));
    this.n = n + 1;
  }
}

/** The ways out of a community, in order, added to `sink`. */
function eachWayOut(c: CommunityPlace, sink: WaysOutSink): void {
  sink.startAt(c.point);
  if (c.entrances && c.entrances.length > 0) {
    for (const e of c.entrances) sink.add(e[0], e[1]);
    return;
  }
  sink.add(c.point[0], c.point[1]);
  // each polygon's outer ring, read on the packing (no copy of it divided)
  for (const rings of runsOf(c, c.outline)) if (rings.length > 0) waysOutAlong(rings[0], sink);
}

/** The ways out along one outer ring: its corners and points every ≤ SAMPLE_SPACING metres. */
function waysOutAlong({ xy, div, from, n }: Run, sink: WaysOutSink): void {
  const gap = n > SURVEYED + 1 ? MIN_GAP : 0;
  let since = Number.POSITIVE_INFINITY; // metres along the outline since the last point kept
  let bx = xy[2 * from] / div;
  let by = xy[2 * from + 1] / div;
  let cb = cosLat(by); // each vertex's cosine once: an edge's end is the next one's start
  for (let i = 0; i + 1 < n; i++) {
    const ax = bx;
    const ay = by;
    bx = xy[2 * (from + i + 1)] / div;
    by = xy[2 * (from + i + 1) + 1] / div;
    const ca = cb;
    cb = cosLat(by);
    const len = haversineCos(ax, ay, ca, bx, by, cb);
    const steps = Math.max(1, Math.ceil(len / SAMPLE_SPACING));
    // a surveyed outline has a vertex every few metres: one within MIN_GAP of the last way
    // out kept is the same way out (and would make every community thousands of searches)
    if (since >= gap) {
      sink.add(ax, ay);
      since = 0;
    }
    for (let s = 1; s < steps; s++) sink.add(ax + ((bx - ax) * s) / steps, ay + ((by - ay) * s) / steps);
    since = (steps > 1 ? 0 : since) + len / steps;
  }
}

/** The ways out of a community and the straight walk inside to each (metres). */
export function accessPoints(c: CommunityPlace): { points: LonLat[]; inner: number[] } {
  const sink = new WaysOutSink();
  eachWayOut(c, sink);
  const points = Array.from({ length: sink.n }, (_, k): LonLat => [sink.xy[2 * k], sink.xy[2 * k + 1]]);
  return { points, inner: Array.from(sink.inner.subarray(0, sink.n)) };
}

/** One supply point's walks: the communities it reaches within the distance, with how. */
export interface ReachColumn {
  community: Uint32Array;
  distance: Float64Array;
  via: Uint8Array;
  /** the supply point could not be placed (network: too far from every street) */
  unplaced: boolean;
}

/**
 * Every community→facility walk within maxDistance, sorted by distance per community (in any
 * order with `unordered`, for a caller that transposes them).
 * `onsite[c]` lists the facilities inside (or linked to) community c.
 */
export function communityReach(
  engine: ReachEngine,
  places: readonly CommunityPlace[],
  supply: LonLat[],
  onsite: readonly (readonly number[])[],
  maxDistance: number,
  unordered = false,
): CommunityPairs {
  if (engine.mode === 'straight') return withOnsite(engine.pairs({ demand: places.map((p) => p.point), supply, maxDistance, unordered }), onsite);
  const r = reachColumns(engine, places, supply, onsite, maxDistance);
  return assembleCsr(r.columns, places.length, r.unplacedPlaces);
}

/** The ways out of every community (network searches start from them), packed by community
 *  (`groups`: unchanging, known by identity), with each one's community and the walk inside to
 *  it; kept per places array: an edit that adds or moves a facility walks from that facility
 *  alone (rules/context.ts). */
interface WaysOut {
  groups: PackedGroups;
  owner: Uint32Array;
  inner: Float64Array;
}
const accessCache = new WeakMap<readonly CommunityPlace[], WaysOut>();
function flatAccess(places: readonly CommunityPlace[]): WaysOut {
  const hit = accessCache.get(places);
  if (hit) return hit;
  const start = new Uint32Array(places.length + 1);
  const sink = new WaysOutSink();
  for (let c = 0; c < places.length; c++) {
    eachWayOut(places[c], sink);
    start[c + 1] = sink.n;
  }
  const n = sink.n;
  const owner = new Uint32Array(n);
  for (let c = 0; c < places.length; c++) owner.fill(c, start[c], start[c + 1]);
  const ways: WaysOut = { groups: unchangingGroups({ start, xy: sink.xy.slice(0, 2 * n) }), owner, inner: unchangingNumbers(sink.inner.slice(0, n)) };
  accessCache.set(places, ways);
  return ways;
}

/** Walks listed by supply point (CSR: the walks of supply f are start[f] .. start[f+1]-1). */
interface BySupply {
  start: Uint32Array;
  community: Uint32Array;
  distance: Float64Array;
}

/** Walks given as parallel lists (supply, community, metres), grouped by supply point. */
function bySupply(nSupply: number, f: readonly number[], c: readonly number[], d: readonly number[]): BySupply {
  const start = new Uint32Array(nSupply + 1);
  for (const j of f) start[j + 1]++;
  for (let j = 0; j < nSupply; j++) start[j + 1] += start[j];
  const fill = start.slice(0, nSupply);
  const community = new Uint32Array(f.length);
  const distance = new Float64Array(f.length);
  for (let k = 0; k < f.length; k++) {
    const at = fill[f[k]]++;
    community[at] = c[k];
    distance[at] = d[k];
  }
  return { start, community, distance };
}

/** How a straight pair (demand, supply, metres) becomes a walk: the walk inside `inner[demand]`
 *  added (none without it) and kept within `maxDistance`, dropped when `crosses` says its line
 *  crosses a street, counted for `owner[demand]` (the demand itself without it). */
interface PairWalk {
  owner?: ArrayLike<number>;
  inner?: ArrayLike<number>;
  maxDistance?: number;
  crosses?: (demand: number, supply: number) => boolean;
}

/** Pairs k (demand[k], supply[k], distance[k]) as walks by supply point (in the pairs' order within
 *  each supply point): counted, then written into typed arrays (no array or closure per pair). */
function walksBySupply(nSupply: number, demand: Uint32Array, supply: Uint32Array, dist: Float64Array, w: PairWalk): BySupply {
  const m = demand.length;
  const keep = new Uint8Array(m);
  const start = new Uint32Array(nSupply + 1);
  const { owner, inner, crosses } = w;
  const max = w.maxDistance ?? Infinity;
  for (let k = 0; k < m; k++) {
    if (inner && inner[demand[k]] + dist[k] > max) continue;
    if (crosses?.(demand[k], supply[k])) continue;
    keep[k] = 1;
    start[supply[k] + 1]++;
  }
  for (let j = 0; j < nSupply; j++) start[j + 1] += start[j];
  const fill = start.slice(0, nSupply);
  const community = new Uint32Array(start[nSupply]);
  const distance = new Float64Array(start[nSupply]);
  for (let k = 0; k < m; k++) {
    if (!keep[k]) continue;
    const at = fill[supply[k]]++;
    const a = demand[k];
    community[at] = owner ? owner[a] : a;
    distance[at] = inner ? inner[a] + dist[k] : dist[k];
  }
  return { start, community, distance };
}

/** Demand-major pairs (CSR) as walks by supply point (walksBySupply). */
function pairsBySupply(r: ReachPairs, nSupply: number, w: PairWalk = {}): BySupply {
  const demand = new Uint32Array(r.supply.length);
  for (let i = 0; i + 1 < r.offsets.length; i++) demand.fill(i, r.offsets[i], r.offsets[i + 1]);
  return walksBySupply(nSupply, demand, r.supply, r.distance, w);
}

/**
 * The walks of each supply point (a column per point; see communityReach for the walks) and the
 * communities that could not be placed at all. A column depends only on its own point, the
 * community it stands in and the places, so columns can be kept and reassembled (assembleReach).
 */
export function reachColumns(
  engine: ReachEngine,
  places: readonly CommunityPlace[],
  supply: LonLat[],
  onsite: readonly (readonly number[])[],
  maxDistance: number,
): { columns: ReachColumn[]; unplacedPlaces: number[] } {
  const n = supply.length;
  /** candidate walks by how they go (index into VIAS), each listed by supply point */
  const found: [number, BySupply][] = [];
  let unplaced: number[];
  let unplacedSupply: number[];
  if (engine.mode === 'straight' && engine.pairs === straightPairs && n <= FEW && n * 16 <= places.length) {
    // a few new positions (an edit) against many communities: the communities' grid is kept
    const r = straightBySupply(demandGridOf(places, maxDistance), supply);
    found.push([STRAIGHT, { start: r.start, community: r.demand, distance: r.distance }]);
    unplaced = r.unplacedDemand;
    unplacedSupply = r.unplacedSupply;
  } else if (engine.mode === 'straight') {
    const r = engine.pairs({ demand: places.map((p) => p.point), supply, maxDistance, unordered: true });
    found.push([STRAIGHT, pairsBySupply(r, n)]);
    unplaced = r.unplacedDemand;
    unplacedSupply = r.unplacedSupply;
  } else {
    ({ unplaced, unplacedSupply } = streetWalks(engine, places, supply, maxDistance, found));
    if (engine.crossesStreet) {
      // same block: straight from the residents, or through a gate when entrances are given
      const starts = blockStarts(places);
      const walk: PairWalk = { owner: starts.owner, inner: starts.inner, maxDistance, crosses: (i, f) => engine.crossesStreet?.(starts.at[i], supply[f]) === true };
      if (n <= FEW && n * 16 <= starts.at.length) {
        // a few new positions (an edit): the starts' grid is kept, as straight mode keeps the points'
        const r = straightBySupply(startGridOf(starts, maxDistance), supply);
        const bySupplyPoint = new Uint32Array(r.demand.length);
        for (let j = 0; j < n; j++) bySupplyPoint.fill(j, r.start[j], r.start[j + 1]);
        found.push([BLOCK, walksBySupply(n, r.demand, bySupplyPoint, r.distance, walk)]);
      } else found.push([BLOCK, pairsBySupply(straightPairs({ demand: starts.at, supply, maxDistance, unordered: true }), n, walk)]);
    }
  }
  const site: [number[], number[], number[]] = [[], [], []];
  onsite.forEach((fs, c) => {
    for (const f of fs) {
      site[0].push(f);
      site[1].push(c);
      site[2].push(0);
    }
  });
  found.push([SITE, bySupply(n, ...site)]);
  return { columns: columnsOf(n, places.length, found, new Set(unplacedSupply)), unplacedPlaces: unplaced };
}

/** Where the same-block walks start, per places array: each community's entrances (with the walk
 *  inside to each) or its point. */
interface Starts {
  at: LonLat[];
  owner: number[];
  inner: number[];
  grid?: DemandGrid;
}
const startsCache = new WeakMap<readonly CommunityPlace[], Starts>();
function blockStarts(places: readonly CommunityPlace[]): Starts {
  let hit = startsCache.get(places);
  if (!hit) {
    const h: Starts = { at: [], owner: [], inner: [] };
    const add = (c: number, at: LonLat, inner: number) => {
      h.at.push(at);
      h.owner.push(c);
      h.inner.push(inner);
    };
    places.forEach((p, c) => {
      if (p.entrances && p.entrances.length > 0) for (const e of p.entrances) add(c, e, haversine(p.point, e));
      else add(c, p.point, 0);
    });
    hit = h;
    startsCache.set(places, hit);
  }
  return hit;
}
function startGridOf(s: Starts, radius: number): DemandGrid {
  if (s.grid?.radius !== radius) s.grid = demandGrid(s.at, radius);
  return s.grid;
}

/** at most this many supply points are walked from by looking up the communities' kept grid */
const FEW = 64;

/** The grid of the communities' points per places array and radius (the last radius only). */
const demandGrids = new WeakMap<readonly CommunityPlace[], DemandGrid>();
function demandGridOf(places: readonly CommunityPlace[], radius: number): DemandGrid {
  let g = demandGrids.get(places);
  if (g?.radius !== radius) {
    g = demandGrid(
      places.map((p) => p.point),
      radius,
    );
    demandGrids.set(places, g);
  }
  return g;
}

/** Network mode: the walk along the streets from each community's best way out (the walk inside
 *  counted), into `found`; the communities and supply points that could not be placed. */
function streetWalks(engine: ReachEngine, places: readonly CommunityPlace[], supply: LonLat[], maxDistance: number, found: [number, BySupply][]) {
  const { groups, owner, inner } = flatAccess(places);
  const n = supply.length;
  if ('bySupply' in engine) {
    // the network engine keeps the best way out per community while it walks (nothing demand-major)
    const r = (engine as NetworkEngine).bySupply({ demand: groups, extra: inner, supply, maxDistance });
    const start = new Uint32Array(n + 1);
    r.perSupply.forEach((w, f) => {
      start[f + 1] = start[f] + w.demand.length;
    });
    const community = new Uint32Array(start[n]);
    const distance = new Float64Array(start[n]);
    r.perSupply.forEach((w, f) => {
      community.set(w.demand, start[f]);
      distance.set(w.distance, start[f]);
    });
    found.push([STREETS, { start, community, distance }]);
    return { unplaced: r.unplacedDemand, unplacedSupply: r.unplacedSupply };
  }
  // another network engine (a plug-in): every way out's pairs, then the best per community
  const flat = Array.from({ length: owner.length }, (_, a): LonLat => [groups.xy[2 * a], groups.xy[2 * a + 1]]);
  const r = engine.pairs({ demand: flat, supply, maxDistance, unordered: true });
  found.push([STREETS, pairsBySupply(r, n, { owner, inner, maxDistance })]);
  const placedAny = new Uint8Array(places.length);
  const unplacedFlat = new Set(r.unplacedDemand);
  owner.forEach((c, a) => {
    if (!unplacedFlat.has(a)) placedAny[c] = 1;
  });
  return { unplaced: places.flatMap((_, c) => (placedAny[c] ? [] : [c])), unplacedSupply: r.unplacedSupply };
}

/** One column per supply point: per community the shortest walk found; on a tie the lower via code
 *  (site before block before streets) says it more plainly. */
function columnsOf(nSupply: number, nPlaces: number, found: readonly [number, BySupply][], off: ReadonlySet<number>): ReachColumn[] {
  const best = new Float64Array(nPlaces).fill(Infinity);
  const bestVia = new Uint8Array(nPlaces);
  const touched = new Uint32Array(nPlaces);
  const columns: ReachColumn[] = [];
  for (let f = 0; f < nSupply; f++) {
    let k = 0;
    for (const [via, w] of found) {
      for (let i = w.start[f]; i < w.start[f + 1]; i++) {
        const c = w.community[i];
        const d = w.distance[i];
        if (best[c] === Infinity) touched[k++] = c;
        if (d < best[c] || (d === best[c] && via < bestVia[c])) {
          best[c] = d;
          bestVia[c] = via;
        }
      }
    }
    const col: ReachColumn = { community: touched.slice(0, k), distance: new Float64Array(k), via: new Uint8Array(k), unplaced: off.has(f) };
    for (let i = 0; i < k; i++) {
      const c = touched[i];
      col.distance[i] = best[c];
      col.via[i] = bestVia[c];
      best[c] = Infinity;
    }
    columns.push(col);
  }
  return columns;
}

/** Straight-line pairs (one per community and facility, sorted) with the on-site facilities put
 *  in at 0 m: the rows without any (nearly all) are copied as they are, in typed arrays. */
function withOnsite(r: ReachPairs, onsite: readonly (readonly number[])[]): CommunityPairs {
  const n = r.offsets.length - 1;
  let extra = 0;
  for (let c = 0; c < n && c < onsite.length; c++) extra += onsite[c].length;
  // no facility on any site (candidate points, points as communities): the pairs as they are
  if (extra === 0) return { ...r, via: new Uint8Array(r.supply.length).fill(STRAIGHT) };
  const offsets = new Uint32Array(n + 1);
  const supply = new Uint32Array(r.supply.length + extra);
  const distance = new Float64Array(supply.length);
  const via = new Uint8Array(supply.length).fill(STRAIGHT);
  let at = 0;
  for (let c = 0; c < n; c++) {
    offsets[c] = at;
    const from = r.offsets[c];
    const to = r.offsets[c + 1];
    const site = onsite[c] ?? [];
    if (site.length === 0) {
      supply.set(r.supply.subarray(from, to), at);
      distance.set(r.distance.subarray(from, to), at);
      at += to - from;
      continue;
    }
    // on site: 0 m, and 'site' says it more plainly than a straight line of the same length
    const row: { f: number; d: number; v: number }[] = [...new Set(site)].map((f) => ({ f, d: 0, v: SITE }));
    const onSite = new Set(site);
    for (let k = from; k < to; k++) if (!onSite.has(r.supply[k])) row.push({ f: r.supply[k], d: r.distance[k], v: STRAIGHT });
    row.sort((a, b) => a.d - b.d || a.f - b.f);
    for (const p of row) {
      supply[at] = p.f;
      distance[at] = p.d;
      via[at++] = p.v;
    }
  }
  offsets[n] = at;
  const unplacedDemand = r.unplacedDemand.filter((c) => (onsite[c] ?? []).length === 0);
  return { offsets, supply: supply.slice(0, at), distance: distance.slice(0, at), via: via.slice(0, at), unplacedDemand, unplacedSupply: r.unplacedSupply };
}

/** Columns (one per facility, in facility order) → pairs per community sorted by distance, then
 *  facility index; communities not placed and reaching nothing (not even on site) are unplaced. */
export function assembleReach(columns: readonly ReachColumn[], nPlaces: number, unplacedPlaces: readonly number[]): CommunityReach {
  const r = asRows(assembleCsr(columns, nPlaces, unplacedPlaces));
  return { ...r, pool: { written: { used: r.supply.length } } };
}

/** assembleReach() as CSR pairs. */
function assembleCsr(columns: readonly ReachColumn[], nPlaces: number, unplacedPlaces: readonly number[]): CommunityPairs & { columns: readonly ReachColumn[] } {
  const offsets = new Uint32Array(nPlaces + 1);
  for (const col of columns) for (let k = 0; k < col.community.length; k++) offsets[col.community[k] + 1]++;
  for (let i = 0; i < nPlaces; i++) offsets[i + 1] += offsets[i];
  const n = offsets[nPlaces];
  const supply = new Uint32Array(n);
  const distance = new Float64Array(n);
  const via = new Uint8Array(n);
  const fill = offsets.slice(0, nPlaces);
  columns.forEach((col, f) => {
    for (let k = 0; k < col.community.length; k++) {
      const at = fill[col.community[k]]++;
      supply[at] = f;
      distance[at] = col.distance[k];
      via[at] = col.via[k];
    }
  });
  // rows are short and already in facility order: a stable insertion sort by distance keeps the
  // facility order among equal distances
  for (let i = 0; i < nPlaces; i++) {
    for (let a = offsets[i] + 1; a < offsets[i + 1]; a++) {
      const s = supply[a];
      const d = distance[a];
      const v = via[a];
      let b = a - 1;
      while (b >= offsets[i] && distance[b] > d) {
        supply[b + 1] = supply[b];
        distance[b + 1] = distance[b];
        via[b + 1] = via[b];
        b--;
      }
      supply[b + 1] = s;
      distance[b + 1] = d;
      via[b + 1] = v;
    }
  }
  return { offsets, supply, distance, via, unplacedDemand: unplacedPlaces.filter((c) => offsets[c + 1] === offsets[c]), unplacedSupply: unplacedOf(columns), columns };
}

/**
 * assembleReach() of `columns` (facility ids `ids`), from an earlier assembly of columns of the same
 * places: a facility of the same id with the same column object keeps its walks, so only the rows
 * of the communities in other columns (old or new) are sorted again; the others are copied, their
 * facility indices renumbered. Equal to assembleReach() (rows sorted by distance, then facility
 * index); in full when the kept facilities changed order.
 */
export function patchReach(
  prev: { ids: readonly string[]; reach: CommunityReach },
  ids: readonly string[],
  columns: readonly ReachColumn[],
  nPlaces: number,
  unplacedPlaces: readonly number[],
): CommunityReach {
  const old = prev.reach;
  const oldCols = old.columns;
  if (!oldCols || old.start.length !== nPlaces) return assembleReach(columns, nPlaces, unplacedPlaces);
  const oldIndex = new Map<string, number>();
  prev.ids.forEach((id, o) => oldIndex.set(id, o));
  const toNew = new Int32Array(prev.ids.length).fill(-1);
  const fresh: number[] = [];
  ids.forEach((id, j) => {
    const o = oldIndex.get(id);
    if (o !== undefined && oldCols[o] === columns[j] && toNew[o] < 0) toNew[o] = j;
    else fresh.push(j);
  });
  return patchReachMapped(old, toNew, fresh, columns, nPlaces, unplacedPlaces);
}

/** patchReach() with the facilities already matched: `toNew[o]` is the index now of old facility
 *  o when it keeps its column (-1: gone or walked anew), `fresh` the indices now of the others,
 *  ascending. An edit that kept every facility's index (rules/context.ts) knows them without
 *  looking every id up. When every kept facility keeps its index (a move, an add, a capacity
 *  change, their undo) the rows of the other communities are neither copied nor renumbered: the
 *  new reach shares the pair arrays and writes the changed rows after every row written so far
 *  (the arrays grow by a quarter, the live rows copied, when they are full); the earlier reach
 *  still reads its own rows, which nothing overwrites. */
export function patchReachMapped(
  old: CommunityReach,
  toNew: Int32Array,
  fresh: readonly number[],
  columns: readonly ReachColumn[],
  nPlaces: number,
  unplacedPlaces: readonly number[],
): CommunityReach {
  const oldCols = old.columns;
  if (!oldCols || old.start.length !== nPlaces) return assembleReach(columns, nPlaces, unplacedPlaces);
  const dirty = new Uint8Array(nPlaces);
  let last = -1;
  let same = true;
  let kept = true;
  for (let o = 0; o < toNew.length; o++) {
    const j = toNew[o];
    if (j < 0) {
      for (const c of oldCols[o].community) dirty[c] = 1;
      kept = false;
      continue;
    }
    if (j <= last) return assembleReach(columns, nPlaces, unplacedPlaces);
    if (j !== o) same = false;
    last = j;
  }
  const unplacedDemand = (start: Uint32Array, end: Uint32Array) => unplacedPlaces.filter((c) => end[c] === start[c]);
  // every facility kept its index and column (a capacity or name change, its undo): the same
  // walks, the pairs shared rather than copied (≈ 13 bytes a pair, millions of them per edit)
  if (same && kept && fresh.length === 0 && toNew.length === columns.length)
    return { ...old, unplacedDemand: unplacedDemand(old.start, old.end), unplacedSupply: unplacedOf(columns), columns };
  const rows = dirtyRows(old, toNew, columns, fresh, dirty);
  let needed = 0;
  for (const row of rows.values()) needed += row.length;
  const pool = old.pool ?? { written: { used: old.supply.length } };
  if (same && pool.written.used + needed <= old.supply.length) {
    // the changed rows after the others, in the same arrays
    const start = old.start.slice();
    const end = old.end.slice();
    let at = pool.written.used;
    for (const [c, row] of rows) {
      start[c] = at;
      at = writeRow(old, row, at);
      end[c] = at;
    }
    pool.written.used = at;
    return { ...old, start, end, pool: { written: pool.written }, unplacedDemand: unplacedDemand(start, end), unplacedSupply: unplacedOf(columns), columns };
  }
  return copiedRows(old, toNew, rows, dirty, same, needed, unplacedDemand, unplacedOf(columns), columns);
}

/** patchReachMapped() into new arrays: the kept rows copied (renumbered unless `same`), the
 *  changed `rows` sorted in, with room for the next edits when no index moved. */
function copiedRows(
  old: CommunityReach,
  toNew: Int32Array,
  rows: Map<number, Walk[]>,
  dirty: Uint8Array,
  same: boolean,
  needed: number,
  unplacedDemand: (start: Uint32Array, end: Uint32Array) => number[],
  unplacedSupply: number[],
  columns: readonly ReachColumn[],
): CommunityReach {
  const nPlaces = dirty.length;
  let live = needed;
  for (let c = 0; c < nPlaces; c++) if (!dirty[c]) live += old.end[c] - old.start[c];
  const room = same ? Math.ceil(live * 1.25) + 64 : live;
  const out = { supply: new Uint32Array(room), distance: new Float64Array(room), via: new Uint8Array(room) };
  const start = new Uint32Array(nPlaces);
  const end = new Uint32Array(nPlaces);
  let at = 0;
  for (let c = 0; c < nPlaces; ) {
    if (dirty[c]) {
      start[c] = at;
      at = writeRow(out, rows.get(c) as Walk[], at);
      end[c] = at;
      c++;
      continue;
    }
    // a run of kept rows that follow one another in the old arrays, copied at once
    let e = c + 1;
    while (e < nPlaces && !dirty[e] && old.start[e] === old.end[e - 1]) e++;
    const from = old.start[c];
    const to = old.end[e - 1];
    out.distance.set(old.distance.subarray(from, to), at);
    out.via.set(old.via.subarray(from, to), at);
    if (same) out.supply.set(old.supply.subarray(from, to), at);
    else for (let k = from; k < to; k++) out.supply[at + k - from] = toNew[old.supply[k]];
    for (let q = c; q < e; q++) {
      start[q] = old.start[q] - from + at;
      end[q] = old.end[q] - from + at;
    }
    at += to - from;
    c = e;
  }
  return { ...out, start, end, pool: { written: { used: at } }, unplacedDemand: unplacedDemand(start, end), unplacedSupply, columns };
}

/** A changed row sorted as assembleReach sorts (by distance, then facility index), written into
 *  the pair arrays from `at`; where it ends. */
function writeRow(out: { supply: Uint32Array; distance: Float64Array; via: Uint8Array }, row: Walk[], at: number): number {
  row.sort((a, b) => a.d - b.d || a.f - b.f);
  for (const e of row) {
    out.supply[at] = e.f;
    out.distance[at] = e.d;
    out.via[at++] = e.v;
  }
  return at;
}

/** The facilities whose column could not be placed. */
function unplacedOf(columns: readonly ReachColumn[]): number[] {
  const out: number[] = [];
  columns.forEach((col, f) => {
    if (col.unplaced) out.push(f);
  });
  return out;
}

type Walk = { f: number; d: number; v: number };

/** patchReach's rows to sort again (marked in `dirty`, which the new columns' communities join):
 *  their kept walks renumbered, and the walks of the new columns. */
function dirtyRows(old: CommunityReach, toNew: Int32Array, columns: readonly ReachColumn[], fresh: readonly number[], dirty: Uint8Array): Map<number, Walk[]> {
  const rows = new Map<number, Walk[]>();
  for (const j of fresh) for (const c of columns[j].community) dirty[c] = 1;
  for (let c = 0; c < dirty.length; c++) {
    if (!dirty[c]) continue;
    const row: Walk[] = [];
    for (let k = old.start[c]; k < old.end[c]; k++) {
      const j = toNew[old.supply[k]];
      if (j >= 0) row.push({ f: j, d: old.distance[k], v: old.via[k] });
    }
    rows.set(c, row);
  }
  for (const j of fresh) {
    const col = columns[j];
    for (let k = 0; k < col.community.length; k++) rows.get(col.community[k])?.push({ f: j, d: col.distance[k], v: col.via[k] });
  }
  return rows;
}

/** nearestAlongStreets' walk from the candidates, kept by its caller for the same candidates,
 *  supply points, engine and maxDistance (made on first use) */
export interface KeptSearch {
  search?: ReturnType<NetworkEngine['nearestSearch']>;
}

export interface NearestFacility {
  facility: number;
  distance: number;
  via: Via;
}

/**
 * The nearest of `candidates` (facility indices) for each of `wanted` communities, at any
 * distance: along the streets in network mode (same walk as communityReach; a straight line,
 * marked 'straight', when no street path exists), the straight line in straight mode.
 * Communities inside the circle already know theirs from communityReach: this is for those outside.
 */
export function nearestFacilities(
  engine: ReachEngine,
  places: readonly CommunityPlace[],
  supply: LonLat[],
  candidates: readonly number[],
  wanted: readonly number[],
  kept?: KeptSearch,
): Map<number, NearestFacility> {
  const out = new Map<number, NearestFacility>();
  if (candidates.length === 0 || wanted.length === 0) return out;
  const candPoints = candidates.map((j) => supply[j]);
  if (engine.mode === 'network') for (const [c, n] of nearestAlongStreets(engine, places, supply, candidates, wanted, Infinity, kept)) out.set(c, n);
  const rest = wanted.filter((c) => !out.has(c));
  // straight lines: widen the search until each community has found one (KD-tree per round)
  let radius = 2000;
  let left = rest;
  while (left.length > 0 && radius < 4e7) {
    const r = straightPairs({ demand: left.map((c) => places[c].point), supply: candPoints, maxDistance: radius });
    const next: number[] = [];
    left.forEach((c, i) => {
      if (r.offsets[i + 1] > r.offsets[i]) out.set(c, { facility: candidates[r.supply[r.offsets[i]]], distance: r.distance[r.offsets[i]], via: 'straight' });
      else next.push(c);
    });
    left = next;
    radius *= 4;
  }
  return out;
}

/**
 * nearestFacilities()' walk along the streets alone (network mode; none in straight mode): each
 * of `wanted`'s ways out on its own, from the placement the walks within the circle made
 * (flatAccess), the best of them per community — for the communities with a street path to a
 * candidate within `maxDistance` metres of the network (default any), the same facility and metres
 * as nearestFacilities gives them. An edit asks it for the facilities it moved or added only
 * (rules/coverage.ts, carryNearest): a multi-source search gives every node the least of the
 * single-source distances, to the bit, so a newcomer nearer than a community's kept nearest is
 * its nearest of all, at that very distance.
 */
export function nearestAlongStreets(
  engine: ReachEngine,
  places: readonly CommunityPlace[],
  supply: LonLat[],
  candidates: readonly number[],
  wanted: readonly number[],
  maxDistance = Infinity,
  kept?: KeptSearch,
): Map<number, NearestFacility> {
  const out = new Map<number, NearestFacility>();
  if (candidates.length === 0 || wanted.length === 0 || engine.mode !== 'network' || !('nearestByPoint' in engine)) return out;
  const { groups, owner, inner } = flatAccess(places);
  const net = engine as NetworkEngine;
  const points = () => candidates.map((j) => supply[j]);
  // the same walk from the same candidates gives the same labels and metres: asked again (a
  // shorter circle leaves more communities outside), it is read, not walked again
  const r = kept
    ? (kept.search ??= net.nearestSearch(points(), maxDistance))(groups, wanted)
    : net.nearestByPoint({ demand: groups, owners: wanted, supply: points(), maxDistance });
  r.point.forEach((a, k) => {
    const s = r.supply[k];
    if (s < 0) return;
    const d = inner[a] + r.distance[k];
    const old = out.get(owner[a]);
    if (!old || d < old.distance) out.set(owner[a], { facility: candidates[s], distance: d, via: 'streets' });
  });
  return out;
}

/** Per place: the points inside its outline (for points that are not facilities of the project,
 *  such as candidate sites; facilities use the on-site assignment, which also reads their links). */
export function insideOf(places: readonly CommunityPlace[], points: readonly LonLat[]): number[][] {
  const out: number[][] = places.map(() => []);
  const polys = places.flatMap((p, i) => (p.outline || p.geometry.type !== 'Point' ? [i] : []));
  if (polys.length === 0 || points.length === 0) return out;
  const index = new Flatbush(polys.length);
  for (const i of polys) {
    const b = boxOfPlace(places[i]);
    index.add(b[0], b[1], b[2], b[3]);
  }
  index.finish();
  points.forEach((q, j) => {
    for (const k of index.search(q[0], q[1], q[0], q[1])) {
      const p = places[polys[k]];
      if (p.outline ? pointInPacked(p.outline, q[0], q[1]) : pointInArea(q, p.geometry as AnyArea)) out[polys[k]].push(j);
    }
  });
  return out;
}

/** a place's outline box [west, south, east, north], from its packing when it has one */
function boxOfPlace(p: CommunityPlace): ArrayLike<number> {
  if (p.outline) return p.outline.packed.box.subarray(4 * p.outline.i, 4 * p.outline.i + 4);
  const b = bboxOf(p.geometry);
  return [b.minX, b.minY, b.maxX, b.maxY];
}
