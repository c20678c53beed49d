// How an accepted import reaches the app. The worker has already put the layer into its baseline
// (src/service/import-export.ts) and sends the whole new layer; here the page's project follows, the
// editing session gets the new baseline (replaceBaseline replays the open scenario onto it, so
// scenarios survive a re-import and autosave writes the imported data), the worker gets the open
// scenario's edits again, and the analysis runs. Circles are rebuilt by analyse() when the
// facilities changed. Each import is a version: restoreImport() puts the previous data back, also
// after a reload (the data before each import are kept in IndexedDB: import-versions.ts).
import { batch } from '@preact/signals';
import { replaceBaseline, type Edit } from '../core/scenario';
import type { LoadedProject } from '../service/session';
import type { ImportApplied, ImportRestored } from '../service/import-export';
import type { AppState } from './app-state';
import { createImportActions, createImportState, type ImportActions, type ImportState, type ImportVersion } from './import-wizard';
import type { Actions } from './actions';
import type { View } from '../core/scenario';
import type { AnalysisClient } from '../worker/client';
import type { Importer } from '../worker/import-client';
import { editsInEffect, pageBaseline } from './scenario-actions';
import { dataOther, projectWithData, type AsyncStore } from './autosave';
import { keepVersions, leftBy, resumeVersions } from './import-versions';
import type { ProjectTextRequest } from '../service/import-export';

export interface ApplyDeps {
  analyse(): Promise<void>;
  /** the worker's setEdits: replays the open scenario onto the new baseline */
  setEdits?(edits: Edit[]): Promise<unknown>;
  /** where versions are kept across a reload, and the worker's text of the data before the newest import */
  keep?: { store: AsyncStore; beforeText(p: ProjectTextRequest): Promise<string | undefined> };
}

const LEVEL_OF = { communities: 'community', facilities: 'facility', streets: 'street' } as const;

/** the layer's records, one JSON chunk per task so the page stays responsive (each parse is
 *  timed as the performance measure import:parse) */
export async function parseGood(chunks: readonly string[]): Promise<unknown[]> {
  const out: unknown[] = [];
  for (const c of chunks) {
    const t0 = performance.now();
    for (const x of JSON.parse(c) as unknown[]) out.push(x);
    performance.measure?.('import:parse', { start: t0, end: performance.now() });
    await new Promise((r) => setTimeout(r, 0));
  }
  return out;
}

/** the project as the page keeps it, with the layer as the worker left it after the import */
export function projectWithImport(p: LoadedProject, a: ImportApplied, layer: readonly unknown[]): LoadedProject {
  // the import is recorded with the project (kept top-level key `imports`, written on save)
  const imports = Array.isArray(p.other.imports) ? (p.other.imports as unknown[]) : [];
  const next: LoadedProject = { ...p, roadCount: a.roadCount, credits: a.credits, other: { ...p.other, imports: [...imports, a.record] } };
  if (a.kind === 'roads') return next;
  const k = a.kind;
  if (k === 'communities') next.communities = layer as never[];
  else if (k === 'facilities') next.facilities = layer as never[];
  else next.streets = layer as never[];
  // the loader's data issues about the replaced layer's old rows no longer apply
  if (a.mode === 'replace') next.issues = p.issues.filter((i) => i.level !== LEVEL_OF[k]);
  return next;
}

/** the page's project (and the session's baseline) becomes `next`; then the worker's edits and a fresh analysis */
async function publish(state: AppState, deps: ApplyDeps, next: LoadedProject): Promise<void> {
  const t1 = performance.now();
  const session = state.session.peek();
  const moved = session ? replaceBaseline(session, pageBaseline(next)) : null;
  batch(() => {
    state.project.value = next;
    if (moved) state.session.value = moved;
    state.selection.value = null;
  });
  performance.measure?.('import:publish', { start: t1, end: performance.now() });
  if (deps.setEdits) await deps.setEdits(moved ? editsInEffect(moved) : []);
  await deps.analyse();
}

