// Never lose work: autosave round trip through a Map-backed store (what IndexedDB holds in the
// browser), project files with scenarios, broken / newer project files and scenario files that
// change nothing. Against the real analysis API in-process, on the demo.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { addFacility, BASELINE_ID, newFacility, savedScenarios, setCapacity } from '../../src/core/scenario';
import { createActions } from '../../src/state/actions';
import { createAppState } from '../../src/state/app-state';
import {
  AUTOSAVE_KEY,
  clearAutosave,
  DATA_KEY,
  FAILED_KEY,
  PENDING_KEY,
  parseExtent,
  parseRecord,
  projectFileText,
  restoreAutosave,
  saveNow,
  startAutosave,
  type AsyncStore,
} from '../../src/state/autosave';
import type { KeyValue } from '../../src/state/persist';
import type { View } from '../../src/core/scenario';
import { demoClient } from './scenario-client';

const DEMO = 'data/demo/project.json';
const G1 = '610116001006';

function mapStore(): AsyncStore & { map: Map<string, unknown> } {
  const map = new Map<string, unknown>();
  // structuredClone: IndexedDB stores a copy, never the live object
  return { map, get: async (k) => structuredClone(map.get(k)), set: async (k, v) => void map.set(k, structuredClone(v)), del: async (k) => void map.delete(k) };
}

/** the store, with the key of every write listed in `writes` */
function countingStore(store: AsyncStore, writes: string[]): AsyncStore {
  return {
    ...store,
    set: async (k, v) => {
      writes.push(k);
      await store.set(k, v);
    },
  };
}

async function app() {
  const { client } = demoClient();
  const state = createAppState({ lang: 'zh', basemap: { kind: 'demo' } });
  const actions = createActions(state, { client, storage: null, keepFile: async () => undefined });
  return { state, actions, client };
}

function places(state: Awaited<ReturnType<typeof app>>['state']) {
  return state.analysis.value?.evaluation.results.find((r) => r.rule === 'ak.new.places' && r.unit.id === G1 && r.view === 'onsite');
}

/** a demo session with two scenarios, the second open with one done and one undone edit */
async function worked() {
  const a = await app();
  await a.actions.openProject(DEMO, DEMO);
  a.actions.newScenario('甲');
  a.actions.newScenario('乙');
  const add = addFacility(a.state.layers.value!, { facility: newFacility('childcare_centre', '新托育', [108.942, 34.16], { places: 100 }, 'NEW1') });
  if (!add.ok) throw new Error('edit');
  a.actions.commitEdit(add.edit);
  const cap = setCapacity(a.state.layers.value!, { id: 'CC9001', capacity: { places: 60 } });
  if (!cap.ok) throw new Error('edit');
  a.actions.commitEdit(cap.edit);
  a.actions.undo(); // the capacity change waits in the redo stack
  await a.actions.scenarioSettled();
  a.actions.setParam('walkSpeed', 1.2);
  await a.actions.setProfile('ak');
  a.actions.toggleLayer('streets');
  a.actions.selectRule('ak.new.places');
  return a;
}

