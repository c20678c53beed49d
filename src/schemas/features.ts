// GeoJSON features → Community / Facility / Street / Road, validated with Zod.
// Two outcomes per feature: a problem that stops the import (no id, unknown kind, bad geometry:
// the feature cannot be placed or classified) or a data issue that is reported and leaves the value
// unknown (non-numeric population, unknown ownership …). Missing numbers stay undefined, never 0.
import type { Polygon, MultiPolygon } from 'geojson';
import { z } from 'zod';
import type { Community, DataIssue, Facility, Level, Msg, Road, Street } from '../core/model';
import { COMMUNITY_TYPES, FACILITY_KINDS } from '../core/model';
import {
  COMMUNITY_FIELDS,
  COMMUNITY_TYPE_VALUES,
  FACILITY_FIELDS,
  FACILITY_KIND_VALUES,
  FALSE_VALUES,
  OWNERSHIP_VALUES,
  ROAD_FIELDS,
  STREET_FIELDS,
  STREET_TYPE_VALUES,
  TRUE_VALUES,
  matchValue,
  normaliseKey,
} from './fields';
import { MAX_POLYGON_VERTICES, MAX_VALUE_DEPTH, PLAUSIBLE } from '../core/limits';
import { CHINA_BBOX, geometryFindings, inBox, ringFindings, swapped, tooDeep, type Finding } from './checks';
import { anything, checkRecord, finite, flag, lonLatPairs, nonEmpty, oneOf, plainObject, text, type RecordSpec } from './record-check';
import { ownCoordinates, readAt, readInto, readRef } from '../core/packed-outlines';
import { GEOMETRY_TYPES, fastGeometry, fastPacked, firstPosition, largestPacked, zCommunityGeometry, zFacilityGeometry, zRoadGeometry, zStreetGeometry } from './geometry';

export type LayerName = 'communities' | 'facilities' | 'streets' | 'roads';
export const LAYER_NAMES: readonly LayerName[] = ['communities', 'facilities', 'streets', 'roads'];

/** Something that stops the import: names the file, the feature (index and id) and the field. */
export interface InputProblem {
  file: string;
  index?: number;
  id?: string;
  field?: string;
  msg: Msg;
}

export type Parsed<T> = { ok: true; items: T[]; issues: DataIssue[] } | { ok: false; problems: InputProblem[] };

// not z.record: that copies into a plain object, where a key named __proto__ is lost (or worse)
const zExtra = z.custom<Record<string, unknown>>((v) => typeof v === 'object' && v !== null && !Array.isArray(v));
const optNum = z.number().finite().optional();

export const zCommunity = z.object({
  id: z.string().min(1),
  name: z.string(),
  street: z.string().min(1).optional(),
  type: z.enum(COMMUNITY_TYPES as [Community['type'], ...Community['type'][]]),
  builtYear: optNum,
  population: optNum,
  households: optNum,
  elderly: optNum,
  infants: optNum,
  geometry: zCommunityGeometry,
  entrances: z
    .array(z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]))
    .min(1)
    .optional(),
  extra: zExtra,
});

export const zFacility = z.object({
  id: z.string().min(1),
  name: z.string(),
  kind: z.enum(FACILITY_KINDS as [Facility['kind'], ...Facility['kind'][]]),
  beds: optNum,
  nursingBeds: optNum,
  places: optNum,
  floorArea: optNum,
  landArea: optNum,
  ownership: z.enum(['public', 'public_private', 'private']).optional(),
  inclusive: z.boolean().optional(),
  socialWorkers: optNum,
  geometry: zFacilityGeometry,
  extra: zExtra,
});

export const zStreet = z.object({
  id: z.string().min(1),
  name: z.string(),
  type: z.enum(['street', 'town']),
  geometry: zStreetGeometry,
  extra: zExtra,
});

export const zRoad = z.object({
  id: z.string().min(1),
  highway: z.string().optional(),
  name: z.string().optional(),
  source: z.string().optional(),
  geometry: zRoadGeometry,
});

