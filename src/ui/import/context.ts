// The import wizard's and the exports' state, made once in main.tsx and reached by the
// components through this context (the app's own context stays as it is).
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Actions } from '../../state/actions';
import type { AppState } from '../../state/app-state';
import { applyImportToApp, restoreImport } from '../../state/import-apply';
import { projectWithData, type AsyncStore } from '../../state/autosave';
import { resumeVersions } from '../../state/import-versions';
import type { View } from '../../core/scenario';
import { createImportActions, createImportState, type ImportActions, type ImportState } from '../../state/import-wizard';
import type { AnalysisClient } from '../../worker/client';
import type { Importer } from '../../worker/import-client';

export interface ImportUi {
  state: ImportState;
  actions: ImportActions;
  importer: Importer;
  /** puts back the data as it was before the newest import */
  restore(): Promise<boolean>;
  /** after the autosaved project opened: the import versions kept from the last visit */
  resume(): Promise<void>;
}

/** `store`: IndexedDB in the page: remembered mappings (under io.mapping:<layout>) and the data
 *  before each import (import-versions.ts); `views`: the project's saved views, kept on a restore */
export function createImportUi(app: AppState, actions: Actions, client: Pick<AnalysisClient, 'importer' | 'setEdits'>, store: AsyncStore, views: () => View[]): ImportUi {
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

export const ImportContext = createContext<ImportUi | null>(null);

export function useImport(): ImportUi {
  const ctx = useContext(ImportContext);
  if (!ctx) throw new Error('useImport() outside <ImportContext.Provider>');
  return ctx;
}
