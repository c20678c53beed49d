// readFile for the app's worker: the readers of the file's format load on first use (each its
// own chunk: SheetJS, xmldom, dxf, shapefile, OSM), and proj4 only when a file needs a transform.
// Same answers as read.ts's readFile (tests/io/read-lazy.test.ts).
import { toBytes, type BytesLike } from './bytes';
import { NeedsProj4 } from './crs';
import type { ReadOptions, ReadResult } from './types';
import { formatOf, readWith, type Readers, type Sidecars } from './read-with';

type Format = NonNullable<ReturnType<typeof formatOf>>;

const table = () => import('./readers/table').then((m): Readers => ({ csvGrid: m.csvGrid, gridToLayer: m.gridToLayer }));
const kml = () => import('./readers/kml').then((m): Readers => ({ readKml: m.readKml, readKmz: m.readKmz }));
const shapefile = () => import('./readers/shapefile').then((m): Readers => ({ readShapefileParts: m.readShapefileParts, readShapefileZip: m.readShapefileZip }));

const LOAD: Record<Format, () => Promise<Readers>> = {
  geojson: () => import('./readers/geojson').then((m) => ({ readGeoJson: m.readGeoJson })),
  kml,
  kmz: kml,
  dxf: () => import('./readers/dxf').then((m) => ({ readDxf: m.readDxf })),
  osm: () => import('./osm/layers').then((m) => ({ osmSourceLayers: m.osmSourceLayers })),
  csv: table,
  xlsx: () => Promise.all([table(), import('./readers/xlsx')]).then(([t, m]) => ({ ...t, xlsxGrids: m.xlsxGrids })),
  shapefile,
  // a zip holds a shapefile or a KML: both readers, and the zip's listing to choose
  zip: () => Promise.all([shapefile(), kml(), import('./readers/zip')]).then(([s, k, z]) => ({ ...s, ...k, zipEntries: z.zipEntries })),
};

/** readFile (read.ts) with only this format's readers loaded: the same answer, asynchronously. */
export async function readFileLazy(name: string, bytes: BytesLike, opts: ReadOptions = {}, sidecars: Sidecars = {}): Promise<ReadResult> {
  const b = toBytes(bytes);
  const format = formatOf(name, b);
  const readers = format ? await LOAD[format]() : {};
  try {
    return readWith(readers, name, b, opts, sidecars);
  } catch (e) {
    if (!(e instanceof NeedsProj4)) throw e;
  }
  // projected coordinates (or a proj4 definition to check): read again with proj4
  await import('./proj4');
  return readWith(readers, name, b, opts, sidecars);
}