// The record as parseCommunity … parseRoad assemble it: its geometry was checked by readGeometry,
// so the final parse checks the fields without walking (and copying) every position again.
const checked = <T>() => z.custom<T>(() => true);
export const zCommunityRecord = zCommunity.extend({ geometry: checked<Community['geometry']>() });
export const zFacilityRecord = zFacility.extend({ geometry: checked<Facility['geometry']>() });
export const zStreetRecord = zStreet.extend({ geometry: checked<Street['geometry']>() });
export const zRoadRecord = zRoad.extend({ geometry: checked<Road['geometry']>() });

// The same records' fields for the check that takes a fitting record as it is (record-check.ts);
// in the schemas' order, which is also the order parseCommunity … parseRoad build them in.
const num = [finite, true] as const;
export const COMMUNITY_RECORD: RecordSpec = [
  ['id', nonEmpty, false],
  ['name', text, false],
  ['street', nonEmpty, true],
  ['type', oneOf(COMMUNITY_TYPES), false],
  ['builtYear', ...num],
  ['population', ...num],
  ['households', ...num],
  ['elderly', ...num],
  ['infants', ...num],
  ['geometry', anything, false],
  ['entrances', lonLatPairs, true],
  ['extra', plainObject, false],
];
export const FACILITY_RECORD: RecordSpec = [
  ['id', nonEmpty, false],
  ['name', text, false],
  ['kind', oneOf(FACILITY_KINDS), false],
  ['beds', ...num],
  ['nursingBeds', ...num],
  ['places', ...num],
  ['floorArea', ...num],
  ['landArea', ...num],
  ['ownership', oneOf(['public', 'public_private', 'private']), true],
  ['inclusive', flag, true],
  ['socialWorkers', ...num],
  ['geometry', anything, false],
  ['extra', plainObject, false],
];
export const STREET_RECORD: RecordSpec = [
  ['id', nonEmpty, false],
  ['name', text, false],
  ['type', oneOf(['street', 'town']), false],
  ['geometry', anything, false],
  ['extra', plainObject, false],
];
export const ROAD_RECORD: RecordSpec = [
  ['id', nonEmpty, false],
  ['highway', text, true],
  ['name', text, true],
  ['source', text, true],
  ['geometry', anything, false],
];

// What the schemas accept must be a valid model record (compile-time check).
type Fits<A, B> = [A] extends [B] ? true : false;
const fits: [Fits<z.infer<typeof zCommunity>, Community>, Fits<z.infer<typeof zFacility>, Facility>, Fits<z.infer<typeof zStreet>, Street>, Fits<z.infer<typeof zRoad>, Road>] = [
  true,
  true,
  true,
  true,
];
void fits;

/** The keys of one feature by normalised key, and per alias list the keys it names (in alias
 *  order): the rows of a table share their keys, so the last index is kept and reused while the
 *  keys are the same (read-only to its users), and each field's aliases are looked up once a file,
 *  not once a row. */
class KeyIndex {
  private readonly byKey = new Map<string, string>();
  private readonly named = new Map<readonly string[], string[]>();
  constructor(readonly keys: string[]) {
    for (const k of keys) if (!this.byKey.has(normaliseKey(k))) this.byKey.set(normaliseKey(k), k);
  }
  /** the keys present under these aliases, first alias first (a key twice if two aliases name it) */
  keysOf(aliases: readonly string[]): string[] {
    let ks = this.named.get(aliases);
    if (!ks) {
      ks = [];
      for (const a of aliases) {
        const k = this.byKey.get(normaliseKey(a));
        if (k !== undefined) ks.push(k);
      }
      this.named.set(aliases, ks);
    }
    return ks;
  }
}
let lastIndex = new KeyIndex([]);
function keyIndex(keys: string[]): KeyIndex {
  const last = lastIndex.keys;
  if (keys.length === last.length && keys.every((k, i) => k === last[i])) return lastIndex;
  lastIndex = new KeyIndex(keys);
  return lastIndex;
}

