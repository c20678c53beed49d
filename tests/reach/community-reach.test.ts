// Walks from communities to facilities on hand-made blocks (docs/network.md, "Communities and sites").
// Plans sit on the equator: one step of 0.001° is U = 6371008.8 m × π/180 × 0.001 = 111.19508 m, and
// for these small offsets the haversine distance equals U × the planar distance in steps to better
// than 1e-6 m, so a diagonal leg of (dx, dy) steps is U·√(dx² + dy²).
//
//   y=3  ════════════════════════════════════╗  street N (x −10 … 10)
//              ┌───────────┐  F2 (2,2.2)     ║
//              │   F (0,2.2)│                 ║  street E (x = 10, y 0 … 3): N and S meet only here
//              │   R (0,1.3)│                 ║
//              └───────────┘ y=0.2            ║
//   y=0  ════════════════════════════════════╝  street S (x −10 … 10)
//                               F3 (2,−0.5)
//   community C: x −1 … 1, y 0.2 … 2.4; R = its representative point (0, 1.3)
import { describe, expect, it } from 'vitest';
import { haversine, representativePoint } from '../../src/core/geo';
import type { Road } from '../../src/core/model';
import { accessPoints, communityReach, nearestFacilities, VIAS, type CommunityPlace } from '../../src/core/reach/community-reach';
import { createNetworkEngine } from '../../src/core/reach/network-engine';
import { createStraightEngine } from '../../src/core/reach/straight';
import type { LonLat } from '../../src/core/reach/types';

const U = (6371008.8 * Math.PI * 0.001) / 180;
const m = 0.001;
const P = (x: number, y: number): LonLat => [x * m, y * m];
const road = (id: string, ...pts: [number, number][]): Road => ({ id, geometry: { type: 'LineString', coordinates: pts.map(([x, y]) => [x * m, y * m]) } });
const box = (x0: number, y0: number, x1: number, y1: number) => ({
  type: 'Polygon' as const,
  coordinates: [[P(x0, y0), P(x1, y0), P(x1, y1), P(x0, y1), P(x0, y0)]],
});

const streets = [road('S', [-10, 0], [10, 0]), road('N', [-10, 3], [10, 3]), road('E', [10, 0], [10, 3])];
const geometry = box(-1, 0.2, 1, 2.4);
const C: CommunityPlace = { point: representativePoint(geometry), geometry };
const F = P(0, 2.2);
const F2 = P(2, 2.2);
const F3 = P(2, -0.5);

function row(r: ReturnType<typeof communityReach>, c = 0): { f: number; d: number; via: string }[] {
  const out = [];
  for (let k = r.offsets[c]; k < r.offsets[c + 1]; k++) out.push({ f: r.supply[k], d: r.distance[k], via: VIAS[r.via[k]] });
  return out;
}

