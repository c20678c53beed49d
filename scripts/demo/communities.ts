// SIMULATED community layout. Urban 社区 (居委会 codes) become blocks of a street grid laid
// around their 街道's seat (square, or irregular: blocks.ts); villages (村委会 codes) are scattered
// over the 街道's plain part with a minimum spacing, denser near the seat and rare south of the
// Qinling foothills.
// Everything is in metres (projection.ts); sizes shrink by 1/√size so a bigger city still fits.
import { streetBlocks, villageOutline, type StreetBlocks } from './blocks';
import { cellClearance, dist } from './geometry';
import type { Frame } from './frame';
import type { Rng } from './prng';
import type { XY } from './projection';
import { MOUNTAIN_LAT } from './seats';

/** block pitch (grid spacing) at size 1: a typical urban superblock of 420 m */
export const BLOCK_PITCH = 420;
/** minimum distance between village centres at size 1 */
export const VILLAGE_SPACING = 700;
/** village radius range at size 1, metres */
export const VILLAGE_RADIUS: readonly [number, number] = [120, 230];
/** villages thin out with distance from the seat with this e-folding length (metres) */
const VILLAGE_DECAY = 5000;
/** share of mountain (south of MOUNTAIN_LAT) candidates accepted */
const MOUNTAIN_ACCEPT = 0.12;
/** a village's outline keeps at least this far (metres at size 1) from a block's circumscribed circle */
const VILLAGE_CLEAR = 40;
/** share of grid blocks left empty (parks, schools, works) */
const PARK_SHARE = 0.08;

export interface Grid {
  street: number;
  origin: XY;
  pitch: number;
  /** irregular blocks: jittered corners, curved streets, some walls (absent: the square grid) */
  irregular?: StreetBlocks;
}

/** `grid`: square blocks and 9-point villages (the old demo); `irregular`: blocks.ts */
export type Shapes = 'grid' | 'irregular';
/** vertices of an irregular village outline */
const VILLAGE_VERTICES: readonly [number, number] = [30, 150];

export interface PlacedCommunity {
  id: string;
  name: string;
  /** real statistical code of the 村/社区 it is named after */
  code: string;
  street: number;
  urban: boolean;
  centre: XY;
  /** open ring, metres */
  shape: XY[];
  /** urban blocks: grid cell (i, j) of grids[street]; villages: radius */
  block?: [number, number];
  radius: number;
}

export interface Layout {
  scale: number;
  grids: (Grid | undefined)[];
  communities: PlacedCommunity[];
}

function copyName(name: string, k: number): string {
  return k === 0 ? name : `${name}（${k + 1}）`;
}

function latOf(frame: Frame, p: XY): number {
  return frame.proj.toLonLat(p)[1];
}

/** centre of grid cell (i, j): the grid's nodes sit at origin + (i, j)·pitch */
export function blockCentre(g: Grid, i: number, j: number): XY {
  return [g.origin[0] + (i + 0.5) * g.pitch, g.origin[1] + (j + 0.5) * g.pitch];
}

function chooseBlocks(frame: Frame, g: Grid, n: number, rng: Rng): [number, number][] {
  const half = g.pitch * Math.SQRT1_2;
  const theta = rng.uniform(0, Math.PI);
  const [c, s] = [Math.cos(theta), Math.sin(theta)];
  for (let k = Math.ceil(Math.sqrt(n)) + 1; k < 400; k = Math.ceil(k * 1.4)) {
    const cand: { i: number; j: number; score: number }[] = [];
    for (let i = -k; i < k; i++)
      for (let j = -k; j < k; j++) {
        const p = blockCentre(g, i, j);
        if (cellClearance(frame.seats, g.street, p) <= half + 5) continue;
        if (!frame.boundary.contains(p, half + 5)) continue;
        if (latOf(frame, p) < MOUNTAIN_LAT) continue;
        const dx = p[0] - g.origin[0];
        const dy = p[1] - g.origin[1];
        // an elongated town: distance measured with one axis stretched
        const d = Math.hypot((dx * c + dy * s) / 1.35, -dx * s + dy * c);
        cand.push({ i, j, score: d });
      }
    cand.sort((a, b) => a.score - b.score || a.i - b.i || a.j - b.j);
    const out: [number, number][] = [];
    for (const b of cand) {
      if (out.length === n) break;
      if (out.length > 0 && rng.chance(PARK_SHARE)) continue;
      out.push([b.i, b.j]);
    }
    if (out.length === n) return out;
  }
  throw new Error(`street ${frame.streets[g.street].code}: no room for ${n} urban blocks`);
}