describe('autosave', () => {
  it('restores the project exactly: scenarios, the open one, its undo and redo stacks, profile, params, switches', async () => {
    const before = await worked();
    const store = mapStore();
    const views = () => [];
    const extent: [number, number, number, number] = [108.93, 34.15, 108.95, 34.17];
    await saveNow(before.state, { store, client: before.client, views, now: () => new Date('2026-11-30T12:00:00Z'), extent: () => extent });
    const rec = parseRecord(store.map.get(AUTOSAVE_KEY));
    expect(rec?.savedAt).toBe('2026-11-30T12:00:00.000Z');

    const after = await app();
    const r = await restoreAutosave(after.state, { store, openProjectText: after.actions.openProjectText, setLang: after.actions.setLang });
    expect(r.restored).not.toBeNull();
    expect(r.extent).toEqual(extent); // the map goes back to where it was
    await after.actions.scenarioSettled();
    const s0 = before.state.session.value!;
    const s1 = after.state.session.value!;
    expect(s1.scenarios.map((x) => x.name)).toEqual(['甲', '乙']);
    expect(s1.active).toBe(s0.active);
    expect(s1.editing.history.past.map((e) => e.edit.note)).toEqual([{ key: 'scenario.edit.addFacility', args: { name: '新托育' } }]);
    expect(s1.editing.history.future.map((e) => e.note.key)).toEqual(['scenario.edit.setCapacity.places']);
    expect(after.state.layers.value!.facilities.find((f) => f.id === 'NEW1')?.places).toBe(100);
    expect(after.state.profile.value).toBe('ak');
    expect(after.state.params.value.walkSpeed).toBe(1.2);
    expect(after.state.visible.value.streets).toBe(false);
    expect(after.state.rule.value).toBe('ak.new.places');
    expect(after.state.projectFile.value).toBe(DEMO);
    // the analysis ran on the restored scenario: (41 + 100) / 13 685 × 1000 = 10.30
    expect(places(after.state)?.value).toBeCloseTo((141 / 13685) * 1000, 2);
    // redo still works after the reload: 41 → 60 places, (60 + 100) / 13 685 × 1000 = 11.69
    expect(after.actions.redo()).toBeNull();
    await after.actions.scenarioSettled();
    expect(places(after.state)?.value).toBeCloseTo((160 / 13685) * 1000, 2);
  });

  it('a damaged or foreign record is ignored; one that does not open is kept aside, not lost', async () => {
    expect(parseRecord({ version: 99, part: {}, profile: 'ak', params: {}, fileName: 'x', savedAt: 'y' })).toBeNull();
    expect(parseRecord({ version: 2, part: [], profile: 'ak', params: {}, fileName: 'x', savedAt: 'y' })).toBeNull();
    expect(parseRecord('text')).toBeNull();
    expect(parseExtent([108.95, 34.15, 108.93, 34.17])).toBeNull(); // west east of east
    expect(parseExtent([0, 0, 1])).toBeNull();
    expect(parseExtent([0, 0, 1, Number.NaN])).toBeNull();
    const store = mapStore();
    const a = await app();
    const record = { version: 2, savedAt: '2026-11-30T12:00:00Z', fileName: 'p.json', part: {}, profile: 'ak', params: {}, settings: {} };
    await store.set(AUTOSAVE_KEY, record);
    await store.set(DATA_KEY, '{"version": 1, "communities": 5}');
    const r = await restoreAutosave(a.state, { store, openProjectText: a.actions.openProjectText, setLang: a.actions.setLang });
    expect(r).toEqual({ restored: null, failed: true, extent: null });
    expect(store.map.get(FAILED_KEY)).toMatchObject({ record: { fileName: 'p.json' }, data: '{"version": 1, "communities": 5}' });
    expect(a.state.project.value).toBeNull();
    // a record without its data: nothing to open, kept aside as well
    store.map.delete(DATA_KEY);
    expect(await restoreAutosave(a.state, { store, openProjectText: a.actions.openProjectText, setLang: a.actions.setLang })).toEqual({
      restored: null,
      failed: true,
      extent: null,
    });
  });

  it('the large data record is written when the data change, not after every edit', async () => {
    const a = await worked();
    const store = mapStore();
    const writes: string[] = [];
    const counting = countingStore(store, writes);
    let saved: () => void = () => undefined;
    const { stop } = startAutosave(a.state, { store: counting, client: a.client, views: () => [], delayMs: 0, onSaved: () => saved() });
    const next = () => new Promise<void>((r) => (saved = r));
    await next(); // the first save after start writes both
    expect(writes).toEqual([DATA_KEY, AUTOSAVE_KEY]);
    writes.length = 0;
    const e = setCapacity(a.state.layers.value!, { id: 'CC9001', capacity: { places: 70 } });
    if (!e.ok) throw new Error('edit');
    const done = next();
    a.actions.commitEdit(e.edit);
    await done;
    expect(writes).toEqual([AUTOSAVE_KEY]); // the edit lives in the small record
    stop();
    // and the two records together still open to the same place
    const after = await app();
    await restoreAutosave(after.state, { store, openProjectText: after.actions.openProjectText, setLang: after.actions.setLang });
    expect(after.state.layers.value!.facilities.find((f) => f.id === 'CC9001')?.places).toBe(70);
  });

  it('the data record is the worker Blob, written once however many changes land while it is written, and restores', async () => {
    const a = await worked();
    const store = mapStore();
    const writes: string[] = [];
    const counting = countingStore(store, writes);
    // the worker's Blob arrives only when the test lets it: a large project's data take seconds
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    let asked = 0;
    const client = {
      ...a.client,
      projectData: async (p: Parameters<typeof a.client.projectText>[0]) => {
        asked++;
        const text = await a.client.projectText(p);
        await gate;
        return new Blob([text], { type: 'application/json' });
      },
    };
    let saves = 0;
    let saved: () => void = () => undefined;
    const { stop } = startAutosave(a.state, {
      store: counting,
      client,
      views: () => [],
      delayMs: 0,
      onSaved: () => {
        saves++;
        saved();
      },
    });
    await new Promise((r) => setTimeout(r, 20)); // the first save is waiting for its data
    for (const id of ['ak', 'wy', 'combined']) {
      await a.actions.setProfile(id);
      await new Promise((r) => setTimeout(r, 5));
    }
    expect(asked).toBe(1);
    const both = new Promise<void>((r) => (saved = () => saves === 2 && r()));
    release();
    await both; // the data once, then one more small record for the changes meanwhile
    expect(writes).toEqual([DATA_KEY, AUTOSAVE_KEY, AUTOSAVE_KEY]);
    expect(asked).toBe(1);
    expect((store.map.get(DATA_KEY) as { data: unknown }).data).toBeInstanceOf(Blob);
    stop();
    const after = await app();
    await restoreAutosave(after.state, { store, openProjectText: after.actions.openProjectText, setLang: after.actions.setLang });
    expect(after.state.profile.value).toBe('combined');
    expect(after.state.layers.value!.facilities.some((f) => f.id === 'NEW1')).toBe(true);
  });
});

