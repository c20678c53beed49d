// The page's copy of the outlines crosses packed into typed arrays and reads back as the same
// GeoJSON, however it is read: the getter, a spread (how an edit copies a community), a structured
// clone (how the page sends one to the worker), JSON.
import type { MultiPolygon, Point, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { labelPoint } from '../../src/core/label-point';
import type { Community } from '../../src/core/model';
import { booleanPointInPolygon } from '@turf/turf';
import { assignOnsite } from '../../src/core/allocate/onsite';
import { bboxOf, pointInArea, representativePoint } from '../../src/core/geo';
import { accessPoints, insideOf, placeOf } from '../../src/core/reach/community-reach';
import { hasFastProperties } from '../held';
import {
  copyUnit,
  freshOutline,
  keepPacked,
  outerRings,
  outlinesOf,
  packedAt,
  packedBox,
  packedBuffers,
  packedLabel,
  packOutlines,
  pointInPacked,
  representativePointOf,
  sendOutlines,
  unpackOutlines,
  type PackedLayer,
} from '../../src/core/packed-outlines';
import { randomLayers } from '../../scripts/bench/random-layers';
import { mulberry32 } from '../../scripts/demo/prng';
import { communityDots } from '../../src/map/features';

type Unit = { id: string; name: string; extra: Record<string, unknown>; geometry: Polygon | MultiPolygon | Point };

const square = (x: number, y: number, d: number) => [
  [x, y],
  [x + d, y],
  [x + d, y + d],
  [x, y + d],
  [x, y],
];
const UNITS: Unit[] = [
  // a polygon with a hole, and a coordinate that is -0 (kept as -0)
  { id: 'a', name: 'A', extra: { 备注: 'x' }, geometry: { type: 'Polygon', coordinates: [square(-0, 0, 10), square(2, 2, 1)] } },
  // two parts, the second with a hole
  { id: 'b', name: 'B', extra: {}, geometry: { type: 'MultiPolygon', coordinates: [[square(20, 0, 1)], [square(30, 0, 5), square(31, 1, 1)]] } },
  // a point travels as it is
  { id: 'c', name: 'C', extra: {}, geometry: { type: 'Point', coordinates: [116.4, 39.9] } },
  // positions with a height are not packed (the packing keeps x, y only): it travels as it is
  { id: 'd', name: 'D', extra: {}, geometry: { type: 'Polygon', coordinates: [square(0, 0, 1).map(([x, y]) => [x, y, 50])] } },
  // digits a float32 would lose
  { id: 'e', name: 'E', extra: {}, geometry: { type: 'Polygon', coordinates: [square(116.123456789012, 39.987654321098, 0.000001)] } },
];

/** across a worker boundary: cloned with its buffers moved, as Comlink's transfer() sends it */
function crossed<T extends Unit>(layer: PackedLayer<T>): PackedLayer<T> {
  return structuredClone(layer, { transfer: packedBuffers(layer.packed) });
}

describe('packed outlines', () => {
  it('read back exactly as the original GeoJSON through every way of reading them', () => {
    const original = structuredClone(UNITS);
    const back = unpackOutlines(crossed(packOutlines(UNITS)));
    expect(back).toHaveLength(5);
    back.forEach((u, i) => {
      expect(u.geometry).toEqual(original[i].geometry);
      expect({ ...u }).toEqual(original[i]); // a spread copies the outline itself
      expect(structuredClone(u)).toEqual(original[i]);
      expect(JSON.parse(JSON.stringify(u))).toEqual(JSON.parse(JSON.stringify(original[i])));
    });
    expect(Object.is((back[0].geometry as Polygon).coordinates[0][0][0], -0)).toBe(true);
  });

  it('carry the polygons’ vertices in one buffer and no coordinate arrays in the units', () => {
    const layer = crossed(packOutlines(UNITS));
    // by hand: a 5 + 5, b 5 + 5 + 5, e 5 vertices; c and d travel as they are
    expect(layer.packed.xy.length).toBe(2 * 30);
    expect(layer.units.map((u) => 'geometry' in u)).toEqual([false, false, true, true, false]);
    expect(layer.units[0]).toEqual({ id: 'a', name: 'A', extra: { 备注: 'x' } });
  });

  it('build the outline when read, keep it while held, and take an assigned one instead', () => {
    const [a, , , , e] = unpackOutlines(crossed(packOutlines(UNITS)));
    const g = a.geometry;
    expect(a.geometry).toBe(g); // held here, so the same object
    expect(Object.getOwnPropertyDescriptor(a, 'geometry')?.get).toBeTypeOf('function');
    const moved: Point = { type: 'Point', coordinates: [1, 2] };
    e.geometry = moved;
    expect(e.geometry).toBe(moved);
    expect({ ...e }.geometry).toBe(moved);
  });

  it('keep every unpacked unit an object of fast properties (one getter for all), and so do copies of it and its place', () => {
    // a unit whose getter is a closure of its own is a dictionary (≈ 400 bytes more a unit in the
    // page and the worker)
    const fast = hasFastProperties;
    const { communities } = randomLayers(5, 60, 0);
    const units = unpackOutlines(
      crossed(
        packOutlines(
          communities.filter((c) => c.geometry.type !== 'Point'),
          labelPoint,
        ),
      ),
    );
    expect(units.length).toBeGreaterThan(50);
    expect(fast({ a: 1 })).toBe(true);
    expect(units.filter((u) => !fast(u)).map((u) => u.id)).toEqual([]);
    // the rule engine's copy of a unit keeps its outline packed and stays fast too
    expect(
      units
        .map(copyUnit)
        .filter((u) => !fast(u))
        .map((u) => u.id),
    ).toEqual([]);
    const get = (u: object) => Object.getOwnPropertyDescriptor(u, 'geometry')?.get;
    expect(new Set(units.map(get)).size).toBe(1);
    // and each reads its own outline
    expect(units.map((u) => u.geometry)).toEqual(communities.filter((c) => c.geometry.type !== 'Point').map((c) => c.geometry));
    expect(copyUnit(units[3]).geometry).toEqual(units[3].geometry);
    // and so do the places the reach engines start from (a getter of their own each made them
    // dictionaries), which find the same ways out as a plain place of the same outline
    const places = units.map((u) => placeOf(u as unknown as Community, representativePoint(u.geometry)));
    expect(places.filter((p) => !fast(p)).length).toBe(0);
    expect(places.map((p) => accessPoints(p))).toEqual(
      units.map((u) => accessPoints({ point: representativePoint(u.geometry), geometry: u.geometry, entrances: (u as unknown as Community).entrances })),
    );
  });

  it('bring each outline’s box and label point, so the dots build no outline', () => {
    const communities: Community[] = UNITS.map((u) => ({ ...u, type: 'built' }));
    const back = unpackOutlines(crossed(packOutlines(communities, labelPoint)));
    expect(packedBox(back[1])).toEqual([20, 0, 35, 5]); // by hand: the two squares of b
    expect(packedBox(back[2])).toBeNull(); // a point is not packed
    back.forEach((c, i) => {
      if (packedBox(c)) expect(packedLabel(c)).toEqual(labelPoint(communities[i].geometry as Polygon));
    });
    // an edited copy (a spread) answers from its own geometry
    expect(packedLabel({ ...back[0] })).toBeNull();
    const want = communityDots(communities);
    for (const c of back) {
      if (!packedBox(c)) continue;
      Object.defineProperty(c, 'geometry', {
        get() {
          throw new Error(`the outline of ${c.id} was built`);
        },
      });
    }
    expect(communityDots(back)).toEqual(want);
  });
});

/** a coordinate as a file with 7 decimals writes it, read as JSON reads it */
const decimals7 = (x: number) => Number(x.toFixed(7));

describe('coordinates of at most 7 decimals', () => {
  const r = mulberry32(7);
  // a ring of random 7-decimal positions anywhere on the globe, and the extremes
  const ring = (n: number) => {
    const pts = Array.from({ length: n }, () => [decimals7(360 * r() - 180), decimals7(180 * r() - 90)]);
    return [...pts, pts[0]];
  };
  const extremes = [
    [180, 90],
    [-180, -90],
    [179.9999999, -0.0000001],
    [0.0000001, 0],
    [180, 90],
  ];
  const units: Unit[] = [
    ...Array.from({ length: 30 }, (_, i): Unit => ({ id: `q${i}`, name: '', extra: {}, geometry: { type: 'Polygon', coordinates: [ring(5 + i), ring(4)] } })),
    { id: 'x', name: '', extra: {}, geometry: { type: 'MultiPolygon', coordinates: [[extremes], [ring(6)]] } },
  ];
  const text = JSON.stringify(units);
  const vertices = (JSON.parse(text) as Unit[]).reduce((n, u) => n + JSON.stringify(u.geometry).split('],[').length, 0);

  it('pack as integers of 1e-7 degree (4 bytes a coordinate) and read back as the same doubles', () => {
    const layer = crossed(packOutlines(JSON.parse(text) as Unit[]));
    expect(layer.packed.xy).toBeInstanceOf(Int32Array);
    expect(layer.packed.xy.byteLength).toBe(4 * 2 * vertices);
    const back = unpackOutlines(layer);
    // every coordinate the same double (toEqual compares numbers with Object.is), and the same text
    expect(back.map((u) => u.geometry)).toEqual((JSON.parse(text) as Unit[]).map((u) => u.geometry));
    expect(JSON.stringify(back)).toBe(text);
    // a 8th decimal, or a -0, anywhere in the array keeps all of it Float64, read back as exactly
    for (const odd of [0.00000001, -0]) {
      const more = [...(JSON.parse(text) as Unit[]), { id: 'o', name: '', extra: {}, geometry: { type: 'Polygon', coordinates: [square(odd, 1, 1)] } } as Unit];
      const p = crossed(packOutlines(more));
      expect(p.packed.xy).toBeInstanceOf(Float64Array);
      expect(unpackOutlines(p).map((u) => u.geometry)).toEqual(more.map((u) => u.geometry));
    }
  });

  it('the page’s copy of a Float64 packing is quantised when it can be; an edit’s array packs from both', () => {
    const kept = keepPacked(JSON.parse(text) as Unit[], undefined, false);
    expect(outlinesOf(kept).xy).toBeInstanceOf(Float64Array);
    const sent = sendOutlines(kept);
    expect(sent.packed.xy).toBeInstanceOf(Int32Array);
    expect(unpackOutlines(crossed(sent)).map((u) => u.geometry)).toEqual((JSON.parse(text) as Unit[]).map((u) => u.geometry));
    // an edit's array: quantised packed units, a Float64 packed one and a plain 7-decimal one → integers;
    // a plain unit with 9 decimals → Float64; the same outlines either way
    const quantised = keepPacked(JSON.parse(text) as Unit[]);
    const plain7: Unit = { id: 'p', name: '', extra: {}, geometry: { type: 'Polygon', coordinates: [ring(7)] } };
    const plain9: Unit = { id: 'n', name: '', extra: {}, geometry: { type: 'Polygon', coordinates: [square(116.123456789, 39.9, 0.001)] } };
    for (const [extra, kind] of [
      [plain7, Int32Array],
      [plain9, Float64Array],
    ] as const) {
      const edited = [quantised[3], kept[5], extra, quantised[30]];
      const got = outlinesOf(edited);
      expect(got.xy).toBeInstanceOf(kind);
      const want = structuredClone([units[3], units[5], extra, units[30]]);
      expect(unpackOutlines({ units: want.map(({ geometry: _, ...u }) => u), packed: got }).map((u) => u.geometry)).toEqual(want.map((u) => u.geometry));
    }
  });
});

describe('outlinesOf: one packing per units array', () => {
  const plainLabels = (units: Unit[]) => units.map((u) => (u.geometry.type === 'Point' ? null : labelPoint(u.geometry)));

  it('is the packing the units were unpacked from, and for an edit’s array a packing equal to its GeoJSON’s, built from ranges', () => {
    const layer = crossed(packOutlines(UNITS, labelPoint));
    const back = unpackOutlines(layer);
    expect(outlinesOf(back)).toBe(layer.packed);
    // an edit's new array: a replaced unit (a spread with a new outline), one dropped, one added, the rest as they were
    const moved: Polygon = { type: 'Polygon', coordinates: [square(5, 5, 2)] };
    const added: Unit = { id: 'f', name: 'F', extra: {}, geometry: { type: 'MultiPolygon', coordinates: [[square(40, 40, 3)]] } };
    const edited = [back[4], { ...back[0], geometry: moved }, back[1], back[3], added];
    const plain = structuredClone([UNITS[4], { ...UNITS[0], geometry: moved }, UNITS[1], UNITS[3], added]);
    // the untouched packed units' outlines are not built: their ranges are copied
    for (const u of [back[4], back[1]]) {
      Object.defineProperty(u, 'geometry', {
        get() {
          throw new Error(`the outline of ${u.id} was built`);
        },
      });
    }
    const got = outlinesOf(edited);
    expect(outlinesOf(edited)).toBe(got); // once per array
    const want = packOutlines(plain).packed;
    for (const k of ['kind', 'unitPolys', 'polyRings', 'ringVertices', 'xy', 'box'] as const) expect(got[k]).toEqual(want[k]);
    // label points come along from the packing; the plain units' are not known
    const labels = plainLabels(plain);
    expect([...got.label]).toEqual([...labels[0]!, NaN, NaN, ...labels[2]!, NaN, NaN, NaN, NaN]);
  });

  it('a unit given another outline is read from it, not from its old packing', () => {
    const back = unpackOutlines(crossed(packOutlines(UNITS)));
    const moved: Polygon = { type: 'Polygon', coordinates: [square(7, 7, 1)] };
    back[0].geometry = moved;
    expect(packedAt(back[0])).toBeNull();
    expect(outerRings(back[0])).toEqual([Float64Array.from(square(7, 7, 1).flat())]);
  });
});

/** the layers with every coordinate written with 7 decimals (a packing of integers) */
const rounded = <T>(x: T): T => JSON.parse(JSON.stringify(x), (_, v) => (typeof v === 'number' && !Number.isInteger(v) ? decimals7(v) : v)) as T;

describe.each([
  ['as generated (Float64)', Float64Array, <T>(x: T): T => x],
  ['written with 7 decimals (integers of 1e-7 degree)', Int32Array, rounded],
] as const)('read from the packing = read from the GeoJSON: coordinates %s', (_, kind, write) => {
  // the seeded messy layers (point communities, entrances, duplicate ids) and UNITS (holes, parts, 3-D positions)
  const communities: Community[] = write([...randomLayers(4, 120, 0).communities, ...UNITS.map((u) => ({ ...u, type: 'built' as const }))]);
  const packed = keepPacked(communities, labelPoint);
  const r = mulberry32(15);

  it('packs as it should', () => {
    expect(outlinesOf(packed).xy).toBeInstanceOf(kind);
  });

  it('the representative point read on the packing is the one of the GeoJSON, to the bit', () => {
    // beside the layers: a larger second part, a part whose outer ring is too short to count, a hole
    // making the first part the smaller, a flat (zero-height) outline
    const odd = write([
      { type: 'MultiPolygon', coordinates: [[square(108.9, 34.1, 0.001)], [square(108.91, 34.1, 0.003)]] },
      {
        type: 'MultiPolygon',
        coordinates: [
          [
            [
              [108.9, 34.1],
              [108.95, 34.1],
              [108.9, 34.1],
            ],
          ],
          [square(108.91, 34.1, 0.001)],
        ],
      },
      { type: 'MultiPolygon', coordinates: [[square(108.9, 34.1, 0.004), square(108.9001, 34.1001, 0.0038)], [square(108.91, 34.1, 0.002)]] },
      {
        type: 'Polygon',
        coordinates: [
          [
            [108.9, 34.1],
            [108.91, 34.1],
            [108.92, 34.1],
            [108.9, 34.1],
          ],
        ],
      },
    ] as (Polygon | MultiPolygon)[]).map((geometry, i) => ({ ...UNITS[0], id: `odd${i}`, type: 'built' as const, geometry }));
    const all = [...communities, ...odd];
    const points = keepPacked(all, labelPoint).map(representativePointOf);
    expect(points).toEqual(all.map((c) => representativePoint(c.geometry)));
    expect(points.slice(-4).map(([x]) => x)).toEqual([108.91 + 0.0015, 108.91 + 0.0005, 108.91 + 0.001, 108.9]);
  });

  it('the ways out of each community, and the points its outline holds (checked against turf)', () => {
    packed.forEach((c, i) => {
      const plain = communities[i];
      const point = representativePoint(plain.geometry);
      expect(representativePoint(freshOutline(c))).toEqual(point);
      const place = placeOf(c, point);
      // a point, or positions with a height, are read from the unit's own geometry
      if (packedAt(c))
        Object.defineProperty(place, 'geometry', {
          get() {
            throw new Error('a packed place built its outline');
          },
        });
      expect(accessPoints(place)).toEqual(accessPoints({ point, geometry: plain.geometry, ...(plain.entrances ? { entrances: plain.entrances } : {}) }));
      if (plain.geometry.type === 'Point') return;
      const at = packedAt(c);
      const b = bboxOf(plain.geometry);
      if (at) {
        expect(packedLabel(c)).toEqual(labelPoint(plain.geometry).slice(0, 2));
        expect(packedBox(c)).toEqual([b.minX, b.minY, b.maxX, b.maxY]);
      }
      const [w, s, e, n] = [b.minX, b.minY, b.maxX, b.maxY];
      for (let k = 0; k < 40; k++) {
        const q: [number, number] = [w + (e - w) * (1.4 * r() - 0.2), s + (n - s) * (1.4 * r() - 0.2)];
        const want = booleanPointInPolygon(q, plain.geometry, { ignoreBoundary: true });
        if (at) expect(pointInPacked(at, q[0], q[1])).toBe(want);
        expect(pointInArea(q, plain.geometry)).toBe(want);
      }
    });
  });

  it('on site: the same community for every facility, from the packing as from the GeoJSON', () => {
    const facilities = write(randomLayers(4, 120, 300).facilities);
    const points = facilities.map((f) => f.geometry.coordinates as [number, number]);
    const fromPacked = assignOnsite(packed, facilities, points);
    const fromPlain = assignOnsite(communities, facilities, points);
    expect(fromPacked).toEqual(fromPlain);
    expect(fromPlain.byCommunity.flat().length).toBeGreaterThan(50);
    const places = packed.map((c, i) => placeOf(c, representativePoint(communities[i].geometry)));
    expect(insideOf(places, points)).toEqual(
      insideOf(
        communities.map((c) => ({ point: [0, 0], geometry: c.geometry })),
        points,
      ),
    );
  });
});