export function applyImportToApp(state: AppState, deps: ApplyDeps, versions?: ImportState['versions']): (a: ImportApplied) => Promise<void> {
  return async (a) => {
    const p = state.project.peek();
    if (!p) throw new Error('no project is open to import into');
    const layer = await parseGood(a.layerJson);
    // timed as performance measures (import:merge, import:publish) so the browser test can tell
    // the import's own main-thread work from the app's redrawing of the new layer
    const t0 = performance.now();
    const before = state.project.peek() ?? p;
    const next = projectWithImport(before, a, layer);
    performance.measure?.('import:merge', { start: t0, end: performance.now() });
    const version: ImportVersion = { applied: { kind: a.kind, mode: a.mode, imported: a.imported, plan: a.plan, record: a.record }, before, after: next };
    if (versions) versions.value = [...versions.peek(), version];
    await publish(state, deps, next);
    if (versions && deps.keep) {
      // after the new data are on screen: the kept copy is for the next visit
      try {
        version.beforeData = await deps.keep.beforeText({ profile: state.profile.peek(), params: { ...state.params.peek() }, other: dataOther(before.other) });
        await keepVersions(deps.keep.store, versions.peek());
      } catch {
        // storage full or blocked: restore still works until the page is left
      }
    }
  };
}

/** Whether the newest import can still be undone: the project is what that import left. */
export function restorable(state: AppState, versions: ImportState['versions']): boolean {
  const top = versions.value[versions.value.length - 1];
  return !!top && state.project.value === top.after;
}

export interface RestoreDeps extends ApplyDeps {
  /** the worker puts back the layers before its newest import (this visit's imports) */
  restore(): Promise<ImportRestored | undefined>;
  /** opens kept data (a version from an earlier visit) with the open scenarios; true when it opened */
  reopen?(data: string): Promise<boolean>;
}

/** "Restore the previous data": the project as it was before the newest import, in the worker
 *  and on the page; the open scenario is replayed onto it. False when there is nothing to restore. */
export async function restoreImport(state: AppState, deps: RestoreDeps, versions: ImportState['versions']): Promise<boolean> {
  if (!restorable(state, versions)) return false;
  const list = versions.peek();
  const top = list[list.length - 1];
  let ok = false;
  if (top.before) {
    const r = await deps.restore();
    if (r) {
      await publish(state, deps, top.before);
      ok = true;
    }
  } else if (top.beforeData !== undefined && deps.reopen) {
    ok = await deps.reopen(top.beforeData);
  }
  // the next older version is restorable when the project is now what it left
  const rest = list.slice(0, -1);
  const older = rest[rest.length - 1];
  const now = state.project.peek();
  if (ok && older && older.after === null && leftBy(now, older)) rest[rest.length - 1] = { ...older, after: now };
  versions.value = rest;
  if (deps.keep) await keepVersions(deps.keep.store, rest).catch(() => undefined);
  return ok;
}

export interface ImportUi {
  state: ImportState;
  actions: ImportActions;
  importer: Importer;
  /** puts back the data as it was before the newest import */
  restore(): Promise<boolean>;
  /** after the autosaved project opened: the import versions kept from the last visit */
  resume(): Promise<void>;
}

/** The import wizard's and the exports' state of one app. `store`: IndexedDB in the page:
 *  remembered mappings (under io.mapping:<layout>) and the data before each import
 *  (import-versions.ts); `views`: the project's saved views, kept on a restore */
export function createImportUi(
  app: AppState,
  actions: Pick<Actions, 'analyse' | 'openProjectText'>,
  client: Pick<AnalysisClient, 'importer' | 'setEdits'>,
  store: AsyncStore,
  views: () => View[],
): ImportUi {
  const state = createImportState();
  const deps = { analyse: actions.analyse, setEdits: client.setEdits, keep: { store, beforeText: client.importer.beforeText } };
  const apply = applyImportToApp(app, deps, state.versions);
  const reopen = async (data: string): Promise<boolean> => {
    await actions.openProjectText(projectWithData(app, { views }, data), app.projectFile.peek() ?? 'project.json');
    return app.phase.peek() !== 'error';
  };
  const restore = () => restoreImport(app, { ...deps, restore: client.importer.restore, reopen }, state.versions);
  const resume = async () => {
    state.versions.value = await resumeVersions(store, app.project.peek());
  };
  return { state, actions: createImportActions(state, { importer: client.importer, store, apply }), importer: client.importer, restore, resume };
}