/** Properties looked up through the alias table; what is not used ends up in `rest`. */
class PropertyReader {
  private readonly index: KeyIndex;
  /** the keys read (a few per record: an array costs less than a Set per record) */
  private readonly used: string[] = [];
  constructor(private readonly props: Record<string, unknown>) {
    this.index = keyIndex(Object.keys(props));
  }
  /** first alias that is present with a non-empty value */
  get(aliases: readonly string[]): { key: string; value: unknown } | undefined {
    for (const k of this.index.keysOf(aliases)) {
      if (this.used.includes(k)) continue;
      const v = this.props[k];
      if (v === null || v === undefined || (typeof v === 'string' && v.trim() === '')) continue;
      this.used.push(k);
      return { key: k, value: v };
    }
    return undefined;
  }
  /** a value read but refused stays with the record as it came (written back, flagged again) */
  release(key: string): void {
    const at = this.used.indexOf(key);
    if (at >= 0) this.used.splice(at, 1);
  }
  /** null-prototype: a property named __proto__, constructor or prototype is kept as data */
  rest(): Record<string, unknown> {
    const out: Record<string, unknown> = Object.create(null);
    for (const k of Object.keys(this.props)) if (!this.used.includes(k)) out[k] = this.props[k];
    return out;
  }
}

const NUMBER_TEXT = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

/** "1,234", " 56 ", "12.5㎡" → numbers; "1e400" → Infinity (written as a number, too large to be one). */
function numeric(raw: unknown): number | undefined {
  if (typeof raw === 'number') return Number.isNaN(raw) ? undefined : raw;
  if (typeof raw !== 'string') return undefined;
  // most cells are plain numbers already: nothing below would change them
  if (NUMBER_TEXT.test(raw)) return Number(raw);
  const s = raw
    .trim()
    .replace(/[,，\s]/g, '')
    .replace(/(㎡|m²|m2|平方米|人|户|张|个|名)$/u, '');
  if (!NUMBER_TEXT.test(s)) return undefined;
  return Number(s);
}

/** A finite number, or undefined for anything else (text, Infinity, NaN). */
export function coerceNumber(raw: unknown): number | undefined {
  const n = numeric(raw);
  return n !== undefined && Number.isFinite(n) ? n : undefined;
}

function coerceBool(raw: unknown): boolean | undefined {
  if (typeof raw === 'boolean') return raw;
  const k = normaliseKey(String(raw));
  if (TRUE_VALUES.some((v) => normaliseKey(v) === k)) return true;
  if (FALSE_VALUES.some((v) => normaliseKey(v) === k)) return false;
  return undefined;
}

function idOf(feature: Record<string, unknown>, reader: PropertyReader, aliases: readonly string[]): string | undefined {
  const p = reader.get(aliases);
  const raw = p?.value ?? feature.id;
  if (typeof raw === 'string' && raw.trim() !== '') return raw.trim();
  if (typeof raw === 'number' && Number.isFinite(raw)) return String(raw);
  return undefined;
}

function asObject(v: unknown): Record<string, unknown> | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

interface FeatureCtx {
  file: string;
  layer: LayerName;
  level: Level;
  index: number;
  id?: string;
  problems: InputProblem[];
  issues: DataIssue[];
}

function problem(c: FeatureCtx, field: string | undefined, key: string, args: Record<string, string | number> = {}): void {
  // `index` stays 0-based (array position); messages count features from 1 as people do
  c.problems.push({
    file: c.file,
    index: c.index,
    id: c.id,
    field,
    msg: { key, args: { file: c.file, index: c.index, n: c.index + 1, id: c.id ?? '?', field: field ?? '', ...args } },
  });
}

function issue(c: FeatureCtx, field: string, key: string, args: Record<string, string | number> = {}): void {
  c.issues.push({ level: c.level, id: c.id ?? `#${c.index}`, index: c.index, field, severity: 'warning', msg: { key, args: { id: c.id ?? `#${c.index}`, field, ...args } } });
}

/** A count or size: not a number, negative or beyond PLAUSIBLE (core/limits.ts) → a data issue
 *  with the bound, the value unknown and the raw value kept in extra. */
