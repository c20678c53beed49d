// Network distances on small hand-made street plans, worked out by hand.
// All plans sit on the equator, where one thousandth of a degree east–west (or north–south along
// a meridian) is U = 6371008.8 m × π/180 × 0.001 = 111.19508 m on the haversine sphere.
import { describe, expect, it } from 'vitest';
import type { Road } from '../../src/core/model';
import { createNetworkEngine } from '../../src/core/reach/network-engine';
import { contract } from '../../src/core/reach/network/chains';
import { buildGraph } from '../../src/core/reach/network/graph';
import type { PackedGroups } from '../../src/core/reach/network/placement';
import { NetworkReach } from '../../src/core/reach/network/reach';
import { EdgeIndex } from '../../src/core/reach/network/snap';
import { unchangingGroups } from '../../src/core/reach/network/unchanging';
import type { LonLat, ReachPairs } from '../../src/core/reach/types';

const U = (6371008.8 * Math.PI * 0.001) / 180; // 111.195079734… m
const m = 0.001; // one step in degrees

function road(id: string, ...pts: [number, number][]): Road {
  return { id, geometry: { type: 'LineString', coordinates: pts.map(([x, y]) => [x * m, y * m]) } };
}
const P = (x: number, y: number): LonLat => [x * m, y * m];

function row(p: ReachPairs, d: number): [number, number][] {
  const out: [number, number][] = [];
  for (let k = p.offsets[d]; k < p.offsets[d + 1]; k++) out.push([p.supply[k], p.distance[k]]);
  return out;
}

