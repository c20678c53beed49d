// The import dialogue and the exports, as the analysis worker runs them. The file is read once
// and kept here; the page sees summaries, the validation report and, once the user accepts, the
// layer the worker now analyses. Exports are built here too, so SheetJS never loads in the page.
// session.ts spreads createImportApi(...) into the analysis session; tests call it in Node.
import { dataCredits } from '../core/credits';
import type { Evaluation } from '../core/evaluate';
import type { Layers, Msg } from '../core/model';
import { importLayer } from '../io/import-layer';
import { mergeLayer, type ImportMode, type ImportPlan } from '../io/merge';
import { readFileLazy } from '../io/read-lazy';
import { guessMapping } from '../io/fields';
import { areaBox, layerSummary, referencePositions, type LayerSummary } from '../io/summary';
import { shiftHint, type ShiftHint } from '../io/webmap';
import type { ServiceArea } from '../io/export/gaps';
import type { ServiceAreas } from './service-areas';
import { importRecord, type ImportRecord } from '../io/export/model';
import type { ImportOutcome, LayerKind, Mapping, SourceLayer, ValidationReport, WebCoords } from '../io/types';
import type { Lang } from '../i18n';

export interface ImportReadRequest {
  name: string;
  /** the file's bytes, transferred (not copied) to the worker */
  buffer: ArrayBuffer;
  /** which mapping the summaries guess; the page's choice, or omitted for the worker's own guess */
  kind?: LayerKind;
  /** "EPSG:4524" or a proj4 string; omitted = from the .prj / the numbers */
  crs?: string;
  coords?: WebCoords;
  encoding?: string;
  /** spreadsheets: the longitude and latitude columns, when the user swapped the guessed ones */
  xColumn?: string;
  yColumn?: string;
}

export interface ImportLayerInfo extends LayerSummary {
  /** the layer kind guessed from geometry and columns */
  guessedKind: LayerKind;
  /** point layers: how far the points lie from data already loaded, read as WGS84/GCJ-02/BD-09 */
  shift?: ShiftHint;
}

export type ImportReadAnswer = { ok: true; layers: ImportLayerInfo[] } | { ok: false; error: Msg };

export interface ImportCheckRequest {
  layer: number;
  kind: LayerKind;
  mapping: Mapping;
  mode: ImportMode;
  /** a value for every row whose mapped column is empty or missing, e.g. {kind: 'childcare'} */
  defaults?: Record<string, string | number | boolean>;
}

/** the validation report and what accepting would change in the layer (counts, the removed listed) */
export interface ImportCheckAnswer {
  report: ValidationReport;
  plan: ImportPlan;
}

/** What the page needs after an accepted import. The good records travel as JSON text in chunks:
 *  strings cross to the page as cheap copies, and the page parses one chunk per task, where
 *  structured-clone deserialisation of 50 000 objects would block it for ~300 ms in one go. */
export interface ImportApplied {
  kind: LayerKind;
  mode: ImportMode;
  imported: number;
  plan: ImportPlan;
  /** the whole layer after the import as JSON arrays of at most JSON_CHUNK records (none for
   *  roads: the page keeps no roads) — the page takes it as the worker made it, merge included */
  layerJson: string[];
  roadCount: number;
  /** licence credits of the new baseline (an OpenStreetMap import brings ODbL's) */
  credits: string[];
  report: ValidationReport;
  /** where the rows came from and what was done to them (CRS, web-map conversion, encoding,
   *  mapping): the page keeps it in the project's `imports` list, so saved files carry it */
  record: ImportRecord & { mode: ImportMode; imported: number; added: number; updated: number; removed: number; at: string };
}

export interface ImportRestored {
  kind: LayerKind;
  roadCount: number;
  credits: string[];
}

export type ExportFormat = 'csv' | 'xlsx';
export interface ExportRequest {
  evaluation: Pick<Evaluation, 'results' | 'coverage' | 'profile' | 'params'>;
  lang: Lang;
  profileName?: string;
}

/** How the import reaches the project in session.ts: imports replace layers of the BASELINE (the
 *  page then replays the open scenario onto it); exports read what is analysed now. */
export interface ProjectHandle {
  baseline(): Layers | null;
  current(): Layers | null;
  setBaseline(layers: Layers): void;
  /** the project file text of these layers (the open project's area, these profile/params/other keys) */
  projectText(layers: Layers, p: ProjectTextRequest): string;
  /** the circles or walk areas handed out with this id (ServiceAreas.id), if still kept */
  areas?(id: number): ServiceAreas | null;
}

export interface ProjectTextRequest {
  profile: string;
  params: Record<string, unknown>;
  other: Record<string, unknown>;
}

/** records per JSON chunk: parsing one takes well under 50 ms on a slow machine */
export const JSON_CHUNK = 5000;

