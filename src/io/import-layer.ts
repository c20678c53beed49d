// From a read layer to model records and a validation report. The record checks are the project file's schemas
// (src/schemas/features.ts); this adds the column mapping, spreadsheet row numbers and the checks
// of validate.ts. Nothing is applied here: acceptImport() is the only step that changes layers,
// and it either takes the good records or nothing.
import type { Geometry } from 'geojson';
import type { DataIssue, Layers, Msg } from '../core/model';
import { parseCommunity, parseFacility, parseRoad, parseStreet, type InputProblem } from '../schemas/features';
import { guessMapping, NUMBER_FIELDS } from './fields';
import type { BBox } from './geometry';
import type { ImportOutcome, KindItems, LayerKind, Mapping, Problem, ProblemCode, SourceFeature, SourceLayer, ValidationReport } from './types';
import { MAX_VALUE_DEPTH } from '../core/limits';
import { geometryFindings, tooDeep } from '../schemas/checks';
import { OSM_ATTRIBUTION } from './osm/attribution';
import { mergeLayer, type ImportMode } from './merge';

export interface ImportOptions {
  kind: LayerKind;
  /** file name, for messages */
  file: string;
  /** model field → column; fields left out are guessed unless `exactMapping` */
  mapping?: Mapping;
  /** use `mapping` as given, guess nothing (the user has reviewed it) */
  exactMapping?: boolean;
  /** values for fields the file does not have, e.g. {kind: 'elderly_daycare'} for a list of day-care centres */
  defaults?: Record<string, string | number | boolean>;
  /** study area [west, south, east, north]; features farther than `maxOutsideMetres` beyond it are errors */
  area?: BBox;
  /** default 5 000 m: a neighbouring town's facility may serve the area, a point 50 km off is a mistake */
  maxOutsideMetres?: number;
  /** ids already in the project layer this import will be appended to */
  existingIds?: Iterable<string>;
}

const PARSERS = { communities: parseCommunity, facilities: parseFacility, streets: parseStreet, roads: parseRoad } as const;

/** The schemas' message keys → problem codes, so counts group the same way whoever found the problem. */
const CODE_OF: Record<string, ProblemCode> = {
  'input.missingId': 'missing_id',
  'input.noGeometry': 'no_geometry',
  'input.geometryType': 'wrong_geometry_type',
  'input.badGeometry': 'bad_geometry',
  'input.projected': 'bad_geometry',
  'input.missingField': 'missing_value',
  'input.badValue': 'unknown_value',
  'input.notFeature': 'bad_geometry',
  'input.notObject': 'bad_geometry',
  'input.swappedLonLat': 'swapped_lonlat',
  'input.tooManyVertices': 'too_many_vertices',
  'issue.notNumber': 'not_a_number',
  'issue.negative': 'negative',
  'issue.implausible': 'implausible',
  'issue.badValue': 'unknown_value',
};

/** Reader notes about a geometry that is there but broken (not missing). */
const BROKEN_GEOMETRY = new Set(['io.note.badShape', 'io.note.badGeometry', 'io.note.badCoordinates']);

/** Data issues that are errors here: the planner should fix the value before it counts as unknown. */
const NUMBER_ISSUES = new Set(['issue.notNumber', 'issue.negative', 'issue.implausible']);

