// The page's side of the suggestion calls, spread into the analysis client (client.ts). Kept apart
// from suggest.ts so the page bundle takes only types from it, not the solver or the file readers.
import { proxy, transfer, type Remote } from 'comlink';
import type { createSuggestApi, ParcelsOutcome, SuggestOutcome, SuggestProgress, SuggestRequest } from '../service/suggest';

/** The page's side of the suggestion calls (client.ts spreads these into the analysis client). */
export interface SuggestClient {
  /** progress arrives through a Comlink proxy while the worker computes */
  suggest(req: SuggestRequest, onProgress?: (p: SuggestProgress) => void): Promise<SuggestOutcome>;
  cancelSuggest(): Promise<void>;
  /** bytes are transferred, not copied */
  readParcels(name: string, bytes: ArrayBuffer): Promise<ParcelsOutcome>;
}

export function suggestClient(remote: Remote<ReturnType<typeof createSuggestApi>>): SuggestClient {
  return {
    suggest: (req, onProgress) => remote.suggest(req, onProgress ? proxy(onProgress) : undefined),
    cancelSuggest: () => remote.cancelSuggest(),
    readParcels: (name, bytes) => remote.readParcels(name, transfer(bytes, [bytes])),
  };
}
