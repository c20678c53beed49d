// Change a residential area's figures (type, households, population …) without touching its outline.
// null clears a value (back to "unknown"); a missing key leaves it.
import type { Community, CommunityType, Layers } from '../../model';
import { newId } from '../ids';
import { fail, type OpResult } from './result';
import { checkCommunity } from './validate';

const COUNT_FIELDS = ['population', 'households', 'elderly', 'infants', 'builtYear'] as const;
type CountField = (typeof COUNT_FIELDS)[number];

export type CommunityFields = { name?: string; type?: CommunityType } & Partial<Record<CountField, number | null>>;

export interface SetCommunityOp {
  type: 'setCommunity';
  id: string;
  fields: CommunityFields;
}

export function setCommunity(layers: Layers, op: { id: string; fields: CommunityFields }, editId = newId('edit')): OpResult {
  const c = layers.communities.find((x) => x.id === op.id);
  if (!c) return fail('scenario.error.missing.communities', { id: op.id });
  const next: Community = { ...c };
  if (op.fields.name !== undefined) next.name = op.fields.name;
  if (op.fields.type !== undefined) next.type = op.fields.type;
  for (const k of COUNT_FIELDS) {
    if (!(k in op.fields)) continue;
    const v = op.fields[k];
    if (v === null || v === undefined) delete next[k];
    else next[k] = v;
  }
  const bad = checkCommunity(next);
  if (bad) return { ok: false, reason: bad };
  return {
    ok: true,
    edit: {
      id: editId,
      note: { key: 'scenario.edit.setCommunity', args: { name: next.name } },
      put: [{ layer: 'communities', feature: next }],
      op: { type: 'setCommunity', id: op.id, fields: { ...op.fields } },
    },
  };
}
