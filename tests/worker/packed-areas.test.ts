// Circles and walk areas cross from the worker without their outlines (service-areas.ts
// ShownAreas): the page holds which they are (each one's facility, group and radius, and the set's
// id) and the map draws them from the worker's tiles; the gaps export takes the outlines in the
// worker by that id. The worker's API is exposed over a MessageChannel in this thread, as in the
// worker; what the export writes is compared with the areas of a second session that never
// crossed anything.
import { readFileSync } from 'node:fs';
import type { Remote } from 'comlink';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnalysisSession } from '../../src/service/session';
import type { ServiceAreas } from '../../src/service/service-areas';
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

type Gap = { geometry: unknown; properties: { gap: string; circle: string; facility: string | null } };

/** the service areas of a gaps export as the session's areas would write them */
const written = (a: ServiceAreas) =>
  a.features.map((f) => ({ geometry: f.geometry, circle: f.properties.circle, facility: f.properties.facility === '*' ? null : f.properties.facility }));
const exported = async (id: number | null | undefined, req: { profile: string; params: Record<string, unknown> }) => {
  const evaluation = plain.analyse(req).evaluation;
  const text = await remote.exportGaps({ evaluation, lang: 'zh' }, id ?? null);
  return (JSON.parse(text) as { features: Gap[] }).features
    .filter((f) => f.properties.gap === 'service_area')
    .map((f) => ({ geometry: f.geometry, circle: f.properties.circle, facility: f.properties.facility }));
};

describe('circles and walk areas cross without their outlines', () => {
  it('network walk areas: the page gets which they are; the gaps export writes the session’s outlines', async () => {
    const req = { profile: 'combined', params: { reach: 'network' as const } };
    const sent = await remote.walkAreas(req);
    const want = plain.walkAreas(req);
    expect(want.features.length).toBeGreaterThan(0);
    // what crossed: each area's properties and the set's id, no outline
    expect(sent.features.map((f) => f.properties)).toEqual(want.features.map((f) => f.properties));
    expect(sent.features.some((f) => 'geometry' in f)).toBe(false);
    expect(sent.id).toBeTypeOf('number');
    expect(await exported(sent.id, req)).toEqual(written(want));
  });

  it("straight circles come with the analysis's columns the same way", async () => {
    const req = { profile: 'combined', params: { reach: 'straight' as const } };
    const sent = await remote.analyseColumns(req);
    const want = plain.analyse(req).serviceAreas as ServiceAreas;
    expect(want.features.length).toBeGreaterThan(0);
    const circles = sent.analysis.serviceAreas;
    expect(circles?.features.map((f) => f.properties)).toEqual(want.features.map((f) => f.properties));
    expect(circles?.features.some((f) => 'geometry' in f)).toBe(false);
    expect(await exported(circles?.id, req)).toEqual(written(want));
    // no areas shown: none written; areas no longer kept (three newer answers since): a clear error
    expect(await exported(null, req)).toEqual([]);
    for (const minutes of [5, 6, 7]) await remote.analyseColumns({ profile: 'combined', params: { reach: 'straight', circleMinutes: minutes } });
    await expect(exported(circles?.id, req)).rejects.toThrow(/no longer kept/);
  });
});
