// Spreadsheets (CSV, XLSX/XLS/ODS): find the header row, the coordinate columns, and make one
// point per row. Rows keep the number Excel shows, so a problem on "row 7" is row 7 on screen.
// The workbook reader (SheetJS) is xlsx.ts, so a CSV goes without it.
import type { Msg } from '../../core/model';
import { crsFromUser, guessCrs } from '../crs';
import { firstPosition } from '../geometry';
import type { Geometry } from 'geojson';
import { fail } from '../errors';
import { normalizeName } from '../fields';
import type { CrsInfo, ReadOptions, SourceFeature, SourceFormat, SourceLayer } from '../types';
import { coordsFromNames } from '../webmap';
import { parseCsv } from './csv';
import { undefuse } from '../export/defuse';
import { progressEvery, reproject } from './common';
import { parseWkt } from './wkt';

/** A cell as read; `formula` marks a formula whose result was never saved, `error` an Excel error (#DIV/0! …). */
export type Cell = string | number | boolean | null | { formula: string } | { error: string };

export interface Grid {
  name: string;
  rows: Cell[][];
}

export function csvGrid(name: string, text: string): Grid {
  return { name, rows: parseCsv(text) };
}

function isBlank(c: Cell | undefined): boolean {
  return c === null || c === undefined || (typeof c === 'string' && c.trim() === '');
}

function filled(row: Cell[]): number {
  return row.reduce<number>((n, c) => n + (isBlank(c) ? 0 : 1), 0);
}

function looksNumeric(c: Cell): boolean {
  return typeof c === 'number' || (typeof c === 'string' && c.trim() !== '' && Number.isFinite(Number(c.trim().replace(/,/g, ''))));
}

