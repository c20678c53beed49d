// Add a facility (e.g. clicked on the map and filled in the small form).
import type { Facility, Layers } from '../../model';
import { newId } from '../ids';
import { fail, type OpResult } from './result';
import { checkFacility } from './validate';

export interface AddFacilityOp {
  type: 'addFacility';
  facility: Facility;
}

export function addFacility(layers: Layers, op: { facility: Facility }, editId = newId('edit')): OpResult {
  const f = op.facility;
  const bad = checkFacility(f);
  if (bad) return { ok: false, reason: bad };
  if (layers.facilities.some((x) => x.id === f.id)) return fail('scenario.error.exists.facilities', { id: f.id });
  return {
    ok: true,
    edit: {
      id: editId,
      note: { key: 'scenario.edit.addFacility', args: { name: f.name } },
      put: [{ layer: 'facilities', feature: f }],
      op: { type: 'addFacility', facility: f },
    },
  };
}
