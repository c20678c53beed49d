// Everything the rule evaluators share: cleaned records (impossible values reported and set to
// unknown), representative points, street membership, on-site facilities, the community→facility
// pairs within the service circle, and the indexes every rule used to rebuild for itself (units,
// members per street, communities in a scope, nearest facility of some kinds). None of it depends on
// the profile or thresholds, so it is prepared once per data set and reach (`prepare`, kept while
// the same layers are evaluated again: a profile switch or threshold change re-runs only the rules).
import Flatbush from 'flatbush';
import { onsiteIssues, onsiteLocator, type OnsitePlace } from '../allocate/onsite';
import { representativePoint, type LonLat } from '../geo';
import { boxOf, copyUnit, representativePointOf } from '../packed-outlines';
import { areaTest } from '../area-test';
import type { AreaInfo, Community, DataIssue, Facility, FacilityKind, Layers, Street } from '../model';
import { circleDistance, type Params } from '../params';
import { assembleReach, patchReach, patchReachMapped, placeOf, reachColumns, type CommunityPlace, type CommunityReach, type ReachColumn } from '../reach/community-reach';
import { createStraightEngine } from '../reach/straight';
import type { ReachEngine } from '../reach/types';
import type { UnitRef } from './result';
import type { Scope } from './types';

export interface Prepared {
  area: AreaInfo;
  communities: Community[];
  facilities: Facility[];
  streets: Street[];
  communityPoints: LonLat[];
  facilityPoints: LonLat[];
  /** street index per community / facility, or -1 */
  communityStreet: Int32Array;
  facilityStreet: Int32Array;
  /** facility indices inside (or linked to) each community */
  onsite: number[][];
  /** where each community's residents start from (point, outline, entrances) */
  places: CommunityPlace[];
  /** community → facility walks within the service circle (all kinds), sorted by distance, with how
   *  each was reached (on site, same block, along streets, straight line: src/core/reach/community-reach.ts) */
  reach: CommunityReach;
  reachEngine: ReachEngine;
  /** metres used as the circle: straight mode circleDistance ÷ detourFactor, network mode circleDistance */
  radius: number;
  issues: DataIssue[];
  /** memo for computations that depend on the data and reach only (2SFCA shares, scopes, nearest) */
  memo: Map<string, unknown>;
  /** facility j's walks are filed under this key: its point as text and the community it stands in */
  walkKey: (j: number, community: number) => string;
  /** one unit record per community / facility / street, shared by all results about it */
  communityUnits: UnitRef[];
  facilityUnits: UnitRef[];
  streetUnits: UnitRef[];
  areaUnit: UnitRef;
  /** 1 where the community could not be placed on the network (reach.unplacedDemand) */
  unplaced: Uint8Array;
  /** community / facility indices per street, ascending */
  streetCommunities: number[][];
  streetFacilities: number[][];
}

export interface EvalContext extends Prepared {
  params: Params;
  /** set when an edit re-evaluates some communities only (core/reevaluate.ts): the community rows
   *  of the others are left out; street, facility and area rows are always computed in full */
  only?: Uint8Array;
}

const COMMUNITY_NUMBERS = ['population', 'households', 'elderly', 'infants'] as const;
const FACILITY_NUMBERS = ['beds', 'nursingBeds', 'places', 'floorArea', 'landArea', 'socialWorkers'] as const;

/** Items with their position in the input layer (issues cite that position), duplicates left out. */
function dedupe<T extends { id: string }>(items: T[], level: 'community' | 'facility' | 'street', issues: DataIssue[]): { item: T; index: number }[] {
  const first = new Map<string, number>();
  const out: { item: T; index: number }[] = [];
  items.forEach((it, index) => {
    const f = first.get(it.id);
    if (f === undefined) {
      first.set(it.id, index);
      out.push({ item: it, index });
    } else issues.push({ level, id: it.id, index, field: 'id', severity: 'error', msg: { key: 'issue.duplicateId', args: { id: it.id, firstN: f + 1, n: index + 1 } } });
  });
  return out;
}

/** The community with impossible values set to unknown (and reported): a copy when one is, else
 *  the community itself (a copy of every community cost ≈ 100 bytes each, kept with the analysis). */
function cleanCommunity(c: Community, index: number, issues: DataIssue[]): Community {
  let copy: Community | null = null;
  const now = (): Community => copy ?? c;
  const unknown = (f: (typeof COMMUNITY_NUMBERS)[number] | 'builtYear') => {
    copy ??= copyUnit(c); // a packed outline stays packed
    copy[f] = undefined;
  };
  const report = (field: string, key: string, args: Record<string, string | number>) =>
    issues.push({ level: 'community', id: c.id, index, field, severity: 'warning', msg: { key, args: { id: c.id, field, ...args } } });
  for (const f of COMMUNITY_NUMBERS) {
    const v = c[f];
    if (v !== undefined && v < 0) {
      report(f, 'issue.negative', { value: v });
      unknown(f);
    }
  }
  const { elderly, infants, population } = now();
  if (elderly !== undefined && population !== undefined && elderly > population) {
    report('elderly', 'issue.elderlyOverPopulation', { elderly, population });
    unknown('elderly');
  }
  if (infants !== undefined && population !== undefined && infants > population) {
    report('infants', 'issue.infantsOverPopulation', { infants, population });
    unknown('infants');
  }
  // the demand every quota rule needs: say early and once that it is missing
  for (const f of ['population', 'households'] as const) {
    if (c[f] === undefined) issues.push({ level: 'community', id: c.id, index, field: f, severity: 'warning', msg: { key: 'issue.missingValue', args: { id: c.id, field: f } } });
  }
  if (c.builtYear !== undefined && (c.builtYear < 1900 || c.builtYear > 2100)) {
    report('builtYear', 'issue.builtYear', { value: c.builtYear });
    unknown('builtYear');
  }
  return now();
}

