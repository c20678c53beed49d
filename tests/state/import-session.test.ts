// An import while a scenario is open, through the real worker api in-process on the demo: the
// imported rows go into the BASELINE, the open scenario's edits are replayed on top (so they
// survive the re-import), the worker analyses baseline + edits, and the project file the
// autosave writes carries the imported rows.
import { describe, expect, it } from 'vitest';
import { addFacility, BASELINE_ID, newFacility } from '../../src/core/scenario';
import { createActions } from '../../src/state/actions';
import { createAppState } from '../../src/state/app-state';
import { createImportActions, createImportState } from '../../src/state/import-wizard';
import { applyImportToApp, restorable, restoreImport } from '../../src/state/import-apply';
import { createAnalysisSession } from '../../src/service/session';
import { localImporter } from '../../src/worker/import-client';
import { demoClient } from './scenario-client';
import { projectWithData, restoreAutosave, saveNow, type AsyncStore } from '../../src/state/autosave';
import { IMPORTS_KEY, resumeVersions } from '../../src/state/import-versions';

const api = createAnalysisSession();

const DEMO = 'data/demo/project.json';
// inside community 610116001006 (see tests/state/scenario-actions.test.ts)
const INSIDE: [number, number] = [108.942, 34.16];

describe('import with a scenario open', () => {
  it('the baseline takes the rows, the scenario replays onto it, the worker analyses both', async () => {
    const { client, calls } = demoClient(api);
    const state = createAppState({ lang: 'zh', basemap: { kind: 'demo' } });
    const actions = createActions(state, { client, storage: null, keepFile: async () => undefined });
    await actions.openProject(DEMO, DEMO);
    expect(actions.newScenario('方案一')).toBeNull();
    await actions.scenarioSettled();
    const e = addFacility(state.layers.value!, { facility: newFacility('childcare_centre', '方案托育', INSIDE, { places: 100 }, 'NEW1') });
    if (!e.ok) throw new Error('edit not built');
    expect(actions.commitEdit(e.edit)).toBeNull();
    await actions.scenarioSettled();
    const scenario = state.session.value!.active;
    const baselineBefore = state.session.value!.baseline.facilities.length;

    const s = createImportState();
    const store = new Map<string, unknown>();
    const imp = createImportActions(s, {
      importer: localImporter(api),
      store: { get: async (k) => store.get(k), set: async (k, v) => void store.set(k, v) },
      apply: applyImportToApp(state, { analyse: actions.analyse, setEdits: client.setEdits }),
    });
    const csv = ['编号,名称,类型,床位,经度,纬度', `IMP1,导入养老院,养老院,120,${INSIDE[0] + 0.002},${INSIDE[1]}`].join('\n');
    await imp.open({ name: '导入.csv', arrayBuffer: async () => new TextEncoder().encode(csv).buffer as ArrayBuffer });
    expect(s.kind.value).toBe('facilities');
    await imp.next();
    await imp.next();
    await imp.next();
    expect(s.report.value).toMatchObject({ total: 1, good: 1 });
    calls.length = 0;
    await imp.accept();
    expect(s.step.value).toBe('done');

    const session = state.session.value!;
    expect(session.active).toBe(scenario); // the scenario stays open
    expect(session.baseline.facilities).toHaveLength(baselineBefore + 1);
    expect(session.baseline.facilities.some((f) => f.id === 'IMP1')).toBe(true);
    expect(session.baseline.facilities.some((f) => f.id === 'NEW1')).toBe(false); // the edit is not baked in
    const shown = state.layers.value!.facilities.map((f) => f.id);
    expect(shown).toContain('IMP1');
    expect(shown).toContain('NEW1'); // replayed onto the new baseline
    // the worker got the scenario's one edit again, then analysed
    expect(calls).toEqual(['setEdits:1', 'analyse']);
    const units = new Set(state.analysis.value!.evaluation.results.filter((r) => r.unit.level === 'facility').map((r) => r.unit.id));
    expect(units.has('IMP1')).toBe(true);
    // what autosave and "save project" write: the baseline with the imported row, the scenario with its edit
    const text = await api.projectText({ profile: 'combined', params: {}, other: state.project.value!.other });
    const saved = JSON.parse(text) as {
      facilities: { features: { properties: Record<string, unknown> }[] };
      imports: { source: string; kind: string; crs: string; coords: string; mode: string; imported: number; mapping: Record<string, string> }[];
    };
    // and the record of where the rows came from
    expect(saved.imports).toHaveLength(1);
    expect(saved.imports[0]).toMatchObject({ source: '导入.csv', kind: 'facilities', crs: 'EPSG:4326', coords: 'wgs84', mode: 'merge', imported: 1 });
    expect(saved.imports[0].mapping).toMatchObject({ id: '编号', beds: '床位' });
    // the saved file opens again with its record and the imported row
    const reopened = api.load(text, 'saved.json');
    if (!reopened.ok) throw new Error('saved project does not open');
    expect(reopened.project.facilities.some((f) => f.id === 'IMP1')).toBe(true);
    expect((reopened.project.other.imports as unknown[]).length).toBe(1);
    const ids = saved.facilities.features.map((f) => f.properties.id ?? f.properties.编号);
    expect(ids).toContain('IMP1');
    expect(ids).not.toContain('NEW1');
    expect(state.session.value!.active).not.toBe(BASELINE_ID);
  });

  it('an import into the demo keeps its 658 facilities, and "restore the previous data" brings back exactly what was there', async () => {
    const { client } = demoClient(api);
    const state = createAppState({ lang: 'zh', basemap: { kind: 'demo' } });
    const actions = createActions(state, { client, storage: null, keepFile: async () => undefined });
    await actions.openProject(DEMO, DEMO);
    const before = state.project.value!;
    expect(before.facilities).toHaveLength(658); // data/demo/project.json: 658 facility features
    const first = before.facilities[0];
    const s = createImportState();
    const deps = { analyse: actions.analyse, setEdits: client.setEdits };
    const imp = createImportActions(s, {
      importer: localImporter(api),
      store: { get: async () => undefined, set: async () => undefined },
      apply: applyImportToApp(state, deps, s.versions),
    });
    // one row updates the demo's first facility by its id (beds 999), one is new
    const [lon, lat] = (first.geometry as { coordinates: number[] }).coordinates;
    const csv = ['编号,名称,类型,床位,经度,纬度', `${first.id},${first.name},养老院,999,${lon},${lat}`, `IMP2,新养老院,养老院,40,${INSIDE[0] + 0.002},${INSIDE[1]}`].join('\n');
    await imp.open({ name: '更新.csv', arrayBuffer: async () => new TextEncoder().encode(csv).buffer as ArrayBuffer });
    await imp.next();
    await imp.next();
    await imp.next();
    expect(s.plan.value).toMatchObject({ mode: 'merge', added: 1, updated: 1, removed: [], before: 658, after: 659 });
    await imp.accept();
    const after = state.project.value!;
    expect(after.facilities).toHaveLength(659);
    expect(after.facilities.find((f) => f.id === first.id)?.beds).toBe(999);
    expect(restorable(state, s.versions)).toBe(true);

    expect(await restoreImport(state, { ...deps, restore: localImporter(api).restore }, s.versions)).toBe(true);
    expect(state.project.value).toBe(before);
    expect(state.session.value!.baseline.facilities).toBe(before.facilities);
    // the worker analyses the restored data again: no IMP2, the first facility's own beds
    const facilityIds = new Set(state.analysis.value!.evaluation.results.filter((r) => r.unit.level === 'facility').map((r) => r.unit.id));
    expect(facilityIds.has('IMP2')).toBe(false);
    const saved = JSON.parse(await api.projectText({ profile: 'combined', params: {}, other: {} })) as { facilities: { features: { properties: Record<string, unknown> }[] } };
    expect(saved.facilities.features).toHaveLength(658);
    expect(restorable(state, s.versions)).toBe(false); // nothing older to restore
    expect(await restoreImport(state, { ...deps, restore: localImporter(api).restore }, s.versions)).toBe(false);
  });

  it('after a reload (autosave written and reopened), the newest import can still be restored, to exactly the data before it', async () => {
    // one browser's IndexedDB, as a Map behind the autosave's store port
    const db = new Map<string, unknown>();
    const store: AsyncStore = { get: async (k) => db.get(k), set: async (k, v) => void db.set(k, v), del: async (k) => void db.delete(k) };
    const { client } = demoClient(api);
    const state = createAppState({ lang: 'zh', basemap: { kind: 'demo' } });
    const actions = createActions(state, { client, storage: null, keepFile: async () => undefined });
    await actions.openProject(DEMO, DEMO);
    const original = state.project.value!;
    const first = original.facilities[0];
    const s = createImportState();
    const deps = { analyse: actions.analyse, setEdits: client.setEdits, keep: { store, beforeText: localImporter(api).beforeText } };
    const imp = createImportActions(s, { importer: localImporter(api), store, apply: applyImportToApp(state, deps, s.versions) });
    const [lon, lat] = (first.geometry as { coordinates: number[] }).coordinates;
    const csv = ['编号,名称,类型,床位,经度,纬度', `${first.id},${first.name},养老院,999,${lon},${lat}`, `IMP3,新养老院,养老院,40,${INSIDE[0] + 0.002},${INSIDE[1]}`].join('\n');
    await imp.open({ name: '重载前.csv', arrayBuffer: async () => new TextEncoder().encode(csv).buffer as ArrayBuffer });
    await imp.next();
    await imp.next();
    await imp.next();
    await imp.accept();
    expect(state.project.value!.facilities).toHaveLength(659);
    expect((db.get(IMPORTS_KEY) as unknown[]).length).toBe(1);
    await saveNow(state, { client, views: () => [], store });

    // the page is reloaded: new state, the autosave opens what the import left
    const state2 = createAppState({ lang: 'zh', basemap: { kind: 'demo' } });
    const actions2 = createActions(state2, { client, storage: null, keepFile: async () => undefined });
    const r = await restoreAutosave(state2, { store, openProjectText: actions2.openProjectText, setLang: () => undefined });
    expect(r.restored).not.toBeNull();
    expect(state2.project.value!.facilities).toHaveLength(659);
    const versions = createImportState().versions;
    versions.value = await resumeVersions(store, state2.project.value);
    expect(versions.value).toHaveLength(1);
    expect(versions.value[0].applied.record.source).toBe('重载前.csv');
    expect(restorable(state2, versions)).toBe(true);

    const reopen = async (data: string) => {
      await actions2.openProjectText(projectWithData(state2, { views: () => [] }, data), 'project.json');
      return state2.phase.value !== 'error';
    };
    expect(await restoreImport(state2, { analyse: actions2.analyse, restore: localImporter(api).restore, reopen, keep: deps.keep }, versions)).toBe(true);
    // the counts and the updated facility's beds are those of data/demo/project.json again
    const restored = state2.project.value!;
    expect(restored.facilities).toHaveLength(658);
    expect(restored.facilities.some((f) => f.id === 'IMP3')).toBe(false);
    expect(restored.facilities.find((f) => f.id === first.id)?.beds).toBe(first.beds);
    expect(restored.communities).toHaveLength(original.communities.length);
    expect(restored.roadCount).toBe(original.roadCount);
    expect(versions.value).toEqual([]);
    expect(db.get(IMPORTS_KEY)).toEqual([]);
  });

  it('kept versions are forgotten when the project opened after the reload is not what the import left', async () => {
    const db = new Map<string, unknown>([[IMPORTS_KEY, [{ applied: { record: { at: '2026-01-01T00:00:00.000Z', source: 'x.csv' } }, beforeData: '{}' }]]]);
    const store: AsyncStore = { get: async (k) => db.get(k), set: async (k, v) => void db.set(k, v), del: async (k) => void db.delete(k) };
    const { client } = demoClient(api);
    const state = createAppState({ lang: 'zh', basemap: { kind: 'demo' } });
    const actions = createActions(state, { client, storage: null, keepFile: async () => undefined });
    await actions.openProject(DEMO, DEMO); // the demo carries no import record
    expect(await resumeVersions(store, state.project.value)).toEqual([]);
    expect(db.has(IMPORTS_KEY)).toBe(false);
  });
});
