// How an accepted import reaches the app: the worker has already put the layer into its baseline
// (src/worker/import.ts); here the page's copy follows, the circles are dropped so they are
// rebuilt around the new facilities, and the analysis runs again.
import { batch } from '@preact/signals';
import type { LoadedProject } from '../worker/api';
import type { ImportApplied } from '../worker/import';
import type { AppState } from './app-state';

export interface ApplyDeps {
  analyse(): Promise<void>;
}

/** the project as the page keeps it, with the imported layer in place */
export function projectWithImport(p: LoadedProject, a: ImportApplied): LoadedProject {
  const next: LoadedProject = { ...p, roadCount: a.roadCount };
  if (a.kind === 'communities' && a.communities) next.communities = a.communities;
  if (a.kind === 'facilities' && a.facilities) next.facilities = a.facilities;
  if (a.kind === 'streets' && a.streets) next.streets = a.streets;
  // the loader's data issues were about the replaced layer's old rows; the import report replaces them
  const level = a.kind === 'roads' ? undefined : LEVEL_OF[a.kind];
  if (level) next.issues = p.issues.filter((i) => i.level !== level);
  return next;
}

const LEVEL_OF = { communities: 'community', facilities: 'facility', streets: 'street' } as const;

export function applyImportToApp(state: AppState, deps: ApplyDeps): (a: ImportApplied) => Promise<void> {
  return async (a) => {
    const p = state.project.peek();
    if (!p) throw new Error('no project is open to import into');
    batch(() => {
      state.project.value = projectWithImport(p, a);
      state.areas.value = null; // facilities may have moved: rebuild the circles
      state.selection.value = null;
    });
    await deps.analyse();
  };
}
