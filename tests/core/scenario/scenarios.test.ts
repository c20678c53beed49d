import { describe, expect, it } from 'vitest';
import { createScenario, deleteScenario, discardParked, duplicateScenario, renameScenario, type Scenario } from '../../../src/core/scenario/scenarios';

const edit = (id: string) => ({ id, note: { key: 'k' } });

describe('scenarios', () => {
  it('create, duplicate, rename, delete', () => {
    const a = createScenario([], ' 方案一 ', 's1');
    if (!a.ok) throw new Error();
    expect(a.scenario).toEqual({ id: 's1', name: '方案一', edits: [] });
    const withEdits: Scenario[] = [{ ...a.scenario, edits: [edit('e1')] }];
    const d = duplicateScenario(withEdits, 's1', '方案二', 's2');
    if (!d.ok) throw new Error();
    expect(d.scenarios.map((s) => [s.id, s.name, s.edits.length])).toEqual([
      ['s1', '方案一', 1],
      ['s2', '方案二', 1],
    ]);
    expect(d.scenario.edits).not.toBe(withEdits[0].edits);
    const r = renameScenario(d.scenarios, 's2', '方案二（加托位）');
    if (!r.ok) throw new Error();
    expect(r.scenarios[1].name).toBe('方案二（加托位）');
    expect(r.scenarios[0]).toBe(d.scenarios[0]);
    const x = deleteScenario(r.scenarios, 's1');
    if (!x.ok) throw new Error();
    expect(x.scenarios.map((s) => s.id)).toEqual(['s2']);
  });

  it('explains bad names and unknown ids', () => {
    const list: Scenario[] = [{ id: 's1', name: '方案一', edits: [] }];
    expect(createScenario(list, '  ')).toEqual({ ok: false, reason: { key: 'scenario.error.emptyName' } });
    expect(createScenario(list, '方案一')).toEqual({ ok: false, reason: { key: 'scenario.error.nameTaken', args: { name: '方案一' } } });
    expect(createScenario(list, 'x'.repeat(61))).toEqual({ ok: false, reason: { key: 'scenario.error.longName', args: { max: 60 } } });
    expect(createScenario(list, '方案二', 'baseline')).toMatchObject({ ok: false, reason: { key: 'scenario.error.idTaken' } });
    expect(renameScenario(list, 'nope', 'y')).toEqual({ ok: false, reason: { key: 'scenario.error.noScenario', args: { id: 'nope' } } });
    // renaming to its own name is fine
    expect(renameScenario(list, 's1', '方案一').ok).toBe(true);
  });

  it('discardParked lets go of parked edits the user looked at', () => {
    const s: Scenario = { id: 's', name: 'n', edits: [], parked: [edit('p1'), edit('p2')] };
    expect(discardParked(s, ['p1']).parked?.map((e) => e.id)).toEqual(['p2']);
    expect('parked' in discardParked(s, ['p1', 'p2'])).toBe(false);
  });
});
