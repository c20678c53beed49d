// The worker's vector tiles of communities (service/unit-tiles.ts), decoded with @mapbox/vector-tile:
// the tile that holds a community carries it with its id and name, at the place web-Mercator puts
// it (worked out here by hand), a tile far away is empty, and a new layers array is cut anew. The
// circles and walk areas the session hands out are tiled the same way, by their id.
import { readFileSync } from 'node:fs';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { describe, expect, it } from 'vitest';
import type { Community } from '../../src/core/model';
import type { ServiceAreas } from '../../src/service/service-areas';
import { createAnalysisSession } from '../../src/service/session';
import { createUnitTiles } from '../../src/service/unit-tiles';
import { metreSquare } from '../core/scenario/fixtures';
import { generateBenchCity } from '../../scripts/bench-city/city';

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

describe('circle tiles', () => {
  // a group's walk area 3 km wide with a block of 300 m (0.09 km²: filled, as the map drew it) and
  // a park of 1 km (1 km²: kept) inside, and one childcare circle's square elsewhere
  const areas: ServiceAreas = {
    type: 'FeatureCollection',
    id: 7,
    features: [
      {
        type: 'Feature',
        properties: { facility: '*', circle: 'elderly', radius: 810 },
        geometry: { type: 'MultiPolygon', coordinates: [[metreSquare(108.9, 34.2, 3000), metreSquare(108.905, 34.205, 300), metreSquare(108.91, 34.21, 1000)]] },
      },
      { type: 'Feature', properties: { facility: 'CC1', circle: 'childcare', radius: 270 }, geometry: { type: 'Polygon', coordinates: [metreSquare(108.96, 34.2, 200)] } },
    ],
  };

  it('carry each area with its group and facility, small holes filled, where web Mercator says', () => {
    const tiles = createUnitTiles();
    const z = 12;
    const at = place(108.9, 34.2, z);
    // the whole 3 km square lies in this tile (≈ 9.8 km of longitude a tile at zoom 12)
    expect(place(108.9 + 3000 / 92_288, 34.2 + 3000 / 110_574, z)).toMatchObject({ x: at.x, y: at.y });
    const layer = decode(tiles.areaTile(areas, z, at.x, at.y) as Uint8Array).layers.circles;
    const props = Array.from({ length: layer.length }, (_, i) => layer.feature(i).properties);
    expect(props).toContainEqual({ facility: '*', circle: 'elderly' });
    const walk = Array.from({ length: layer.length }, (_, i) => layer.feature(i)).find((f) => f.properties.facility === '*');
    const rings = walk?.loadGeometry() ?? [];
    expect(rings).toHaveLength(2); // the outline and the park; the block is filled
    expect(rings[0].some((p) => Math.abs(p.x - at.px) <= 1 && Math.abs(p.y - at.py) <= 1)).toBe(true);
    // the childcare square, 5 km east: in this tile too, with its facility
    if (place(108.96, 34.2, z).x === at.x) expect(props).toContainEqual({ facility: 'CC1', circle: 'childcare' });
    // none held: nothing
    expect(tiles.areaTile(null, z, at.x, at.y)).toBeNull();
  });
});

describe('the session tiles the areas it handed out, by their id', () => {
  const demo = () => JSON.parse(readFileSync('data/demo/project.json', 'utf8')) as unknown;

  it('network walk areas and straight circles; none after another project opens', async () => {
    const session = createAnalysisSession();
    if (!session.load(demo(), 'demo').ok) throw new Error('the demo did not load');
    const walk = session.walkAreas({ profile: 'combined', params: { reach: 'network' } });
    const circles = session.analyse({ profile: 'combined', params: { reach: 'straight' } }).serviceAreas as ServiceAreas;
    expect(walk.id).toBeDefined();
    expect(circles.id).toBeDefined();
    expect(walk.id).not.toBe(circles.id);
    const tileOf = async (a: ServiceAreas, id = a.id) => {
      const g = a.features[0].geometry;
      const [lon, lat] = g.type === 'Polygon' ? g.coordinates[0][0] : g.coordinates[0][0][0];
      const at = place(lon, lat, 12);
      return session.unitTile('circles', 12, at.x, at.y, id);
    };
    const walked = decode((await tileOf(walk)) as Uint8Array).layers.circles;
    expect(walked.feature(0).properties.facility).toBe('*');
    const straight = decode((await tileOf(circles)) as Uint8Array).layers.circles;
    expect(straight.feature(0).properties.facility).not.toBe('*');
    expect(await tileOf(walk, 999)).toBeNull();
    // the same areas asked again (kept) keep their id
    expect(session.walkAreas({ profile: 'combined', params: { reach: 'network' } }).id).toBe(walk.id);
    if (!session.load(demo(), 'demo').ok) throw new Error('the demo did not load');
    expect(await tileOf(walk)).toBeNull();
  });
});

