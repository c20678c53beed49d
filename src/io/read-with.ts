// Reading a file with the readers at hand: the format from the name (or the bytes), the reader
// for it, one precise error otherwise. read.ts calls it with every reader (synchronous: the CLI and
// tests), read-lazy.ts with the ones it loaded for the file's format (the app's worker).
import { decodeText, isZip, labelFromCodePage, toBytes, type BytesLike } from './bytes';
import { lacksDatumShift, NeedsProj4 } from './crs';
import { fail, toMsg } from './errors';
import type { ReadOptions, ReadResult, SourceFormat, SourceLayer } from './types';
import type { readGeoJson } from './readers/geojson';
import type { readShapefileParts, readShapefileZip } from './readers/shapefile';
import type { zipEntries } from './readers/zip';
import type { readKml, readKmz } from './readers/kml';
import type { csvGrid, gridToLayer } from './readers/table';
import type { xlsxGrids } from './readers/xlsx';
import type { readDxf } from './readers/dxf';
import type { osmSourceLayers } from './osm/layers';

/** The readers a format needs (read-lazy.ts loads those of one format). */
export interface Readers {
  readGeoJson?: typeof readGeoJson;
  readKml?: typeof readKml;
  readKmz?: typeof readKmz;
  readDxf?: typeof readDxf;
  osmSourceLayers?: typeof osmSourceLayers;
  csvGrid?: typeof csvGrid;
  gridToLayer?: typeof gridToLayer;
  xlsxGrids?: typeof xlsxGrids;
  readShapefileParts?: typeof readShapefileParts;
  readShapefileZip?: typeof readShapefileZip;
  zipEntries?: typeof zipEntries;
}

/** the reader, which the caller loaded for this format */
function the<T>(reader: T | undefined, name: string): T {
  if (!reader) throw new Error(`${name} was not loaded for this format`);
  return reader;
}

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
 * Reads one file with these readers. Never throws for the file: one that cannot be read gives
 * {ok:false, error} naming the file, what is wrong and what to do. Throws NeedsProj4 when a
 * transform is needed before proj4 was given (only read-lazy.ts reads without it).
 */
export function readWith(readers: Readers, name: string, bytes: BytesLike, opts: ReadOptions = {}, sidecars: Sidecars = {}): ReadResult {
  try {
    const layers = readLayers(readers, name, toBytes(bytes), opts, sidecars).map((l) =>
      lacksDatumShift(l.crs) ? { ...l, notes: [...l.notes, { key: 'io.note.noDatumShift', args: { crs: l.crs.code } }] } : l,
    );
    opts.onProgress?.(1);
    return { ok: true, layers };
  } catch (e) {
    if (e instanceof NeedsProj4) throw e;
    // our own errors carry their message; a library's error keeps its text under io.err.unreadable
    return { ok: false, error: toMsg(e, name) };
  }
}

function readLayers(r: Readers, name: string, b: Uint8Array, opts: ReadOptions, sidecars: Sidecars): SourceLayer[] {
  if (b.length === 0) fail('io.err.empty', { file: name });
  const format = formatOf(name, b);
  switch (format) {
    case 'geojson':
      return [the(r.readGeoJson, 'readGeoJson')(name, text(b, opts).text, opts)];
    case 'kml':
      return [the(r.readKml, 'readKml')(name, text(b, opts).text, opts)];
    case 'kmz':
      return [the(r.readKmz, 'readKmz')(name, b, opts)];
    case 'dxf':
      return the(r.readDxf, 'readDxf')(name, text(b, opts).text, opts);
    case 'osm':
      // OpenStreetMap XML or PBF: a roads layer and a facilities layer, both carrying the ODbL attribution
      return the(r.osmSourceLayers, 'osmSourceLayers')(name, b);
    case 'csv': {
      const t = text(b, opts);
      return [
        the(r.gridToLayer, 'gridToLayer')(name, the(r.csvGrid, 'csvGrid')(name.replace(/\.[^.]+$/, ''), t.text), 'csv', opts, {
          name: t.encoding.label,
          source: opts.encoding ? 'user' : t.encoding.source,
        }),
      ];
    }
    case 'xlsx': {
      const grids = the(r.xlsxGrids, 'xlsxGrids')(name, b).filter((g) => g.rows.some((r) => r.some((c) => c !== null && c !== '')));
      const wanted = opts.layers?.length ? grids.filter((g) => opts.layers?.includes(g.name)) : grids;
      if (wanted.length === 0)
        fail(grids.length ? 'io.err.noSuchLayer' : 'io.err.emptyWorkbook', { file: name, layers: (opts.layers ?? []).join(', '), available: grids.map((g) => g.name).join(', ') });
      return wanted.map((g) => the(r.gridToLayer, 'gridToLayer')(name, g, 'xlsx', opts));
    }
    case 'shapefile': {
      if (!sidecars.dbf) fail('io.err.shpNoDbf', { file: name, layer: name.replace(/\.shp$/i, '') });
      const dec = (x?: BytesLike) => (x ? new TextDecoder().decode(toBytes(x)) : undefined);
      return [
        the(r.readShapefileParts, 'readShapefileParts')(
          name,
          name.replace(/\.shp$/i, ''),
          { shp: b, dbf: toBytes(sidecars.dbf), prj: dec(sidecars.prj), cpg: dec(sidecars.cpg) },
          opts,
        ),
      ];
    }
    case 'zip': {
      // a zip holds a shapefile, or a KML (KMZ renamed), or a single other file
      const names = the(r.zipEntries, 'zipEntries')(name, b).map((e) => e.name.toLowerCase());
      if (names.some((n) => n.endsWith('.shp'))) return the(r.readShapefileZip, 'readShapefileZip')(name, b, opts);
      if (names.some((n) => n.endsWith('.kml'))) return [the(r.readKmz, 'readKmz')(name, b, opts)];
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
