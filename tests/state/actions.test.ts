// Actions against the real analysis API run in-process (the worker's functions without the
// thread), on the hand-made sample area.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createActions } from '../../src/state/actions';
import { createAppState } from '../../src/state/app-state';
import { createAnalysisSession } from '../../src/service/session';
import type { AnalysisClient } from '../../src/worker/client';
import { latestOnly } from '../../src/worker/latest';

const api = createAnalysisSession();

function setup(file = 'data/sample/project.json') {
  const client: Pick<AnalysisClient, 'listProfiles' | 'load' | 'loadUrl' | 'analyse' | 'walkAreas'> = {
    listProfiles: async () => api.listProfiles(),
    load: async (text, name) => api.load(text, name),
    // the worker fetches by URL; here the "URL" is a path read from disk
    loadUrl: async (path, name) => api.load(readFileSync(path, 'utf8'), name),
    analyse: latestOnly(async (req) => api.analyse(req)),
    walkAreas: latestOnly(async (req) => api.walkAreas(req)),
  };
  const stored = new Map<string, string>();
  const state = createAppState({ lang: 'zh', basemap: { kind: 'demo' } });
  const actions = createActions(state, {
    client,
    storage: { getItem: (k) => stored.get(k) ?? null, setItem: (k, v) => void stored.set(k, v) },
    keepFile: async () => undefined,
  });
  return { state, actions, stored, file };
}

describe('actions', () => {
  it('opening a project loads, analyses and fills the derived views', async () => {
    const { state, actions, file } = setup();
    await actions.openProject(file, file);
    expect(state.phase.value).toBe('ready');
    expect(state.profile.value).toBe('combined'); // the sample's own profile
    expect(state.analysis.value?.evaluation.profile).toBe('combined');
    // every on-site result is counted once under its rule (the catchment view is shown beside, not counted)
    const counted = state.counts.value.reduce((n, c) => n + c.pass + c.fail + c.na, 0);
    expect(counted).toBe(state.analysis.value?.evaluation.results.filter((r) => r.view !== 'catchment').length);
    // the table opens on communities: one row for each of the file's communities (ids under their Chinese alias 编号)
    const project = JSON.parse(readFileSync(file, 'utf8')) as {
      communities: { features: { properties: { 编号: string } }[] };
      facilities: { features: { properties: { id: string; kind: string } }[] };
    };
    expect(state.rows.value.map((r) => r.id).sort()).toEqual(project.communities.features.map((f) => f.properties.编号).sort());
    // one 15-minute circle (15 × 60 s × 0.9 m/s = 810 m) per facility of a circle kind (README, Parameters)
    const elderly = ['elderly_daycare', 'elderly_complex', 'elderly_institution', 'elderly_township_centre'];
    const childcare = ['childcare_centre', 'kindergarten_nursery', 'family_childcare'];
    const expected = project.facilities.features.flatMap(({ properties: { id, kind } }) =>
      elderly.includes(kind) ? [`${id} elderly 810`] : childcare.includes(kind) ? [`${id} childcare 810`] : [],
    );
    const circles = (state.areas.value?.features ?? []).map((f) => {
      const p = f.properties as { facility: string; circle: string; radius: number };
      return `${p.facility} ${p.circle} ${p.radius}`;
    });
    expect(circles.sort()).toEqual(expected.sort());
  });

  it('a profile switch re-analyses with that profile only', async () => {
    const { state, actions, file } = setup();
    await actions.openProject(file, file);
    await actions.setProfile('ca');
    expect(state.analysis.value?.evaluation.profile).toBe('ca');
    expect(state.counts.value.every((c) => c.rule.startsWith('ca.'))).toBe(true);
  });

  it('circles are rebuilt only when what they depend on changes', async () => {
    const { state, actions, file } = setup();
    await actions.openProject(file, file);
    const first = state.areas.value;
    await actions.setProfile('wy'); // same circle parameters: same circles, not re-sent
    expect(state.areas.value).toBe(first);
    actions.setParam('walkSpeed', 1.2);
    await actions.analyse();
    // 15 min × 60 s × 1.2 m/s = 1080 m radius now
    expect(state.areas.value).not.toBe(first);
    expect(state.areas.value?.features[0].properties.radius).toBeCloseTo(1080, 9);
  });

  it('a parameter outside its range is refused and changes nothing', async () => {
    const { state, actions, file } = setup();
    await actions.openProject(file, file);
    expect(actions.setParam('walkSpeed', 0)).toBe(false);
    expect(actions.setParam('circleMinutes', Number.NaN)).toBe(false);
    expect(state.params.value.walkSpeed).toBe(0.9);
    expect(actions.setParam('circleMinutes', 10)).toBe(true);
    expect(state.params.value.circleMinutes).toBe(10);
  });

  it('rapid changes: only the newest analysis lands', async () => {
    const { state, actions, file } = setup();
    await actions.openProject(file, file);
    const a = actions.setProfile('wy');
    const b = actions.setProfile('xn');
    const c = actions.setProfile('ak');
    await Promise.all([a, b, c]);
    expect(state.analysis.value?.evaluation.profile).toBe('ak');
    expect(state.phase.value).toBe('ready');
  });

  it('a file that fails to load shows where and why, in the current language', async () => {
    const { state, actions } = setup();
    await actions.openProject('tests/fixtures/does-not-exist.json', 'missing.json');
    expect(state.phase.value).toBe('error');
    expect(state.error.value).toContain('missing.json');
  });

  it('a picked project file that is broken: the message names file, feature and field; the open project stays', async () => {
    const { state, actions, file } = setup();
    await actions.openProject(file, file);
    const before = state.project.value;
    await actions.openProjectText(readFileSync('tests/fixtures/app/broken-project.json', 'utf8'), 'broken-project.json');
    expect(state.phase.value).toBe('error');
    // facility #2 has latitude 134.2 (the fixture was made from data/sample with that one change)
    // facility #2 is the 3rd, id F3 in the file
    expect(state.error.value).toContain('broken-project.json');
    expect(state.error.value).toContain('F3');
    expect(state.error.value).toContain('geometry');
    expect(state.project.value).toBe(before);
  });

  it('choosing a rule colours the map by it and filters the table; language is remembered', async () => {
    const { state, actions, stored, file } = setup();
    await actions.openProject(file, file);
    const rule = state.counts.value[0].rule;
    actions.selectRule(rule);
    expect(state.query.value.rule).toBe(rule);
    expect([...state.verdicts.value.keys()].length).toBeLessThanOrEqual(state.analysis.value?.evaluation.results.filter((r) => r.rule === rule).length ?? 0);
    actions.setLang('en');
    expect(stored.get('yl.lang')).toBe('en');
  });
});
