// Everything the rule evaluators share: cleaned records (impossible values reported and set to
// unknown), representative points, street membership, on-site facilities, the community→facility
// pairs within the service circle, and the indexes every rule used to rebuild for itself (units,
// members per street, communities in a scope, nearest facility of some kinds). None of it depends on
// the profile or thresholds, so it is prepared once per data set and reach (`prepare`, kept while
// the same layers are evaluated again: a profile switch or threshold change re-runs only the rules).
import Flatbush from 'flatbush';
import { onsiteIssues, onsiteLocator, type OnsitePlace } from '../allocate/onsite';
import { representativePoint, type LonLat } from '../geo';
import { boxOf, copyUnit, freshOutline } from '../packed-outlines';
import { areaTest } from '../area-test';
import type { AreaInfo, Community, DataIssue, Facility, FacilityKind, Layers, Street } from '../model';
import { circleDistance, type Params } from '../params';
import { assembleReach, patchReach, placeOf, reachColumns, type CommunityPlace, type CommunityReach, type ReachColumn } from '../reach/community-reach';
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

/** Copy of a community with impossible values set to unknown (and reported). */
function cleanCommunity(c: Community, index: number, issues: DataIssue[]): Community {
  const out: Community = copyUnit(c); // a packed outline stays packed
  const report = (field: string, key: string, args: Record<string, string | number>) =>
    issues.push({ level: 'community', id: c.id, index, field, severity: 'warning', msg: { key, args: { id: c.id, field, ...args } } });
  for (const f of COMMUNITY_NUMBERS) {
    const v = out[f];
    if (v !== undefined && v < 0) {
      report(f, 'issue.negative', { value: v });
      out[f] = undefined;
    }
  }
  if (out.elderly !== undefined && out.population !== undefined && out.elderly > out.population) {
    report('elderly', 'issue.elderlyOverPopulation', { elderly: out.elderly, population: out.population });
    out.elderly = undefined;
  }
  if (out.infants !== undefined && out.population !== undefined && out.infants > out.population) {
    report('infants', 'issue.infantsOverPopulation', { infants: out.infants, population: out.population });
    out.infants = undefined;
  }
  // the demand every quota rule needs: say early and once that it is missing
  for (const f of ['population', 'households'] as const) {
    if (c[f] === undefined) issues.push({ level: 'community', id: c.id, index, field: f, severity: 'warning', msg: { key: 'issue.missingValue', args: { id: c.id, field: f } } });
  }
  if (out.builtYear !== undefined && (out.builtYear < 1900 || out.builtYear > 2100)) {
    report('builtYear', 'issue.builtYear', { value: out.builtYear });
    out.builtYear = undefined;
  }
  return out;
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
 *  works out only the facilities it touched (docs/app.md, "Edits"). */
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
    /** the last assembly, with the facility ids of its columns: the next is patched from it */
    last?: { ids: string[]; reach: CommunityReach };
  }[];
}

/** The layers' last preparation, per communities array (the worker evaluates the same layers again
 *  on every profile or threshold change). An edit of facilities keeps the communities array and
 *  its side (sides), so only the touched facilities are worked out again. */
const lastPrepared = new WeakMap<object, { key: unknown[]; prepared: Prepared }>();
const sides = new WeakMap<object, { key: unknown[]; side: CommunitySide }>();

/** radius and engine: what the reach pairs depend on besides the layers */
function prepareKey(data: Layers & { area: AreaInfo }, reachEngine: ReachEngine, radius: number): unknown[] {
  // the straight-line engine holds no state (a new one per call is the same engine); a network engine is its graph
  return [data.facilities, data.streets, data.area, engineKey(reachEngine), radius];
}

function engineKey(e: ReachEngine): unknown {
  return e.mode === 'straight' ? 'straight' : e;
}

/** The context of one evaluation: the prepared data (reused while layers, reach engine and radius
 *  are the same objects and number) with this evaluation's parameters. */
