// The record check without Zod (src/schemas/record-check.ts) against the Zod schemas it stands in
// for: on random records — every field valid, missing, undefined or wrong in the ways the schemas
// look at, keys shuffled, unknown keys added — whatever it takes as it is Zod accepts too and gives
// back equal, with the same keys in the same order; what it does not take goes to Zod, so a
// broken record still throws Zod's error. It must also take the records the parsers build (in the
// schema's order), or the import would fall back to Zod every time.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMMUNITY_RECORD, FACILITY_RECORD, ROAD_RECORD, STREET_RECORD, zCommunityRecord, zFacilityRecord, zRoadRecord, zStreetRecord } from '../../src/schemas/features';
import { checkRecord, fitsAsItIs, type RecordSpec } from '../../src/schemas/record-check';
import type { ZodObject } from 'zod';

const point = { type: 'Point', coordinates: [108.9, 34.2] };
// values near every check: good ones of each field and the ways each can be wrong
const GOOD: Record<string, unknown[]> = {
  id: ['f1', ' x ', '0'],
  name: ['', '设施', 'a'],
  street: ['s1', '东关街道'],
  kind: ['elderly_daycare', 'childcare_centre', 'health_centre'],
  ownership: ['public', 'public_private', 'private'],
  inclusive: [true, false],
  highway: ['residential', ''],
  source: ['© OpenStreetMap', ''],
  geometry: [point, null, 'anything'],
  entrances: [
    [[108.9, 34.2]],
    [
      [-180, 90],
      [180, -90],
    ],
  ],
  extra: [{}, Object.create(null), { a: 1 }],
};
const NUMBER_GOOD = [0, 12, -3.5, 1e300, Number.MAX_VALUE];
const BAD: unknown[] = [
  undefined,
  null,
  '',
  '12',
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  0,
  true,
  [],
  {},
  'unknown_kind',
  [[108.9]],
  [[181, 0]],
  [[0, 91]],
  [[1, 2, 3]],
  [[1, '2']],
  [],
];

const SPECS: [string, RecordSpec, ZodObject][] = [
  ['communities', COMMUNITY_RECORD, zCommunityRecord],
  ['facilities', FACILITY_RECORD, zFacilityRecord],
  ['streets', STREET_RECORD, zStreetRecord],
  ['roads', ROAD_RECORD, zRoadRecord],
];

const TYPES: Record<string, unknown[]> = { communities: ['new', 'built', 'rural'], streets: ['street', 'town'] };
const good = (spec: string, key: string) => (key === 'type' ? TYPES[spec] : (GOOD[key] ?? NUMBER_GOOD));

/** a random record of this spec: each field good (most of the time), missing or bad; maybe shuffled, maybe an unknown key */
function record(name: string, spec: RecordSpec): fc.Arbitrary<Record<string, unknown>> {
  const field = (key: string) =>
    fc.oneof(
      { weight: 30, arbitrary: fc.constantFrom(...good(name, key)).map((v) => ({ v })) },
      { weight: 1, arbitrary: fc.constant(undefined) },
      { weight: 1, arbitrary: fc.constantFrom(...BAD).map((v) => ({ v })) },
    );
  return fc
    .tuple(
      fc.tuple(...spec.map(([k]) => field(k))),
      fc.integer({ min: 0, max: 5 }).map((n) => n === 0),
      fc.option(fc.constantFrom('__proto__', 'other', 'id2'), { freq: 5 }),
      fc.integer({ min: 0, max: 1000 }),
    )
    .map(([values, shuffle, unknown, seed]) => {
      const entries = spec.flatMap(([k], i) => (values[i] ? [[k, values[i].v] as const] : []));
      if (shuffle && entries.length > 1) {
        const j = seed % entries.length;
        entries.push(...entries.splice(0, j + 1).reverse());
      }
      const o: Record<string, unknown> = {};
      for (const [k, v] of entries) o[k] = v;
      if (unknown) Object.defineProperty(o, unknown, { value: 1, enumerable: true, writable: true, configurable: true });
      return o;
    });
}

describe('the record check without Zod', () => {
  it('lists the schemas’ fields in their order', () => {
    for (const [, spec, schema] of SPECS) expect(spec.map(([k]) => k)).toEqual(Object.keys(schema.shape));
  });

  for (const [name, spec, schema] of SPECS)
    it(`${name}: what it takes as it is, Zod accepts and gives back equal, keys in the same order`, () => {
      let taken = 0;
      let refused = 0;
      fc.assert(
        fc.property(record(name, spec), (o) => {
          const z = schema.safeParse(o);
          if (!fitsAsItIs(spec, o)) {
            refused++;
            // not taken: checkRecord answers as Zod does
            if (z.success) expect(checkRecord(spec, schema, o)).toEqual(z.data);
            else expect(() => checkRecord(spec, schema, o)).toThrow();
            return;
          }
          taken++;
          expect(z.success, JSON.stringify(o)).toBe(true);
          expect(checkRecord(spec, schema, o)).toBe(o);
          expect(Object.keys(o)).toEqual(Object.keys(z.data as object));
          expect(JSON.stringify(o)).toBe(JSON.stringify(z.data));
        }),
        { numRuns: 4000, seed: 15 },
      );
      // both ways were walked
      expect(taken).toBeGreaterThan(300);
      expect(refused).toBeGreaterThan(300);
    });

  it('takes every record built in the schema’s order with good values', () => {
    for (const [name, spec] of SPECS) {
      const o: Record<string, unknown> = {};
      for (const [k] of spec) o[k] = good(name, k)[0];
      expect(fitsAsItIs(spec, o)).toBe(true);
      // the same without the optional ones
      const required: Record<string, unknown> = {};
      for (const [k, , optional] of spec) if (!optional) required[k] = good(name, k)[0];
      expect(fitsAsItIs(spec, required)).toBe(true);
    }
  });
});
