// The composition root: createApp() builds everything the page keeps, so two apps share nothing —
// no module-level state is left for them to share. Each runs against its own analysis session in-process.
import { Signal } from '@preact/signals';
import { describe, expect, it } from 'vitest';
import { createApp } from '../src/app';
import { createAnalysisSession } from '../src/service/session';
import type { ReviewWrite } from '../src/state/workspace';
import { workspaceOf } from '../src/ui/workspace/store';
import type { AnalysisClient } from '../src/worker/client';
import { localImporter } from '../src/worker/import-client';
import { demoClient } from './state/scenario-client';
import { square } from './core/scenario/fixtures';

/** an app on its own storages and analysis session; `now`: its clock (the system clock when not given) */
/** `refuse`: keys the browser's storage will not write (full, as a QuotaExceededError) */
function newApp(now?: () => Date, refuse: (key: string) => boolean = () => false) {
  const kept = new Map<string, string>();
  const idb = new Map<string, unknown>();
  const store = {
    get: async <T>(k: string) => idb.get(k) as T | undefined,
    set: async (k: string, v: unknown) => void idb.set(k, v),
    del: async (k: string) => void idb.delete(k),
  };
  // the tests' client answers what opening, analysing and importing need; the other parts are never called here
  const session = createAnalysisSession();
  const { client } = demoClient(session);
  const app = createApp({
    client: { ...client, importer: localImporter(session), checkSite: (req) => session.checkSite(req) } as AnalysisClient,
    storage: {
      getItem: (k) => kept.get(k) ?? null,
      setItem: (k, v) => {
        if (refuse(k)) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        kept.set(k, v);
      },
    },
    store,
    // no workspace server here: every request fails as an unreachable network does
    workspace: { origin: 'http://workspace.test/', fetch: () => Promise.reject(new TypeError('Failed to fetch')) },
    // no map in Node: a component that asked for one would fail here, loudly
    createMap: () => {
      throw new Error('no map in these tests');
    },
    now,
  });
  return { app, kept, idb };
}

/** every signal reachable from the app's own fields (not through functions) */
function signalsOf(root: unknown): Set<Signal> {
  const out = new Set<Signal>();
  const seen = new Set<unknown>();
  const walk = (x: unknown, depth: number): void => {
    if (x === null || typeof x !== 'object' || seen.has(x) || depth > 6) return;
    seen.add(x);
    if (x instanceof Signal) {
      out.add(x);
      return;
    }
    for (const v of Object.values(x)) walk(v, depth + 1);
  };
  walk(root, 0);
  return out;
}

