// The writer is checked by reading its archives back with the `pmtiles` package (an independent reader)
// and by hand-encoded bytes from the spec.
import { describe, expect, it } from 'vitest';
import { GeoJSONVT } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { readVarint, tileIdToZxy, zxyToTileId as readerTileId } from 'pmtiles';
import { serializeDirectory, writePmtiles, writeVarint, zxyToTileId, type TileInput, type WriteOptions } from '../../scripts/basemap/pmtiles-writer';
import { readArchive } from './buffer-source';

const base: WriteOptions = {
  tileType: 'mvt',
  metadata: { name: 'test', attribution: 'test data', vector_layers: [{ id: 'places', fields: { name: 'String' } }] },
  bounds: [108.8, 33.9, 109.2, 34.2],
};

function bytesOf(n: number): Uint8Array {
  return Uint8Array.from([n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, 7]);
}

function bytesEqual(a: ArrayBuffer | undefined, b: Uint8Array): boolean {
  if (!a) return false;
  const u = new Uint8Array(a);
  return u.length === b.length && u.every((v, i) => v === b[i]);
}

describe('zxyToTileId', () => {
  it('matches the values worked out by hand from the spec', () => {
    expect(zxyToTileId(0, 0, 0)).toBe(0);
    // z1: 1 tile before it; the order-1 Hilbert curve visits (0,0) (0,1) (1,1) (1,0)
    expect(zxyToTileId(1, 0, 0)).toBe(1);
    expect(zxyToTileId(1, 0, 1)).toBe(2);
    expect(zxyToTileId(1, 1, 1)).toBe(3);
    expect(zxyToTileId(1, 1, 0)).toBe(4);
    // z2 starts after 1 + 4 = 5 tiles
    expect(zxyToTileId(2, 0, 0)).toBe(5);
    // the curve ends at (n−1, 0): last id of z26 = (4^27 − 1)/3 − 1, all tiles of z0..z26 minus one
    expect(zxyToTileId(26, 2 ** 26 - 1, 0)).toBe((4 ** 27 - 1) / 3 - 1);
  });

  it('agrees with the pmtiles reader on every tile of z0–z7 and on samples up to z26', () => {
    let mismatches = 0;
    for (let z = 0; z <= 7; z++) {
      for (let x = 0; x < 2 ** z; x++) {
        for (let y = 0; y < 2 ** z; y++) if (zxyToTileId(z, x, y) !== readerTileId(z, x, y)) mismatches++;
      }
    }
    expect(mismatches).toBe(0);
    let seed = 12345;
    const rand = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (const z of [12, 15, 20, 24, 26]) {
      for (let k = 0; k < 200; k++) {
        const x = rand(2 ** z);
        const y = rand(2 ** z);
        const id = zxyToTileId(z, x, y);
        expect(id).toBe(readerTileId(z, x, y));
        expect(tileIdToZxy(id)).toEqual([z, x, y]);
      }
    }
  });

  it('rejects tiles outside their zoom', () => {
    expect(() => zxyToTileId(1, 2, 0)).toThrow(/1\/2\/0/);
    expect(() => zxyToTileId(27, 0, 0)).toThrow(/zoom 27/);
    expect(() => zxyToTileId(3, -1, 0)).toThrow(RangeError);
  });
});

describe('directory encoding', () => {
  it('writes varints the reader decodes, including values above 2^32', () => {
    const out: number[] = [];
    writeVarint(out, 300);
    // 300 = 2·128 + 44 → low group 44|0x80 = 0xAC, then 2
    expect(out).toEqual([0xac, 0x02]);
    const big = 2 ** 40 + 5;
    writeVarint(out, big);
    const p = { buf: Uint8Array.from(out), pos: 0 };
    expect(readVarint(p)).toBe(300);
    expect(readVarint(p)).toBe(big);
  });

  it('serialises a directory column by column with delta ids and offset shorthand', () => {
    const bytes = serializeDirectory([
      { tileId: 1, offset: 0, length: 10, runLength: 2 },
      { tileId: 3, offset: 10, length: 300, runLength: 1 },
      { tileId: 4, offset: 0, length: 10, runLength: 1 },
    ]);
    // count 3 | id deltas 1,2,1 | run lengths 2,1,1 | lengths 10, 300 (0xAC 0x02), 10 |
    // offsets: first 0+1; second follows the first (0+10) → 0; third goes back to 0 → 0+1
    expect([...bytes]).toEqual([3, 1, 2, 1, 2, 1, 1, 10, 0xac, 0x02, 10, 1, 0, 1]);
  });
});

