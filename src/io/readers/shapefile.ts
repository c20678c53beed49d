// Zipped Shapefiles: .shp geometry (parsed by shpjs, unprojected), .dbf attributes (our reader,
// for the encoding), .prj through crs.ts, .cpg for the encoding. One layer per .shp in the zip.
import type { Geometry } from 'geojson';
import { parseShp } from 'shpjs';
import type { Msg } from '../../core/model';
import { crsFromPrj, crsFromUser, guessCrs, toLonLat } from '../crs';
import { fail, IoError } from '../errors';
import { unzip } from './zip';
import { firstPosition } from '../geometry';
import type { CrsInfo, ReadOptions, SourceFeature, SourceLayer } from '../types';
import { coordsFromNames } from '../webmap';
import { progressEvery, reproject } from './common';
import { readDbf } from './dbf';
import { errorMessage } from '../../core/errors';

const SHAPEFILE_PARTS = /\.(shp|shx|dbf|prj|cpg|kml)$/i;

export function readShapefileZip(file: string, b: Uint8Array, opts: ReadOptions): SourceLayer[] {
  // only the parts of a Shapefile (and a KML) are inflated, pictures and the rest never
  const entries = unzip(file, b, (n) => SHAPEFILE_PARTS.test(n));
  const byLower = new Map<string, Uint8Array>();
  for (const [k, v] of Object.entries(entries)) if (!k.includes('__MACOSX')) byLower.set(k.toLowerCase(), v);
  const bases = [...byLower.keys()].filter((k) => k.endsWith('.shp')).map((k) => k.slice(0, -4));
  if (bases.length === 0) fail('io.err.zipNoShp', { file, entries: [...byLower.keys()].slice(0, 12).join(', ') || '—' });
  const wanted = opts.layers?.length ? bases.filter((n) => opts.layers?.includes(baseName(n))) : bases;
  if (wanted.length === 0) fail('io.err.noSuchLayer', { file, layers: (opts.layers ?? []).join(', '), available: bases.map(baseName).join(', ') });
  return wanted.map((base, i) => {
    const part = (ext: string) => byLower.get(`${base}.${ext}`);
    const prj = part('prj');
    const cpg = part('cpg');
    return readShapefileParts(
      file,
      baseName(base),
      {
        shp: part('shp') as Uint8Array,
        dbf: part('dbf'),
        prj: prj ? new TextDecoder().decode(prj) : undefined,
        cpg: cpg ? new TextDecoder().decode(cpg) : undefined,
      },
      { ...opts, onProgress: opts.onProgress && ((f) => opts.onProgress?.((i + f) / wanted.length)) },
    );
  });
}

function baseName(path: string): string {
  return path.split('/').pop() ?? path;
}

export interface ShapefileParts {
  shp: Uint8Array;
  dbf?: Uint8Array;
  prj?: string;
  cpg?: string;
}

