// Draw a new residential area or replace an existing one's outline and figures as a whole
// (the drawing tool hands over the finished feature). `replaces` records which of the two it
// was, so replay can tell "the area I redrew is gone from the new baseline" from "my new id is
// now taken".
import type { Community, Layers } from '../../model';
import { newId } from '../ids';
import { fail, type OpResult } from './result';
import { checkCommunity } from './validate';

export interface PutCommunityOp {
  type: 'putCommunity';
  community: Community;
  replaces: boolean;
}

export function putCommunity(layers: Layers, op: { community: Community; replaces?: boolean }, editId = newId('edit')): OpResult {
  const c = op.community;
  const bad = checkCommunity(c);
  if (bad) return { ok: false, reason: bad };
  const exists = layers.communities.some((x) => x.id === c.id);
  const replaces = op.replaces ?? exists;
  if (replaces && !exists) return fail('scenario.error.missing.communities', { id: c.id });
  if (!replaces && exists) return fail('scenario.error.exists.communities', { id: c.id });
  return {
    ok: true,
    edit: {
      id: editId,
      note: { key: replaces ? 'scenario.edit.replaceCommunity' : 'scenario.edit.addCommunity', args: { name: c.name } },
      put: [{ layer: 'communities', feature: c }],
      op: { type: 'putCommunity', community: c, replaces },
    },
  };
}
