// The grid's definition as it was first written: every lattice point tested with pointInArea
// (even-odd ray casting, src/core/geo.ts). The reference the scan-line grid must equal point for
// point (tests) and the baseline it is timed against (bench).
import type { MultiPolygon, Polygon } from 'geojson';
import { bboxOf, localProjector, pointInArea } from '../../../src/core/geo';
import type { LonLat } from '../../../src/core/reach/types';

/** the lattice over the area's bounding box: cols × rows, point(c, r) */
export function referenceLattice(area: Polygon | MultiPolygon, spacing: number) {
  const b = bboxOf(area);
  const proj = localProjector([(b.minX + b.maxX) / 2, (b.minY + b.maxY) / 2]);
  const [x0, y0] = proj.toXY([b.minX, b.minY]);
  const [x1, y1] = proj.toXY([b.maxX, b.maxY]);
  const cols = Math.floor((x1 - x0) / spacing) + 1;
  const rows = Math.floor((y1 - y0) / spacing) + 1;
  const ox = x0 + (x1 - x0 - (cols - 1) * spacing) / 2;
  const oy = y0 + (y1 - y0 - (rows - 1) * spacing) / 2;
  return { cols, rows, point: (c: number, r: number): LonLat => proj.toLonLat([ox + c * spacing, oy + r * spacing]) };
}

/** every lattice point inside the area, row by row from the south-west: one pointInArea per cell */
export function bruteGridPoints(area: Polygon | MultiPolygon, spacing: number): LonLat[] {
  const { cols, rows, point } = referenceLattice(area, spacing);
  const out: LonLat[] = [];
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) {
      const p = point(c, r);
      if (pointInArea(p, area)) out.push(p);
    }
  return out;
}
