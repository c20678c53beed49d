// The worker's vector tiles of communities (service/unit-tiles.ts), decoded with @mapbox/vector-tile:
// the tile that holds a community carries it with its id and name, at the place web-Mercator puts
// it (worked out here by hand), a tile far away is empty, and a new layers array is cut anew. The
// circles and walk areas the session hands out are tiled the same way, by their id.
import { readFileSync } from 'node:fs';
import { GeoJSONVT } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { describe, expect, it } from 'vitest';
import type { Community } from '../../src/core/model';
import type { ServiceAreas } from '../../src/service/service-areas';
import { coverageAreas } from '../../src/core/coverage-areas';
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
  it('puts a community in the tile that holds it, with its id alone (no name: nothing on the map reads it), where web Mercator says', () => {
    const tiles = createUnitTiles();
    const cs = [square('C1', 108.9301, 34.2101)];
    const z = 14;
    const at = place(108.9301, 34.2101, z);
    const bytes = tiles.tile('communities', cs, z, at.x, at.y);
    expect(bytes).not.toBeNull();
    const layer = decode(bytes as Uint8Array).layers.communities;
    expect(layer.length).toBe(1);
    const f = layer.feature(0);
    expect(f.properties).toEqual({ id: 'C1' });
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

describe('tiles prepared ahead', () => {
  it('the session prepares an opened project’s tiles before any is asked for, and cuts the same tiles after', async () => {
    const text = readFileSync('data/demo/project.json', 'utf8');
    const [early, cold] = [createAnalysisSession(), createAnalysisSession()];
    const r = early.load(text, 'project.json');
    expect(r.ok && cold.load(text, 'project.json').ok).toBe(true);
    if (!r.ok) return;
    await early.prepareTiles();
    // the tiles around the first community, at the zoom of the demo's view and deeper
    const [lon, lat] = r.project.communities[0].geometry.type === 'Polygon' ? r.project.communities[0].geometry.coordinates[0][0] : [0, 0];
    for (const z of [11, 14]) {
      const { x, y } = place(lon, lat, z);
      for (const layer of ['communities', 'streets', 'dots'] as const) {
        const tile = await early.unitTile(layer, z, x, y);
        if (layer !== 'dots' || z === 11) expect(tile).not.toBeNull();
        expect(tile).toEqual(await cold.unitTile(layer, z, x, y));
      }
    }
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
  it('puts each community’s dot at its label point (the centre of a square) in the one tile that holds it, with its id alone', () => {
    const tiles = createUnitTiles();
    const cs = [square('C1', 108.9301, 34.2101), square('C2', 108.95, 34.25)];
    const z = 12;
    const at = place(108.9311, 34.2111, z); // C1's centre
    const layer = decode(tiles.dotTile(cs, z, at.x, at.y) as Uint8Array).layers.dots;
    expect(layer.length).toBe(1);
    const f = layer.feature(0);
    expect(f.properties).toEqual({ id: 'C1' });
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

// The outlines are cut per request from packed outlines (service/outline-tiles.ts). Each case
// below is worked out by hand in web Mercator (place), or compared with an independent method: a
// brute-force box test over a generated city, and geojson-vt (the tiler MapLibre's GeoJSON source
// uses, which cut these tiles before) on the same city.
describe('outline tiles cut per request', () => {
  type Pt = { x: number; y: number };
  const rings = (bytes: Uint8Array | null, id: string, layer = 'communities'): Pt[][] => {
    if (!bytes) return [];
    const l = decode(bytes).layers[layer];
    for (let i = 0; i < l.length; i++) if (l.feature(i).properties.id === id) return l.feature(i).loadGeometry();
    return [];
  };
  /** twice the signed area by the surveyor's formula in tile units (y down): > 0 is clockwise */
  const signed = (r: Pt[]) => r.reduce((s, p, i) => s + (i + 1 < r.length ? p.x * r[i + 1].y - r[i + 1].x * p.y : 0), 0);
  const near = (r: Pt[], x: number, y: number) => r.some((p) => Math.abs(p.x - x) <= 1 && Math.abs(p.y - y) <= 1);
  /** two closed rings with the same vertices (within a unit) in the same cyclic order */
  const sameCycle = (a: number[][], b: number[][]) => {
    const [p, q] = [a.slice(0, -1), b.slice(0, -1)];
    const close = (u: number[], v: number[]) => Math.abs(u[0] - v[0]) <= 1 && Math.abs(u[1] - v[1]) <= 1;
    return p.length === q.length && p.some((_, r) => p.every((u, j) => close(u, q[(j + r) % q.length])));
  };
  const polygon = (id: string, coordinates: number[][][]): Community => ({ id, name: `小区${id}`, type: 'built', extra: {}, geometry: { type: 'Polygon', coordinates } });
  /** the west longitude of tile column x at zoom z, and the latitude of the middle of row y */
  const westOf = (x: number, z: number) => (x / 2 ** z) * 360 - 180;
  const latOf = (y: number, z: number) => (Math.atan(Math.sinh(Math.PI * (1 - (2 * y) / 2 ** z))) * 180) / Math.PI;

  it('clips a square across a tile edge to the tile and its 64-unit buffer, each part in its tile', () => {
    const z = 14;
    const { x, y } = place(108.93, 34.21, z);
    const east = westOf(x + 1, z);
    const [s, n] = [latOf(y + 0.4, z), latOf(y + 0.6, z)]; // rows 40 % and 60 % down the tile
    const c = polygon('E', [
      [
        [east - 0.002, s],
        [east + 0.002, s],
        [east + 0.002, n],
        [east - 0.002, n],
        [east - 0.002, s],
      ],
    ]);
    const sw = place(east - 0.002, s, z);
    const ne = place(east + 0.002, n, z);
    expect(sw.x).toBe(x);
    expect(ne.x).toBe(x + 1);
    expect(sw.px).toBeLessThan(4096 - 300); // the square reaches well beyond the buffer on both sides
    expect(ne.px).toBeGreaterThan(300);
    const west = rings(createUnitTiles().tile('communities', [c], z, x, y), 'E');
    expect(west).toHaveLength(1);
    // the inside corners where web Mercator puts them, the rest on the buffer's edge at x = 4096 + 64
    for (const [px, py] of [
      [sw.px, sw.py],
      [4160, sw.py],
      [4160, ne.py],
      [sw.px, ne.py],
    ])
      expect(near(west[0], px, py)).toBe(true);
    expect(west[0].every((p) => p.x <= 4160 && p.x >= sw.px - 1)).toBe(true);
    expect(west[0][0]).toEqual(west[0].at(-1)); // closed
    expect(signed(west[0])).toBeGreaterThan(0); // outer: clockwise
    const eastPart = rings(createUnitTiles().tile('communities', [c], z, x + 1, y), 'E');
    expect(eastPart).toHaveLength(1);
    for (const [px, py] of [
      [-64, sw.py],
      [ne.px, sw.py],
      [ne.px, ne.py],
      [-64, ne.py],
    ])
      expect(near(eastPart[0], px, py)).toBe(true);
  });

  it('keeps a hole (wound the other way) and both parts of a multipolygon', () => {
    const z = 14;
    const outer = metreSquare(108.93, 34.21, 400);
    const hole = metreSquare(108.93 + 100 / 92_288, 34.21 + 100 / 110_574, 200); // drawn the same way round as the outer ring
    const other = metreSquare(108.93 + 600 / 92_288, 34.21, 100);
    const c: Community = { ...polygon('H', [outer, hole]), geometry: { type: 'MultiPolygon', coordinates: [[outer, hole], [other]] } };
    const at = place(108.93, 34.21, z);
    expect(place(108.93 + 700 / 92_288, 34.21 + 400 / 110_574, z)).toMatchObject({ x: at.x, y: at.y }); // all in one tile
    const got = rings(createUnitTiles().tile('communities', [c], z, at.x, at.y), 'H');
    expect(got).toHaveLength(3);
    const corner = (lon: number, lat: number) => {
      const p = place(lon, lat, z);
      return [p.px, p.py];
    };
    for (const [ring, shape] of [
      [got[0], outer],
      [got[1], hole],
      [got[2], other],
    ] as const) {
      expect(ring).toHaveLength(5);
      for (const [lon, lat] of shape) expect(near(ring, ...(corner(lon, lat) as [number, number]))).toBe(true);
    }
    expect([signed(got[0]) > 0, signed(got[1]) > 0, signed(got[2]) > 0]).toEqual([true, false, true]);
  });

  it('drops a ring smaller than the tolerance at low zoom and keeps it at the deepest', () => {
    const tiny = metreSquare(108.93, 34.21, 10);
    const big = metreSquare(108.94, 34.21, 300);
    // area in tile units, worked out from the corners
    const area = (z: number) => {
      const a = place(tiny[0][0], tiny[0][1], z);
      const b = place(tiny[2][0], tiny[2][1], z);
      return Math.abs((b.px - a.px) * (b.py - a.py));
    };
    expect(area(10)).toBeLessThan(9); // 3 × 3 units: MapLibre's tolerance of 3 of 4096
    expect(area(15)).toBeGreaterThan(9);
    const cs = [polygon('T', [tiny]), { ...polygon('B', [big]), geometry: { type: 'MultiPolygon' as const, coordinates: [[big], [tiny]] } }];
    for (const z of [10, 15]) {
      const at = place(108.93, 34.21, z);
      const bytes = createUnitTiles().tile('communities', cs, z, at.x, at.y);
      expect(rings(bytes, 'T')).toHaveLength(z === 10 ? 0 : 1);
      // the big one's tiny second part goes the same way; its big part stays where it lies
      if (place(108.94, 34.21, z).x === at.x) expect(rings(bytes, 'B')).toHaveLength(z === 10 ? 1 : 2);
    }
    expect(rings(createUnitTiles().tile('communities', [cs[0]], 10, place(108.93, 34.21, 10).x, place(108.93, 34.21, 10).y), 'T')).toEqual([]);
  });

  it('simplifies a bend of less than 3 units away below the deepest zoom, and keeps it at zoom 15', () => {
    const [w, s, e, n] = [108.93, 34.21, 108.934, 34.213];
    const mid = (w + e) / 2;
    const bump = 1.2 / 110_574; // 1.2 m south of the edge's middle
    const c = polygon('S', [
      [
        [w, s],
        [mid, s - bump],
        [e, s],
        [e, n],
        [w, n],
        [w, s],
      ],
    ]);
    const off = (z: number) => place(mid, s - bump, z).py - place(mid, s, z).py;
    expect(off(13)).toBeLessThan(3);
    expect(off(15)).toBeGreaterThan(3);
    for (const z of [13, 15]) {
      const at = place(mid, s - bump, z);
      const [ring] = rings(createUnitTiles().tile('communities', [c], z, at.x, at.y), 'S');
      const has = near(ring, at.px, at.py);
      expect({ z, has }).toEqual({ z, has: z === 15 });
      if (z === 13) expect(ring).toHaveLength(5);
    }
  });

  it('draws a unit kept as it is: a point, and an outline with heights', () => {
    const z = 14;
    const pt: Community = { id: 'P', name: '小区P', type: 'built', extra: {}, geometry: { type: 'Point', coordinates: [108.931, 34.211] } };
    const flat = metreSquare(108.935, 34.212, 150);
    const high = polygon('Z', [flat.map(([lon, lat]) => [lon, lat, 420])]);
    const at = place(108.931, 34.211, z);
    expect(place(108.935 + 150 / 92_288, 34.212 + 150 / 110_574, z)).toMatchObject({ x: at.x, y: at.y });
    const bytes = createUnitTiles().tile('communities', [pt, high], z, at.x, at.y) as Uint8Array;
    const layer = decode(bytes).layers.communities;
    const byId = new Map(Array.from({ length: layer.length }, (_, i) => [layer.feature(i).properties.id, layer.feature(i)]));
    expect(byId.get('P')?.type).toBe(1);
    expect(byId.get('P')?.properties).toEqual({ id: 'P' });
    expect(near(byId.get('P')?.loadGeometry()[0] ?? [], at.px, at.py)).toBe(true);
    const ring = byId.get('Z')?.loadGeometry()[0] ?? [];
    expect(ring).toHaveLength(5);
    for (const [lon, lat] of flat) {
      const p = place(lon, lat, z);
      expect(near(ring, p.px, p.py)).toBe(true);
    }
  });

  describe('on a generated city', () => {
    const city = generateBenchCity({ communities: 200, facilities: 10, roadNodes: 2000, streets: 3 });
    const layers = { communities: city.communities, streets: city.streets } as const;
    const box = (g: Community['geometry']) => {
      const pts = g.type === 'Point' ? [g.coordinates] : g.type === 'Polygon' ? g.coordinates.flat() : g.coordinates.flat(2);
      const xs = pts.map((p) => p[0]);
      const ys = pts.map((p) => p[1]);
      return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
    };
    /** every tile at zoom z over the city */
    const tilesAt = (z: number) => {
      const all = city.communities.map((c) => box(c.geometry));
      const nw = place(Math.min(...all.map((b) => b[0])), Math.max(...all.map((b) => b[3])), z);
      const se = place(Math.max(...all.map((b) => b[2])), Math.min(...all.map((b) => b[1])), z);
      const out: [number, number][] = [];
      for (let x = nw.x; x <= se.x; x++) for (let y = nw.y; y <= se.y; y++) out.push([x, y]);
      return out;
    };
    const ids = (bytes: Uint8Array | null, layer: string) => {
      if (!bytes) return [];
      const l = decode(bytes).layers[layer];
      return Array.from({ length: l.length }, (_, i) => l.feature(i).properties.id as string);
    };

    it('holds the units whose box meets the tile and its buffer (a box test over every unit), none other', () => {
      const tiles = createUnitTiles();
      for (const z of [12, 13, 14]) {
        const list = tilesAt(z);
        expect(list.length).toBeGreaterThan(1);
        for (const [x, y] of list) {
          /** each unit's box in this tile's units */
          const boxes = city.communities.map((c) => {
            const [w, s, e, n] = box(c.geometry);
            const a = place(w, n, z);
            const b = place(e, s, z);
            return { id: c.id, x0: (a.x - x) * 4096 + a.px, y0: (a.y - y) * 4096 + a.py, x1: (b.x - x) * 4096 + b.px, y1: (b.y - y) * 4096 + b.py };
          });
          const meets = new Set(boxes.filter((b) => b.x1 >= -64 && b.x0 <= 4160 && b.y1 >= -64 && b.y0 <= 4160).map((b) => b.id));
          // wholly inside, and more than a few units wide and high: nothing can leave it out
          const sure = boxes.filter((b) => b.x0 >= -64 && b.x1 <= 4160 && b.y0 >= -64 && b.y1 <= 4160 && b.x1 - b.x0 > 12 && b.y1 - b.y0 > 12).map((b) => b.id);
          const got = ids(tiles.tile('communities', city.communities, z, x, y), 'communities');
          expect(new Set(got).size).toBe(got.length);
          expect(got.filter((id) => !meets.has(id))).toEqual([]);
          expect(sure.filter((id) => !got.includes(id))).toEqual([]);
        }
      }
    });

    it('cuts what geojson-vt cut: the same vertices at zoom 15, the same units at every zoom', () => {
      const tiles = createUnitTiles();
      for (const [name, units] of Object.entries(layers)) {
        const vt = new GeoJSONVT(
          { type: 'FeatureCollection', features: units.map((u) => ({ type: 'Feature', geometry: u.geometry, properties: { id: u.id, name: u.name } })) },
          { maxZoom: 15, indexMaxZoom: 5, tolerance: 3, extent: 4096, buffer: 64 },
        );
        const old = (z: number, x: number, y: number) => {
          const t = vt.getTile(z, x, y);
          return t && t.features.length > 0 ? fromGeojsonVt({ [name]: t }, { version: 2, extent: 4096 }) : null;
        };
        const features = (bytes: Uint8Array | null): { id: string; rings: number[][][] }[] => {
          if (!bytes) return [];
          const l = decode(bytes).layers[name];
          return Array.from({ length: l.length }, (_, i) => ({
            id: l.feature(i).properties.id as string,
            rings: l
              .feature(i)
              .loadGeometry()
              .map((r) => r.map((p) => [p.x, p.y])),
          }));
        };
        // zoom 15: nothing simplified, so every vertex (the clipped ones too) is geojson-vt's
        const c = place(...(box(city.communities[0].geometry).slice(0, 2) as [number, number]), 15);
        let compared = 0;
        for (let dx = -1; dx <= 1; dx++)
          for (let dy = -1; dy <= 1; dy++) {
            const [mine, theirs] = [features(tiles.tile(name as 'communities', units, 15, c.x + dx, c.y + dy)), features(old(15, c.x + dx, c.y + dy))];
            expect(mine.map((f) => f.id)).toEqual(theirs.map((f) => f.id));
            mine.forEach((f, i) => {
              expect(f.rings.map((r) => r.length)).toEqual(theirs[i].rings.map((r) => r.length));
              // a clipped ring may start elsewhere (geojson-vt clipped it zoom by zoom): compared as a cycle
              f.rings.forEach((r, k) => expect(sameCycle(r, theirs[i].rings[k])).toBe(true));
              compared += f.rings.flat().length;
            });
          }
        expect(compared).toBeGreaterThan(100);
        // shallower: the same units, but for those geojson-vt leaves with no ring of four points
        // (a sliver simplified to a line draws nothing; this tiler leaves it out)
        for (const z of [10, 12, 13])
          for (const [x, y] of tilesAt(z)) {
            const theirs = features(old(z, x, y))
              .filter((f) => f.rings.some((r) => r.length >= 4))
              .map((f) => f.id);
            expect(ids(tiles.tile(name as 'communities', units, z, x, y), name)).toEqual(theirs);
          }
      }
    });
  });

  it('cuts the walk areas as geojson-vt cut them as people read them (small holes filled): the same vertices at zoom 15, the same areas at every zoom', () => {
    const session = createAnalysisSession();
    if (!session.load(JSON.parse(readFileSync('data/demo/project.json', 'utf8')), 'demo').ok) throw new Error('the demo did not load');
    const walk = session.walkAreas({ profile: 'combined', params: { reach: 'network' } });
    const shown = coverageAreas(walk);
    // the demo's walk areas have holes, all small enough to be filled (a kept hole: the hand-made case above)
    const holes = walk.features.flatMap((f) => (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates)).flatMap((p) => p.slice(1));
    expect(holes.length).toBeGreaterThan(100);
    const vt = new GeoJSONVT(
      { ...shown, features: shown.features.map((f) => ({ ...f, properties: { circle: f.properties.circle, facility: f.properties.facility } })) },
      { maxZoom: 15, indexMaxZoom: 5, tolerance: 3, extent: 4096, buffer: 64 },
    );
    const features = (bytes: Uint8Array | null) => {
      if (!bytes) return [];
      const l = decode(bytes).layers.circles;
      return Array.from({ length: l.length }, (_, i) => ({
        who: `${l.feature(i).properties.circle}/${l.feature(i).properties.facility}`,
        rings: l
          .feature(i)
          .loadGeometry()
          .map((r) => r.map((p) => [p.x, p.y])),
      }));
    };
    const old = (z: number, x: number, y: number) => {
      const t = vt.getTile(z, x, y);
      return features(t && t.features.length > 0 ? fromGeojsonVt({ circles: t }, { version: 2, extent: 4096 }) : null);
    };
    const tiles = createUnitTiles();
    const pts = walk.features.flatMap((f) => (f.geometry.type === 'Polygon' ? f.geometry.coordinates.flat() : f.geometry.coordinates.flat(2)));
    const [w, s, e, n] = [Math.min(...pts.map((p) => p[0])), Math.min(...pts.map((p) => p[1])), Math.max(...pts.map((p) => p[0])), Math.max(...pts.map((p) => p[1]))];
    let compared = 0;
    for (const z of [11, 12, 13, 15]) {
      const nw = place(w, n, z);
      const se = place(e, s, z);
      // zoom 15: a 4 × 4 block around the first vertex of a hole (edges of an area there)
      const c = place(holes[0][0][0], holes[0][0][1], z);
      const [x0, y0, x1, y1] = z === 15 ? [c.x - 2, c.y - 2, c.x + 1, c.y + 1] : [nw.x, nw.y, se.x, se.y];
      for (let x = x0; x <= x1; x++)
        for (let y = y0; y <= y1; y++) {
          const mine = features(tiles.areaTile(walk, z, x, y));
          const theirs = old(z, x, y).filter((f) => f.rings.some((r) => r.length >= 4));
          expect(mine.map((f) => f.who)).toEqual(theirs.map((f) => f.who));
          if (z < 15) continue;
          mine.forEach((f, i) => {
            expect(f.rings.length).toBe(theirs[i].rings.length);
            f.rings.forEach((r, k) => expect(sameCycle(r, theirs[i].rings[k])).toBe(true));
            compared += f.rings.flat().length;
          });
        }
    }
    expect(compared).toBeGreaterThan(100);
  });
});
