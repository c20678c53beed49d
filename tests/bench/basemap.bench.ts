// Base map build: how long slicing, encoding and packing take for the demo area, and what the
// PMTiles packing adds on top of gzipping the same tiles (the unavoidable part).
import { existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { areaLayers, readAreaFiles } from '../../scripts/basemap/area-layers';
import { writePmtiles } from '../../scripts/basemap/pmtiles-writer';
import { buildTiles } from '../../scripts/basemap/tiles';
import { readArchive } from '../basemap/buffer-source';
import { median } from './median';
import type { BenchRow } from './run';

export default async function bench(): Promise<BenchRow[]> {
  const dir = existsSync('data/demo/outline.geojson') ? 'data/demo' : 'tests/basemap/fixtures/mini-area';
  const area = areaLayers(readAreaFiles(dir));
  const opts = { minZoom: 8, maxZoom: 15, bounds: area.bounds };
  const tiles = buildTiles(area.layers, opts);
  const write = { tileType: 'mvt' as const, metadata: {}, bounds: area.bounds };
  const packed = writePmtiles(tiles, write);

  const slice = await median(() => buildTiles(area.layers, opts), 3);
  const gzipOnly = await median(() => tiles.forEach((t) => gzipSync(t.data, { level: 9 })), 3);
  const pack = await median(() => writePmtiles(tiles, write), 3);
  const readAll = await median(async () => {
    const archive = readArchive(packed.bytes);
    for (const t of tiles) await archive.getZxy(t.z, t.x, t.y);
  }, 3);
  const note = `${dir}: ${tiles.length} tiles, ${packed.stats.tileContents} distinct, ${(packed.bytes.length / 1024).toFixed(0)} KiB`;
  return [
    { name: 'basemap: slice + encode MVT (geojson-vt, vt-pbf), z8–15', ms: slice, note },
    { name: 'basemap: pack into PMTiles (dedup, gzip, directories)', ms: pack, baseline: { name: 'gzip of every tile alone', ms: gzipOnly } },
    { name: 'basemap: read every tile back through the pmtiles reader', ms: readAll, note: `${(readAll / tiles.length).toFixed(3)} ms per tile` },
  ];
}
