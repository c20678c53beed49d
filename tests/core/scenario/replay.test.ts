import { describe, expect, it } from 'vitest';
import type { Edit } from '../../../src/core/scenario/edit';
import { commit, EMPTY_HISTORY, undo } from '../../../src/core/scenario/history';
import { addFacility, deleteFacility, moveFacility, setCapacity, type OpResult } from '../../../src/core/scenario/ops';
import { replay } from '../../../src/core/scenario/replay';
import { withHistory, type Scenario } from '../../../src/core/scenario/scenarios';
import type { Layers } from '../../../src/core/model';
import { baseLayers, deepFreeze, facility } from './fixtures';

function ok(r: OpResult): Edit {
  if (!r.ok) throw new Error(r.reason.key);
  return r.edit;
}

/** Four edits made on baseLayers(): add n1, enlarge f1 to 60 places, move f2, delete f3. */
function session() {
  let s = { layers: baseLayers() as Layers, history: EMPTY_HISTORY };
  s = commit(s, ok(addFacility(s.layers, { facility: facility('n1', { places: 40 }) }, 'e1')));
  s = commit(s, ok(setCapacity(s.layers, { id: 'f1', capacity: { places: 60 } }, 'e2')));
  s = commit(s, ok(moveFacility(s.layers, { id: 'f2', to: [108.93, 34.105] }, 'e3')));
  s = commit(s, ok(deleteFacility(s.layers, { id: 'f3' }, 'e4')));
  return s;
}

describe('replay', () => {
  it('onto the same baseline gives the same layers as the editing session', () => {
    const s = session();
    const scenario: Scenario = withHistory({ id: 'sc', name: '方案一', edits: [] }, s.history);
    const r = replay(baseLayers(), scenario);
    expect(r.skipped).toEqual([]);
    expect(r.applied.map((e) => e.id)).toEqual(['e1', 'e2', 'e3', 'e4']);
    expect(r.layers).toStrictEqual(s.layers);
    // and the replayed history can be undone back to the baseline
    let u = { layers: r.layers, history: r.history };
    for (let i = 0; i < 4; i++) u = undo(u);
    expect(u.layers).toStrictEqual(baseLayers());
  });

  it('onto a changed baseline: rebuilds from intent, lists the edits that no longer apply', () => {
    const scenario = withHistory({ id: 'sc', name: '方案一', edits: [] }, session().history);
    // Re-imported baseline: f1 renamed and moved by the surveyors, f2 closed (gone),
    // and someone else's facility now has the id n1.
    const b = baseLayers();
    const changed = deepFreeze({
      ...b,
      facilities: [
        facility('f1', { name: '新测绘名', places: 25, geometry: { type: 'Point', coordinates: [108.906, 34.106] } }),
        b.facilities[2],
        facility('n1', { name: '别人的设施' }),
      ],
    });
    const r = replay(changed, scenario);
    expect(r.skipped.map((s) => [s.edit.id, s.reason])).toEqual([
      ['e1', { key: 'scenario.error.exists.facilities', args: { id: 'n1' } }],
      ['e3', { key: 'scenario.error.missing.facilities', args: { id: 'f2' } }],
    ]);
    expect(r.applied.map((e) => e.id)).toEqual(['e2', 'e4']);
    // e2 changed only the places: the re-imported name and position are kept
    const f1 = r.layers.facilities.find((f) => f.id === 'f1');
    expect(f1).toEqual({ ...changed.facilities[0], places: 60 });
    expect(r.layers.facilities.map((f) => f.id)).toEqual(['f1', 'n1']);
  });

  it('skipped edits are kept as parked and tried again on the next replay', () => {
    const scenario = withHistory({ id: 'sc', name: '方案一', edits: [] }, session().history);
    const b = baseLayers();
    const withoutF2 = deepFreeze({ ...b, facilities: [b.facilities[0], b.facilities[2]] });
    const r1 = replay(withoutF2, scenario);
    expect(r1.skipped.map((s) => s.edit.id)).toEqual(['e3']);
    const kept = withHistory(
      scenario,
      r1.history,
      r1.skipped.map((s) => s.edit),
    );
    expect(kept.edits.map((e) => e.id)).toEqual(['e1', 'e2', 'e4']);
    expect(kept.parked?.map((e) => e.id)).toEqual(['e3']);
    // f2 is back in the next import: the parked move applies again
    const r2 = replay(baseLayers(), kept);
    expect(r2.skipped).toEqual([]);
    expect(r2.layers.facilities.find((f) => f.id === 'f2')?.geometry).toEqual({ type: 'Point', coordinates: [108.93, 34.105] });
  });

  it('an edit that depends on a skipped one is skipped in turn, with its own reason', () => {
    let s = { layers: baseLayers() as Layers, history: EMPTY_HISTORY };
    s = commit(s, ok(moveFacility(s.layers, { id: 'f2', to: [108.93, 34.105] }, 'm')));
    s = commit(s, ok(setCapacity(s.layers, { id: 'f2', capacity: { beds: 20 } }, 'c')));
    const b = baseLayers();
    const r = replay(deepFreeze({ ...b, facilities: [b.facilities[0]] }), { edits: s.history.past.map((e) => e.edit) });
    expect(r.skipped.map((x) => x.edit.id)).toEqual(['m', 'c']);
  });

  it('a raw edit (no intent recorded) is checked as it stands', () => {
    const raw: Edit = { id: 'r', note: { key: 'k' }, delete: [{ layer: 'roads', id: 'r1' }] };
    const b = baseLayers();
    expect(replay(b, { edits: [raw] }).layers.roads).toEqual([]);
    const r = replay(deepFreeze({ ...b, roads: [] }), { edits: [raw] });
    expect(r.skipped).toEqual([{ edit: raw, reason: { key: 'scenario.error.missing.roads', args: { id: 'r1' } } }]);
  });

  it('keeps the redo stack', () => {
    const s = undo(session());
    const scenario = withHistory({ id: 'sc', name: 'x', edits: [] }, s.history);
    expect(scenario.redo?.map((e) => e.id)).toEqual(['e4']);
    expect(replay(baseLayers(), scenario).history.future.map((e) => e.id)).toEqual(['e4']);
  });
});
