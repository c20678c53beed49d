// SIMULATED irregular town blocks. A 街道's town keeps its street grid's topology (block (i, j) has
// the corner nodes (i, j)…(i+1, j+1) and the same centre, so residents and facilities stay where
// the grid put them), but every corner is jittered and every street between two corners is a
// curve (the same idea as the bench city, scripts/bench-city/city.ts: shape points on a shared
// curve, so the road and both blocks beside it agree). A block's outline is its cell pulled
// towards the centre by the road's setback, resampled to 20–200 vertices; the cell is star-shaped
// around the centre, so moving points along rays from it keeps every outline simple. Some pairs of
// neighbouring blocks share a wall instead of a street (one superblock, two 社区).
import type { Rng } from './prng';
import type { XY } from './projection';

/** corner jitter of its own, share of the pitch (each axis) */
const JITTER = 0.05;
/** largest meander of a whole grid line, share of the pitch */
const WAVE = 0.06;
/** largest outward move of a corner on the town's edge, share of the pitch */
const EDGE_PUSH = 0.2;
/** largest sideways bend of a street between two blocks, share of its length */
const BEND = 0.025;
/** largest outward bulge of a street on the town's edge (a block on one side only) */
const EDGE_BULGE = 0.08;
/** setback from a street's centre line to the block outline, metres at size 1 */
const SETBACK: readonly [number, number] = [12, 24];
/** setback from a shared wall (two 社区 in one superblock) */
const WALL_SETBACK = 3;
/** share of interior edges between two blocks that are a wall, not a street */
const WALL_SHARE = 0.2;
/** vertices of a block outline */
const VERTICES: readonly [number, number] = [20, 200];

/** an edge of the grid: horizontal from node (i, j) to (i+1, j), or vertical to (i, j+1) */
export type EdgeDir = 'h' | 'v';

export interface StreetBlocks {
  /** the jittered position of grid node (i, j) */
  corner(i: number, j: number): XY;
  /** point at t ∈ [0, 1] along the edge from node (i, j) */
  along(dir: EdgeDir, i: number, j: number, t: number): XY;
  /** is this edge a wall between two blocks (no street on it)? */
  isWall(dir: EdgeDir, i: number, j: number): boolean;
  /** the outline (open ring, counter-clockwise, metres) of block (i, j) around its centre */
  outline(i: number, j: number, centre: XY, rng: Rng): XY[];
}

const edgeKey = (dir: EdgeDir, i: number, j: number) => `${dir}${i},${j}`;

/** the perpendicular distance from p to the line through a and b */
function lineDistance(p: XY, a: XY, b: XY): number {
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
  const len = Math.hypot(dx, dy) || 1;
  return Math.abs((p[0] - a[0]) * dy - (p[1] - a[1]) * dx) / len;
}

/**
 * The irregular geometry of one street grid (origin, pitch) whose blocks are `blocks` (block
 * (i, j) is centred at origin + (i + ½, j + ½)·pitch). `rng` is the street's own stream: every
 * corner and edge draws from a fork named after it, so a node's position does not depend on the
 * order in which it is asked for. `fits(p, centres)`: may a point on the town's edge, bounding
 * the blocks at `centres`, lie at p?
 */
