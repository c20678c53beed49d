// The point a community's dot is drawn at (and the map centres on): turf's point on the feature.
// One function for the page (map/features.ts) and the worker (which packs it with the outline).
import { pointOnFeature } from '@turf/turf';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import type { PackedRef } from './packed-outlines';

/** turf's pointOnFeature; `at`: the outline's place in a packing, read there when it decides (labelAt) */
export const labelPoint = (g: Polygon | MultiPolygon, at?: PackedRef): Position => (at && labelAt(at)) || pointOnFeature(g).geometry.coordinates;

const kept = new WeakMap<Polygon | MultiPolygon, Position>();
/** The same, remembered per outline object: the worker packs it for the page and cuts the map's
 *  dots at it, and an edit keeps the untouched outlines (≈ 25 µs each, 0.5 s for 20 000). */
export function keptLabelPoint(g: Polygon | MultiPolygon): Position {
  let p = kept.get(g);
  if (!p) kept.set(g, (p = labelPoint(g)));
  return p;
}

/** robust-predicates' bound under which orient2d's plain determinant may have the wrong sign */
const EPSILON = 1.1102230246251565e-16;
const CCW_BOUND = (3 + 16 * EPSILON) * EPSILON;

/**
 * turf's pointOnFeature of a packed Polygon or MultiPolygon, read from the packing (no outline
 * built: ≈ 0.3 s for 20 000 communities): the middle of its box when a polygon holds it, its
 * boundary included — point-in-polygon-hao's test as turf runs it, with orient2d's plain
 * determinant where robust-predicates returns that very value; null where turf would decide
 * otherwise (the middle outside: its nearest vertex; a determinant too close to 0 to tell), for
 * the caller to ask turf.
 */
export function labelAt({ packed: p, i }: PackedRef): Position | null {
  const x = (p.box[4 * i] + p.box[4 * i + 2]) / 2;
  const y = (p.box[4 * i + 1] + p.box[4 * i + 3]) / 2;
  const { xy, div } = p;
  for (let k = p.unitPolys[i]; k < p.unitPolys[i + 1]; k++) {
    let crossings = 0;
    for (let r = p.polyRings[k]; r < p.polyRings[k + 1]; r++) {
      const v0 = p.ringVertices[r];
      const last = p.ringVertices[r + 1] - 1;
      let u1 = xy[2 * v0] / div - x;
      let w1 = xy[2 * v0 + 1] / div - y;
      for (let v = v0 + 1; v <= last; v++) {
        const u2 = xy[2 * v] / div - x;
        const w2 = xy[2 * v + 1] / div - y;
        if (w1 === 0 && w2 === 0) {
          if ((u2 <= 0 && u1 >= 0) || (u1 <= 0 && u2 >= 0)) return [x, y];
        } else if ((w2 >= 0 && w1 <= 0) || (w2 <= 0 && w1 >= 0)) {
          // orient2d(u1, u2, w1, w2, 0, 0) as pip-hao calls it
          const left = (u2 - 0) * (w1 - 0);
          const right = (u1 - 0) * (w2 - 0);
          const f = left - right;
          if (!(Math.abs(f) >= CCW_BOUND * Math.abs(left + right))) return null;
          if (f === 0) return [x, y];
          if ((f > 0 && w2 > 0 && w1 <= 0) || (f < 0 && w2 <= 0 && w1 > 0)) crossings++;
        }
        u1 = u2;
        w1 = w2;
      }
    }
    if (crossings % 2 !== 0) return [x, y];
  }
  return null;
}