function jsonChunks(items: readonly unknown[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < items.length; i += JSON_CHUNK) out.push(JSON.stringify(items.slice(i, i + JSON_CHUNK)));
  return out;
}

const POINTS = new Set(['Point', 'MultiPoint']);
const LINES = new Set(['LineString', 'MultiLineString']);

/** Geometry decides lines (roads) and polygons vs points; columns decide the rest. */
export function guessKind(layer: Pick<SourceLayer, 'name' | 'columns'>, geometryTypes: Record<string, number>): LayerKind {
  const count = (set: Set<string>) => Object.entries(geometryTypes).reduce((s, [t, n]) => s + (set.has(t) ? n : 0), 0);
  const total = Object.values(geometryTypes).reduce((s, n) => s + n, 0);
  if (total > 0 && count(LINES) * 2 > total) return 'roads';
  const facility = guessMapping(layer.columns, 'facilities');
  const community = guessMapping(layer.columns, 'communities');
  const facilityScore = ['kind', 'beds', 'nursingBeds', 'places', 'floorArea'].filter((f) => facility[f]).length;
  const communityScore = ['population', 'households', 'elderly', 'infants'].filter((f) => community[f]).length;
  const pointy = total > 0 && count(POINTS) * 2 > total;
  if (pointy) return communityScore > facilityScore ? 'communities' : 'facilities';
  if (communityScore > 0) return 'communities';
  if (/街道|乡镇|街镇|street|town/i.test([layer.name, ...layer.columns].join(' '))) return 'streets';
  return facilityScore > 0 ? 'facilities' : 'communities';
}

/** GeoJSON, KML and OSM are WGS84 by definition: a web-map reading must fit four times better
 *  than WGS84 (not twice, as for spreadsheets) before it is offered for them */
const WGS84_FORMATS = new Set(['geojson', 'kml', 'kmz', 'osm']);
function strongEnough(h: ShiftHint, format: string): boolean {
  return h.best === 'wgs84' || !WGS84_FORMATS.has(format) || h.medianMetres[h.best] * 4 <= h.medianMetres.wgs84;
}

const KIND_OF_OSM = (name: string): LayerKind | undefined => (/ roads$/.test(name) ? 'roads' : / facilities$/.test(name) ? 'facilities' : undefined);

