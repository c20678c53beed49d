// Builds the base map of a hand-made 0.1° × 0.1° area (tests/basemap/fixtures/mini-area) and reads
// it back with the pmtiles package and @mapbox/vector-tile. Tile numbers are worked out by hand:
//   x = (lon + 180)/360 · 2^z,  y = (1 − ln(tan φ + sec φ)/π)/2 · 2^z
// For (108.925°E, 34.165°N): (lon+180)/360 = 0.802569; ln(tan φ + sec φ) = 0.63514 → (1 − 0.20217)/2 = 0.398915
//   z14 → x 13149.3, y 6535.8 → 14/13149/6535;  z12 → 3287.3, 1633.96 → 12/3287/1633;  z10 → 821.8, 408.5 → 10/821/408
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VectorTile, type VectorTileLayer } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import type { FeatureCollection } from 'geojson';
import { areaLayers, labelPoint, readAreaFiles, roadClass } from '../../scripts/basemap/area-layers';
import { buildBasemap } from '../../scripts/basemap/build';
import { readArchive } from './buffer-source';

const fixture = 'tests/basemap/fixtures/mini-area';
const built = buildBasemap({ inDir: fixture, minZoom: 8, maxZoom: 15 });

async function layersAt(z: number, x: number, y: number): Promise<Record<string, VectorTileLayer>> {
  const got = await readArchive(built.bytes).getZxy(z, x, y);
  if (!got) throw new Error(`tile ${z}/${x}/${y} missing`);
  return new VectorTile(new PbfReader(new Uint8Array(got.data))).layers;
}

function props(layer: VectorTileLayer | undefined): Record<string, unknown>[] {
  if (!layer) return [];
  return Array.from({ length: layer.length }, (_, i) => layer.feature(i).properties);
}

describe('buildBasemap on the mini area', () => {
  it('writes a header covering the outline and metadata naming every layer', async () => {
    const archive = readArchive(built.bytes);
    const h = await archive.getHeader();
    expect([h.minLon, h.minLat, h.maxLon, h.maxLat]).toEqual([108.9, 34.1, 109, 34.2]);
    expect([h.minZoom, h.maxZoom, h.centerZoom]).toEqual([8, 15, 11]);
    expect([h.centerLon, h.centerLat]).toEqual([108.95, 34.15]);
    const meta = (await archive.getMetadata()) as { attribution: string; vector_layers: { id: string; fields: Record<string, string>; minzoom: number }[] };
    expect(meta.attribution).toContain('模拟数据 simulated');
    expect(meta.vector_layers.map((l) => l.id).sort()).toEqual(['boundaries', 'land', 'places', 'roads']);
    const places = meta.vector_layers.find((l) => l.id === 'places')!;
    expect(places.fields).toEqual({ kind: 'String', name: 'String' }); // the internal _minzoom is not a field
    expect(built.warnings).toEqual([]);
  });

  it('puts the community label and its street into the z14 tile at the community centre', async () => {
    const layers = await layersAt(14, 13149, 6535);
    expect(props(layers.places)).toContainEqual({ kind: 'community', name: '韦曲社区' });
    expect(props(layers.roads)).toContainEqual({ class: 'minor', highway: 'residential', name: '一号路' });
    const i = props(layers.places).findIndex((p) => p.name === '韦曲社区');
    const [lon, lat] = (layers.places!.feature(i).toGeoJSON(13149, 6535, 14).geometry as { coordinates: number[] }).coordinates;
    // centre of the square 108.92–108.93 × 34.16–34.17; one MVT unit at z14 ≈ 360/16384/4096 = 5.4e-6°
    expect(lon).toBeCloseTo(108.925, 4);
    expect(lat).toBeCloseTo(34.165, 4);
  });

  it('keeps small roads and community labels out of low zooms', async () => {
    const z10 = await layersAt(10, 821, 408);
    expect(props(z10.places).map((p) => p.name)).toContain('甲街道');
    expect(props(z10.places).map((p) => p.name)).not.toContain('韦曲社区'); // labels from z13
    expect(props(z10.roads).map((p) => p.name)).toEqual(['长安大道']); // residential only from z12
    const z12 = await layersAt(12, 3287, 1633);
    expect(props(z12.roads).map((p) => p.name)).toContain('一号路');
    expect(props(z12.places).map((p) => p.kind)).not.toContain('community');
  });

  it('draws the street/town border at 108.95°E', async () => {
    // 108.95°E at z12: (288.95/360)·4096 = 3287.6 → column 3287, same row 1633 as above
    const layers = await layersAt(12, 3287, 1633);
    const b = layers.boundaries!;
    const onBorder = Array.from({ length: b.length }, (_, i) => b.feature(i))
      .filter((f) => f.properties.kind === 'street' || f.properties.kind === 'town')
      .flatMap((f) => {
        const g = f.toGeoJSON(3287, 1633, 12).geometry as { type: string; coordinates: number[][] | number[][][] };
        const pts = (g.type === 'LineString' ? [g.coordinates] : g.coordinates) as number[][][];
        return pts.flat().filter(([lon]) => Math.abs(lon! - 108.95) < 3e-5); // 1 unit at z12 ≈ 2.1e-5°
      });
    expect(onBorder.length).toBeGreaterThanOrEqual(2);
  });

  it('stores the many identical land-only interior tiles once', async () => {
    const h = await readArchive(built.bytes).getHeader();
    expect(h.numTileContents).toBeLessThan(h.numAddressedTiles);
    expect(built.stats.tileContents).toBe(h.numTileContents);
    expect(await readArchive(built.bytes).getZxy(14, 0, 0)).toBeUndefined();
  });

  it('is reproducible, and the CLI writes the same bytes', () => {
    const again = buildBasemap({ inDir: fixture, minZoom: 8, maxZoom: 15 });
    expect(Buffer.from(again.bytes).equals(Buffer.from(built.bytes))).toBe(true);
    const out = join(mkdtempSync(join(tmpdir(), 'basemap-')), 'mini.pmtiles');
    const r = spawnSync('npx', ['tsx', 'scripts/basemap/build.ts', '--in', fixture, '--out', out], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/mini\.pmtiles: \d+ KiB, z8–15/);
    expect(Buffer.from(readFileSync(out)).equals(Buffer.from(built.bytes))).toBe(true);
  });
});

