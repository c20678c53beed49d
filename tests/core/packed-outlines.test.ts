// The page's copy of the outlines crosses packed into typed arrays and reads back as the same
// GeoJSON, however it is read: the getter, a spread (how an edit copies a community), a structured
// clone (how the page sends one to the worker), JSON.
import type { MultiPolygon, Point, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { labelPoint } from '../../src/core/label-point';
import type { Community } from '../../src/core/model';
import { packedBox, packedBuffers, packedLabel, packOutlines, unpackOutlines, type PackedLayer } from '../../src/core/packed-outlines';
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
