// Add several facilities as one step (e.g. the suggested sites turned into a scenario): one undo
// takes them all back. All or nothing: if one cannot be added, none is, and the reason names it.
import type { Facility, Layers } from '../../model';
import { newId } from '../ids';
import { fail, type OpResult } from './result';
import { checkFacility } from './validate';

export interface AddFacilitiesOp {
  type: 'addFacilities';
  facilities: Facility[];
}

export function addFacilities(layers: Layers, op: { facilities: Facility[] }, editId = newId('edit')): OpResult {
  if (op.facilities.length === 0) return fail('scenario.error.nothingToAdd');
  const taken = new Set(layers.facilities.map((f) => f.id));
  for (const f of op.facilities) {
    const bad = checkFacility(f);
    if (bad) return { ok: false, reason: bad };
    if (taken.has(f.id)) return fail('scenario.error.exists.facilities', { id: f.id });
    taken.add(f.id);
  }
  return {
    ok: true,
    edit: {
      id: editId,
      note: { key: 'scenario.edit.addFacilities', args: { count: op.facilities.length, name: op.facilities[0].name } },
      put: op.facilities.map((feature) => ({ layer: 'facilities' as const, feature })),
      op: { type: 'addFacilities', facilities: [...op.facilities] },
    },
  };
}
