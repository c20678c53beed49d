import { booleanPointInPolygon } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { focusTarget } from '../../src/map/focus';

// U-shaped community: the middle of its box (x = 1.5, y = 1.5) is in the notch, outside it
const U = {
  type: 'Polygon' as const,
  coordinates: [
    [
      [0, 0],
      [3, 0],
      [3, 3],
      [2, 3],
      [2, 1],
      [1, 1],
      [1, 3],
      [0, 3],
      [0, 0],
    ],
  ],
};
const units = {
  communities: [{ id: 'u', name: 'U', type: 'new' as const, geometry: U, extra: {} }],
  facilities: [{ id: 'f', name: 'F', kind: 'health_centre' as const, geometry: { type: 'Point' as const, coordinates: [5, 5] }, extra: {} }],
  streets: [
    {
      id: 's',
      name: 'S',
      type: 'street' as const,
      geometry: {
        type: 'Polygon' as const,
        coordinates: [
          [
            [0, 0],
            [6, 0],
            [6, 6],
            [0, 6],
            [0, 0],
          ],
        ],
      },
      extra: {},
    },
  ],
};

describe('focusTarget', () => {
  it('centres on a point inside the unit, framing its whole box', () => {
    const t = focusTarget(units, 'community', 'u');
    expect(t?.bbox).toEqual([0, 0, 3, 3]);
    expect(booleanPointInPolygon([1.5, 1.5], U)).toBe(false); // the naive centre would miss
    expect(t && booleanPointInPolygon(t.centre, U)).toBe(true);
  });
  it('facility, street, whole area; unknown ids give null', () => {
    expect(focusTarget(units, 'facility', 'f')?.centre).toEqual([5, 5]);
    expect(focusTarget(units, 'street', 's')?.bbox).toEqual([0, 0, 6, 6]);
    expect(focusTarget(units, 'area', 'area')).toEqual({ bbox: [0, 0, 6, 6], centre: [3, 3] });
    expect(focusTarget(units, 'community', 'nope')).toBeNull();
  });
});
