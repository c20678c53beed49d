// Compare and saved-view state against the real actions and the worker's functions in-process,
// on the hand-made sample area. The plan: a childcare centre of 30 places in 南塬新区 (C3, a new
// urban estate). By hand: places +30; cost 30 × 2500 元 (城市新建每个托位2500元) = 75,000 元.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { newFacility, addFacility, savedScenarios, BASELINE_ID } from '../../src/core/scenario';
import { createActions } from '../../src/state/actions';
import { createAppState } from '../../src/state/app-state';
import { createCompare } from '../../src/state/compare';
import { createViews, type Bbox } from '../../src/state/views';
import { createAnalysisSession } from '../../src/service/session';
import type { AnalysisClient } from '../../src/worker/client';
import type { CompareRequest } from '../../src/service/compare';
import { latestOnly } from '../../src/worker/latest';

const api = createAnalysisSession();

const FILE = 'data/sample/project.json';
// inside the first part of C3's MultiPolygon (108.90217–108.90543 E, 34.16079–34.16349 N)
const SITE: [number, number] = [108.9038, 34.1621];

function setup(text = readFileSync(FILE, 'utf8')) {
  const client: Pick<AnalysisClient, 'listProfiles' | 'load' | 'loadUrl' | 'analyse' | 'walkAreas' | 'setEdits'> = {
    listProfiles: async () => api.listProfiles(),
    load: async (t, name) => api.load(t, name),
    loadUrl: async (_url, name) => api.load(text, name),
    analyse: latestOnly(async (req) => api.analyse(req)),
    walkAreas: latestOnly(async (req) => api.walkAreas(req)),
    setEdits: async (edits) => api.setEdits(edits),
  };
  const state = createAppState({ lang: 'zh', basemap: { kind: 'demo' } });
  const actions = createActions(state, { client, storage: null, keepFile: async () => undefined });
  const requests: CompareRequest[] = [];
  const run = latestOnly(async (req: CompareRequest) => {
    requests.push(req);
    return api.compare(req);
  });
  const active = () => state.session.value?.active ?? BASELINE_ID;
  const compare = createCompare(state, { run, scenarios: () => (state.session.value ? savedScenarios(state.session.value) : []), active });
  return { state, actions, compare, requests, active };
}

async function withPlan() {
  const x = setup();
  await x.actions.openProject(FILE, FILE);
  const layers = x.state.layers.value;
  if (!layers) throw new Error('no layers');
  const e = addFacility(layers, { facility: newFacility('childcare_centre', '南塬托育中心', SITE, { places: 30 }, 'NEW-C3') }, 'E1');
  if (!e.ok) throw new Error('edit');
  expect(x.actions.newScenario('方案一', [e.edit])).toBeNull();
  await x.actions.scenarioSettled();
  return x;
}

describe('compare state', () => {
  it('asks the worker nothing until someone needs a comparison', async () => {
    const { compare, requests } = await withPlan();
    compare.choose('b', 'anything');
    await compare.settled();
    expect(requests).toHaveLength(0);
  });

  it('the panel compares the baseline with the open scenario: places +30, cost 75,000 元', async () => {
    const { compare, active } = await withPlan();
    compare.openPanel();
    await compare.settled();
    const c = compare.state;
    expect(c.a.value).toBe(BASELINE_ID);
    expect(c.b.value).toBe(active());
    expect(c.resultFor.value).toEqual({ a: BASELINE_ID, b: active() });
    expect(c.result.value?.rows.find((r) => r.id === 'places')?.delta).toBe(30);
    expect(c.result.value?.cost.total).toBe(75_000);
  });

  it('swapping the sides flips the delta; the cost is what the new B builds (nothing)', async () => {
    const { compare } = await withPlan();
    compare.openPanel();
    compare.swap();
    await compare.settled();
    expect(compare.state.result.value?.rows.find((r) => r.id === 'places')?.delta).toBe(-30);
    expect(compare.state.result.value?.cost.total).toBe(0);
  });

  it('a side that names a missing scenario is explained and changes nothing', async () => {
    const { compare } = await withPlan();
    compare.openPanel();
    await compare.settled();
    const before = compare.state.result.value;
    compare.choose('b', 'gone-scenario');
    await compare.settled();
    expect(compare.state.error.value).toContain('gone-scenario');
    expect(compare.state.result.value).toBe(before);
  });

  it('follows the profile: a profile change while the panel is open compares again under it', async () => {
    const { compare, actions, requests } = await withPlan();
    compare.openPanel();
    await compare.settled();
    await actions.setProfile('wy');
    await compare.settled();
    expect(requests.at(-1)?.profile).toBe('wy');
    expect(compare.state.result.value?.comparison.rules.every((r) => r.rule.startsWith('wy.'))).toBe(true);
  });

  it('presentation follows the open scenario against the baseline, and stops asking when it ends', async () => {
    const { compare, actions, requests, active } = await withPlan();
    compare.followActive('present', true);
    await compare.settled();
    expect(compare.state.b.value).toBe(active());
    expect(actions.openScenario(BASELINE_ID)).toBeNull();
    await compare.settled();
    expect(compare.state.b.value).toBe(BASELINE_ID);
    expect(compare.state.result.value?.rows.find((r) => r.id === 'places')?.delta).toBe(0);
    compare.followActive('present', false);
    const n = requests.length;
    await actions.setProfile('wy');
    await compare.settled();
    expect(requests).toHaveLength(n);
  });
});