describe('the dots', () => {
  it('puts each community’s dot at its label point (the centre of a square) in the one tile that holds it, with its id and name', () => {
    const tiles = createUnitTiles();
    const cs = [square('C1', 108.9301, 34.2101), square('C2', 108.95, 34.25)];
    const z = 12;
    const at = place(108.9311, 34.2111, z); // C1's centre
    const layer = decode(tiles.dotTile(cs, z, at.x, at.y) as Uint8Array).layers.dots;
    expect(layer.length).toBe(1);
    const f = layer.feature(0);
    expect(f.properties).toEqual({ id: 'C1', name: '小区C1' });
    expect(f.type).toBe(1);
    const [[p]] = f.loadGeometry();
    expect(Math.abs(p.x - at.px)).toBeLessThanOrEqual(1);
    expect(Math.abs(p.y - at.py)).toBeLessThanOrEqual(1);
    // once only: the neighbouring tiles do not carry it (no buffer), a far one holds nothing
    for (const [dx, dy] of [
      [1, 0],
      [-1, 0],
      [0, 1],
      [0, -1],
    ]) {
      const b = tiles.dotTile(cs, z, at.x + dx, at.y + dy);
      const ids = b ? Array.from({ length: decode(b).layers.dots.length }, (_, i) => decode(b).layers.dots.feature(i).properties.id) : [];
      expect(ids).not.toContain('C1');
    }
    expect(tiles.dotTile(cs, z, at.x + 40, at.y)).toBeNull();
  });
});

describe('the deepest tiles keep no source', () => {
  // unit-tiles drops the source geometry geojson-vt keeps with each tile it cut at zoom 15 (never
  // split further): tiles asked afterwards, deeper, shallower or beside them, are still whole
  it('answers every tile as an index never asked before does, and a community is in the tile its vertex falls in', () => {
    const city = generateBenchCity({ communities: 60, facilities: 10, roadNodes: 500, streets: 2 });
    const cs = city.communities;
    const c0 = cs[0].geometry;
    const [lon, lat] = c0.type === 'Polygon' ? c0.coordinates[0][0] : c0.type === 'MultiPolygon' ? c0.coordinates[0][0][0] : c0.coordinates;
    const at = place(lon, lat, 15);
    // a 3 × 3 block of zoom-15 tiles around the first community's first vertex, asked after their
    // grandparents and parents (which must keep their source for them) and again after them, each
    // compared with a fresh index's answer
    const deepest: [number, number, number][] = [];
    for (let dx = -1; dx <= 1; dx++) for (let dy = -1; dy <= 1; dy++) deepest.push([15, at.x + dx, at.y + dy]);
    const up = (k: number) => deepest.map(([, x, y]): [number, number, number] => [15 - k, x >> k, y >> k]);
    const asked = [...up(2), ...up(1), ...deepest, ...up(1), ...deepest];
    const tiles = createUnitTiles();
    const features = (b: Uint8Array | null) => {
      if (!b) return [];
      const layer = decode(b).layers.communities;
      return Array.from({ length: layer.length }, (_, i) => ({ id: layer.feature(i).properties.id, rings: layer.feature(i).loadGeometry() }));
    };
    for (const [z, x, y] of asked) expect(features(tiles.tile('communities', cs, z, x, y))).toEqual(features(createUnitTiles().tile('communities', cs, z, x, y)));
    // against the input: the first community's first vertex falls in the middle tile, so it is there
    expect(features(tiles.tile('communities', cs, 15, at.x, at.y)).map((f) => f.id)).toContain(cs[0].id);
  });
});