function readNumber(c: FeatureCtx, r: PropertyReader, field: string, aliases: readonly string[]): number | undefined {
  const p = r.get(aliases);
  if (!p) return undefined;
  const n = numeric(p.value);
  const b = PLAUSIBLE[field];
  let key: string | undefined;
  if (n === undefined) key = 'issue.notNumber';
  else if (n < 0 && (!b || b.min >= 0)) key = 'issue.negative';
  else if (!Number.isFinite(n) || (b && (n < b.min || n > b.max))) key = 'issue.implausible';
  if (!key) return n;
  const raw = String(p.value).slice(0, 80);
  issue(c, field, key, { raw, value: raw, key: p.key, min: b?.min ?? 0, max: b?.max ?? Number.MAX_SAFE_INTEGER });
  r.release(p.key);
  return undefined;
}

function readGeometry<T>(c: FeatureCtx, schema: z.ZodType<T>, raw: unknown): T | undefined {
  const g = asObject(raw);
  if (!g) {
    problem(c, 'geometry', 'input.noGeometry');
    return undefined;
  }
  const allowed = GEOMETRY_TYPES[c.layer] as readonly string[];
  if (typeof g.type !== 'string' || !allowed.includes(g.type)) {
    problem(c, 'geometry', 'input.geometryType', { got: String(g.type), allowed: allowed.join(' | ') });
    return undefined;
  }
  // coordinates read straight into a packing (project.ts `scan`) are checked there, and kept there
  const at = readRef(g);
  if (at && readAt(g) && largestPacked(at) <= MAX_POLYGON_VERTICES && fastPacked(at)) return readInto({ type: g.type }, at) as T;
  // anything else about them is said as for the file's arrays
  if (at) ownCoordinates(g);
  // before the schema walks every position: a polygon over the budget is refused at once
  const vertices = largestPolygon(g);
  if (vertices > MAX_POLYGON_VERTICES) {
    problem(c, 'geometry', 'input.tooManyVertices', { vertices, max: MAX_POLYGON_VERTICES });
    return undefined;
  }
  const fast = fastGeometry<T>(g);
  if (fast) return fast;
  const r = schema.safeParse(g);
  if (r.success) return r.data;
  const first = firstPosition(g);
  if (first && !inBox(first[0], first[1], CHINA_BBOX) && inBox(first[1], first[0], CHINA_BBOX)) {
    problem(c, 'geometry', 'input.swappedLonLat', { lon: first[0], lat: first[1] });
  } else if (first && (Math.abs(first[0]) > 180 || Math.abs(first[1]) > 90)) {
    problem(c, 'geometry', 'input.projected', { x: first[0], y: first[1] });
  } else {
    const iss = r.error.issues[0];
    problem(c, 'geometry', 'input.badGeometry', { detail: `${iss?.message ?? ''} @ ${(iss?.path ?? []).join('.')}` });
  }
  return undefined;
}

/** Vertices of the largest polygon of a (not yet validated) Polygon or MultiPolygon; 0 otherwise. */
function largestPolygon(g: Record<string, unknown>): number {
  const count = (rings: unknown) => (Array.isArray(rings) ? rings.reduce<number>((n, r) => n + (Array.isArray(r) ? r.length : 0), 0) : 0);
  if (g.type === 'Polygon') return count(g.coordinates);
  if (g.type === 'MultiPolygon' && Array.isArray(g.coordinates)) return g.coordinates.reduce<number>((m, p) => Math.max(m, count(p)), 0);
  return 0;
}

function begin(file: string, layer: LayerName, level: Level, index: number, raw: unknown, problems: InputProblem[], issues: DataIssue[]) {
  const c: FeatureCtx = { file, layer, level, index, problems, issues };
  const f = asObject(raw);
  if (f?.type !== 'Feature') {
    problem(c, undefined, 'input.notFeature');
    return undefined;
  }
  const props = f.properties === null || f.properties === undefined ? {} : asObject(f.properties);
  if (!props) {
    problem(c, 'properties', 'input.notObject');
    return undefined;
  }
  return { c, f, r: new PropertyReader(shallowEnough(c, props)) };
}

