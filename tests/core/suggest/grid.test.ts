// The scan-line grid against the per-cell definition (pointInArea on every lattice point,
// grid-reference.ts): the same points, in the same order, to the last bit — on a concave polygon
// with holes, on lattice-aligned edges and vertices, on overlapping parts and holes, on random
// star polygons, and on the demo's outline and street polygons.
import { readFileSync } from 'node:fs';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { gridPoints, gridPointsSteps } from '../../../src/core/suggest/grid';
import { runSteps, SuggestStopped } from '../../../src/core/suggest/steps';
import { bruteGridPoints, referenceLattice } from './grid-reference';
import { rng } from './instances';

const lat0 = 34.1;
const dLat = 1 / 111195; // one metre of latitude, in degrees
const dLon = 1 / (111195 * Math.cos((lat0 * Math.PI) / 180));
/** a ring from metre offsets east/north of (108.9°, 34.1°) */
const ring = (pts: [number, number][]): Position[] => [...pts, pts[0]].map(([x, y]) => [108.9 + x * dLon, lat0 + y * dLat]);

// a concave "C" (opening to the east) 3 km × 3 km with two holes, one in the C's back, one notched
const cShape: Polygon = {
  type: 'Polygon',
  coordinates: [
    ring([
      [0, 0],
      [3000, 0],
      [3000, 900],
      [1100, 1300],
      [3000, 2100],
      [3000, 3000],
      [0, 3000],
    ]),
    ring([
      [300, 300],
      [800, 300],
      [800, 2700],
      [300, 2700],
    ]),
    ring([
      [1200, 200],
      [2600, 250],
      [1500, 700],
      [2000, 400],
    ]),
  ],
};

