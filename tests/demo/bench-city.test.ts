// The synthetic large city for benchmarks (scripts/bench-city), checked on a small instance with
// brute-force geometry written here, independent of the generator and of src/core.
import type { Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { generateBenchCity } from '../../scripts/bench-city/city';
import { projectToJson } from '../../src/schemas';
import { parseProject } from '../../src/schemas';

const OPTS = { seed: 7, communities: 240, facilities: 150, roadNodes: 8_000, streets: 4 };
const city = generateBenchCity(OPTS);

/** do segments ab and cd cross (touching at a shared end point does not count) */
function cross(a: Position, b: Position, c: Position, d: Position): boolean {
  const o = (p: Position, q: Position, r: Position) => Math.sign((q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]));
  return o(a, b, c) * o(a, b, d) < 0 && o(c, d, a) * o(c, d, b) < 0;
}

function selfCrossings(ring: Position[]): number {
  let n = 0;
  const m = ring.length - 1; // closed ring: last = first
  for (let i = 0; i < m; i++)
    for (let j = i + 2; j < m; j++) {
      if (i === 0 && j === m - 1) continue; // neighbours through the closing point
      if (cross(ring[i], ring[i + 1], ring[j], ring[j + 1])) n++;
    }
  return n;
}

function inside(ring: Position[], p: Position): boolean {
  let k = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) k = !k;
  }
  return k;
}

const outerRings = (g: Polygon | { type: 'MultiPolygon'; coordinates: Position[][][] }): Position[][] =>
  g.type === 'Polygon' ? [g.coordinates[0]] : g.coordinates.map((p) => p[0]);

describe('bench city generator', () => {
  it('has the counts asked for', () => {
    expect(city.communities).toHaveLength(240);
    expect(city.facilities).toHaveLength(150);
    expect(city.streets).toHaveLength(4);
    // distinct coordinates over all roads, counted here
    const nodes = new Set(city.roads.flatMap((r) => (r.geometry.coordinates as Position[]).map((p) => `${p[0]},${p[1]}`)));
    expect(nodes.size).toBeGreaterThan(8_000 * 0.99);
    expect(nodes.size).toBeLessThanOrEqual(8_000);
  });

  it('draws outlines of 50–2,000 vertices and street boundaries of 10k–50k', () => {
    const vertices = city.communities.map((c) => (c.geometry as Polygon).coordinates[0].length - 1);
    expect(Math.min(...vertices)).toBeGreaterThanOrEqual(50);
    expect(Math.max(...vertices)).toBeLessThanOrEqual(2000);
    expect(new Set(vertices).size).toBeGreaterThan(50); // not one shape repeated
    for (const s of city.streets) {
      const n = outerRings(s.geometry as Polygon).reduce((k, r) => k + r.length - 1, 0);
      expect(n).toBeGreaterThanOrEqual(9_500);
      expect(n).toBeLessThanOrEqual(52_000);
    }
  });

  it('is the same city for the same seed and another for another seed', () => {
    expect(JSON.stringify(generateBenchCity(OPTS))).toBe(JSON.stringify(city));
    expect(JSON.stringify(generateBenchCity({ ...OPTS, seed: 8 }).communities[0].geometry)).not.toBe(JSON.stringify(city.communities[0].geometry));
  });

  it('has no square grid: roads run in every direction and blocks differ in size', () => {
    const bins = new Array(18).fill(0); // road segment directions in 10° bins over 0–180°
    for (const r of city.roads) {
      const c = r.geometry.coordinates as Position[];
      for (let i = 1; i < c.length; i++) {
        const a = (Math.atan2(c[i][1] - c[i - 1][1], (c[i][0] - c[i - 1][0]) * Math.cos((34.6 * Math.PI) / 180)) * 180) / Math.PI;
        bins[Math.floor((((a % 180) + 180) % 180) / 10) % 18]++;
      }
    }
    const total = bins.reduce((s, b) => s + b, 0);
    expect(Math.max(...bins) / total).toBeLessThan(0.15); // a square grid puts half in one bin
    const areas = city.communities.map((c) => {
      const r = (c.geometry as Polygon).coordinates[0];
      let s = 0;
      for (let i = 1; i < r.length; i++) s += r[i - 1][0] * r[i][1] - r[i][0] * r[i - 1][1];
      return Math.abs(s / 2);
    });
    const mean = areas.reduce((s, a) => s + a, 0) / areas.length;
    const sd = Math.sqrt(areas.reduce((s, a) => s + (a - mean) ** 2, 0) / areas.length);
    expect(sd / mean).toBeGreaterThan(0.2);
  });

  it('draws simple outlines, each inside its own street and crossed by no road', () => {
    const streets = new Map(city.streets.map((s) => [s.id, outerRings(s.geometry as Polygon)]));
    const segs = city.roads.flatMap((r) => {
      const c = r.geometry.coordinates as Position[];
      return c.slice(1).map((p, i) => [c[i], p] as const);
    });
    for (const c of city.communities) {
      const ring = (c.geometry as Polygon).coordinates[0];
      expect(selfCrossings(ring), c.id).toBe(0);
      const own = streets.get(c.street as string) ?? [];
      // street rings have 10k+ vertices: four points of each outline are enough to tell the street
      const probes = [0, 1, 2, 3].map((q) => ring[Math.floor((q * (ring.length - 1)) / 4)]);
      expect(
        probes.every((p) => own.some((r) => inside(r, p))),
        `${c.id} in ${c.street}`,
      ).toBe(true);
      const xs = ring.map((p) => p[0]);
      const ys = ring.map((p) => p[1]);
      const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
      const near = segs.filter(([a, b]) => Math.max(a[0], b[0]) >= x0 && Math.min(a[0], b[0]) <= x1 && Math.max(a[1], b[1]) >= y0 && Math.min(a[1], b[1]) <= y1);
      let crossed = 0;
      for (let i = 1; i < ring.length; i++) for (const [a, b] of near) if (cross(ring[i - 1], ring[i], a, b)) crossed++;
      expect(crossed, `${c.id} crossed by roads`).toBe(0);
    }
  });

  it('places every facility inside the community it names', () => {
    const byId = new Map(city.communities.map((c) => [c.id, (c.geometry as Polygon).coordinates[0]]));
    for (const f of city.facilities) expect(inside(byId.get(f.extra.community as string) ?? [], f.geometry.coordinates as Position), f.id).toBe(true);
  });

  it('opens as a project without a problem', () => {
    const { stats: _stats, ...project } = city;
    const json = JSON.parse(JSON.stringify(projectToJson(project)));
    const parsed = parseProject(json, 'bench-city.json');
    expect(parsed.ok ? [] : parsed.problems).toEqual([]);
  });
});
