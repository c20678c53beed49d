// The worker's vector tiles of communities (service/unit-tiles.ts), decoded with @mapbox/vector-tile:
// the tile that holds a community carries it with its id and name, at the place web-Mercator puts
// it (worked out here by hand), a tile far away is empty, and a new layers array is cut anew.
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { describe, expect, it } from 'vitest';
import type { Community } from '../../src/core/model';
import { createUnitTiles } from '../../src/service/unit-tiles';

// a 0.002° square in Xi'an
const square = (id: string, lon: number, lat: number): Community => ({
  id,
  name: `小区${id}`,
  type: 'built',
  extra: {},
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [lon, lat],
        [lon + 0.002, lat],
        [lon + 0.002, lat + 0.002],
        [lon, lat + 0.002],
        [lon, lat],
      ],
    ],
  },
});

/** web Mercator: the tile (x, y) at zoom z holding lon/lat, and the position inside it in 0…4096 */
function place(lon: number, lat: number, z: number): { x: number; y: number; px: number; py: number } {
  const n = 2 ** z;
  const fx = ((lon + 180) / 360) * n;
  const r = (lat * Math.PI) / 180;
  const fy = ((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n;
  return { x: Math.floor(fx), y: Math.floor(fy), px: (fx - Math.floor(fx)) * 4096, py: (fy - Math.floor(fy)) * 4096 };
}

const decode = (bytes: Uint8Array) => new VectorTile(new PbfReader(bytes));

describe('unit tiles', () => {
  it('puts a community in the tile that holds it, with its id and name, where web Mercator says', () => {
    const tiles = createUnitTiles();
    const cs = [square('C1', 108.9301, 34.2101)];
    const z = 14;
    const at = place(108.9301, 34.2101, z);
    const bytes = tiles.tile('communities', cs, z, at.x, at.y);
    expect(bytes).not.toBeNull();
    const layer = decode(bytes as Uint8Array).layers.communities;
    expect(layer.length).toBe(1);
    const f = layer.feature(0);
    expect(f.properties).toEqual({ id: 'C1', name: '小区C1' });
    expect(f.type).toBe(3); // polygon
    // the square lies inside this tile (its corner at ≈ 2170, 1408 of 4096): its south-west corner
    // is one of the ring's points, within a tile unit (rounding)
    expect(at.px).toBeLessThan(4096 - 200);
    expect(at.py).toBeGreaterThan(200);
    const ring = f.loadGeometry()[0];
    expect(ring.some((p) => Math.abs(p.x - at.px) <= 1 && Math.abs(p.y - at.py) <= 1)).toBe(true);
    // far away: nothing
    const far = place(116.4, 39.9, z);
    expect(tiles.tile('communities', cs, z, far.x, far.y)).toBeNull();
  });

  it('cuts a new array anew (an edit), and keeps the index while the array is the same', () => {
    const tiles = createUnitTiles();
    const before = [square('C1', 108.9301, 34.2101)];
    const at = place(108.9301, 34.2101, 12);
    const one = decode(tiles.tile('communities', before, 12, at.x, at.y) as Uint8Array).layers.communities.length;
    const after = [...before, square('C2', 108.9331, 34.2101)];
    const two = decode(tiles.tile('communities', after, 12, at.x, at.y) as Uint8Array).layers.communities.length;
    expect([one, two]).toEqual([1, 2]);
  });
});
