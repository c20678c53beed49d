// The app's derived views read only the levels they show (src/state/app-state.ts): the map's
// verdicts are streets and communities, the table its level. Checked against the view models run
// over the engine's own result objects, on the sample, through the real analysis (in-process) and
// the same columns the browser's client gets (posted with their buffers transferred).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createActions } from '../../src/state/actions';
import { createAppState } from '../../src/state/app-state';
import { buildRows } from '../../src/state/table';
import { verdictsByUnit } from '../../src/core/report/verdicts';
import { fromColumns } from '../../src/service/analysis-columns';
import { arraySource, columnBuffers } from '../../src/core/report/result-columns';
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
        analyse: latestOnly(async (req) => {
          const x = api.analyseColumns(req);
          return fromColumns(structuredClone(x, { transfer: columnBuffers(x.columns) }));
        }),
        walkAreas: latestOnly(async (req) => api.walkAreas(req)),
      },
      storage: null,
      keepFile: async () => undefined,
    });
    await actions.openProject('data/sample/project.json', 'sample');
    expect(state.analysis.value?.table).toBeDefined();
    const all = arraySource(api.analyse({ profile: state.profile.value, params: state.params.value }).evaluation.results);
    expect(Array.from({ length: all.n }, (_, i) => all.level(i))).toContain('facility'); // so leaving them out is tested
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
