// pointInArea for one large area asked many times (a street boundary of 10k–50k vertices against
// every community and facility): each ring of many vertices gets an index of its edges, so a test
// reads only the edges its ray can cross. Same crossing rule as pointInRing, so the same answers.
import Flatbush from 'flatbush';
import type { AnyArea, LonLat } from './geo';
import { rayCrosses } from './geo';
import { runsOf, type Run } from './packed-outlines';

/** rings shorter than this are tested edge by edge: an index would cost more than it saves */
const INDEX_FROM = 64;
/** consecutive edges that share one box of the index */
const RUN = 8;

type RingTest = ((x: number, y: number) => boolean) & { bytes?: number };

/** a test of points against one area, with the bytes its edge indexes hold */
export type AreaTest = ((p: LonLat) => boolean) & { bytes: number };

/** one ring: vertices `from` … `from + n` of a packing's x, y runs, each coordinate divided by `div`
 *  (a view of a packed outline, integers of 1e-7 degree or doubles, read without building it) */
function ringTest({ xy, div, from, n }: Run): RingTest {
  const o = 2 * from;
  const X = (i: number) => xy[o + 2 * i] / div;
  const Y = (i: number) => xy[o + 2 * i + 1] / div;
  // edge k joins vertex k-1 (k = 0: the last vertex) and vertex k, as pointInRing walks them
  const crosses = (x: number, y: number, i: number) => {
    const j = i === 0 ? n - 1 : i - 1;
    return rayCrosses(x, y, X(i), Y(i), X(j), Y(j));
  };
  if (n < INDEX_FROM)
    return (x, y) => {
      let inside = false;
      for (let i = 0; i < n; i++) if (crosses(x, y, i)) inside = !inside;
      return inside;
    };
  // one box per run of RUN edges, not per edge: a street boundary of 48 000 vertices indexed edge
  // by edge held ≈ 2 MB of boxes (15 MB for a city's 16), and a ray meets a few runs. Within a hit
  // run each edge is read only where its own box meets the ray, as an index of edges would find it.
  const runs = Math.ceil(n / RUN);
  const index = new Flatbush(runs);
  for (let k = 0; k < runs; k++) {
    let [w, s, e, no] = [Infinity, Infinity, -Infinity, -Infinity];
    for (let i = k * RUN; i < Math.min(n, (k + 1) * RUN); i++) {
      const j = i === 0 ? n - 1 : i - 1;
      w = Math.min(w, X(i), X(j));
      s = Math.min(s, Y(i), Y(j));
      e = Math.max(e, X(i), X(j));
      no = Math.max(no, Y(i), Y(j));
    }
    index.add(w, s, e, no);
  }
  index.finish();
  // an edge the rightward ray from (x, y) crosses spans y and reaches x: its box meets [x, ∞) × {y}
  const meets = (x: number, y: number, i: number) => {
    const j = i === 0 ? n - 1 : i - 1;
    return Math.max(X(i), X(j)) >= x && Math.max(Y(i), Y(j)) >= y && Math.min(Y(i), Y(j)) <= y;
  };
  const test: RingTest = (x, y) => {
    let inside = false;
    for (const k of index.search(x, y, Number.POSITIVE_INFINITY, y))
      for (let i = k * RUN; i < Math.min(n, (k + 1) * RUN); i++) if (meets(x, y, i) && crosses(x, y, i)) inside = !inside;
    return inside;
  };
  test.bytes = index.data.byteLength;
  return test;
}

/** A test equal to `(p) => pointInArea(p, u.geometry)`, built once for many points; a packed
 *  outline (core/packed-outlines.ts) is read from its packing. */
export function areaTest(u: { geometry: AnyArea }): AreaTest {
  const polys = runsOf(u)
    .filter((rings) => rings.length > 0)
    .map((rings) => rings.map(ringTest));
  const test = (p: LonLat) => polys.some(([outer, ...holes]) => outer(p[0], p[1]) && !holes.some((h) => h(p[0], p[1])));
  return Object.assign(test, { bytes: polys.flat().reduce((sum, r) => sum + (r.bytes ?? 0), 0) });
}
