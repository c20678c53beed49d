// pointInArea for one large area asked many times (a street boundary of 10k–50k vertices against
// every community and facility): each ring of many vertices gets an index of its edges, so a test
// reads only the edges its ray can cross. Same crossing rule as pointInRing, so the same answers.
import Flatbush from 'flatbush';
import type { AnyArea, LonLat } from './geo';
import { rayCrosses } from './geo';
import { ringsOf } from './packed-outlines';

/** rings shorter than this are tested edge by edge: an index would cost more than it saves */
const INDEX_FROM = 64;

type RingTest = (x: number, y: number) => boolean;

/** one ring as x, y runs (ringsOf: a view of a packed outline, read without building it) */
function ringTest(ring: Float64Array): RingTest {
  const n = ring.length / 2;
  // edge k joins vertex k-1 (k = 0: the last vertex) and vertex k, as pointInRing walks them
  const crosses = (x: number, y: number, i: number) => {
    const j = i === 0 ? n - 1 : i - 1;
    return rayCrosses(x, y, ring[2 * i], ring[2 * i + 1], ring[2 * j], ring[2 * j + 1]);
  };
  if (n < INDEX_FROM)
    return (x, y) => {
      let inside = false;
      for (let i = 0; i < n; i++) if (crosses(x, y, i)) inside = !inside;
      return inside;
    };
  const index = new Flatbush(n);
  for (let i = 0, j = n - 1; i < n; j = i++)
    index.add(Math.min(ring[2 * i], ring[2 * j]), Math.min(ring[2 * i + 1], ring[2 * j + 1]), Math.max(ring[2 * i], ring[2 * j]), Math.max(ring[2 * i + 1], ring[2 * j + 1]));
  index.finish();
  return (x, y) => {
    // an edge the rightward ray from (x, y) crosses spans y and reaches x: its box meets [x, ∞) × {y}
    let inside = false;
    for (const i of index.search(x, y, Number.POSITIVE_INFINITY, y)) if (crosses(x, y, i)) inside = !inside;
    return inside;
  };
}

/** A test equal to `(p) => pointInArea(p, u.geometry)`, built once for many points; a packed
 *  outline (core/packed-outlines.ts) is read from its packing. */
export function areaTest(u: { geometry: AnyArea }): (p: LonLat) => boolean {
  const polys = ringsOf(u)
    .filter((rings) => rings.length > 0)
    .map((rings) => rings.map(ringTest));
  return (p) => polys.some(([outer, ...holes]) => outer(p[0], p[1]) && !holes.some((h) => h(p[0], p[1])));
}