/** Properties without values nested deeper than MAX_VALUE_DEPTH (each one said). */
function shallowEnough(c: FeatureCtx, props: Record<string, unknown>): Record<string, unknown> {
  const deep = Object.keys(props).filter((k) => tooDeep(props[k]));
  if (deep.length === 0) return props;
  const out: Record<string, unknown> = Object.create(null);
  for (const k of Object.keys(props)) {
    if (deep.includes(k)) issue(c, k, 'issue.tooDeep', { key: k, max: MAX_VALUE_DEPTH });
    else out[k] = props[k];
  }
  return out;
}

function nameOf(r: PropertyReader, aliases: readonly string[], fallback: string): string {
  const p = r.get(aliases);
  return p ? String(p.value).trim() : fallback;
}

export function parseCommunity(raw: unknown, index: number, file: string, problems: InputProblem[], issues: DataIssue[]): Community | undefined {
  const b = begin(file, 'communities', 'community', index, raw, problems, issues);
  if (!b) return undefined;
  const { c, f, r } = b;
  const F = COMMUNITY_FIELDS;
  c.id = idOf(f, r, F.id);
  if (!c.id) problem(c, 'id', 'input.missingId');
  const name = nameOf(r, F.name, c.id ?? '');
  const streetRaw = r.get(F.street);
  const typeRaw = r.get(F.type);
  const type = matchValue(COMMUNITY_TYPE_VALUES, typeRaw?.value);
  if (!typeRaw) problem(c, 'type', 'input.missingField', { expected: 'new | built | rural（新建 / 已建成 / 村）' });
  else if (!type) problem(c, 'type', 'input.badValue', { got: String(typeRaw.value), expected: 'new | built | rural（新建 / 已建成 / 村）' });
  const builtYear = readNumber(c, r, 'builtYear', F.builtYear);
  const population = readNumber(c, r, 'population', F.population);
  const households = readNumber(c, r, 'households', F.households);
  const elderly = readNumber(c, r, 'elderly', F.elderly);
  const infants = readNumber(c, r, 'infants', F.infants);
  const geometry = readGeometry(c, zCommunityGeometry, f.geometry);
  const entrances = readEntrances(c, r, F.entrances);
  if (!c.id || !type || !geometry) return undefined;
  return checkRecord(
    COMMUNITY_RECORD,
    zCommunityRecord,
    withoutUndefined({
      id: c.id,
      name,
      street: streetRaw ? String(streetRaw.value).trim() : undefined,
      type,
      builtYear,
      population,
      households,
      elderly,
      infants,
      geometry,
      entrances,
      extra: r.rest(),
    }),
  );
}

/** Entrances as a list of [lon, lat] pairs or text "lon,lat; lon,lat" (a spreadsheet cell). A value
 *  that is neither is reported and left out: the community still counts, from its own point. */
function readEntrances(c: FeatureCtx, r: PropertyReader, aliases: readonly string[]): [number, number][] | undefined {
  const p = r.get(aliases);
  if (!p || p.value === null || p.value === '') return undefined;
  const pairs: unknown[] = Array.isArray(p.value)
    ? p.value
    : String(p.value)
        .split(/[;；|]/)
        .map((s) => s.trim())
        .filter(Boolean)
        .map((s) => s.split(/[,，\s]+/).map(Number));
  const ok = pairs.every(
    (q) => Array.isArray(q) && q.length === 2 && q.every((v) => typeof v === 'number' && Number.isFinite(v)) && Math.abs(q[0] as number) <= 180 && Math.abs(q[1] as number) <= 90,
  );
  if (!ok || pairs.length === 0) {
    issue(c, 'entrances', 'issue.badEntrances', { raw: JSON.stringify(p.value).slice(0, 80), key: p.key });
    return undefined;
  }
  return pairs as [number, number][];
}

const EXPECTED_KINDS = FACILITY_KINDS.map((k) => `${k}（${FACILITY_KIND_VALUES[k][1]}）`).join(' | ');

