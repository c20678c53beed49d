// Does a straight walk from a to b cross a street? Used for "same block" (同一街坊): a facility that
// can be walked to in a straight line without crossing any street shares its block with the
// community, so the walk is the straight line, not a detour out to the street and back.
// A uniform grid of cells over the streets (built on the first question): each edge is listed in
// the cells its segment passes through, and a question visits only the cells its own segment
// passes through, nearest first, stopping at the first street it touches. (A box search over the
// segment's bounding box, as before, met every edge of a 1 km square for each of hundreds of
// thousands of walks: seconds on a large city.) Then an exact segment test in lon/lat: scaling
// longitude by cos(latitude) is affine, so it does not change whether two short segments cross.
import { orient, within } from '../../geo';
import type { StreetEdges } from './graph';

export type Crossing = (a: readonly [number, number], b: readonly [number, number]) => boolean;

/** The grid: cells of `w` × `h` degrees from (x0, y0); edges of cell c are items[start[c] .. start[c+1]). */
interface Grid {
  x0: number;
  y0: number;
  w: number;
  h: number;
  cols: number;
  rows: number;
  start: Uint32Array;
  items: Uint32Array;
}

const col = (g: Grid, x: number): number => Math.min(g.cols - 1, Math.max(0, Math.floor((x - g.x0) / g.w)));
const row = (g: Grid, y: number): number => Math.min(g.rows - 1, Math.max(0, Math.floor((y - g.y0) / g.h)));

/**
 * Calls `visit(cell)` for every cell the segment (ax, ay)–(bx, by) may pass through, walking from a
 * towards b, until visit returns true. Conservative: per column of cells, the rows the segment
 * spans within that column, widened by a hair, so a point on the segment (a touch, an end on a
 * cell line) is never in a cell left out. Insertion and questions use the same walk.
 */
function walkCells(g: Grid, ax: number, ay: number, bx: number, by: number, visit: (cell: number) => boolean): boolean {
  // the hair: far above rounding (degrees near 100 carry ≈ 1e-14), far below a cell
  const ex = Math.max(g.w * 1e-6, 1e-11);
  const ey = Math.max(g.h * 1e-6, 1e-11);
  const step = bx >= ax ? 1 : -1;
  const c0 = col(g, step > 0 ? Math.min(ax, bx) - ex : Math.max(ax, bx) + ex);
  const c1 = col(g, step > 0 ? Math.max(ax, bx) + ex : Math.min(ax, bx) - ex);
  const dx = bx - ax;
  for (let c = c0; ; c += step) {
    // the part of the segment inside this column: its y range
    let ya = ay;
    let yb = by;
    if (dx !== 0) {
      const left = Math.max(Math.min(ax, bx), g.x0 + c * g.w - ex);
      const right = Math.min(Math.max(ax, bx), g.x0 + (c + 1) * g.w + ex);
      const tl = Math.min(1, Math.max(0, (left - ax) / dx));
      const tr = Math.min(1, Math.max(0, (right - ax) / dx));
      ya = ay + (by - ay) * tl;
      yb = ay + (by - ay) * tr;
    }
    const up = by >= ay;
    const r0 = row(g, (up ? Math.min(ya, yb) : Math.max(ya, yb)) + (up ? -ey : ey));
    const r1 = row(g, (up ? Math.max(ya, yb) : Math.min(ya, yb)) + (up ? ey : -ey));
    const rs = up ? 1 : -1;
    for (let r = r0; ; r += rs) {
      if (visit(r * g.cols + c)) return true;
      if (r === r1) break;
    }
    if (c === c1) break;
  }
  return false;
}

function buildGrid(g: StreetEdges): Grid {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (let i = 0; i < g.nodeCount; i++) {
    x0 = Math.min(x0, g.lon[i]);
    y0 = Math.min(y0, g.lat[i]);
    x1 = Math.max(x1, g.lon[i]);
    y1 = Math.max(y1, g.lat[i]);
  }
  // about one edge per cell, square cells in degrees, at most 4 M cells
  const spanX = Math.max(x1 - x0, 1e-9);
  const spanY = Math.max(y1 - y0, 1e-9);
  const cells = Math.min(4_000_000, Math.max(1, g.edgeCount));
  const side = Math.sqrt((spanX * spanY) / cells) || Math.max(spanX, spanY);
  const cols = Math.max(1, Math.min(cells, Math.ceil(spanX / side)));
  const rows = Math.max(1, Math.min(cells, Math.ceil(spanY / side)));
  const grid: Grid = { x0, y0, w: spanX / cols, h: spanY / rows, cols, rows, start: new Uint32Array(cols * rows + 1), items: new Uint32Array(0) };
  // one visitor per pass (not a closure per edge): the edge being listed is `edge`
  let edge = 0;
  let filling: Uint32Array | null = null;
  const count = grid.start;
  const list = (cell: number): boolean => {
    if (filling) grid.items[filling[cell]++] = edge;
    else count[cell + 1]++;
    return false;
  };
  const pass = () => {
    for (edge = 0; edge < g.edgeCount; edge++) walkCells(grid, g.lon[g.edgeA[edge]], g.lat[g.edgeA[edge]], g.lon[g.edgeB[edge]], g.lat[g.edgeB[edge]], list);
  };
  pass();
  for (let c = 0; c < cols * rows; c++) count[c + 1] += count[c];
  grid.items = new Uint32Array(count[cols * rows]);
  filling = count.slice(0, cols * rows);
  pass();
  return grid;
}

export function streetCrossing(g: StreetEdges): Crossing {
  let grid: Grid | undefined;
  // the walk being asked about (p, q), read by the one visitor (no closure per question); in a
  // typed array, as a double in a variable the closures share is boxed anew at each question
  const walk = new Float64Array(4);
  const touches = (cell: number): boolean => {
    const { start, items } = grid as Grid;
    for (let k = start[cell]; k < start[cell + 1]; k++) {
      const e = items[k];
      const a = g.edgeA[e];
      const b = g.edgeB[e];
      if (segmentsTouch(walk[0], walk[1], walk[2], walk[3], g.lon[a], g.lat[a], g.lon[b], g.lat[b])) return true;
    }
    return false;
  };
  return (p, q) => {
    if (g.edgeCount === 0) return false;
    grid ??= buildGrid(g);
    walk[0] = p[0];
    walk[1] = p[1];
    walk[2] = q[0];
    walk[3] = q[1];
    return walkCells(grid, walk[0], walk[1], walk[2], walk[3], touches);
  };
}

/** c lies in the box of segment ab (with orient(a, b, c) = 0: on the segment). */
function onSegment(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): boolean {
  return within(ax, bx, cx) && within(ay, by, cy);
}

/** Segments pq and ab share a point (touching counts: a walk along a kerb still meets the street). */
export function segmentsTouch(px: number, py: number, qx: number, qy: number, ax: number, ay: number, bx: number, by: number): boolean {
  const o1 = orient(px, py, qx, qy, ax, ay);
  const o2 = orient(px, py, qx, qy, bx, by);
  const o3 = orient(ax, ay, bx, by, px, py);
  const o4 = orient(ax, ay, bx, by, qx, qy);
  if (o1 !== o2 && o3 !== o4) return true;
  if (o1 === 0 && onSegment(px, py, qx, qy, ax, ay)) return true;
  if (o2 === 0 && onSegment(px, py, qx, qy, bx, by)) return true;
  if (o3 === 0 && onSegment(ax, ay, bx, by, px, py)) return true;
  if (o4 === 0 && onSegment(ax, ay, bx, by, qx, qy)) return true;
  return false;
}
