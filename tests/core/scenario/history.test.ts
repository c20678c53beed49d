import { describe, expect, it } from 'vitest';
import type { Edit } from '../../../src/core/scenario/edit';
import { EditError } from '../../../src/core/scenario/edit';
import { canRedo, canUndo, commit, EMPTY_HISTORY, historyList, redo, undo, type Editing } from '../../../src/core/scenario/history';
import { addFacility, deleteFacility, setCapacity, type OpResult } from '../../../src/core/scenario/ops';
import type { Layers } from '../../../src/core/model';
import { baseLayers, facility } from './fixtures';

function ok(r: OpResult): Edit {
  if (!r.ok) throw new Error(r.reason.key);
  return r.edit;
}

function start(): Editing<Layers> {
  return { layers: baseLayers(), history: EMPTY_HISTORY };
}

describe('history', () => {
  it('commit, undo, undo, redo, redo walks the same states', () => {
    const s0 = start();
    const s1 = commit(s0, ok(addFacility(s0.layers, { facility: facility('n1') }, 'e1')));
    const s2 = commit(s1, ok(setCapacity(s1.layers, { id: 'n1', capacity: { places: 80 } }, 'e2')));
    expect(s2.layers.facilities.find((f) => f.id === 'n1')?.places).toBe(80);

    const u1 = undo(s2);
    expect(u1.layers).toStrictEqual(s1.layers);
    const u2 = undo(u1);
    expect(u2.layers).toStrictEqual(s0.layers);
    expect(canUndo(u2.history)).toBe(false);
    expect(canRedo(u2.history)).toBe(true);

    const r1 = redo(u2);
    expect(r1.layers).toStrictEqual(s1.layers);
    const r2 = redo(r1);
    expect(r2.layers).toStrictEqual(s2.layers);
    expect(canRedo(r2.history)).toBe(false);
  });

  it('a new commit clears the redo stack', () => {
    const s0 = start();
    const s1 = commit(s0, ok(deleteFacility(s0.layers, { id: 'f3' }, 'e1')));
    const u = undo(s1);
    expect(u.history.future.map((e) => e.id)).toEqual(['e1']);
    const s2 = commit(u, ok(deleteFacility(u.layers, { id: 'f1' }, 'e2')));
    expect(s2.history.future).toEqual([]);
    expect(s2.history.past.map((e) => e.edit.id)).toEqual(['e2']);
  });

  it('undo and redo with nothing to do return the same state', () => {
    const s0 = start();
    expect(undo(s0)).toBe(s0);
    expect(redo(s0)).toBe(s0);
  });

  it('an empty edit leaves no history entry', () => {
    const s0 = start();
    expect(commit(s0, { id: 'x', note: { key: 'k' } })).toBe(s0);
  });

  it('a misfit edit throws EditError and leaves the state alone', () => {
    const s0 = start();
    expect(() => commit(s0, { id: 'x', note: { key: 'k' }, delete: [{ layer: 'facilities', id: 'nope' }] })).toThrow(EditError);
    expect(s0.history.past).toEqual([]);
  });

  it('historyList shows done and undone edits in order with the current one marked', () => {
    const s0 = start();
    const s1 = commit(s0, ok(addFacility(s0.layers, { facility: facility('n1', { name: '甲' }) }, 'e1')));
    const s2 = commit(s1, ok(deleteFacility(s1.layers, { id: 'f3' }, 'e2')));
    const rows = historyList(undo(s2).history);
    expect(rows).toEqual([
      { editId: 'e1', note: { key: 'scenario.edit.addFacility', args: { name: '甲' } }, state: 'done', current: true },
      { editId: 'e2', note: { key: 'scenario.edit.deleteFacility', args: { name: '设施f3' } }, state: 'undone', current: false },
    ]);
  });
});
