// The app's derived views read only the levels they show (src/state/app-state.ts): the map's
// verdicts are streets and communities, the table its level. Checked against the plain view
// models run over every result, on the sample, through the real analysis (in-process) and the
// same parts the browser's client fetches.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createActions } from '../../src/state/actions';
import { createAppState } from '../../src/state/app-state';
import { buildRows } from '../../src/state/table';
import { verdictsByUnit } from '../../src/core/report/verdicts';
import { assembleAnalysis } from '../../src/service/analysis-parts';
import { createAnalysisSession } from '../../src/service/session';
import { latestOnly } from '../../src/worker/latest';

const api = createAnalysisSession();

describe('app views over the analysis', () => {
  it('map verdicts and table rows equal the view models over all results', async () => {
    const state = createAppState({ lang: 'zh', basemap: { kind: 'demo' } });
    const actions = createActions(state, {
      client: {
        listProfiles: async () => api.listProfiles(),
        load: async (text, name) => api.load(text, name),
        loadUrl: async (path, name) => api.load(readFileSync(path, 'utf8'), name),
        analyse: latestOnly(async (req) => assembleAnalysis(api.analyseHead(req), async (t, i) => api.analysisPart(t, i))),
        walkAreas: latestOnly(async (req) => api.walkAreas(req)),
      },
      storage: null,
      keepFile: async () => undefined,
    });
    await actions.openProject('data/sample/project.json', 'sample');
    const all = state.analysis.value?.evaluation.results ?? [];
    expect(all.some((r) => r.unit.level === 'facility')).toBe(true); // so leaving them out is tested
    for (const rule of [null, state.counts.value[0].rule]) {
      actions.selectRule(rule);
      const expected = [...verdictsByUnit(all, rule)].filter(([k]) => k.startsWith('street:') || k.startsWith('community:'));
      expect([...state.verdicts.value].sort()).toEqual(expected.sort());
      for (const level of ['area', 'street', 'community', 'facility'] as const) {
        actions.setQuery({ level });
        const l = state.layers.value;
        const ids =
          level === 'community' ? l?.communities.map((c) => c.id) : level === 'facility' ? l?.facilities.map((f) => f.id) : level === 'street' ? l?.streets.map((x) => x.id) : [];
        expect(state.rows.value).toEqual(buildRows(all, state.query.value, state.nameOf.value, ids));
      }
    }
  });
});
