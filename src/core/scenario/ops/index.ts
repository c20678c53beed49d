// The edit operations, one per file, and the dispatcher replay uses to rebuild an edit from
// its recorded intent on whatever layers it meets.
import type { Layers } from '../../model';
import { addFacilities, type AddFacilitiesOp } from './add-facilities';
import { addFacility, type AddFacilityOp } from './add-facility';
import { deleteCommunity, type DeleteCommunityOp } from './delete-community';
import { deleteFacility, type DeleteFacilityOp } from './delete-facility';
import { moveFacility, type MoveFacilityOp } from './move-facility';
import { putCommunity, type PutCommunityOp } from './put-community';
import type { OpResult } from './result';
import { setCapacity, type SetCapacityOp } from './set-capacity';
import { setCommunity, type SetCommunityOp } from './set-community';
import { updateFacility, type UpdateFacilityOp } from './update-facility';

export type EditOp = AddFacilityOp | AddFacilitiesOp | MoveFacilityOp | DeleteFacilityOp | SetCapacityOp | UpdateFacilityOp | PutCommunityOp | SetCommunityOp | DeleteCommunityOp;

export const OP_TYPES = [
  'addFacility',
  'addFacilities',
  'moveFacility',
  'deleteFacility',
  'setCapacity',
  'updateFacility',
  'putCommunity',
  'setCommunity',
  'deleteCommunity',
] as const satisfies readonly EditOp['type'][];

export function buildEdit(layers: Layers, op: EditOp, editId: string): OpResult {
  switch (op.type) {
    case 'addFacility':
      return addFacility(layers, op, editId);
    case 'addFacilities':
      return addFacilities(layers, op, editId);
    case 'moveFacility':
      return moveFacility(layers, op, editId);
    case 'deleteFacility':
      return deleteFacility(layers, op, editId);
    case 'setCapacity':
      return setCapacity(layers, op, editId);
    case 'updateFacility':
      return updateFacility(layers, op, editId);
    case 'putCommunity':
      return putCommunity(layers, op, editId);
    case 'setCommunity':
      return setCommunity(layers, op, editId);
    case 'deleteCommunity':
      return deleteCommunity(layers, op, editId);
  }
}

export { addFacilities, addFacility, deleteCommunity, deleteFacility, moveFacility, putCommunity, setCapacity, setCommunity, updateFacility };
export type { OpResult } from './result';
export type { CapacityChange } from './set-capacity';
export type { CommunityFields } from './set-community';
export type { FacilityProps } from './update-facility';
export { CAPACITY_FIELDS, type CapacityField } from './validate';
