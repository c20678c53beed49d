// "One click to turn the selection into a scenario": the suggested sites as one undoable Edit
// (the scenario core's addFacilities: all or nothing, one undo takes them all back).
import type { Layers } from '../model';
import { addFacilities } from '../scenario/ops';
import type { OpResult } from '../scenario/ops';
import { toFacilities } from './suggest';
import type { SuggestResult } from './types';

export function suggestionEdit(layers: Layers, result: SuggestResult, editId?: string): OpResult {
  // ids must not clash with facilities already there: suggested-1, … or suggested-2-1, … if taken
  const taken = new Set(layers.facilities.map((f) => f.id));
  let prefix = 'suggested';
  for (let n = 2; result.sites.some((s) => taken.has(`${prefix}-${s.rank}`)); n++) prefix = `suggested-${n}`;
  return addFacilities(layers, { facilities: toFacilities(result, prefix) }, editId);
}
