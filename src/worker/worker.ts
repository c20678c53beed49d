// The analysis worker: runs one analysis session (src/service) off the main thread so the map
// never freezes. Only transport lives here: Comlink, and releasing the progress proxy of a suggestion.
import { expose, releaseProxy, transfer } from 'comlink';
import { columnBuffers } from '../core/report/result-columns';
import type { AnalysisRequest, LoadOutcome } from '../service/session';
import { createAnalysisSession } from '../service/session';
import type { SuggestProgress, SuggestRequest } from '../service/suggest';
import type { TileLayer } from '../service/unit-tiles';
import { packLoaded, type PackedLoadOutcome } from './packed-project';

const session = createAnalysisSession();

/** the outlines of a loaded project go to the page packed and moved, not cloned (packed-project.ts) */
const packed = (o: LoadOutcome): PackedLoadOutcome => {
  const [out, buffers] = packLoaded(o);
  return transfer(out, buffers);
};

const api = {
  ...session,
  load: (json: unknown, fileName: string) => packed(session.load(json, fileName)),
  loadUrl: async (url: string, fileName: string) => packed(await session.loadUrl(url, fileName)),
  loadFile: async (file: Blob, fileName: string) => packed(await session.loadFile(file, fileName)),
  // the results' typed arrays are handed over, not copied
  analyseColumns(req: AnalysisRequest) {
    const out = session.analyseColumns(req);
    return transfer(out, columnBuffers(out.columns));
  },
  // a tile's bytes are moved to the page, not copied (an exact-size buffer: pbf's own is larger)
  async unitTile(layer: TileLayer, z: number, x: number, y: number) {
    const bytes = await session.unitTile(layer, z, x, y);
    if (!bytes) return null;
    const own = bytes.slice();
    return transfer(own, [own.buffer]);
  },
  async suggest(req: SuggestRequest, onProgress?: (p: SuggestProgress) => void) {
    try {
      return await session.suggest(req, onProgress);
    } finally {
      // a Comlink proxy holds a MessagePort until released
      const release = (onProgress as unknown as Record<symbol, unknown> | undefined)?.[releaseProxy];
      if (typeof release === 'function') (release as () => void).call(onProgress);
    }
  },
} satisfies Omit<typeof session, 'load' | 'loadUrl' | 'loadFile'> & Record<'load' | 'loadUrl' | 'loadFile', unknown>;

/** what the page's client talks to */
export type WorkerApi = typeof api;

expose(api);
