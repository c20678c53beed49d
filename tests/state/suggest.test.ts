// Suggestion state and actions against the real worker API in-process, on the embedded demo:
// three new childcare sites → one scenario whose coverage verdicts improve by exactly the
// communities the sites newly reach (the rule engine counts them on its own).
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { addFacility, BASELINE_ID, newFacility } from '../../src/core/scenario';
import { haversine } from '../../src/core/geo';
import { circlePolygon, suggestFeatures, suggestLayers, SUGGEST_SOURCE } from '../../src/map/suggest-layer';
import { BLANK_BASE, composeStyle } from '../../src/map/style';
import { createActions } from '../../src/state/actions';
import { createAppState } from '../../src/state/app-state';
import { buildRequest, DEFAULT_FORM, qualityNote } from '../../src/state/suggest';
import { countTicks, niceMax } from '../../src/ui/suggest/CurveChart';
import { createAnalysisSession } from '../../src/service/session';
import type { SuggestProgress, SuggestRequest } from '../../src/service/suggest';
import { readdirSync, readFileSync } from 'node:fs';
import type { AnalysisClient } from '../../src/worker/client';
import { latestOnly } from '../../src/worker/latest';

const api = createAnalysisSession();

const DEMO = 'data/demo/project.json';

function demoClient(): Pick<AnalysisClient, 'listProfiles' | 'load' | 'loadUrl' | 'analyse' | 'walkAreas' | 'setEdits' | 'projectText'> {
  return {
    listProfiles: async () => api.listProfiles(),
    load: async (text, name) => api.load(text, name),
    loadUrl: async (path, name) => api.load(readFileSync(path, 'utf8'), name),
    analyse: latestOnly(async (req) => api.analyse(req)),
    walkAreas: latestOnly(async (req) => api.walkAreas(req)),
    setEdits: async (edits) => api.setEdits(edits),
    projectText: async (p) => api.projectText(p),
  };
}

async function setup(profile = 'ca') {
  const client = demoClient();
  const state = createAppState({ lang: 'zh', basemap: { kind: 'demo' } });
  const progress: SuggestProgress[] = [];
  const actions = createActions(state, {
    client: {
      ...client,
      suggest: async (req: SuggestRequest, onProgress?: (p: SuggestProgress) => void) =>
        api.suggest(req, (p) => {
          progress.push(p);
          onProgress?.(p);
        }),
      cancelSuggest: async () => api.cancelSuggest(),
      readParcels: async (name: string, bytes: ArrayBuffer) => api.readParcels(name, bytes),
    },
    storage: null,
    keepFile: async () => undefined,
  });
  await actions.openProject(DEMO, DEMO);
  await actions.setProfile(profile);
  return { state, actions, progress };
}

/** communities passing ca.circle (childcare part): every resident within a childcare circle */
const coveredCommunities = (state: ReturnType<typeof createAppState>) =>
  new Set(
    (state.analysis.value?.evaluation.results ?? [])
      .filter((r) => r.rule === 'ca.circle' && r.part === 'childcare' && r.unit.level === 'community' && r.status === 'pass')
      .map((r) => r.unit.id),
  );

describe('form → request', () => {
  it('the default form is a valid request: 3 childcare sites, coverage, community centres', () => {
    const r = buildRequest(DEFAULT_FORM, { circleMinutes: 15 }, { parcels: null, drawnArea: null });
    expect(r).toEqual({
      ok: true,
      request: {
        kind: 'childcare_centre',
        goal: 'coverage',
        cohort: undefined,
        sites: 3,
        capacity: undefined,
        budget: undefined,
        candidates: { communities: true, grid: undefined, parcels: undefined },
        params: { circleMinutes: 15 },
      },
    });
  });

  it('every problem of the form is named, and nothing is sent', () => {
    const r = buildRequest({ ...DEFAULT_FORM, sites: 0, budget: 100000, goal: 'ratio', communities: false, parcels: true }, {}, { parcels: null, drawnArea: null });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.key)).toEqual(['suggest.form.sitesBad', 'suggest.form.budgetNeedsCapacity', 'suggest.form.ratioNeedsCapacity', 'suggest.form.noParcels']);
  });

  it('a grid over the drawn area is sent with that area', () => {
    const area = circlePolygon([108.9, 34.1], 1000);
    const r = buildRequest({ ...DEFAULT_FORM, grid: true, gridInDrawn: true, gridSpacing: 300 }, {}, { parcels: null, drawnArea: area });
    expect(r.ok && r.request.candidates.grid).toEqual({ spacing: 300, area });
    const none = buildRequest({ ...DEFAULT_FORM, grid: true, gridInDrawn: true }, {}, { parcels: null, drawnArea: null });
    expect(!none.ok && none.errors.map((e) => e.key)).toEqual(['suggest.form.noDrawnArea']);
  });
});