export function streetBlocks(
  origin: XY,
  pitch: number,
  scale: number,
  blocks: readonly [number, number][],
  rng: Rng,
  fits: (p: XY, centres: readonly XY[]) => boolean,
): StreetBlocks {
  const has = new Set(blocks.map(([i, j]) => `${i},${j}`));
  const centreOf = (i: number, j: number): XY => [origin[0] + (i + 0.5) * pitch, origin[1] + (j + 0.5) * pitch];
  // each grid line meanders as a whole (a gentle wave a few blocks long), so streets read as
  // continuous curved roads rather than a zigzag; each corner adds a little of its own
  const waves = new Map<string, { amp: number; len: number; phase: number }>();
  const wave = (key: string) => {
    let w = waves.get(key);
    if (!w) {
      const r = rng.fork(`line:${key}`);
      w = { amp: r.uniform(-WAVE, WAVE), len: r.uniform(3, 7), phase: r.uniform(0, 2 * Math.PI) };
      waves.set(key, w);
    }
    return w;
  };
  const corners = new Map<string, XY>();
  const corner = (i: number, j: number): XY => {
    const key = `${i},${j}`;
    let p = corners.get(key);
    if (!p) {
      const r = rng.fork(`corner:${key}`);
      const col = wave(`x${i}`);
      const row = wave(`y${j}`);
      const dx = col.amp * Math.sin((2 * Math.PI * j) / col.len + col.phase) + r.uniform(-JITTER, JITTER);
      const dy = row.amp * Math.sin((2 * Math.PI * i) / row.len + row.phase) + r.uniform(-JITTER, JITTER);
      const around = [
        [i - 1, j - 1],
        [i, j - 1],
        [i - 1, j],
        [i, j],
      ].filter(([a, b]) => has.has(`${a},${b}`));
      const at = (ddx: number, ddy: number): XY => [origin[0] + (i + ddx) * pitch, origin[1] + (j + ddy) * pitch];
      p = at(dx, dy);
      if (around.length < 4) {
        // on the town's edge a corner with one or two blocks may move outwards (away from them)
        // much further: they grow, so the town's outline is ragged, not a staircase (a corner with
        // three would shrink one of them). Whatever moves there must fit (the outline, the street,
        // the villages' distance); else the corner stays less ragged, or on the grid node itself.
        const centres = around.map(([a, b]) => centreOf(a, b));
        const ox = i - around.reduce((s, [a]) => s + a + 0.5, 0) / around.length;
        const oy = j - around.reduce((s, [, b]) => s + b + 0.5, 0) / around.length;
        const len = Math.hypot(ox, oy);
        const push = r.uniform(0, EDGE_PUSH);
        const pushed = around.length <= 2 && len > 1e-9 ? at(dx + (push * ox) / len, dy + (push * oy) / len) : p;
        p = [pushed, p, at(0, 0)].find((q) => fits(q, centres)) ?? at(0, 0);
      }
      corners.set(key, p);
    }
    return p;
  };

  // walls: interior edges between two blocks, at most one per block, never on a through road
  // (every third grid line, see roads.ts)
  const walled = new Set<string>();
  const walls = new Set<string>();
  const wrng = rng.fork('walls');
  for (const [i, j] of blocks.slice().sort((a, b) => a[0] - b[0] || a[1] - b[1])) {
    // the edge to the right (v at i+1) and the one above (h at j+1)
    for (const [dir, ni, nj, line] of [
      ['v', i + 1, j, i + 1],
      ['h', i, j + 1, j + 1],
    ] as const) {
      const other = dir === 'v' ? `${i + 1},${j}` : `${i},${j + 1}`;
      if (!has.has(other) || line % 3 === 0) continue;
      if (walled.has(`${i},${j}`) || walled.has(other) || !wrng.chance(WALL_SHARE)) continue;
      walls.add(edgeKey(dir, ni, nj));
      walled.add(`${i},${j}`);
      walled.add(other);
    }
  }

  const bends = new Map<string, { amp: number; humps: number }>();
  const bend = (dir: EdgeDir, i: number, j: number) => {
    const key = edgeKey(dir, i, j);
    let b = bends.get(key);
    if (!b) {
      const r = rng.fork(`edge:${key}`);
      // the block on the left of the edge's direction: (i, j) for 'h' is above it… see outline()
      const left = dir === 'h' ? has.has(`${i},${j}`) : has.has(`${i - 1},${j}`);
      const right = dir === 'h' ? has.has(`${i},${j - 1}`) : has.has(`${i},${j}`);
      const humps = r.chance(0.3) ? 2 : 1;
      if (walls.has(key)) b = { amp: 0, humps: 1 };
      // one block only: bulge away from it (positive amp bends to the left)
      else if (left !== right) {
        const amp = (left ? -1 : 1) * r.uniform(0, EDGE_BULGE);
        // the bulge's crest must fit like a corner (else the street runs straight)
        const a = corner(i, j);
        const e = dir === 'h' ? corner(i + 1, j) : corner(i, j + 1);
        const crest: XY = [(a[0] + e[0]) / 2 - amp * (e[1] - a[1]), (a[1] + e[1]) / 2 + amp * (e[0] - a[0])];
        const block = dir === 'h' ? (left ? [i, j] : [i, j - 1]) : left ? [i - 1, j] : [i, j];
        b = { amp: fits(crest, [centreOf(block[0], block[1])]) ? amp : 0, humps: 1 };
      } else b = { amp: r.uniform(-BEND, BEND), humps };
      bends.set(key, b);
    }
    return b;
  };
  const along = (dir: EdgeDir, i: number, j: number, t: number): XY => {
    const a = corner(i, j);
    const b = dir === 'h' ? corner(i + 1, j) : corner(i, j + 1);
    const { amp, humps } = bend(dir, i, j);
    const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
    const off = amp * Math.sin(Math.PI * t * humps);
    return [a[0] + t * dx - off * dy, a[1] + t * dy + off * dx];
  };
  const isWall = (dir: EdgeDir, i: number, j: number) => walls.has(edgeKey(dir, i, j));

  const outline = (i: number, j: number, centre: XY, orng: Rng): XY[] => {
    // counter-clockwise: bottom, right, top (reversed), left (reversed)
    const sides: { dir: EdgeDir; i: number; j: number; rev: boolean }[] = [
      { dir: 'h', i, j, rev: false },
      { dir: 'v', i: i + 1, j, rev: false },
      { dir: 'h', i, j: j + 1, rev: true },
      { dir: 'v', i, j, rev: true },
    ];
    const n = Math.round(VERTICES[0] * (VERTICES[1] / VERTICES[0]) ** (orng.next() ** 4));
    const ends = sides.map((s) => [along(s.dir, s.i, s.j, s.rev ? 1 : 0), along(s.dir, s.i, s.j, s.rev ? 0 : 1)] as const);
    const lengths = ends.map(([a, b]) => Math.hypot(b[0] - a[0], b[1] - a[1]));
    const total = lengths.reduce((s, l) => s + l, 0);
    // the pull towards the centre that moves a point on side k by its setback (perpendicular)
    const factor = sides.map((s, k) => {
      const setback = (isWall(s.dir, s.i, s.j) ? WALL_SETBACK : orng.uniform(SETBACK[0], SETBACK[1])) * scale;
      return 1 - setback / lineDistance(centre, ends[k][0], ends[k][1]);
    });
    const out: XY[] = [];
    let jitter = 0;
    sides.forEach((s, k) => {
      const m = Math.max(5, Math.round((n * lengths[k]) / total));
      for (let q = 0; q < m; q++) {
        const t = q / m;
        const p = along(s.dir, s.i, s.j, s.rev ? 1 - t : t);
        // the corner is pulled by the larger of its two setbacks, so it stays inside both
        const f = q === 0 ? Math.min(factor[k], factor[(k + 3) % 4]) : factor[k];
        // a digitised fence: a metre or two of wobble, drifting rather than jumping
        jitter = Math.max(-1, Math.min(1, jitter + orng.uniform(-0.3, 0.3)));
        const g = f * (1 + 0.004 * jitter);
        out.push([centre[0] + g * (p[0] - centre[0]), centre[1] + g * (p[1] - centre[1])]);
      }
    });
    return out;
  };

  return { corner, along, isWall, outline };
}

