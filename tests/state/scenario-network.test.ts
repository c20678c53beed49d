// Edits keep the street-network engine: the road graph is built once per road set, and an edit
// (which never touches roads) must not rebuild it. Counted by wrapping the engine's constructor.
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { addFacility, moveFacility, newFacility } from '../../src/core/scenario';
import { createAnalysisSession } from '../../src/service/session';

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
});