describe('saved views', () => {
  function views(x: Awaited<ReturnType<typeof withPlan>>, extent: Bbox | null) {
    const fits: Bbox[] = [];
    const opened: string[] = [];
    const v = createViews(x.state, {
      map: () => (extent ? { bounds: () => extent, fit: (b) => void fits.push(b), bearing: () => 0 } : null),
      active: x.active,
      openScenario: async (id) => {
        opened.push(id);
        x.actions.openScenario(id);
        await x.actions.scenarioSettled();
      },
    });
    return { v, fits, opened };
  }

  it('refuses an empty name and a map not yet there, with the reason', async () => {
    const x = await withPlan();
    expect(views(x, [1, 2, 3, 4]).v.save('  ')?.key).toBe('present.view.emptyName');
    expect(views(x, null).v.save('全区')?.key).toBe('present.view.noMap');
  });

  it('saves scenario, extent and layers; showing it later brings all three back', async () => {
    const x = await withPlan();
    const plan = x.active();
    const { v, fits, opened } = views(x, [108.9, 34.15, 108.92, 34.17]);
    x.actions.toggleLayer('circles'); // off
    expect(v.save('南塬·方案')).toBeNull();
    const saved = v.views.value[0];
    expect(saved).toMatchObject({ name: '南塬·方案', scenarioId: plan, extent: [108.9, 34.15, 108.92, 34.17] });
    expect(saved.layers).not.toContain('circles');
    expect(saved.layers).toContain('communities');
    // elsewhere: the baseline open, circles on again
    x.actions.openScenario(BASELINE_ID);
    x.actions.toggleLayer('circles');
    await v.step(1);
    expect(opened).toEqual([plan]);
    expect(x.active()).toBe(plan);
    expect(x.state.visible.value.circles).toBe(false);
    expect(fits).toEqual([[108.9, 34.15, 108.92, 34.17]]);
    v.remove(saved.id);
    expect(v.views.value).toEqual([]);
  });

  it('steps forward and back with wrap-around', async () => {
    const x = await withPlan();
    const { v } = views(x, [0, 0, 1, 1]);
    v.save('一');
    v.save('二');
    v.save('三');
    const [a, b, c] = v.views.value.map((w) => w.id);
    expect(v.current.value).toBe(c);
    await v.step(1);
    expect(v.current.value).toBe(a);
    await v.step(-1);
    expect(v.current.value).toBe(c);
    await v.step(-1);
    expect(v.current.value).toBe(b);
  });

  it('a project file brings its views; one whose scenario is missing shows the baseline', async () => {
    const file = JSON.parse(readFileSync(FILE, 'utf8')) as Record<string, unknown>;
    file.views = [
      { id: 'v1', name: '老街', scenarioId: BASELINE_ID, extent: [108.9, 34.15, 108.92, 34.16], layers: ['communities'] },
      { id: 'v2', name: '已删方案', scenarioId: 'deleted', extent: [108.9, 34.15, 108.92, 34.16], layers: [] },
    ];
    const x = setup(JSON.stringify(file));
    const v = createViews(x.state, { map: () => null, active: x.active, openScenario: () => undefined });
    await x.actions.openProject('p.json', 'p.json');
    expect(v.views.value.map((w) => [w.id, w.scenarioId])).toEqual([
      ['v1', BASELINE_ID],
      ['v2', BASELINE_ID],
    ]);
  });
});
