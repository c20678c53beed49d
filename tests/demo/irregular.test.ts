// The irregular demo city (scripts/demo/blocks.ts, the default; `--shapes grid` is the old square
// layout): the same story as the square grid (names, codes, residents, facilities), drawn as a town
// of curved streets.
// Geometry is checked by brute force in a local metric frame, independently of the generator.
import type { LineString, Point, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { generateCity } from '../../scripts/demo/city';
import { pointInRing } from '../../src/core/geo';

type XY = [number, number];
const M = 111_195; // metres per degree of latitude
const COS = Math.cos((34.1 * Math.PI) / 180);
const xy = (p: Position): XY => [p[0] * COS * M, p[1] * M];

/** the open ring of a community, metres */
const ringOf = (g: Polygon): XY[] => g.coordinates[0].slice(0, -1).map(xy);

function segmentsCross(a: XY, b: XY, c: XY, d: XY): boolean {
  const o = (p: XY, q: XY, r: XY) => Math.sign((q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]));
  return o(a, b, c) * o(a, b, d) < 0 && o(c, d, a) * o(c, d, b) < 0;
}

/** does any pair of non-adjacent edges cross (brute force, O(n²))? */
function selfCrossing(ring: XY[]): boolean {
  const n = ring.length;
  for (let i = 0; i < n; i++)
    for (let j = i + 2; j < n; j++) {
      if (i === 0 && j === n - 1) continue;
      if (segmentsCross(ring[i], ring[(i + 1) % n], ring[j], ring[(j + 1) % n])) return true;
    }
  return false;
}

function segmentDistance(p: XY, a: XY, b: XY): number {
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
  const l2 = dx * dx + dy * dy;
  const t = l2 > 0 ? Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / l2)) : 0;
  return Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy);
}

const inside = (p: XY, ring: XY[]) => pointInRing(p[0], p[1], ring);

