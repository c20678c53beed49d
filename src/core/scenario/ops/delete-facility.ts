// Delete a facility.
import type { Layers } from '../../model';
import { newId } from '../ids';
import { fail, type OpResult } from './result';

export interface DeleteFacilityOp {
  type: 'deleteFacility';
  id: string;
}

export function deleteFacility(layers: Layers, op: { id: string }, editId = newId('edit')): OpResult {
  const f = layers.facilities.find((x) => x.id === op.id);
  if (!f) return fail('scenario.error.missing.facilities', { id: op.id });
  return {
    ok: true,
    edit: {
      id: editId,
      note: { key: 'scenario.edit.deleteFacility', args: { name: f.name } },
      delete: [{ layer: 'facilities', id: op.id }],
      op: { type: 'deleteFacility', id: op.id },
    },
  };
}
