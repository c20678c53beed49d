// Change what a facility is: name, kind, ownership, 普惠. Capacities go through setCapacity.
import type { Facility, Layers } from '../../model';
import { newId } from '../ids';
import { fail, type OpResult } from './result';
import { checkFacility } from './validate';

export type FacilityProps = Partial<Pick<Facility, 'name' | 'kind' | 'ownership' | 'inclusive'>>;

export interface UpdateFacilityOp {
  type: 'updateFacility';
  id: string;
  props: FacilityProps;
}

export function updateFacility(layers: Layers, op: { id: string; props: FacilityProps }, editId = newId('edit')): OpResult {
  const f = layers.facilities.find((x) => x.id === op.id);
  if (!f) return fail('scenario.error.missing.facilities', { id: op.id });
  const next: Facility = { ...f, ...op.props };
  const bad = checkFacility(next);
  if (bad) return { ok: false, reason: bad };
  return {
    ok: true,
    edit: {
      id: editId,
      note: { key: 'scenario.edit.updateFacility', args: { name: next.name } },
      put: [{ layer: 'facilities', feature: next }],
      op: { type: 'updateFacility', id: op.id, props: { ...op.props } },
    },
  };
}