describe('suggestion actions on the demo', () => {
  it('three childcare sites: gains never rise, progress arrives, the scenario covers exactly the communities the sites reach', async () => {
    const { state, actions, progress } = await setup('ca');
    const before = coveredCommunities(state);
    actions.suggest.setForm({ kind: 'childcare_centre', goal: 'coverage', cohort: 'all', sites: 3 });
    await actions.suggest.run();
    const r = state.suggest.result.value;
    if (!r) throw new Error(`no result: ${JSON.stringify(state.suggest.errors.value)}`);
    expect(state.suggest.status.value).toBe('done');
    expect(r.sites.length).toBe(3);
    for (let k = 1; k < r.sites.length; k++) expect(r.sites[k].gain).toBeLessThanOrEqual(r.sites[k - 1].gain);
    expect(progress.at(-1)?.step).toBe('done');
    // the times nest: the page's total holds the worker's, which holds reach + solve (1e-6 ms for float sums)
    const t = state.suggest.timing.value;
    if (!t) throw new Error('no timing');
    expect(t.reachMs).toBeGreaterThan(0);
    expect(t.workerMs + 1e-6).toBeGreaterThanOrEqual(t.reachMs + t.solveMs);
    expect(t.totalMs + 1e-6).toBeGreaterThanOrEqual(t.workerMs);

    // communities the sites newly reach, from the suggestion's own serving lists
    const reached = new Set(r.sites.flatMap((s) => s.served.filter((x) => x.amount > 0).map((x) => x.community)));
    expect(reached.size).toBeGreaterThan(0);
    const name = actions.suggest.toScenario();
    expect(name).toBe('选址建议：托育机构 3 处');
    await actions.scenarioSettled();
    const session = state.session.value!;
    expect(session.active).not.toBe(BASELINE_ID);
    expect(state.layers.value!.facilities.filter((f) => f.id.startsWith('suggested-')).map((f) => f.id)).toEqual(['suggested-1', 'suggested-2', 'suggested-3']);
    // the rule engine, on its own, now finds exactly those communities inside a childcare circle
    // too — the urban ones: the clause (004 二(四)11) is about 城镇小区, villages are n/a
    const urban = new Set(state.layers.value!.communities.filter((c) => c.type !== 'rural').map((c) => c.id));
    const expected = new Set([...before, ...[...reached].filter((id) => urban.has(id))]);
    expect(expected.size).toBeGreaterThan(before.size);
    expect([...coveredCommunities(state)].sort()).toEqual([...expected].sort());
    // a second scenario from the same result gets its own name
    state.suggest.scenarioMade.value = null;
    expect(actions.suggest.toScenario()).toBe('选址建议：托育机构 3 处 (2)');
  });

  it('from an open scenario: the new scenario keeps its edits and adds the sites, and the suggestion saw them', async () => {
    const { state, actions } = await setup('ca');
    expect(actions.newScenario('甲', [])).toBeNull();
    await actions.scenarioSettled();
    // a childcare centre of scenario 甲 at the first site the baseline would get
    await actions.suggest.run();
    const first = state.suggest.result.value!.sites[0];
    const mine = addFacility(state.layers.value!, { facility: newFacility('childcare_centre', '甲的托育', first.candidate.point, {}, 'JIA-1') });
    if (!mine.ok) throw new Error('edit not built');
    expect(actions.commitEdit(mine.edit)).toBeNull();
    await actions.scenarioSettled();
    await actions.suggest.run();
    const r = state.suggest.result.value!;
    // that point's people are served in 甲 now, so the suggestion goes elsewhere
    expect(r.sites.map((x) => x.candidate.id)).not.toContain(first.candidate.id);
    expect(actions.suggest.toScenario()).not.toBeNull();
    await actions.scenarioSettled();
    const ids = state.layers.value!.facilities.map((f) => f.id);
    expect(ids).toContain('JIA-1');
    expect(ids.filter((id) => id.startsWith('suggested-'))).toHaveLength(r.sites.length);
    const open = state.session.value!;
    expect(open.editing.history.past).toHaveLength(2);
  });

  it('a second run overtakes the first: only the newer answer is kept', async () => {
    const { state, actions } = await setup('ca');
    actions.suggest.setForm({ sites: 1 });
    const first = actions.suggest.run();
    actions.suggest.setForm({ sites: 2 });
    const second = actions.suggest.run();
    await Promise.all([first, second]);
    expect(state.suggest.result.value?.sites.length).toBe(2);
    expect(state.suggest.status.value).toBe('done');
  });

  it('cancel drops the running request and keeps what was there', async () => {
    const { state, actions } = await setup('ca');
    const running = actions.suggest.run();
    actions.suggest.cancel();
    await running;
    expect(state.suggest.result.value).toBeNull();
    expect(state.suggest.status.value).toBe('idle');
  });

  it('clear forgets the answer; opening another project forgets it and the drawn area', async () => {
    const { state, actions } = await setup('ca');
    await actions.suggest.run();
    expect(state.suggest.result.value).not.toBeNull();
    actions.suggest.clear();
    expect([state.suggest.result.value, state.suggest.status.value]).toEqual([null, 'idle']);
    await actions.suggest.run();
    actions.suggest.setDrawnArea(circlePolygon([108.9, 34.1], 500));
    await actions.openProject('data/sample/project.json', 'sample');
    expect([state.suggest.result.value, state.suggest.drawnArea.value]).toEqual([null, null]);
  });

  it('ratio goal: the places needed for 4.5 per 1000 residents (002 一), counted here from the layers', async () => {
    const { state, actions } = await setup('ca');
    actions.suggest.setForm({ goal: 'ratio', capacity: 60, sites: 5 });
    await actions.suggest.run();
    const r = state.suggest.result.value;
    if (!r?.ratio) throw new Error(`no ratio answer: ${JSON.stringify(state.suggest.errors.value)}`);
    const layers = state.layers.value!;
    const residents = layers.communities.reduce((sum, c) => sum + (c.population ?? 0), 0);
    const places = layers.facilities.filter((f) => ['childcare_centre', 'kindergarten_nursery', 'family_childcare'].includes(f.kind)).reduce((sum, f) => sum + (f.places ?? 0), 0);
    const needed = Math.max(0, Math.ceil((4.5 * residents) / 1000 - places));
    expect(r.ratio).toMatchObject({ perThousand: 4.5, base: residents, existing: places, needed });
    // as many 60-place sites as needed, at most 5
    expect(r.sites.length).toBe(Math.min(5, Math.ceil(needed / 60)));
    expect(r.ratio.added).toBe(60 * r.sites.length);
    expect(r.ratio.reached).toBe(r.ratio.added >= needed);
  });

  it('a bad form changes nothing and says why', async () => {
    const { state, actions } = await setup('ca');
    actions.suggest.setForm({ budget: 500000 });
    await actions.suggest.run();
    expect(state.suggest.status.value).toBe('error');
    expect(state.suggest.errors.value.map((e) => e.key)).toEqual(['suggest.form.budgetNeedsCapacity']);
    expect(state.suggest.result.value).toBeNull();
  });

  it('quality in words: the 1 − 1/e guarantee without capacity, and the proven share of the bound', async () => {
    const { state, actions } = await setup('ca');
    await actions.suggest.run();
    const r = state.suggest.result.value!;
    const notes = qualityNote(r);
    expect(notes[0]).toEqual({ key: 'suggest.quality.guarantee', args: { pct: 63.2 } }); // 1 − 1/e = 0.63212…
    const got = r.sites.at(-1)!.cumulative;
    expect(notes[1].args.pct).toBe(Math.floor((1000 * got) / r.upperBound!) / 10);
    // with a capacity no a-priori guarantee holds
    actions.suggest.setForm({ capacity: 50 });
    await actions.suggest.run();
    expect(qualityNote(state.suggest.result.value!)[0].key).toBe('suggest.quality.noGuarantee');
  });
});

