// The page's handle on the analysis worker: typed by the analysis session it runs
// (src/service/session.ts), with stale analyses dropped (see latest.ts).
import { wrap, type Remote } from 'comlink';
import type { ProfileInfo } from '../core/evaluate';
import type { DataIssue } from '../core/model';
import type { Edit, SkippedEdit } from '../core/scenario';
import type { Params } from '../core/params';
import type { Analysis, AnalysisRequest, EditAnalysis, LoadOutcome } from '../service/session';
import { latestOnly, type Outcome } from './latest';
import { fromColumns } from '../service/analysis-columns';
import type { ServiceAreas, ShownAreas } from '../service/service-areas';
import type { TileLayer } from '../service/unit-tiles';
import { suggestClient, type SuggestClient } from './suggest-client';
import { compareClient, type CompareClient } from './compare-client';
import { siteClient, type SiteClient } from './site-client';
import { remoteImporter, type Importer } from './import-client';
import { unpackLoaded } from './packed-project';
import type { WorkerApi } from './worker';

/** suggest / cancelSuggest / readParcels: see suggest.ts */
export interface AnalysisClient extends SiteClient, SuggestClient, CompareClient {
  listProfiles(): Promise<ProfileInfo[]>;
  load(json: unknown, fileName: string): Promise<LoadOutcome>;
  loadUrl(url: string, fileName: string): Promise<LoadOutcome>;
  /** starts fetching and reading a project file loadUrl() may soon ask for (the page's demo) */
  prefetch?(url: string, fileName: string): void;
  /** a picked file, read in the worker (the page never holds its text) */
  loadFile(file: Blob, fileName: string): Promise<LoadOutcome>;
  /** resolves `{ok:false, superseded:true}` when a newer request overtook this one */
  analyse(req: AnalysisRequest): Promise<Outcome<Analysis<ShownAreas>>>;
  /** network mode's walk areas, superseded the same way (which they are: their outlines stay in
   *  the worker, service-areas.ts ShownAreas) */
  walkAreas(req: AnalysisRequest): Promise<Outcome<ShownAreas>>;
  /** one facility's walk area from where a drag has it now (null in straight mode), superseded the same way */
  walkAreaAt(req: AnalysisRequest & { facility: string; to: [number, number] }): Promise<Outcome<ServiceAreas | null>>;
  /** the open scenario's edits; the next analyse() runs on baseline + these */
  setEdits(edits: Edit[]): Promise<{ skipped: SkippedEdit[] }>;
  /** setEdits + analyse, answered with the units that changed against the analysis `base` the
   *  page holds (never dropped: each answer is the next one's base; the caller queues them) */
  analyseEdits(edits: Edit[], req: AnalysisRequest & { base: number }): Promise<EditAnalysis>;
  /** the opened project's whole issue list once the checks left for after the first analysis have
   *  run (null: the list it came with was whole) */
  checkedIssues(): Promise<DataIssue[] | null>;
  /** the baseline as project-file JSON text with these settings and extra keys */
  projectText(p: { profile: string; params: Partial<Params>; other: Record<string, unknown> }): Promise<string>;
  /** the same as a Blob (autosave stores it without the page reading it) */
  projectData(p: { profile: string; params: Partial<Params>; other: Record<string, unknown> }): Promise<Blob>;
  /** a vector tile of the open scenario's communities or streets, or of the circles or walk areas
   *  the worker handed out as `version` (their id) (MVT bytes; null: nothing there) */
  unitTile(layer: TileLayer, z: number, x: number, y: number, version?: number): Promise<Uint8Array | null>;
  /** the import wizard's and the exports' half of the worker (src/service/import-export.ts) */
  importer: Importer;
  dispose(): void;
}

/** `onCrash` hears of a worker that failed to start (`starting`: it never answered; e.g. its script
 *  blocked) or died (its pending calls never answer); `message` may be empty. */
export function createAnalysisClient(onCrash: (message: string, starting: boolean) => void = () => undefined): AnalysisClient {
  const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'analysis' });
  let answered = false;
  worker.addEventListener('message', () => (answered = true), { once: true });
  worker.addEventListener('error', (e) => onCrash(e.message, !answered));
  const remote: Remote<WorkerApi> = wrap<WorkerApi>(worker);
  return {
    listProfiles: () => remote.listProfiles(),
    // the outlines arrive packed (packed-project.ts); the page's units read them on demand
    load: async (json, fileName) => unpackLoaded(await remote.load(json, fileName)),
    loadUrl: async (url, fileName) => unpackLoaded(await remote.loadUrl(url, fileName)),
    prefetch: (url, fileName) => void remote.prefetch(url, fileName),
    loadFile: async (file, fileName) => unpackLoaded(await remote.loadFile(file, fileName)),
    // the results come as columns (typed arrays, transferred); objects are built where shown
    analyse: latestOnly(async (req: AnalysisRequest) => fromColumns(await remote.analyseColumns(req))),
    // circles and walk areas come without their outlines: the map draws them from the worker's tiles
    walkAreas: latestOnly((req: AnalysisRequest) => remote.walkAreas(req)),
    walkAreaAt: latestOnly((req: AnalysisRequest & { facility: string; to: [number, number] }) => remote.walkAreaAt(req)),
    ...suggestClient(remote),
    ...compareClient(remote),
    ...siteClient(remote),
    importer: remoteImporter(remote),
    setEdits: (edits) => remote.setEdits(edits),
    analyseEdits: (edits, req) => remote.analyseEdits(edits, req),
    checkedIssues: () => remote.checkedIssues(),
    projectText: (p) => remote.projectText(p),
    projectData: (p) => remote.projectData(p),
    unitTile: (layer, z, x, y, version) => remote.unitTile(layer, z, x, y, version),
    dispose: () => worker.terminate(),
  };
}
