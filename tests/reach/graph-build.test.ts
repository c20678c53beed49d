// The street graph built into typed arrays (network/graph.ts buildGraph: hash tables of integer
// pairs for the nodes and the segments seen) against the plain way written here: a Map from the
// rounded coordinates' text to the node, a Set of segments' text, arrays pushed. Random road sets
// with shared and near-shared vertices, segments drawn twice (both ways), zero-length segments,
// multi-lines and broken vertices: the same nodes, edges, lengths, adjacency, issues and counts.
import { describe, expect, it } from 'vitest';
import type { Road } from '../../src/core/model';
import { buildGraph, fromEdges } from '../../src/core/reach/network/graph';
import { isLonLat } from '../../src/core/reach/network/geodesy';
import { randomRoads } from './random-roads';

function plain(roads: readonly Road[]) {
  const node = new Map<string, number>();
  const lon: number[] = [];
  const lat: number[] = [];
  const ea: number[] = [];
  const eb: number[] = [];
  const er: number[] = [];
  const seen = new Set<string>();
  const stats = { roads: roads.length, segments: 0, duplicateSegments: 0, zeroLengthSegments: 0 };
  const issues: unknown[] = [];
  roads.forEach((road, r) => {
    const g = road.geometry as { type: string; coordinates: unknown[] };
    const lines = g.type === 'LineString' ? [g.coordinates] : (g.coordinates as unknown[][]);
    for (const line of lines) {
      let prev = -1;
      line.forEach((pt, v) => {
        if (!Array.isArray(pt) || !isLonLat(pt[0], pt[1])) {
          issues.push({ index: r, vertex: v });
          prev = -1;
          return;
        }
        const key = `${Math.round(pt[0] * 1e7)},${Math.round(pt[1] * 1e7)}`;
        let cur = node.get(key);
        if (cur === undefined) {
          cur = lon.length;
          node.set(key, cur);
          lon.push(pt[0]);
          lat.push(pt[1]);
        }
        if (prev >= 0) {
          stats.segments++;
          const k = `${Math.min(prev, cur)}-${Math.max(prev, cur)}`;
          if (cur === prev) stats.zeroLengthSegments++;
          else if (seen.has(k)) stats.duplicateSegments++;
          else {
            seen.add(k);
            ea.push(prev);
            eb.push(cur);
            er.push(r);
          }
        }
        prev = cur;
      });
    }
  });
  const graph = fromEdges(Float64Array.from(lon), Float64Array.from(lat), Uint32Array.from(ea), Uint32Array.from(eb), Uint32Array.from(er));
  return { graph, stats, issues };
}

describe('the street graph built into typed arrays', () => {
  for (const seed of [1, 2, 3]) {
    it(`equals the plain build (seed ${seed})`, () => {
      const roads = randomRoads(seed, 3_000);
      const want = plain(roads);
      const got = buildGraph(roads);
      expect(got.graph).toEqual(want.graph);
      expect(got.stats).toEqual(want.stats);
      expect(got.issues.map((x) => ({ index: x.index, vertex: (x.msg.args as { vertex?: number }).vertex }))).toEqual(want.issues);
      // the plan exercises what it is about
      expect(want.stats.duplicateSegments).toBeGreaterThan(10);
      expect(want.stats.zeroLengthSegments).toBeGreaterThan(10);
      expect(want.issues.length).toBeGreaterThan(10);
      expect(want.graph.nodeCount).toBeLessThan(1_700); // vertices shared
    });
  }
});