describe('messages', () => {
  it('every suggest.* key the panel, state and worker use is in both catalogues', async () => {
    const { suggestEn, suggestZh } = await import('../../src/i18n/suggest');
    const files = [...readdirSync('src/ui/suggest').map((f) => `src/ui/suggest/${f}`), 'src/state/suggest.ts', 'src/state/suggest-actions.ts', 'src/service/suggest.ts'];
    const used = new Set(files.flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/'(suggest\.[a-zA-Z.]+[a-zA-Z])'/g)].map((m) => m[1])));
    // keys built from a value: every value they can take
    for (const g of ['coverage', 'shortfall', 'ratio']) used.add(`suggest.goal.${g}`);
    for (const c of ['auto', 'all', 'elderly', 'infants']) used.add(`suggest.cohort.${c}`);
    for (const u of ['residents', 'elderly', 'infants', 'places', 'm2', 'beds']) used.add(`suggest.unit.${u}`);
    for (const st of ['start', 'network', 'reach', 'candidates', 'solve', 'done']) used.add(`suggest.step.${st}`);
    for (const src of ['parcel', 'community', 'grid']) used.add(`suggest.source.${src}`);
    expect(used.size).toBeGreaterThan(60);
    expect([...used].filter((k) => !(k in suggestZh) || !(k in suggestEn))).toEqual([]);
  });
});