export function readShapefileParts(file: string, layer: string, parts: ShapefileParts, opts: ReadOptions): SourceLayer {
  if (!parts.dbf) fail('io.err.shpNoDbf', { file, layer });
  opts.onProgress?.(0);
  let geoms: (Geometry | null)[];
  try {
    const shp = parts.shp;
    if (shp.length < 100 || new DataView(shp.buffer, shp.byteOffset, 4).getInt32(0, false) !== 9994) fail('io.err.shpCorrupt', { file, layer, detail: 'no .shp header' });
    const declared = new DataView(shp.buffer, shp.byteOffset + 24, 4).getInt32(0, false) * 2;
    if (declared > shp.length) fail('io.err.shpTruncated', { file, layer, bytes: shp.length, need: declared });
    geoms = parseShp(new DataView(shp.buffer, shp.byteOffset, shp.byteLength), false);
  } catch (e) {
    if (e instanceof IoError) throw e;
    return fail('io.err.shpCorrupt', { file, layer, detail: errorMessage(e) });
  }
  opts.onProgress?.(0.3);
  // a table inside a zip is named with the zip the planner chose: "城区.zip › 小区.dbf"
  const dbfName = file.toLowerCase() === `${layer}.shp`.toLowerCase() ? `${layer}.dbf` : `${file} › ${layer}.dbf`;
  const table = readDbf(dbfName, parts.dbf, parts.cpg, opts.encoding);
  if (table.rows.length !== geoms.length) fail('io.err.dbfCountMismatch', { file, layer, shapes: geoms.length, rows: table.rows.length });
  opts.onProgress?.(0.5);

  const notes: Msg[] = [];
  if (table.overrides) notes.push({ key: 'io.note.cpgOverridden', args: { declared: table.overrides, used: table.encoding.name } });
  const crs = chooseCrs(file, layer, parts.prj, geoms, opts, notes);
  const coords = opts.coords ?? 'wgs84';
  const tick = progressEvery(geoms.length, opts.onProgress, 0.5, 1);
  const features: SourceFeature[] = geoms.map((g, i) => {
    tick(i);
    const geometry = reproject(g, crs, coords);
    return geometry
      ? { number: i + 1, geometry, properties: table.rows[i] }
      : { number: i + 1, geometry: null, properties: table.rows[i], geometryNote: { key: 'io.note.nullShape' } };
  });
  const hinted = !opts.coords ? coordsFromNames([file, layer, ...table.columns]) : undefined;
  if (hinted) notes.push({ key: 'io.note.webCoordsNamed', args: { coords: hinted } });
  return { name: layer, format: 'shapefile', numbering: 'feature', crs, coords, encoding: table.encoding, columns: table.columns, features, notes };
}

/** .prj, unless the user said otherwise; then a check that the numbers fit what it says. */
function chooseCrs(file: string, layer: string, prj: string | undefined, geoms: (Geometry | null)[], opts: ReadOptions, notes: Msg[]): CrsInfo {
  const sample = geoms
    .slice(0, 200)
    .map((g) => (g ? firstPosition(g) : undefined))
    .filter((p): p is number[] => !!p);
  const xs = sample.map((p) => p[0]);
  const ys = sample.map((p) => p[1]);
  if (opts.crs) return crsFromUser(opts.crs);
  if (!prj || prj.trim() === '') {
    const g = guessCrs(xs, ys, opts.area);
    if (!g) fail('io.err.crsMissing', { file, layer, x: fmt(xs[0]), y: fmt(ys[0]) });
    notes.push({ key: 'io.note.crsGuessed', args: { crs: g.code } });
    return g;
  }
  const crs = withFile(file, layer, () => crsFromPrj(prj));
  const lonlat = !crs.proj4;
  const looksLonLat = xs.every((x) => Math.abs(x) <= 180) && ys.every((y) => Math.abs(y) <= 90);
  if (lonlat !== looksLonLat && sample.length > 0) {
    const g = guessCrs(xs, ys, opts.area);
    fail('io.err.prjMismatch', { file, layer, crs: crs.code, x: fmt(xs[0]), y: fmt(ys[0]), suggestion: g ? g.code : '—' });
  }
  // projected numbers of the wrong zone or prefix land far off the globe or in NaN
  const fn = toLonLat(crs);
  if (
    fn &&
    sample.some((p) => {
      const [lon, lat] = fn([p[0], p[1]]);
      return !(Math.abs(lon) <= 180 && Math.abs(lat) <= 90);
    })
  ) {
    const g = guessCrs(xs, ys, opts.area);
    fail('io.err.prjMismatch', { file, layer, crs: crs.code, x: fmt(xs[0]), y: fmt(ys[0]), suggestion: g ? g.code : '—' });
  }
  return crs;
}

function fmt(n: number | undefined): string {
  return n === undefined ? '—' : String(Math.round(n * 1000) / 1000);
}

/** crs.ts does not know the file: its messages get the file and layer here. */
function withFile<T>(file: string, layer: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof IoError) fail(e.msg.key, { ...e.msg.args, file, layer });
    throw e;
  }
}
