// Autosave in the app: on start, restore the autosaved project (or open the demo), then save a
// moment after every change. The status (restored from when, last saved, a failure) shows in the
// scenario bar. As the page is left or hidden (main.tsx calls leaving() on pagehide and when the tab
// is hidden) a change still waiting for its moment is saved at once, and the extent is written: a
// pan or zoom changes no state, so no autosave follows it.
import { signal } from '@preact/signals';
import type { View } from '../core/scenario';
import { errorMessage } from '../core/errors';
import type { Actions } from './actions';
import type { AppState } from './app-state';
import { clearAutosave, EXTENT_KEY, restoreAutosave, startAutosave, type AsyncStore, type Extent } from './autosave';
import type { MapPorts } from './map-ports';
import type { KeyValue } from './persist';
import type { AnalysisClient } from '../worker/client';

export interface AutosaveStatus {
  /** savedAt of the record the page was restored from (null: started fresh) */
  restoredAt: string | null;
  savedAt: string | null;
  error: string | null;
  /** an autosaved project existed but did not open (kept under FAILED_KEY) */
  restoreFailed: boolean;
}

export interface PersistenceDeps {
  store: AsyncStore;
  /** localStorage: the record written as the page goes */
  sync?: KeyValue | null;
  client: Pick<AnalysisClient, 'projectText'> & Partial<Pick<AnalysisClient, 'projectData'>>;
  views: () => View[];
  map: MapPorts;
  /** the clock the autosave's time stamp reads */
  now?: () => Date;
}

const FRESH: AutosaveStatus = { restoredAt: null, savedAt: null, error: null, restoreFailed: false };

export function createPersistence(s: AppState, actions: Pick<Actions, 'openProjectText' | 'setLang'>, d: PersistenceDeps) {
  const status = signal<AutosaveStatus>(FRESH);
  let saving: ReturnType<typeof startAutosave> | null = null;
  let openDemo: (() => Promise<void>) | null = null;
  const extent = (): Extent | null => d.map.main.current?.bounds() ?? null;

  /** Restores the autosave (or opens the demo: `demo`), then saves after every change. */
  async function start(demo: () => Promise<void>): Promise<void> {
    openDemo = demo;
    const r = await restoreAutosave(s, { store: d.store, sync: d.sync, openProjectText: actions.openProjectText, setLang: actions.setLang });
    if (!r.restored) await demo();
    else if (r.extent) d.map.main.current?.fit(r.extent); // where the map was, not the whole area
    status.value = { ...status.peek(), restoredAt: r.restored?.savedAt ?? null, restoreFailed: r.failed };
    saving?.stop();
    saving = startAutosave(s, {
      store: d.store,
      sync: d.sync,
      client: d.client,
      views: d.views,
      extent,
      now: d.now,
      onSaved: (rec) => (status.value = { ...status.peek(), savedAt: rec.savedAt, error: null }),
      onError: (e) => (status.value = { ...status.peek(), error: errorMessage(e) }),
    });
  }

  return {
    status,
    start,
    /** What "save project" needs: the worker client and the views. */
    deps: { client: d.client, views: d.views },
    /** The page is being left or hidden: the waiting change and the extent are written now. */
    leaving(): void {
      saving?.flush();
      const e = extent();
      if (openDemo && e) void d.store.set(EXTENT_KEY, e);
    },
    /** "Start over from the demo": forget the autosave and open the demo data. */
    async startOver(): Promise<void> {
      if (!openDemo) return;
      await clearAutosave(d.store, d.sync);
      status.value = FRESH;
      await openDemo();
    },
  };
}

export type Persistence = ReturnType<typeof createPersistence>;
