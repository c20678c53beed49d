// The engine against an independent reference (Vincenty lengths, try-every-edge snapping,
// Floyd–Warshall) on random street plans with duplicates, zero-length segments, crossings
// without shared vertices, isolated nodes and disconnected parts.
import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../src/core/reach/network/graph';
import { contract } from '../../src/core/reach/network/chains';
import { nodeDistances, NetworkReach } from '../../src/core/reach/network/reach';
import { EdgeIndex } from '../../src/core/reach/network/snap';
import { createNetworkEngine } from '../../src/core/reach/network-engine';
import type { LonLat } from '../../src/core/reach/types';
import { randomPlan, randomPoints, ReferenceNetwork, rng } from './reference';

const SNAP = 120;
const MAX = 600;

function referencePairs(ref: ReferenceNetwork, demand: LonLat[], supply: LonLat[], max: number): Map<string, number> {
  const out = new Map<string, number>();
  const ss = supply.map((p) => ref.snap(p, SNAP));
  demand.forEach((p, d) => {
    const ds = ref.snap(p, SNAP);
    if (!ds) return;
    ss.forEach((s, j) => {
      if (!s) return;
      const dist = ref.between(s, ds);
      if (dist <= max) out.set(`${d}:${j}`, dist);
    });
  });
  return out;
}

describe('network distances against a brute-force reference', () => {
  for (let seed = 1; seed <= 25; seed++) {
    it(`random plan ${seed}: same pairs and distances (1e-9 relative)`, () => {
      const { roads, bbox } = randomPlan(seed);
      const r = rng(seed * 7919);
      const demand = randomPoints(r, 30, bbox);
      const supply = randomPoints(r, 6, bbox);
      const engine = createNetworkEngine(roads, { snapDistance: SNAP });
      const ref = new ReferenceNetwork(roads);
      const got = engine.pairs({ demand, supply, maxDistance: MAX });
      const want = referencePairs(ref, demand, supply, MAX);
      const gotMap = new Map<string, number>();
      for (let d = 0; d < demand.length; d++) for (let k = got.offsets[d]; k < got.offsets[d + 1]; k++) gotMap.set(`${d}:${got.supply[k]}`, got.distance[k]);
      // pairs within a micrometre of the cutoff may fall either side through rounding; ignore them
      const near = (v: number): boolean => Math.abs(v - MAX) < 1e-6;
      for (const [k, v] of want) if (!near(v)) expect(gotMap.get(k), k).toBeDefined();
      for (const [k, v] of gotMap) {
        if (near(v)) continue;
        const w = want.get(k);
        expect(w, k).toBeDefined();
        expect(Math.abs(v - (w as number)) / Math.max(1, w as number), k).toBeLessThan(1e-9);
      }
      // unplaced points are the ones the reference could not snap either
      expect(got.unplacedDemand).toEqual(demand.flatMap((p, i) => (ref.snap(p, SNAP) ? [] : [i])));
      expect(got.unplacedSupply).toEqual(supply.flatMap((p, i) => (ref.snap(p, SNAP) ? [] : [i])));
      // rows are sorted by distance
      for (let d = 0; d < demand.length; d++) for (let k = got.offsets[d] + 1; k < got.offsets[d + 1]; k++) expect(got.distance[k]).toBeGreaterThanOrEqual(got.distance[k - 1]);
    });
  }

  for (let seed = 1; seed <= 10; seed++) {
    it(`random plan ${seed}: the nearest and the two nearest facilities match the reference`, () => {
      const { roads, bbox } = randomPlan(seed + 100);
      const r = rng(seed * 104729);
      const demand = randomPoints(r, 20, bbox);
      const supply = randomPoints(r, 5, bbox);
      const engine = createNetworkEngine(roads, { snapDistance: SNAP });
      const ref = new ReferenceNetwork(roads);
      const ss = supply.map((p) => ref.snap(p, SNAP));
      for (const n of [1, 2]) {
        const got = engine.nearest({ demand, supply, n });
        demand.forEach((p, d) => {
          const ds = ref.snap(p, SNAP);
          const dists = ss
            .map((s, j) => [j, s && ds ? ref.between(s, ds) : Infinity] as const)
            .filter(([, v]) => v < Infinity)
            .sort((a, b) => a[1] - b[1]);
          for (let k = 0; k < n; k++) {
            const want = dists[k];
            if (!want) {
              expect(got.supply[d * n + k]).toBe(-1);
              continue;
            }
            expect(Math.abs(got.distance[d * n + k] - want[1]) / Math.max(1, want[1])).toBeLessThan(1e-9);
          }
        });
      }
    });
  }

  for (let seed = 1; seed <= 10; seed++) {
    it(`random plan ${seed}: node-to-node distances through the contracted graph equal Floyd–Warshall`, () => {
      const { roads } = randomPlan(seed + 200, 7);
      const { graph } = buildGraph(roads);
      const reach = new NetworkReach(graph, contract(graph), EdgeIndex.build(graph));
      const ref = new ReferenceNetwork(roads);
      const refIndex = new Map(ref.nodes.map((p, i) => [`${p[0]},${p[1]}`, i]));
      const n = ref.nodes.length;
      let finite = 0;
      for (let s = 0; s < graph.nodeCount; s++) {
        const rs = refIndex.get(`${graph.lon[s]},${graph.lat[s]}`) as number;
        const got = nodeDistances(reach, s, Infinity);
        for (let v = 0; v < graph.nodeCount; v++) {
          const want = ref.D[rs * n + (refIndex.get(`${graph.lon[v]},${graph.lat[v]}`) as number)];
          if (want === Infinity) expect(got[v]).toBe(Infinity);
          else {
            finite++;
            expect(Math.abs(got[v] - want) / Math.max(1, want)).toBeLessThan(1e-9);
          }
        }
      }
      expect(finite).toBeGreaterThan(graph.nodeCount);
    });
  }
});
