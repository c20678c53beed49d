// Edits on the page answered as deltas (the worker's analyseEdits, patched into the held
// analysis) on the embedded demo, against a second session that analyses the same edits in full.
import { readFileSync } from 'node:fs';
import { effect } from '@preact/signals';
import { describe, expect, it } from 'vitest';
import type { RuleResult } from '../../src/core/model';
import { resultsForUnit, verdictsByUnit } from '../../src/core/report/verdicts';
import { arraySource } from '../../src/core/report/result-columns';
import { addFacility, moveFacility, newFacility, setCapacity, type Edit } from '../../src/core/scenario';
import { createAnalysisSession } from '../../src/service/session';
import { createActions } from '../../src/state/actions';
import { createAppState } from '../../src/state/app-state';
import { editsInEffect } from '../../src/state/scenario-actions';
import { demoClient } from './scenario-client';
import { latestOnly } from '../../src/worker/latest';

const DEMO = 'data/demo/project.json';
const G1 = '610116001006';
const INSIDE: [number, number] = [108.942, 34.16];

/** walk areas of a dragged facility are answered once this is open */
const gate = { open: Promise.resolve() };

async function setup(reach: 'straight' | 'auto' = 'auto') {
  const api = createAnalysisSession();
  const { client, calls } = demoClient(api);
  const withEdits = {
    ...client,
    analyseEdits: async (edits: Edit[], req: Parameters<typeof api.analyseEdits>[1]) => {
      calls.push(`analyseEdits:${edits.length}`);
      return api.analyseEdits(edits, req);
    },
    walkAreaAt: latestOnly(async (req: Parameters<typeof api.walkAreaAt>[0]) => {
      await gate.open; // a test holds the answer back to see what a late one does
      return api.walkAreaAt(req);
    }),
  };
  const state = createAppState({ lang: 'zh', basemap: { kind: 'demo' } });
  const actions = createActions(state, { client: withEdits, storage: null, keepFile: async () => undefined });
  await actions.openProject(DEMO, DEMO);
  if (reach === 'straight') await actions.setReach('straight');
  await actions.setProfile('wy');
  actions.newScenario('增量');
  await actions.scenarioSettled();
  return { state, actions, calls };
}

/** the same edits analysed in full by a session of its own */
function fullAnalysis(edits: Edit[], profile: string, params: object): RuleResult[] {
  const other = createAnalysisSession();
  other.load(readFileSync(DEMO, 'utf8'), DEMO);
  other.setEdits(edits);
  return other.analyse({ profile, params }).evaluation.results;
}

const key = (r: RuleResult) => `${r.unit.level}|${r.unit.id}|${r.rule}|${r.part ?? ''}|${r.view ?? ''}`;
function sorted(results: readonly RuleResult[]) {
  return results.map(({ citation: _, ...r }) => r).sort((a, b) => (key(a as RuleResult) < key(b as RuleResult) ? -1 : 1));
}

const settle = async (cond: () => boolean) => {
  for (let i = 0; i < 500 && !cond(); i++) await new Promise((r) => setTimeout(r, 10));
};

function placesRule(state: Awaited<ReturnType<typeof setup>>['state']) {
  return state.analysis.value?.evaluation.results.find((r) => r.rule === 'wy.places.new' && r.unit.id === G1 && (r.view ?? 'onsite') === 'onsite');
}