describe('createApp', () => {
  it('two apps hold no signal in common', () => {
    const one = newApp().app;
    const two = newApp().app;
    // the workspace panel's client, register and outbox are made on first use; made here, the walk reaches them
    workspaceOf(one);
    workspaceOf(two);
    const a = signalsOf(one);
    const b = signalsOf(two);
    // state (≈ 25), site (17), tools, import, compare, views, print, presentation, persistence, ledger, map, workspace (8 + 10 shared): far more than the app state alone
    expect(a.size).toBeGreaterThan(80);
    expect(b.size).toBe(a.size);
    expect([...a].filter((s) => b.has(s))).toEqual([]);
  });

  it("the page's small choices are the app's own signals, reached by the walk above", () => {
    const { app } = newApp();
    const reached = signalsOf(app);
    expect(reached.has(app.ui.legendFolded)).toBe(true);
    expect(reached.has(app.ui.searchPin)).toBe(true);
    // measuring on the map is one app's: its on/off and its points are among the map's handles
    expect(reached.has(app.map.measure.measuring as Signal)).toBe(true);
    expect(reached.has(app.map.measure.points as Signal)).toBe(true);
    expect(newApp().app.map.measure).not.toBe(app.map.measure);
    // the saved views' list is the app's own too (autosave and "save project" read this one)
    expect(reached.has(app.present.views.views)).toBe(true);
    // the workspace panel's signals (the header's button reads two of them) before the panel's first use …
    for (const s of Object.values(app.workspace.ws)) expect(reached.has(s)).toBe(true);
    expect(app.workspace.made).toBeNull();
    // … and after it: made once per app, its shared scenarios and ledger reached through the app
    const w = workspaceOf(app);
    expect(workspaceOf(app)).toBe(w);
    expect(w.ws).toBe(app.workspace.ws);
    const after = signalsOf(app);
    expect(after.has(w.shared.scenarios)).toBe(true);
    expect(after.has(w.shared.ledger)).toBe(true);
    expect(workspaceOf(newApp().app)).not.toBe(w);
  });

  it('what one app does leaves the other as it was', async () => {
    const { app: one, kept } = newApp();
    const { app: two, kept: keptTwo } = newApp();
    await one.actions.openProject('data/sample/project.json', 'data/sample/project.json');
    one.actions.setLang('en');
    one.site.name.value = '北区地块';
    one.tools.say({ key: 'scenario.ui.edit.unchanged' });
    one.ledger.open.value = true;
    one.state.ledgerVersion.value++;
    one.present.print.paper.value = 'a3';
    one.map.main.current = { bounds: () => [108.9, 34.2, 109, 34.3], fit: () => undefined, bearing: () => 0 };
    one.ui.legendFolded.value = true;
    one.ui.searchPin.value = { lon: 108.95, lat: 34.25 };

    expect(one.state.phase.value).toBe('ready');
    expect(one.state.project.value?.area.name).toBeTruthy();
    expect(kept.get('yl.lang')).toBe('en');

    expect(two.state.phase.value).toBe('starting');
    expect(two.state.project.value).toBeNull();
    expect(two.state.lang.value).toBe('zh');
    expect(keptTwo.size).toBe(0);
    expect(two.site.name.value).toBe('');
    expect(two.tools.notice.value).toBeNull();
    expect(two.ledger.open.value).toBe(false);
    expect(two.state.ledgerVersion.value).toBe(0);
    expect(two.present.print.paper.value).toBe('a4');
    expect(two.map.main.current).toBeNull();
    expect(two.ui.legendFolded.value).toBe(false);
    expect(two.ui.searchPin.value).toBeNull();
  });

  it("a review kept while the workspace is unreachable waits in that app's outbox only", async () => {
    const { app: one, kept } = newApp();
    const { app: two, kept: keptTwo } = newApp();
    const w1 = workspaceOf(one);
    const w2 = workspaceOf(two);
    one.workspace.ws.open.value = true;
    const saved = await w1.saveReview({ applicant: '某公司', project: '北区地块' } as unknown as ReviewWrite);
    expect(saved).toBeNull();
    expect(one.workspace.ws.outbox.value).toBe(1);
    expect(one.workspace.ws.message.value).toEqual({ kind: 'offline', key: 'ws.msg.keptLocally', args: { n: 1 } });
    expect(JSON.parse(kept.get('yl.workspace.outbox') ?? '[]')).toHaveLength(1);

    expect(two.workspace.ws.open.value).toBe(false);
    expect(w2.ws.outbox.value).toBe(0);
    expect(w2.ws.message.value).toBeNull();
    expect(keptTwo.has('yl.workspace.outbox')).toBe(false);
  });

  it('a review that cannot be kept (storage full) is said to be NOT saved, not kept', async () => {
    const { app, kept } = newApp(undefined, (k) => k === 'yl.workspace.outbox');
    const w = workspaceOf(app);
    const saved = await w.saveReview({ applicant: '某公司', project: '北区地块' } as unknown as ReviewWrite);
    expect(saved).toBeNull();
    expect(app.workspace.ws.outbox.value).toBe(0);
    expect(app.workspace.ws.message.value).toEqual({ kind: 'error', key: 'ws.msg.notKept', args: { detail: 'Failed to fetch' } });
    expect(kept.has('yl.workspace.outbox')).toBe(false);
  });

  it('the autosave of each app writes to its own store', async () => {
    const { app: one, idb } = newApp();
    const { idb: idbTwo } = newApp();
    one.map.main.current = { bounds: () => [108.9, 34.2, 109, 34.3], fit: () => undefined, bearing: () => 0 };
    await one.persistence.start(() => one.actions.openProject('data/sample/project.json', 'data/sample/project.json'));
    // leaving the page keeps where the map was — in this app's store only
    one.persistence.leaving();
    await Promise.resolve();
    expect(idb.get('yl.autosave.extent')).toEqual([108.9, 34.2, 109, 34.3]);
    expect(idbTwo.size).toBe(0);
  });

  it("time is read from the app's clock: the autosave's stamp, a kept review's, a site check's date", async () => {
    const at = new Date('2031-02-03T04:05:06.000Z');
    const { app, idb, kept } = newApp(() => at);
    expect(app.clock()).toBe(at);
    await app.persistence.start(() => app.actions.openProject('data/sample/project.json', 'data/sample/project.json'));
    for (let i = 0; i < 100 && app.persistence.status.value.savedAt === null; i++) await new Promise((r) => setTimeout(r, 50));
    expect(app.persistence.status.value.savedAt).toBe('2031-02-03T04:05:06.000Z');
    expect((idb.get('yl.autosave') as { savedAt: string }).savedAt).toBe('2031-02-03T04:05:06.000Z');

    await workspaceOf(app).saveReview({ applicant: '某公司', project: '北区地块' } as unknown as ReviewWrite);
    expect(JSON.parse(kept.get('yl.workspace.outbox') ?? '[]')[0].savedAt).toBe('2031-02-03T04:05:06.000Z');

    // a 100 m square in the sample area, checked without a date: the report's date is the clock's day
    const [x, y] = [108.905, 34.16];
    const d = 0.0005;
    app.site.geometry.value = square(x - d, y - d, 2 * d);
    app.site.source.value = 'drawn';
    await app.site.runCheck({ profile: app.state.profile.value, params: app.state.params.value, lang: 'zh', unnamed: '未命名地块' });
    expect(app.site.error.value).toBeNull();
    expect(app.site.result.value?.date).toBe('2031-02-03');
  });

  it('the maps are made by the map factory the app is given', () => {
    const { app } = newApp();
    expect(() => app.map.create(null as unknown as HTMLElement, { base: { kind: 'blank' } as never, overlay: {} as never, bounds: null }, {} as never)).toThrow(
      'no map in these tests',
    );
  });
});