describe('map layer and chart', () => {
  it('the layers validate against the MapLibre style spec, numbered markers on top', () => {
    const style = composeStyle(BLANK_BASE, {}, []);
    style.sources[SUGGEST_SOURCE] = { type: 'geojson', data: { type: 'FeatureCollection', features: [] } };
    style.layers.push(...suggestLayers());
    expect(validateStyleMin(style)).toEqual([]);
    expect(suggestLayers().at(-1)?.type).toBe('symbol');
  });

  it('a site circle is the suggestion distance from its centre all round', () => {
    const c: [number, number] = [108.95, 34.15];
    const ring = circlePolygon(c, 810).coordinates[0] as [number, number][];
    for (const p of ring) expect(Math.abs(haversine(c, p) - 810)).toBeLessThan(2);
  });

  it('features: one marker per site labelled with its rank, the highlighted one flagged', () => {
    const site = (rank: number) => ({
      rank,
      candidate: { id: `c${rank}`, name: 'x', point: [108.9 + rank / 100, 34.1] as [number, number], source: 'community' as const, mode: 'new' as const, rural: false },
      size: null,
      gain: 1,
      cumulative: rank,
      cost: null,
      cumulativeCost: null,
      served: [],
    });
    const fc = suggestFeatures({ sites: [site(1), site(2)], distance: 810, reachMode: 'straight' } as never, 2, null);
    const markers = fc.features.filter((f) => f.properties?.role === 'site');
    expect(markers.map((f) => f.properties?.label)).toEqual(['2', '1']);
    expect(markers.map((f) => f.properties?.on)).toEqual([true, false]);
    expect(fc.features.filter((f) => f.properties?.role === 'circle').length).toBe(2);
    // along streets the reach is no circle: none is drawn
    const network = suggestFeatures({ sites: [site(1)], distance: 810, reachMode: 'network' } as never, null, null);
    expect(network.features.map((f) => f.properties?.role)).toEqual(['site']);
  });

  it('axis ends are round numbers at or above the largest value', () => {
    expect([niceMax(0), niceMax(3), niceMax(2700), niceMax(4400), niceMax(375000)]).toEqual([1, 5, 5000, 5000, 500000]);
    expect(countTicks(3)).toEqual([0, 1, 2, 3]);
    expect(countTicks(50)).toEqual([0, 25, 50]);
  });
});
