// Ledger entries in the page: kept in the project's ledger key, written by "save project" and by the
// autosave (the small record, with the scenarios) after a data record written before the entry,
// restored exactly, untouched by a scenario switch; computed rows follow the analysis. Against the
// real analysis API in-process, on the demo.
import { describe, expect, it } from 'vitest';
import { createActions } from '../../src/state/actions';
import { createAppState } from '../../src/state/app-state';
import { AUTOSAVE_KEY, projectFileText, restoreAutosave, saveNow, type AsyncStore } from '../../src/state/autosave';
import { createLedger } from '../../src/state/ledger';
import { demoClient } from './scenario-client';

const DEMO = 'data/demo/project.json';

function mapStore(): AsyncStore & { map: Map<string, unknown> } {
  const map = new Map<string, unknown>();
  return { map, get: async (k) => structuredClone(map.get(k)), set: async (k, v) => void map.set(k, structuredClone(v)), del: async (k) => void map.delete(k) };
}

async function app() {
  const { client } = demoClient();
  const state = createAppState({ lang: 'zh', basemap: { kind: 'demo' } });
  const actions = createActions(state, { client, storage: null, keepFile: async () => undefined });
  return { state, actions, client, ledger: createLedger(state) };
}

const row = (l: ReturnType<typeof createLedger>, id: string) => l.rows.value.find((r) => r.target.id === id);

describe('ledger in the page', () => {
  it('an entry survives a scenario switch, save project, and an autosave restore', async () => {
    const a = await app();
    await a.actions.openProject(DEMO, DEMO);
    await a.actions.setProfile('ak');
    const store = mapStore();
    // the data record is written first, without the entry (as after opening the project)
    await saveNow(a.state, { store, client: a.client, views: () => [] });
    expect(a.ledger.enter({ target: 'ak.talent.elderly', value: 1800, by: '市人社局 李明', at: '2025-06-30T00:00:00.000Z' })).toBe(true);
    expect([row(a.ledger, 'ak.talent.elderly')?.value, row(a.ledger, 'ak.talent.elderly')?.status]).toEqual([1800, 'behind']);
    // computed: the demo's budgets 18 M + 10 M CNY = 2800 万元
    expect(row(a.ledger, 'ak.funds.city')?.value).toBeCloseTo(2800, 9);

    a.actions.newScenario('甲');
    await a.actions.scenarioSettled();
    expect(row(a.ledger, 'ak.talent.elderly')?.value).toBe(1800);

    const file = JSON.parse(await projectFileText(a.state, { client: a.client, views: () => [] })) as {
      ledger: { version: number; entries: { target: string; year: number; value: number }[] };
    };
    expect(file.ledger).toEqual({ version: 1, entries: [{ target: 'ak.talent.elderly', year: 2025, value: 1800, by: '市人社局 李明', at: '2025-06-30T00:00:00.000Z' }] });

    await saveNow(a.state, { store, client: a.client, views: () => [], sameData: true });
    expect((store.map.get(AUTOSAVE_KEY) as { part: { ledger?: unknown } }).part.ledger).toEqual(file.ledger);
    const b = await app();
    const r = await restoreAutosave(b.state, { store, openProjectText: b.actions.openProjectText, setLang: b.actions.setLang });
    expect(r.restored).not.toBeNull();
    await b.actions.scenarioSettled();
    const back = row(b.ledger, 'ak.talent.elderly');
    expect([back?.value, back?.source, back?.entry?.by]).toEqual([1800, 'entered', '市人社局 李明']);
  });
});
