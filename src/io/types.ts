// Types shared by the importers, the validator and the exporters. Everything here is plain data
// so it can cross a worker boundary (structured clone) unchanged.
import type { Feature, Geometry } from 'geojson';
import type { Community, Facility, Msg, Road, Street } from '../core/model';

export type LayerKind = 'communities' | 'facilities' | 'streets' | 'roads';
export const LAYER_KINDS: readonly LayerKind[] = ['communities', 'facilities', 'streets', 'roads'];

/** Coordinates copied from Chinese web maps: 高德/腾讯 use GCJ-02, 百度 uses BD-09. */
export type WebCoords = 'wgs84' | 'gcj02' | 'bd09';
export const WEB_COORDS: readonly WebCoords[] = ['wgs84', 'gcj02', 'bd09'];

export type SourceFormat = 'geojson' | 'shapefile' | 'kml' | 'kmz' | 'csv' | 'xlsx' | 'dxf' | 'osm';

/** How a feature is numbered for people: spreadsheet row (as Excel shows it) or 1-based feature number. */
export type Numbering = 'row' | 'feature';

/** One feature as read, already in WGS84 lon/lat, with the file's own properties untouched. */
export interface SourceFeature {
  /** row number (spreadsheets, header included) or feature number (1-based) */
  number: number;
  geometry: Geometry | null;
  properties: Record<string, unknown>;
  /** why the geometry is null, when the reader knows (e.g. "empty longitude cell") */
  geometryNote?: Msg;
  /** cells the reader could not take at face value (a formula with no saved result …) */
  cellNotes?: { column: string; code: ProblemCode; msg: Msg }[];
}

/** Where the coordinates came from and what was done to them: recorded in every export. */
export interface CrsInfo {
  /** e.g. "EPSG:4524", "EPSG:4326", or "custom" */
  code: string;
  /** how we know: read from .prj / the file format says so / given by the user / guessed from the numbers */
  source: 'prj' | 'format' | 'user' | 'guessed';
  /** proj4 definition used to transform, absent when the source is already lon/lat */
  proj4?: string;
}

export interface SourceLayer {
  /** layer name: file name, shapefile base name, sheet name or DXF layer */
  name: string;
  format: SourceFormat;
  numbering: Numbering;
  crs: CrsInfo;
  /** web-map conversion applied (wgs84 = none) */
  coords: WebCoords;
  /** text encoding the attributes were decoded with, and how it was chosen */
  encoding?: { name: string; source: 'bom' | 'cpg' | 'ldid' | 'detected' | 'user' | 'utf8' };
  /** property names in file order */
  columns: string[];
  features: SourceFeature[];
  /** non-fatal notes from reading (title rows skipped, CRS guessed …) */
  notes: Msg[];
}

export interface ReadOptions {
  /** override or supply the coordinate reference system: "EPSG:4524" or a proj4 string */
  crs?: string;
  /** convert from GCJ-02 / BD-09 to WGS84 */
  coords?: WebCoords;
  /** force a text encoding (WHATWG label, e.g. "gbk") */
  encoding?: string;
  /** spreadsheets: the columns that hold x/lon and y/lat, when the guess is wrong */
  xColumn?: string;
  yColumn?: string;
  /** spreadsheets: 1-based row holding the column names (default: detected) */
  headerRow?: number;
  /** DXF / multi-layer files: keep only these layers */
  layers?: string[];
  /** the study area [west, south, east, north]: lets unprefixed Gauss-Krüger metres find their zone */
  area?: [number, number, number, number];
  /** called with 0…1 while parsing; the worker forwards it to the page */
  onProgress?: (fraction: number) => void;
}

export type ReadResult = { ok: true; layers: SourceLayer[] } | { ok: false; error: Msg };

/** model field → source column */
export type Mapping = Record<string, string>;

export type ProblemCode =
  | 'no_geometry'
  | 'bad_geometry'
  | 'wrong_geometry_type'
  | 'self_intersection'
  | 'too_many_vertices'
  | 'implausible'
  | 'not_a_number'
  | 'negative'
  | 'nursing_gt_beds'
  | 'part_gt_whole'
  | 'duplicate_id'
  | 'missing_id'
  | 'unknown_value'
  | 'missing_value'
  | 'outside_area'
  | 'swapped_lonlat'
  | 'formula_without_value';

export interface Problem {
  /** row or feature number as the user sees it (see layer numbering) */
  number: number;
  numbering: Numbering;
  id?: string;
  field?: string;
  column?: string;
  severity: 'error' | 'warning';
  code: ProblemCode;
  msg: Msg;
}

export interface ValidationReport {
  file: string;
  layer: string;
  kind: LayerKind;
  total: number;
  /** features without any error: these are imported when the user picks "import the good ones" */
  good: number;
  withErrors: number;
  withWarnings: number;
  byCode: Partial<Record<ProblemCode, number>>;
  problems: Problem[];
  crs: CrsInfo;
  coords: WebCoords;
  encoding?: SourceLayer['encoding'];
  mapping: Mapping;
  /** about the whole layer, e.g. ids generated from row numbers */
  notes?: Msg[];
}

export type ModelItem = Community | Facility | Street | Road;

export interface KindItems {
  communities: Community;
  facilities: Facility;
  streets: Street;
  roads: Road;
}

/** The result of checking one layer: nothing is applied until acceptImport() is called. */
export interface ImportOutcome<K extends LayerKind = LayerKind> {
  kind: K;
  /** only the features without errors, in file order */
  good: KindItems[K][];
  report: ValidationReport;
}

export type GeoFeature = Feature<Geometry | null, Record<string, unknown>>;