function cleanFacility(f: Facility, index: number, issues: DataIssue[]): Facility {
  const out: Facility = { ...f };
  for (const k of FACILITY_NUMBERS) {
    const v = out[k];
    if (v !== undefined && v < 0) {
      issues.push({ level: 'facility', id: f.id, index, field: k, severity: 'warning', msg: { key: 'issue.negative', args: { id: f.id, field: k, value: v } } });
      out[k] = undefined;
    }
  }
  if (out.nursingBeds !== undefined && out.beds !== undefined && out.nursingBeds > out.beds) {
    issues.push({
      level: 'facility',
      id: f.id,
      index,
      field: 'nursingBeds',
      severity: 'warning',
      msg: { key: 'issue.nursingOverBeds', args: { id: f.id, nursingBeds: out.nursingBeds, beds: out.beds } },
    });
    out.nursingBeds = undefined;
  }
  return out;
}

function streetIndex(streets: Street[]) {
  const index = streets.length > 0 ? new Flatbush(streets.length) : undefined;
  if (index) {
    for (const s of streets) {
      index.add(...boxOf(s));
    }
    index.finish();
  }
  // street boundaries run to tens of thousands of vertices: each gets an edge index on first use
  const tests: ((p: LonLat) => boolean)[] = [];
  return (p: LonLat): number => {
    if (!index) return -1;
    const hits = index.search(p[0], p[1], p[0], p[1]).filter((k) => {
      tests[k] ??= areaTest(streets[k]);
      return tests[k](p);
    });
    return hits.length > 0 ? Math.min(...hits) : -1;
  };
}

function membersPerStreet(n: number, streetOf: Int32Array): number[][] {
  const out: number[][] = Array.from({ length: n }, () => []);
  streetOf.forEach((s, i) => {
    if (s >= 0) out[s].push(i);
  });
  return out;
}

/** What depends on the layers alone: cleaned records, points, streets, on-site facilities. */
type Base = Omit<Prepared, 'reach' | 'reachEngine' | 'radius' | 'memo' | 'unplaced'>;

/** The part of a preparation that depends on communities, streets and area only: an edit of
 *  facilities (add, move, remove, capacity) keeps it, and with it what was found per facility
 *  position — its street, its community, the walks from it (a column per position) — so an edit
 *  works out only the facilities it touched (docs/performance-log.md, "Edits"). */
interface CommunitySide {
  base: Omit<Base, 'facilities' | 'facilityPoints' | 'facilityStreet' | 'onsite' | 'facilityUnits' | 'walkKey' | 'streetFacilities' | 'issues'>;
  issues: { dup: DataIssue[]; clean: DataIssue[]; streetDup: DataIssue[]; street: DataIssue[] };
  streetOf: (p: LonLat) => number;
  locate: (link: unknown, p: LonLat) => OnsitePlace;
  /** per position: street index; per position and link: where on site */
  streetAt: Map<string, number>;
  placeAt: Map<string, OnsitePlace>;
  /** per reach engine and radius: the walks from each facility position */
  walks: {
    engine: unknown;
    radius: number;
    columns: Map<string, ReachColumn>;
    unplacedPlaces: number[] | null;
    /** the last assembly, with the facility ids, walk keys and columns it was made of and the
     *  facilities' preparation it was for: the next is patched from it */
    last?: { ids: string[]; keys: string[]; columns: ReachColumn[]; reach: CommunityReach; base: Base };
  }[];
  /** the facilities' last preparation on this side: the next layer is compared with it record by
   *  record, and when it differs at a few indices only it is patched there (patchFacilities) */
  facilities?: FacilitySide;
}

/** A preparation of facilities with what patching it needs. */
interface FacilitySide {
  raw: readonly Facility[];
  base: Base;
  preps: FacilityPrep[];
  /** id → index, when the layer holds no id twice (its indices are then the prepared ones); null
   *  otherwise (the next layer is prepared in full) */
  ids: Map<string, number> | null;
  /** per facility: the community it stands in (or is linked to), -1 */
  community: Int32Array;
  /** the facilities' issues of each kind, in list order, with the facility index of each */
  clean: Tagged;
  street: Tagged;
  onsite: Tagged;
}

interface Tagged {
  issues: DataIssue[];
  at: number[];
}

/** What changed from the last preparation (walksOf patches the walks at the same indices). */
interface FacilityPatch {
  from: Base;
  /** indices now whose record is new (changed or added), ascending */
  at: number[];
}

/** The layers' last preparations, per communities array (the worker evaluates the same layers again
 *  on every profile or threshold change), the newest first: those of the same layers and engine at
 *  the last RADII_KEPT radii (circle minutes changed back finds its preparation whole). An edit of
 *  facilities keeps the communities array and its side (sides), so only the touched facilities are
 *  worked out again. */
const lastPrepared = new WeakMap<object, { key: PrepareKey; prepared: Prepared }[]>();
/** preparations kept per layers and engine, one per radius (as many as the walks kept, walksOf) */
const RADII_KEPT = 3;

/** The memo's entries (Prepared.memo) by the start of their keys, for those handed on to another
 *  preparation of the same communities: the one place their names are written. */
