// Snapping to the nearest street segment: the grid search (rings of cells, cells farther than the
// best so far skipped) against scanning every segment of a small synthetic city, for the ways out
// of its communities, points on its junctions (distance 0 to several segments: the lowest segment
// wins) and points scattered over and beyond it. Same segment, same foot, same leg, same misses.
import { describe, expect, it } from 'vitest';
import { generateBenchCity } from '../../scripts/bench-city/city';
import { representativePoint } from '../../src/core/geo';
import { accessPoints } from '../../src/core/reach/community-reach';
import { haversine, metresPerDegree } from '../../src/core/reach/network/geodesy';
import { buildGraph, type StreetGraph } from '../../src/core/reach/network/graph';
import { EdgeIndex, type Snap } from '../../src/core/reach/network/snap';
import type { LonLat } from '../../src/core/reach/types';
import { rng } from './reference';

const SNAP = 150;

/** every segment measured: the perpendicular foot in the plane local to the point, the lowest segment on a tie */
function scanAll(g: StreetGraph, [lon, lat]: LonLat, maxDistance: number): Snap | null {
  const { x: lx, y: ly } = metresPerDegree(lat);
  let best = -1;
  let bestD = Infinity;
  let bestT = 0;
  for (let e = 0; e < g.edgeCount; e++) {
    const a = g.edgeA[e];
    const b = g.edgeB[e];
    const ax = (g.lon[a] - lon) * lx;
    const ay = (g.lat[a] - lat) * ly;
    const dx = (g.lon[b] - g.lon[a]) * lx;
    const dy = (g.lat[b] - g.lat[a]) * ly;
    const len2 = dx * dx + dy * dy;
    const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2));
    const fx = ax + t * dx;
    const fy = ay + t * dy;
    const d = Math.sqrt(fx * fx + fy * fy);
    if (d < bestD) [best, bestD, bestT] = [e, d, t];
  }
  if (best < 0) return null;
  const a = g.edgeA[best];
  const b = g.edgeB[best];
  const leg = haversine(lon, lat, g.lon[a] + bestT * (g.lon[b] - g.lon[a]), g.lat[a] + bestT * (g.lat[b] - g.lat[a]));
  return leg <= maxDistance ? { edge: best, t: bestT, leg } : null;
}

describe('snapping: the grid search equals scanning every segment', () => {
  const city = generateBenchCity({ seed: 11, communities: 160, facilities: 10, roadNodes: 6_000, streets: 3 });
  const { graph } = buildGraph(city.roads);
  const index = EdgeIndex.build(graph);
  const ways = city.communities.flatMap((c) => accessPoints({ point: representativePoint(c.geometry), geometry: c.geometry }).points);
  const junctions = Array.from({ length: 300 }, (_, k): LonLat => {
    const i = (k * 7919) % graph.nodeCount;
    return [graph.lon[i], graph.lat[i]];
  });
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (let i = 0; i < graph.nodeCount; i++) [w, s, e, n] = [Math.min(w, graph.lon[i]), Math.min(s, graph.lat[i]), Math.max(e, graph.lon[i]), Math.max(n, graph.lat[i])];
  const r = rng(5);
  // over the city and a margin beyond it on every side (some farther than the snap distance from any street)
  const scattered = Array.from({ length: 400 }, (): LonLat => [w - 0.01 + r() * (e - w + 0.02), s - 0.01 + r() * (n - s + 0.02)]);

  for (const [name, points] of [
    ['ways out of the communities', ways],
    ['points on junctions', junctions],
    ['points over and beyond the city', scattered],
  ] as const) {
    it(name, () => {
      const got = points.map((p) => index.snap(p[0], p[1], SNAP));
      const want = points.map((p) => scanAll(graph, p, SNAP));
      expect(got).toEqual(want);
      expect(want.filter((x) => x !== null).length).toBeGreaterThan(points === scattered ? 50 : points.length - 1);
    });
  }

  it('the instance has misses and ties: points beyond the snap distance, junctions on several segments', () => {
    expect(scattered.some((p) => scanAll(graph, p, SNAP) === null)).toBe(true);
    const sharedJunction = junctions.filter((p) => {
      let on = 0;
      for (let k = 0; k < graph.edgeCount; k++) {
        const a = graph.edgeA[k];
        const b = graph.edgeB[k];
        if ((graph.lon[a] === p[0] && graph.lat[a] === p[1]) || (graph.lon[b] === p[0] && graph.lat[b] === p[1])) on++;
      }
      return on >= 2;
    });
    expect(sharedJunction.length).toBeGreaterThan(100);
  });
});
