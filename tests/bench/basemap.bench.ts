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
import type { FeatureCollection } from 'geojson';
import { generateCity } from '../../scripts/demo/city';

/** The generator's in-memory layers as the GeoJSON files the build script reads. */
function asFiles(size: number): Parameters<typeof areaLayers>[0] {
  const c = generateCity({ size });
  const fc = (items: readonly { geometry: unknown; extra?: unknown }[]): FeatureCollection =>
    ({ type: 'FeatureCollection', features: items.map(({ geometry, extra: _extra, ...properties }) => ({ type: 'Feature', properties, geometry })) }) as FeatureCollection;
  return {
    outline: { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: '长安区' }, geometry: c.outline }] },
    streets: fc(c.streets),
    roads: fc(c.roads),
    communities: fc(c.communities),
  };
}

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
  // a city 20× the demo (≈ 10,000 communities, ≈ 21,000 roads): one run each, it is the scale that matters
  const big = areaLayers(asFiles(20));
  const bigOpts = { minZoom: 8, maxZoom: 15, bounds: big.bounds };
  let bigTiles = buildTiles(big.layers, bigOpts);
  const bigSlice = await median(() => (bigTiles = buildTiles(big.layers, bigOpts)), 1);
  let bigBytes = 0;
  const bigPack = await median(() => (bigBytes = writePmtiles(bigTiles, write).bytes.length), 1);
  const bigNote = `${big.layers.places!.features.length} labels, ${big.layers.roads!.features.length} roads → ${bigTiles.length} tiles, ${(bigBytes / 1024 / 1024).toFixed(1)} MiB`;

  const note = `${dir}: ${tiles.length} tiles, ${packed.stats.tileContents} distinct, ${(packed.bytes.length / 1024).toFixed(0)} KiB`;
  return [
    { name: 'basemap: slice + encode MVT (geojson-vt, vt-pbf), z8–15', ms: slice, note },
    { name: 'basemap: pack into PMTiles (dedup, gzip, directories)', ms: pack, baseline: { name: 'gzip of every tile alone', ms: gzipOnly } },
    { name: 'basemap: read every tile back through the pmtiles reader', ms: readAll, note: `${(readAll / tiles.length).toFixed(3)} ms per tile` },
    { name: 'basemap: slice + encode, size-20 city', ms: bigSlice, baseline: { name: 'the demo', ms: slice }, note: bigNote },
    { name: 'basemap: pack, size-20 city', ms: bigPack, baseline: { name: 'the demo', ms: pack } },
  ];
}