/**
 * An irregular village outline (open ring, counter-clockwise) of `n` vertices: the radius is a
 * smooth curve through the given anchors (angle, radius), with a little noise on top.
 * Anchors must be sorted by angle within one turn.
 */
export function villageOutline(centre: XY, anchors: readonly [number, number][], n: number, rng: Rng): XY[] {
  const m = anchors.length;
  const out: XY[] = [];
  const t0 = anchors[0][0];
  let noise = 0;
  for (let k = 0; k < n; k++) {
    const t = t0 + (2 * Math.PI * k) / n;
    // the anchors around t (wrapping), and a cosine blend between them
    let a = m - 1;
    for (let q = 0; q < m; q++) if (anchors[q][0] <= t) a = q;
    const b = (a + 1) % m;
    const ta = anchors[a][0];
    let tb = anchors[b][0];
    if (tb <= ta) tb += 2 * Math.PI;
    const u = (t - ta) / (tb - ta);
    const w = (1 - Math.cos(Math.PI * u)) / 2;
    noise = Math.max(-1, Math.min(1, noise + rng.uniform(-0.35, 0.35)));
    const r = (anchors[a][1] * (1 - w) + anchors[b][1] * w) * (1 + 0.03 * noise);
    out.push([centre[0] + r * Math.cos(t), centre[1] + r * Math.sin(t)]);
  }
  return out;
}
