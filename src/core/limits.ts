// Every limit the app puts on what it reads, in one place (docs/limits.md says why each value).
// A value beyond a plausibility bound is a typo or a unit mistake far more often than a fact: it
// is reported with the bound and left unknown, so it cannot swamp a sum or a ratio.

export interface Bound {
  min: number;
  max: number;
}

/** Plausible values of one record's numbers (one community, one facility, one new site). */
export const PLAUSIBLE: Readonly<Record<string, Bound>> = {
  // one 小区/社区/村: the largest urban 社区 have around 100 000 residents; ten times that is a whole district
  population: { min: 0, max: 1_000_000 },
  households: { min: 0, max: 500_000 },
  elderly: { min: 0, max: 1_000_000 },
  infants: { min: 0, max: 1_000_000 },
  builtYear: { min: 1800, max: 2100 },
  // one facility: the largest elderly institutions in China have a few thousand beds
  beds: { min: 0, max: 20_000 },
  nursingBeds: { min: 0, max: 20_000 },
  places: { min: 0, max: 5_000 },
  floorArea: { min: 0, max: 1_000_000 },
  landArea: { min: 0, max: 5_000_000 },
  socialWorkers: { min: 0, max: 5_000 },
};

/** Parameters a planner can set (app inputs, --set, a project file's params), where "positive"
 *  alone would let nonsense through. */
export const PARAM_BOUNDS = {
  // m/s: a slow walker with a frame ~0.3, a brisk adult ~1.6; beyond 2 is running
  walkSpeed: { min: 0.3, max: 2 },
  // the documents speak of 5-, 10- and 15-minute circles; an hour is already a district
  circleMinutes: { min: 1, max: 60 },
  detourFactor: { min: 1, max: 2 },
  colocateDistance: { min: 0, max: 2000 },
  snapDistance: { min: 1, max: 10_000 },
} as const satisfies Record<string, Bound>;

/** Vertices of one polygon checked for self-intersection (O(n log n)); beyond this the check
 *  refuses the polygon with a message instead of running for minutes. */
export const MAX_POLYGON_VERTICES = 500_000;

/** Nesting of one property value (arrays, objects): deeper is not data, and would overflow the
 *  stack of JSON.stringify and structured clone when the project is saved or sent to the worker. */
export const MAX_VALUE_DEPTH = 32;

/** Nesting of GeometryCollections (KML MultiGeometry nests one or two levels). */
export const MAX_COLLECTION_DEPTH = 8;

/** Bytes one archive (zipped Shapefile, KMZ, XLSX/ODS) may inflate to, all entries together. */
export const MAX_UNZIPPED = 512 * 2 ** 20;

/** Cells of one sheet (rows × columns of its used range) read from a workbook. */
export const MAX_SHEET_CELLS = 20_000_000;
