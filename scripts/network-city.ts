// A seeded synthetic street network for benchmarks and the pgRouting check, independent of the
// demo generator: a grid of blocks with bent streets (shape points between junctions), streets
// missing at random, a river crossed only by every 8th street, and expressways that cross the grid
// without shared nodes (overpasses). Lon/lat around 长安区.
import type { Road } from '../src/core/model';
import type { LonLat } from '../src/core/reach/types';
import { mulberry32 as rng } from './demo/prng';

export { rng };

export interface SyntheticCity {
  roads: Road[];
  facilities: LonLat[];
  communities: LonLat[];
  /** nodes the graph builder will make (junctions + shape points) */
  approxNodes: number;
}

const BLOCK = 120; // metres between junctions
const SHAPE_POINTS = 3; // bends per street between two junctions
const M_LAT = 111_195; // metres per degree of latitude (sphere)

export function syntheticCity(opts: { nodes: number; facilities: number; communities: number; seed?: number }): SyntheticCity {
  const r = rng(opts.seed ?? 1);
  // each junction owns ~2 streets × SHAPE_POINTS shape points, minus the missing ones
  const side = Math.ceil(Math.sqrt(opts.nodes / (1 + 2 * SHAPE_POINTS * 0.9)));
  const lon0 = 108.8;
  const lat0 = 34.0;
  const mLon = M_LAT * Math.cos((lat0 * Math.PI) / 180);
  const at = (i: number, j: number): LonLat => [lon0 + (i * BLOCK) / mLon, lat0 + (j * BLOCK) / M_LAT];
  const river = Math.floor(side / 2);
  const roads: Road[] = [];
  const street = (a: LonLat, b: LonLat, id: string, highway: string): void => {
    const coords: LonLat[] = [a];
    for (let k = 1; k <= SHAPE_POINTS; k++) {
      const f = k / (SHAPE_POINTS + 1);
      const wobble = (r() - 0.5) * 0.15 * (BLOCK / M_LAT);
      coords.push([a[0] + f * (b[0] - a[0]) + wobble, a[1] + f * (b[1] - a[1]) + wobble]);
    }
    coords.push(b);
    roads.push({ id, highway, geometry: { type: 'LineString', coordinates: coords } });
  };
  let nodes = side * side;
  for (let i = 0; i < side; i++)
    for (let j = 0; j < side; j++) {
      const hw = i % 10 === 0 || j % 10 === 0 ? 'secondary' : 'residential';
      if (i + 1 < side && r() > 0.1) {
        street(at(i, j), at(i + 1, j), `h${i}-${j}`, hw);
        nodes += SHAPE_POINTS;
      }
      // the river runs between rows river and river+1: only every 8th street bridges it
      if (j + 1 < side && r() > 0.1 && (j !== river || i % 8 === 0)) {
        street(at(i, j), at(i, j + 1), `v${i}-${j}`, hw);
        nodes += SHAPE_POINTS;
      }
    }
  // expressways on diagonals with vertices only every 10 blocks: they cross streets without meeting them
  for (let d = 0; d + 10 < side; d += 10) {
    roads.push({ id: `x${d}`, highway: 'trunk', geometry: { type: 'LineString', coordinates: [at(d, 0), at(d + 10, 10)] } });
    nodes += 2;
  }
  const span = (side - 1) * BLOCK;
  const pt = (): LonLat => [lon0 + (r() * span) / mLon, lat0 + (r() * span) / M_LAT];
  return {
    roads,
    facilities: Array.from({ length: opts.facilities }, pt),
    communities: Array.from({ length: opts.communities }, pt),
    approxNodes: nodes,
  };
}
