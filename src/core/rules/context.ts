// Everything the rule evaluators share: cleaned records (impossible values reported and set to
// unknown), representative points, street membership, on-site facilities, the community→facility
// pairs within the service circle, and the indexes every rule used to rebuild for itself (units,
// members per street, communities in a scope, nearest facility of some kinds). None of it depends on
// the profile or thresholds, so it is prepared once per data set and reach (`prepare`, kept while
// the same layers are evaluated again: a profile switch or threshold change re-runs only the rules).
import Flatbush from 'flatbush';
import { assignOnsite } from '../allocate/onsite';
import { bboxOf, representativePoint, type LonLat } from '../geo';
import { areaTest } from '../area-test';
import type { AreaInfo, Community, DataIssue, Facility, FacilityKind, Layers, Street } from '../model';
import { circleDistance, type Params } from '../params';
import { communityReach, type CommunityPlace, type CommunityReach } from '../reach/community-reach';
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
  const out: Community = { ...c };
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
      const b = bboxOf(s.geometry);
      index.add(b.minX, b.minY, b.maxX, b.maxY);
    }
    index.finish();
  }
  // street boundaries run to tens of thousands of vertices: each gets an edge index on first use
  const tests: ((p: LonLat) => boolean)[] = [];
  return (p: LonLat): number => {
    if (!index) return -1;
    const hits = index.search(p[0], p[1], p[0], p[1]).filter((k) => {
      tests[k] ??= areaTest(streets[k].geometry);
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

/** The layers' last preparation, per communities array (the worker evaluates the same layers again
 *  on every profile or threshold change; an edit makes new layers). A new circle radius or reach
 *  engine keeps the layers' part and walks again. */
const lastPrepared = new WeakMap<object, { key: unknown[]; prepared: Prepared }>();
const lastBase = new WeakMap<object, { key: unknown[]; base: Base }>();

/** radius and engine: what the reach pairs depend on besides the layers */
function prepareKey(data: Layers & { area: AreaInfo }, reachEngine: ReachEngine, radius: number): unknown[] {
  // the straight-line engine holds no state (a new one per call is the same engine); a network engine is its graph
  return [data.facilities, data.streets, data.area, reachEngine.mode === 'straight' ? 'straight' : reachEngine, radius];
}

/** The context of one evaluation: the prepared data (reused while layers, reach engine and radius
 *  are the same objects and number) with this evaluation's parameters. */
export function buildContext(data: Layers & { area: AreaInfo }, params: Params, reachEngine: ReachEngine = createStraightEngine()): EvalContext {
  const radius = reachEngine.mode === 'straight' ? circleDistance(params) / params.detourFactor : circleDistance(params);
  const key = prepareKey(data, reachEngine, radius);
  const hit = lastPrepared.get(data.communities);
  if (hit?.key.every((k, i) => k === key[i])) return { ...hit.prepared, params };
  const baseKey = key.slice(0, 3);
  const baseHit = lastBase.get(data.communities);
  const base = baseHit?.key.every((k, i) => k === baseKey[i]) ? baseHit.base : prepareBase(data);
  lastBase.set(data.communities, { key: baseKey, base });
  const reach = communityReach(reachEngine, base.places, base.facilityPoints, base.onsite, radius);
  const unplaced = new Uint8Array(base.communities.length);
  for (const i of reach.unplacedDemand) unplaced[i] = 1;
  const prepared: Prepared = { ...base, reach, reachEngine, radius, unplaced, memo: new Map() };
  lastPrepared.set(data.communities, { key, prepared });
  return { ...prepared, params };
}

function prepareBase(data: Layers & { area: AreaInfo }): Base {
  const issues: DataIssue[] = [];
  const communityRows = dedupe(data.communities, 'community', issues);
  const facilityRows = dedupe(data.facilities, 'facility', issues);
  const communities = communityRows.map(({ item, index }) => cleanCommunity(item, index, issues));
  const facilities = facilityRows.map(({ item, index }) => cleanFacility(item, index, issues));
  const streets = dedupe(data.streets, 'street', issues).map(({ item }) => item);
  const communityPoints = communities.map((c) => representativePoint(c.geometry));
  const facilityPoints = facilities.map((f) => representativePoint(f.geometry));

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
        issues.push({
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
      issues.push({ level: 'community', id: c.id, index: communityRows[i].index, field: 'street', severity: 'warning', msg: { key: 'issue.noStreet', args: { id: c.id } } });
    }
  });
  const facilityStreet = new Int32Array(facilities.length).fill(-1);
  facilities.forEach((f, i) => {
    facilityStreet[i] = streetOf(facilityPoints[i]);
    if (facilityStreet[i] < 0 && streets.length > 0) {
      issues.push({ level: 'facility', id: f.id, index: facilityRows[i].index, severity: 'warning', msg: { key: 'issue.facilityOutsideStreets', args: { id: f.id } } });
    }
  });

  const onsite = assignOnsite(communities, facilities, facilityPoints);
  // onsite numbers facilities after de-duplication; issues cite the position in the input layer
  issues.push(...onsite.issues.map((x) => (x.index === undefined ? x : { ...x, index: facilityRows[x.index].index })));
  const places: CommunityPlace[] = communities.map((c, i) => ({ point: communityPoints[i], geometry: c.geometry, ...(c.entrances ? { entrances: c.entrances } : {}) }));
  return {
    area: data.area,
    communities,
    facilities,
    streets,
    communityPoints,
    facilityPoints,
    communityStreet,
    facilityStreet,
    onsite: onsite.byCommunity,
    places,
    issues,
    communityUnits: communities.map((c) => ({ level: 'community', id: c.id, name: c.name })),
    facilityUnits: facilities.map((f) => ({ level: 'facility', id: f.id, name: f.name })),
    streetUnits: streets.map((s) => ({ level: 'street', id: s.id, name: s.name })),
    areaUnit: { level: 'area', id: 'area', name: data.area.name },
    streetCommunities: membersPerStreet(streets.length, communityStreet),
    streetFacilities: membersPerStreet(streets.length, facilityStreet),
  };
}

/** Communities in a rule's scope, and those whose scope cannot be told (builtYear missing), ascending. */
export function scoped(ctx: Prepared, scope: Scope | undefined): { scoped: number[]; unknown: number[] } {
  const key = `scope:${scope?.types?.join('/') ?? ''}:${scope?.builtFrom ?? ''}`;
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