describe('leaving the page', () => {
  /** localStorage: synchronous strings */
  function syncStore(): KeyValue & { map: Map<string, string> } {
    const map = new Map<string, string>();
    return { map, getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v) };
  }

  /** an app whose autosave has written both records once and now waits `delayMs` after a change;
   *  `lose()` drops every later IndexedDB write, as Chromium does with those begun as the page goes */
  async function savedOnce(delayMs: number) {
    const a = await worked();
    const store = mapStore();
    const sync = syncStore();
    const writes: string[] = [];
    let lost = false;
    // a lost write never settles: the page that asked is gone
    const idb: AsyncStore = {
      ...store,
      set: (k, v) => {
        writes.push(k);
        return lost ? new Promise<void>(() => undefined) : store.set(k, v);
      },
    };
    const autosave = startAutosave(a.state, { store: idb, sync, client: a.client, views: () => [], delayMs });
    autosave.flush(); // its first save (it waits `delayMs` too), now
    for (let i = 0; i < 100 && writes.length < 2; i++) await new Promise((r) => setTimeout(r, 10));
    expect(writes).toEqual([DATA_KEY, AUTOSAVE_KEY]);
    writes.length = 0;
    return { ...a, store, sync, writes, autosave, lose: (on = true) => (lost = on) };
  }

  const restored = async (store: AsyncStore, sync: KeyValue) => {
    const after = await app();
    await restoreAutosave(after.state, { store, sync, openProjectText: after.actions.openProjectText, setLang: after.actions.setLang });
    return after;
  };
  const places = (a: Awaited<ReturnType<typeof app>>) => a.state.layers.value!.facilities.find((f) => f.id === 'CC9001')?.places;

  it('an edit still waiting for its moment is written before the page goes, and kept though IndexedDB loses it', async () => {
    const { store, sync, writes, autosave, actions, state, lose } = await savedOnce(60_000);
    const e = setCapacity(state.layers.value!, { id: 'CC9001', capacity: { places: 75 } });
    if (!e.ok) throw new Error('edit');
    actions.commitEdit(e.edit);
    const has75 = (rec: unknown) => JSON.stringify(parseRecord(rec)?.part.scenarios).includes('"places":75');
    expect(has75(store.map.get(AUTOSAVE_KEY))).toBe(false); // the change waits for its moment (a minute here)
    lose();
    autosave.flush();
    // localStorage has it before flush() returned: nothing after a pagehide handler is sure to run
    expect(has75(JSON.parse(sync.map.get(PENDING_KEY) ?? 'null'))).toBe(true);
    expect(writes).toEqual([AUTOSAVE_KEY]); // IndexedDB was asked too (it keeps it if the page stays)
    expect(has75(store.map.get(AUTOSAVE_KEY))).toBe(false); // ... but lost it here
    autosave.stop();
    expect(places(await restored(store, sync))).toBe(75);
  });

  it('the newer of the two records is restored; an IndexedDB save as new clears the other; so does starting over', async () => {
    const { store, sync, autosave, actions, state, lose } = await savedOnce(60_000);
    const set = (places: number) => {
      const e = setCapacity(state.layers.value!, { id: 'CC9001', capacity: { places } });
      if (!e.ok) throw new Error('edit');
      actions.commitEdit(e.edit);
    };
    set(75);
    lose();
    autosave.flush(); // 75 in localStorage alone
    const old75 = sync.map.get(PENDING_KEY) ?? '';
    await new Promise((r) => setTimeout(r, 5)); // a later time stamp
    lose(false);
    set(80);
    autosave.flush(); // 80 in both; IndexedDB's write done clears localStorage's
    for (let i = 0; i < 100 && sync.map.get(PENDING_KEY) !== ''; i++) await new Promise((r) => setTimeout(r, 10));
    expect(sync.map.get(PENDING_KEY)).toBe('');
    expect(places(await restored(store, sync))).toBe(80);
    // an older record left in localStorage (its clearing lost too) loses to the newer IndexedDB one
    sync.setItem(PENDING_KEY, old75);
    expect(places(await restored(store, sync))).toBe(80);
    await clearAutosave(store, sync);
    expect(sync.map.get(PENDING_KEY)).toBe('');
    autosave.stop();
  });

  it("a record is restored only onto the data it was made on: another tab's later project wins over this tab's last edit", async () => {
    // tab 1: the demo worked on, its data stored; it is closed right after an edit
    const one = await savedOnce(60_000);
    // tab 2, the same browser's stores: opens the sample project, which is stored
    const two = await app();
    await two.actions.openProject('data/sample/project.json', 'sample.json');
    await two.actions.scenarioSettled();
    await saveNow(two.state, { store: one.store, client: two.client, views: () => [] });
    await new Promise((r) => setTimeout(r, 5)); // tab 1's edit comes later
    const e = setCapacity(one.state.layers.value!, { id: 'CC9001', capacity: { places: 75 } });
    if (!e.ok) throw new Error('edit');
    one.actions.commitEdit(e.edit);
    one.lose();
    one.autosave.flush(); // the newest record, in localStorage, made on the demo's data
    one.autosave.stop();
    const after = await app();
    const r = await restoreAutosave(after.state, { store: one.store, sync: one.sync, openProjectText: after.actions.openProjectText, setLang: after.actions.setLang });
    expect(r.restored?.fileName).toBe('sample.json'); // not the demo's scenarios on the sample's data
    expect(after.state.projectFile.value).toBe('sample.json');
    expect(after.state.layers.value!.facilities.length).toBe(two.state.layers.value!.facilities.length);
  });

  it('a record and data written before records named their data still restore', async () => {
    const a = await worked();
    const store = mapStore();
    await saveNow(a.state, { store, client: a.client, views: () => [] });
    const { dataId: _, ...old } = store.map.get(AUTOSAVE_KEY) as Record<string, unknown>;
    store.map.set(AUTOSAVE_KEY, old);
    store.map.set(DATA_KEY, (store.map.get(DATA_KEY) as { data: unknown }).data);
    const after = await app();
    const r = await restoreAutosave(after.state, { store, openProjectText: after.actions.openProjectText, setLang: after.actions.setLang });
    expect(r.failed).toBe(false);
    expect(after.state.layers.value!.facilities.some((f) => f.id === 'NEW1')).toBe(true);
  });

  it("a record too large for localStorage's share stays out of it (IndexedDB still gets it); a full localStorage is no error", async () => {
    const a = await worked();
    const store = mapStore();
    const sync = syncStore();
    let views: unknown[] = [];
    const autosave = startAutosave(a.state, { store, sync, client: a.client, views: () => views as View[], delayMs: 60_000 });
    autosave.flush();
    for (let i = 0; i < 100 && !store.map.has(AUTOSAVE_KEY); i++) await new Promise((r) => setTimeout(r, 10));
    // views of 600 000 characters: a record over the 500 000 kept in localStorage
    views = [{ id: 'v', name: 'x'.repeat(600_000) }];
    a.state.rule.value = 'ak.new.places-2'; // a change for the autosave to see
    autosave.flush();
    expect(sync.map.has(PENDING_KEY)).toBe(false);
    await new Promise((r) => setTimeout(r, 20));
    expect(JSON.stringify(store.map.get(AUTOSAVE_KEY)).length).toBeGreaterThan(600_000);
    // and a localStorage that refuses writes (full, blocked) throws nothing out of flush
    const full: KeyValue = {
      getItem: () => null,
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
    };
    const b = startAutosave(a.state, { store, sync: full, client: a.client, views: () => [], delayMs: 60_000 });
    a.state.rule.value = 'ak.new.places';
    expect(() => b.flush()).not.toThrow();
    autosave.stop();
    b.stop();
  });

  it('nothing waiting: nothing is written; new data go first, never a record ahead of its data', async () => {
    const { store, sync, writes, autosave, actions, state } = await savedOnce(60_000);
    autosave.flush();
    expect(writes).toEqual([]);
    expect(sync.map.size).toBe(0);
    // another project opened: its data are not stored yet, so the small record alone must not be written
    await actions.openProject(DEMO, 'again.json');
    await actions.scenarioSettled();
    autosave.flush();
    expect(writes).toEqual([]); // the data are asked of the worker first (a round trip)
    expect(sync.map.size).toBe(0);
    for (let i = 0; i < 100 && writes.length < 2; i++) await new Promise((r) => setTimeout(r, 10));
    expect(writes).toEqual([DATA_KEY, AUTOSAVE_KEY]);
    expect(parseRecord(store.map.get(AUTOSAVE_KEY))?.fileName).toBe('again.json');
    expect(state.projectFile.value).toBe('again.json');
    autosave.stop();
  });
});

