// The rings traced around a raster's filled cells (service-area.ts, traceRings) against the earlier
// tracer kept below as the reference (a map of edge lists per corner, a set of used edges: the
// same walk, written without the bit masks), and against the cells themselves: the rings' signed
// areas add up to the filled cells' area, and every unit side between a filled and an empty cell
// is on exactly one ring.
import { describe, expect, it } from 'vitest';
import { type Raster, removeSaddles, traceRings } from '../../src/core/reach/network/service-area';
import { rng } from './reference';

/** the earlier tracer (main at 5252110), rings only: the polygons are grouped the same way after it */
function referenceRings(r: Raster): number[][] {
  const { filled, nx, ny, x0, y0, cell } = r;
  const W = nx + 1;
  const at = (i: number, j: number): number => (i < 0 || j < 0 || i >= nx || j >= ny ? 0 : filled[j * nx + i]);
  const out = new Map<number, number[]>();
  const add = (ci: number, cj: number, dir: number): void => {
    const c = cj * W + ci;
    const list = out.get(c);
    if (list) list.push(c * 4 + dir);
    else out.set(c, [c * 4 + dir]);
  };
  for (let j = 0; j < ny; j++)
    for (let i = 0; i < nx; i++) {
      if (!filled[j * nx + i]) continue;
      if (!at(i, j - 1)) add(i, j, 0);
      if (!at(i + 1, j)) add(i + 1, j, 1);
      if (!at(i, j + 1)) add(i + 1, j + 1, 2);
      if (!at(i - 1, j)) add(i, j + 1, 3);
    }
  const DX = [1, 0, -1, 0];
  const DY = [0, 1, 0, -1];
  const used = new Set<number>();
  const rings: number[][] = [];
  for (const [, codes] of out)
    for (const first of codes) {
      if (used.has(first)) continue;
      const ring: number[] = [];
      let code = first;
      let prevDir = -1;
      for (;;) {
        used.add(code);
        const c = code >> 2;
        const dir = code & 3;
        const ci = c % W;
        const cj = (c - ci) / W;
        if (dir !== prevDir) ring.push(x0 + ci * cell, y0 + cj * cell);
        prevDir = dir;
        const next = (cj + DY[dir]) * W + ci + DX[dir];
        const cand = out.get(next) ?? [];
        let chosen = -1;
        for (const turn of [1, 0, 3]) {
          const want = next * 4 + ((dir + turn) & 3);
          if (cand.includes(want) && !used.has(want)) {
            chosen = want;
            break;
          }
        }
        if (chosen < 0 || chosen === first) break;
        code = chosen;
      }
      if ((first & 3) === prevDir && ring.length > 2) ring.splice(0, 2);
      rings.push(ring);
    }
  return rings;
}

/** a raster of blobs and noise with an empty margin, saddles removed like rasterise's */
function randomRaster(seed: number, nx: number, ny: number, density: number): Raster {
  const rand = rng(seed);
  const filled = new Uint8Array(nx * ny);
  for (let j = 1; j < ny - 1; j++) for (let i = 1; i < nx - 1; i++) filled[j * nx + i] = rand() < density ? 1 : 0;
  const r = { filled, nx, ny, x0: -3, y0: 7, cell: 2 };
  removeSaddles(r);
  return r;
}

const signedArea = (ring: number[]): number => {
  let a = 0;
  for (let i = 0; i < ring.length; i += 2) {
    const j = (i + 2) % ring.length;
    a += ring[i] * ring[j + 1] - ring[j] * ring[i + 1];
  }
  return a / 2;
};

describe('traceRings', () => {
  for (const [seed, nx, ny, density] of [
    [1, 12, 9, 0.5],
    [2, 40, 33, 0.45],
    [3, 64, 64, 0.6],
    [4, 31, 50, 0.3],
    [5, 80, 20, 0.7],
  ]) {
    it(`random raster ${seed} (${nx}×${ny}, ${density}): the rings of the earlier tracer, in its order, covering the filled cells`, () => {
      const r = randomRaster(seed, nx, ny, density);
      const polys = traceRings(r);
      const rings = polys.flat();
      const ref = referenceRings(r);
      // the same rings; grouped into polygons by patch, outer rings in the order found
      expect(new Set(rings.map((x) => x.join()))).toEqual(new Set(ref.map((x) => x.join())));
      expect(rings.length).toBe(ref.length);
      expect(polys.map((p) => p[0].join())).toEqual(ref.filter((x) => signedArea(x) > 0).map((x) => x.join()));
      const cells = r.filled.reduce((s, v) => s + v, 0);
      expect(cells).toBeGreaterThan(0);
      expect(rings.reduce((s, x) => s + signedArea(x), 0)).toBeCloseTo(cells * r.cell * r.cell, 6);
      // each ring's vertices lie on cell corners
      for (const x of rings)
        for (let i = 0; i < x.length; i += 2) {
          expect(Number.isInteger((x[i] - r.x0) / r.cell)).toBe(true);
          expect(Number.isInteger((x[i + 1] - r.y0) / r.cell)).toBe(true);
        }
    });
  }
});
