// Scenario actions against the real analysis API in-process (the worker's functions without the
// thread), on the embedded demo: the failing community 610116001006 (gap G1 in
// data/demo/gaps.json) gets a childcare centre and its places rule turns to pass.
import { describe, expect, it } from 'vitest';
import { addFacility, BASELINE_ID, moveFacility, newFacility, setCapacity } from '../../src/core/scenario';
import { createActions } from '../../src/state/actions';
import { createAppState } from '../../src/state/app-state';
import { demoClient } from './scenario-client';

const DEMO = 'data/demo/project.json';
const G1 = '610116001006';
// inside G1's rectangle [108.940217..108.943737] × [34.158412..34.161474]
const INSIDE: [number, number] = [108.942, 34.16];

async function setup() {
  const { client, calls } = demoClient();
  const state = createAppState({ lang: 'zh', basemap: { kind: 'demo' } });
  const actions = createActions(state, { client, storage: null, keepFile: async () => undefined });
  await actions.openProject(DEMO, DEMO);
  await actions.setProfile('wy');
  return { state, actions, calls };
}

function placesRule(state: Awaited<ReturnType<typeof setup>>['state']) {
  return state.analysis.value?.evaluation.results.find((r) => r.rule === 'wy.places.new' && r.unit.id === G1 && (r.view ?? 'onsite') === 'onsite');
}

