// Change a facility's capacities. null clears a value (back to "unknown"), a missing key leaves it.
// Only the named fields change, so on replay the re-imported name and position are kept.
import type { Facility, Layers, Msg } from '../../model';
import { newId } from '../ids';
import { fail, type OpResult } from './result';
import { CAPACITY_FIELDS, checkFacility, type CapacityField } from './validate';

export type CapacityChange = Partial<Record<CapacityField, number | null>>;

export interface SetCapacityOp {
  type: 'setCapacity';
  id: string;
  capacity: CapacityChange;
}

export function setCapacity(layers: Layers, op: { id: string; capacity: CapacityChange }, editId = newId('edit')): OpResult {
  const f = layers.facilities.find((x) => x.id === op.id);
  if (!f) return fail('scenario.error.missing.facilities', { id: op.id });
  const next: Facility = { ...f };
  const changed: CapacityField[] = [];
  for (const k of CAPACITY_FIELDS) {
    if (!(k in op.capacity)) continue;
    const v = op.capacity[k];
    if (v === null || v === undefined) delete next[k];
    else next[k] = v;
    if (next[k] !== f[k]) changed.push(k);
  }
  const bad = checkFacility(next);
  if (bad) return { ok: false, reason: bad };
  return {
    ok: true,
    edit: {
      id: editId,
      note: noteFor(f, next, changed),
      put: [{ layer: 'facilities', feature: next }],
      op: { type: 'setCapacity', id: op.id, capacity: { ...op.capacity } },
    },
  };
}

function noteFor(before: Facility, after: Facility, changed: CapacityField[]): Msg {
  if (changed.length !== 1) return { key: 'scenario.edit.setCapacity', args: { name: before.name, count: changed.length } };
  const k = changed[0];
  const show = (v: number | undefined): string | number => (v === undefined ? '—' : v);
  return { key: `scenario.edit.setCapacity.${k}`, args: { name: before.name, from: show(before[k]), to: show(after[k]) } };
}