export function buildContext(data: Layers & { area: AreaInfo }, params: Params, reachEngine: ReachEngine = createStraightEngine()): EvalContext {
  const radius = reachEngine.mode === 'straight' ? circleDistance(params) / params.detourFactor : circleDistance(params);
  const key = prepareKey(data, reachEngine, radius);
  const hit = lastPrepared.get(data.communities);
  if (hit?.key.every((k, i) => k === key[i])) return { ...hit.prepared, params };
  const sideKey = [data.streets, data.area];
  const sideHit = sides.get(data.communities);
  const side = sideHit?.key.every((k, i) => k === sideKey[i]) ? sideHit.side : prepareCommunities(data);
  sides.set(data.communities, { key: sideKey, side });
  const base = prepareFacilities(side, data);
  const reach = walksOf(side, base, reachEngine, radius);
  const unplaced = new Uint8Array(base.communities.length);
  for (const i of reach.unplacedDemand) unplaced[i] = 1;
  const prepared: Prepared = { ...base, reach, reachEngine, radius, unplaced, memo: new Map() };
  lastPrepared.set(data.communities, { key, prepared });
  return { ...prepared, params };
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
function walksOf(side: CommunitySide, base: Base, engine: ReachEngine, radius: number): CommunityReach {
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
  const communityOf = new Int32Array(base.facilities.length).fill(-1);
  base.onsite.forEach((fs, c) => {
    for (const f of fs) communityOf[f] = c;
  });
  const keys = base.facilities.map((_, j) => base.walkKey(j, communityOf[j]));
  const missing = new Map<string, number>();
  keys.forEach((k, j) => {
    if (!w.columns.has(k) && !missing.has(k)) missing.set(k, j);
  });
  if (missing.size > 0 || w.unplacedPlaces === null) {
    const batch = [...missing.values()];
    const onsite: number[][] = [];
    onsite.length = base.communities.length; // sparse: only the batch's communities
    batch.forEach((j, b) => {
      if (communityOf[j] >= 0) (onsite[communityOf[j]] ??= []).push(b);
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
  w.columns = trimmed(w.columns, keys);
  const columns = keys.map((k) => w.columns.get(k) as ReachColumn);
  const ids = base.facilities.map((f) => f.id);
  const n = base.communities.length;
  const reach = w.last ? patchReach(w.last, ids, columns, n, w.unplacedPlaces ?? []) : assembleReach(columns, n, w.unplacedPlaces ?? []);
  w.last = { ids, reach };
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
  // each outline built once and let go (a packed one is not kept as GeoJSON)
  const communityPoints = communities.map((c) => representativePoint(freshOutline(c)));

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
function prepareFacilities(side: CommunitySide, data: Layers): Base {
  const { communities, streets } = side.base;
  const dup: DataIssue[] = [];
  const clean: DataIssue[] = [];
  const street: DataIssue[] = [];
  const onsiteIssueList: DataIssue[] = [];
  const facilityRows = dedupe(data.facilities, 'facility', dup);
  const preps = facilityRows.map(({ item, index }) => prepOf(item, index));
  const facilities = preps.map((x) => x.clean);
  for (const x of preps) for (const issue of x.issues) clean.push(issue);
  const facilityPoints = preps.map((x) => x.point);
  const facilityStreet = new Int32Array(facilities.length).fill(-1);
  const streetKeys = preps.map((x) => x.at);
  const placeKeys: string[] = [];
  const onsite: number[][] = communities.map(() => []);
  facilities.forEach((f, i) => {
    const p = facilityPoints[i];
    const k = streetKeys[i];
    let s = side.streetAt.get(k);
    if (s === undefined) {
      s = side.streetOf(p);
      side.streetAt.set(k, s);
    }
    facilityStreet[i] = s;
    if (s < 0 && streets.length > 0) {
      street.push({ level: 'facility', id: f.id, index: facilityRows[i].index, severity: 'warning', msg: { key: 'issue.facilityOutsideStreets', args: { id: f.id } } });
    }
  });
  facilities.forEach((f, i) => {
    const link = f.extra.community;
    const k = preps[i].placeKey;
    placeKeys.push(k);
    let place = side.placeAt.get(k);
    if (place === undefined) {
      place = side.locate(link, facilityPoints[i]);
      side.placeAt.set(k, place);
    }
    // issues cite the position in the input layer
    for (const x of onsiteIssues(communities, f, facilityRows[i].index, place)) onsiteIssueList.push(x);
    if (place.community >= 0) onsite[place.community].push(i);
  });
  side.streetAt = trimmed(side.streetAt, streetKeys);
  side.placeAt = trimmed(side.placeAt, placeKeys);
  const i = side.issues;
  return {
    ...side.base,
    facilities,
    facilityPoints,
    facilityStreet,
    onsite,
    issues: [...i.dup, ...dup, ...i.clean, ...clean, ...i.streetDup, ...i.street, ...street, ...onsiteIssueList],
    facilityUnits: preps.map((x) => x.unit),
    walkKey: (j, community) => {
      // the same text object edit after edit: a map lookup by it need not hash it again
      const x = preps[j];
      if (x.walks?.community !== community) x.walks = { community, key: `${x.at}|${community}` };
      return x.walks.key;
    },
    streetFacilities: membersPerStreet(streets.length, facilityStreet),
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
  const k = `facility:${key}`;
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
  const key = `kinds-index:${kinds.join('/')}`;
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
    if (!k.startsWith('facility:') || now.memo.has(k)) continue;
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
  const key = `scope:${scopeKey(scope)}`;
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
  const key = `scope:ranks:${scopeKey(scope)}`;
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