describe('writePmtiles read back with the pmtiles package', () => {
  const point = {
    type: 'FeatureCollection' as const,
    features: [
      {
        type: 'Feature' as const,
        properties: { name: '韦曲街道', kind: 'street' },
        geometry: { type: 'Point' as const, coordinates: [108.95, 34.16] },
      },
    ],
  };
  const index = new GeoJSONVT(point, { maxZoom: 10, indexMaxZoom: 0 });
  // the tile holding (108.95°E, 34.16°N) at z10: x = floor((108.95+180)/360·1024) = floor(821.9) = 821,
  // y = floor((1 − ln(tan φ + sec φ)/π)/2 · 1024) with φ = 34.16° → ln(0.6787+1.2072)=0.6344 → (1−0.2019)/2·1024 = 408.6 → 408
  const vtTile = index.getTile(10, 821, 408);

  it('holds the MVT tile geojson-vt made for the point, at the z/x/y computed by hand', async () => {
    expect(vtTile).not.toBeNull();
    const mvt = fromGeojsonVt({ places: vtTile! });
    const tiles: TileInput[] = [
      { z: 10, x: 821, y: 408, data: mvt },
      { z: 9, x: 410, y: 204, data: bytesOf(1) },
    ];
    const { bytes, stats } = writePmtiles(tiles, { ...base, center: [108.95, 34.16, 10] });
    const archive = readArchive(bytes);
    const h = await archive.getHeader();
    expect(h.specVersion).toBe(3);
    expect(h.tileType).toBe(1); // MVT
    expect(h.tileCompression).toBe(2); // gzip
    expect(h.internalCompression).toBe(2);
    expect(h.clustered).toBe(true);
    expect([h.minZoom, h.maxZoom]).toEqual([9, 10]);
    expect([h.minLon, h.minLat, h.maxLon, h.maxLat]).toEqual([108.8, 33.9, 109.2, 34.2]);
    expect([h.centerLon, h.centerLat, h.centerZoom]).toEqual([108.95, 34.16, 10]);
    expect([h.numAddressedTiles, h.numTileEntries, h.numTileContents]).toEqual([2, 2, 2]);
    expect(h.rootDirectoryOffset).toBe(127);
    expect(h.leafDirectoryLength).toBe(0);
    expect(h.tileDataOffset + (h.tileDataLength ?? 0)).toBe(bytes.length);
    expect(stats.bytes).toBe(bytes.length);

    expect(await archive.getMetadata()).toEqual(base.metadata);

    const got = await archive.getZxy(10, 821, 408);
    const decoded = new VectorTile(new PbfReader(new Uint8Array(got!.data)));
    const layer = decoded.layers.places!;
    expect(layer.length).toBe(1);
    const f = layer.feature(0);
    expect(f.properties).toEqual({ name: '韦曲街道', kind: 'street' });
    const geo = f.toGeoJSON(821, 408, 10);
    expect(geo.geometry.type).toBe('Point');
    const [lon, lat] = (geo.geometry as { coordinates: number[] }).coordinates;
    // one MVT unit at z10 is 360/1024/4096 ≈ 8.6e-5°, so 4 decimals is what survives quantisation
    expect(lon).toBeCloseTo(108.95, 3);
    expect(lat).toBeCloseTo(34.16, 3);

    expect(bytesEqual((await archive.getZxy(9, 410, 204))?.data, bytesOf(1))).toBe(true);
    expect(await archive.getZxy(10, 0, 0)).toBeUndefined(); // not written
    expect(await archive.getZxy(12, 0, 0)).toBeUndefined(); // beyond maxzoom
  });

  it('stores identical tiles once and merges consecutive ones into a run', async () => {
    const a = bytesOf(0xaaaa);
    const b = bytesOf(0xbbbb);
    // Hilbert ids at z1: (0,0)=1 (0,1)=2 (1,1)=3 (1,0)=4 → contents A A B A
    const tiles: TileInput[] = [
      { z: 1, x: 1, y: 0, data: a },
      { z: 1, x: 0, y: 0, data: a },
      { z: 1, x: 1, y: 1, data: b },
      { z: 1, x: 0, y: 1, data: a },
    ];
    const { bytes, stats } = writePmtiles(tiles, base);
    // entries: id1 run 2 (A), id3 (B), id4 (A again, pointing back to offset 0) → 3 entries, 2 blobs
    expect(stats).toMatchObject({ addressedTiles: 4, tileEntries: 3, tileContents: 2 });
    const archive = readArchive(bytes);
    const h = await archive.getHeader();
    expect([h.numAddressedTiles, h.numTileEntries, h.numTileContents]).toEqual([4, 3, 2]);
    for (const t of tiles) expect(bytesEqual((await archive.getZxy(t.z, t.x, t.y))?.data, t.data)).toBe(true);
  });

  it('uses leaf directories above 16384 entries and keeps header + root within 16 KiB', async () => {
    // every tile of z0..z7: 1+4+…+16384 = (4^8 − 1)/3 = 21845 distinct tiny tiles
    const tiles: TileInput[] = [];
    for (let z = 0; z <= 7; z++) {
      for (let x = 0; x < 2 ** z; x++) for (let y = 0; y < 2 ** z; y++) tiles.push({ z, x, y, data: bytesOf(tiles.length) });
    }
    expect(tiles.length).toBe(21845);
    const { bytes, stats } = writePmtiles(tiles, base);
    // leaves of 4096 entries: ceil(21845/4096) = 6
    expect(stats.leafDirectories).toBe(6);
    const archive = readArchive(bytes);
    const h = await archive.getHeader();
    expect(h.rootDirectoryOffset + h.rootDirectoryLength).toBeLessThanOrEqual(16384);
    expect(h.leafDirectoryLength).toBeGreaterThan(0);
    expect(h.numTileEntries).toBe(21845);
    for (const k of [0, 1, 4095, 4096, 10000, 21844]) {
      const t = tiles[k]!;
      expect(bytesEqual((await archive.getZxy(t.z, t.x, t.y))?.data, t.data)).toBe(true);
    }
  });

  it('reads every tile back through forced small leaves', async () => {
    const tiles: TileInput[] = [];
    for (let x = 0; x < 4; x++) for (let y = 0; y < 4; y++) tiles.push({ z: 2, x, y, data: bytesOf(100 + tiles.length) });
    const { bytes, stats } = writePmtiles(tiles, { ...base, forceLeafSize: 3 });
    expect(stats.leafDirectories).toBe(6); // ceil(16/3)
    const archive = readArchive(bytes);
    for (const t of tiles) expect(bytesEqual((await archive.getZxy(t.z, t.x, t.y))?.data, t.data)).toBe(true);
  });

  it('writes uncompressed tiles when asked, and centres on the bounds at the lowest zoom by default', async () => {
    const data = bytesOf(42);
    const { bytes } = writePmtiles([{ z: 3, x: 6, y: 3, data }], { ...base, tileType: 'png', tileCompression: 'none' });
    const archive = readArchive(bytes);
    const h = await archive.getHeader();
    expect([h.tileCompression, h.tileType]).toEqual([1, 2]); // none, PNG
    // middle of [108.8, 33.9, 109.2, 34.2]: (108.8+109.2)/2 = 109, (33.9+34.2)/2 = 34.05, zoom 3
    expect([h.centerLon, h.centerLat, h.centerZoom]).toEqual([109, 34.05, 3]);
    // stored as is: the tile section is exactly the 4 input bytes
    expect(h.tileDataLength).toBe(4);
    expect(bytesEqual((await archive.getZxy(3, 6, 3))?.data, data)).toBe(true);
  });

  it('says which tile is wrong', () => {
    const one = bytesOf(1);
    expect(() => writePmtiles([], base)).toThrow(/no tiles/);
    expect(() =>
      writePmtiles(
        [
          { z: 1, x: 0, y: 0, data: one },
          { z: 1, x: 0, y: 0, data: one },
        ],
        base,
      ),
    ).toThrow(/tile #1 1\/0\/0 appears twice/);
    expect(() => writePmtiles([{ z: 3, x: 1, y: 1, data: new Uint8Array(0) }], base)).toThrow(/tile #0 3\/1\/1 is empty/);
    expect(() => writePmtiles([{ z: 1, x: 5, y: 0, data: one }], base)).toThrow(/1\/5\/0/);
    expect(() => writePmtiles([{ z: 1, x: 0, y: 0, data: one }], { ...base, bounds: [109, 34, 108, 35] })).toThrow(/bounds/);
  });
});
