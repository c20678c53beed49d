import type { Msg } from '../../model';
import type { Edit } from '../edit';

/** An edit operation either builds an Edit or says why it cannot (e.g. the facility is gone). */
export type OpResult = { ok: true; edit: Edit } | { ok: false; reason: Msg };

export function fail(key: string, args?: Msg['args']): OpResult {
  return { ok: false, reason: args ? { key, args } : { key } };
}
