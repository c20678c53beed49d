import { describe, expect, it } from 'vitest';
import type { Facility } from '../../src/core/model';
import { resolveParams } from '../../src/core/params';
import { serviceAreas, straightArea, straightRadius } from '../../src/service/service-areas';

// haversine written out here, independent of turf: R = 6371008.8 m (mean Earth radius)
function haversine(a: number[], b: number[]): number {
  const rad = Math.PI / 180;
  const dLat = (b[1] - a[1]) * rad;
  const dLon = (b[0] - a[0]) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371008.8 * Math.asin(Math.sqrt(h));
}

const fac = (id: string, kind: Facility['kind'], lon: number, lat: number): Facility => ({ id, name: id, kind, geometry: { type: 'Point', coordinates: [lon, lat] }, extra: {} });

describe('straight service circles', () => {
  it('radius = minutes × 60 × speed ÷ detour factor', () => {
    // 15 min × 60 s × 0.9 m/s = 810 m; ÷ 1.2 = 675 m
    expect(straightRadius(resolveParams({ detourFactor: 1.2 }))).toBeCloseTo(675, 9);
    expect(straightRadius(resolveParams({}))).toBeCloseTo(810, 9);
  });
  it('every vertex of a circle lies at the radius from its facility (to 0.5 %)', () => {
    const [c] = straightArea([fac('d', 'elderly_daycare', 108.93, 34.16)], 810);
    if (c.geometry.type !== 'Polygon') throw new Error('expected a polygon');
    for (const v of c.geometry.coordinates[0]) expect(Math.abs(haversine([108.93, 34.16], v) - 810)).toBeLessThan(810 * 0.005);
  });
  it('one circle per facility of the group kinds, tagged by group', () => {
    const p = resolveParams({});
    const fc = serviceAreas(
      [
        fac('d', 'elderly_daycare', 108.9, 34.1),
        fac('h', 'health_centre', 108.9, 34.1),
        fac('k', 'kindergarten_nursery', 108.9, 34.1),
        fac('r', 'elderly_rural_point', 108.9, 34.1),
      ],
      p,
      ['elderly', 'childcare'],
      straightArea,
      810,
    );
    // elderly circle kinds (params.ts): daycare yes, rural point no; health centre in neither; kindergarten class → childcare
    expect(fc.features.map((f) => [f.properties.facility, f.properties.circle])).toEqual([
      ['d', 'elderly'],
      ['k', 'childcare'],
    ]);
  });
});
