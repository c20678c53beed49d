// Project files: current version read, older version migrated, newer/broken explained, round trip.
import { describe, expect, it } from 'vitest';
import { PROJECT_VERSION, parseAssignment, parseProject, projectToJson } from '../../src/schemas';
import { tm } from '../../src/i18n';

const pt = (x: number, y: number) => ({ type: 'Point', coordinates: [x, y] });
const layers = {
  communities: { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { id: 'C1', type: 'new', population: 1000, 备注: 'x' }, geometry: pt(108.9, 34.1) }] },
  facilities: { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { id: 'F1', kind: 'childcare_centre', places: 10 }, geometry: pt(108.9, 34.1) }] },
};

describe('project file', () => {
  it('reads the current version', () => {
    const r = parseProject(
      JSON.stringify({ version: 1, area: { name: '样例', baselinePlaces: 5 }, profile: 'wy', params: { walkSpeed: 1.2 }, ...layers, scenarios: [{ name: 'A' }] }),
      'p.json',
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.migratedFrom).toBeUndefined();
    expect(r.project.profile).toBe('wy');
    expect(r.project.params).toEqual({ walkSpeed: 1.2 });
    expect(r.project.area.baselinePlaces).toBe(5);
    expect(r.project.communities[0].extra).toEqual({ 备注: 'x' });
    expect(r.project.streets).toEqual([]);
    expect(r.other).toEqual({ scenarios: [{ name: 'A' }] });
  });
  it('migrates an unversioned (version 0) bundle and says so', () => {
    const r = parseProject(JSON.stringify(layers), 'dir/old-area.json');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.migratedFrom).toBe(0);
    expect(r.project.profile).toBe('combined');
    expect(r.project.area.name).toBe('old-area');
    expect(r.project.params).toEqual({});
  });
  it('explains a newer version instead of reading it', () => {
    const r = parseProject(JSON.stringify({ version: PROJECT_VERSION + 1, ...layers }), 'p.json');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems[0].field).toBe('version');
    expect(tm('en', r.problems[0].msg)).toContain(`version ${PROJECT_VERSION + 1} is newer`);
  });
  it('explains broken JSON, a bad params entry and a bad area value', () => {
    const a = parseProject('{"version": 1, ', 'p.json');
    expect(!a.ok && tm('en', a.problems[0].msg)).toContain('p.json: not valid JSON');
    const b = parseProject({ version: 1, params: { walkSped: 1 }, ...layers }, 'p.json');
    expect(!b.ok && tm('en', b.problems[0].msg)).toContain('Unknown parameter walkSped');
    const c = parseProject({ version: 1, area: { name: 'x', lotteryShare: 60 }, ...layers }, 'p.json');
    expect(!c.ok && c.problems[0].field).toBe('area.lotteryShare');
    const d = parseProject({ version: 1, profile: 'xx', ...layers }, 'p.json');
    expect(!d.ok && tm('en', d.problems[0].msg)).toBe('Unknown profile xx. Available: ak, cf, wy, xn, ca, combined.');
  });
  it('a feature problem inside names the layer and the feature', () => {
    const broken = { ...layers, facilities: { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { id: 'F9' }, geometry: pt(108.9, 34.1) }] } };
    const r = parseProject({ version: 1, ...broken }, 'p.json');
    expect(!r.ok && r.problems[0]).toMatchObject({ file: 'p.json#facilities', index: 0, id: 'F9', field: 'kind' });
  });
  it('round-trips through projectToJson (road attribution included)', () => {
    const roads = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { id: 'r1', highway: 'footway', source: '© OpenStreetMap contributors (ODbL)' },
          geometry: {
            type: 'LineString',
            coordinates: [
              [108.9, 34.1],
              [108.91, 34.1],
            ],
          },
        },
      ],
    };
    const r = parseProject({ version: 1, area: { name: 'A' }, profile: 'ca', params: {}, ...layers, roads, views: [1] }, 'p.json');
    if (!r.ok) throw new Error('fixture');
    const again = parseProject(JSON.stringify(projectToJson(r.project, r.other)), 'p.json');
    expect(again.ok && again.project).toEqual(r.project);
    expect(again.ok && again.other).toEqual({ views: [1] });
    expect(again.ok && again.project.roads[0].source).toBe('© OpenStreetMap contributors (ODbL)');
  });
});

describe('--set assignments', () => {
  it('numbers, kind lists and thresholds', () => {
    let p = {};
    for (const s of ['walkSpeed=1.1', 'elderlyCircleKinds=elderly_daycare,elderly_complex', 'threshold.ca.community.min:elderly=350']) {
      const r = parseAssignment(s, p);
      if (!r.ok) throw new Error(s);
      p = r.params;
    }
    expect(p).toEqual({ walkSpeed: 1.1, elderlyCircleKinds: ['elderly_daycare', 'elderly_complex'], thresholds: { 'ca.community.min:elderly': 350 } });
  });
  it('refuses unknown names and bad values with the name in the message', () => {
    const a = parseAssignment('speed=1', {});
    expect(!a.ok && tm('en', a.msg)).toContain('Unknown parameter speed');
    const b = parseAssignment('walkSpeed=fast', {});
    expect(!b.ok && tm('en', b.msg)).toContain('walkSpeed');
    const c = parseAssignment('reach=teleport', {});
    expect(c.ok).toBe(false);
    const d = parseAssignment('elderlyCircleKinds=hospital', {});
    expect(d.ok).toBe(false);
  });
});
