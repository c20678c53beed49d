// Scenarios and views travel inside the real project file (src/schemas/project.ts keeps keys it
// does not know in `other`); this checks the whole path through parseProject/projectToJson.
import { describe, expect, it } from 'vitest';
import type { Project } from '../../../src/core/model';
import { writeScenarioPart, type ScenarioPart } from '../../../src/core/scenario/project-part';
import { readScenarioPart } from '../../../src/schemas/scenario';
import { parseProject, projectToJson } from '../../../src/schemas/project';
import { baseLayers } from './fixtures';

const part: ScenarioPart = {
  scenarios: [
    {
      id: 'sc1',
      name: '方案一',
      edits: [
        {
          id: 'e1',
          note: { key: 'scenario.edit.deleteFacility', args: { name: '设施f3' } },
          delete: [{ layer: 'facilities', id: 'f3' }],
          op: { type: 'deleteFacility', id: 'f3' },
        },
      ],
    },
  ],
  views: [{ id: 'v1', name: '韦曲全貌', scenarioId: 'sc1', extent: [108.9, 34.1, 109.0, 34.2], layers: ['communities', 'facilities'] }],
  activeScenario: 'sc1',
};

describe('scenarios in the project file', () => {
  it('round-trip through projectToJson and parseProject', () => {
    const project: Project = { ...baseLayers(), area: { name: '长安区' }, profile: 'ca', params: {} };
    const text = JSON.stringify(projectToJson(project, writeScenarioPart(part)));
    const loaded = parseProject(text, 'project.json');
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
    const r = readScenarioPart(loaded.other);
    expect(r).toEqual({ ok: true, part, notes: [] });
  });

  it('a project without scenarios has none and shows the baseline', () => {
    expect(readScenarioPart({})).toEqual({ ok: true, part: { scenarios: [], views: [], activeScenario: 'baseline' }, notes: [] });
  });

  it('a view of a deleted scenario falls back to the baseline and says so', () => {
    const r = readScenarioPart({ ...writeScenarioPart(part), scenarios: [], activeScenario: 'sc1' });
    expect(r.ok && r.part.views[0].scenarioId).toBe('baseline');
    expect(r.ok && r.part.activeScenario).toBe('baseline');
    expect(r.ok && r.notes).toEqual([
      { key: 'scenario.project.viewFallback', args: { name: '韦曲全貌', id: 'sc1' } },
      { key: 'scenario.project.activeFallback', args: { id: 'sc1' } },
    ]);
  });

  it('explains a broken part by path, and duplicate ids', () => {
    const bad = readScenarioPart({ views: [{ ...part.views[0], extent: [109, 34.1, 108.9, 34.2] }] });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems[0]).toMatchObject({ key: 'scenario.project.invalid', args: { path: 'views[0].extent' } });
    const dup = readScenarioPart({ scenarios: [part.scenarios[0], part.scenarios[0]] });
    expect(dup).toEqual({ ok: false, problems: [{ key: 'scenario.project.duplicateId', args: { id: 'sc1' } }] });
  });
});
