// pointInArea for one large area asked many times (a street boundary of 10k–50k vertices against
// every community and facility): each ring of many vertices gets an index of its edges, so a test
// reads only the edges its ray can cross. Same crossing rule as pointInRing, so the same answers.
import Flatbush from 'flatbush';
import type { Position } from 'geojson';
import { type AnyArea, type LonLat, pointInRing, rayCrosses } from './geo';

/** rings shorter than this are tested edge by edge: an index would cost more than it saves */
const INDEX_FROM = 64;

type RingTest = (x: number, y: number) => boolean;

function ringTest(ring: Position[]): RingTest {
  if (ring.length < INDEX_FROM) return (x, y) => pointInRing(x, y, ring);
  const n = ring.length;
  const index = new Flatbush(n);
  // edge k joins vertex k-1 (k = 0: the last vertex) and vertex k, as pointInRing walks them
  for (let i = 0, j = n - 1; i < n; j = i++)
    index.add(Math.min(ring[i][0], ring[j][0]), Math.min(ring[i][1], ring[j][1]), Math.max(ring[i][0], ring[j][0]), Math.max(ring[i][1], ring[j][1]));
  index.finish();
  return (x, y) => {
    // an edge the rightward ray from (x, y) crosses spans y and reaches x: its box meets [x, ∞) × {y}
    let inside = false;
    for (const i of index.search(x, y, Number.POSITIVE_INFINITY, y)) {
      const j = i === 0 ? n - 1 : i - 1;
      if (rayCrosses(x, y, ring[i][0], ring[i][1], ring[j][0], ring[j][1])) inside = !inside;
    }
    return inside;
  };
}

/** A test equal to `(p) => pointInArea(p, g)`, built once for many points. */
export function areaTest(g: AnyArea): (p: LonLat) => boolean {
  const polys = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates).filter((poly) => poly.length > 0).map((poly) => poly.map(ringTest));
  return (p) => polys.some(([outer, ...holes]) => outer(p[0], p[1]) && !holes.some((h) => h(p[0], p[1])));
}
