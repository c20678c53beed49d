// "Does this straight walk cross a street?" through the grid of cells (crossing.ts) against the
// plain answer: every edge of the graph tried. Random street plans (crossings without shared
// vertices, duplicates, zero-length segments, a long diagonal), and a plan of streets on exact grid
// lines, where cell lines and streets coincide; the walks touch vertices, run along streets, stand
// still, and leave the streets' extent.
import { describe, expect, it } from 'vitest';
import type { Road } from '../../src/core/model';
import { buildGraph, type StreetGraph } from '../../src/core/reach/network/graph';
import { segmentsTouch, streetCrossing } from '../../src/core/reach/network/crossing';
import type { LonLat } from '../../src/core/reach/types';
import { square } from '../core/scenario/fixtures';
import { randomPlan, rng } from './reference';

function everyEdge(g: StreetGraph, p: LonLat, q: LonLat): boolean {
  for (let e = 0; e < g.edgeCount; e++) {
    const a = g.edgeA[e];
    const b = g.edgeB[e];
    if (segmentsTouch(p[0], p[1], q[0], q[1], g.lon[a], g.lat[a], g.lon[b], g.lat[b])) return true;
  }
  return false;
}

/** walks of every awkward kind over a graph: random, node to node, along edges, axis-parallel, still */
function walks(g: StreetGraph, bbox: [number, number, number, number], seed: number): [LonLat, LonLat][] {
  const r = rng(seed);
  const [w, s, e, n] = bbox;
  const pad = (e - w) * 0.2;
  const anywhere = (): LonLat => [w - pad + r() * (e - w + 2 * pad), s - pad + r() * (n - s + 2 * pad)];
  const node = (): LonLat => {
    const i = Math.floor(r() * g.nodeCount);
    return [g.lon[i], g.lat[i]];
  };
  const out: [LonLat, LonLat][] = [];
  for (let k = 0; k < 150; k++) {
    const p = anywhere();
    const len = r() < 0.5 ? 0.0003 : 0.003;
    out.push([p, [p[0] + (r() - 0.5) * len, p[1] + (r() - 0.5) * len]]);
  }
  for (let k = 0; k < 60; k++) out.push([node(), anywhere()], [anywhere(), node()], [node(), node()]);
  for (let k = 0; k < 60 && g.edgeCount > 0; k++) {
    const ed = Math.floor(r() * g.edgeCount);
    const a: LonLat = [g.lon[g.edgeA[ed]], g.lat[g.edgeA[ed]]];
    const b: LonLat = [g.lon[g.edgeB[ed]], g.lat[g.edgeB[ed]]];
    const t = r();
    const mid: LonLat = [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];
    out.push([a, b], [mid, anywhere()], [anywhere(), mid]);
  }
  for (let k = 0; k < 40; k++) {
    const p = anywhere();
    const q = anywhere();
    out.push([p, [p[0], q[1]]], [p, [q[0], p[1]]], [p, p]);
  }
  return out;
}

function agree(roads: Road[], bbox: [number, number, number, number], seed: number): { crossing: number; clear: number } {
  const g = buildGraph(roads).graph;
  const crosses = streetCrossing(g);
  let crossing = 0;
  let clear = 0;
  for (const [p, q] of walks(g, bbox, seed)) {
    const want = everyEdge(g, p, q);
    expect(crosses(p, q), `walk ${p} → ${q}`).toBe(want);
    expect(crosses(q, p), `walk ${q} → ${p}`).toBe(want);
    if (want) crossing++;
    else clear++;
  }
  return { crossing, clear };
}

describe('street crossing through the grid of cells', () => {
  for (let seed = 1; seed <= 20; seed++) {
    it(`random plan ${seed}: the same answer as trying every edge`, () => {
      const { roads, bbox } = randomPlan(seed, seed % 2 ? 6 : 14);
      const n = agree(roads, bbox, seed * 31);
      // both answers occur, so the comparison means something
      expect(n.crossing).toBeGreaterThan(20);
      expect(n.clear).toBeGreaterThan(20);
    });
  }

  it('streets on exact grid lines (cell lines and streets coincide): the same answer', () => {
    const roads: Road[] = [];
    for (let i = 0; i <= 10; i++) {
      roads.push({
        id: `v${i}`,
        geometry: {
          type: 'LineString',
          coordinates: [
            [108 + i / 1000, 34],
            [108 + i / 1000, 34.01],
          ],
        },
      });
      roads.push({
        id: `h${i}`,
        geometry: {
          type: 'LineString',
          coordinates: [
            [108, 34 + i / 1000],
            [108.01, 34 + i / 1000],
          ],
        },
      });
    }
    const n = agree(roads, [108, 34, 108.01, 34.01], 7);
    expect(n.crossing).toBeGreaterThan(20);
    expect(n.clear).toBeGreaterThan(20);
  });

  it('by hand: a walk inside one block crosses nothing; across a street, or ending on it, it crosses', () => {
    // a street all round the unit square
    const ring: Road = { id: 'sq', geometry: { type: 'LineString', coordinates: square(0, 0, 1).coordinates[0] } };
    const crosses = streetCrossing(buildGraph([ring]).graph);
    expect(crosses([0.2, 0.2], [0.8, 0.7])).toBe(false);
    expect(crosses([0.5, 0.5], [1.5, 0.5])).toBe(true);
    expect(crosses([0.5, 0.5], [1, 0.5])).toBe(true); // ends on the kerb
    expect(crosses([2, 2], [3, 3])).toBe(false); // beyond every street
  });

  it('no streets: nothing is crossed', () => {
    expect(streetCrossing(buildGraph([]).graph)([0, 0], [1, 1])).toBe(false);
  });
});
