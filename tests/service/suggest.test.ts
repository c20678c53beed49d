// The worker's suggestion call on a tiny hand-made project: the answer is checked against an
// exhaustive search written here (own haversine, own coverage sum), progress arrives in order,
// and a request overtaken by a newer one (or cancelled) is dropped.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Community, Facility, Layers } from '../../src/core/model';
import { createAnalysisSession } from '../../src/service/session';
import { reachFor } from '../../src/service/reach';
import { createSuggestApi, parcelsFromFile, type SuggestProgress, type SuggestRequest } from '../../src/service/suggest';

const api = createAnalysisSession();

// Communities on one east–west line at 34°N; x in metres east of 109°E.
const LAT = 34;
const M_PER_DEG_LON = 111195 * Math.cos((LAT * Math.PI) / 180);
const lonOf = (x: number) => 109 + x / M_PER_DEG_LON;
const PEOPLE: [string, number, number][] = [
  // id, x (m), residents
  ['A', 0, 1000],
  ['B', 700, 800],
  ['C', 1400, 900],
  ['D', 5000, 1500],
  ['E', 5600, 200],
  ['F', 10000, 300],
];
const community = ([id, x, population]: [string, number, number]): Community => ({
  id,
  name: `community ${id}`,
  type: 'built',
  population,
  geometry: { type: 'Point', coordinates: [lonOf(x), LAT] },
  extra: {},
});
const centre = (id: string, x: number): Facility => ({ id, name: id, kind: 'childcare_centre', places: 50, geometry: { type: 'Point', coordinates: [lonOf(x), LAT] }, extra: {} });

function layers(facilities: Facility[] = []): Layers {
  return { communities: PEOPLE.map(community), facilities, streets: [], roads: [] };
}

/** independent great-circle distance (spherical, mean radius) */
function haversine(a: [number, number], b: [number, number]): number {
  const r = (d: number) => (d * Math.PI) / 180;
  const h = Math.sin(r(b[1] - a[1]) / 2) ** 2 + Math.cos(r(a[1])) * Math.cos(r(b[1])) * Math.sin(r(b[0] - a[0]) / 2) ** 2;
  return 2 * 6371008.8 * Math.asin(Math.sqrt(h));
}

/** Best residents newly covered by k new sites at community points (810 m = 15 min × 0.9 m/s),
 *  communities within 810 m of an existing site not counting: every k-subset tried. */
function bruteForce(k: number, existing: number[]): { best: number; sites: string[] } {
  const pt = (x: number): [number, number] => [lonOf(x), LAT];
  const open = PEOPLE.filter(([, x]) => !existing.some((e) => haversine(pt(x), pt(e)) <= 810));
  let best = -1;
  let sites: string[] = [];
  const choose = (start: number, chosen: number[]) => {
    if (chosen.length === k) {
      const covered = open.filter(([, x]) => chosen.some((j) => haversine(pt(x), pt(PEOPLE[j][1])) <= 810)).reduce((s, [, , p]) => s + p, 0);
      if (covered > best) {
        best = covered;
        sites = chosen.map((j) => PEOPLE[j][0]);
      }
      return;
    }
    for (let j = start; j < PEOPLE.length; j++) choose(j + 1, [...chosen, j]);
  };
  choose(0, []);
  return { best, sites };
}

const request = (over: Partial<SuggestRequest> = {}): SuggestRequest => ({
  kind: 'childcare_centre',
  goal: 'coverage',
  cohort: 'all',
  sites: 2,
  candidates: { communities: true },
  params: {},
  ...over,
});

function apiOn(l: Layers | null) {
  return createSuggestApi({ layers: () => l, reach: (p, roads) => reachFor(p, roads, null), reachKept: () => false });
}

