// One call for callers that do not need the mapping step in between (CLI-like flows, tests):
// read, pick the layer, check. The app calls readFile → guessMapping → importLayer itself so the
// user can fix the mapping between the steps.
import type { Msg } from '../core/model';
import type { BytesLike } from './bytes';
import { importLayer, type ImportFileResult, type ImportOptions } from './import-layer';
import { readFile, type Sidecars } from './read';
import type { LayerKind, ReadOptions } from './types';

export function importFile<K extends LayerKind>(
  name: string,
  bytes: BytesLike,
  opts: ReadOptions & Omit<ImportOptions, 'file'> & { kind: K; layer?: string },
  sidecars: Sidecars = {},
): ImportFileResult<K> {
  const r = readFile(name, bytes, { ...opts, layers: opts.layer ? [opts.layer] : opts.layers }, sidecars);
  if (!r.ok) return r;
  if (r.layers.length > 1) {
    const error: Msg = { key: 'io.cli.multipleLayers', args: { file: name, layers: r.layers.map((l) => l.name).join(', ') } };
    return { ok: false, error };
  }
  const layer = r.layers[0];
  const outcome = importLayer(layer, { ...opts, file: name });
  return { ok: true, layer, outcome, report: outcome.report };
}