export const MEMO = {
  /** communities in a rule's scope (scoped, scopeRanks) */
  scope: 'scope:',
  /** the communities the plan adds (rules/target.ts) */
  newCommunityIndex: 'newCommunityIndex',
  /** a value per facility (facilityColumn) */
  facilityColumn: 'facility:',
  /** the facilities of some kinds (facilitiesOfKinds) */
  kindsIndex: 'kinds-index:',
  /** each facility's nearest partner (rules/adjacency.ts) */
  adjacencyNearest: 'adjacency-nearest:',
  /** the nearest facility beyond the circle (rules/coverage.ts) */
  beyond: 'beyond:',
} as const;
/** entries that depend on the communities alone: an edit of facilities keeps them (core/reevaluate.ts) */
export const COMMUNITIES_ONLY: readonly string[] = [MEMO.scope, MEMO.newCommunityIndex];
/** entries that depend on the layers and engine, not on the radius nor the walks: a preparation
 *  at another radius of the same layers starts with them (carryRadiusFree) */
const RADIUS_FREE: readonly string[] = [...COMMUNITIES_ONLY, MEMO.facilityColumn, MEMO.kindsIndex, MEMO.adjacencyNearest, MEMO.beyond];
/** `key` starts with one of `starts` */
export const memoIn = (starts: readonly string[], key: string): boolean => starts.some((p) => key.startsWith(p));

const sides = new WeakMap<object, { key: unknown[]; side: CommunitySide }>();

/** what a preparation depends on besides the communities: the other layers and the engine, and
 *  the radius (preparations of the same layers at other radii hand on what is RADIUS_FREE) */
interface PrepareKey {
  layers: unknown[];
  radius: number;
}

function prepareKey(data: Layers & { area: AreaInfo }, reachEngine: ReachEngine, radius: number): PrepareKey {
  // the straight-line engine holds no state (a new one per call is the same engine); a network engine is its graph
  return { layers: [data.facilities, data.streets, data.area, engineKey(reachEngine)], radius };
}

const sameLayers = (a: PrepareKey, b: PrepareKey): boolean => a.layers.every((k, i) => k === b.layers[i]);

function engineKey(e: ReachEngine): unknown {
  return e.mode === 'straight' ? 'straight' : e;
}

/** The context of one evaluation: the prepared data (reused while layers, reach engine and radius
 *  are the same objects and number) with this evaluation's parameters. */
export function buildContext(data: Layers & { area: AreaInfo }, params: Params, reachEngine: ReachEngine = createStraightEngine()): EvalContext {
  const radius = reachEngine.mode === 'straight' ? circleDistance(params) / params.detourFactor : circleDistance(params);
  const key = prepareKey(data, reachEngine, radius);
  const kept = lastPrepared.get(data.communities) ?? [];
  const hit = kept.find((x) => sameLayers(x.key, key) && x.key.radius === key.radius);
  if (hit) {
    lastPrepared.set(data.communities, [hit, ...kept.filter((x) => x !== hit)]);
    return { ...hit.prepared, params };
  }
  const sideKey = [data.streets, data.area];
  const sideHit = sides.get(data.communities);
  const side = sideHit?.key.every((k, i) => k === sideKey[i]) ? sideHit.side : prepareCommunities(data);
  sides.set(data.communities, { key: sideKey, side });
  const last = side.facilities;
  // unset while patching: a patch edits the last preparation's id map in place, so one that throws
  // part-way must leave nothing to patch from (the next one prepares from scratch)
  side.facilities = undefined;
  const patched = last ? patchFacilities(side, last, data.facilities) : null;
  const fs = patched?.side ?? prepareFacilities(side, data);
  side.facilities = fs;
  const base = fs.base;
  const reach = walksOf(side, fs, reachEngine, radius, patched?.patch);
  const unplaced = new Uint8Array(base.communities.length);
  for (const i of reach.unplacedDemand) unplaced[i] = 1;
  const prepared: Prepared = { ...base, reach, reachEngine, radius, unplaced, memo: new Map() };
  // the same layers and engine at other radii stay kept; any other key lets them go
  const otherRadii = kept.filter((x) => sameLayers(x.key, key));
  if (otherRadii[0]) carryRadiusFree(otherRadii[0].prepared, prepared);
  lastPrepared.set(data.communities, [{ key, prepared }, ...otherRadii].slice(0, RADII_KEPT));
  return { ...prepared, params };
}

/** A preparation of the same layers and engine at another radius (another circle minutes) hands
 *  on what does not depend on the radius (RADIUS_FREE): the facilities' columns, scopes, the
 *  nearest facility beyond any circle (one search along the streets from all of a kind) … */
function carryRadiusFree(from: Prepared, to: Prepared): void {
  for (const [k, v] of from.memo) if (memoIn(RADIUS_FREE, k)) to.memo.set(k, v);
}

const at = (p: LonLat): string => `${p[0]},${p[1]}`;

/** Keeps a position cache from growing without end while a facility is dragged: past twice what
 *  the layers hold, it keeps only the positions in use. */
function trimmed<V>(cache: Map<string, V>, used: string[]): Map<string, V> {
  if (cache.size <= 2 * used.length + 64) return cache;
  const out = new Map<string, V>();
  for (const k of used) {
    const v = cache.get(k);
    if (v !== undefined) out.set(k, v);
  }
  return out;
}

