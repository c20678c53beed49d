// The generator's planar helpers against brute force on random points.
import { describe, expect, it } from 'vitest';
import { BoundaryIndex, PointGrid, cellClearance, clipHalfPlane, dist, pointInRing, ringArea, voronoiCell } from '../../scripts/demo/geometry';
import { splitCsvLine } from '../../scripts/demo/divisions';
import { createRng } from '../../scripts/demo/prng';
import type { XY } from '../../scripts/demo/projection';

const rng = createRng(99);
const randomPoints = (n: number, side: number): XY[] => Array.from({ length: n }, () => [rng.uniform(0, side), rng.uniform(0, side)]);

describe('convex clipping and Voronoi cells', () => {
  it('clips a 2 × 2 square at x ≤ 1 to half its area', () => {
    const half = clipHalfPlane(
      [
        [0, 0],
        [2, 0],
        [2, 2],
        [0, 2],
      ],
      1,
      0,
      1,
    );
    expect(ringArea(half)).toBeCloseTo(2, 12); // 1 × 2
  });

  it('a point is in the cell of its nearest site (brute force), and clearance is its distance to the nearest bisector', () => {
    const sites = randomPoints(12, 1000);
    const cells = sites.map((_, i) => voronoiCell(sites, i, [-100, -100, 1100, 1100]));
    // the cells tile the box: areas add up to 1200²
    expect(cells.reduce((a, c) => a + ringArea(c), 0)).toBeCloseTo(1200 * 1200, 3);
    for (const p of randomPoints(300, 1000)) {
      const nearest = sites.map((s, i) => [dist(p, s), i]).sort((a, b) => a[0] - b[0])[0][1];
      const inCells = cells.map((c, i) => (pointInRing(p[0], p[1], c) ? i : -1)).filter((i) => i >= 0);
      expect(inCells).toEqual([nearest]);
      // clearance: (d(p, q)² − d(p, s)²) / (2 |s − q|) minimised over the other sites q
      const s = sites[nearest];
      const brute = Math.min(...sites.filter((_, j) => j !== nearest).map((q) => (dist(p, q) ** 2 - dist(p, s) ** 2) / (2 * dist(s, q))));
      expect(cellClearance(sites, nearest, p)).toBeCloseTo(brute, 6);
    }
  });
});

describe('indexes', () => {
  it('PointGrid.nearest and within agree with brute force', () => {
    const pts = randomPoints(500, 5000);
    const grid = new PointGrid(pts, 300);
    for (const p of randomPoints(50, 5000)) {
      const brute = pts.map((q, i) => [dist(p, q), i]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
      expect(grid.nearest(p, 5)).toEqual(brute.slice(0, 5).map((x) => x[1]));
      expect(grid.within(p, 400)).toEqual(
        brute
          .filter((x) => x[0] <= 400)
          .map((x) => x[1])
          .sort((a, b) => a - b),
      );
    }
  });

  it('BoundaryIndex distance and containment agree with brute force on a concave polygon', () => {
    // an L-shaped ring: 0..3000 × 0..1000 plus 0..1000 × 1000..3000
    const ring: XY[] = [
      [0, 0],
      [3000, 0],
      [3000, 1000],
      [1000, 1000],
      [1000, 3000],
      [0, 3000],
    ];
    const index = new BoundaryIndex([[ring]], 250);
    const segDist = (p: XY, a: XY, b: XY) => {
      const t = Math.max(0, Math.min(1, ((p[0] - a[0]) * (b[0] - a[0]) + (p[1] - a[1]) * (b[1] - a[1])) / dist(a, b) ** 2));
      return dist(p, [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])]);
    };
    for (const p of randomPoints(400, 3200)) {
      const brute = Math.min(...ring.map((a, i) => segDist(p, a, ring[(i + 1) % ring.length])));
      expect(index.distance(p, 5000)).toBeCloseTo(brute, 9);
      const inside = (p[0] < 3000 && p[1] < 1000) || (p[0] < 1000 && p[1] < 3000);
      expect(index.contains(p, 50)).toBe(inside && brute > 50);
    }
  });
});

describe('CSV lines', () => {
  it('splits quoted fields, commas and doubled quotes inside them', () => {
    expect(splitCsvLine('610116001001,"青年街居委会",610116001')).toEqual(['610116001001', '青年街居委会', '610116001']);
    expect(splitCsvLine('1,"a, ""b""",2')).toEqual(['1', 'a, "b"', '2']);
  });
});
