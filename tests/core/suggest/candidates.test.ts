import { describe, expect, it } from 'vitest';
import { parcelProblems } from '../../../src/core/suggest/candidates';
import { gridPoints } from '../../../src/core/suggest/grid';
import { haversine } from '../../../src/core/geo';

// a 2 km × 2 km square at 34.1° N: 2000 / 111,195 m = 0.017986° of latitude,
// 2000 / (111,195 × cos 34.1°) = 0.021735° of longitude
const lat0 = 34.1;
const dLat = 2000 / 111195;
const dLon = 2000 / (111195 * Math.cos((lat0 * Math.PI) / 180));
const square = {
  type: 'Polygon' as const,
  coordinates: [
    [
      [108.9, lat0],
      [108.9 + dLon, lat0],
      [108.9 + dLon, lat0 + dLat],
      [108.9, lat0 + dLat],
      [108.9, lat0],
    ],
  ],
};

describe('grid candidates', () => {
  it('lays a centred grid inside the area', () => {
    // 600 m spacing: ⌊2000 / 600⌋ + 1 = 4 per side (1,800 m span, 100 m margins) → 16 points
    const pts = gridPoints(square, 600);
    expect(pts.length).toBe(16);
    // neighbours 600 m apart, measured independently with haversine
    expect(haversine(pts[0], pts[1])).toBeCloseTo(600, -1);
    expect(haversine(pts[0], pts[4])).toBeCloseTo(600, -1);
  });
  it('keeps only points inside (an L-shaped area drops a quarter)', () => {
    const l = {
      type: 'Polygon' as const,
      coordinates: [
        [
          [108.9, lat0],
          [108.9 + dLon, lat0],
          [108.9 + dLon, lat0 + dLat / 2],
          [108.9 + dLon / 2, lat0 + dLat / 2],
          [108.9 + dLon / 2, lat0 + dLat],
          [108.9, lat0 + dLat],
          [108.9, lat0],
        ],
      ],
    };
    // the 4 × 4 grid loses the 2 × 2 points in the missing north-east quarter → 12
    expect(gridPoints(l, 600).length).toBe(12);
  });
  it('explains a spacing that cannot be right', () => {
    expect(() => gridPoints(square, 0)).toThrow(/metres > 0/);
    expect(() => gridPoints(square, 1)).toThrow(/larger spacing/);
  });
});

describe('parcel checks', () => {
  it('names the parcel, the field and the fix', () => {
    expect(parcelProblems([{ id: 'p1', point: [108.9, 34.1], mode: 'bought' }, { point: [200, 0] }, { id: 'p1', point: [108.9, 34.1], capacity: -5 }])).toEqual([
      'parcel 0 (id p1): field mode is "bought"; use one of new, converted, leased5y, expansion',
      'parcel 1: field id is missing; give every parcel a unique id',
      'parcel 1: geometry must be a Point with WGS84 longitude/latitude, got [200,0]',
      'parcel 2 (id p1): id is used twice; ids must be unique',
      'parcel 2 (id p1): field capacity is -5; use a number > 0 or leave it out',
    ]);
  });
});
