// The page's handle on the import and export half of the analysis worker (src/service/import-export.ts).
// In the browser the calls go through Comlink: the file's ArrayBuffer is transferred, not copied,
// and progress comes back through a proxied callback. Tests use localImporter on the same api
// in-process.
import { proxy, transfer, type Remote } from 'comlink';
import type { LazyPart } from '../service/lazy-part';
import type {
  ExportFormat,
  ExportRequest,
  ImportApi,
  ImportApplied,
  ImportCheckAnswer,
  ImportCheckRequest,
  ImportReadAnswer,
  ImportReadRequest,
  ImportRestored,
  ProjectTextRequest,
} from '../service/import-export';

export interface Importer {
  read(req: ImportReadRequest, onProgress: (fraction: number) => void): Promise<ImportReadAnswer>;
  check(req: ImportCheckRequest): Promise<ImportCheckAnswer>;
  accept(): Promise<ImportApplied | undefined>;
  /** back to the layers before the newest import (undefined: nothing to restore) */
  restore(): Promise<ImportRestored | undefined>;
  /** the data before the newest import as a project file (to keep across a reload) */
  beforeText(p: ProjectTextRequest): Promise<string | undefined>;
  cancel(): Promise<void>;
  exportResults(format: ExportFormat, req: ExportRequest): Promise<{ name: string; bytes: Uint8Array }[]>;
  /** `areasId`: the id of the circles or walk areas shown (null: none) */
  exportGaps(req: ExportRequest, areasId: number | null): Promise<string>;
}

export function remoteImporter(remote: Remote<ImportApi>): Importer {
  return {
    read: (req, onProgress) => remote.importRead(transfer(req, [req.buffer]), proxy(onProgress)),
    check: (req) => remote.importCheck(req),
    accept: () => remote.importAccept(),
    restore: () => remote.importRestore(),
    beforeText: (p) => remote.importBeforeText(p),
    cancel: () => remote.importCancel(),
    exportResults: (format, req) => remote.exportResults(format, req),
    exportGaps: (req, areasId) => remote.exportGaps(req, areasId),
  };
}

/** The same api called in-process (Node tests, or a page without workers): the part itself or
 *  as the analysis session exposes it (loaded on first call). */
export function localImporter(api: ImportApi | LazyPart<ImportApi>): Importer {
  return {
    read: async (req, onProgress) => api.importRead(req, onProgress),
    check: async (req) => api.importCheck(req),
    accept: async () => api.importAccept(),
    restore: async () => api.importRestore(),
    beforeText: async (p) => api.importBeforeText(p),
    cancel: async () => api.importCancel(),
    exportResults: async (format, req) => api.exportResults(format, req),
    exportGaps: async (req, areasId) => api.exportGaps(req, areasId),
  };
}
