// A read error that carries a message for people (i18n key + arguments). Readers throw it;
// readFile() catches it and returns {ok:false, error}, so callers never see a raw exception.
import type { Msg } from '../core/model';
import { errorMessage } from '../core/errors';

export class IoError extends Error {
  readonly msg: Msg;
  constructor(key: string, args: Record<string, string | number> = {}) {
    super(`${key} ${JSON.stringify(args)}`);
    this.msg = { key, args };
  }
}

export function fail(key: string, args: Record<string, string | number> = {}): never {
  throw new IoError(key, args);
}

/** Any thrown value as a message; library errors keep their own text so nothing is hidden. */
export function toMsg(e: unknown, file: string): Msg {
  if (e instanceof IoError) return e.msg;
  const detail = errorMessage(e);
  return { key: 'io.err.unreadable', args: { file, detail } };
}