/** The community→facility walks: kept columns for known positions, new walks from the others only. */
function walksOf(side: CommunitySide, fs: FacilitySide, engine: ReachEngine, radius: number, patch?: FacilityPatch): CommunityReach {
  const base = fs.base;
  const ek = engineKey(engine);
  let w = side.walks.find((x) => x.engine === ek && x.radius === radius);
  if (!w) {
    // a smaller circle: the walks kept for a larger one, cut at the new radius (a walk's length
    // does not depend on how far the search went), so 15 → 12 minutes walks nothing again
    const wider = side.walks.find((x) => x.engine === ek && x.radius > radius && x.unplacedPlaces !== null);
    w = { engine: ek, radius, columns: wider ? cutColumns(wider.columns, radius) : new Map(), unplacedPlaces: wider?.unplacedPlaces ?? null };
    // kept: this one, the one before, and the widest (any shorter circle is cut from it)
    const widest = side.walks.reduce<(typeof side.walks)[number] | null>((a, x) => (x.engine === ek && x.unplacedPlaces !== null && (!a || x.radius > a.radius) ? x : a), null);
    side.walks.unshift(w);
    side.walks.length = Math.min(side.walks.length, 2);
    if (widest && !side.walks.includes(widest)) side.walks.push(widest);
  }
  if (patch && w.last?.base === patch.from && w.unplacedPlaces !== null) return patchWalks(w as typeof w & { last: object }, fs, engine, radius, patch);
  const keys = base.facilities.map((_, j) => base.walkKey(j, fs.community[j]));
  const missing = new Map<string, number>();
  keys.forEach((k, j) => {
    if (!w.columns.has(k) && !missing.has(k)) missing.set(k, j);
  });
  if (missing.size > 0 || w.unplacedPlaces === null) walkFrom(w, fs, [...missing.values()], keys, engine, radius);
  w.columns = trimmed(w.columns, keys);
  const columns = keys.map((k) => w.columns.get(k) as ReachColumn);
  const ids = base.facilities.map((f) => f.id);
  const n = base.communities.length;
  const reach = w.last ? patchReach(w.last, ids, columns, n, w.unplacedPlaces ?? []) : assembleReach(columns, n, w.unplacedPlaces ?? []);
  w.last = { ids, keys, columns, reach, base };
  return reach;
}

type Walks = CommunitySide['walks'][number];

/** The walks from the facilities `batch` (indices), filed under their `keys`. */
function walkFrom(w: Walks, fs: FacilitySide, batch: readonly number[], keys: readonly string[], engine: ReachEngine, radius: number): void {
  const base = fs.base;
  const onsite: number[][] = [];
  onsite.length = base.communities.length; // sparse: only the batch's communities
  batch.forEach((j, b) => {
    if (fs.community[j] >= 0) (onsite[fs.community[j]] ??= []).push(b);
  });
  const r = reachColumns(
    engine,
    base.places,
    batch.map((j) => base.facilityPoints[j]),
    onsite,
    radius,
  );
  batch.forEach((j, b) => w.columns.set(keys[j], r.columns[b]));
  w.unplacedPlaces = r.unplacedPlaces;
}

/** walksOf() after patchFacilities(): the keys and columns of the last assembly, worked out
 *  again at the patched indices only (new positions walked from), and the walks patched with the
 *  facilities matched by index — every other facility kept its index and record, so its column. */
function patchWalks(w: Walks & { last: NonNullable<Walks['last']> }, fs: FacilitySide, engine: ReachEngine, radius: number, patch: FacilityPatch): CommunityReach {
  const base = fs.base;
  const last = w.last;
  const n = base.facilities.length;
  const keys = last.keys.slice(0, n);
  const columns = last.columns.slice(0, n);
  const ids = last.ids.slice(0, n);
  const missing = new Map<string, number>();
  for (const j of patch.at) {
    keys[j] = base.walkKey(j, fs.community[j]);
    ids[j] = base.facilities[j].id;
    if (!w.columns.has(keys[j]) && !missing.has(keys[j])) missing.set(keys[j], j);
  }
  if (missing.size > 0) walkFrom(w, fs, [...missing.values()], keys, engine, radius);
  for (const j of patch.at) columns[j] = w.columns.get(keys[j]) as ReachColumn;
  w.columns = trimmed(w.columns, keys);
  // old facility o is facility o now, unless its column or id changed there or it was cut off the end
  const toNew = new Int32Array(last.ids.length);
  for (let o = 0; o < toNew.length; o++) toNew[o] = o < n ? o : -1;
  const fresh: number[] = [];
  for (const j of patch.at) {
    if (j < last.ids.length && columns[j] === last.columns[j] && ids[j] === last.ids[j]) continue;
    if (j < last.ids.length) toNew[j] = -1;
    fresh.push(j);
  }
  const reach = patchReachMapped(last.reach, toNew, fresh, columns, base.communities.length, w.unplacedPlaces ?? []);
  w.last = { ids, keys, columns, reach, base };
  return reach;
}

/** The walks of at most `radius` metres of each column (placing a point does not depend on the radius). */
function cutColumns(columns: ReadonlyMap<string, ReachColumn>, radius: number): Map<string, ReachColumn> {
  const out = new Map<string, ReachColumn>();
  for (const [k, col] of columns) {
    let n = 0;
    for (let i = 0; i < col.distance.length; i++) if (col.distance[i] <= radius) n++;
    const cut: ReachColumn = { community: new Uint32Array(n), distance: new Float64Array(n), via: new Uint8Array(n), unplaced: col.unplaced };
    for (let i = 0, j = 0; i < col.distance.length; i++) {
      if (col.distance[i] > radius) continue;
      cut.community[j] = col.community[i];
      cut.distance[j] = col.distance[i];
      cut.via[j++] = col.via[i];
    }
    out.set(k, cut);
  }
  return out;
}

