// What the analysis worker exposes: its session, with the answers that carry big buffers handed
// over instead of copied, and every progress callback released when its call ends. Apart from
// worker.ts so it can be exposed over any port (tests/worker/progress-release.test.ts).
import { releaseProxy, transfer } from 'comlink';
import { columnBuffers } from '../core/report/result-columns';
import type { AnalysisRequest, AnalysisSession, LoadOutcome } from '../service/session';
import type { ImportReadRequest } from '../service/import-export';
import type { SuggestProgress, SuggestRequest } from '../service/suggest';
import type { TileLayer } from '../service/unit-tiles';
import { shownAreas } from '../service/service-areas';
import { packLoaded, showColumnsAreas, type PackedLoadOutcome } from './packed-project';

/** the outlines of a loaded project go to the page packed and moved, not cloned (packed-project.ts) */
const packed = (o: LoadOutcome): PackedLoadOutcome => {
  const [out, buffers] = packLoaded(o);
  return transfer(out, buffers);
};

/** A Comlink proxy holds a MessagePort (and the page's callback) until released: release it once
 *  the call it came with has ended, whatever the outcome. */
async function releasing<T>(onProgress: unknown, run: () => T | Promise<T>): Promise<T> {
  try {
    return await run();
  } finally {
    const release = (onProgress as Record<symbol, unknown> | undefined)?.[releaseProxy];
    if (typeof release === 'function') (release as () => void).call(onProgress);
  }
}

/** the calls whose answers cross packed (packed-project.ts) */
type Packed = 'load' | 'loadUrl' | 'loadFile' | 'analyseColumns' | 'walkAreas';

export function workerApi(session: AnalysisSession) {
  /** an opened project's tiles are prepared once its answer is sent, while the page takes it in */
  const opened = (o: LoadOutcome): PackedLoadOutcome => {
    if (o.ok) setTimeout(() => void session.prepareTiles(), 0);
    return packed(o);
  };
  return {
    ...session,
    load: (json: unknown, fileName: string) => opened(session.load(json, fileName)),
    loadUrl: async (url: string, fileName: string) => opened(await session.loadUrl(url, fileName)),
    loadFile: async (file: Blob, fileName: string) => opened(await session.loadFile(file, fileName)),
    // the results' typed arrays are handed over, not copied; circles and walk areas go without
    // their outlines (the map draws them from unitTile, the gaps export takes them here)
    analyseColumns(req: AnalysisRequest) {
      const out = session.analyseColumns(req);
      return transfer(showColumnsAreas(out), columnBuffers(out.columns));
    },
    walkAreas: (req: AnalysisRequest) => shownAreas(session.walkAreas(req)),
    // a tile's bytes are moved to the page, not copied (an exact-size buffer: pbf's own is larger)
    async unitTile(layer: TileLayer, z: number, x: number, y: number, version?: number) {
      const bytes = await session.unitTile(layer, z, x, y, version);
      if (!bytes) return null;
      const own = bytes.slice();
      return transfer(own, [own.buffer]);
    },
    importRead: (req: ImportReadRequest, onProgress?: (fraction: number) => void) => releasing(onProgress, () => session.importRead(req, onProgress)),
    suggest: (req: SuggestRequest, onProgress?: (p: SuggestProgress) => void) => releasing(onProgress, () => session.suggest(req, onProgress)),
  } satisfies Omit<AnalysisSession, Packed> & Record<Packed, unknown>;
}

/** what the page's client talks to */
export type WorkerApi = ReturnType<typeof workerApi>;
