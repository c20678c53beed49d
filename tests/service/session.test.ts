// The analysis session run in-process on real project files: the same object the worker exposes.
import { readFileSync } from 'node:fs';
import { booleanPointInPolygon } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { createAnalysisSession } from '../../src/service/session';

const api = createAnalysisSession();

const sample = JSON.parse(readFileSync('data/sample/project.json', 'utf8')) as Record<string, unknown>;

// One east–west street at 34°N from 109.00 to 109.03; at that latitude 1° of longitude is
// 111 195 m × cos 34° ≈ 92 185 m, so 0.01° ≈ 922 m. A day-care centre on the street at `lon`.
const lat = 34;
const mPerDeg = 111195 * Math.cos((lat * Math.PI) / 180);
/** a point on the street `m` metres east of 109.00 */
const at = (m: number) => [109 + m / mPerDeg, lat];
function streetLine(lon = 109) {
  return {
    version: 1,
    area: { name: 'line' },
    communities: {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: { id: 'c', name: 'c', type: 'built', population: 100 }, geometry: { type: 'Point', coordinates: [109.005, lat] } }],
    },
    facilities: {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: { id: 'd', name: 'd', kind: 'elderly_daycare' }, geometry: { type: 'Point', coordinates: [lon, lat] } }],
    },
    roads: {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { id: 'r', highway: 'residential' },
          geometry: {
            type: 'LineString',
            coordinates: [
              [109, lat],
              [109.01, lat],
              [109.02, lat],
              [109.03, lat],
            ],
          },
        },
      ],
    },
  };
}

describe('analysis session', () => {
  it('a broken file comes back as problems naming the file, feature and field', () => {
    const broken = structuredClone(sample) as { facilities: { features: { geometry: unknown }[] } };
    broken.facilities.features[1].geometry = { type: 'Point', coordinates: [500, 34] };
    const r = api.load(broken, 'broken.json');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems[0]).toMatchObject({ index: 1 });
    expect(r.problems[0].field).toContain('geometry');
    expect(r.problems[0].file).toContain('broken.json');
  });

  it('a bad value is a data issue of that feature, not a failed load, and never a zero', () => {
    const odd = structuredClone(sample) as { facilities: { features: { properties: Record<string, unknown> }[] } };
    odd.facilities.features[1].properties.beds = 'many';
    const id = String(odd.facilities.features[1].properties.id);
    const r = api.load(odd, 'odd.json');
    if (!r.ok) throw new Error('expected the load to succeed');
    expect(r.project.issues.some((i) => i.id === id && i.field === 'beds')).toBe(true);
    expect(r.project.facilities[1].beds).toBeUndefined();
  });

  it('loads the sample and analyses every profile it lists', () => {
    const r = api.load(sample, 'data/sample/project.json');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.project.communities.length).toBe(5);
    const ids = api.listProfiles().map((p) => p.id);
    expect(ids).toEqual(expect.arrayContaining(['ak', 'cf', 'wy', 'xn', 'ca', 'combined']));
    for (const profile of ids) {
      const a = api.analyse({ profile, params: {} });
      expect(a.evaluation.profile).toBe(profile);
      expect(a.evaluation.results.length).toBeGreaterThan(0);
      expect(a.reach).toBe('straight'); // the sample has no roads: auto means straight lines, said without a warning
      expect(a.reachNote).toBeUndefined();
    }
  });

  it('network asked for without roads: straight lines, with the reason', () => {
    api.load(sample, 'sample');
    const a = api.analyse({ profile: 'wy', params: { reach: 'network' } });
    expect(a.reach).toBe('straight');
    expect(a.reachNote).toBe('ui.reach.noRoads');
    expect(a.serviceAreas?.features.length).toBeGreaterThan(0);
  });

  it('network mode: walk areas follow the street, 810 m reached and 1000 m not', () => {
    const project = streetLine();
    expect(api.load(project, 'line.json').ok).toBe(true);
    const req = { profile: 'wy', params: { reach: 'network' as const } };
    // the default (auto) walks the streets as soon as the project has roads, without being asked
    expect(api.analyse({ profile: 'wy', params: {} })).toMatchObject({ reach: 'network', reachNote: undefined });
    expect(api.analyse({ profile: 'wy', params: { reach: 'straight' } }).reach).toBe('straight');
    const a = api.analyse(req);
    expect(a.reach).toBe('network');
    expect(a.serviceAreas).toBeNull(); // computed by walkAreas()
    const areas = api.walkAreas(req);
    const elderly = areas.features.filter((f) => f.properties.circle === 'elderly');
    expect(elderly.length).toBe(1);
    // 15 min × 60 × 0.9 = 810 m along the street
    expect(booleanPointInPolygon(at(700), elderly[0])).toBe(true);
    expect(booleanPointInPolygon(at(1000), elderly[0])).toBe(false);
  });

  it('walk areas asked again are the same, and never stale: a moved centre, a shorter circle, undo, straight lines and another project each get their own', () => {
    const session = createAnalysisSession();
    const r = session.load(streetLine(), 'line.json');
    if (!r.ok) throw new Error('expected the line to load');
    const areas = (params: Record<string, unknown> = {}) => session.walkAreas({ profile: 'wy', params }).features.filter((f) => f.properties.circle === 'elderly');
    const reaches = (m: number, params?: Record<string, unknown>) => areas(params).some((f) => booleanPointInPolygon(at(m), f));
    // asked twice with nothing changed: the same answer, not walked again
    expect(session.walkAreas({ profile: 'wy', params: {} })).toBe(session.walkAreas({ profile: 'ca', params: {} }));
    // the centre at 0 m reaches 810 m along the street (15 min × 60 s × 0.9 m/s)
    expect([reaches(700), reaches(2400)]).toEqual([true, false]);
    // moved to the node at 109.02 (1 844 m): it reaches 1 034–2 654 m
    const d = r.project.facilities[0];
    const moved = { ...d, geometry: { type: 'Point' as const, coordinates: [109.02, lat] } };
    session.setEdits([{ id: 'm', note: { key: 'x' }, put: [{ layer: 'facilities', feature: moved }] }]);
    expect([reaches(700), reaches(2400)]).toEqual([false, true]);
    // undone: back at 0 m
    session.setEdits([]);
    expect([reaches(700), reaches(2400)]).toEqual([true, false]);
    // 10 minutes: 540 m
    expect([reaches(400, { circleMinutes: 10 }), reaches(700, { circleMinutes: 10 })]).toEqual([true, false]);
    expect(reaches(700)).toBe(true);
    // straight lines: a circle of the centre's own, not the network's merged walk area
    expect(areas({ reach: 'straight' }).map((f) => f.properties.facility)).toEqual(['d']);
    expect(areas().map((f) => f.properties.facility)).toEqual(['*']);
    // another project with its centre at 109.02
    expect(session.load(streetLine(109.02), 'line2.json').ok).toBe(true);
    expect([reaches(700), reaches(2400)]).toEqual([false, true]);
  });

  it('a new session holds nothing of another: analyse before its own load is a clear error', () => {
    expect(api.load(sample, 'sample').ok).toBe(true);
    expect(api.analyse({ profile: 'wy', params: {} }).evaluation.results.length).toBeGreaterThan(0);
    const fresh = createAnalysisSession();
    expect(() => fresh.analyse({ profile: 'wy', params: {} })).toThrow(/analyse\(\) called before load\(\): load a project first/);
    expect(() => fresh.setEdits([])).toThrow(/setEdits\(\) called before load/);
  });
});
