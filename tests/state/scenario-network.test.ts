// Edits keep the street-network engine: the road graph is built once per road set, and an edit
// (which never touches roads) must not rebuild it. Counted by wrapping the engine's constructor.
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { addFacility, moveFacility, newFacility } from '../../src/core/scenario';
import { createAnalysisSession } from '../../src/service/session';
import { square } from '../core/scenario/fixtures';

const api = createAnalysisSession();

const built = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../src/core/reach/network-engine', async (importOriginal) => {
  const m = await importOriginal<typeof import('../../src/core/reach/network-engine')>();
  return {
    ...m,
    createNetworkEngine: (...args: Parameters<typeof m.createNetworkEngine>) => {
      built.count++;
      return m.createNetworkEngine(...args);
    },
  };
});

describe('edits and the street network', () => {
  it('moving and adding facilities re-analyses on the same road graph', () => {
    const loaded = api.load(readFileSync('data/demo/project.json', 'utf8'), 'demo');
    if (!loaded.ok) throw new Error('demo did not load');
    const layers = { ...loaded.project, roads: [] };
    const req = { profile: 'combined', params: { reach: 'network' as const } };
    expect(api.analyse(req).reach).toBe('network');
    expect(built.count).toBe(1);

    const move = moveFacility(layers, { id: 'CC9001', to: [108.942, 34.1605] });
    const add = addFacility(layers, { facility: newFacility('childcare_centre', '新托育', [108.942, 34.16], { places: 100 }, 'NEW1') });
    if (!move.ok || !add.ok) throw new Error('edits not built');
    const before = api.analyse(req).evaluation.results.find((r) => r.rule === 'ak.new.places' && r.unit.id === '610116001006' && r.view === 'onsite');
    api.setEdits([move.edit]);
    api.analyse(req);
    api.setEdits([move.edit, add.edit]);
    const after = api.analyse(req).evaluation.results.find((r) => r.rule === 'ak.new.places' && r.unit.id === '610116001006' && r.view === 'onsite');
    api.walkAreas(req);
    expect(built.count).toBe(1); // still the first graph
    // and the edits did reach the analysis: 41 → 141 places for 13 685 residents
    expect(before?.value).toBeCloseTo((41 / 13685) * 1000, 2);
    expect(after?.value).toBeCloseTo((141 / 13685) * 1000, 2);
    // a different snap distance is a different graph: the cache is keyed on it, so a rebuild
    api.analyse({ profile: 'combined', params: { reach: 'network', snapDistance: 120 } });
    expect(built.count).toBe(2);
  });

  // the site check, the suggestion and compare ask the session's reach: the first of them to walk
  // packs the roads and builds the graph, and the analysis after it walks that graph (each once
  // built its own on the unpacked roads, and the next analysis built the network again)
  const network = { reach: 'network' as const };
  const first: [string, (s: ReturnType<typeof createAnalysisSession>) => Promise<unknown>][] = [
    [
      'a site check',
      async (s) => s.checkSite({ input: { name: '新地块', geometry: square(108.94, 34.16, 0.002), figures: { households: 1000 } }, profiles: ['combined'], params: network }),
    ],
    ['a comparison', async (s) => s.compare({ profile: 'combined', params: network, a: null, b: null })],
    [
      'a suggestion',
      async (s) => s.suggest({ kind: 'childcare_centre', goal: 'coverage', cohort: 'all', sites: 1, capacity: 50, candidates: { communities: true }, params: network }),
    ],
  ];
  it.each(first)('%s before the first analysis builds the one graph both walk', async (_, ask) => {
    const s = createAnalysisSession();
    if (!s.load(readFileSync('data/demo/project.json', 'utf8'), 'demo').ok) throw new Error('demo did not load');
    const before = built.count;
    await ask(s);
    expect(built.count).toBe(before + 1);
    expect(s.analyse({ profile: 'combined', params: network }).reach).toBe('network');
    await ask(s);
    expect(built.count).toBe(before + 1);
  });
});
