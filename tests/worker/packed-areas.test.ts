// Circles and walk areas cross from the worker packed into typed arrays (worker/packed-project.ts)
// and read back on the page as the same GeoJSON. The worker's API is exposed over a MessageChannel
// in this thread, as in the worker, with the page's client unpacking; what it reads back is
// compared with the areas of a second session that never crossed anything.
import { readFileSync } from 'node:fs';
import type { Remote } from 'comlink';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnalysisSession } from '../../src/service/session';
import type { ServiceAreas } from '../../src/service/service-areas';
import { unpackAreas, unpackColumnsAreas } from '../../src/worker/packed-project';
import { workerApi, type WorkerApi } from '../../src/worker/worker-api';
import { overChannel } from './channel';

const demo = () => JSON.parse(readFileSync('data/demo/project.json', 'utf8')) as unknown;
let remote: Remote<WorkerApi>;
let close = () => {};
const plain = createAnalysisSession();

beforeAll(() => {
  const api = workerApi(createAnalysisSession());
  if (!api.load(demo(), 'demo').ok || !plain.load(demo(), 'demo').ok) throw new Error('the demo did not load');
  ({ remote, close } = overChannel(api));
});
afterAll(() => close());

const vertices = (a: ServiceAreas) =>
  a.features.reduce((n, f) => n + (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates).flat().reduce((m, ring) => m + ring.length, 0), 0);

describe('circles and walk areas cross packed', () => {
  it('network walk areas read back exactly as the session made them', async () => {
    const req = { profile: 'combined', params: { reach: 'network' as const } };
    const sent = await remote.walkAreas(req);
    const want = plain.walkAreas(req);
    expect(want.features.length).toBeGreaterThan(0);
    // what crossed: the vertices in one buffer, no geometry in the features
    expect(sent.features.packed.xy.length).toBe(2 * vertices(want));
    expect(sent.features.units.some((f) => 'geometry' in f)).toBe(false);
    const back = unpackAreas(sent);
    expect(back).toEqual(want);
    expect(structuredClone(back)).toEqual(want); // what an export sends back to the worker
  });

  it("straight circles come with the analysis's columns and read back exactly", async () => {
    const req = { profile: 'combined', params: { reach: 'straight' as const } };
    const sent = await remote.analyseColumns(req);
    const want = plain.analyse(req).serviceAreas;
    expect(want?.features.length).toBeGreaterThan(0);
    expect(sent.analysis.serviceAreas?.features.packed.xy.length).toBe(2 * vertices(want as ServiceAreas));
    expect(unpackColumnsAreas(sent).analysis.serviceAreas).toEqual(want);
  });
});
