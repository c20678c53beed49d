// geo.ts checked by hand arithmetic and against @turf/turf (an independent implementation).
import * as turf from '@turf/turf';
import type { MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { areaM2, haversine, localProjector, pointInArea, representativePoint } from '../../src/core/geo';

// L-shaped estate: its centroid (≈ 0.35, 0.35 in local units) lies in the notch, outside the polygon.
const L: Polygon = {
  type: 'Polygon',
  coordinates: [
    [
      [108.9, 34.1],
      [108.91, 34.1],
      [108.91, 34.102],
      [108.902, 34.102],
      [108.902, 34.11],
      [108.9, 34.11],
      [108.9, 34.1],
    ],
  ],
};
// square with a square hole in the middle: the centroid is in the hole
const ringed: Polygon = {
  type: 'Polygon',
  coordinates: [
    [
      [108.9, 34.1],
      [108.91, 34.1],
      [108.91, 34.11],
      [108.9, 34.11],
      [108.9, 34.1],
    ],
    [
      [108.902, 34.102],
      [108.902, 34.108],
      [108.908, 34.108],
      [108.908, 34.102],
      [108.902, 34.102],
    ],
  ],
};

describe('haversine', () => {
  it('one degree of latitude = R·π/180 = 6371008.8 × 0.0174533 ≈ 111195.1 m', () => {
    expect(haversine([108.9, 34], [108.9, 35])).toBeCloseTo(111195.08, 1);
  });
  it('agrees with turf.distance', () => {
    const a: [number, number] = [108.93, 34.16];
    const b: [number, number] = [108.95, 34.15];
    expect(haversine(a, b)).toBeCloseTo(turf.distance(a, b, { units: 'meters' }), 3);
  });
});

describe('areaM2', () => {
  it('agrees with turf.area for a polygon with a hole and a multipolygon', () => {
    expect(areaM2(ringed)).toBeCloseTo(turf.area(ringed), 3);
    const mp: MultiPolygon = { type: 'MultiPolygon', coordinates: [L.coordinates, ringed.coordinates] };
    expect(areaM2(mp)).toBeCloseTo(turf.area(mp), 3);
  });
  it('a 0.001° × 0.001° square at 34°N ≈ 111.195 m × (111.195 × cos 34°) m ≈ 10250 m²', () => {
    const sq: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [108.9, 34],
          [108.901, 34],
          [108.901, 34.001],
          [108.9, 34.001],
          [108.9, 34],
        ],
      ],
    };
    // 111.195 × 111.195 × cos(34.0005°) = 12364.3 × 0.82903 = 10250.3
    expect(areaM2(sq)).toBeGreaterThan(10240);
    expect(areaM2(sq)).toBeLessThan(10260);
  });
});

describe('pointInArea / representativePoint', () => {
  it('the centroid of the L and of the ringed square lies outside; our representative point inside', () => {
    for (const g of [L, ringed]) {
      const c = turf.centroid(g).geometry.coordinates as [number, number];
      expect(turf.booleanPointInPolygon(c, g)).toBe(false);
      const r = representativePoint(g);
      expect(turf.booleanPointInPolygon(r, g)).toBe(true);
      expect(pointInArea(r, g)).toBe(true);
    }
  });
  it('matches turf.booleanPointInPolygon on a grid of points', () => {
    for (let i = 0; i <= 40; i++) {
      for (let j = 0; j <= 40; j++) {
        const p: [number, number] = [108.8995 + i * 0.00027, 34.0995 + j * 0.00027];
        expect(pointInArea(p, ringed)).toBe(turf.booleanPointInPolygon(p, ringed));
        expect(pointInArea(p, L)).toBe(turf.booleanPointInPolygon(p, L));
      }
    }
  });
  it('MultiPolygon: representative point in the larger part', () => {
    const small: Polygon['coordinates'] = [
      [
        [109, 34],
        [109.001, 34],
        [109.001, 34.001],
        [109, 34.001],
        [109, 34],
      ],
    ];
    const mp: MultiPolygon = { type: 'MultiPolygon', coordinates: [small, ringed.coordinates] };
    const r = representativePoint(mp);
    expect(pointInArea(r, ringed)).toBe(true);
  });
});

describe('localProjector', () => {
  it('round-trips and measures like haversine within 0.1 % at 1 km', () => {
    const pr = localProjector([108.9, 34.1]);
    const p: [number, number] = [108.908, 34.106];
    const xy = pr.toXY(p);
    expect(pr.toLonLat(xy)[0]).toBeCloseTo(p[0], 10);
    expect(Math.hypot(xy[0], xy[1]) / haversine([108.9, 34.1], p)).toBeCloseTo(1, 3);
  });
});