function prepareCommunities(data: Layers & { area: AreaInfo }): CommunitySide {
  const dup: DataIssue[] = [];
  const clean: DataIssue[] = [];
  const streetDup: DataIssue[] = [];
  const street: DataIssue[] = [];
  const communityRows = dedupe(data.communities, 'community', dup);
  const communities = communityRows.map(({ item, index }) => cleanCommunity(item, index, clean));
  const streets = dedupe(data.streets, 'street', streetDup).map(({ item }) => item);
  // read on the packing: no outline built
  const communityPoints = communities.map((c) => representativePointOf(c));

  const streetOf = streetIndex(streets);
  const streetById = new Map(streets.map((s, i) => [s.id, i]));
  const communityStreet = new Int32Array(communities.length).fill(-1);
  communities.forEach((c, i) => {
    if (c.street !== undefined) {
      const s = streetById.get(c.street);
      if (s !== undefined) {
        communityStreet[i] = s;
        return;
      }
      if (streets.length > 0)
        street.push({
          level: 'community',
          id: c.id,
          index: communityRows[i].index,
          field: 'street',
          severity: 'warning',
          msg: { key: 'issue.unknownStreet', args: { id: c.id, street: c.street } },
        });
    }
    communityStreet[i] = streetOf(communityPoints[i]);
    if (communityStreet[i] < 0 && streets.length > 0 && c.street === undefined) {
      street.push({ level: 'community', id: c.id, index: communityRows[i].index, field: 'street', severity: 'warning', msg: { key: 'issue.noStreet', args: { id: c.id } } });
    }
  });
  const places: CommunityPlace[] = communities.map((c, i) => placeOf(c, communityPoints[i]));
  return {
    base: {
      area: data.area,
      communities,
      streets,
      communityPoints,
      communityStreet,
      places,
      communityUnits: communities.map((c) => ({ level: 'community', id: c.id, name: c.name })),
      streetUnits: streets.map((s) => ({ level: 'street', id: s.id, name: s.name })),
      areaUnit: { level: 'area', id: 'area', name: data.area.name },
      streetCommunities: membersPerStreet(streets.length, communityStreet),
    },
    issues: { dup, clean, streetDup, street },
    streetOf,
    locate: onsiteLocator(communities),
    streetAt: new Map(),
    placeAt: new Map(),
    walks: [],
  };
}

/** The facilities' part, with their street and community looked up only for new positions. */
function prepareFacilities(side: CommunitySide, data: Layers): FacilitySide {
  const { communities, streets } = side.base;
  const dup: DataIssue[] = [];
  const facilityRows = dedupe(data.facilities, 'facility', dup);
  const preps = facilityRows.map(({ item, index }) => prepOf(item, index));
  const facilities = preps.map((x) => x.clean);
  const clean: Tagged = { issues: [], at: [] };
  const street: Tagged = { issues: [], at: [] };
  const onsiteIssueList: Tagged = { issues: [], at: [] };
  const tag = (t: Tagged, i: number, issues: readonly DataIssue[]) => {
    for (const x of issues) {
      t.issues.push(x);
      t.at.push(i);
    }
  };
  preps.forEach((x, i) => tag(clean, i, x.issues));
  const facilityPoints = preps.map((x) => x.point);
  const facilityStreet = new Int32Array(facilities.length).fill(-1);
  const community = new Int32Array(facilities.length).fill(-1);
  const onsite: number[][] = communities.map(() => []);
  facilities.forEach((f, i) => {
    facilityStreet[i] = streetAt(side, preps[i]);
    tag(street, i, streetIssue(side, f, facilityRows[i].index, facilityStreet[i]));
  });
  facilities.forEach((f, i) => {
    const place = placeAt(side, f, preps[i]);
    // issues cite the position in the input layer
    tag(onsiteIssueList, i, onsiteIssues(communities, f, facilityRows[i].index, place));
    community[i] = place.community;
    if (place.community >= 0) onsite[place.community].push(i);
  });
  side.streetAt = trimmed(
    side.streetAt,
    preps.map((x) => x.at),
  );
  side.placeAt = trimmed(
    side.placeAt,
    preps.map((x) => x.placeKey),
  );
  const base: Base = {
    ...side.base,
    facilities,
    facilityPoints,
    facilityStreet,
    onsite,
    issues: issueList(side, dup, clean, street, onsiteIssueList),
    facilityUnits: preps.map((x) => x.unit),
    walkKey: walkKeys(preps),
    streetFacilities: membersPerStreet(streets.length, facilityStreet),
  };
  const ids = dup.length === 0 ? new Map(facilities.map((f, i) => [f.id, i])) : null;
  return { raw: data.facilities, base, preps, ids, community, clean, street, onsite: onsiteIssueList };
}

/** The last preparation patched where `raw` holds other records than it was prepared from: at
 *  most 64 indices, each keeping its id or bringing one the layer did not hold, the others at the
 *  same index (a move, capacity change, add at the end, undo). Equal to prepareFacilities(); null
 *  when the layer changed otherwise (or held an id twice). */
