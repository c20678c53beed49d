// Circle minutes changed along streets: the verdicts first, the walk areas asked only once the map
// has drawn them (verdictsDrawn), so the worker's seconds of walking and tracing do not take the
// cores from the verdicts' frames; walk areas the session kept (minutes changed back) come with the
// verdicts in the same answer, with no note and no second request, and are drawn after them. The real analysis session in
// process, on the demo's street network.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createAnalysisSession } from '../../src/service/session';
import { createActions } from '../../src/state/actions';
import { createAppState } from '../../src/state/app-state';
import type { AnalysisClient } from '../../src/worker/client';
import { latestOnly } from '../../src/worker/latest';

const FILE = 'data/demo/project.json';

function setup(areasAtOnceUpTo?: number) {
  const api = createAnalysisSession();
  const asked: string[] = [];
  const client: Pick<AnalysisClient, 'listProfiles' | 'load' | 'loadUrl' | 'analyse' | 'walkAreas'> = {
    listProfiles: async () => api.listProfiles(),
    load: async (text, name) => api.load(text, name),
    loadUrl: async (path, name) => api.load(readFileSync(path, 'utf8'), name),
    analyse: latestOnly(async (req) => {
      asked.push(`analyse ${req.params.circleMinutes}`);
      return api.analyse(req);
    }),
    walkAreas: latestOnly(async (req) => {
      asked.push(`walkAreas ${req.params.circleMinutes}`);
      return api.walkAreas(req);
    }),
  };
  const state = createAppState({ lang: 'zh', basemap: { kind: 'demo' } });
  // the map's "drawn": answered by the test
  let drawn: () => void = () => undefined;
  const actions = createActions(state, {
    client,
    storage: null,
    keepFile: async () => undefined,
    verdictsDrawn: () => new Promise<void>((resolve) => (drawn = resolve)),
    areasAtOnceUpTo,
  });
  return { state, actions, asked, draw: () => drawn() };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
/** until `ok` holds (the actions run on promises) */
async function until(ok: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !ok(); i++) await tick();
  expect(ok()).toBe(true);
}

describe('walk areas after the verdicts', () => {
  it('15 → 12 minutes: the walk areas asked once the verdicts are drawn; back to 15: the kept ones with the verdicts, drawn after them', async () => {
    const { state, actions, asked, draw } = setup();
    const opened = actions.openProject(FILE, FILE);
    await until(() => state.phase.value === 'ready');
    expect(state.params.value.reach).not.toBe('straight');
    expect(state.areasPending.value).toBe(true);
    expect(asked.filter((a) => a.startsWith('walkAreas'))).toEqual([]); // not before the map drew the verdicts
    draw();
    await opened;
    expect(state.areasPending.value).toBe(false);
    const areas15 = state.areas.value;
    expect(areas15?.features.length).toBeGreaterThan(0);

    asked.length = 0;
    expect(actions.setParam('circleMinutes', 12)).toBe(true);
    await until(() => state.phase.value === 'ready');
    expect(state.areasPending.value).toBe(true);
    expect(state.areas.value).toBeNull(); // none rather than the longer circle's
    expect(asked).toEqual(['analyse 12']);
    draw();
    await until(() => !state.areasPending.value);
    expect(asked).toEqual(['analyse 12', 'walkAreas 12']);
    expect(state.areas.value?.features[0].properties.radius).toBeLessThan(areas15?.features[0].properties.radius ?? 0);

    asked.length = 0;
    expect(actions.setParam('circleMinutes', 15)).toBe(true);
    await until(() => state.phase.value === 'ready');
    // kept by the session: in the verdicts' answer, no note, no second request; put on the map
    // once it has drawn the verdicts (in the verdicts' frame they made it ≈ 0.5 s longer)
    expect(state.areasPending.value).toBe(false);
    expect(asked).toEqual(['analyse 15']);
    await tick();
    expect(state.areas.value).toBeNull();
    draw();
    await until(() => state.areas.value !== null);
    expect(asked).toEqual(['analyse 15']);
    const fresh = createAnalysisSession();
    fresh.load(readFileSync(FILE, 'utf8'), FILE);
    const want = fresh.walkAreas({ profile: state.profile.value, params: state.params.value });
    expect(state.areas.value?.features).toEqual(want.features);
  });

  it('a small project asks its walk areas with the verdicts, not once they are drawn', async () => {
    // the demo has 513 communities
    const { state, actions, asked } = setup(513);
    await actions.openProject(FILE, FILE); // the map never says it drew the verdicts
    expect(asked).toEqual(['analyse 15', 'walkAreas 15']);
    expect(state.areasPending.value).toBe(false);
    expect(state.areas.value?.features.length).toBeGreaterThan(0);
    // one fewer community than it has: it waits for the map again
    const larger = setup(512);
    const opened = larger.actions.openProject(FILE, FILE);
    await until(() => larger.state.phase.value === 'ready');
    expect(larger.asked).toEqual(['analyse 15']);
    larger.draw();
    await opened;
    expect(larger.asked).toEqual(['analyse 15', 'walkAreas 15']);
  });
});