describe('edits answered with a delta on the page', () => {
  it('an added centre: no full analysis, and every result equal to a full analysis of the same edit', async () => {
    const { state, actions, calls } = await setup();
    calls.length = 0;
    const e = addFacility(state.layers.value!, { facility: newFacility('childcare_centre', '新托育', INSIDE, { places: 100 }, 'NEW1') });
    if (!e.ok) throw new Error('edit not built');
    expect(actions.commitEdit(e.edit)).toBeNull();
    await actions.scenarioSettled();
    expect(calls).toEqual(['analyseEdits:1']);
    // 141 places for 13 685 residents = 10.3 per 1000 ≥ 10
    expect(placesRule(state)?.status).toBe('pass');
    expect(placesRule(state)?.value).toBeCloseTo((141 / 13685) * 1000, 2);
    const edits = editsInEffect(state.session.value!);
    expect(sorted(state.analysis.value!.evaluation.results)).toEqual(sorted(fullAnalysis(edits, 'wy', state.params.value)));
    // what the detail panel, table and map read: the page's result columns, patched too
    expect(resultsForUnit(state.results.value, 'community', G1).find((r) => r.rule === 'wy.places.new' && (r.view ?? 'onsite') === 'onsite')?.status).toBe('pass');
    const all = state.results.value;
    expect(sorted(Array.from({ length: all.n }, (_, i) => all.get(i)))).toEqual(sorted(fullAnalysis(edits, 'wy', state.params.value)));
    expect(state.phase.value).toBe('ready');
  });

  it('a drag previews the verdicts and the moved circle live; stopping it brings both back', async () => {
    const { state, actions } = await setup('straight');
    const before = sorted(state.analysis.value!.evaluation.results);
    const circleOf = () => state.areas.value?.features.find((f) => f.properties.facility === 'CC9001');
    const was = circleOf()?.geometry;
    expect(was).toBeDefined();
    // CC9001 dragged 3 km east (it stays G1's on site: it is linked to it by name)
    const away = moveFacility(state.layers.value!, { id: 'CC9001', to: [108.97, 34.16] });
    if (!away.ok) throw new Error('move not built');
    const shown = state.analysis.value;
    actions.previewEdit(away.edit, { facility: 'CC9001', to: [108.97, 34.16] });
    await settle(() => state.analysis.value !== shown);
    const preview = sorted(state.analysis.value!.evaluation.results);
    expect(preview).not.toEqual(before);
    expect(preview).toEqual(sorted(fullAnalysis([away.edit], 'wy', state.params.value)));
    expect(state.session.value!.editing.history.past).toHaveLength(0); // nothing committed
    // the panels (table, summary, detail) keep what was there before the drag until it ends
    const table = state.results.value;
    expect(sorted(Array.from({ length: table.n }, (_, i) => table.get(i)))).toEqual(before);
    expect(state.shown.value).toBe(shown);
    // the moving circle (drawn apart) is centred on 108.97: its westmost point moved as far as the
    // facility (a geodesic circle's longitudes are its centre's plus offsets that depend on latitude alone)
    const west = (g: typeof was) => Math.min(...(g?.type === 'Polygon' ? g.coordinates[0].map((p) => p[0]) : [Number.NaN]));
    const fx = (state.layers.value!.facilities.find((f) => f.id === 'CC9001')!.geometry.coordinates as number[])[0];
    const moving = state.movingCircle.value?.features ?? [];
    expect(moving.map((f) => f.properties.facility)).toEqual(['CC9001']);
    expect(west(moving[0].geometry) - west(was)).toBeCloseTo(108.97 - fx, 6);
    expect(circleOf()?.geometry).toBe(was); // the other circles are not re-sent
    const previewed = state.analysis.value;
    actions.previewEnd();
    await settle(() => state.analysis.value !== previewed);
    expect(sorted(state.analysis.value!.evaluation.results)).toEqual(before);
    expect(state.shown.value).toBe(state.analysis.value);
    expect(state.movingCircle.value).toBeNull();
  });

  it("the map's colours follow a drag's preview while the panels keep theirs", async () => {
    const { state, actions } = await setup('straight');
    // coloured by the elderly-care circle: 颐养综合体 EC0010 dragged ≈ 1.8 km east leaves communities
    // of its street outside every circle (a change of colour, not only of value)
    state.rule.value = 'wy.circle';
    const colours = state.verdicts.value;
    const ec = state.layers.value!.facilities.find((f) => f.id === 'EC0010')!;
    const [x, y] = ec.geometry.coordinates as number[];
    const to: [number, number] = [x + 0.02, y];
    const m = moveFacility(state.layers.value!, { id: 'EC0010', to });
    if (!m.ok) throw new Error('move not built');
    const shown = state.analysis.value;
    actions.previewEdit(m.edit, { facility: 'EC0010', to });
    await settle(() => state.analysis.value !== shown);
    const expected = verdictsByUnit(arraySource(fullAnalysis([m.edit], 'wy', state.params.value)), 'wy.circle', ['street', 'community']);
    expect(expected).not.toEqual(colours);
    expect(state.verdicts.value).toEqual(expected);
    expect(state.shown.value).toBe(shown);
    actions.previewEnd();
    await settle(() => state.shown.value === state.analysis.value && state.verdicts.value !== expected);
    expect(state.verdicts.value).toEqual(colours);
  });

  it("along streets, the dragged facility's own walk area follows it; a late answer after the drag stopped is not shown", async () => {
    const { state, actions } = await setup();
    expect(state.analysis.value?.reach).toBe('network');
    const to: [number, number] = [108.95, 34.16]; // ≈ 880 m east of CC9001 (108.9405)
    const m = moveFacility(state.layers.value!, { id: 'CC9001', to });
    if (!m.ok) throw new Error('move not built');
    actions.previewEdit(m.edit, { facility: 'CC9001', to });
    await settle(() => state.movingCircle.value !== null);
    const moving = state.movingCircle.value?.features ?? [];
    expect(moving.map((f) => [f.properties.facility, f.properties.circle])).toEqual([['CC9001', 'childcare']]);
    // walked from the new place: within the circle's 810 m (plus the snap to a street) of it; at
    // 34.16° N 0.01° of longitude ≈ 920 m, so the old place (1 km west) is at its western edge at most
    const xs = moving.flatMap((f) => (f.geometry.type === 'Polygon' ? f.geometry.coordinates : f.geometry.coordinates.flat()).flat().map((p) => p[0]));
    expect(Math.min(...xs)).toBeGreaterThan(to[0] - 0.0125);
    expect(Math.max(...xs)).toBeLessThan(to[0] + 0.0125);
    expect(Math.max(...xs)).toBeGreaterThan(to[0]);
    // the group's merged walk area is untouched meanwhile
    expect(state.areas.value?.features.every((f) => f.properties.facility === '*')).toBe(true);
    actions.previewEnd();
    expect(state.movingCircle.value).toBeNull();
    // asked, then the drag stopped and its end analysed before the answer came: it is not shown
    let release: () => void = () => undefined;
    gate.open = new Promise<void>((r) => {
      release = r;
    });
    actions.previewEdit(m.edit, { facility: 'CC9001', to });
    actions.previewEnd();
    await actions.scenarioSettled();
    await settle(() => state.phase.value === 'ready');
    release();
    gate.open = Promise.resolve();
    await new Promise((r) => setTimeout(r, 50));
    expect(state.movingCircle.value).toBeNull();
  });

  it('a drag then the drop: the committed move equals a full analysis; undo too', async () => {
    const { state, actions, calls } = await setup();
    for (const x of [108.95, 108.96, 108.97]) {
      const m = moveFacility(state.layers.value!, { id: 'CC9001', to: [x, 34.16] });
      if (m.ok) actions.previewEdit(m.edit, { facility: 'CC9001', to: [x, 34.16] });
    }
    const m = moveFacility(state.layers.value!, { id: 'CC9001', to: [108.97, 34.16] });
    if (!m.ok) throw new Error('move not built');
    expect(actions.commitEdit(m.edit)).toBeNull();
    await actions.scenarioSettled();
    expect(state.movingCircle.value).toBeNull();
    expect(calls.filter((c) => c === 'analyse')).toEqual(['analyse', 'analyse']); // the opening and the profile switch only
    expect(sorted(state.analysis.value!.evaluation.results)).toEqual(sorted(fullAnalysis(editsInEffect(state.session.value!), 'wy', state.params.value)));
    // the drop analysed: the panels show it
    const table = state.results.value;
    expect(sorted(Array.from({ length: table.n }, (_, i) => table.get(i)))).toEqual(sorted(fullAnalysis(editsInEffect(state.session.value!), 'wy', state.params.value)));
    expect(actions.undo()).toBeNull();
    await actions.scenarioSettled();
    expect(sorted(state.analysis.value!.evaluation.results)).toEqual(sorted(fullAnalysis([], 'wy', state.params.value)));
  });

  it('straight circles of an edit land with its verdicts, in one batch: the map draws the edit in one frame', async () => {
    const { state, actions } = await setup('straight');
    const circleOf = () => state.areas.value?.features.find((f) => f.properties.facility === 'CC9001');
    const was = circleOf();
    const seen: [unknown, unknown][] = [];
    const stop = effect(() => {
      seen.push([state.analysis.value, state.areas.value]);
    });
    const [analysis0, areas0] = seen[0];
    const m = moveFacility(state.layers.value!, { id: 'CC9001', to: [108.97, 34.16] });
    if (!m.ok) throw new Error('move not built');
    expect(actions.commitEdit(m.edit)).toBeNull();
    await actions.scenarioSettled();
    stop();
    // the moved facility's circle is the new one, and the edit's verdicts are in
    expect(circleOf()?.geometry).not.toEqual(was?.geometry);
    expect(state.analysis.value).not.toBe(analysis0);
    // no moment showed the edit's verdicts with the circles from before it
    expect(seen.filter(([a, r]) => a !== analysis0 && r === areas0)).toHaveLength(0);
  });

  it('a quick run of edits: answered one at a time, the overtaken waiting ones never sent, the last one exact', async () => {
    const { state, actions, calls } = await setup();
    calls.length = 0;
    for (const places of [60, 80, 100, 120]) {
      const e = setCapacity(state.layers.value!, { id: 'CC9001', capacity: { places } });
      if (!e.ok) throw new Error('edit not built');
      actions.commitEdit(e.edit);
    }
    await actions.scenarioSettled();
    // the first runs at once, the second and third wait and are overtaken by the fourth
    expect(calls).toEqual(['analyseEdits:1', 'analyseEdits:4']);
    expect(placesRule(state)?.value).toBeCloseTo((120 / 13685) * 1000, 2);
    expect(sorted(state.analysis.value!.evaluation.results)).toEqual(sorted(fullAnalysis(editsInEffect(state.session.value!), 'wy', state.params.value)));
  });
});