export function parseFacility(raw: unknown, index: number, file: string, problems: InputProblem[], issues: DataIssue[]): Facility | undefined {
  const b = begin(file, 'facilities', 'facility', index, raw, problems, issues);
  if (!b) return undefined;
  const { c, f, r } = b;
  const F = FACILITY_FIELDS;
  c.id = idOf(f, r, F.id);
  if (!c.id) problem(c, 'id', 'input.missingId');
  const name = nameOf(r, F.name, c.id ?? '');
  const kindRaw = r.get(F.kind);
  const kind = matchValue(FACILITY_KIND_VALUES, kindRaw?.value);
  if (!kindRaw) problem(c, 'kind', 'input.missingField', { expected: EXPECTED_KINDS });
  else if (!kind) problem(c, 'kind', 'input.badValue', { got: String(kindRaw.value), expected: EXPECTED_KINDS });
  const ownRaw = r.get(F.ownership);
  const ownership = ownRaw ? matchValue(OWNERSHIP_VALUES, ownRaw.value) : undefined;
  if (ownRaw && !ownership) issue(c, 'ownership', 'issue.badValue', { raw: String(ownRaw.value), expected: 'public | public_private | private（公办 / 公建民营 / 民办）' });
  const incRaw = r.get(F.inclusive);
  const inclusive = incRaw ? coerceBool(incRaw.value) : undefined;
  if (incRaw && inclusive === undefined) issue(c, 'inclusive', 'issue.badValue', { raw: String(incRaw.value), expected: 'true | false（是 / 否）' });
  const numbers = {
    beds: readNumber(c, r, 'beds', F.beds),
    nursingBeds: readNumber(c, r, 'nursingBeds', F.nursingBeds),
    places: readNumber(c, r, 'places', F.places),
    floorArea: readNumber(c, r, 'floorArea', F.floorArea),
    landArea: readNumber(c, r, 'landArea', F.landArea),
    socialWorkers: readNumber(c, r, 'socialWorkers', F.socialWorkers),
  };
  const link = r.get(F.community);
  const geometry = readGeometry(c, zFacilityGeometry, f.geometry);
  if (!c.id || !kind || !geometry) return undefined;
  const extra = r.rest();
  if (link) extra.community = String(link.value).trim();
  // built in the schema's key order (the order Zod's copy had)
  const { beds, nursingBeds, places, floorArea, landArea, socialWorkers } = numbers;
  return checkRecord(
    FACILITY_RECORD,
    zFacilityRecord,
    withoutUndefined({ id: c.id, name, kind, beds, nursingBeds, places, floorArea, landArea, ownership, inclusive, socialWorkers, geometry, extra }),
  );
}

export function parseStreet(raw: unknown, index: number, file: string, problems: InputProblem[], issues: DataIssue[]): Street | undefined {
  const b = begin(file, 'streets', 'street', index, raw, problems, issues);
  if (!b) return undefined;
  const { c, f, r } = b;
  const F = STREET_FIELDS;
  c.id = idOf(f, r, F.id);
  if (!c.id) problem(c, 'id', 'input.missingId');
  const name = nameOf(r, F.name, c.id ?? '');
  const typeRaw = r.get(F.type);
  // no type given: a name ending in 街道 is a street, in 镇/乡 a town (the national naming rule)
  const type = typeRaw ? matchValue(STREET_TYPE_VALUES, typeRaw.value) : /街道$/.test(name) ? 'street' : /[镇乡]$/.test(name) ? 'town' : undefined;
  if (!type) problem(c, 'type', typeRaw ? 'input.badValue' : 'input.missingField', { got: String(typeRaw?.value ?? ''), expected: 'street | town（街道 / 镇）' });
  const geometry = readGeometry(c, zStreetGeometry, f.geometry);
  if (!c.id || !type || !geometry) return undefined;
  return checkRecord(STREET_RECORD, zStreetRecord, { id: c.id, name, type, geometry, extra: r.rest() });
}

