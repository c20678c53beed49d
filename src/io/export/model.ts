// Model records out as files: GeoJSON in the project's data model (what `npm run import` writes
// and the project loader reads) and spreadsheets with Chinese headers the importer recognises,
// so export → import gives the same records.
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import { mapPositions } from '../geometry';
import type { Lang } from '../../i18n';
import { COMMUNITY_TYPE_VALUES, FACILITY_KIND_VALUES, OWNERSHIP_VALUES, STREET_TYPE_VALUES } from '../../schemas/fields';
import type { KindItems, LayerKind, ValidationReport } from '../types';
import type { CellValue, ExportTable } from './table';

/** Where the data came from and what was done to it (CRS, web-map conversion, encoding, mapping). */
export interface ImportRecord {
  kind: LayerKind;
  source: string;
  layer: string;
  crs: string;
  crsSource: string;
  coords: string;
  encoding?: string;
  mapping: Record<string, string>;
}

export function importRecord(r: ValidationReport): ImportRecord {
  return { kind: r.kind, source: r.file, layer: r.layer, crs: r.crs.code, crsSource: r.crs.source, coords: r.coords, encoding: r.encoding?.name, mapping: r.mapping };
}

/**
 * Flat properties: the model's fields, then the file's other columns (extra) where they do not
 * clash. GIS programs show flat attributes, and src/schemas reads them back by the same names.
 */
export function layerToGeoJSON<K extends LayerKind>(
  kind: K,
  items: KindItems[K][],
  record?: ImportRecord,
  digits = 7,
): FeatureCollection<Geometry, Record<string, unknown>> & { kind: K; import?: ImportRecord } {
  // 7 decimals of a degree ≈ 1 cm: projection noise such as 108.93849999999999 is written 108.9385
  const f = 10 ** digits;
  const round = (p: Position): Position => p.map((x) => Math.round(x * f) / f);
  const features = items.map((item): Feature<Geometry, Record<string, unknown>> => {
    const { geometry: raw, ...rest } = item as KindItems[K] & { extra?: Record<string, unknown> };
    const geometry = mapPositions(raw as Geometry, round);
    const { extra, ...fields } = rest as { extra?: Record<string, unknown> } & Record<string, unknown>;
    const properties: Record<string, unknown> = { ...(extra ?? {}), ...fields };
    return { type: 'Feature', id: item.id, geometry, properties };
  });
  // "kind" and "import" are GeoJSON foreign members: which layer this is and where it came from
  return { type: 'FeatureCollection', kind, ...(record ? { import: record } : {}), features };
}

/** Column headers: Chinese names from the alias table (the second alias), or the model's field names. */
const HEADERS_ZH: Record<LayerKind, Record<string, string>> = {
  communities: {
    id: '编号',
    name: '名称',
    street: '所属街道',
    type: '类型',
    builtYear: '建成年份',
    population: '常住人口',
    households: '户数',
    elderly: '60岁以上人口',
    infants: '0-3岁人口',
  },
  facilities: {
    id: '编号',
    name: '名称',
    kind: '设施类型',
    beds: '床位数',
    nursingBeds: '护理型床位',
    places: '托位数',
    floorArea: '建筑面积',
    landArea: '用地面积',
    ownership: '性质',
    inclusive: '是否普惠',
    socialWorkers: '社工人数',
  },
  streets: { id: '编号', name: '名称', type: '类型' },
  roads: { id: '编号', name: '道路名称', highway: '道路等级', source: '数据来源' },
};

/** Categorical values in Chinese: the first Chinese alias of each canonical value. */
function zhValue(table: Record<string, string[]>, v: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the range \x00-\x7f is ASCII; its complement is what is Chinese
  return table[v]?.find((a) => /[^\x00-\x7f]/.test(a)) ?? v;
}

const VALUE_TABLES: Partial<Record<LayerKind, Record<string, Record<string, string[]>>>> = {
  communities: { type: COMMUNITY_TYPE_VALUES },
  facilities: { kind: FACILITY_KIND_VALUES, ownership: OWNERSHIP_VALUES },
  streets: { type: STREET_TYPE_VALUES },
};

/**
 * A spreadsheet of one layer. Point geometries give 经度/纬度 (lon/lat, WGS84) columns; other
 * geometries cannot live in a cell, so their coordinates stay empty (use GeoJSON for outlines).
 */
export function layerToTable<K extends LayerKind>(kind: K, items: KindItems[K][], lang: Lang): ExportTable {
  const headers = HEADERS_ZH[kind];
  const fields = Object.keys(headers);
  const extraKeys = [...new Set(items.flatMap((i) => Object.keys((i as { extra?: Record<string, unknown> }).extra ?? {})))].filter((k) => !fields.includes(k));
  const lonKey = lang === 'zh' ? '经度' : 'lon';
  const latKey = lang === 'zh' ? '纬度' : 'lat';
  const columns = [
    ...fields.map((f) => ({ key: f, header: lang === 'zh' ? headers[f] : f })),
    { key: '\u0000lon', header: lonKey },
    { key: '\u0000lat', header: latKey },
    ...extraKeys.map((k) => ({ key: `\u0000x:${k}`, header: k })),
  ];
  const rows = items.map((item) => {
    const rec = item as unknown as Record<string, unknown>;
    const row: Record<string, CellValue> = {};
    for (const f of fields) row[f] = cellOf(kind, f, rec[f], lang);
    const g = item.geometry as Geometry;
    row['\u0000lon'] = g.type === 'Point' ? g.coordinates[0] : null;
    row['\u0000lat'] = g.type === 'Point' ? g.coordinates[1] : null;
    const extra = (rec.extra ?? {}) as Record<string, unknown>;
    for (const k of extraKeys) row[`\u0000x:${k}`] = plain(extra[k]);
    return row;
  });
  return { name: kind, columns, rows };
}

function cellOf(kind: LayerKind, field: string, v: unknown, lang: Lang): CellValue {
  if (v === undefined || v === null) return null;
  if (lang === 'zh' && typeof v === 'string' && VALUE_TABLES[kind]?.[field]) return zhValue(VALUE_TABLES[kind][field], v);
  if (lang === 'zh' && typeof v === 'boolean') return v ? '是' : '否';
  return plain(v);
}

function plain(v: unknown): CellValue {
  if (v === undefined || v === null) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  return JSON.stringify(v);
}