function patchFacilities(side: CommunitySide, last: FacilitySide, raw: readonly Facility[]): { side: FacilitySide; patch: FacilityPatch } | null {
  const at = patchedIndices(last, raw);
  if (!at) return null;
  const old = last.raw;
  const n = raw.length;
  const m = Math.min(n, old.length);
  const changed = new Set(at);
  // the indices before whose record went: changed ones and those cut off the end
  const went = at.filter((j) => j < old.length);
  for (let j = n; j < old.length; j++) went.push(j);
  const ids = last.ids as Map<string, number>;
  for (const j of went) if (j >= n || old[j].id !== raw[j].id) ids.delete(old[j].id);
  for (const j of at) ids.set(raw[j].id, j);
  const b = last.base;
  const preps = last.preps.slice(0, n);
  const facilities = b.facilities.slice(0, n);
  const facilityPoints = b.facilityPoints.slice(0, n);
  const facilityUnits = b.facilityUnits.slice(0, n);
  const facilityStreet = new Int32Array(n);
  facilityStreet.set(b.facilityStreet.subarray(0, m));
  const community = new Int32Array(n);
  community.set(last.community.subarray(0, m));
  // the communities and streets whose lists of facilities change
  const communities = new Set<number>();
  const streets = new Set<number>();
  for (const j of went) {
    communities.add(last.community[j]);
    streets.add(b.facilityStreet[j]);
  }
  const clean = new Map<number, readonly DataIssue[]>();
  const street = new Map<number, readonly DataIssue[]>();
  const onsiteNew = new Map<number, readonly DataIssue[]>();
  for (const j of at) {
    const x = prepOf(raw[j], j);
    preps[j] = x;
    facilities[j] = x.clean;
    facilityPoints[j] = x.point;
    facilityUnits[j] = x.unit;
    clean.set(j, x.issues);
    facilityStreet[j] = streetAt(side, x);
    street.set(j, streetIssue(side, x.clean, j, facilityStreet[j]));
    const place = placeAt(side, x.clean, x);
    onsiteNew.set(j, onsiteIssues(side.base.communities, x.clean, j, place));
    community[j] = place.community;
    communities.add(community[j]);
    streets.add(facilityStreet[j]);
  }
  if (side.streetAt.size > 2 * n + 64)
    side.streetAt = trimmed(
      side.streetAt,
      preps.map((x) => x.at),
    );
  if (side.placeAt.size > 2 * n + 64)
    side.placeAt = trimmed(
      side.placeAt,
      preps.map((x) => x.placeKey),
    );
  const tagged = [patchTagged(last.clean, changed, n, clean), patchTagged(last.street, changed, n, street), patchTagged(last.onsite, changed, n, onsiteNew)];
  const base: Base = {
    ...b,
    facilities,
    facilityPoints,
    facilityStreet,
    onsite: members(b.onsite, communities, community, at, n),
    issues: tagged[0] === last.clean && tagged[1] === last.street && tagged[2] === last.onsite ? b.issues : issueList(side, [], tagged[0], tagged[1], tagged[2]),
    facilityUnits,
    walkKey: walkKeys(preps),
    streetFacilities: members(b.streetFacilities, streets, facilityStreet, at, n),
  };
  const fs: FacilitySide = { raw, base, preps, ids, community, clean: tagged[0], street: tagged[1], onsite: tagged[2] };
  return { side: fs, patch: { from: b, at } };
}

/** The indices now whose record differs from `last`'s (added ones included), ascending; null when
 *  more than 64 differ or one of them brings an id the layer held elsewhere (or twice). */
function patchedIndices(last: FacilitySide, raw: readonly Facility[]): number[] | null {
  const ids = last.ids;
  const old = last.raw;
  if (!ids || Math.abs(raw.length - old.length) > 64) return null;
  const m = Math.min(raw.length, old.length);
  const at: number[] = [];
  for (let j = 0; j < m; j++) {
    if (old[j] === raw[j]) continue;
    at.push(j);
    if (at.length > 64) return null;
  }
  for (let j = m; j < raw.length; j++) at.push(j);
  if (at.length > 64) return null;
  const seen = new Set<string>();
  for (const j of at) {
    const id = raw[j].id;
    const o = ids.get(id);
    if (seen.has(id) || (o !== undefined && o !== j)) return null;
    seen.add(id);
  }
  return at;
}

/** Per group (community, street): the facilities in it, ascending, worked out again for the
 *  groups in `touched` from the old lists and the patched indices `at` (`of`: each one's group). */
function members(lists: readonly number[][], touched: ReadonlySet<number>, of: Int32Array, at: readonly number[], n: number): number[][] {
  const out = lists.slice();
  const changed = new Set(at);
  for (const g of touched) {
    if (g < 0) continue;
    const list = lists[g].filter((j) => j < n && !changed.has(j));
    for (const j of at) if (of[j] === g) list.push(j);
    out[g] = list.sort((x, y) => x - y);
  }
  return out;
}

/** `t` without the issues of the facilities at `changed` or past `n`, with those of `fresh` (by
 *  facility index) in their places; `t` itself when that is the same. */
function patchTagged(t: Tagged, changed: ReadonlySet<number>, n: number, fresh: ReadonlyMap<number, readonly DataIssue[]>): Tagged {
  const adds = [...fresh].filter(([, xs]) => xs.length > 0).sort((x, y) => x[0] - y[0]);
  if (adds.length === 0 && !t.at.some((j) => j >= n || changed.has(j))) return t;
  const out: Tagged = { issues: [], at: [] };
  let q = 0;
  const addUpTo = (j: number) => {
    for (; q < adds.length && adds[q][0] <= j; q++) {
      for (const x of adds[q][1]) {
        out.issues.push(x);
        out.at.push(adds[q][0]);
      }
    }
  };
  t.issues.forEach((x, i) => {
    const j = t.at[i];
    addUpTo(j);
    if (j >= n || changed.has(j)) return;
    out.issues.push(x);
    out.at.push(j);
  });
  addUpTo(Number.POSITIVE_INFINITY);
  return out;
}

/** The preparation's issues in the order evaluations list them. */
function issueList(side: CommunitySide, dup: DataIssue[], clean: Tagged, street: Tagged, onsite: Tagged): DataIssue[] {
  const i = side.issues;
  return [...i.dup, ...dup, ...i.clean, ...clean.issues, ...i.streetDup, ...i.street, ...street.issues, ...onsite.issues];
}

/** A facility's street, looked up once per position. */
function streetAt(side: CommunitySide, x: FacilityPrep): number {
  let s = side.streetAt.get(x.at);
  if (s === undefined) {
    s = side.streetOf(x.point);
    side.streetAt.set(x.at, s);
  }
  return s;
}

function streetIssue(side: CommunitySide, f: Facility, index: number, s: number): DataIssue[] {
  if (s >= 0 || side.base.streets.length === 0) return [];
  return [{ level: 'facility', id: f.id, index, severity: 'warning', msg: { key: 'issue.facilityOutsideStreets', args: { id: f.id } } }];
}