export function importLayer<K extends LayerKind>(layer: SourceLayer, opts: ImportOptions & { kind: K }): ImportOutcome<K> {
  const kind = opts.kind;
  const asked: Mapping = opts.exactMapping ? { ...(opts.mapping ?? {}) } : { ...guessMapping(layer.columns, kind), ...(opts.mapping ?? {}) };
  // a mapping remembered from another file may name a column this one lacks: say so, map nothing
  const missingColumns = Object.entries(asked).filter(([, c]) => !layer.columns.includes(c));
  const mapping: Mapping = Object.fromEntries(Object.entries(asked).filter(([, c]) => layer.columns.includes(c)));
  // roads cut from OpenStreetMap (Geofabrik shapefiles, overpass GeoJSON: an osm_id column) must
  // carry the ODbL attribution even when the file has no source column
  const fromOsm = kind === 'roads' && !mapping.source && layer.columns.some((c) => /^osm_?id$/i.test(c));
  const defaults = fromOsm ? { source: OSM_ATTRIBUTION, ...(opts.defaults ?? {}) } : opts.defaults;
  const mappedColumns = new Set(Object.values(mapping));
  // worked out once, not per row
  const fields: MappedField[] = Object.entries(mapping).map(([field, column]) => ({ field, column, number: NUMBER_FIELDS[kind].includes(field) }));
  const defaultList = Object.entries(defaults ?? {});
  const generateIds = !mapping.id;
  const problems: Problem[] = [];
  const good: KindItems[K][] = [];
  const seen = new Map<string, number>();
  for (const id of opts.existingIds ?? []) seen.set(id, 0);
  const maxOut = opts.maxOutsideMetres ?? 5000;
  let withWarnings = 0;
  let withErrors = 0;

  layer.features.forEach((sf, index) => {
    const mine: Problem[] = [];
    const add = (code: ProblemCode, severity: Problem['severity'], msg: Msg, field?: string, id?: string) => {
      mine.push({ number: sf.number, numbering: layer.numbering, id, field, column: field ? mapping[field] : undefined, severity, code, msg });
    };
    const props = mappedProps(sf, fields, defaultList);
    const id = generateIds ? `${layer.name}-${sf.number}` : undefined;
    if (id) props.id = id;
    const rawId = props.id === undefined || props.id === null ? undefined : String(props.id).trim();

    if (!sf.geometry)
      add(
        sf.geometryNote && BROKEN_GEOMETRY.has(sf.geometryNote.key) ? 'bad_geometry' : 'no_geometry',
        'error',
        sf.geometryNote ?? { key: 'io.note.nullGeometry' },
        'geometry',
        rawId,
      );
    const geometrySaid = mine.length > 0;
    for (const n of sf.cellNotes ?? []) {
      const field = Object.keys(mapping).find((f) => mapping[f] === n.column);
      add(n.code, field ? 'error' : 'warning', n.msg, field, rawId);
    }

    if (sf.geometryNote?.key === 'io.note.notAFeature') {
      // not a feature at all: one message, nothing more to check
      withErrors++;
      problems.push(...mine);
      return;
    }
    const inputProblems: InputProblem[] = [];
    const issues: DataIssue[] = [];
    const parse = PARSERS[kind] as (raw: unknown, i: number, file: string, p: InputProblem[], d: DataIssue[]) => KindItems[K] | undefined;
    const item = parse({ type: 'Feature', geometry: sf.geometry, properties: props }, index, opts.file, inputProblems, issues);
    for (const p of inputProblems) {
      if (p.field === 'geometry' && geometrySaid) continue; // already said, more precisely
      add(CODE_OF[p.msg.key] ?? 'bad_geometry', 'error', relocate(p.msg), p.field, p.id ?? rawId);
    }
    for (const d of issues) add(CODE_OF[d.msg.key] ?? 'unknown_value', NUMBER_ISSUES.has(d.msg.key) ? 'error' : 'warning', relocate(d.msg), d.field, d.id);

    if (item) {
      item.id = item.id.trim();
      if (!geometrySaid) extraChecks(item, kind, sf.geometry, opts.area, maxOut, add);
      const first = seen.get(item.id);
      if (first !== undefined) {
        add(
          'duplicate_id',
          'error',
          first === 0 ? { key: 'io.problem.idInProject', args: { id: item.id } } : { key: 'io.problem.duplicateId', args: { id: item.id, first } },
          'id',
          item.id,
        );
      } else seen.set(item.id, sf.number);
      if ('extra' in item)
        item.extra = Object.assign(
          extraOf(sf, mappedColumns, (k) => add('unknown_value', 'warning', { key: 'io.issue.tooDeep', args: { key: k, max: MAX_VALUE_DEPTH } }, undefined, item.id)),
          item.extra,
        );
    }
    if (mine.some((p) => p.severity === 'error')) withErrors++;
    else if (mine.length) withWarnings++;
    if (item && !mine.some((p) => p.severity === 'error')) good.push(item);
    problems.push(...mine);
  });

  const byCode: ValidationReport['byCode'] = {};
  for (const p of problems) byCode[p.code] = (byCode[p.code] ?? 0) + 1;
  const report: ValidationReport = {
    file: opts.file,
    layer: layer.name,
    kind,
    total: layer.features.length,
    good: good.length,
    withErrors,
    withWarnings,
    byCode,
    problems,
    crs: layer.crs,
    coords: layer.coords,
    encoding: layer.encoding,
    mapping,
    notes: [
      ...missingColumns.map(([field, column]) => ({ key: 'io.note.mappingColumnMissing', args: { field, column } })),
      ...(generateIds ? [{ key: 'io.note.idsGenerated', args: { layer: layer.name } }] : []),
      ...(fromOsm ? [{ key: 'io.note.osmAttribution', args: { source: OSM_ATTRIBUTION } }] : []),
    ],
  };
  return { kind, good, report };
}

/**
 * The schema's own messages say "file: feature {index}"; the report prints the location itself
 * (row or feature number), so known keys get a location-free twin under io.* (same arguments).
 */
