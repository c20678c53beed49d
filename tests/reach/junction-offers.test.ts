// The walks of a network search to point groups with metres added per point (a community's ways out
// and its walk inside to each: NetworkReach.bySupply, reachFrom). The search offers each junction's
// points pruned (core/reach/network/offers.ts: a point another point of its owner at that junction
// beats in both the walk to the junction and its extra metres is left out). Checked against the
// straightforward path written here from the placement's pieces — every placed point at every
// reached junction offered, and on the facility's own chain — on street networks of the synthetic
// city: the same communities, in the same order, at the same metres to the bit, for each facility;
// with ties (points repeated, equal extras), without extra metres, and with the offers kept.
import type { MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { generateBenchCity } from '../../scripts/bench-city/city';
import { mulberry32 } from '../../scripts/demo/prng';
import { contract } from '../../src/core/reach/network/chains';
import { Dijkstra } from '../../src/core/reach/network/dijkstra';
import { buildGraph } from '../../src/core/reach/network/graph';
import { junctionOffers } from '../../src/core/reach/network/offers';
import { packGroups, place, sameChainDistance, seedsOf, toEnd, toStart, type PointGroups } from '../../src/core/reach/network/placement';
import { NetworkReach, type SupplyReach } from '../../src/core/reach/network/reach';
import { EdgeIndex } from '../../src/core/reach/network/snap';
import { unchangingNumbers } from '../../src/core/reach/network/unchanging';
import type { LonLat } from '../../src/core/reach/types';

const SNAP = 150;
const MAX = 810;

/** every facility's reach as the straightforward path finds it: the owners in the order first reached */
function straightforward(reach: NetworkReach, demandGroups: PointGroups, extra: ArrayLike<number> | null, supplyGroups: PointGroups): SupplyReach[] {
  const cg = reach.chains;
  const demand = place(reach.graph, cg, reach.index, packGroups(demandGroups), SNAP, true);
  const supply = place(reach.graph, cg, reach.index, packGroups(supplyGroups), SNAP, false);
  const atJunction: [number, number][][] = Array.from({ length: cg.nodeCount }, () => []);
  for (let q = 0; q < demand.owner.length; q++) {
    atJunction[cg.chainStart[demand.chain[q]]].push([q, toStart(demand, q)]);
    atJunction[cg.chainEnd[demand.chain[q]]].push([q, toEnd(cg, demand, q)]);
  }
  const ex = (q: number) => (extra ? extra[demand.point[q]] : 0);
  const dj = new Dijkstra(cg);
  return supplyGroups.map((_, j) => {
    const best = new Map<number, number>();
    const offer = (o: number, d: number) => {
      if (d > MAX) return;
      if (!best.has(o) || d < (best.get(o) as number)) best.set(o, best.has(o) ? Math.min(d, best.get(o) as number) : d);
    };
    const points: number[] = [];
    for (let p = supply.ownerStart[j]; p < supply.ownerStart[j + 1]; p++) points.push(p);
    if (points.length === 0) return { demand: new Uint32Array(0), distance: new Float64Array(0) };
    const seeds = seedsOf(cg, supply, points);
    dj.run(seeds.node, seeds.dist, seeds.label, MAX);
    for (let i = 0; i < dj.touchedCount; i++) {
      const u = dj.touched[i];
      for (const [q, c] of atJunction[u]) offer(demand.owner[q], extra ? ex(q) + (dj.dist[u] + c) : dj.dist[u] + c);
    }
    for (const p of points)
      for (let q = 0; q < demand.owner.length; q++)
        if (demand.chain[q] === supply.chain[p]) {
          const d = sameChainDistance(supply, p, demand, q);
          offer(demand.owner[q], extra ? ex(q) + d : d);
        }
    return { demand: Uint32Array.from(best.keys()), distance: Float64Array.from(best.values()) };
  });
}

function instance(seed: number) {
  const city = generateBenchCity({ seed, communities: 60, facilities: 50, roadNodes: 3_000, streets: 2 });
  const { graph } = buildGraph(city.roads);
  const reach = new NetworkReach(graph, contract(graph), EdgeIndex.build(graph));
  const rng = mulberry32(seed);
  // groups of 1–12 points around each community's first vertex, some repeated (ties), a few far off
  const groups: LonLat[][] = city.communities.map((c) => {
    const g = c.geometry as Polygon | MultiPolygon;
    const v = (g.type === 'Polygon' ? g.coordinates[0][0] : g.coordinates[0][0][0]) as LonLat;
    const pts: LonLat[] = [];
    const n = 1 + Math.floor(rng() * 12);
    for (let k = 0; k < n; k++) {
      if (k > 0 && rng() < 0.2) pts.push([...pts[Math.floor(rng() * pts.length)]] as LonLat);
      else pts.push([v[0] + (rng() - 0.5) * 0.004, v[1] + (rng() - 0.5) * 0.004]);
    }
    if (rng() < 0.05) pts.push([v[0] + 1, v[1]]);
    return pts;
  });
  const total = groups.reduce((s, g) => s + g.length, 0);
  // metres added per point: some equal (ties), some 0
  const extra = Float64Array.from({ length: total }, () => (rng() < 0.2 ? 40 : rng() < 0.1 ? 0 : rng() * 300));
  const supply: PointGroups = city.facilities.map((f) => [f.geometry.coordinates as LonLat]);
  return { reach, groups, extra, supply };
}

describe('a search offers each junction’s points pruned', () => {
  for (const seed of [3, 17, 40]) {
    it(`reaches the same owners, in the same order, at the same metres as every point offered (city ${seed})`, () => {
      const { reach, groups, extra, supply } = instance(seed);
      const want = straightforward(reach, groups, extra, supply);
      expect(want.reduce((s, r) => s + r.demand.length, 0)).toBeGreaterThan(100);
      expect(reach.bySupply(groups, extra, supply, MAX, SNAP).perSupply).toEqual(want);
      // the offers kept for an unchanging extra serve a second search alike
      const kept = unchangingNumbers(Float64Array.from(extra));
      expect(reach.bySupply(groups, kept, supply, MAX, SNAP).perSupply).toEqual(want);
      expect(reach.bySupply(groups, kept, supply, MAX, SNAP).perSupply).toEqual(want);
      // no extra metres
      expect(reach.bySupply(groups, null, supply, MAX, SNAP).perSupply).toEqual(straightforward(reach, groups, null, supply));
      // a plain array changed by its caller between two searches: the second sees the new metres
      // (its offers are made once a search, not kept from the one before)
      const plain = Float64Array.from(extra);
      expect(reach.bySupply(groups, plain, supply, MAX, SNAP).perSupply).toEqual(want);
      for (let i = 0; i < plain.length; i += 3) plain[i] += 150;
      expect(reach.bySupply(groups, plain, supply, MAX, SNAP).perSupply).toEqual(straightforward(reach, groups, plain, supply));
    });
  }

  it('leaves out the points beaten at a junction, and only those (worked by hand)', () => {
    // one owner, four points at a junction: (walk, extra) = (10, 5) (12, 4) (12, 6) (10, 5) and another owner's (1, 1)
    const { reach } = instance(3);
    const cg = reach.chains;
    const c = 0;
    const j = cg.chainStart[c];
    const len = cg.chainLength[c];
    // placed points on chain 0 at `pos` from its start with no leg: the walk to the start junction is pos
    const pos = [10, 12, 12, 10, 1].map((x) => Math.min(x, len / 4));
    const pl = {
      owner: Uint32Array.from([0, 0, 0, 0, 1]),
      leg: new Float64Array(5),
      chain: new Uint32Array(5).fill(c),
      pos: Float64Array.from(pos),
      point: Uint32Array.from([0, 1, 2, 3, 4]),
      ownerStart: Uint32Array.from([0, 4, 5]),
      unplaced: [],
      invalid: [],
      byChainStart: new Uint32Array(1),
      byChainItem: new Uint32Array(0),
    };
    const o = junctionOffers(cg, pl, Float64Array.from([5, 4, 6, 5, 1]));
    const at = Array.from({ length: o.start[j + 1] - o.start[j] }, (_, k) => [o.owner[o.start[j] + k], o.cost[o.start[j] + k], (o.extra as Float64Array)[o.start[j] + k]]);
    // (12, 6) is beaten by (10, 5); the second (10, 5) by the first; (12, 4) beats none and is beaten by none
    expect(at).toEqual([
      [0, pos[0], 5],
      [0, pos[1], 4],
      [1, pos[4], 1],
    ]);
  });
});