describe('the irregular demo city', () => {
  const grid = generateCity({ seed: 2020, shapes: 'grid' });
  const city = generateCity({ seed: 2020 });
  const urban = city.communities.filter((c) => c.type !== 'rural');
  const rural = city.communities.filter((c) => c.type === 'rural');
  const rings = new Map(city.communities.map((c) => [c.id, ringOf(c.geometry as Polygon)]));
  const roads = city.roads.map((r) => (r.geometry as LineString).coordinates.map(xy));

  it('tells the same story as the square grid: the same 513 names, codes, residents and facilities', () => {
    const story = (cs: typeof city.communities) => cs.map(({ geometry: _g, ...rest }) => rest);
    expect(city.communities).toHaveLength(513);
    expect(story(city.communities)).toEqual(story(grid.communities));
    expect(city.facilities).toEqual(grid.facilities);
    expect(city.streets).toEqual(grid.streets);
    // the planted gaps are the same; G5 (communities outside every 15-minute circle) is measured
    // from each outline's representative point, which moves a little with the outline
    expect(city.gaps.gaps.map((g) => g.id)).toEqual(grid.gaps.gaps.map((g) => g.id));
    for (const g of city.gaps.gaps) {
      const was = grid.gaps.gaps.find((x) => x.id === g.id)?.ids ?? [];
      if (g.id !== 'G5') expect(g.ids, g.id).toEqual(was);
      else expect(g.ids.filter((id) => was.includes(id)).length / was.length).toBeGreaterThan(0.9);
    }
  });

  it('town blocks have 20–200 vertices and villages 30–150, and no outline is a square', () => {
    expect(urban.length).toBeGreaterThan(100);
    expect(rural.length).toBeGreaterThan(100);
    const count = (c: (typeof urban)[number]) => (rings.get(c.id) as XY[]).length;
    for (const c of urban) expect(count(c), c.id).toBeGreaterThanOrEqual(20);
    for (const c of urban) expect(count(c), c.id).toBeLessThanOrEqual(200);
    for (const c of rural) expect(count(c), c.id).toBeGreaterThanOrEqual(30);
    for (const c of rural) expect(count(c), c.id).toBeLessThanOrEqual(150);
    // a spread, not one fixed number
    expect(new Set(urban.map(count)).size).toBeGreaterThan(30);
    // not axis-aligned: few long edges of a town block run within ½° of east–west or north–south
    let edges = 0;
    let aligned = 0;
    for (const c of urban) {
      const r = rings.get(c.id) as XY[];
      r.forEach((p, i) => {
        const q = r[(i + 1) % r.length];
        const [dx, dy] = [Math.abs(q[0] - p[0]), Math.abs(q[1] - p[1])];
        if (Math.hypot(dx, dy) < 20) return; // coordinates are rounded to ≈0.1 m: short edges say little
        edges++;
        if (Math.min(dx, dy) / Math.max(dx, dy) < Math.tan(Math.PI / 360)) aligned++;
      });
    }
    // a square grid would have all of them aligned; corners jittered by tens of metres and curved streets leave a few by chance
    expect(edges).toBeGreaterThan(1000);
    expect(aligned / edges).toBeLessThan(0.15);
  });

  it('every outline is a simple polygon', () => {
    for (const [id, r] of rings) expect(selfCrossing(r), id).toBe(false);
  });

  it('no two communities overlap', () => {
    const list = [...rings.entries()].map(([id, r]) => {
      const xs = r.map((p) => p[0]);
      const ys = r.map((p) => p[1]);
      return { id, r, box: [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)] };
    });
    for (let a = 0; a < list.length; a++)
      for (let b = a + 1; b < list.length; b++) {
        const [A, B] = [list[a], list[b]];
        if (A.box[0] > B.box[2] || B.box[0] > A.box[2] || A.box[1] > B.box[3] || B.box[1] > A.box[3]) continue;
        const pair = `${A.id} ${B.id}`;
        expect(inside(A.r[0], B.r) || inside(B.r[0], A.r), pair).toBe(false);
        const cross = A.r.some((p, i) => B.r.some((q, j) => segmentsCross(p, A.r[(i + 1) % A.r.length], q, B.r[(j + 1) % B.r.length])));
        expect(cross, pair).toBe(false);
      }
  });

  it('every facility stands inside the community it belongs to', () => {
    for (const f of city.facilities) {
      const at = f.extra.community as string;
      expect(inside(xy((f.geometry as Point).coordinates), rings.get(at) as XY[]), `${f.id} in ${at}`).toBe(true);
    }
  });

  it('the streets run between the town blocks: along each block a road within its setback, or a neighbour behind a wall; no road node inside a block', () => {
    const all: [XY, XY][] = roads.flatMap((r) => r.slice(1).map((p, i): [XY, XY] => [r[i], p]));
    const box = (r: XY[], pad: number) => [
      Math.min(...r.map((p) => p[0])) - pad,
      Math.min(...r.map((p) => p[1])) - pad,
      Math.max(...r.map((p) => p[0])) + pad,
      Math.max(...r.map((p) => p[1])) + pad,
    ];
    const touches = (b: number[], pts: XY[]) => pts.some((p) => p[0] >= b[0] && p[0] <= b[2] && p[1] >= b[1] && p[1] <= b[3]);
    let walls = 0;
    for (const c of urban) {
      const r = rings.get(c.id) as XY[];
      // only what is near the block matters (segments are at most 250 m long, so one within 45 m of the outline has an end within 150 m)
      const b = box(r, 150);
      const segs = all.filter((s) => touches(b, s));
      const near = (p: XY, d: number) => segs.some(([s, e]) => segmentDistance(p, s, e) <= d);
      const others = urban.filter((o) => o !== c && touches(b, rings.get(o.id) as XY[])).map((o) => rings.get(o.id) as XY[]);
      let walled = 0;
      for (const p of r) {
        if (near(p, 45)) continue;
        // no street here: then another block is right behind a wall (3 m setback on each side; more at a corner, pulled back by the street's setback)
        const behind = others.some((o) => o.some((q, i) => segmentDistance(p, q, o[(i + 1) % o.length]) <= 25));
        expect(behind, `${c.id} vertex ${p.map(Math.round).join(',')}: no street within 45 m and no neighbour within 25 m`).toBe(true);
        walled++;
      }
      if (walled > 0) walls++;
      // the road keeps its distance: the outline is set back from the centre line
      for (const p of r) expect(near(p, 2), `${c.id}: outline on a road's centre line`).toBe(false);
    }
    // some neighbours share a superblock (a wall, no street between them)
    expect(walls).toBeGreaterThanOrEqual(10);
    const crossed = city.roads.flatMap((road, k) => (urban.some((c) => roads[k].some((p) => inside(p, rings.get(c.id) as XY[]))) ? [road.id] : []));
    expect(crossed).toEqual([]);
  });
});
