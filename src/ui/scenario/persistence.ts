// Wires autosave into the page: on start, restore the autosaved project (or open the demo), then
// save a moment after every change. The status (restored from when, last saved, a failure)
// shows in the scenario bar.
import { signal } from '@preact/signals';
import type { View } from '../../core/scenario';
import { clearAutosave, EXTENT_KEY, restoreAutosave, startAutosave, type AsyncStore, type Extent } from '../../state/autosave';
import { mainMap } from '../present/main-map';
import type { Actions } from '../../state/actions';
import type { AppState } from '../../state/app-state';
import type { AnalysisClient } from '../../worker/client';
import { errorMessage } from '../../core/errors';

export interface AutosaveStatus {
  /** savedAt of the record the page was restored from (null: started fresh) */
  restoredAt: string | null;
  savedAt: string | null;
  error: string | null;
  /** an autosaved project existed but did not open (kept under FAILED_KEY) */
  restoreFailed: boolean;
}

export const autosaveStatus = signal<AutosaveStatus>({ restoredAt: null, savedAt: null, error: null, restoreFailed: false });

export interface PersistenceDeps {
  store: AsyncStore;
  client: Pick<AnalysisClient, 'projectText'>;
  views: () => View[];
  openDemo: () => Promise<void>;
}

let deps: PersistenceDeps | null = null;
let stopSaving: (() => void) | null = null;

export async function startPersistence(s: AppState, actions: Actions, d: PersistenceDeps): Promise<void> {
  deps = d;
  const r = await restoreAutosave(s, { store: d.store, openProjectText: actions.openProjectText, setLang: actions.setLang });
  if (!r.restored) await d.openDemo();
  else if (r.extent) mainMap.current?.fit(r.extent); // where the map was, not the whole area
  autosaveStatus.value = { ...autosaveStatus.peek(), restoredAt: r.restored?.savedAt ?? null, restoreFailed: r.failed };
  stopSaving?.();
  stopSaving = startAutosave(s, {
    store: d.store,
    client: d.client,
    views: d.views,
    extent,
    onSaved: (rec) => (autosaveStatus.value = { ...autosaveStatus.peek(), savedAt: rec.savedAt, error: null }),
    onError: (e) => (autosaveStatus.value = { ...autosaveStatus.peek(), error: errorMessage(e) }),
  });
}

function extent(): Extent | null {
  return mainMap.current?.bounds() ?? null;
}

// the extent alone as the page is left: a pan or zoom changes no state, so no autosave follows it
if (typeof window !== 'undefined') {
  window.addEventListener('pagehide', () => {
    const e = extent();
    if (deps && e) void deps.store.set(EXTENT_KEY, e);
  });
}

/** "Start over from the demo": forget the autosave and open the demo data. */
export async function startOver(): Promise<void> {
  if (!deps) return;
  await clearAutosave(deps.store);
  autosaveStatus.value = { restoredAt: null, savedAt: null, error: null, restoreFailed: false };
  await deps.openDemo();
}

/** What "save project" needs (the worker client and the views), once the page is wired. */
export function persistenceDeps(): Pick<PersistenceDeps, 'client' | 'views'> | null {
  return deps;
}
