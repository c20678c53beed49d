// The indexed self-intersection check against a brute-force O(n²) reference with its own
// (parametric) intersection test, on random polygons where crossings are plentiful.
import fc from 'fast-check';
import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { crossingPairs, hasMeeting, ringCrossings } from '../../src/core/self-intersections';

/** All pairs of non-adjacent edges that meet, by solving p + t·r = q + u·s for t, u in [0, 1]. */
function bruteForce(rings: Position[][]): [number, number][] {
  const edges: { a: Position; b: Position; ring: number; k: number; n: number }[] = [];
  rings.forEach((r, ring) => {
    const kept = r.slice(0, -1).filter((p, i) => !(p[0] === r[i + 1][0] && p[1] === r[i + 1][1]));
    const n = kept.length;
    let k = 0;
    r.forEach((p, i) => {
      if (i + 1 < r.length && !(p[0] === r[i + 1][0] && p[1] === r[i + 1][1])) edges.push({ a: p, b: r[i + 1], ring, k: k++, n });
    });
  });
  const out: [number, number][] = [];
  for (let i = 0; i < edges.length; i++) {
    for (let j = i + 1; j < edges.length; j++) {
      const e = edges[i];
      const f = edges[j];
      if (e.ring === f.ring && (Math.abs(e.k - f.k) === 1 || Math.abs(e.k - f.k) === e.n - 1)) continue;
      const r = [e.b[0] - e.a[0], e.b[1] - e.a[1]];
      const s = [f.b[0] - f.a[0], f.b[1] - f.a[1]];
      const den = r[0] * s[1] - r[1] * s[0];
      if (den === 0) continue; // parallel: never with random coordinates
      const qp = [f.a[0] - e.a[0], f.a[1] - e.a[1]];
      const t = (qp[0] * s[1] - qp[1] * s[0]) / den;
      const u = (qp[0] * r[1] - qp[1] * r[0]) / den;
      if (t >= 0 && t <= 1 && u >= 0 && u <= 1) out.push([i, j]);
    }
  }
  return out;
}

const close = (r: Position[]) => [...r, r[0]];
/** the crossing points (the budget is not at stake in these small cases) */
const at = (rings: Position[][], max = 3) => {
  const c = ringCrossings(rings, max);
  if (!c.ok) throw new Error('over budget');
  return c.at;
};

describe('self-intersections (flatbush-indexed)', () => {
  it('finds exactly the crossing pairs of the brute-force reference on random polygons', () => {
    const pt = fc.tuple(fc.double({ min: 100, max: 101, noNaN: true }), fc.double({ min: 30, max: 31, noNaN: true }));
    const ring = fc.array(pt, { minLength: 3, maxLength: 40 }).map(close);
    fc.assert(
      fc.property(fc.array(ring, { minLength: 1, maxLength: 3 }), (rings) => {
        const sort = (x: [number, number][]) => x.map((p) => p.join(',')).sort();
        expect(sort(crossingPairs(rings))).toEqual(sort(bruteForce(rings)));
      }),
      { numRuns: 300, seed: 14 },
    );
  });
  it('a square has no crossing, a bow-tie crosses at its centre, a pinched ring is found, a hole touching its shell at one point is not', () => {
    expect(
      ringCrossings([
        [
          [0, 0],
          [1, 0],
          [1, 1],
          [0, 1],
          [0, 0],
        ],
      ]),
    ).toEqual({ ok: true, at: [] });
    expect(
      ringCrossings([
        [
          [0, 0],
          [2, 2],
          [2, 0],
          [0, 2],
          [0, 0],
        ],
      ]),
    ).toEqual({ ok: true, at: [[1, 1]] });
    // repeated vertices are not crossings
    expect(
      ringCrossings([
        [
          [0, 0],
          [1, 0],
          [1, 0],
          [1, 1],
          [0, 1],
          [0, 0],
          [0, 0],
        ],
      ]),
    ).toEqual({ ok: true, at: [] });
    const shell = [
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 1],
      [0, 0],
    ];
    // valid in OGC simple features: a hole meets its shell at a single point
    expect(
      ringCrossings([
        shell,
        [
          [0.5, 0],
          [0.7, 0.5],
          [0.3, 0.5],
          [0.5, 0],
        ],
      ]),
    ).toEqual({ ok: true, at: [] });
    // a hole poking out through the shell crosses the bottom edge where y = 0, i.e. 0.6 of the way up
    // its sides from (0.5, -0.5): x = 0.5 ± 0.6 × 0.3 = 0.68 and 0.32
    expect(
      at(
        [
          shell,
          [
            [0.5, -0.5],
            [0.8, 1 / 3],
            [0.2, 1 / 3],
            [0.5, -0.5],
          ],
        ],
        5,
      ).map((p) => p.map((v) => Math.round(v * 1e9) / 1e9)),
    ).toEqual([
      [0.68, 0],
      [0.32, 0],
    ]);
    // a figure-of-eight ring pinched at (1, 1): one ring touching itself is not a valid outline
    expect(
      at([
        [
          [0, 0],
          [1, 1],
          [2, 0],
          [2, 2],
          [1, 1],
          [0, 2],
          [0, 0],
        ],
      ]),
    ).toContainEqual([1, 1]);
    // two holes sharing a stretch of edge overlap
    expect(
      at([
        [
          [0, 0],
          [4, 0],
          [4, 4],
          [0, 4],
          [0, 0],
        ],
        [
          [1, 1],
          [2, 1],
          [2, 2],
          [1, 1],
        ],
        [
          [1, 1],
          [2, 1],
          [1.5, 0.5],
          [1, 1],
        ],
      ]).length,
    ).toBeGreaterThan(0);
  });
  it('refuses a polygon over the vertex budget instead of working on it', () => {
    const r = close(Array.from({ length: 20 }, (_, i) => [Math.cos(i / 3), Math.sin(i / 3)]));
    expect(ringCrossings([r], 3, 10)).toEqual({ ok: false, vertices: 21, max: 10 });
  });
});

describe('the sweep that decides whether to look for crossings at all', () => {
  it('says "some meeting" exactly when the index finds a pair, on small integer grids (touches, collinear runs, holes)', () => {
    const pt = fc.tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 4 }));
    const ring = fc.array(pt, { minLength: 3, maxLength: 9 }).map(close);
    fc.assert(
      fc.property(fc.array(ring, { minLength: 1, maxLength: 3 }), (rings) => {
        expect(hasMeeting(rings)).toBe(crossingPairs(rings).length > 0);
      }),
      { numRuns: 2000, seed: 15 },
    );
  });
});