/** uniform spatial hash for minimum-distance checks */
class PointHash {
  private readonly map = new Map<string, { p: XY; r: number }[]>();
  constructor(private readonly cell: number) {}
  private key(i: number, j: number): string {
    return `${i},${j}`;
  }
  add(p: XY, r: number): void {
    const k = this.key(Math.floor(p[0] / this.cell), Math.floor(p[1] / this.cell));
    const b = this.map.get(k);
    if (b) b.push({ p, r });
    else this.map.set(k, [{ p, r }]);
  }
  /** is any stored point closer than its own r + extra? */
  conflicts(p: XY, extra: number, reach: number): boolean {
    const n = Math.ceil(reach / this.cell);
    const ci = Math.floor(p[0] / this.cell);
    const cj = Math.floor(p[1] / this.cell);
    for (let i = ci - n; i <= ci + n; i++)
      for (let j = cj - n; j <= cj + n; j++) {
        const b = this.map.get(this.key(i, j));
        if (b) for (const q of b) if (dist(p, q.p) < q.r + extra) return true;
      }
    return false;
  }
}

/** nine points around the centre at 0.75–1 r; `irregular` draws a smooth, noisy outline of
 *  30–150 vertices through them from its own stream (`rng`'s draws stay the same either way) */
function villageShape(centre: XY, r: number, rng: Rng, irregular?: Rng): XY[] {
  const n = 9;
  const anchors: [number, number][] = [];
  const t0 = rng.uniform(0, (2 * Math.PI) / n);
  for (let k = 0; k < n; k++) anchors.push([t0 + (2 * Math.PI * k) / n + rng.uniform(-0.2, 0.2), r * rng.uniform(0.75, 1)]);
  if (irregular) {
    const m = Math.round(VILLAGE_VERTICES[0] * (VILLAGE_VERTICES[1] / VILLAGE_VERTICES[0]) ** (irregular.next() ** 3));
    return villageOutline(centre, anchors, m, irregular);
  }
  return anchors.map(([t, rr]) => [centre[0] + rr * Math.cos(t), centre[1] + rr * Math.sin(t)]);
}

