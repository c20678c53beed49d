// Lengths of the measuring tool against values worked out by hand on a sphere of the same radius.
import { describe, expect, it } from 'vitest';
import { formatLength, lengths, measureFeatures } from '../../src/map/measure';

describe('measure', () => {
  it('a hundredth of a degree along a meridian is 2πR/36000 ≈ 1112 m; the total sums the segments', () => {
    // R = 6 371 008.8 m (the mean radius core/geo uses): 2π·6371008.8/36000 = 1111.95 m
    const { segments, total } = lengths([
      [108.9, 34.1],
      [108.9, 34.11],
      [108.9, 34.12],
    ]);
    expect(segments.map((m) => Math.round(m * 100) / 100)).toEqual([1111.95, 1111.95]);
    expect(total).toBeCloseTo(2223.9, 0);
    expect(lengths([[108.9, 34.1]])).toEqual({ segments: [], total: 0 });
  });
  it('says metres below a kilometre, kilometres from there', () => {
    expect(formatLength(849.6)).toBe('850 米');
    expect(formatLength(1234)).toBe('1.23 公里');
    expect(formatLength(12345, 'en')).toBe('12.3 km');
    expect(formatLength(999.4, 'en')).toBe('999 m');
  });
  it('draws a line once there are two points, and every point', () => {
    expect(measureFeatures([[1, 2]]).features.map((f) => f.geometry.type)).toEqual(['Point']);
    expect(
      measureFeatures([
        [1, 2],
        [3, 4],
      ]).features.map((f) => f.geometry.type),
    ).toEqual(['LineString', 'Point', 'Point']);
  });
});
