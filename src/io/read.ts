// The one entry point for files: name + bytes → layers in WGS84, or one precise error.
// Pure (no fs, no DOM): the same call runs in Node (CLI, tests), the worker and the page. This
// synchronous entry holds every reader; the app's import reads through read-lazy.ts, which loads
// only the readers of the file's format.
import './proj4';
import type { BytesLike } from './bytes';
import type { ReadOptions, ReadResult } from './types';
import { readWith, type Readers, type Sidecars } from './read-with';
import { readGeoJson } from './readers/geojson';
import { readShapefileParts, readShapefileZip } from './readers/shapefile';
import { zipEntries } from './readers/zip';
import { readKml, readKmz } from './readers/kml';
import { csvGrid, gridToLayer } from './readers/table';
import { xlsxGrids } from './readers/xlsx';
import { readDxf } from './readers/dxf';
import { osmSourceLayers } from './osm/layers';

export { formatOf, type Sidecars } from './read-with';

const EVERY_READER: Readers = {
  readGeoJson,
  readKml,
  readKmz,
  readDxf,
  osmSourceLayers,
  csvGrid,
  gridToLayer,
  xlsxGrids,
  readShapefileParts,
  readShapefileZip,
  zipEntries,
};

/**
 * Reads one file. Never throws: a file that cannot be read gives {ok:false, error} naming the
 * file, what is wrong and what to do. Options: see ReadOptions (crs, coords, encoding, columns,
 * header row, layers, onProgress).
 */
export function readFile(name: string, bytes: BytesLike, opts: ReadOptions = {}, sidecars: Sidecars = {}): ReadResult {
  return readWith(EVERY_READER, name, bytes, opts, sidecars);
}