const RELOCATED = new Set([
  'input.missingId',
  'input.noGeometry',
  'input.geometryType',
  'input.badGeometry',
  'input.projected',
  'input.swappedLonLat',
  'input.tooManyVertices',
  'input.missingField',
  'input.badValue',
  'issue.notNumber',
  'issue.negative',
  'issue.implausible',
  'issue.tooDeep',
  'issue.badValue',
  'issue.selfIntersection',
  'issue.tooManyVertices',
  'issue.outsideChina',
  'issue.outsideArea',
  'issue.swappedLonLat',
]);
function relocate(m: Msg): Msg {
  return RELOCATED.has(m.key) ? { key: `io.${m.key}`, args: m.args } : m;
}

interface MappedField {
  field: string;
  column: string;
  /** a number field: full-width digits read as digits */
  number: boolean;
}

/** printable ASCII: its own NFKC form */
const ASCII = /^[ -~]*$/;

function mappedProps(sf: SourceFeature, fields: readonly MappedField[], defaults: readonly [string, string | number | boolean][]): Record<string, unknown> {
  const props: Record<string, unknown> = {};
  for (const { field, column, number } of fields) {
    let v = sf.properties[column];
    // full-width digits and commas (１２０，５) read as numbers (printable ASCII is its own NFKC form)
    if (typeof v === 'string') v = number ? (ASCII.test(v) ? v : v.normalize('NFKC')) : v.trim();
    // 建成年份 typed as a date ("2005-06-01", "2005年") or 建成年代 "2005年代": the year is what counts
    if (field === 'builtYear' && typeof v === 'string') v = /^(\d{4})(?:[-/.年]|$)/.exec(v.trim())?.[1] ?? v;
    if (v !== undefined && v !== null && v !== '') props[field] = v;
  }
  for (const [field, v] of defaults) if (props[field] === undefined) props[field] = v;
  return props;
}

/** Unmapped columns, as they came. A nested "extra" object (our own export) is unpacked. */
function extraOf(sf: SourceFeature, mapped: Set<string>, dropped: (key: string) => void): Record<string, unknown> {
  // null-prototype: keys named __proto__, constructor, prototype are plain data here
  const out: Record<string, unknown> = Object.create(null);
  for (const k of Object.keys(sf.properties)) {
    if (mapped.has(k)) continue;
    const v = sf.properties[k];
    if (tooDeep(v)) {
      dropped(k);
      continue;
    }
    if (k === 'extra' && typeof v === 'object' && v !== null && !Array.isArray(v)) Object.assign(out, v);
    else out[k] = v;
  }
  return out;
}

type Add = (code: ProblemCode, severity: Problem['severity'], msg: Msg, field?: string, id?: string) => void;

function extraChecks(item: KindItems[LayerKind], kind: LayerKind, g: Geometry | null, area: BBox | undefined, maxOut: number, add: Add): void {
  const id = item.id;
  if (kind === 'facilities') {
    const { beds, nursingBeds } = item as KindItems['facilities'];
    if (beds !== undefined && nursingBeds !== undefined && nursingBeds > beds)
      add('nursing_gt_beds', 'error', { key: 'io.problem.nursingGtBeds', args: { nursingBeds, beds } }, 'nursingBeds', id);
  }
  if (kind === 'communities') {
    const c = item as KindItems['communities'];
    for (const part of ['elderly', 'infants', 'households'] as const) {
      const v = c[part];
      if (v !== undefined && c.population !== undefined && v > c.population)
        add('part_gt_whole', 'warning', { key: 'io.problem.partGtWhole', args: { field: part, value: v, population: c.population } }, part, id);
    }
  }
  if (!g) return;
  for (const f of geometryFindings(id, g, { area, maxOutsideMetres: maxOut })) add(f.code, 'error', relocate(f.msg), f.field, id);
}

/**
 * The one step that changes data: 'cancel' (or nothing good) returns the same layers object;
 * 'good' returns new layers with the good records merged into the layer (added, or updating the
 * record of the same id / name and place) or, with 'replace', in place of it (src/io/merge.ts).
 */
export function acceptImport(current: Layers, outcome: ImportOutcome, choice: 'good' | 'cancel', mode: ImportMode = 'merge'): Layers {
  if (choice === 'cancel' || outcome.good.length === 0) return current;
  const k = outcome.kind;
  const { items } = mergeLayer(current[k] as KindItems[typeof k][], outcome.good, mode);
  return { ...current, [k]: items } as Layers;
}

export type ImportFileResult<K extends LayerKind> = { ok: true; layer: SourceLayer; outcome: ImportOutcome<K>; report: ValidationReport } | { ok: false; error: Msg };
