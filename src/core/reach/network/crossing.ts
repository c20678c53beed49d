// Does a straight walk from a to b cross a street? Used for "same block" (同一街坊): a facility that
// can be walked to in a straight line without crossing any street shares its block with the
// community, so the walk is the straight line, not a detour out to the street and back.
// Flatbush over the segments' boxes (built on the first question), then an exact segment test in
// lon/lat: scaling longitude by cos(latitude) is affine, so it does not change whether two short
// segments cross.
import Flatbush from 'flatbush';
import { orient, within } from '../../geo';
import type { StreetGraph } from './graph';

export type Crossing = (a: readonly [number, number], b: readonly [number, number]) => boolean;

export function streetCrossing(g: StreetGraph): Crossing {
  let index: Flatbush | undefined;
  const build = (): Flatbush => {
    const ix = new Flatbush(Math.max(1, g.edgeCount));
    for (let e = 0; e < g.edgeCount; e++) {
      const a = g.edgeA[e];
      const b = g.edgeB[e];
      ix.add(Math.min(g.lon[a], g.lon[b]), Math.min(g.lat[a], g.lat[b]), Math.max(g.lon[a], g.lon[b]), Math.max(g.lat[a], g.lat[b]));
    }
    if (g.edgeCount === 0) ix.add(0, 0, 0, 0);
    ix.finish();
    return ix;
  };
  return (p, q) => {
    if (g.edgeCount === 0) return false;
    index ??= build();
    const hits = index.search(Math.min(p[0], q[0]), Math.min(p[1], q[1]), Math.max(p[0], q[0]), Math.max(p[1], q[1]));
    for (const e of hits) {
      const a = g.edgeA[e];
      const b = g.edgeB[e];
      if (segmentsTouch(p[0], p[1], q[0], q[1], g.lon[a], g.lat[a], g.lon[b], g.lat[b])) return true;
    }
    return false;
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
