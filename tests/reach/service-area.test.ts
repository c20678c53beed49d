// Service areas follow the reached streets, stop where the walk ends and do not jump to a
// parallel street that is not connected.
import { area, booleanPointInPolygon, booleanValid, point } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import type { Road } from '../../src/core/model';
import { createNetworkEngine } from '../../src/core/reach/network-engine';
import type { LonLat } from '../../src/core/reach/types';
import { randomPlan, randomPoints, rng } from './reference';

const U = (6371008.8 * Math.PI * 0.001) / 180; // 111.195 m per 0.001° on the equator
const m = 0.001;
const road = (id: string, ...pts: [number, number][]): Road => ({ id, geometry: { type: 'LineString', coordinates: pts.map(([x, y]) => [x * m, y * m]) } });
const P = (x: number, y: number): LonLat => [x * m, y * m];

describe('service area polygon', () => {
  // a street along y=0 from x=0 to x=20, and a parallel street at y=1 (≈111 m north) NOT connected
  const engine = createNetworkEngine([road('main', ...Array.from({ length: 21 }, (_, i) => [i, 0] as [number, number])), road('parallel', [0, 1], [20, 1])], { snapDistance: 50 });

  it('covers the street within the walk and nothing beyond it', () => {
    // from (10,0), 810 m = 7.28U each way: x from 2.72 to 17.28
    const sa = engine.serviceArea(P(10, 0), 810, { halfWidth: 30 });
    expect(sa.area).not.toBeNull();
    const inside = (x: number, y: number): boolean => booleanPointInPolygon(point(P(x, y)), { type: 'Feature', properties: {}, geometry: sa.area! });
    expect(inside(10, 0)).toBe(true);
    expect(inside(3, 0)).toBe(true); // 7U = 778 m away
    expect(inside(17, 0.2)).toBe(true); // 22 m off the street, within the 30 m half width
    expect(inside(2, 0)).toBe(false); // 8U = 890 m, plus it is beyond the 30 m cap (2.72−2 = 0.72U = 80 m)
    expect(inside(10, 1)).toBe(false); // the parallel street: 111 m away, not connected
    // reached length: 2 × 810 m
    expect(sa.streetLength).toBeCloseTo(1620, 6);
    // a 1620 m × 60 m band with half-disc ends: 97,200 + π·30² = 100,027 m², drawn on 15 m cells
    // (cells whose centre is within 30 m): the sides fall exactly on cell edges, the round ends are
    // stepped, so within 2 %
    const a = area({ type: 'Feature', properties: {}, geometry: sa.area! });
    expect(Math.abs(a - 100_027) / 100_027).toBeLessThan(0.02);
    expect(sa.area?.type).toBe('Polygon');
  });

  it('includes the snapping leg in the walk', () => {
    // from (10, 0.3): 0.3U = 33.4 m to the street, 810 − 33.4 = 776.6 m left each way
    const sa = engine.serviceArea(P(10, 0.3), 810, { halfWidth: 0 });
    expect(sa.area).toBeNull();
    expect(sa.streetLength).toBeCloseTo(2 * (810 - 0.3 * U), 4);
  });

  it('traces holes and separate parts: a ring street encloses an unreached block', () => {
    // a square ring street 0..10 × 0..10 (1.1 km a side) walked from a corner with 10 km: all of it
    // reached; the 30 m band along it leaves the block's inside as a hole. A separate street far
    // away, reached from a second source, is a second polygon.
    const ring = createNetworkEngine([road('ring', [0, 0], [10, 0], [10, 10], [0, 10], [0, 0]), road('far', [30, 0], [32, 0])], { snapDistance: 50 });
    const one = ring.serviceArea(P(0, 0), 10_000);
    expect(one.area?.type).toBe('Polygon');
    expect(one.area?.type === 'Polygon' && one.area.coordinates.length).toBe(2); // outer + hole
    const f = (x: number, y: number) => booleanPointInPolygon(point(P(x, y)), { type: 'Feature', properties: {}, geometry: one.area! });
    expect(f(5, 0)).toBe(true);
    expect(f(5, 5)).toBe(false); // inside the block: in the hole
    const two = ring.serviceArea([P(0, 0), P(31, 0)], 10_000);
    expect(two.area?.type === 'MultiPolygon' && two.area.coordinates.length).toBe(2);
  });

  it('an island inside a hole is its own polygon, the hole stays with the ring around it', () => {
    // the ring street of the test above, and inside its block a short street not joined to it,
    // reached from a source of its own: [ring with its hole], [the island], [the far street]
    const nested = createNetworkEngine([road('ring', [0, 0], [10, 0], [10, 10], [0, 10], [0, 0]), road('inner', [4, 5], [6, 5]), road('far', [30, 0], [32, 0])], {
      snapDistance: 50,
    });
    const sa = nested.serviceArea([P(0, 0), P(5, 5), P(31, 0)], 10_000);
    if (sa.area?.type !== 'MultiPolygon') throw new Error('expected three parts');
    const rings = sa.area.coordinates.map((p) => p.length).sort();
    expect(rings).toEqual([1, 1, 2]);
    const withHole = sa.area.coordinates.find((p) => p.length === 2) as number[][][];
    const inRing = (x: number, y: number, r: number[][]) =>
      booleanPointInPolygon(point(P(x, y)), { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [r] } });
    expect(inRing(0, 5, withHole[0])).toBe(true); // the outer ring is the ring street's
    expect(inRing(5, 2, withHole[1])).toBe(true); // its hole is the block's inside
    expect(booleanValid({ type: 'Feature', properties: {}, geometry: sa.area })).toBe(true);
  });

  it('is empty when the point cannot be placed on a street', () => {
    const sa = engine.serviceArea(P(10, 5), 810);
    expect(sa.area).toBeNull();
    expect(sa.streetLength).toBe(0);
  });

  for (let seed = 1; seed <= 6; seed++) {
    it(`random plan ${seed}: a valid polygon that contains every reached street piece`, () => {
      const { roads, bbox } = randomPlan(seed, 12);
      const engine = createNetworkEngine(roads, { snapDistance: 150 });
      const sources = randomPoints(rng(seed), 3, bbox);
      const sa = engine.serviceArea(sources, 600);
      if (!sa.area) return expect(sa.streetLength).toBe(0);
      const feature = { type: 'Feature' as const, properties: {}, geometry: sa.area };
      expect(booleanValid(feature)).toBe(true);
      for (const [a, b] of sa.streets.coordinates) {
        const mid: LonLat = [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
        expect(booleanPointInPolygon(point(mid), feature)).toBe(true);
      }
    });
  }
});
