// The community→facility walks of a network analysis (reachColumns), on a small instance of the
// synthetic large city (irregular blocks, surveyed outlines, a curved street network), against a
// reference built here from the plain pieces: the walk along the streets from every way out of a
// community (the engine's pairs(), itself checked against Floyd–Warshall in brute-force.test.ts)
// plus the walk inside to it, the best per community; the straight walk inside the block (haversine,
// no street crossed); 0 m on site. The network engine keeps the best way out per community while it
// walks (bySupply): this fails if that changes any walk, how it goes, or who is unplaced.
// The nearest facility beyond the circle reuses the ways out placed by those walks: it is checked
// against each way out placed afresh on a new engine (nearest(), checked in brute-force.test.ts).
import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { generateBenchCity } from '../../scripts/bench-city/city';
import { haversine, representativePoint } from '../../src/core/geo';
import { accessPoints, insideOf, nearestFacilities, reachColumns, VIAS, type CommunityPlace, type ReachColumn } from '../../src/core/reach/community-reach';
import { createNetworkEngine, type NetworkEngine } from '../../src/core/reach/network-engine';
import type { LonLat, ReachEngine } from '../../src/core/reach/types';

const city = generateBenchCity({ seed: 11, communities: 160, facilities: 120, roadNodes: 6_000, streets: 3 });
const MAX = 810;
const SNAP = 150;

const places: CommunityPlace[] = city.communities.map((c, i) => {
  const point = representativePoint(c.geometry);
  // every fifth community has two gates: its first two outline vertices (the generator draws polygons)
  const ring = (c.geometry as Polygon).coordinates[0];
  return i % 5 === 0 ? { point, geometry: c.geometry, entrances: [ring[0] as LonLat, ring[1] as LonLat] } : { point, geometry: c.geometry };
});
// just outside the outline of every eighth community (between its fence and the street: the same block)
const besideFence: LonLat[] = places.flatMap((p, i) => {
  if (i % 8 !== 0 || p.geometry.type !== 'Polygon') return [];
  const v = p.geometry.coordinates[0][3];
  return [[v[0] + (v[0] - p.point[0]) * 0.02, v[1] + (v[1] - p.point[1]) * 0.02] as LonLat];
});
// the city's facilities, those, and two far from every street (unplaced)
const supply: LonLat[] = [...city.facilities.map((f) => f.geometry.coordinates as LonLat), ...besideFence, [0, 0], [179, 80]];

type Walk = { d: number; via: string };

/** per facility: community → its shortest walk (ties: the plainer via), from the plain pieces */
function reference(engine: NetworkEngine, onsite: number[][]): { walks: Map<number, Walk>[]; unplaced: number[] } {
  const walks = supply.map(() => new Map<number, Walk>());
  const offer = (f: number, c: number, d: number, via: string) => {
    const old = walks[f].get(c);
    if (!old || d < old.d || (d === old.d && VIAS.indexOf(via as never) < VIAS.indexOf(old.via as never))) walks[f].set(c, { d, via });
  };
  const owner: number[] = [];
  const inner: number[] = [];
  const flat: LonLat[] = [];
  places.forEach((p, c) => {
    const a = accessPoints(p);
    a.points.forEach((q, k) => {
      owner.push(c);
      inner.push(a.inner[k]);
      flat.push(q);
    });
  });
  const r = engine.pairs({ demand: flat, supply, maxDistance: MAX });
  for (let a = 0; a < flat.length; a++)
    for (let k = r.offsets[a]; k < r.offsets[a + 1]; k++) if (inner[a] + r.distance[k] <= MAX) offer(r.supply[k], owner[a], inner[a] + r.distance[k], 'streets');
  places.forEach((p, c) => {
    const starts = p.entrances ? p.entrances.map((e) => ({ at: e, inner: haversine(p.point, e) })) : [{ at: p.point, inner: 0 }];
    supply.forEach((s, f) => {
      for (const st of starts) {
        const d = st.inner + haversine(st.at, s);
        if (d <= MAX && !engine.crossesStreet(st.at, s)) offer(f, c, d, 'block');
      }
    });
    for (const f of onsite[c]) offer(f, c, 0, 'site');
  });
  const unplaced = places.flatMap((_, c) => (flat.some((q, a) => owner[a] === c && engine.snap(q) !== null) ? [] : [c]));
  return { walks, unplaced };
}

const asMap = (col: ReachColumn): Map<number, Walk> => new Map([...col.community].map((c, k) => [c, { d: col.distance[k], via: VIAS[col.via[k]] }]));