describe('network distances on hand-made plans', () => {
  it('walks along a street and counts both snapping legs', () => {
    // A(0,0) — B(1,0) — C(2,0); supply at A, demand half a step north of C.
    // walk = A→B (1U) + B→C (1U) + leg up to the demand (0.5U) = 2.5U = 277.99 m
    const e = createNetworkEngine([road('r1', [0, 0], [1, 0], [2, 0])], { snapDistance: 100 });
    const p = e.pairs({ demand: [P(2, 0.5)], supply: [P(0, 0)], maxDistance: 1000 });
    expect(row(p, 0)).toHaveLength(1);
    expect(row(p, 0)[0][1]).toBeCloseTo(2.5 * U, 6);
  });

  it('cuts off at maxDistance', () => {
    // same walk 2.5U = 277.99 m: in at 278 m, out at 277.9 m
    const e = createNetworkEngine([road('r1', [0, 0], [1, 0], [2, 0])], { snapDistance: 100 });
    expect(row(e.pairs({ demand: [P(2, 0.5)], supply: [P(0, 0)], maxDistance: 278 }), 0)).toHaveLength(1);
    expect(row(e.pairs({ demand: [P(2, 0.5)], supply: [P(0, 0)], maxDistance: 277.9 }), 0)).toHaveLength(0);
  });

  it('walks directly between two points on the same edge', () => {
    // supply at x=0.2 y=+0.1, demand at x=0.8 y=−0.1 on edge A–B: 0.1U + 0.6U + 0.1U = 0.8U,
    // not around through A (0.1 + 0.2 + 0.8 + 0.1 = 1.2U)
    const e = createNetworkEngine([road('r1', [0, 0], [1, 0], [2, 0])], { snapDistance: 100 });
    const p = e.pairs({ demand: [P(0.8, -0.1)], supply: [P(0.2, 0.1)], maxDistance: 1000 });
    expect(row(p, 0)[0][1]).toBeCloseTo(0.8 * U, 6);
  });

  it('does not connect lines that cross without a shared vertex (bridge), but does when they share one', () => {
    // horizontal street y=0 from x=0 to x=2 and a vertical one x=1 from y=−1 to y=1.
    // supply at (0,0), demand at (1,1) on the vertical street.
    const vertical = road('v', [1, -1], [1, 1]);
    const bridge = createNetworkEngine([road('h', [0, 0], [2, 0]), vertical], { snapDistance: 50 });
    const q = { demand: [P(1, 1)], supply: [P(0, 0)], maxDistance: 10_000 };
    expect(row(bridge.pairs(q), 0)).toEqual([]);
    // the vertical street split at (1,0) and the horizontal one with a vertex there: 1U + 1U
    const crossing = createNetworkEngine([road('h', [0, 0], [1, 0], [2, 0]), road('v', [1, -1], [1, 0], [1, 1])], { snapDistance: 50 });
    expect(row(crossing.pairs(q), 0)[0][1]).toBeCloseTo(2 * U, 6);
    expect(crossing.stats.components).toBe(1);
    expect(bridge.stats.components).toBe(2);
  });

  it('keeps disconnected parts apart and ignores one-node components', () => {
    // part 1: (0,0)–(1,0); part 2: (5,0)–(6,0); a one-point line at (3,0) adds a node with no edge.
    const e = createNetworkEngine([road('a', [0, 0], [1, 0]), road('b', [5, 0], [6, 0]), road('dot', [3, 0])], { snapDistance: 50 });
    expect(e.stats.nodes).toBe(5);
    expect(e.stats.edges).toBe(2);
    expect(e.stats.components).toBe(3);
    // supplies at (0,0) and (6,0); demands at (1,0) (part 1) and (5,0) (part 2), and one at (3,0)
    // whose only street is the lone node: 2U from both parts, beyond snapDistance 50 m, so unplaced
    const p = e.pairs({ demand: [P(1, 0), P(5, 0), P(3, 0)], supply: [P(0, 0), P(6, 0)], maxDistance: 100_000 });
    expect(row(p, 0).map(([s]) => s)).toEqual([0]);
    expect(row(p, 1).map(([s]) => s)).toEqual([1]);
    expect(row(p, 0)[0][1]).toBeCloseTo(U, 6);
    expect(p.unplacedDemand).toEqual([2]);
  });

  it('merges duplicate edges and drops zero-length ones without changing distances', () => {
    // the same street twice, and a repeated vertex at (1,0): still 2 edges, distance A→C 2U
    const e = createNetworkEngine([road('r1', [0, 0], [1, 0], [1, 0], [2, 0]), road('r1-copy', [2, 0], [1, 0], [0, 0])], { snapDistance: 50 });
    expect(e.stats).toMatchObject({ nodes: 3, edges: 2, segments: 5, duplicateSegments: 2, zeroLengthSegments: 1 });
    const p = e.pairs({ demand: [P(2, 0)], supply: [P(0, 0)], maxDistance: 1000 });
    expect(row(p, 0)[0][1]).toBeCloseTo(2 * U, 6);
  });

  it('takes the shorter of two routes around a block', () => {
    // square block (0,0)-(2,0)-(2,1)-(0,1) with a side street (1,0)-(1,1):
    // from (0,0) to (2,1): 3U either way round; to (1,1): via (1,0) 2U
    const e = createNetworkEngine([road('s', [0, 0], [1, 0], [2, 0], [2, 1], [1, 1], [0, 1], [0, 0]), road('x', [1, 0], [1, 1])], { snapDistance: 10 });
    const p = e.pairs({ demand: [P(2, 1), P(1, 1)], supply: [P(0, 0)], maxDistance: 1000 });
    expect(row(p, 0)[0][1]).toBeCloseTo(3 * U, 6);
    expect(row(p, 1)[0][1]).toBeCloseTo(2 * U, 6);
  });

  it('walks around a closed ring that has no junction at all', () => {
    // ring (0,0)-(1,0)-(1,1)-(0,1)-(0,0), every node of degree 2; supply at (0.5,0), demand at (0.5,1):
    // 0.5U + 1U + 0.5U = 2U either way round; demand at (0.9,0) on the supply's own side: 0.4U
    const e = createNetworkEngine([road('ring', [0, 0], [1, 0], [1, 1], [0, 1], [0, 0])], { snapDistance: 10 });
    expect(e.stats.junctions).toBe(1);
    const p = e.pairs({ demand: [P(0.5, 1), P(0.9, 0)], supply: [P(0.5, 0)], maxDistance: 1000 });
    expect(row(p, 0)[0][1]).toBeCloseTo(2 * U, 6);
    expect(row(p, 1)[0][1]).toBeCloseTo(0.4 * U, 6);
  });

  it('searches on junctions only: shape points are folded into chains', () => {
    // a street with 9 shape points between two dead ends: 11 nodes, 2 junctions, 1 chain
    const e = createNetworkEngine([road('long', ...Array.from({ length: 11 }, (_, i) => [i, 0] as [number, number]))], { snapDistance: 10 });
    expect(e.stats).toMatchObject({ nodes: 11, edges: 10, junctions: 2, chains: 1 });
    // from (2.5,0) to (7.25,0): 4.75U along the one chain
    const p = e.pairs({ demand: [P(7.25, 0)], supply: [P(2.5, 0)], maxDistance: 1000 });
    expect(row(p, 0)[0][1]).toBeCloseTo(4.75 * U, 6);
  });

  it('starts from the best entrance of a community', () => {
    // street (0,0)–(4,0); community point at (4,0.2) but entrances at (1,0.1) and (3,0.1); supply at (0,0).
    // best entrance (1,0.1): 1U + 0.1U = 1.1U (the point itself would be 4.2U)
    const e = createNetworkEngine([road('r', [0, 0], [4, 0])], { snapDistance: 50 });
    const p = e.pairs({ demand: [P(4, 0.2)], demandEntrances: [[P(1, 0.1), P(3, 0.1)]], supply: [P(0, 0)], maxDistance: 1000 });
    expect(row(p, 0)[0][1]).toBeCloseTo(1.1 * U, 6);
  });

  it('never reuses a placement for coordinates that changed in place', () => {
    // demand first at (2,0): 2U from the supply; then the same array edited to (1,0): 1U
    const e = createNetworkEngine([road('r', [0, 0], [2, 0])], { snapDistance: 50 });
    const demand = [P(2, 0)];
    const q = { demand, supply: [P(0, 0)], maxDistance: 1000 };
    expect(row(e.pairs(q), 0)[0][1]).toBeCloseTo(2 * U, 6);
    demand[0][0] = 1 * m;
    expect(row(e.pairs(q), 0)[0][1]).toBeCloseTo(U, 6);
  });

  it('keeps no copy of unchanging packed groups (nor their snapped edges), and still serves their placement to equal coordinates only', () => {
    const { graph } = buildGraph([road('r', [0, 0], [2, 0])]);
    const reach = new NetworkReach(graph, contract(graph), EdgeIndex.build(graph));
    const kept = () => (reach as unknown as { recent: { groups: PackedGroups }[] }).recent;
    // the packing by hand: groups [(1,0)] and [(2,0), (0.5,0)]
    const frozen = unchangingGroups({ start: Uint32Array.from([0, 1, 3]), xy: Float64Array.from([1 * m, 0, 2 * m, 0, 0.5 * m, 0]) });
    const placed = reach.place(frozen, 50);
    expect(kept()[0].groups).toBe(frozen); // a copy would be 16 bytes a way out
    // nor the edge and fraction each point was snapped to (its place on the chain is `pos`), nor its
    // walks to the chain's ends (worked out from leg and pos when read)
    expect(Object.keys(placed).filter((k) => ['edge', 't', 'toA', 'toB'].includes(k))).toEqual([]);
    expect(placed.pos[0]).toBeGreaterThan(0);
    expect(placed.owner).toEqual(Uint32Array.from([0, 1, 1]));
    expect(reach.place(frozen, 50)).toBe(placed);
    // equal coordinates as arrays are served the same placement; a changed one or one more point is not
    expect(reach.place([[P(1, 0)], [P(2, 0), P(0.5, 0)]], 50)).toBe(placed);
    expect(reach.place([[P(1, 0)], [P(2, 0), P(0.6, 0)]], 50)).not.toBe(placed);
    expect(reach.place([[P(1, 0)], [P(2, 0), P(0.5, 0)], [P(1, 0)]], 50)).not.toBe(placed);
    expect(reach.place([[P(1, 0)], [P(2, 0)]], 50)).not.toBe(placed);
    // groups given as arrays (which may change) are kept packed, to compare
    reach.place([[P(1.5, 0)]], 50);
    expect(kept()[0].groups).toEqual({ start: Uint32Array.from([0, 1]), xy: Float64Array.from([1.5 * m, 0]) });
    // a point that is not a number is not placed, and its owner is unplaced
    const bad = reach.place([[P(1, 0)], [['x', 0] as unknown as LonLat], [[Number.NaN, 0]]], 50);
    expect(bad.unplaced).toEqual([1, 2]);
    expect(bad.invalid).toEqual([
      [1, 0],
      [2, 0],
    ]);
  });

  it('places points outside the network’s bounding box when a street is within the snap distance', () => {
    // street (0,0)–(2,0); a demand 3U = 333.6 m west of its end and one 3U north of its middle,
    // both within snapDistance 500 m: walks from a supply at (2,0) are 2U + 3U and 1U + 3U
    const e = createNetworkEngine([road('r', [0, 0], [1, 0], [2, 0])], { snapDistance: 500 });
    const p = e.pairs({ demand: [P(-3, 0), P(1, 3)], supply: [P(2, 0)], maxDistance: 10_000 });
    expect(row(p, 0)[0][1]).toBeCloseTo(5 * U, 6);
    expect(row(p, 1)[0][1]).toBeCloseTo(4 * U, 6);
    expect(e.snap(P(-5, 0))).toBeNull(); // 556 m away
  });

  it('gives each facility the communities nearest to it (catchments), within a distance if asked', () => {
    // street x = 0..10; facilities at x=0 and x=10; communities at x = 2, 4, 6, 9:
    // 2 and 4 are nearer to x=0 (2U, 4U vs 8U, 6U), 6 and 9 nearer to x=10 (4U, 1U)
    const e = createNetworkEngine([road('r', [0, 0], [5, 0], [10, 0])], { snapDistance: 50 });
    const q = { demand: [P(2, 0), P(4, 0), P(6, 0), P(9, 0)], supply: [P(0, 0), P(10, 0)] };
    expect(e.catchments(q)).toEqual([
      [0, 1],
      [2, 3],
    ]);
    // within 3U = 333.6 m only x=2 (2U) and x=9 (1U) have a facility
    expect(e.catchments({ ...q, maxDistance: 3 * U })).toEqual([[0], [3]]);
    const near = e.nearest({ ...q, n: 2 });
    // x=6: nearest x=10 at 4U, then x=0 at 6U
    expect([near.supply[4], near.supply[5]]).toEqual([1, 0]);
    expect(near.distance[4]).toBeCloseTo(4 * U, 6);
    expect(near.distance[5]).toBeCloseTo(6 * U, 6);
  });

  it('reports points beyond the snap distance instead of dropping them', () => {
    // demand 1 and supply 1 are 10U ≈ 1.1 km north of the only street; snapDistance 500 m
    const e = createNetworkEngine([road('r', [0, 0], [2, 0])], { snapDistance: 500 });
    const p = e.pairs({ demand: [P(1, 0), P(1, 10)], supply: [P(0, 0), P(2, 10)], maxDistance: 10_000 });
    expect(p.unplacedDemand).toEqual([1]);
    expect(p.unplacedSupply).toEqual([1]);
    expect(p.offsets).toEqual(Uint32Array.from([0, 1, 1]));
  });

  it('names the road, its position and the vertex when a geometry is bad, and keeps the rest', () => {
    const bad: Road = {
      id: 'broken',
      geometry: {
        type: 'LineString',
        coordinates: [
          [0, 0],
          [Number.NaN, 0],
          [0.001, 0.001],
        ],
      },
    };
    const none = { id: 'none', geometry: null } as unknown as Road;
    const e = createNetworkEngine([road('ok', [0, 0], [1, 0]), bad, none], { snapDistance: 50 });
    expect(e.issues).toHaveLength(2);
    expect(e.issues[0]).toMatchObject({ layer: 'roads', index: 1, id: 'broken', field: 'geometry', msg: { key: 'net.road.vertex', args: { vertex: 1 } } });
    expect(e.issues[1]).toMatchObject({ layer: 'roads', index: 2, id: 'none', msg: { key: 'net.road.geometry' } });
    expect(e.stats.edges).toBe(1);
  });

  it('rejects an invalid snap distance or walking limit with a clear message', () => {
    expect(() => createNetworkEngine([], { snapDistance: -1 })).toThrow(/snapDistance must be a finite number of metres/);
    const e = createNetworkEngine([road('r', [0, 0], [1, 0])], { snapDistance: 50 });
    expect(() => e.pairs({ demand: [], supply: [], maxDistance: Number.NaN })).toThrow(/maxDistance must be a finite number of metres ≥ 0, got NaN/);
    expect(() => e.nearest({ demand: [], supply: [], n: 1, maxDistance: -5 })).toThrow(/maxDistance must be a number of metres ≥ 0, got -5/);
    expect(() => e.nearest({ demand: [], supply: [], n: 0 })).toThrow(/n must be an integer from 1 to 255, got 0/);
  });
});
