// Random road sets for the street graph's tests: vertices on a coarse lattice (shared by many
// roads), some moved by less than the graph's 1e-7° rounding, segments drawn twice (both ways),
// zero-length segments, multi-lines and broken vertices (NaN, out of range, not an array).
import { mulberry32 } from '../../scripts/demo/prng';
import type { Road } from '../../src/core/model';

export function randomRoads(seed: number, n: number): Road[] {
  const rng = mulberry32(seed);
  // vertices on a coarse lattice (shared by many roads), some moved by less than the 1e-7° rounding
  const vertex = (): unknown => {
    const r = rng();
    if (r < 0.01) return [Number.NaN, 1];
    if (r < 0.02) return [200, 30];
    if (r < 0.025) return 'x';
    const x = 116 + Math.floor(rng() * 40) * 1e-3 + (rng() < 0.1 ? 3e-9 : 0);
    const y = 39 + Math.floor(rng() * 40) * 1e-3 - (rng() < 0.1 ? 4e-9 : 0);
    return [x, y];
  };
  const line = () => {
    const pts = Array.from({ length: 2 + Math.floor(rng() * 6) }, vertex);
    if (rng() < 0.1) pts.push(pts[pts.length - 1]); // a zero-length segment
    if (rng() < 0.1) pts.push(pts[pts.length - 2]); // back along the last segment
    return pts;
  };
  return Array.from({ length: n }, (_, i) =>
    rng() < 0.2
      ? ({ id: `m${i}`, geometry: { type: 'MultiLineString', coordinates: [line(), line()] } } as Road)
      : ({ id: `r${i}`, geometry: { type: 'LineString', coordinates: line() } } as Road),
  );
}
