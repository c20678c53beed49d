// The composition root's pure half: one call builds everything the page keeps — the app state, its
// actions and each feature's state — from the ports it is given (the analysis client, the two
// storages). Nothing here is module-level, so two apps share nothing (tests/app.test.ts); main.tsx
// builds the ports, calls createApp once and hands the result to the components through AppContext.
import { signal } from '@preact/signals';
import { BASEMAP_FILE_KEY } from './map/basemap';
import { createMeasure } from './map/measure';
import { createActions } from './state/actions';
import { createAppState } from './state/app-state';
import { createEditTools } from './state/edit-tools';
import { createImportUi } from './state/import-apply';
import type { LedgerState } from './state/ledger';
import { createMapPorts } from './state/map-ports';
import { readBasemap, readLang, type KeyValue } from './state/persist';
import { createPersistence } from './state/persistence';
import { createSite } from './state/site';
import type { Workspace } from './state/workspace-panel';
import { createWorkspaceSignals } from './state/workspace-signals';
import { createPresent, presentDeps } from './ui/present/wire';
import type { AnalysisClient } from './worker/client';
import type { MapFactory } from './state/map-ports';

export interface AppDeps {
  /** the analysis worker's typed handle (in tests: the worker's API run in-process) */
  client: AnalysisClient;
  /** remembered choices (localStorage in the page; null when the browser blocks it) */
  storage: KeyValue | null;
  /** IndexedDB: the autosave, the import wizard's remembered mappings and the kept base-map file */
  store: { get<T>(key: string): Promise<T | undefined>; set(key: string, value: unknown): Promise<void>; del(key: string): Promise<void> };
  /** the team workspace's server: the origin that served the page (in tests: a test server, or a
   *  fetch that refuses); http://localhost/ when not given */
  workspace?: { origin: string; fetch?: typeof fetch };
  /** makes a map in a container: MapView in the page (main.tsx); tests give a stand-in or one that refuses */
  createMap: MapFactory;
  /** the clock state reads time from (autosave stamps, ledger entries, a site check's date, print
   *  and export dates); the system clock when not given */
  now?: () => Date;
}

/** the longest an opened project's first analysis waits for the map to draw its outlines */
const OUTLINES_WAIT_MS = 4000;
/** the longest the walk areas of a network analysis wait for the map to draw its verdicts */
const VERDICTS_WAIT_MS = 2000;
/** projects up to this many communities (the demo's 513) ask their walk areas with the verdicts */
const AREAS_AT_ONCE_UP_TO = 2000;

/** resolves when `p` does, or after `ms` */
function within(p: Promise<void>, ms: number): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return Promise.race([p, new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))]).finally(() => clearTimeout(timer));
}

export function createApp(deps: AppDeps) {
  const { client, storage, store } = deps;
  const clock = deps.now ?? (() => new Date());
  const state = createAppState({ lang: readLang(storage), basemap: readBasemap(storage) });
  const actions = createActions(state, {
    client,
    storage,
    keepFile: (file) => store.set(BASEMAP_FILE_KEY, file),
    keptFile: () => store.get<File>(BASEMAP_FILE_KEY),
    // the map's outlines are tiles the worker cuts: an opened project's are cut before its first
    // analysis is asked for (waiting at most OUTLINES_WAIT_MS for a map that asks for none)
    outlinesDrawn: () => within(map.main.current?.outlinesCut?.() ?? Promise.resolve(), OUTLINES_WAIT_MS),
    verdictsDrawn: () => within(map.main.current?.drawn?.() ?? Promise.resolve(), VERDICTS_WAIT_MS),
    areasAtOnceUpTo: AREAS_AT_ONCE_UP_TO,
  });
  const map = createMapPorts(
    createMeasure(),
    deps.createMap,
    // a tile is asked for once the worker has the newest edits (an edit waiting behind another one
    // reaches it later than the map's request for the edited layer's tiles would)
    typeof client.unitTile === 'function'
      ? async (layer, z, x, y, version) => {
          await actions.scenarioSettled().catch(() => undefined);
          return client.unitTile(layer, z, x, y, version);
        }
      : null,
  );
  const present = createPresent(state, { ...presentDeps(state, actions, (req) => client.compare(req)), now: clock }, map);
  /** the project's saved views, which autosave, "save project" and an import into the project keep */
  const views = () => present.views.views.value;
  return {
    state,
    actions,
    ports: deps,
    /** the app's clock: what the ui shows as today (print, export and report dates) */
    clock,
    /** the page map's handles, filled by MapPane while the map exists */
    map,
    tools: createEditTools(state, actions, map.drawing),
    site: createSite(client, clock),
    present,
    import: createImportUi(state, actions, client, store, views),
    persistence: createPersistence(state, actions, { store, sync: storage, client, views, map, now: clock }),
    /** the target ledger: made when its panel first opens (its targets load with the panel) */
    ledger: { open: signal(false), made: null as LedgerState | null },
    /** the team workspace panel: its signals (the header's button reads them), and its client, register
     *  and outbox made when the panel, the ledger or "save as review" is first used (ui/workspace/store.ts) */
    workspace: { ws: createWorkspaceSignals(), made: null as Workspace | null },
    /** small choices of the page kept for the visit: the map legend folded to its button, and the
     *  place typed as coordinates in the search box (MapPane pins it and flies there; a new object per choice) */
    ui: { legendFolded: signal(false), searchPin: signal<{ lon: number; lat: number } | null>(null) },
  };
}

export type App = ReturnType<typeof createApp>;
