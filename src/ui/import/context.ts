// The import wizard's and the exports' state, made once in main.tsx and reached by the
// components through this context (the app's own context stays as it is).
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { MappingStore } from '../../io/mappingMemory';
import type { Actions } from '../../state/actions';
import type { AppState } from '../../state/app-state';
import { applyImportToApp, restoreImport } from '../../state/import-apply';
import { createImportActions, createImportState, type ImportActions, type ImportState } from '../../state/import';
import type { AnalysisClient } from '../../worker/client';
import type { Importer } from '../../worker/import-client';

export interface ImportUi {
  state: ImportState;
  actions: ImportActions;
  importer: Importer;
  /** puts back the data as it was before the newest import */
  restore(): Promise<boolean>;
}

/** `store`: where remembered mappings live (IndexedDB in the page, under io.mapping:<layout>) */
export function createImportUi(app: AppState, actions: Actions, client: Pick<AnalysisClient, 'importer' | 'setEdits'>, store: MappingStore): ImportUi {
  const state = createImportState();
  const deps = { analyse: actions.analyse, setEdits: client.setEdits };
  const apply = applyImportToApp(app, deps, state.versions);
  const restore = () => restoreImport(app, { ...deps, restore: client.importer.restore }, state.versions);
  return { state, actions: createImportActions(state, { importer: client.importer, store, apply }), importer: client.importer, restore };
}

export const ImportContext = createContext<ImportUi | null>(null);

export function useImport(): ImportUi {
  const ctx = useContext(ImportContext);
  if (!ctx) throw new Error('useImport() outside <ImportContext.Provider>');
  return ctx;
}