export function parseRoad(raw: unknown, index: number, file: string, problems: InputProblem[], issues: DataIssue[]): Road | undefined {
  const b = begin(file, 'roads', 'area', index, raw, problems, issues);
  if (!b) return undefined;
  const { c, f, r } = b;
  c.id = idOf(f, r, ROAD_FIELDS.id) ?? `road-${index}`;
  const hw = r.get(ROAD_FIELDS.highway);
  const nm = r.get(ROAD_FIELDS.name);
  const src = r.get(ROAD_FIELDS.source);
  const geometry = readGeometry(c, zRoadGeometry, f.geometry);
  if (!geometry) return undefined;
  return checkRecord(
    ROAD_RECORD,
    zRoadRecord,
    withoutUndefined({ id: c.id, highway: hw ? String(hw.value) : undefined, name: nm ? String(nm.value) : undefined, source: src ? String(src.value) : undefined, geometry }),
  );
}

/** The record without its undefined fields, before the schema reads it (the schema adds no key that
 *  is missing; deleting keys afterwards made every record a slow dictionary object). */
function withoutUndefined<T extends object>(o: T): T {
  const out = {} as T;
  for (const k in o) if (o[k] !== undefined) out[k] = o[k];
  return out;
}

const LEVEL_OF: Record<LayerName, Level> = { communities: 'community', facilities: 'facility', streets: 'street', roads: 'area' };

type FeatureParser<T> = (raw: unknown, index: number, file: string, problems: InputProblem[], issues: DataIssue[]) => T | undefined;

const PARSERS = { communities: parseCommunity, facilities: parseFacility, streets: parseStreet, roads: parseRoad };
export interface LayerTypes {
  communities: Community;
  facilities: Facility;
  streets: Street;
  roads: Road;
}

/** At most this many problems are listed; the rest are counted. */
export const MAX_PROBLEMS = 20;

/** A ring check left for later (`ringsLater`): the record, and where in the issues its finding goes. */
export interface RingCheck {
  /** the index in the issues list the finding is inserted at (before the issue now there) */
  at: number;
  level: Level;
  id: string;
  index: number;
  geometry: Polygon | MultiPolygon;
}

const geometryIssue = (level: Level, id: string, index: number, g: Finding): DataIssue => ({ level, id, index, field: g.field, severity: 'error', msg: g.msg });

/** A FeatureCollection (already JSON-parsed) → the layer, or every problem found (never half a layer).
 *  With `ringsLater`, the rings' self-intersection check is left out and listed there instead:
 *  withRingIssues() then gives the very list the full check gives. */
export function parseLayer<L extends LayerName>(layer: L, fc: unknown, file: string, ringsLater?: RingCheck[]): Parsed<LayerTypes[L]> {
  const o = asObject(fc);
  if (o?.type !== 'FeatureCollection' || !Array.isArray(o.features)) {
    return { ok: false, problems: [{ file, msg: { key: 'input.notFeatureCollection', args: { file } } }] };
  }
  const parse = PARSERS[layer] as FeatureParser<LayerTypes[L]>;
  const problems: InputProblem[] = [];
  const issues: DataIssue[] = [];
  const items: LayerTypes[L][] = [];
  const level = LEVEL_OF[layer];
  o.features.forEach((f: unknown, i: number) => {
    const v = parse(f, i, file, problems, issues);
    if (!v) return;
    items.push(v);
    // the importer's geometry checks, listed: a project with one bad outline still opens
    const g = v.geometry;
    if (ringsLater && (g.type === 'Polygon' || g.type === 'MultiPolygon') && !swapped(g)) ringsLater.push({ at: issues.length, level, id: v.id, index: i, geometry: g });
    for (const x of geometryFindings(v.id, g, { rings: !ringsLater })) issues.push(geometryIssue(level, v.id, i, x));
  });
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, items, issues };
}

/** The issues with the ring checks left for later done and put where the full check puts them. */
export function withRingIssues(issues: readonly DataIssue[], later: readonly RingCheck[]): DataIssue[] {
  const out: DataIssue[] = [];
  let from = 0;
  for (const r of later) {
    for (; from < r.at; from++) out.push(issues[from]);
    for (const x of ringFindings(r.id, r.geometry)) out.push(geometryIssue(r.level, r.id, r.index, x));
  }
  for (; from < issues.length; from++) out.push(issues[from]);
  return out;
}
