// The dot's point read from a packing (core/label-point.ts labelAt) against turf's pointOnFeature of
// the same outline: random polygons on a coarse grid (so that the middle of the box falls on edges,
// vertices and horizontal runs, where the test's boundary rule decides), with holes and several
// parts, and the generated city's communities. Where labelAt answers, it is turf's point to the bit;
// where it does not, labelPoint asks turf.
import { pointOnFeature } from '@turf/turf';
import fc from 'fast-check';
import type { MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { generateBenchCity } from '../../scripts/bench-city/city';
import { labelAt, labelPoint } from '../../src/core/label-point';
import { readAt } from '../../src/core/packed-outlines';
import { parseScanned } from '../../src/schemas/scan-outlines';

/** the outlines read into a packing by the project scanner, as the session reads them */
function scanned(gs: (Polygon | MultiPolygon)[]): (Polygon | MultiPolygon)[] {
  const text = JSON.stringify({ communities: { features: gs.map((geometry) => ({ geometry })) } });
  return (parseScanned(text) as { communities: { features: { geometry: Polygon | MultiPolygon }[] } }).communities.features.map((f) => f.geometry);
}

const cell = fc.integer({ min: 0, max: 6 }).map((k) => 108 + k * 0.25);
const ring = fc.array(fc.tuple(cell, cell), { minLength: 3, maxLength: 7 }).map((ps) => [...ps, ps[0]]);
const polygon = fc.array(ring, { minLength: 1, maxLength: 3 });
const geometry = fc.oneof(
  polygon.map((coordinates) => ({ type: 'Polygon', coordinates }) as Polygon),
  fc.array(polygon, { minLength: 1, maxLength: 3 }).map((coordinates) => ({ type: 'MultiPolygon', coordinates }) as MultiPolygon),
);

describe("the dot's point read from the packing", () => {
  it("is turf's pointOnFeature wherever it answers, on grid polygons with holes and parts", () => {
    let answered = 0;
    let total = 0;
    fc.assert(
      fc.property(fc.array(geometry, { minLength: 1, maxLength: 8 }), (gs) => {
        scanned(gs).forEach((g, k) => {
          const at = readAt(g);
          if (!at) throw new Error('not packed');
          const turf = pointOnFeature(gs[k]).geometry.coordinates;
          const own = labelAt(at);
          if (own) {
            answered++;
            expect(own).toEqual(turf);
          }
          expect(labelPoint(g, at)).toEqual(turf);
        });
        total += gs.length;
      }),
      { numRuns: 300 },
    );
    expect(answered).toBeGreaterThan(total / 4);
  });

  it("is turf's on every community of the generated city", () => {
    const city = generateBenchCity({ communities: 300, facilities: 10, roadNodes: 2_000 });
    const gs = city.communities.map((c) => c.geometry).filter((g): g is Polygon | MultiPolygon => g.type !== 'Point');
    let answered = 0;
    scanned(gs).forEach((g, k) => {
      const at = readAt(g);
      if (!at) throw new Error('not packed');
      const own = labelAt(at);
      if (own) answered++;
      expect(labelPoint(g, at)).toEqual(pointOnFeature(gs[k]).geometry.coordinates);
    });
    expect(answered).toBeGreaterThan(gs.length * 0.9);
  });
});