export function layoutCommunities(frame: Frame, size: number, rng: Rng, shapes: Shapes = 'irregular'): Layout {
  const scale = 1 / Math.sqrt(size);
  const pitch = BLOCK_PITCH * scale;
  const byStreet = frame.streets.map((s) => frame.villages.filter((v) => v.streetCode === s.code));
  const grids: (Grid | undefined)[] = [];
  const communities: PlacedCommunity[] = [];
  // obstacles: block centres (radius = half diagonal) and village centres (radius = own r)
  const spacing = VILLAGE_SPACING * scale;
  const hash = new PointHash(spacing);

  frame.streets.forEach((s, si) => {
    const urban = byStreet[si].filter((v) => v.urban);
    if (urban.length === 0) {
      grids.push(undefined);
      return;
    }
    const g: Grid = { street: si, origin: frame.seats[si], pitch };
    grids.push(g);
    const n = urban.length * size;
    const blocks = chooseBlocks(frame, g, n, rng.fork(`blocks:${s.code}`));
    const srng = rng.fork(`blockshape:${s.code}`);
    // a point on the town's edge must stay inside the outline and the street, and so near its
    // blocks' centres that villages (kept VILLAGE_CLEAR from each block's circle) cannot touch it
    const reach = pitch * Math.SQRT1_2 + (VILLAGE_CLEAR - 15) * scale;
    const fits = (p: XY, centres: readonly XY[]) =>
      centres.every((c) => dist(p, c) <= reach) && cellClearance(frame.seats, si, p) > 5 * scale && frame.boundary.contains(p, 5 * scale);
    const irregular = shapes === 'irregular' ? streetBlocks(g.origin, pitch, scale, blocks, rng.fork(`streetblocks:${s.code}`), fits) : undefined;
    g.irregular = irregular;
    blocks.forEach(([i, j], b) => {
      const v = urban[b % urban.length];
      const k = Math.floor(b / urban.length);
      const c = blockCentre(g, i, j);
      // inset each side by 8–15 % of the pitch: the road reserve
      const [l, r, bo, t] = [0, 0, 0, 0].map(() => pitch * srng.uniform(0.08, 0.15));
      const x0 = g.origin[0] + i * pitch;
      const y0 = g.origin[1] + j * pitch;
      communities.push({
        id: k === 0 ? v.code : `${v.code}-${k + 1}`,
        name: copyName(v.name, k),
        code: v.code,
        street: si,
        urban: true,
        centre: c,
        shape: irregular
          ? irregular.outline(i, j, c, srng)
          : [
              [x0 + l, y0 + bo],
              [x0 + pitch - r, y0 + bo],
              [x0 + pitch - r, y0 + pitch - t],
              [x0 + l, y0 + pitch - t],
            ],
        block: [i, j],
        radius: pitch * Math.SQRT1_2,
      });
      hash.add(c, pitch * Math.SQRT1_2);
    });
  });

  const [rMin, rMax] = [VILLAGE_RADIUS[0] * scale, VILLAGE_RADIUS[1] * scale];
  frame.streets.forEach((s, si) => {
    const rural = byStreet[si].filter((v) => !v.urban);
    if (rural.length === 0) return;
    const vrng = rng.fork(`villages:${s.code}`);
    const shapeRng = shapes === 'irregular' ? rng.fork(`villageshape:${s.code}`) : undefined;
    let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const [x, y] of frame.cells[si]) [minX, minY, maxX, maxY] = [Math.min(minX, x), Math.min(minY, y), Math.max(maxX, x), Math.max(maxY, y)];
    for (let k = 0; k < size; k++)
      for (const v of rural) {
        let r = vrng.uniform(rMin, rMax);
        let placed: XY | undefined;
        // a crowded street relaxes: first the spacing, then the preference for the seat and the plain, then the size
        for (let relax = 1; !placed && relax > 0.2; relax *= 0.8) {
          const gap = (spacing - rMax) * relax;
          const picky = relax > 0.7;
          if (relax < 0.5) r = Math.max(rMin * 0.5, r * 0.8);
          for (let attempt = 0; attempt < 2000 && !placed; attempt++) {
            // cheapest tests first
            const p: XY = [vrng.uniform(minX, maxX), vrng.uniform(minY, maxY)];
            if (picky && !vrng.chance(Math.exp(-dist(p, frame.seats[si]) / VILLAGE_DECAY))) continue;
            if (picky && latOf(frame, p) < MOUNTAIN_LAT && !vrng.chance(MOUNTAIN_ACCEPT)) continue;
            if (cellClearance(frame.seats, si, p) <= r + 20 * scale) continue;
            if (hash.conflicts(p, Math.max(gap, r + VILLAGE_CLEAR * scale), spacing * 2)) continue;
            if (!frame.boundary.contains(p, r + 20 * scale)) continue;
            placed = p;
          }
        }
        if (!placed) throw new Error(`street ${s.code}: no room for village ${v.code} ${v.name} (copy ${k + 1})`);
        hash.add(placed, r);
        communities.push({
          id: k === 0 ? v.code : `${v.code}-${k + 1}`,
          name: copyName(v.name, k),
          code: v.code,
          street: si,
          urban: false,
          centre: placed,
          shape: villageShape(placed, r, vrng, shapeRng),
          radius: r,
        });
      }
  });
  return { scale, grids, communities };
}