describe('worker suggest', () => {
  it('two new sites: the exhaustive optimum (B covers A, B, C = 2700; D covers D, E = 1700)', async () => {
    const brute = bruteForce(2, []);
    expect(brute.best).toBe(2700 + 1700); // by hand, see the comment above
    const out = await apiOn(layers()).suggest(request());
    if (!out.ok || !('result' in out)) throw new Error(`expected a result, got ${JSON.stringify(out)}`);
    const r = out.result;
    expect(r.sites.map((s) => s.candidate.id)).toEqual(['community:B', 'community:D']);
    expect(r.sites.map((s) => s.gain)).toEqual([2700, 1700]);
    expect(r.sites.at(-1)?.cumulative).toBe(brute.best);
    // D and E tie at 1700: the earlier candidate wins; the brute force keeps the first subset found
    expect(brute.sites).toEqual(['B', 'D']);
  });

  it('existing facilities serve first: with a centre at D, the second site goes to F', async () => {
    const brute = bruteForce(2, [5000]);
    expect(brute.best).toBe(2700 + 300);
    const out = await apiOn(layers([centre('X', 5000)])).suggest(request());
    if (!out.ok || !('result' in out)) throw new Error('expected a result');
    expect(out.result.sites.map((s) => s.candidate.id)).toEqual(['community:B', 'community:F']);
    expect(out.result.sites.at(-1)?.cumulative).toBe(brute.best);
    expect(out.result.servedByExisting).toBe(1500 + 200);
  });

  it('reports progress in order, ending with done', async () => {
    const seen: SuggestProgress[] = [];
    const out = await apiOn(layers()).suggest(request(), (p) => seen.push(p));
    expect(out.ok).toBe(true);
    // straight reach, community candidates: no street graph to build, no nearest-community query
    expect(seen.map((p) => p.step)).toEqual(['start', 'reach', 'candidates', 'solve', 'done']);
    const fractions = seen.map((p) => p.fraction);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(fractions.at(-1)).toBe(1);
  });

  it('a request overtaken by a newer one is dropped; the newer one answers', async () => {
    const a = apiOn(layers());
    const first = a.suggest(request({ sites: 1 }));
    const second = a.suggest(request({ sites: 2 }));
    expect(await first).toEqual({ ok: false, superseded: true });
    const out = await second;
    if (!out.ok || !('result' in out)) throw new Error('expected the newer request to answer');
    expect(out.result.sites.length).toBe(2);
  });

  it('cancelSuggest drops the running request', async () => {
    const a = apiOn(layers());
    const running = a.suggest(request());
    a.cancelSuggest();
    expect(await running).toEqual({ ok: false, superseded: true });
  });

  it('no project, a bad option, a grid without an area: clear errors, never a result', async () => {
    expect(await apiOn(null).suggest(request())).toEqual({ ok: false, error: { key: 'suggest.error.noProject' } });
    const bad = await apiOn(layers()).suggest(request({ budget: 1000 }));
    expect(bad.ok).toBe(false);
    expect(JSON.stringify(bad)).toContain('a budget needs a capacity');
    expect(await apiOn(layers()).suggest(request({ candidates: { communities: false, grid: { spacing: 500 } } }))).toEqual({
      ok: false,
      error: { key: 'suggest.error.noGridArea' },
    });
  });

  it("runs on the layers the worker holds, with the open scenario's edits", async () => {
    const sample = JSON.parse(readFileSync('data/sample/project.json', 'utf8')) as unknown;
    const loaded = api.load(sample, 'sample');
    if (!loaded.ok) throw new Error('sample did not load');
    const before = await api.suggest(request({ sites: 1 }));
    if (!before.ok || !('result' in before)) throw new Error('expected a result');
    expect(before.result.counts.demand).toBe(loaded.project.communities.length);
    // an edit that adds a childcare centre on the first pick's point: that demand is now served
    const pick = before.result.sites[0];
    if (!pick) throw new Error('expected a pick on the sample');
    api.setEdits([
      {
        id: 'e1',
        note: { key: 'x' },
        put: [{ layer: 'facilities', feature: { id: 'new-cc', name: 'n', kind: 'childcare_centre', geometry: { type: 'Point', coordinates: pick.candidate.point }, extra: {} } }],
      },
    ]);
    const after = await api.suggest(request({ sites: 1 }));
    if (!after.ok || !('result' in after)) throw new Error('expected a result');
    expect(after.result.servedByExisting).toBeCloseTo(before.result.servedByExisting + pick.gain, 6);
    api.setEdits([]);
  });
});

describe('parcels file', () => {
  const enc = (o: unknown) => new TextEncoder().encode(JSON.stringify(o));
  it('reads Point features with Chinese field names', async () => {
    const fc = {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [109.01, 34] }, properties: { 编号: 'P1', 名称: '闲置校舍', mode: 'converted', 容量: 40 } }],
    };
    expect(await parcelsFromFile('parcels.geojson', enc(fc))).toEqual({
      ok: true,
      file: 'parcels.geojson',
      parcels: [{ id: 'P1', name: '闲置校舍', point: [109.01, 34], mode: 'converted', capacity: 40 }],
    });
  });
  it('names the file, the feature and the field of every problem', async () => {
    const fc = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [109, 34],
                [109.001, 34],
                [109.001, 34.001],
                [109, 34],
              ],
            ],
          },
          properties: { id: 'P1' },
        },
        { type: 'Feature', geometry: { type: 'Point', coordinates: [109.01, 34] }, properties: { id: 'P2', capacity: -3 } },
      ],
    };
    const out = await parcelsFromFile('p.geojson', enc(fc));
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.errors).toEqual([
      { key: 'suggest.parcels.notPoint', args: { file: 'p.geojson', number: 1, id: 'P1', type: 'Polygon' } },
      { key: 'suggest.parcels.capacity', args: { file: 'p.geojson', number: 2, id: 'P2', value: '-3' } },
    ]);
  });
});
