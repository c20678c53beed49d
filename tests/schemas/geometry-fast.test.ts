// The hand-written geometry check (fastGeometry) against the Zod schemas it stands in for: on
// random geometries, valid and broken in every way the schemas look at, whatever the fast path
// accepts Zod accepts too and yields the same value; what it refuses goes to Zod for its message.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fastGeometry, zCommunityGeometry, zFacilityGeometry, zRoadGeometry, zStreetGeometry } from '../../src/schemas/geometry';
import { parseLayer } from '../../src/schemas';

// numbers near and beyond the bounds, non-finite values, and the odd non-number
const coord = fc.oneof(
  fc.double({ min: -200, max: 200 }),
  fc.constantFrom(-180, 180, -90, 90, 0, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY),
  fc.constantFrom<unknown>('1', null, undefined, [1], true),
);
const position = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(fc.double({ min: 100, max: 101, noNaN: true }), fc.double({ min: 30, max: 31, noNaN: true })) },
  { weight: 2, arbitrary: fc.array(coord, { minLength: 0, maxLength: 4 }) },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(null, 'x', {}) },
);
const line = fc.array(position, { minLength: 0, maxLength: 6 });
// closed rings most of the time, so the other checks are reached
const ring = fc.oneof({ weight: 3, arbitrary: line.map((l) => (l.length > 0 ? [...l, l[0]] : l)) }, { weight: 1, arbitrary: line });
const coordinates = fc.oneof(
  position,
  line,
  fc.array(ring, { maxLength: 3 }),
  fc.array(fc.array(ring, { maxLength: 2 }), { maxLength: 2 }),
  fc.constantFrom<unknown>(null, 'x', 3),
);
const geometry = fc.record({ type: fc.constantFrom('Point', 'Polygon', 'MultiPolygon', 'LineString', 'MultiLineString'), coordinates, bbox: fc.constant([0, 0, 1, 1]) });

const schemas = { communities: zCommunityGeometry, facilities: zFacilityGeometry, streets: zStreetGeometry, roads: zRoadGeometry };

describe('fastGeometry', () => {
  it('accepts only what the Zod schema accepts, and gives the value Zod gives', () => {
    let accepted = 0;
    fc.assert(
      fc.property(geometry, (g) => {
        for (const schema of Object.values(schemas)) {
          const z = schema.safeParse(g);
          if (!schema.options.some((o) => o.shape.type.value === g.type)) continue; // the caller checks the type first
          const fast = fastGeometry(g);
          if (fast === undefined) continue;
          accepted++;
          expect(z.success).toBe(true);
          expect(fast).toEqual(z.data);
        }
      }),
      { numRuns: 3000, seed: 15 },
    );
    expect(accepted).toBeGreaterThan(100); // the property was not vacuous
  });

  it('refuses each kind of broken geometry the schemas refuse, by hand', () => {
    const sq = [
      [100, 30],
      [100.1, 30],
      [100.1, 30.1],
      [100, 30],
    ];
    expect(fastGeometry({ type: 'Polygon', coordinates: [sq] })).toEqual({ type: 'Polygon', coordinates: [sq] });
    expect(fastGeometry({ type: 'Polygon', coordinates: [sq.slice(0, 3)] })).toBeUndefined(); // ring < 4
    expect(fastGeometry({ type: 'Polygon', coordinates: [[...sq.slice(0, 3), [100, 30.2]]] })).toBeUndefined(); // open
    expect(fastGeometry({ type: 'Polygon', coordinates: [] })).toBeUndefined(); // empty
    expect(fastGeometry({ type: 'Point', coordinates: [181, 30] })).toBeUndefined();
    expect(fastGeometry({ type: 'Point', coordinates: [100, -91] })).toBeUndefined();
    expect(fastGeometry({ type: 'Point', coordinates: [100, 30, Number.NaN] })).toBeUndefined();
    expect(fastGeometry({ type: 'Point', coordinates: [100, 30, 12] })).toEqual({ type: 'Point', coordinates: [100, 30, 12] });
    expect(fastGeometry({ type: 'LineString', coordinates: [[100, 30]] })).toBeUndefined(); // line < 2
    expect(fastGeometry({ type: 'MultiLineString', coordinates: [] })).toBeUndefined();
  });

  it('a broken outline in a layer still gets the schema message, naming where', () => {
    const r = parseLayer(
      'communities',
      {
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: { id: 'C1', type: 'built' },
            geometry: {
              type: 'Polygon',
              coordinates: [
                [
                  [100, 30],
                  [100.1, 30],
                  [100.1, 30.1],
                  [100, 30.2],
                ],
              ],
            },
          },
        ],
      },
      'c.geojson',
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems[0].msg.key).toBe('input.badGeometry');
    expect(r.problems[0].msg.args?.detail).toBe('ring-open @ coordinates.0');
  });
});
