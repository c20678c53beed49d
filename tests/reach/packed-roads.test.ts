// Roads kept packed (core/reach/network/packed-roads.ts): every road reads back as it was given
// (the project written back from them is the same text), the ones that cannot be packed exactly —
// a broken vertex, a 3-D position, a geometry with more than type and coordinates, not a line — are
// kept as they are, and the street graph built straight from the packing equals the one built from
// the GeoJSON: nodes, edges, lengths, adjacency, issues and counts. The packed roads hold nothing
// of the given GeoJSON and keep fast properties (one shared getter: the analysis worker's heap).
import { describe, expect, it } from 'vitest';
import type { Road } from '../../src/core/model';
import { buildGraph } from '../../src/core/reach/network/graph';
import { keepRoadsPacked, packedRoad } from '../../src/core/reach/network/packed-roads';
import { randomRoads } from './random-roads';
import { hasFastProperties, heldAfterGc } from '../held';

function messyRoads(seed: number): Road[] {
  const roads = randomRoads(seed, 2_000);
  // a 3-D position, a bbox on the geometry, a point, no geometry, -0
  roads[1] = {
    id: 'z',
    geometry: {
      type: 'LineString',
      coordinates: [
        [116, 39, 12],
        [116.001, 39],
      ],
    },
  };
  roads[2] = {
    id: 'b',
    geometry: {
      type: 'LineString',
      coordinates: [
        [116, 39],
        [116.001, 39],
      ],
      bbox: [116, 39, 116.001, 39],
    },
  };
  roads[3] = { id: 'p', geometry: { type: 'Point', coordinates: [116, 39] } as unknown as Road['geometry'] };
  roads[4] = { id: 'n' } as Road;
  roads[5] = {
    id: 'm',
    highway: 'footway',
    name: '小路',
    geometry: {
      type: 'LineString',
      coordinates: [
        [-0, 39],
        [0.001, -0],
      ],
    },
  };
  return roads;
}

describe('roads kept packed', () => {
  for (const seed of [5, 6]) {
    it(`read back as given and give the same street graph (seed ${seed})`, () => {
      const roads = messyRoads(seed);
      const packed = keepRoadsPacked(roads);
      expect(packed.length).toBe(roads.length);
      const kept = packed.filter((r) => packedRoad(r) !== null).length;
      expect(kept).toBeGreaterThan(roads.length * 0.6);
      expect(kept).toBeLessThan(roads.length);
      packed.forEach((r, i) => {
        expect(JSON.stringify(r)).toBe(JSON.stringify(roads[i]));
        if (!packedRoad(r)) expect(r).toBe(roads[i]);
      });
      for (const i of [1, 2, 3, 4]) expect(packedRoad(packed[i])).toBeNull();
      // -0 read back as -0 (the file's own value), a spread copy plain and equal
      const m = packed[5];
      expect(packedRoad(m)).not.toBeNull();
      expect(Object.is(m.geometry.coordinates[0][0], -0)).toBe(true);
      const copy = { ...m };
      expect(packedRoad(copy)).toBeNull();
      expect(copy).toEqual(roads[5]);
      // the outline is made when read: nothing of it is held
      expect(m.geometry).not.toBe(m.geometry);
      expect(buildGraph(packed)).toEqual(buildGraph(roads));
    });
  }

  it('hold none of the given lines and keep fast properties: one getter for all roads', async () => {
    // the given roads made and dropped inside: only WeakRefs to their lines are left here
    const given = () => {
      const roads = randomRoads(7, 500);
      const packed = keepRoadsPacked(roads);
      // (a road that does not pack exactly is kept as it is, its lines with it)
      return { packed, lines: roads.filter((_, i) => packedRoad(packed[i])).map((r) => new WeakRef(r.geometry.coordinates)) };
    };
    const { packed, lines } = given();
    expect(lines.length).toBeGreaterThan(400);
    expect(await heldAfterGc(lines)).toBe(0);
    const kept = packed.filter((r) => packedRoad(r) !== null);
    expect(kept.length).toBe(lines.length);
    expect(kept.filter((r) => !hasFastProperties(r)).length).toBe(0);
    const get = Object.getOwnPropertyDescriptor(kept[0], 'geometry')?.get;
    expect(kept.every((r) => Object.getOwnPropertyDescriptor(r, 'geometry')?.get === get)).toBe(true);
  });
});
