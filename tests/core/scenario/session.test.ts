import { describe, expect, it } from 'vitest';
import type { Layers } from '../../../src/core/model';
import type { Edit } from '../../../src/core/scenario/edit';
import { addFacility, deleteFacility, setCapacity, type OpResult } from '../../../src/core/scenario/ops';
import { createScenario, deleteScenario, type Scenario } from '../../../src/core/scenario/scenarios';
import { edit, openSession, redoEdit, replaceBaseline, savedScenarios, setScenarios, switchTo, undoEdit, type Session } from '../../../src/core/scenario/session';
import { baseLayers, deepFreeze, facility } from './fixtures';

function ok(r: OpResult): Edit {
  if (!r.ok) throw new Error(r.reason.key);
  return r.edit;
}

function must<T extends Layers>(r: { ok: true; session: Session<T> } | { ok: false; reason: { key: string } }): Session<T> {
  if (!r.ok) throw new Error(r.reason.key);
  return r.session;
}

const two: Scenario[] = [
  { id: 'A', name: '方案A', edits: [] },
  { id: 'B', name: '方案B', edits: [] },
];

describe('editing session', () => {
  it('the baseline is read-only: edits need an open scenario', () => {
    const s = openSession(baseLayers(), two);
    expect(s.active).toBe('baseline');
    const r = edit(s, ok(deleteFacility(s.editing.layers, { id: 'f3' }, 'e')));
    expect(r).toEqual({ ok: false, reason: { key: 'scenario.error.baselineReadOnly' } });
  });

  it('switching scenarios keeps each one’s edits and comes back to them', () => {
    let s = must(switchTo(openSession(baseLayers(), two), 'A'));
    s = must(edit(s, ok(addFacility(s.editing.layers, { facility: facility('n1') }, 'a1'))));
    s = must(switchTo(s, 'B'));
    expect(s.editing.layers.facilities.map((f) => f.id)).toEqual(['f1', 'f2', 'f3']);
    s = must(edit(s, ok(deleteFacility(s.editing.layers, { id: 'f3' }, 'b1'))));
    s = must(switchTo(s, 'A'));
    expect(s.editing.layers.facilities.map((f) => f.id)).toEqual(['f1', 'f2', 'f3', 'n1']);
    expect(savedScenarios(s).map((x) => [x.id, x.edits.map((e) => e.id)])).toEqual([
      ['A', ['a1']],
      ['B', ['b1']],
    ]);
    // and undo still works after coming back (history rebuilt by replay)
    s = undoEdit(s);
    expect(s.editing.layers).toStrictEqual(baseLayers());
    s = must(redoEdit(s));
    expect(s.editing.layers.facilities.map((f) => f.id)).toEqual(['f1', 'f2', 'f3', 'n1']);
  });

  it('a reload (open from saved scenarios) comes back exactly where it was, redo stack included', () => {
    let s = must(switchTo(openSession(baseLayers(), two), 'A'));
    s = must(edit(s, ok(setCapacity(s.editing.layers, { id: 'f1', capacity: { places: 60 } }, 'a1'))));
    s = must(edit(s, ok(deleteFacility(s.editing.layers, { id: 'f3' }, 'a2'))));
    s = undoEdit(s);
    const saved = JSON.parse(JSON.stringify(savedScenarios(s))) as Scenario[];
    const back = openSession(baseLayers(), saved, 'A');
    expect(back.editing.layers).toEqual(s.editing.layers);
    expect(back.editing.history.future.map((e) => e.id)).toEqual(['a2']);
    const redone = must(redoEdit(back));
    expect(redone.editing.layers.facilities.map((f) => f.id)).toEqual(['f1', 'f2']);
  });

  it('a re-imported baseline replays the open scenario and lists what no longer fits', () => {
    let s = must(switchTo(openSession(baseLayers(), two), 'A'));
    s = must(edit(s, ok(setCapacity(s.editing.layers, { id: 'f2', capacity: { beds: 30 } }, 'a1'))));
    s = must(edit(s, ok(setCapacity(s.editing.layers, { id: 'f1', capacity: { places: 60 } }, 'a2'))));
    const b = baseLayers();
    const s2 = replaceBaseline(s, deepFreeze({ ...b, facilities: [b.facilities[0], b.facilities[2]] }));
    expect(s2.active).toBe('A');
    expect(s2.skipped.map((x) => [x.edit.id, x.reason.key])).toEqual([['a1', 'scenario.error.missing.facilities']]);
    expect(s2.editing.layers.facilities[0].places).toBe(60);
    const a = savedScenarios(s2).find((x) => x.id === 'A');
    expect([a?.edits.map((e) => e.id), a?.parked?.map((e) => e.id)]).toEqual([['a2'], ['a1']]);
  });

  it('a misfit edit is refused with its message and changes nothing', () => {
    const s = must(switchTo(openSession(baseLayers(), two), 'A'));
    const r = edit(s, { id: 'x', note: { key: 'k' }, delete: [{ layer: 'facilities', id: 'nope' }] });
    expect(r).toEqual({ ok: false, reason: { key: 'scenario.error.missing.facilities', args: { id: 'nope' } } });
  });

  it('creating a scenario keeps the open one’s edits; deleting the open one opens the baseline', () => {
    let s = must(switchTo(openSession(baseLayers(), two), 'A'));
    s = must(edit(s, ok(deleteFacility(s.editing.layers, { id: 'f3' }, 'a1'))));
    const c = createScenario(savedScenarios(s), '方案C', 'C');
    if (!c.ok) throw new Error();
    s = setScenarios(s, c.scenarios);
    expect(
      savedScenarios(s)
        .find((x) => x.id === 'A')
        ?.edits.map((e) => e.id),
    ).toEqual(['a1']);
    const d = deleteScenario(savedScenarios(s), 'A');
    if (!d.ok) throw new Error();
    s = setScenarios(s, d.scenarios);
    expect(s.active).toBe('baseline');
    expect(s.editing.layers).toBe(s.baseline);
  });

  it('opening with an unknown scenario id shows the baseline', () => {
    expect(openSession(baseLayers(), two, 'gone').active).toBe('baseline');
  });
});
