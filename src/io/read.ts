// The one entry point for files: name + bytes → layers in WGS84, or one precise error.
// Pure (no fs, no DOM): the same call runs in Node (CLI, tests), the worker and the page.
import { decodeText, isZip, labelFromCodePage, toBytes, type BytesLike } from './bytes';
import { lacksDatumShift } from './crs';
import { fail, toMsg } from './errors';
import type { ReadOptions, ReadResult, SourceFormat, SourceLayer } from './types';
import { readGeoJson } from './readers/geojson';
import { readShapefileParts, readShapefileZip } from './readers/shapefile';
import { zipEntries } from './readers/zip';
import { readKml, readKmz } from './readers/kml';
import { csvGrid, gridToLayer, xlsxGrids } from './readers/table';
import { readDxf } from './readers/dxf';
import { osmSourceLayers } from './osm/layers';

export function formatOf(name: string, b: Uint8Array): SourceFormat | 'zip' | undefined {
  if (/\.osm(\.pbf)?$/i.test(name) || /\.pbf$/i.test(name)) return 'osm';
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  switch (ext) {
    case 'geojson':
    case 'json':
      return 'geojson';
    case 'kml':
      return 'kml';
    case 'kmz':
      return 'kmz';
    case 'csv':
    case 'txt':
    case 'tsv':
      return 'csv';
    case 'xlsx':
    case 'xls':
    case 'xlsm':
    case 'ods':
      return 'xlsx';
    case 'dxf':
      return 'dxf';
    case 'zip':
      return 'zip';
    case 'shp':
      return 'shapefile';
  }
  if (isZip(b)) return 'zip';
  return undefined;
}

/** Extra files that travel with a .shp when the user drops them loose instead of zipped. */
export interface Sidecars {
  dbf?: BytesLike;
  prj?: BytesLike;
  cpg?: BytesLike;
}

/**
 * Reads one file. Never throws: a file that cannot be read gives {ok:false, error} naming the
 * file, what is wrong and what to do. Options: see ReadOptions (crs, coords, encoding, columns,
 * header row, layers, onProgress).
 */
export function readFile(name: string, bytes: BytesLike, opts: ReadOptions = {}, sidecars: Sidecars = {}): ReadResult {
  try {
    const layers = readLayers(name, toBytes(bytes), opts, sidecars).map((l) =>
      lacksDatumShift(l.crs) ? { ...l, notes: [...l.notes, { key: 'io.note.noDatumShift', args: { crs: l.crs.code } }] } : l,
    );
    opts.onProgress?.(1);
    return { ok: true, layers };
  } catch (e) {
    // our own errors carry their message; a library's error keeps its text under io.err.unreadable
    return { ok: false, error: toMsg(e, name) };
  }
}

function readLayers(name: string, b: Uint8Array, opts: ReadOptions, sidecars: Sidecars): SourceLayer[] {
  if (b.length === 0) fail('io.err.empty', { file: name });
  const format = formatOf(name, b);
  switch (format) {
    case 'geojson':
      return [readGeoJson(name, text(b, opts).text, opts)];
    case 'kml':
      return [readKml(name, text(b, opts).text, opts)];
    case 'kmz':
      return [readKmz(name, b, opts)];
    case 'dxf':
      return readDxf(name, text(b, opts).text, opts);
    case 'osm':
      // OpenStreetMap XML or PBF: a roads layer and a facilities layer, both carrying the ODbL attribution
      return osmSourceLayers(name, b);
    case 'csv': {
      const t = text(b, opts);
      return [gridToLayer(name, csvGrid(name.replace(/\.[^.]+$/, ''), t.text), 'csv', opts, { name: t.encoding.label, source: opts.encoding ? 'user' : t.encoding.source })];
    }
    case 'xlsx': {
      const grids = xlsxGrids(name, b).filter((g) => g.rows.some((r) => r.some((c) => c !== null && c !== '')));
      const wanted = opts.layers?.length ? grids.filter((g) => opts.layers?.includes(g.name)) : grids;
      if (wanted.length === 0)
        fail(grids.length ? 'io.err.noSuchLayer' : 'io.err.emptyWorkbook', { file: name, layers: (opts.layers ?? []).join(', '), available: grids.map((g) => g.name).join(', ') });
      return wanted.map((g) => gridToLayer(name, g, 'xlsx', opts));
    }
    case 'shapefile': {
      if (!sidecars.dbf) fail('io.err.shpNoDbf', { file: name, layer: name.replace(/\.shp$/i, '') });
      const dec = (x?: BytesLike) => (x ? new TextDecoder().decode(toBytes(x)) : undefined);
      return [readShapefileParts(name, name.replace(/\.shp$/i, ''), { shp: b, dbf: toBytes(sidecars.dbf), prj: dec(sidecars.prj), cpg: dec(sidecars.cpg) }, opts)];
    }
    case 'zip': {
      // a zip holds a shapefile, or a KML (KMZ renamed), or a single other file
      const names = zipEntries(name, b).map((e) => e.name.toLowerCase());
      if (names.some((n) => n.endsWith('.shp'))) return readShapefileZip(name, b, opts);
      if (names.some((n) => n.endsWith('.kml'))) return [readKmz(name, b, opts)];
      return fail('io.err.zipNoShp', { file: name, entries: names.slice(0, 12).join(', ') || '—' });
    }
    default:
      return fail('io.err.unknownFormat', { file: name });
  }
}

function text(b: Uint8Array, opts: ReadOptions) {
  if (opts.encoding) {
    const label = labelFromCodePage(opts.encoding);
    if (!label) fail('io.err.unknownEncoding', { encoding: opts.encoding });
    return decodeText(b, label);
  }
  return decodeText(b);
}
