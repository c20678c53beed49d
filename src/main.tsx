// Entry: state, actions, the analysis worker and the embedded demo project, then the page.
import { render } from 'preact';
import demoProjectUrl from '../data/demo/project.json?url';
import demoBasemapUrl from '../data/demo/basemap.pmtiles?url';
import { t } from './i18n';
import { BASEMAP_FILE_KEY } from './map/basemap';
import { createActions } from './state/actions';
import { createAppState, DEMO_FILE } from './state/app-state';
import { readBasemap, readLang } from './state/persist';
import { App } from './ui/App';
import { AppContext } from './ui/context';
import { createAnalysisClient } from './worker/client';
import { del, get, set } from 'idb-keyval';
import { viewsOf } from './state/views';
import { startPersistence } from './ui/scenario/persistence';
import { installPresent } from './ui/present/wire';
import { createImportUi, ImportContext } from './ui/import/context';
import { provideSiteClient } from './ui/site/store';
import './app.css';

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null; // private mode or blocked storage: the app works, it just forgets
  }
}

const kv = storage();
/** IndexedDB through one port: the autosave, the import wizard's remembered mappings and the kept base-map file */
const store = { get: <T,>(k: string) => get<T>(k), set: (k: string, v: unknown) => set(k, v), del: (k: string) => del(k) };
const state = createAppState({ lang: readLang(kv), basemap: readBasemap(kv) });
const client = createAnalysisClient((detail) => actions.reportError(t(state.lang.peek(), 'ui.error.worker', { detail })));
const actions = createActions(state, {
  client,
  storage: kv,
  keepFile: (file) => store.set(BASEMAP_FILE_KEY, file),
  keptFile: () => store.get<File>(BASEMAP_FILE_KEY),
});

installPresent(state, actions, client);
const importUi = createImportUi(state, actions, client, store, () => viewsOf(state).value);
provideSiteClient(client);

const absolute = (u: string) => new URL(u, window.location.href).href;
const root = document.getElementById('app');
if (root) {
  render(
    <AppContext.Provider value={{ state, actions }}>
      <ImportContext.Provider value={importUi}>
        <App demoBasemapUrl={absolute(demoBasemapUrl)} />
      </ImportContext.Provider>
    </AppContext.Provider>,
    root,
  );
}
// the autosaved project comes back exactly as it was; without one, the demo opens
void startPersistence(state, actions, {
  store,
  client,
  views: () => viewsOf(state).value,
  openDemo: () => actions.openProject(absolute(demoProjectUrl), DEMO_FILE),
}).then(() => importUi.resume());