/** Where a facility stands on site, looked up once per position and link. */
function placeAt(side: CommunitySide, f: Facility, x: FacilityPrep): OnsitePlace {
  let place = side.placeAt.get(x.placeKey);
  if (place === undefined) {
    place = side.locate(f.extra.community, x.point);
    side.placeAt.set(x.placeKey, place);
  }
  return place;
}

function walkKeys(preps: FacilityPrep[]): (j: number, community: number) => string {
  return (j, community) => {
    // the same text object edit after edit: a map lookup by it need not hash it again
    const x = preps[j];
    if (x.walks?.community !== community) x.walks = { community, key: `${x.at}|${community}` };
    return x.walks.key;
  };
}

/** What a facility record gives on its own: its cleaned copy (with the issues, citing its position
 *  in the layer), its point and the text key of that point, its unit record. Kept per record: an
 *  edit replaces the records it changes and shares the others, so only those are worked out again
 *  (10 000 points turned into text keys cost ≈ 20 ms per edit). */
interface FacilityPrep {
  index: number;
  clean: Facility;
  issues: DataIssue[];
  point: LonLat;
  at: string;
  /** `at` and the community it is linked to: the key of its place on site */
  placeKey: string;
  /** the key of its walks (walksOf), with the community it stands in */
  walks?: { community: number; key: string };
  unit: UnitRef;
}

const facilityPreps = new WeakMap<Facility, FacilityPrep>();

function prepOf(f: Facility, index: number): FacilityPrep {
  const hit = facilityPreps.get(f);
  if (hit?.index === index) return hit;
  const issues: DataIssue[] = [];
  const clean = cleanFacility(f, index, issues);
  const point = hit?.point ?? representativePoint(clean.geometry);
  const key = hit?.at ?? at(point);
  const link = f.extra.community;
  const prep: FacilityPrep = {
    index,
    clean,
    issues,
    point,
    at: key,
    placeKey: hit?.placeKey ?? `${key}|${typeof link === 'string' ? link : ''}`,
    walks: hit?.walks,
    unit: hit?.unit ?? { level: 'facility', id: f.id, name: f.name },
  };
  facilityPreps.set(f, prep);
  return prep;
}

/** A value per facility worked out from its cleaned record alone (a kind filter, a capacity …),
 *  kept with the prepared data under `key` (which must name everything `of` reads besides the
 *  record); an edit hands the kept facilities' values on (carryFacilityColumns). */
export function facilityColumn<T>(ctx: Prepared, key: string, of: (f: Facility) => T): readonly T[] {
  const k = `${MEMO.facilityColumn}${key}`;
  const hit = ctx.memo.get(k) as FacilityColumn<T> | undefined;
  if (hit) return hit.values;
  const values = ctx.facilities.map(of);
  ctx.memo.set(k, { of, values } satisfies FacilityColumn<T>);
  return values;
}

interface FacilityColumn<T> {
  of: (f: Facility) => T;
  values: T[];
}

/** The facilities of the kinds, by index, ascending (kept like facilityColumn). */
export function facilitiesOfKinds(ctx: Prepared, kinds: readonly string[]): number[] {
  const key = `${MEMO.kindsIndex}${kinds.join('/')}`;
  const hit = ctx.memo.get(key) as number[] | undefined;
  if (hit) return hit;
  const wanted = kindColumn(ctx, kinds);
  const out: number[] = [];
  for (let j = 0; j < wanted.length; j++) if (wanted[j]) out.push(j);
  ctx.memo.set(key, out);
  return out;
}

/** 1 where the facility is of the kinds, else 0 (a facilityColumn). */
export function kindColumn(ctx: Prepared, kinds: readonly string[]): readonly number[] {
  return facilityColumn(ctx, `kinds:${kinds.join('/')}`, (f) => (kinds.includes(f.kind) ? 1 : 0));
}

/** After an edit that kept every facility at its index (`at`: the indices now whose record is new
 *  or changed, added ones included): `now`'s facility columns from `old`'s, worked out again at
 *  `at` only. */
export function carryFacilityColumns(old: Prepared, now: Prepared, at: readonly number[]): void {
  for (const [k, v] of old.memo) {
    if (!k.startsWith(MEMO.facilityColumn) || now.memo.has(k)) continue;
    const { of, values } = v as FacilityColumn<unknown>;
    const fresh = at.map((j) => of(now.facilities[j]));
    // the same values where the edit changed records (a capacity change leaves the kind filters
    // as they were): the same column, not a copy
    if (values.length === now.facilities.length && at.every((j, q) => Object.is(values[j], fresh[q]))) {
      now.memo.set(k, v);
      continue;
    }
    const out = values.slice(0, now.facilities.length);
    at.forEach((j, q) => {
      out[j] = fresh[q];
    });
    now.memo.set(k, { of, values: out } satisfies FacilityColumn<unknown>);
  }
  // the facilities of some kinds (facilitiesOfKinds): the same list when their column was handed
  // on, else the old list with the indices at `at` looked at again
  const changed = new Set(at);
  for (const [k, v] of old.memo) {
    if (!k.startsWith(MEMO.kindsIndex) || now.memo.has(k)) continue;
    const column = `${MEMO.facilityColumn}kinds:${k.slice(MEMO.kindsIndex.length)}`;
    const was = old.memo.get(column);
    const is = now.memo.get(column) as FacilityColumn<number> | undefined;
    if (!is) continue;
    if (is === was) {
      now.memo.set(k, v);
      continue;
    }
    const list = (v as number[]).filter((j) => j < now.facilities.length && !changed.has(j));
    for (const j of at) if (is.values[j]) list.push(j);
    now.memo.set(
      k,
      list.sort((x, y) => x - y),
    );
  }
}