describe('project files', () => {
  it('a saved project file opens with its scenarios, the open one and its edits', async () => {
    const before = await worked();
    const text = await projectFileText(before.state, { client: before.client, views: () => [] });
    const json = JSON.parse(text) as Record<string, unknown>;
    expect(json.version).toBe(1);
    expect((json.scenarios as { name: string }[]).map((s) => s.name)).toEqual(['甲', '乙']);
    expect((json.roads as { features: unknown[] }).features.length).toBeGreaterThan(0); // the roads the page never holds
    const after = await app();
    await after.actions.openProjectText(text, 'saved.project.json');
    expect(after.state.session.value?.active).toBe(before.state.session.value?.active);
    expect(after.state.layers.value!.facilities.some((f) => f.id === 'NEW1')).toBe(true);
  });

  it('a broken, a newer-version file or one with a broken scenario part explains itself and changes nothing', async () => {
    const a = await worked();
    const session = a.state.session.value;
    const project = a.state.project.value;
    const analysis = a.state.analysis.value;
    const demo = JSON.parse(readFileSync(DEMO, 'utf8')) as Record<string, unknown>;

    await a.actions.openProjectText(JSON.stringify({ ...demo, version: 7 }), 'future.json');
    expect(a.state.error.value).toContain('future.json');
    expect(a.state.error.value).toContain('版本 7');

    await a.actions.openProjectText(JSON.stringify({ ...demo, scenarios: [{ id: 's1', name: '坏', edits: 'not a list' }] }), 'bad-scenarios.json');
    expect(a.state.error.value).toContain('bad-scenarios.json');
    expect(a.state.error.value).toContain('scenarios');

    await a.actions.openProjectText('{"version": 1, "communities": ', 'cut.json');
    expect(a.state.error.value).toContain('cut.json');

    expect(a.state.session.value).toBe(session);
    expect(a.state.project.value).toBe(project);
    expect(a.state.analysis.value).toBe(analysis);
    // the worker kept the open project too: a fresh analysis still sees the scenario's facility
    await a.actions.analyse();
    expect(places(a.state)?.value).toBeCloseTo((141 / 13685) * 1000, 2);
  });
});