describe('area layers from imperfect input', () => {
  const fc = (features: unknown[]): FeatureCollection => ({ type: 'FeatureCollection', features }) as FeatureCollection;
  const square = {
    type: 'Polygon',
    coordinates: [
      [
        [0, 0],
        [1, 0],
        [1, 1],
        [0, 1],
        [0, 0],
      ],
    ],
  };

  it('skips what it cannot draw and says which feature and field, keeping the rest', () => {
    const r = areaLayers({
      outline: fc([{ type: 'Feature', properties: { name: 'A' }, geometry: square }]),
      streets: fc([{ type: 'Feature', properties: { id: 's9', name: 'B', type: 'district' }, geometry: square }]),
      roads: fc([
        { type: 'Feature', properties: { id: 'r7' }, geometry: { type: 'Point', coordinates: [0.5, 0.5] } },
        {
          type: 'Feature',
          properties: { highway: 'trunk_link' },
          geometry: {
            type: 'LineString',
            coordinates: [
              [0, 0],
              [1, 1],
            ],
          },
        },
      ]),
      communities: fc([{ type: 'Feature', id: 'c3', properties: {}, geometry: square }]),
    });
    expect(r.warnings).toEqual([
      'streets.geojson feature #0 (id s9): field type is "district", expected "street" or "town"; drawn as a street',
      'communities.geojson feature #0 (id c3): no name, so no label; add a "name" property',
      'roads.geojson feature #0 (id r7): geometry is Point, expected LineString or MultiLineString; left off the base map',
    ]);
    expect(r.layers.roads!.features.map((f) => f.properties.class)).toEqual(['major']);
    expect(r.bounds).toEqual([0, 0, 1, 1]);
  });

  it('writes each street border once and leaves out what the district outline already draws', () => {
    const r = areaLayers(readAreaFiles(fixture));
    const streetLines = r.layers.boundaries!.features.filter((f) => f.properties.kind !== 'district');
    // 甲 (108.90–108.95): bottom, shared edge, top kept as one run; its left edge is the outline's → skipped.
    // 乙 (108.95–109.00): bottom kept; right edge = outline; top kept; left edge = 甲's, already drawn → two runs.
    expect(streetLines.map((f) => [f.properties.kind, (f.geometry as { coordinates: number[][] }).coordinates])).toEqual([
      [
        'street',
        [
          [108.9, 34.1],
          [108.95, 34.1],
          [108.95, 34.2],
          [108.9, 34.2],
        ],
      ],
      [
        'town',
        [
          [108.95, 34.1],
          [109, 34.1],
        ],
      ],
      [
        'town',
        [
          [109, 34.2],
          [108.95, 34.2],
        ],
      ],
    ]);
  });

  it('reports broken or projected coordinates instead of crashing, and keeps the good features', () => {
    const r = areaLayers({
      outline: fc([{ type: 'Feature', properties: { name: 'A' }, geometry: square }]),
      streets: fc([
        // metres in a Gauss-Krüger zone, not degrees
        {
          type: 'Feature',
          properties: { id: 's1', name: 'B', type: 'street' },
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [36500000, 3780000],
                [36501000, 3780000],
                [36501000, 3781000],
                [36500000, 3780000],
              ],
            ],
          },
        },
        { type: 'Feature', properties: { id: 's2', name: 'C', type: 'street' }, geometry: square },
      ]),
      roads: fc([
        {
          type: 'Feature',
          properties: { id: 'r1' },
          geometry: {
            type: 'LineString',
            coordinates: [
              [0, 0],
              ['1', 1],
            ],
          },
        },
        { type: 'Feature', properties: { id: 'r2' }, geometry: { type: 'LineString', coordinates: [0, 0] } },
        {
          type: 'Feature',
          properties: { id: 'r3', highway: 'primary' },
          geometry: {
            type: 'LineString',
            coordinates: [
              [0, 0],
              [1, 1],
            ],
          },
        },
      ]),
    });
    expect(r.warnings).toEqual([
      'streets.geojson feature #0 (id s1): geometry has a position [36500000, 3780000] outside longitude/latitude; projected coordinates (metres) must be converted to WGS84 first (npm run import does); left off the base map',
      'roads.geojson feature #0 (id r1): geometry has a position ["1",1] that is not two finite numbers; left off the base map',
      'roads.geojson feature #1 (id r2): geometry has coordinates nested wrongly for a LineString; left off the base map',
    ]);
    expect(r.layers.places!.features.map((f) => f.properties.name)).toEqual(['A', 'C']);
    expect(r.layers.roads!.features).toHaveLength(1);
  });

  it('names the missing file', () => {
    expect(() => readAreaFiles('tests/basemap/no-such-dir')).toThrow(/no-such-dir\/outline\.geojson: missing/);
  });

  it('classes OSM highway values', () => {
    expect(['motorway', 'primary_link', 'secondary', 'tertiary', 'residential', 'service', undefined, 'steps', 'footway'].map(roadClass)).toEqual([
      'major',
      'major',
      'medium',
      'medium',
      'minor',
      'minor',
      'minor',
      'path',
      'path',
    ]);
  });

  it('puts the label of a U-shaped polygon on the polygon, not in its empty middle', () => {
    // U: 0–3 wide, 0–3 high, notch 1–2 × 1–3 cut out. turf.centroid is the vertex mean: x 12/8 = 1.5, y 14/8 = 1.75, in the notch.
    const u = {
      type: 'Polygon' as const,
      coordinates: [
        [
          [0, 0],
          [3, 0],
          [3, 3],
          [2, 3],
          [2, 1],
          [1, 1],
          [1, 3],
          [0, 3],
          [0, 0],
        ],
      ],
    };
    const [x, y] = labelPoint(u) as [number, number];
    const inNotch = x > 1 && x < 2 && y > 1;
    const inU = x >= 0 && x <= 3 && y >= 0 && y <= 3;
    expect(inU && !inNotch).toBe(true);
  });
});
