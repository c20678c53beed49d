// The import dialogue as the worker runs it: the file is read once and kept in the worker; the
// page sees only summaries, reports and, when the user accepts, the good records. Every method
// takes and returns plain data, so the worker can expose a session with Comlink as it is:
//
//   const session = createImportSession();                       // in the worker's api
//   const s = session.read(name, buffer, opts, onProgress);       // summaries for the mapping step
//   const report = session.check(0, 'facilities', mapping, { area: areaBox(layers) });
//   const items = session.accept();                               // or session.cancel()
import type { Msg } from '../core/model';
import type { BytesLike } from './bytes';
import { importLayer, type ImportOptions } from './import-layer';
import { readFile, type Sidecars } from './read';
import { layerSummary, type LayerSummary } from './summary';
import type { ImportOutcome, LayerKind, Mapping, ReadOptions, SourceLayer, ValidationReport } from './types';

export type SessionRead = { ok: true; layers: LayerSummary[] } | { ok: false; error: Msg };

export interface ImportSession {
  /** reads the file; `kind` picks the mapping the summaries guess */
  read(name: string, bytes: BytesLike, opts: ReadOptions & { kind: LayerKind }, onProgress?: (fraction: number) => void, sidecars?: Sidecars): SessionRead;
  /** checks layer `index` with the user's mapping; can be called again with a corrected mapping */
  check(index: number, kind: LayerKind, mapping: Mapping, opts?: Omit<ImportOptions, 'kind' | 'file' | 'mapping' | 'exactMapping'>): ValidationReport;
  /** the good records of the last check, then forgets the file */
  accept(): ImportOutcome | undefined;
  /** forgets the file; nothing was applied */
  cancel(): void;
}

export function createImportSession(): ImportSession {
  let file = '';
  let layers: SourceLayer[] = [];
  let last: ImportOutcome | undefined;
  const forget = () => {
    layers = [];
    last = undefined;
  };
  return {
    read(name, bytes, opts, onProgress, sidecars) {
      forget();
      const r = readFile(name, bytes, { ...opts, onProgress }, sidecars);
      if (!r.ok) return r;
      file = name;
      layers = r.layers;
      return { ok: true, layers: layers.map((l) => layerSummary(l, opts.kind)) };
    },
    check(index, kind, mapping, opts = {}) {
      const layer = layers[index];
      if (!layer) throw new RangeError(`no layer ${index}: read a file first (it has ${layers.length} layers)`);
      // the user has reviewed the mapping: use it exactly, guess nothing behind their back
      last = importLayer(layer, { ...opts, kind, file, mapping, exactMapping: true });
      return last.report;
    },
    accept() {
      const out = last;
      forget();
      return out;
    },
    cancel: forget,
  };
}