describe('community reach on hand-made blocks', () => {
  it('the representative point is (0, 1.3): the middle of the box, so the old walk went out south', () => {
    expect(C.point[0] / m).toBeCloseTo(0, 9);
    expect(C.point[1] / m).toBeCloseTo(1.3, 5);
  });

  it('a facility inside the outline serves the community at 0 m, in both modes, while the streets alone say 25.1 U', () => {
    const net = createNetworkEngine(streets, { snapDistance: 500 });
    // streets alone (the old model): R's leg 1.3 U down to S, 10 U east, 3 U up E, 10 U west along N,
    // 0.8 U down to F = 25.1 U = 2,791 m — far outside an 810 m circle although F is 0.9 U = 100 m away
    const old = net.pairs({ demand: [C.point], supply: [F], maxDistance: 5000 });
    expect(old.distance[0]).toBeCloseTo(25.1 * U, 3);
    for (const engine of [net, createStraightEngine()]) {
      const r = communityReach(engine, [C], [F], [[0]], 810);
      expect(row(r)).toEqual([{ f: 0, d: 0, via: 'site' }]);
    }
  });

  it('a facility in the same block (no street between) is walked to in a straight line', () => {
    const net = createNetworkEngine(streets, { snapDistance: 500 });
    // R (0,1.3) → F2 (2,2.2): √(2² + 0.9²) = √4.81 = 2.19317 U = 243.87 m, crossing no street
    const r = communityReach(net, [C], [F2], [[]], 810);
    expect(row(r)).toHaveLength(1);
    expect(row(r)[0].via).toBe('block');
    expect(row(r)[0].d).toBeCloseTo(Math.sqrt(4.81) * U, 3);
  });

  it('across a street the walk leaves the outline where it is best, counting the walk inside', () => {
    const net = createNetworkEngine(streets, { snapDistance: 500 });
    // F3 (2,−0.5) is across street S, so no straight walk. Ways out:
    //   from R itself: leg 1.3 + along S 2 + F3's leg 0.5 = 3.8 U
    //   from the corner (1, 0.2): inside R→corner √(1² + 1.1²) = √2.21 = 1.48661, leg 0.2, along S 1,
    //   F3's leg 0.5 = 3.18661 U = 354.34 m (the best: along the bottom and right edges the walk only
    //   grows away from the corner, d/dx [√(x² + 1.21) − x] < 0)
    const r = communityReach(net, [C], [F3], [[]], 810);
    expect(row(r)[0].via).toBe('streets');
    expect(row(r)[0].d).toBeCloseTo((Math.sqrt(2.21) + 0.2 + 1 + 0.5) * U, 3);
  });

  it('with entrances, the walk goes through a gate and the way to the gate counts', () => {
    const net = createNetworkEngine(streets, { snapDistance: 500 });
    // one gate in the west wall at (−1, 1.3): inside 1 U, leg down to S 1.3, along S to x=2 3 U,
    // F3's leg 0.5 = 5.8 U = 644.93 m
    const gated: CommunityPlace = { ...C, entrances: [P(-1, 1.3)] };
    const r = communityReach(net, [gated], [F3, F2], [[]], 810);
    const byF = new Map(row(r).map((x) => [x.f, x]));
    expect(byF.get(0)?.d).toBeCloseTo(5.8 * U, 3);
    // F2 in the same block through the gate: 1 U inside + gate (−1,1.3) → F2 (2,2.2) √(9 + 0.81) = 3.13209
    // → 4.13209 U = 459.47 m (the straight line from R would be 2.19 U, but the wall has one gate)
    expect(byF.get(1)?.via).toBe('block');
    expect(byF.get(1)?.d).toBeCloseTo((1 + Math.sqrt(9.81)) * U, 3);
  });

  it('straight mode: a facility inside a large community serves it even beyond the circle', () => {
    // a 40 × 20-step estate (4.4 km × 2.2 km); a centre 15 steps (1,668 m) from its middle
    const big = box(-20, -10, 20, 10);
    const place: CommunityPlace = { point: representativePoint(big), geometry: big };
    const r = communityReach(createStraightEngine(), [place], [P(15, 0)], [[0]], 810);
    expect(row(r)).toEqual([{ f: 0, d: 0, via: 'site' }]);
    // without it on site, nothing within 810 m
    expect(row(communityReach(createStraightEngine(), [place], [P(15, 0)], [[]], 810))).toEqual([]);
  });

  it('a community too far from every street is unplaced, unless a facility stands inside it or in its block', () => {
    // the only street is 49 steps = 5.4 km away, beyond the 500 m snap distance
    const net = createNetworkEngine([road('far', [50, 0], [60, 0])], { snapDistance: 500 });
    const away = P(20, 1.3); // 20 steps = 2.2 km east of R: beyond the circle, and no street to walk
    expect(communityReach(net, [C], [away], [[]], 810).unplacedDemand).toEqual([0]);
    // F inside: on site; and with no street between R and F (0.9 U) the straight walk would count too
    const served = communityReach(net, [C], [F], [[0]], 810);
    expect(served.unplacedDemand).toEqual([]);
    expect(row(served)).toEqual([{ f: 0, d: 0, via: 'site' }]);
    expect(row(communityReach(net, [C], [F], [[]], 810))).toEqual([{ f: 0, d: expect.closeTo(0.9 * U, 3), via: 'block' }]);
  });

  it('the nearest facility beyond the circle, along the streets and in a straight line', () => {
    const net = createNetworkEngine(streets, { snapDistance: 500 });
    // a centre at (9, 3.4), north of street N: from the corner (1, 2.4): inside √(1 + 1.1²) = 1.48661,
    // leg up to N 0.6, along N 8, its leg 0.4 → 10.48661 U = 1,166.05 m
    const far = P(9, 3.4);
    const n = nearestFacilities(net, [C], [F3, far], [1], [0]);
    expect(n.get(0)?.facility).toBe(1);
    expect(n.get(0)?.via).toBe('streets');
    expect(n.get(0)?.distance).toBeCloseTo((Math.sqrt(2.21) + 0.6 + 8 + 0.4) * U, 3);
    // straight mode: R (0,1.3) → (9,3.4): √(81 + 4.41) = 9.24175 U = 1,027.63 m
    const s = nearestFacilities(createStraightEngine(), [C], [F3, far], [1], [0]);
    expect(s.get(0)).toEqual({ facility: 1, distance: expect.closeTo(Math.sqrt(85.41) * U, 3), via: 'straight' });
    // no candidates: nothing
    expect(nearestFacilities(net, [C], [F3, far], [], [0]).size).toBe(0);
  });
});

describe('ways out of an outline (accessPoints)', () => {
  // community C's box: sides 2 steps (222.4 m) and 2.2 steps (244.6 m), perimeter 934 m
  const plain = box(-1, 0.2, 1, 2.4);
  const R = P(0, 1.3);
  it('samples a plain outline at its corners and every ≤ 100 m between (3 per side: 12, plus R)', () => {
    const a = accessPoints({ point: R, geometry: plain });
    expect(a.points).toHaveLength(13);
    for (const c of plain.coordinates[0]) expect(a.points.some((q) => q[0] === c[0] && q[1] === c[1])).toBe(true);
  });
  it('takes a surveyed outline (a vertex every ≈ 1.1 m) as ways out no closer than 25 m and no farther than 100 m apart', () => {
    const ring = plain.coordinates[0];
    const dense: LonLat[] = [];
    for (let i = 0; i + 1 < ring.length; i++)
      for (let k = 0; k < 200; k++) dense.push([ring[i][0] + ((ring[i + 1][0] - ring[i][0]) * k) / 200, ring[i][1] + ((ring[i + 1][1] - ring[i][1]) * k) / 200]);
    dense.push(dense[0]);
    const a = accessPoints({ point: R, geometry: { type: 'Polygon', coordinates: [dense] } });
    expect(a.points.length).toBeLessThanOrEqual(1 + Math.ceil(934 / 25));
    expect(a.points.length).toBeGreaterThanOrEqual(1 + Math.ceil(934 / 100));
    // every vertex of the outline has a way out within 25 m (+ one vertex step)
    for (const v of dense) expect(Math.min(...a.points.slice(1).map((q) => haversine(q, v)))).toBeLessThanOrEqual(25 + 1.3);
  });
});