/** 0 → A, 25 → Z, 26 → AA: the column letters Excel shows */
export function colLetter(c: number): string {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

interface Header {
  /** 0-based index of the header row */
  at: number;
  names: string[];
  skipped: number[];
}

/** Header row: given, or the first row with ≥2 filled cells after title rows (one filled cell, e.g. a merged title). */
function findHeader(file: string, g: Grid, opts: ReadOptions): Header {
  let at = -1;
  const skipped: number[] = [];
  if (opts.headerRow) {
    at = opts.headerRow - 1;
    if (!g.rows[at] || filled(g.rows[at]) === 0) fail('io.err.headerRowEmpty', { file, sheet: g.name, row: opts.headerRow });
  } else {
    for (let r = 0; r < g.rows.length && r < 30; r++) {
      const n = filled(g.rows[r]);
      if (n === 0) continue;
      if (n === 1 && g.rows.slice(r + 1, r + 5).some((x) => filled(x) >= 2)) {
        skipped.push(r + 1);
        continue;
      }
      at = r;
      break;
    }
    if (at < 0) fail('io.err.emptySheet', { file, sheet: g.name });
  }
  const head = g.rows[at];
  // every cell of every row gets a column, even one far below the header that runs wider
  let width = 0;
  for (let r = at; r < g.rows.length; r++) width = Math.max(width, g.rows[r].length);
  // a second header row under merged cells: text (no numbers) in columns whose header is blank
  if (!opts.headerRow) {
    let nextAt = at + 1;
    while (nextAt < g.rows.length && filled(g.rows[nextAt]) === 0) nextAt++;
    const next = g.rows[nextAt];
    if (next) {
      const allText = next.every((c) => isBlank(c) || (!looksNumeric(c) && typeof c !== 'object'));
      const under = next.map((c, i) => (!isBlank(c) && isBlank(head[i]) ? colLetter(i) : '')).filter(Boolean);
      if (allText && under.length > 0) {
        fail('io.err.mergedHeader', { file, sheet: g.name, row: at + 1, next: nextAt + 1, columns: under.join(', ') });
      }
    }
  }
  const names: string[] = [];
  const used = new Set<string>();
  for (let c = 0; c < width; c++) {
    const h = head[c];
    let name = isBlank(h) ? colLetter(c) : typeof h === 'object' && h !== null ? colLetter(c) : String(h).replace(/\s+/g, ' ').trim();
    let k = 2;
    while (used.has(name)) name = `${String(h).trim()}_${k++}`;
    used.add(name);
    names.push(name);
  }
  return { at, names, skipped };
}

const X_NAMES = ['经度', '經度', 'lon', 'lng', 'long', 'longitude', 'x', 'x坐标', 'xcoord', '横坐标', '东坐标', 'pointx', 'easting', '东经'];
const Y_NAMES = ['纬度', '緯度', 'lat', 'latitude', 'y', 'y坐标', 'ycoord', '纵坐标', '北坐标', 'pointy', 'northing', '北纬'];
const WKT_NAMES = ['wkt', 'geom', 'geometry', 'thegeom', 'shape', 'ewkt', '几何', '图形', '空间数据'];
const XY_NAMES = ['坐标', '坐標', '经纬度', 'location', 'lnglat', 'lonlat', '经纬度坐标', '位置'];

/** Finds a column whose normalised name is one of the names, allowing prefixes like "wgs84_" or "gcj_". */
function findColumn(names: string[], wanted: string[]): string | undefined {
  const norm = names.map((n) => normalizeName(n));
  for (const w of wanted) {
    const i = norm.indexOf(w);
    if (i >= 0) return names[i];
  }
  for (const w of wanted.filter((x) => x.length > 1)) {
    const i = norm.findIndex(
      (n) => n.endsWith(w) && /^(wgs84|gcj02|gcj|bd09|bd|baidu|amap|gaode|cgcs2000|中心点|中心|point|centroid|center|centre)?_?$/.test(n.slice(0, n.length - w.length)),
    );
    if (i >= 0) return names[i];
  }
  return undefined;
}

/** 108.94, "108.94", "108°56'24\"E", "108°56.4′" → degrees; anything else → NaN. */
export function parseCoordinate(c: Cell): number {
  if (typeof c === 'number') return c;
  if (typeof c !== 'string') return NaN;
  // most cells are plain numbers (Number() ignores the spaces trim() would take off; a blank cell is 0 to it)
  const plain = Number(c);
  if (Number.isFinite(plain) && (plain !== 0 || c.trim() !== '')) return plain;
  const s = c.trim().replace(/，/g, ',');
  if (s === '') return NaN;
  const n = Number(s);
  if (Number.isFinite(n)) return n;
  const m = /^(-?\d+(?:\.\d+)?)\s*[°度]\s*(?:(\d+(?:\.\d+)?)\s*['′分]\s*)?(?:(\d+(?:\.\d+)?)\s*(?:["″]|秒)\s*)?([EWNS东西南北])?$/i.exec(s);
  if (!m) return NaN;
  const v = Number(m[1]) + Number(m[2] ?? 0) / 60 + Number(m[3] ?? 0) / 3600;
  return /[WS西南]/i.test(m[4] ?? '') ? -v : v;
}

export function gridToLayer(file: string, g: Grid, format: SourceFormat, opts: ReadOptions, encoding?: SourceLayer['encoding']): SourceLayer {
  const header = findHeader(file, g, opts);
  const notes: Msg[] = header.skipped.map((r) => ({ key: 'io.note.titleRowSkipped', args: { row: r } }));
  const { names } = header;
  const xCol = opts.xColumn ?? findColumn(names, X_NAMES);
  const yCol = opts.yColumn ?? findColumn(names, Y_NAMES);
  const xyCol = !xCol || !yCol ? findColumn(names, XY_NAMES) : undefined;
  for (const [c, which] of [
    [opts.xColumn, 'x'],
    [opts.yColumn, 'y'],
  ] as const) {
    if (c && !names.includes(c)) fail('io.err.noSuchColumn', { file, sheet: g.name, column: c, which, columns: names.join(', ') });
  }
  const wktCol = !(xCol && yCol) && !xyCol ? findColumn(names, WKT_NAMES) : undefined;
  if (!(xCol && yCol) && !xyCol && !wktCol) fail('io.err.noCoordinateColumns', { file, sheet: g.name, columns: names.join(', ') });
  const xi = xCol ? names.indexOf(xCol) : -1;
  const yi = yCol ? names.indexOf(yCol) : -1;
  const xyi = xyCol ? names.indexOf(xyCol) : -1;
  const wi = wktCol ? names.indexOf(wktCol) : -1;
  const geomColumns = new Set([xi, yi, xyi, wi].filter((c) => c >= 0));

  const dataRows: { r: number; row: Cell[] }[] = [];
  for (let r = header.at + 1; r < g.rows.length; r++) if (!g.rows[r].every(isBlank)) dataRows.push({ r, row: g.rows[r] });

  /** The row's geometry in the file's own coordinates, or why there is none. */
  const rawGeometry = (row: Cell[]): { geometry: Geometry; srid?: number } | { note: Msg } => {
    if (wi >= 0) {
      const cell = row[wi];
      if (isBlank(cell)) return { note: { key: 'io.note.missingCoords', args: { x: wktCol ?? '', y: wktCol ?? '' } } };
      const parsed = typeof cell === 'string' ? parseWkt(cell) : undefined;
      return parsed ?? { note: { key: 'io.note.badWkt', args: { value: shown(cell).slice(0, 60) } } };
    }
    const rawX = xyi >= 0 ? row[xyi] : row[xi];
    const rawY = xyi >= 0 ? row[xyi] : row[yi];
    if (isBlank(rawX) || isBlank(rawY)) return { note: { key: 'io.note.missingCoords', args: { x: xCol ?? xyCol ?? '', y: yCol ?? xyCol ?? '' } } };
    let x: number;
    let y: number;
    if (xyi >= 0) {
      const parts = String(row[xyi] ?? '')
        .split(/[,，;\s]+/)
        .filter(Boolean);
      [x, y] = [parseCoordinate(parts[0] ?? ''), parseCoordinate(parts[1] ?? '')];
    } else [x, y] = [parseCoordinate(rawX), parseCoordinate(rawY)];
    if (!Number.isFinite(x) || !Number.isFinite(y)) return { note: { key: 'io.note.badCoordCell', args: { value: `${shown(rawX)} / ${shown(rawY)}` } } };
    return { geometry: { type: 'Point', coordinates: [x, y] } };
  };

  const sampled = dataRows.slice(0, 500).map((d) => rawGeometry(d.row));
  const sample = sampled.flatMap((s) => ('geometry' in s ? [firstPosition(s.geometry) as [number, number]] : []));
  const srid = sampled.find((s): s is { geometry: Geometry; srid: number } => 'srid' in s && s.srid !== undefined)?.srid;
  const crs =
    !opts.crs && srid && srid !== 4326
      ? { ...crsFromUser(`EPSG:${srid}`), source: 'format' as const }
      : chooseTableCrs(file, g.name, sample, opts, xCol ?? xyCol ?? wktCol ?? '', yCol ?? xyCol ?? wktCol ?? '');
  if (crs.source === 'guessed' && crs.code !== 'EPSG:4326') notes.push({ key: 'io.note.crsGuessed', args: { crs: crs.code } });
  const coords = opts.coords ?? 'wgs84';
  const hinted = !opts.coords ? coordsFromNames([file, g.name, ...names]) : undefined;
  if (hinted) notes.push({ key: 'io.note.webCoordsNamed', args: { coords: hinted } });

  const tick = progressEvery(dataRows.length, opts.onProgress);
  // the columns that become properties (the coordinate columns became the geometry)
  const propColumns = names.flatMap((n, c) => (geomColumns.has(c) ? [] : [{ n, c }]));
  const features = dataRows.map(({ r, row }, i): SourceFeature => {
    tick(i);
    const props: Record<string, unknown> = Object.create(null); // a column named __proto__ is data
    const cellNotes: NonNullable<SourceFeature['cellNotes']> = [];
    for (const { n, c } of propColumns) {
      const v = row[c];
      if (v !== null && typeof v === 'object') {
        props[n] = null;
        const cell = `${colLetter(c)}${r + 1}`;
        cellNotes.push(
          'formula' in v
            ? { column: n, code: 'formula_without_value', msg: { key: 'io.problem.formulaWithoutValue', args: { cell, formula: v.formula } } }
            : { column: n, code: 'not_a_number', msg: { key: 'io.problem.cellError', args: { cell, error: v.error } } },
        );
      } else if (typeof v === 'string') {
        const t = v.trim();
        props[n] = t === '' ? null : undefuse(t); // an empty cell is missing, in CSV as in XLSX
      } else props[n] = v ?? null;
    }
    const raw = rawGeometry(row);
    const f: SourceFeature = { number: r + 1, geometry: 'note' in raw ? null : reproject(raw.geometry, crs, coords), properties: props };
    if (cellNotes.length) f.cellNotes = cellNotes;
    if ('note' in raw) f.geometryNote = raw.note;
    return f;
  });
  // columns with neither a header nor any value (trailing commas, formatted-but-empty Excel columns)
  const empty = new Set(names.filter((n, c) => isBlank(g.rows[header.at][c]) && features.every((f) => f.properties[n] === null || f.properties[n] === undefined)));
  if (empty.size) for (const f of features) for (const n of empty) delete f.properties[n];
  const columns = names.filter((n, c) => !geomColumns.has(c) && !empty.has(n));
  return { name: g.name, format, numbering: 'row', crs, coords, encoding, columns, features, notes };
}

function shown(c: Cell | undefined): string {
  if (c !== null && typeof c === 'object') return 'formula' in c ? `=${c.formula}` : c.error;
  return String(c ?? '');
}

function chooseTableCrs(file: string, sheet: string, sample: [number, number][], opts: ReadOptions, xCol: string, yCol: string): CrsInfo {
  if (opts.crs) return crsFromUser(opts.crs);
  if (sample.length === 0) return { code: 'EPSG:4326', source: 'guessed' };
  const xs = sample.map((p) => p[0]);
  const ys = sample.map((p) => p[1]);
  const g = guessCrs(xs, ys, opts.area);
  if (g) return g;
  // latitude in the x column and longitude in the y column
  if (xs.every((x) => Math.abs(x) <= 90) && ys.every((y) => Math.abs(y) <= 180)) fail('io.err.swappedColumns', { file, sheet, x: xCol, y: yCol, xv: xs[0], yv: ys[0] });
  return fail('io.err.crsMissing', { file, layer: sheet, x: String(xs[0]), y: String(ys[0]) });
}
