// Small hand-made layers, deep-frozen so that any mutation by the code under test throws.
import type { Polygon } from 'geojson';
import type { Community, Facility, Layers, Road, Street } from '../../../src/core/model';

export function deepFreeze<T>(x: T): T {
  if (x !== null && typeof x === 'object' && !Object.isFrozen(x)) {
    Object.freeze(x);
    for (const v of Object.values(x)) deepFreeze(v);
  }
  return x;
}

/** a 0.01° × 0.01° square (≈ 1.0 km × 1.1 km at 34° N) with its south-west corner at (x, y) */
export function square(x: number, y: number, d = 0.01): Polygon {
  return {
    type: 'Polygon',
    coordinates: [
      [
        [x, y],
        [x + d, y],
        [x + d, y + d],
        [x, y + d],
        [x, y],
      ],
    ],
  };
}

/** a square ring of `metres` side at 34° N with its south-west corner at lon/lat
 *  (1° lat ≈ 110,574 m; 1° lon ≈ 111,320 × cos 34° ≈ 92,288 m) */
export function metreSquare(lon: number, lat: number, metres: number): number[][] {
  const dx = metres / 92_288;
  const dy = metres / 110_574;
  return [
    [lon, lat],
    [lon + dx, lat],
    [lon + dx, lat + dy],
    [lon, lat + dy],
    [lon, lat],
  ];
}

export function community(id: string, over: Partial<Community> = {}): Community {
  return { id, name: `社区${id}`, type: 'built', population: 1000, households: 400, geometry: square(108.9, 34.1), extra: {}, ...over };
}

export function facility(id: string, over: Partial<Facility> = {}): Facility {
  return { id, name: `设施${id}`, kind: 'childcare_centre', places: 20, geometry: { type: 'Point', coordinates: [108.905, 34.105] }, extra: {}, ...over };
}

const street: Street = { id: 's1', name: '韦曲街道', type: 'street', geometry: square(108.9, 34.1, 0.1), extra: {} };
const road: Road = {
  id: 'r1',
  highway: 'residential',
  geometry: {
    type: 'LineString',
    coordinates: [
      [108.9, 34.1],
      [108.91, 34.11],
    ],
  },
};

export function baseLayers(): Layers {
  return deepFreeze({
    communities: [community('c1'), community('c2', { geometry: square(108.92, 34.1) }), community('c3', { type: 'rural', geometry: square(108.94, 34.1) })],
    facilities: [
      facility('f1'),
      facility('f2', { kind: 'elderly_daycare', places: undefined, beds: 10, nursingBeds: 4, geometry: { type: 'Point', coordinates: [108.925, 34.105] } }),
      facility('f3', { kind: 'health_centre', places: undefined }),
    ],
    streets: [street],
    roads: [road],
  });
}
