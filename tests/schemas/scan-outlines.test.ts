// The outlines read straight into packed arrays (src/schemas/scan-outlines.ts) against JSON.parse of
// the same text: random project files written with every liberty JSON allows (whitespace of all
// four kinds, exponents, -0, 17 and more significant digits, escaped keys, duplicate keys, unicode)
// and with what a planner's file gets wrong (3-D positions, empty rings, open rings, a depth that is
// not its type's, numbers JSON refuses, text cut short). What the reader gives must equal JSON.parse's
// value (toEqual compares numbers with Object.is: -0 is not 0), a broken text must throw JSON.parse's
// own error, and the project read from it must be the one the plain path reads, issues and problems
// included.
import fc from 'fast-check';
import type { MultiPolygon, Point, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { bboxOf } from '../../src/core/geo';
import { labelPoint } from '../../src/core/label-point';
import { keepPacked, outlinesOf, packedBox, packedLabel, readAt, readRef } from '../../src/core/packed-outlines';
import { parseProject, projectToJson } from '../../src/schemas';
import { parseScanned } from '../../src/schemas/scan-outlines';
import { type Json, messy, seeded, spell } from './messy-json';

// positions: mostly plain, at times 3-D, near the bounds, or -0
const num = fc.oneof(
  { weight: 8, arbitrary: fc.double({ min: 100, max: 120, noNaN: true }) },
  { weight: 1, arbitrary: fc.constantFrom(-0, 0, 180, -180, 90, 181, 1e-7, 123456789012345680000) },
);
const position = fc.oneof(
  { weight: 60, arbitrary: fc.tuple(num, fc.double({ min: 20, max: 40, noNaN: true })) },
  { weight: 1, arbitrary: fc.tuple(num, num, num) },
  { weight: 1, arbitrary: fc.constantFrom<Json>([], [1], 'x', null, [[1, 2]]) },
);
// closed most of the time, so that the checks past the ring's closing are reached
const ring = fc.tuple(fc.array(position, { minLength: 0, maxLength: 7 }), fc.integer({ min: 0, max: 4 })).map(([l, open]) => (l.length > 2 && open > 0 ? [...l, l[0]] : l));
const polygon = fc.array(ring, { minLength: 0, maxLength: 3 });
const coordinates = fc.oneof(
  { weight: 20, arbitrary: polygon },
  { weight: 10, arbitrary: fc.array(polygon, { minLength: 0, maxLength: 3 }) },
  { weight: 1, arbitrary: fc.oneof(position, fc.constantFrom<Json>(null, 'x', 7, {})) },
);
const geometry = fc.oneof(
  { weight: 12, arbitrary: fc.record({ type: fc.constantFrom('Polygon', 'Polygon', 'MultiPolygon', 'Point'), coordinates }) },
  // a duplicate key: JSON.parse keeps the last
  {
    weight: 1,
    arbitrary: fc.tuple(coordinates, coordinates).map(([a, b]) => ({
      entries: [
        ['type', 'Polygon'],
        ['coordinates', a],
        ['coordinates', b],
      ] as [string, Json][],
    })),
  },
  { weight: 1, arbitrary: fc.constantFrom<Json>(null, 'x', { type: 'Polygon' }) },
);
const feature = fc.record({
  type: fc.constant('Feature'),
  properties: fc.record({
    id: fc.string({ minLength: 1, maxLength: 4 }),
    name: fc.constantFrom('长安社区', 'a "quoted" \\ name', '"coordinates":[[[1,2]]]', 'é\u2028'),
    type: fc.constantFrom('built', 'new'),
    population: fc.integer({ min: 0, max: 5000 }),
    // a key named as the geometry's, where it is data
    coordinates: fc.constantFrom<Json>([[[1, 2]]], 3),
  }),
  geometry,
});
const layer = (min: number) => fc.record({ type: fc.constant('FeatureCollection'), features: fc.array(feature, { minLength: min, maxLength: 5 }) });
const project = fc.record({
  version: fc.constant(1),
  area: fc.constant({ name: '区' }),
  communities: layer(1),
  facilities: fc.constant({ type: 'FeatureCollection', features: [] }),
  streets: layer(0),
  meta: fc.constant({ geometry: { coordinates: [[[1, 2]]] } }),
});

/** the project as `parseProject` reads it, written back and with its issues or problems */
function readBack(text: string, scan: boolean) {
  const r = parseProject(text, 'p.json', { scan });
  return r.ok ? { ok: true, text: JSON.stringify(projectToJson(r.project, r.other)), issues: r.issues } : r;
}

describe('outlines read straight into packed arrays', () => {
  it('give the value JSON.parse gives, on random messy files', () => {
    let packedSeen = 0;
    fc.assert(
      fc.property(project, fc.integer(), (p, seed) => {
        const text = messy(p as unknown as Json, seeded(seed));
        const scanned = parseScanned(text) as { communities: { features: { geometry: unknown }[] } };
        if (typeof scanned !== 'object' || scanned === null) return;
        expect(scanned).toEqual(JSON.parse(text));
        // its UTF-8 bytes (as a picked file or a fetch gives them), a byte-order mark before them
        const bytes = new TextEncoder().encode(`${seed % 2 ? '\uFEFF' : ''}${text}`);
        expect(parseScanned(bytes)).toEqual(JSON.parse(text));
        packedSeen += scanned.communities.features.filter((f) => readRef(f.geometry)).length;
        expect(readBack(text, true)).toEqual(readBack(text, false));
      }),
      { numRuns: 400 },
    );
    // the packed path was taken, not only the fallbacks
    expect(packedSeen).toBeGreaterThan(200);
  });

  it('read every number exactly, in every spelling JSON allows', () => {
    const values = [0, -0, 1, -1, 0.1, 108.9412345, 34.2658203125, 1e-7, 5e-324, 1.7976931348623157e308, 2 ** 53, 2 ** 53 + 2, 123456789012345.6, 0.30000000000000004];
    for (const v of values) {
      for (let how = 0; how < 12; how++) {
        const text = `{"communities":{"features":[{"geometry":{"type":"Polygon","coordinates":[[[${spell(v, how)},1],[2,2],[3,3],[${spell(v, how)},1]]]}}]}}`;
        const g = (parseScanned(text) as { communities: { features: { geometry: { coordinates: number[][][] } }[] } }).communities.features[0].geometry;
        expect(readAt(g)).not.toBeNull();
        expect(Object.is(g.coordinates[0][0][0], v), `${spell(v, how)} → ${g.coordinates[0][0][0]}`).toBe(true);
      }
    }
    // more digits than a double holds, exponents beyond the fast path and at its edges (10^22 is
    // the last power a double holds exactly), a spelling of 130 000 digits: as JSON.parse reads them
    const long = `1${'0'.repeat(129_999)}e-129999`;
    for (const t of [
      '108.94123456789012345678901',
      '1.5e-30',
      '12345678901234567890e-10',
      '1e400',
      '-1e-400',
      '0.000000000000000000000000001',
      '1e22',
      '1e23',
      '9e22',
      '123456789012345e22',
      '1234567890123456e22',
      '123456789012345e-22',
      '1e-22',
      '1e-23',
      long,
    ]) {
      const text = `{"streets":{"features":[{"geometry":{"type":"MultiPolygon","coordinates":[[[[${t},1],[2,2],[3,3],[${t},1]]]]}}]}}`;
      expect(parseScanned(text)).toEqual(JSON.parse(text));
    }
  });

  it('are held as integers of 1e-7 degree when every coordinate divides back exactly, else as Float64', () => {
    const layer = (xs: string[]) => {
      const text = `{"communities":{"features":[${xs.map((x) => `{"geometry":{"type":"Polygon","coordinates":[[[${x},34.5],[108.2,34.6],[108.3,34.5],[${x},34.5]]]}}`).join(',')}]}}`;
      const value = parseScanned(text) as { communities: { features: { geometry: { coordinates: number[][][] } }[] } };
      expect(value).toEqual(JSON.parse(text));
      return value.communities.features.map((f) => readAt(f.geometry)?.packed);
    };
    // 7 decimals, in any spelling
    for (const p of layer(['108.1234567', '1.081234567e2', '108.12345670000000000'])) expect(p?.div).toBe(1e7);
    // one that does not divide back (8 decimals, -0, beyond 214.7°): the whole layer Float64, the same values
    for (const odd of ['108.12345678', '-0', '2e10']) {
      const ps = layer(['108.1234567', odd, '108.5']);
      for (const p of ps) expect(p?.div).toBe(1);
      expect(ps[0]?.xy).toBeInstanceOf(Float64Array);
    }
  });

  it("throw JSON.parse's own error for a broken file, whatever is broken where", () => {
    const good =
      '{"version":1,"communities":{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[1,2],[3,4],[5,6],[1,2]]]}}]}}';
    const broken = [
      good.replace('[1,2],[3,4]', '[01,2],[3,4]'),
      good.replace('[3,4]', '[3.,4]'),
      good.replace('[3,4]', '[+3,4]'),
      good.replace('[3,4]', '[3,4,]'),
      good.replace('[3,4],', '[3,4],,'),
      good.replace('[5,6]', '[5 6]'),
      good.replace('"Polygon"', '"Poly\ngon"'),
      good.slice(0, -2),
      good.slice(0, 80),
      `${good} x`,
      `${good}}`,
      good.replace('"coordinates":', '"coordinates"'),
      good.replace(']]]', ']]]]'),
      good.replace('[5,6]', '[5,6e]'),
    ];
    for (const text of broken) {
      let plain: unknown;
      try {
        JSON.parse(text);
      } catch (e) {
        plain = e;
      }
      expect(plain, text).toBeInstanceOf(SyntaxError);
      expect(() => parseScanned(text), text).toThrow((plain as Error).message);
      expect(() => parseScanned(new TextEncoder().encode(text)), text).toThrow((plain as Error).message);
      expect(readBack(text, true)).toEqual(readBack(text, false));
    }
  });

  it('leave a coordinates value that is not an array, and a file that is not an object, to JSON.parse', () => {
    for (const text of [
      '{"communities":{"features":[{"geometry":{"type":"Polygon","coordinates":0}},{"geometry":{"type":"Polygon","coordinates":[[[1,2],[3,4],[5,6],[1,2]]]}}]}}',
      '[{"communities":{"features":[{"geometry":{"type":"Polygon","coordinates":[[[1,2],[3,4],[5,6],[1,2]]]}}]}}]',
      '"text"',
    ]) {
      const value = parseScanned(text);
      expect(value).toEqual(JSON.parse(text));
      expect(JSON.stringify(value)).toBe(JSON.stringify(JSON.parse(text)));
    }
  });

  it('are kept in the packing they were read into when it holds the layer alone, each with its label; copied when not', () => {
    const square = (x: number, d: number, e = '') => `[[[${x},34.5],[${x + d}${e},34.5],[${x + d},34.6],[${x},34.6],[${x},34.5]]]`;
    const file = (layer: string[]) => `{"communities":{"features":[${layer.map((g) => `{"geometry":${g}}`).join(',')}]}}`;
    const layers = {
      // 7 decimals (integers of 1e-7 degree), a part with a hole, a MultiPolygon
      quantised: [`{"type":"Polygon","coordinates":${square(108.1, 0.01)}}`, `{"type":"MultiPolygon","coordinates":[${square(108.2, 0.02)},${square(108.3, 0.01)}]}`],
      // one coordinate of 9 decimals: Float64 throughout
      doubles: [`{"type":"Polygon","coordinates":${square(108.1, 0.01, '00001')}}`, `{"type":"Polygon","coordinates":${square(108.2, 0.01)}}`],
      // a point among them: not every unit is in the packing
      'with a point': [`{"type":"Polygon","coordinates":${square(108.1, 0.01)}}`, '{"type":"Point","coordinates":[108.3,34.5]}'],
    };
    for (const [name, layer] of Object.entries(layers)) {
      const text = file(layer);
      type File = { communities: { features: { geometry: Polygon | MultiPolygon | Point }[] } };
      const read = (parseScanned(text) as File).communities.features;
      const plain = (JSON.parse(text) as File).communities.features;
      const packing = readAt(read[0].geometry)?.packed;
      for (const quantise of [true, false]) {
        const kept = keepPacked(read, labelPoint, quantise);
        // the same outlines, boxes and labels as GeoJSON gives, whichever packing holds them
        expect(kept.map((u) => u.geometry)).toEqual(plain.map((f) => f.geometry));
        kept.forEach((u, i) => {
          const g = plain[i].geometry;
          if (g.type === 'Point') return;
          const b = bboxOf(g);
          expect(packedBox(u)).toEqual([b.minX, b.minY, b.maxX, b.maxY]);
          expect(packedLabel(u)).toEqual(labelPoint(g).slice(0, 2));
        });
        // kept where read: a whole layer, unless Float64 is asked of integers
        const kept1 = name !== 'with a point' && (quantise || name === 'doubles');
        expect(outlinesOf(kept) === packing, `${name}, quantise ${quantise}`).toBe(kept1);
        expect(outlinesOf(kept).xy).toBeInstanceOf(quantise && name !== 'doubles' ? Int32Array : Float64Array);
      }
    }
  });

  it('drop byte-order marks as the file was read before: two before bytes, one before text', () => {
    const text = '{"communities":{"features":[{"geometry":{"type":"Polygon","coordinates":[[[1,1],[2,2],[3,1],[1,1]]]}}]}}';
    const bytes = (marks: number) => new TextEncoder().encode(`${'\uFEFF'.repeat(marks)}${text}`);
    // read as JSON (the project itself lacks layers: that problem comes after the reading)
    const read = (input: string | Uint8Array, scan: boolean) => {
      const r = parseProject(input, 'p.json', { scan });
      return r.ok || !r.problems.some((x) => x.msg.key === 'input.notJson');
    };
    // a picked file: its text() dropped one mark, then parseProject the next
    for (const scan of [true, false]) {
      expect(read(bytes(2), scan), `bytes, scan ${scan}`).toBe(true);
      expect(read(bytes(3), scan), `three marks, scan ${scan}`).toBe(false);
      expect(read(`\uFEFF${text}`, scan), `text, scan ${scan}`).toBe(true);
      expect(read(`\uFEFF\uFEFF${text}`, scan), `text with two, scan ${scan}`).toBe(false);
    }
  });
});
