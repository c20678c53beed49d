// Column-mapping guesser. The alias tables are the project schema's (src/schemas/fields.ts), so the importer and
// the project-file schemas recognise the same names; this module adds the fuzzier matching a
// spreadsheet needs (units in brackets, "数量" suffixes, a column that contains an alias).
import { COMMUNITY_FIELDS, FACILITY_FIELDS, ROAD_FIELDS, STREET_FIELDS } from '../schemas/fields';
import type { LayerKind, Mapping } from './types';

/** model field → names planners use for it; the first is the model's own name */
export const FIELD_ALIASES: Record<LayerKind, Record<string, readonly string[]>> = {
  communities: COMMUNITY_FIELDS,
  facilities: FACILITY_FIELDS,
  streets: STREET_FIELDS,
  roads: ROAD_FIELDS,
};

/** Columns whose values must be numbers (capacities, counts, areas, years). */
export const NUMBER_FIELDS: Record<LayerKind, readonly string[]> = {
  communities: ['builtYear', 'population', 'households', 'elderly', 'infants'],
  facilities: ['beds', 'nursingBeds', 'places', 'floorArea', 'landArea', 'socialWorkers'],
  streets: [],
  roads: [],
};

/**
 * Lower case, NFKC (full-width → half-width), no spaces/underscores/dashes/punctuation, no
 * bracketed units: "床位数（张）" → "床位数", "Nursing_Beds" → "nursingbeds",
 * "60岁以上人口(人)" → "60岁以上人口", "托位数量" → "托位数".
 */
export function normalizeName(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[([【][^)\]】]*[)\]】]/g, '')
    .replace(/[\s_\-－—~～:/\\.·]+/g, '')
    .replace(/(数量|总量)$/, '数');
}

/**
 * Best column for each model field: the model's own name, then an exact (normalised) alias in
 * alias order, then a column containing a Chinese alias of ≥2 characters ("常住人口数" → population).
 * A column is used once; "护理型床位" never becomes plain beds. Unmapped columns stay in `extra`.
 * The user can fix the result and pass it back to importLayer as `mapping`.
 */
export function guessMapping(columns: string[], kind: LayerKind): Mapping {
  const norm = columns.map(normalizeName);
  const used = new Set<number>();
  const out: Mapping = {};
  const fields = Object.entries(FIELD_ALIASES[kind]);
  const take = (field: string, i: number) => {
    out[field] = columns[i];
    used.add(i);
  };
  for (const [field] of fields) {
    const i = columns.indexOf(field);
    if (i >= 0) take(field, i);
  }
  for (const [field, aliases] of fields) {
    if (out[field]) continue;
    for (const a of aliases) {
      const i = norm.findIndex((n, k) => !used.has(k) && n === normalizeName(a));
      if (i >= 0) {
        take(field, i);
        break;
      }
    }
  }
  for (const [field, aliases] of fields) {
    if (out[field] || field === 'id') continue;
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the range \x00-\x7f is ASCII; its complement is what is Chinese
    for (const a of aliases.filter((x) => x.length >= 2 && /[^\x00-\x7f]/.test(x))) {
      const i = norm.findIndex((n, k) => !used.has(k) && n.includes(normalizeName(a)) && !(field === 'beds' && n.includes('护理')));
      if (i >= 0) {
        take(field, i);
        break;
      }
    }
  }
  if (!out.id) {
    // "社区编号", "机构代码": an id column named after the thing this layer holds (not "街道代码" in a community list)
    const own = ID_PREFIXES[kind];
    const i = norm.findIndex((n, k) => !used.has(k) && own.some((p) => new RegExp(`^${p}(编号|代码|编码|id)$`).test(n)));
    if (i >= 0) take('id', i);
  }
  // in the model's field order, for people reading the report
  return Object.fromEntries(fields.filter(([f]) => out[f] !== undefined).map(([f]) => [f, out[f]]));
}

const ID_PREFIXES: Record<LayerKind, string[]> = {
  communities: ['社区', '小区', '村', '村社区', '居委会', 'community'],
  facilities: ['机构', '设施', '单位', 'facility'],
  streets: ['街道', '镇', '乡镇', '街镇', 'street'],
  roads: ['道路', 'road'],
};

/** Fields the mapping may name for this kind (for the UI's dropdowns and for --map checks). */
export function mappableFields(kind: LayerKind): string[] {
  return Object.keys(FIELD_ALIASES[kind]);
}

/**
 * A key for "the same layout of file": kind plus the sorted, normalised column names. The app
 * stores the user's corrected mapping under it (idb-keyval) and offers it when the layout recurs.
 */
export function layoutKey(columns: string[], kind: LayerKind): string {
  return `${kind}|${[...columns].map(normalizeName).sort().join('|')}`;
}
