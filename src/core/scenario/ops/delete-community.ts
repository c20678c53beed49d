// Delete a residential area.
import type { Layers } from '../../model';
import { newId } from '../ids';
import { fail, type OpResult } from './result';

export interface DeleteCommunityOp {
  type: 'deleteCommunity';
  id: string;
}

export function deleteCommunity(layers: Layers, op: { id: string }, editId = newId('edit')): OpResult {
  const c = layers.communities.find((x) => x.id === op.id);
  if (!c) return fail('scenario.error.missing.communities', { id: op.id });
  return {
    ok: true,
    edit: {
      id: editId,
      note: { key: 'scenario.edit.deleteCommunity', args: { name: c.name } },
      delete: [{ layer: 'communities', id: op.id }],
      op: { type: 'deleteCommunity', id: op.id },
    },
  };
}
