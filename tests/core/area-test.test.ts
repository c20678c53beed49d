// areaTest (an edge index per large ring) answers exactly as pointInArea (every edge read) does,
// read from GeoJSON or from a packed outline, on star-shaped rings of many vertices with a hole, a multipolygon, and points on vertices and edges.
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../scripts/demo/prng';
import { areaTest } from '../../src/core/area-test';
import { pointInArea, type LonLat } from '../../src/core/geo';
import { keepPacked, packedAt } from '../../src/core/packed-outlines';

function star(r: () => number, cx: number, cy: number, radius: number, n: number, clockwise = false): Position[] {
  const ring: Position[] = [];
  for (let k = 0; k < n; k++) {
    const a = ((clockwise ? -1 : 1) * 2 * Math.PI * k) / n;
    const rr = radius * (0.6 + 0.4 * r());
    ring.push([cx + rr * Math.cos(a), cy + rr * Math.sin(a)]);
  }
  ring.push(ring[0]);
  return ring;
}

describe('areaTest', () => {
  const r = mulberry32(4);
  const polygon: Polygon = { type: 'Polygon', coordinates: [star(r, 108.9, 34.2, 0.05, 2000), star(r, 108.9, 34.2, 0.015, 300, true)] };
  const multi: MultiPolygon = { type: 'MultiPolygon', coordinates: [polygon.coordinates, [star(r, 109.0, 34.2, 0.03, 40)], [star(r, 108.95, 34.28, 0.02, 900)]] };
  for (const [name, g] of [
    ['polygon with a hole (2,000 + 300 vertices)', polygon],
    ['multipolygon (with a small ring tested edge by edge)', multi],
  ] as const) {
    it(`answers as pointInArea, from GeoJSON and from a packed outline (doubles, and integers of 1e-7 degree): ${name}`, () => {
      const [packed] = keepPacked([{ geometry: g }]);
      const fromPacked = areaTest(packed);
      // the same outline written with 7 decimals: packed as integers, read without a copy
      const g7 = JSON.parse(JSON.stringify(g), (_, v) => (typeof v === 'number' ? Number(v.toFixed(7)) : v)) as typeof g;
      const [packed7] = keepPacked([{ geometry: g7 }]);
      expect(packedAt(packed7)?.packed.xy).toBeInstanceOf(Int32Array);
      const from7 = areaTest(packed7);
      const test = areaTest({ geometry: g });
      const pts: LonLat[] = Array.from({ length: 4000 }, () => [108.83 + r() * 0.22, 34.13 + r() * 0.2]);
      // vertices and edge midpoints: where a different counting rule would show
      const rings = g.type === 'Polygon' ? g.coordinates : g.coordinates.flat();
      for (const ring of rings)
        for (let k = 0; k + 1 < ring.length; k += 7) {
          pts.push([ring[k][0], ring[k][1]]);
          pts.push([(ring[k][0] + ring[k + 1][0]) / 2, (ring[k][1] + ring[k + 1][1]) / 2]);
        }
      let inside = 0;
      for (const p of pts) {
        const want = pointInArea(p, g);
        expect(test(p), `${p}`).toBe(want);
        expect(fromPacked(p), `${p}`).toBe(want);
        expect(from7(p), `${p}`).toBe(pointInArea(p, g7));
        if (want) inside++;
      }
      expect(inside).toBeGreaterThan(500); // both answers really occur
      expect(pts.length - inside).toBeGreaterThan(500);
    });
  }

  it('holds its index in under 8 bytes a vertex (one box per run of edges; a box per edge took ≈ 36), and no copy of the rings', () => {
    // a street boundary of 20 000 vertices with 7 decimals, packed as the session keeps it (integers)
    const ring = star(r, 108.9, 34.2, 0.05, 20_000).map((q) => q.map((v) => Number(v.toFixed(7))));
    const [street] = keepPacked([{ geometry: { type: 'Polygon', coordinates: [ring] } as Polygon }]);
    expect(packedAt(street)?.packed.xy).toBeInstanceOf(Int32Array);
    const before = process.memoryUsage().arrayBuffers;
    const test = areaTest(street);
    // what was allocated meanwhile: a garbage collection of earlier buffers can only lower it, so it
    // is an upper bound (a copy of the rings, 8 bytes a vertex, would exceed it alone)
    const allocated = process.memoryUsage().arrayBuffers - before;
    expect(test([108.9, 34.2])).toBe(true);
    // 2 500 runs' boxes (4 doubles each) and their order: ≈ 4.5 bytes a vertex
    expect(test.bytes).toBeGreaterThan(2_500 * 4 * 8);
    expect(test.bytes / 20_000).toBeLessThan(8);
    expect(allocated / 20_000).toBeLessThan(8);
  });
});