describe('community walks of a network analysis, on a small synthetic city', () => {
  const engine = createNetworkEngine(city.roads, { snapDistance: SNAP });
  const onsite = insideOf(places, supply);
  const want = reference(engine, onsite);

  it('the instance exercises every kind of walk, unplaced facilities and gates', () => {
    const vias = new Set(want.walks.flatMap((m) => [...m.values()].map((w) => w.via)));
    expect([...vias].sort()).toEqual(['block', 'site', 'streets']);
    expect(want.walks.reduce((s, m) => s + m.size, 0)).toBeGreaterThan(1000);
  });

  // the network engine's own walk (bySupply), and an engine offering only pairs() (a plug-in)
  const plugIn: ReachEngine = { mode: 'network', pairs: (q) => engine.pairs(q), crossesStreet: (a, b) => engine.crossesStreet(a, b) };
  for (const [name, e] of [
    ['the network engine', engine],
    ['an engine with pairs() only', plugIn],
  ] as const) {
    it(`${name}: every facility's walks equal the reference (same communities, via, metres)`, () => {
      const got = reachColumns(e, places, supply, onsite, MAX);
      expect(got.columns).toHaveLength(supply.length);
      got.columns.forEach((col, f) => {
        const g = asMap(col);
        const w = want.walks[f];
        expect(
          [...g.keys()].sort((a, b) => a - b),
          `facility ${f}`,
        ).toEqual([...w.keys()].sort((a, b) => a - b));
        for (const [c, x] of w) {
          expect(g.get(c)?.via, `facility ${f}, community ${c}`).toBe(x.via);
          expect(g.get(c)?.d, `facility ${f}, community ${c}`).toBeCloseTo(x.d, 6);
        }
      });
      expect(got.columns.map((c, f) => (c.unplaced ? f : -1)).filter((f) => f >= 0)).toEqual([supply.length - 2, supply.length - 1]);
      expect(got.unplacedPlaces).toEqual(want.unplaced);
    });
  }
});

describe('nearest facility beyond the circle, from the placement the walks made', () => {
  const engine = createNetworkEngine(city.roads, { snapDistance: SNAP });
  // first a community far from every street and one whose first gate is: the ways out placed are
  // then not the ways out listed, so a mix-up of the two shows
  const far: LonLat = [0, 0];
  const gated = places[0].entrances as LonLat[];
  const here: CommunityPlace[] = [{ point: far, geometry: { type: 'Point', coordinates: far } }, { ...places[0], entrances: [far, ...gated] }, ...places];
  // a subset of the communities, not in order (gates included), and every third facility
  const wanted = here
    .map((_, c) => c)
    .filter((c) => c % 3 !== 2)
    .reverse();
  const candidates = supply.map((_, f) => f).filter((f) => f % 3 === 0);

  /** each way out placed afresh (a new engine, nothing kept), its nearest candidate plus the walk inside; the first best way out per community */
  function fresh(): Map<number, { facility: number; distance: number }> {
    const other = createNetworkEngine(city.roads, { snapDistance: SNAP });
    const out = new Map<number, { facility: number; distance: number }>();
    for (const c of wanted) {
      const a = accessPoints(here[c]);
      const r = other.nearest({ demand: a.points, supply: candidates.map((f) => supply[f]), n: 1 });
      a.points.forEach((_, k) => {
        if (r.supply[k] < 0) return;
        const d = a.inner[k] + r.distance[k];
        const old = out.get(c);
        if (!old || d < old.distance) out.set(c, { facility: candidates[r.supply[k]], distance: d });
      });
    }
    return out;
  }

  it('equals placing every way out again: same facility, same metres, same communities', () => {
    reachColumns(engine, here, supply, insideOf(here, supply), MAX); // the walks place the ways out
    const got = nearestFacilities(engine, here, supply, candidates, wanted);
    const want = fresh();
    expect(want.size).toBeGreaterThan(80);
    expect(
      [...got.entries()]
        .filter(([, n]) => n.via === 'streets')
        .map(([c, n]) => [c, n.facility, n.distance])
        .sort((a, b) => a[0] - b[0]),
    ).toEqual([...want.entries()].map(([c, n]) => [c, n.facility, n.distance]).sort((a, b) => a[0] - b[0]));
    // none asked for is left out (no street path: the straight line), none not asked for answered
    expect([...got.keys()].sort((a, b) => a - b)).toEqual([...wanted].sort((a, b) => a - b));
  });
});