describe('scenario files', () => {
  it('a shared scenario opens into another project as a new scenario; a broken one changes nothing', async () => {
    const from = await worked();
    const file = from.actions.scenarioFileText();
    expect(file?.name).toBe('乙');
    const to = await app();
    await to.actions.openProject(DEMO, DEMO);
    to.actions.newScenario('乙'); // same name there already: the import gets "乙 (2)"
    const broken = await to.actions.importScenarioText('{"type": "yilao-scenario", "version": 2}');
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(broken.problems[0].key).toBe('scenario.file.newer');
    expect(to.state.session.value!.scenarios.map((s) => s.name)).toEqual(['乙']);

    const r = await to.actions.importScenarioText(file!.text);
    expect(r).toMatchObject({ ok: true, name: '乙 (2)', notice: null }); // same baseline: no notice
    await to.actions.scenarioSettled();
    expect(to.state.session.value!.scenarios.map((s) => s.name)).toEqual(['乙', '乙 (2)']);
    expect(places(to.state)?.value).toBeCloseTo((141 / 13685) * 1000, 2);
    // the redo stack travels too
    expect(to.state.session.value!.editing.history.future).toHaveLength(1);
  });

  it('made on other baseline data: the notice says so and the edits that no longer fit are listed, kept', async () => {
    const from = await worked();
    from.actions.redo(); // both edits done: add NEW1, CC9001 41 → 60 places
    const text = from.actions.scenarioFileText()!.text;
    const to = await app();
    await to.actions.openProject('data/sample/project.json', 'sample.json');
    const r = await to.actions.importScenarioText(text);
    expect(r.ok && r.notice?.key).toBe('scenario.file.otherBaseline');
    const s = to.state.session.value!;
    expect(s.active).not.toBe(BASELINE_ID);
    // a new point fits any baseline; the sample has no CC9001, so that edit is listed and kept
    expect(s.editing.layers.facilities.some((f) => f.id === 'NEW1')).toBe(true);
    expect(s.skipped.map((x) => [x.edit.note.key, x.reason.key, x.reason.args?.id])).toEqual([['scenario.edit.setCapacity.places', 'scenario.error.missing.facilities', 'CC9001']]);
    expect(to.state.session.value!.scenarios.find((x) => x.id === s.active)?.edits).toHaveLength(2);
    const saved = savedScenarios(s).find((x) => x.id === s.active);
    expect(saved?.parked?.map((e) => e.note.key)).toEqual(['scenario.edit.setCapacity.places']);
  });
});