describe('scan-line grid = per-cell point-in-polygon', () => {
  it('a concave polygon with two holes (one of them concave)', () => {
    for (const spacing of [37, 100, 250]) {
      const fast = gridPoints(cShape, spacing);
      expect(fast.length).toBeGreaterThan(0);
      expect(fast).toEqual(bruteGridPoints(cShape, spacing));
    }
  });

  it('edges and vertices exactly on lattice rows and columns', () => {
    // a frame (outer square with a large hole) fixes the bounding box and so the lattice; the
    // inner parts then have their vertices on lattice points: horizontal edges along rows,
    // vertical edges along columns, a diamond with vertices on lattice points
    const frame = [
      ring([
        [0, 0],
        [2000, 0],
        [2000, 2000],
        [0, 2000],
      ]),
      ring([
        [100, 100],
        [1900, 100],
        [1900, 1900],
        [100, 1900],
      ]),
    ];
    const spacing = 100;
    const { point } = referenceLattice({ type: 'Polygon', coordinates: frame }, spacing);
    const on = (pts: [number, number][]): Position[] => [...pts, pts[0]].map(([c, r]) => point(c, r));
    const area: MultiPolygon = {
      type: 'MultiPolygon',
      coordinates: [
        frame,
        [
          on([
            [3, 3],
            [9, 3],
            [9, 8],
            [3, 8],
          ]),
        ],
        [
          on([
            [14, 4],
            [17, 7],
            [14, 10],
            [11, 7],
          ]),
        ],
        [
          on([
            [3, 12],
            [8, 12],
            [8, 17],
            [5, 14],
            [3, 17],
          ]),
        ],
      ],
    };
    // the lattice is the frame's (same bounding box), so the cells sit exactly on those vertices
    expect(referenceLattice(area, spacing).point(3, 3)).toEqual(point(3, 3));
    const fast = gridPoints(area, spacing);
    expect(fast).toEqual(bruteGridPoints(area, spacing));
    // cells on the square's west and south edges at least count (half-open rule): not empty
    expect(fast.some((p) => p[0] === point(3, 3)[0] && p[1] === point(4, 4)[1])).toBe(true);
  });

  it('overlapping parts and overlapping holes: the union of parts, each minus its holes', () => {
    const a = [
      ring([
        [0, 0],
        [2000, 0],
        [2000, 2000],
        [0, 2000],
      ]),
      ring([
        [500, 500],
        [1500, 500],
        [1500, 1500],
        [500, 1500],
      ]),
      ring([
        [1000, 1000],
        [1800, 1000],
        [1800, 1800],
        [1000, 1800],
      ]),
    ];
    const b = [
      ring([
        [1200, 1200],
        [3000, 1200],
        [3000, 3000],
        [1200, 3000],
      ]),
    ];
    // a hole poking out of its polygon to the west (invalid, but the definition still holds)
    const c = [
      ring([
        [3500, 0],
        [4500, 0],
        [4500, 1000],
        [3500, 1000],
      ]),
      ring([
        [3300, 300],
        [3900, 300],
        [3900, 700],
        [3300, 700],
      ]),
    ];
    const area: MultiPolygon = { type: 'MultiPolygon', coordinates: [a, b, c, []] };
    const fast = gridPoints(area, 90);
    expect(fast).toEqual(bruteGridPoints(area, 90));
    // a point in a's hole but inside b is in the area (b covers it); one only in a's holes is not
    const m = (x: number, y: number) => fast.some((p) => Math.abs(p[0] - (108.9 + x * dLon)) < 45 * dLon && Math.abs(p[1] - (lat0 + y * dLat)) < 45 * dLat);
    expect(m(1400, 1400)).toBe(true);
    expect(m(800, 800)).toBe(false);
  });

  it('40 random star polygons (concave, many vertices) with a random hole', () => {
    const r = rng(7);
    for (let n = 0; n < 40; n++) {
      const k = 5 + Math.floor(r() * 60);
      const cx = 2000 + r() * 500;
      const cy = 2000 + r() * 500;
      const star = ring(
        Array.from({ length: k }, (_, i): [number, number] => {
          const a = (2 * Math.PI * i) / k;
          const rad = 300 + r() * 1700;
          return [cx + rad * Math.cos(a), cy + rad * Math.sin(a)];
        }),
      );
      const hole = ring([
        [cx - 150, cy - 100],
        [cx + 200, cy - 50],
        [cx, cy + 180],
      ]);
      const area: Polygon = { type: 'Polygon', coordinates: [star, hole] };
      const spacing = 40 + r() * 160;
      expect(gridPoints(area, spacing)).toEqual(bruteGridPoints(area, spacing));
    }
  });

  it('the demo: its outline and its street polygons (the app’s default grid area)', () => {
    const outline = JSON.parse(readFileSync('data/demo/outline.geojson', 'utf8')) as { features: { geometry: Polygon | MultiPolygon }[] };
    const streets = JSON.parse(readFileSync('data/demo/streets.geojson', 'utf8')) as { features: { geometry: Polygon | MultiPolygon }[] };
    const multi = (gs: (Polygon | MultiPolygon)[]): MultiPolygon => ({
      type: 'MultiPolygon',
      coordinates: gs.flatMap((g) => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates)),
    });
    for (const [area, spacing] of [
      [multi(outline.features.map((f) => f.geometry)), 300],
      [multi(streets.features.map((f) => f.geometry)), 400],
    ] as const) {
      const fast = gridPoints(area, spacing);
      expect(fast.length).toBeGreaterThan(1000);
      expect(fast).toEqual(bruteGridPoints(area, spacing));
    }
  });
});

describe('grid steps', () => {
  it('yields at checkpoints and stops there with SuggestStopped, returning nothing', () => {
    let checks = 0;
    const all = gridPointsSteps(cShape, 20);
    // a 20 m grid over 3 km × 3 km: 151 × 151 cells → several checkpoints of 4096 items
    const stopped = () => runSteps(gridPointsSteps(cShape, 20), () => ++checks >= 3);
    expect(stopped).toThrow(SuggestStopped);
    expect(checks).toBe(3);
    let total = 0;
    expect(
      runSteps(all, () => {
        total++;
        return false;
      }),
    ).toEqual(bruteGridPoints(cShape, 20));
    expect(total).toBeGreaterThan(3);
  });
});