export function createImportApi(project: ProjectHandle) {
  let file = '';
  let layers: SourceLayer[] = [];
  let last: { outcome: ImportOutcome; mode: ImportMode } | undefined;
  /** each accepted import's layers before and after, newest last: "restore the previous data" */
  const versions: { before: Layers; after: Layers; kind: LayerKind }[] = [];
  /** counts forget(): a read that another read or a cancel overtook while its reader loaded is
   *  answered but not kept */
  let generation = 0;
  const forget = () => {
    generation++;
    file = '';
    layers = [];
    last = undefined;
  };

  return {
    /** Reads a dropped file (its format's reader loads on first use); `onProgress` (a Comlink
     *  proxy from the page) hears 0…1. */
    async importRead(req: ImportReadRequest, onProgress?: (fraction: number) => void): Promise<ImportReadAnswer> {
      forget();
      const mine = generation;
      const current = project.baseline();
      // the study area lets unprefixed Gauss-Krüger metres find their zone
      const area = current ? areaBox(current) : undefined;
      const r = await readFileLazy(req.name, new Uint8Array(req.buffer), {
        crs: req.crs || undefined,
        coords: req.coords,
        encoding: req.encoding || undefined,
        xColumn: req.xColumn,
        yColumn: req.yColumn,
        area,
        onProgress: onProgress ? (f) => void onProgress(f) : undefined,
      });
      if (!r.ok) return r;
      if (mine === generation) {
        file = req.name;
        layers = r.layers;
      }
      const reference = current ? referencePositions(current) : [];
      return {
        ok: true,
        layers: r.layers.map((l) => {
          const first = layerSummary(l, req.kind ?? 'facilities');
          const guessedKind = (l.format === 'osm' && KIND_OF_OSM(l.name)) || guessKind(l, first.geometryTypes);
          const kind = req.kind ?? guessedKind;
          const summary = kind === 'facilities' ? first : layerSummary(l, kind);
          const pointy = Object.keys(summary.geometryTypes).some((t) => POINTS.has(t));
          // the hint compares against what is on the map; measured on the points as read (before any conversion)
          const measured = pointy && l.coords === 'wgs84' && reference.length ? shiftHint(l.features, reference) : undefined;
          const shift = measured && strongEnough(measured, l.format) ? measured : measured && { ...measured, best: 'wgs84' as const };
          return { ...summary, guessedKind, shift };
        }),
      };
    },

    /** The validation report for the user's mapping (used exactly). Nothing changes yet. */
    importCheck(req: ImportCheckRequest): ImportCheckAnswer {
      const layer = layers[req.layer];
      if (!layer) throw new RangeError(`no layer ${req.layer}: read a file first (it has ${layers.length} layers)`);
      const current = project.baseline();
      const area = current ? areaBox(current) : undefined;
      // ids already in the layer are no error: merging updates those records
      const outcome = importLayer(layer, { kind: req.kind, file, mapping: req.mapping, exactMapping: true, area, defaults: req.defaults });
      last = { outcome, mode: req.mode };
      const { plan } = mergeLayer((current?.[req.kind] ?? []) as typeof outcome.good, outcome.good, req.mode);
      return { report: outcome.report, plan };
    },

    /** Applies the good records of the last check to the project (replace or append), then
     *  forgets the file. Without a check, or with nothing good, nothing changes (undefined). */
    importAccept(): ImportApplied | undefined {
      const current = project.baseline();
      const chosen = last;
      forget();
      if (!current || !chosen || chosen.outcome.good.length === 0) return undefined;
      const k = chosen.outcome.kind;
      const { items, plan } = mergeLayer(current[k] as typeof chosen.outcome.good, chosen.outcome.good, chosen.mode);
      const next = { ...current, [k]: items } as Layers;
      project.setBaseline(next);
      versions.push({ before: current, after: next, kind: k });
      const n = chosen.outcome.good.length;
      return {
        kind: k,
        mode: chosen.mode,
        imported: n,
        plan,
        layerJson: k === 'roads' ? [] : jsonChunks(items),
        roadCount: next.roads.length,
        credits: dataCredits(next),
        report: chosen.outcome.report,
        record: {
          ...importRecord(chosen.outcome.report),
          mode: chosen.mode,
          imported: n,
          added: plan.added,
          updated: plan.updated,
          removed: plan.removed.length,
          at: new Date().toISOString(),
        },
      };
    },

    /** Puts the layers back as they were before the newest import. Refused (undefined) when the
     *  baseline is no longer what that import left (another project was opened since). */
    importRestore(): ImportRestored | undefined {
      const top = versions.pop();
      const current = project.baseline();
      if (!top || !current || current[top.kind] !== top.after[top.kind]) {
        versions.length = 0;
        return undefined;
      }
      project.setBaseline(top.before);
      return { kind: top.kind, roadCount: top.before.roads.length, credits: dataCredits(top.before) };
    },

    /** The project file (its data) as it was before the newest import, for the page to keep so
     *  "restore the data before the import" survives a reload; undefined when there is none. */
    importBeforeText(p: ProjectTextRequest): string | undefined {
      const top = versions[versions.length - 1];
      return top ? project.projectText(top.before, p) : undefined;
    },

    /** Forgets the file: nothing was applied. */
    importCancel(): void {
      forget();
    },

    /** Results tables: one CSV (UTF-8 with BOM) per level, or one XLSX with a sheet per level. */
    async exportResults(format: ExportFormat, req: ExportRequest): Promise<{ name: string; bytes: Uint8Array }[]> {
      // the table writers bring SheetJS and the tables the messages: loaded with the first export
      const [{ toCsv, toXlsx }, { headerBlock, resultTables }] = await Promise.all([import('../io/export/table'), import('../io/export/results')]);
      const tables = resultTables(req.evaluation, req.lang);
      const header = headerBlock(req.evaluation, req.lang, req.profileName);
      if (format === 'xlsx') return [{ name: 'results.xlsx', bytes: toXlsx(tables, header) }];
      return tables.map((tb) => ({ name: `${tb.name}.csv`, bytes: toCsv(tb, header) }));
    },

    /** Gaps as one GeoJSON: failing units per rule, communities outside each circle, and the
     *  circles or walk areas the page shows (their id: the page holds none of their outlines). */
    async exportGaps(req: ExportRequest, areasId: number | null): Promise<string> {
      const { gapsGeoJSON } = await import('../io/export/gaps'); // with the messages, on first use
      const current = project.current();
      if (!current) throw new Error('exportGaps() before a project was loaded');
      const shown = areasId === null ? null : (project.areas?.(areasId) ?? null);
      if (areasId !== null && !shown) throw new Error(`exportGaps(): the areas ${areasId} are no longer kept`);
      const areas: ServiceArea[] = (shown?.features ?? []).map((f) => ({
        circle: f.properties.circle,
        facility: f.properties.facility === '*' ? undefined : f.properties.facility,
        geometry: f.geometry,
      }));
      return JSON.stringify(gapsGeoJSON(req.evaluation, current, req.lang, areas));
    },
  };
}

export type ImportApi = ReturnType<typeof createImportApi>;
