// The engine on the committed demo network (data/demo) against the plain reference: every-edge
// snapping, Bellman–Ford from each facility, Vincenty lengths. Communities start from the mean of
// their outline's vertices; facilities from their points.
import { readFileSync } from 'node:fs';
import { booleanValid } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import type { Road } from '../../src/core/model';
import { createNetworkEngine } from '../../src/core/reach/network-engine';
import type { LonLat } from '../../src/core/reach/types';
import { ReferenceNetwork } from './reference';

const DIR = 'data/demo';

interface Fc {
  features: { properties: Record<string, unknown>; geometry: { type: string; coordinates: unknown } }[];
}
const read = (f: string): Fc => JSON.parse(readFileSync(`${DIR}/${f}`, 'utf8')) as Fc;

describe('demo network against a brute-force reference', () => {
  it('the same distances from 20 facilities to every community within 3 km (1e-9 relative)', () => {
    const roads: Road[] = read('roads.geojson').features.map((f, i) => ({ id: String(f.properties.id ?? i), geometry: f.geometry as Road['geometry'] }));
    const communities: LonLat[] = read('communities.geojson').features.map((f) => {
      const ring = (f.geometry.coordinates as number[][][])[0].slice(0, -1);
      return [ring.reduce((s, p) => s + p[0], 0) / ring.length, ring.reduce((s, p) => s + p[1], 0) / ring.length];
    });
    const all = read('facilities.geojson').features.map((f) => f.geometry.coordinates as LonLat);
    const step = Math.floor(all.length / 20);
    const facilities = all.filter((_, i) => i % step === 0).slice(0, 20);
    const SNAP = 500;
    const MAX = 3000;
    const engine = createNetworkEngine(roads, { snapDistance: SNAP });
    const got = engine.pairs({ demand: communities, supply: facilities, maxDistance: MAX });
    const ref = new ReferenceNetwork(roads);
    const cSnaps = communities.map((p) => ref.snap(p, SNAP));
    let compared = 0;
    facilities.forEach((f, j) => {
      const fs = ref.snap(f, SNAP);
      const dist = fs ? ref.fromSnap(fs) : null;
      communities.forEach((_, d) => {
        const cs = cSnaps[d];
        const want = fs && dist && cs ? ref.toSnap(fs, dist, cs) : Infinity;
        let mine = Infinity;
        for (let k = got.offsets[d]; k < got.offsets[d + 1]; k++) if (got.supply[k] === j) mine = got.distance[k];
        if (Math.abs(want - MAX) < 1e-6) return; // on the cutoff: either side is right
        if (want > MAX) expect(mine, `community ${d}, facility ${j}`).toBe(Infinity);
        else {
          compared++;
          expect(Math.abs(mine - want) / want, `community ${d}, facility ${j}`).toBeLessThan(1e-9);
        }
      });
    });
    expect(compared).toBeGreaterThan(300);
    expect(got.unplacedDemand).toEqual(cSnaps.flatMap((s, i) => (s ? [] : [i])));
  });

  it('draws the service area of all day-care centres as a valid polygon (streets close together pinch the raster)', () => {
    const roads: Road[] = read('roads.geojson').features.map((f, i) => ({ id: String(f.properties.id ?? i), geometry: f.geometry as Road['geometry'] }));
    const daycare = read('facilities.geojson')
      .features.filter((f) => f.properties.kind === 'elderly_daycare')
      .map((f) => f.geometry.coordinates as LonLat);
    const engine = createNetworkEngine(roads, { snapDistance: 500 });
    const sa = engine.serviceArea(daycare, 810);
    expect(sa.area).not.toBeNull();
    expect(booleanValid({ type: 'Feature', properties: {}, geometry: sa.area! })).toBe(true);
  });
});