describe('scenario actions on the demo', () => {
  it('the baseline is read-only: an edit needs an open scenario', async () => {
    const { state, actions } = await setup();
    const f = newFacility('childcare_centre', '新托育', INSIDE, { places: 100 }, 'NEW1');
    const e = addFacility(state.layers.value!, { facility: f });
    if (!e.ok) throw new Error('edit not built');
    expect(actions.commitEdit(e.edit)?.key).toBe('scenario.error.baselineReadOnly');
    expect(state.layers.value!.facilities.some((x) => x.id === 'NEW1')).toBe(false);
  });

  it('100 childcare places in G1 turn its places rule to pass; undo fails it again; redo passes', async () => {
    const { state, actions } = await setup();
    // G1: 41 places (CC9001) for 13 685 residents = 2.996 per 1000, 10 required → fail
    const before = placesRule(state);
    expect(before?.status).toBe('fail');
    expect(before?.value).toBeCloseTo((41 / 13685) * 1000, 2);

    expect(actions.newScenario('方案一')).toBeNull();
    await actions.scenarioSettled();
    expect(state.session.value?.active).not.toBe(BASELINE_ID);

    const f = newFacility('childcare_centre', '新华街普惠托育', INSIDE, { places: 100 }, 'NEW1');
    const e = addFacility(state.layers.value!, { facility: f });
    if (!e.ok) throw new Error('edit not built');
    expect(actions.commitEdit(e.edit)).toBeNull();
    await actions.scenarioSettled();
    // (41 + 100) / 13 685 × 1000 = 10.303 ≥ 10 → pass
    expect(placesRule(state)?.status).toBe('pass');
    expect(placesRule(state)?.value).toBeCloseTo((141 / 13685) * 1000, 2);
    expect(state.nameOf.value('facility', 'NEW1')).toBe('新华街普惠托育');

    actions.undo();
    await actions.scenarioSettled();
    expect(placesRule(state)?.status).toBe('fail');
    expect(state.layers.value!.facilities.some((x) => x.id === 'NEW1')).toBe(false);

    actions.redo();
    await actions.scenarioSettled();
    expect(placesRule(state)?.status).toBe('pass');

    // the baseline still fails; back in the scenario it passes again
    actions.openScenario(BASELINE_ID);
    await actions.scenarioSettled();
    expect(placesRule(state)?.status).toBe('fail');
    actions.openScenario(state.session.value!.scenarios[0].id);
    await actions.scenarioSettled();
    expect(placesRule(state)?.status).toBe('pass');
    expect(state.session.value?.editing.history.past).toHaveLength(1);
  });

  it('moving a facility moves its service circle', async () => {
    const { state, actions } = await setup();
    await actions.setReach('straight'); // one circle per facility (network mode merges walk areas)
    actions.newScenario('移动');
    await actions.scenarioSettled();
    const circlesBefore = state.areas.value;
    const to: [number, number] = [108.950474, 34.159774]; // CC9001 moved 0.01° east
    const e = moveFacility(state.layers.value!, { id: 'CC9001', to });
    if (!e.ok) throw new Error('edit not built');
    actions.commitEdit(e.edit);
    await actions.scenarioSettled();
    expect(state.areas.value).not.toBe(circlesBefore); // circles follow facilities
    const circle = state.areas.value?.features.find((c) => c.properties.facility === 'CC9001');
    if (circle?.geometry?.type !== 'Polygon') throw new Error('no circle for CC9001');
    // a geodesic circle's vertex mean is its centre (to ~1e-5° at 810 m)
    const ring = circle.geometry.coordinates[0].slice(0, -1);
    const mean = [0, 1].map((k) => ring.reduce((a, c) => a + c[k], 0) / ring.length);
    expect(mean[0]).toBeCloseTo(to[0], 4);
    expect(mean[1]).toBeCloseTo(to[1], 4);
  });

  it('names are checked; rename, duplicate (opens the copy with the same edits), delete of the open scenario opens the baseline', async () => {
    const { state, actions } = await setup();
    expect(actions.newScenario('  ')?.key).toBe('scenario.error.emptyName');
    actions.newScenario('甲');
    expect(actions.newScenario('甲')?.key).toBe('scenario.error.nameTaken');
    const id = state.session.value!.active;
    const e = setCapacity(state.layers.value!, { id: 'CC9001', capacity: { places: 150 } });
    if (!e.ok) throw new Error('edit not built');
    actions.commitEdit(e.edit);
    expect(actions.renameScenario(id, '乙')).toBeNull();
    expect(state.session.value!.scenarios.find((x) => x.id === id)?.name).toBe('乙');
    expect(actions.duplicateScenario(id, '乙 副本')).toBeNull();
    const copy = state.session.value!;
    expect(copy.active).not.toBe(id);
    expect(copy.editing.layers.facilities.find((f) => f.id === 'CC9001')?.places).toBe(150);
    await actions.scenarioSettled();
    expect(placesRule(state)?.status).toBe('pass'); // 150 / 13 685 × 1000 = 10.96
    expect(actions.deleteScenario(copy.active)).toBeNull();
    expect(state.session.value!.active).toBe(BASELINE_ID);
    await actions.scenarioSettled();
    expect(placesRule(state)?.status).toBe('fail');
    // the original kept its edit
    expect(state.session.value!.scenarios.map((x) => [x.name, x.edits.length])).toEqual([['乙', 1]]);
  });

  it('a quick run of edits: only the newest analysis lands, on the newest layers', async () => {
    const { state, actions, calls } = await setup();
    actions.newScenario('快');
    calls.length = 0;
    for (const places of [60, 80, 100, 120]) {
      const e = setCapacity(state.layers.value!, { id: 'CC9001', capacity: { places } });
      if (!e.ok) throw new Error('edit not built');
      actions.commitEdit(e.edit);
    }
    await actions.scenarioSettled();
    await new Promise((r) => setTimeout(r, 0));
    // 120 / 13 685 × 1000 = 8.77 < 10
    expect(placesRule(state)?.value).toBeCloseTo((120 / 13685) * 1000, 2);
    expect(calls.filter((c) => c.startsWith('setEdits')).at(-1)).toBe('setEdits:4');
    // four edits, fewer analyses: the ones overtaken while waiting never ran (latestOnly)
    expect(calls.filter((c) => c === 'analyse').length).toBeLessThan(4);
  });

  it('a click in the history list goes back (or forward) several steps in one analysis', async () => {
    const { state, actions, calls } = await setup();
    actions.newScenario('历史');
    for (const places of [60, 80, 100]) {
      const e = setCapacity(state.layers.value!, { id: 'CC9001', capacity: { places } });
      if (!e.ok) throw new Error('edit not built');
      actions.commitEdit(e.edit);
    }
    await actions.scenarioSettled();
    calls.length = 0;
    expect(actions.historyTo(1)).toBeNull();
    await actions.scenarioSettled();
    expect(state.session.value!.editing.history.past).toHaveLength(1);
    expect(state.session.value!.editing.history.future).toHaveLength(2);
    expect(placesRule(state)?.value).toBeCloseTo((60 / 13685) * 1000, 2);
    expect(calls).toEqual(['setEdits:1', 'analyse']); // two undos, one analysis
    actions.historyTo(3);
    await actions.scenarioSettled();
    expect(placesRule(state)?.value).toBeCloseTo((100 / 13685) * 1000, 2);
    expect(state.session.value!.editing.history.future).toHaveLength(0);
  });
});