/** What an edit of facilities changed, by prepared index, worked out once per edit. */
export interface FacilityEdit {
  /** ids of the facilities added, deleted or changed in any field */
  changed: ReadonlySet<string>;
  /** 1 at the changed ones, before and after the edit */
  changedOld: Uint8Array;
  changedNow: Uint8Array;
  /** per facility now: its index before the edit (-1: new) */
  oldOf: Int32Array;
  /** every kept facility kept its index (none deleted but where another was added, none
   *  reordered): then `at` lists the indices now whose record is new or changed, ascending */
  inPlace: boolean;
  at: number[];
}

/** The edit from `old`'s facilities to `now`'s (`oldRaw`, `nowRaw`: the layers they were prepared
 *  from). A kept record keeps its cleaned copy at the same index (prepOf), so an edit that keeps
 *  every other facility's index — a few changed or added at the end, or one taken out and another
 *  added at its index — is told apart by comparing the copies index by index while at most 64
 *  indices differ; anything else by id. */
export function facilityEdit(old: Prepared, now: Prepared, oldRaw: readonly Facility[], nowRaw: readonly Facility[]): FacilityEdit {
  const a = old.facilities;
  const b = now.facilities;
  const at: number[] = [];
  // ids at the indices where one facility took another's place (deleted there, added there)
  const gone = new Set<string>();
  let inPlace = b.length >= a.length;
  for (let j = 0; j < a.length && inPlace; j++) {
    if (a[j] === b[j]) continue;
    at.push(j);
    if (a[j].id !== b[j].id) gone.add(a[j].id);
    inPlace = at.length <= 64;
  }
  for (let j = a.length; j < b.length && inPlace; j++) at.push(j);
  // ids are unique and the others kept their index: a facility new at an index is new unless it
  // is one that left another index (a facility moved in the order)
  if (inPlace && gone.size > 0) for (const j of at) if (gone.has(b[j].id)) inPlace = false;
  if (inPlace) {
    const changedOld = new Uint8Array(a.length);
    const changedNow = new Uint8Array(b.length);
    const oldOf = new Int32Array(b.length).fill(-1);
    for (let j = 0; j < a.length; j++) oldOf[j] = j;
    const changed = new Set<string>(gone);
    for (const j of at) {
      changedNow[j] = 1;
      if (j < a.length) changedOld[j] = 1;
      if (j < a.length && a[j].id !== b[j].id) oldOf[j] = -1;
      changed.add(b[j].id);
    }
    return { changed, changedOld, changedNow, oldOf, inPlace, at };
  }
  const firstOf = (raw: readonly Facility[]) => {
    const m = new Map<string, Facility>();
    for (const f of raw) if (!m.has(f.id)) m.set(f.id, f);
    return m;
  };
  const x = firstOf(oldRaw);
  const y = firstOf(nowRaw);
  // the prepared facilities are the first of each id, in order: unchanged ones keep their object
  const changed = new Set<string>();
  for (const [id, f] of x) if (y.get(id) !== f) changed.add(id);
  for (const id of y.keys()) if (!x.has(id)) changed.add(id);
  const oldIndex = new Map(a.map((f, j) => [f.id, j]));
  return {
    changed,
    changedOld: Uint8Array.from(a, (f) => (changed.has(f.id) ? 1 : 0)),
    changedNow: Uint8Array.from(b, (f) => (changed.has(f.id) ? 1 : 0)),
    oldOf: Int32Array.from(b, (f) => oldIndex.get(f.id) ?? -1),
    inPlace: false,
    at: [],
  };
}

/** A scope as text, for the keys of what is kept per scope (types and earliest build year) */
export const scopeKey = (scope: Scope | undefined): string => `${scope?.types?.join('/') ?? ''}:${scope?.builtFrom ?? ''}`;

/** Communities in a rule's scope, and those whose scope cannot be told (builtYear missing), ascending. */
export function scoped(ctx: Prepared, scope: Scope | undefined): { scoped: number[]; unknown: number[] } {
  const key = `${MEMO.scope}${scopeKey(scope)}`;
  const hit = ctx.memo.get(key);
  if (hit) return hit as { scoped: number[]; unknown: number[] };
  const out = { scoped: [] as number[], unknown: [] as number[] };
  ctx.communities.forEach((c, i) => {
    const s = inScope(c, scope);
    if (s === true) out.scoped.push(i);
    else if (s === undefined) out.unknown.push(i);
  });
  ctx.memo.set(key, out);
  return out;
}

/** scoped() as one array per community: 1 in the scope, 2 scope unknown, 0 outside (kept like it). */
export function scopeRanks(ctx: Prepared, scope: Scope | undefined): Uint8Array {
  const key = `${MEMO.scope}ranks:${scopeKey(scope)}`;
  const hit = ctx.memo.get(key);
  if (hit) return hit as Uint8Array;
  const s = scoped(ctx, scope);
  const out = new Uint8Array(ctx.communities.length);
  for (const ci of s.scoped) out[ci] = 1;
  for (const ci of s.unknown) out[ci] = 2;
  ctx.memo.set(key, out);
  return out;
}

/** Does a community fall under a rule's scope? `undefined` = cannot tell (builtYear missing). */
export function inScope(c: Community, scope: Scope | undefined): boolean | undefined {
  if (!scope) return true;
  if (scope.types && !scope.types.includes(c.type)) return false;
  if (scope.builtFrom !== undefined) {
    if (c.builtYear === undefined) return undefined;
    return c.builtYear >= scope.builtFrom;
  }
  return true;
}

export function kindsOf(kinds: readonly FacilityKind[] | 'elderlyCircle' | 'childcareCircle', p: Params): readonly FacilityKind[] {
  return kinds === 'elderlyCircle' ? p.elderlyCircleKinds : kinds === 'childcareCircle' ? p.childcareCircleKinds : kinds;
}
