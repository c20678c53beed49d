// The analysis client of the scenario tests: an analysis session run in-process, calls recorded.
import { readFileSync } from 'node:fs';
import { createAnalysisSession, type AnalysisSession } from '../../src/service/session';
import type { AnalysisClient } from '../../src/worker/client';
import { latestOnly } from '../../src/worker/latest';
import { fromColumns, toColumns } from '../../src/service/analysis-columns';

/** `api`: the session the client talks to (a new one unless the test shares its own). */
export function demoClient(api: AnalysisSession = createAnalysisSession()) {
  const calls: string[] = [];
  const client: Pick<AnalysisClient, 'listProfiles' | 'load' | 'loadUrl' | 'analyse' | 'walkAreas' | 'setEdits' | 'projectText'> = {
    listProfiles: async () => api.listProfiles(),
    load: async (text, name) => api.load(text, name),
    loadUrl: async (path, name) => api.load(readFileSync(path, 'utf8'), name),
    // as the worker's client hands it over: the results as columns (service/analysis-columns.ts)
    analyse: latestOnly(async (req) => {
      calls.push('analyse');
      return fromColumns(toColumns(api.analyse(req)));
    }),
    walkAreas: latestOnly(async (req) => api.walkAreas(req)),
    setEdits: async (edits) => {
      calls.push(`setEdits:${edits.length}`);
      return api.setEdits(edits);
    },
    projectText: async (p) => api.projectText(p),
  };
  return { client, calls };
}
