// Entry: the ports (the analysis worker, localStorage, IndexedDB), the app built from them, then the
// page; the autosaved project (or the embedded demo) opens last.
import { render } from 'preact';
import demoProjectUrl from '../data/demo/project.json?url';
import demoBasemapUrl from '../data/demo/basemap.pmtiles?url';
import { createApp, type App as AppType } from './app';
import { t } from './i18n';
import { DEMO_FILE } from './state/app-state';
import { App } from './ui/App';
import { AppContext } from './ui/context';
import { createAnalysisClient } from './worker/client';
import { MapView } from './map/MapView';
import { del, get, set } from 'idb-keyval';
import './app.css';

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null; // private mode or blocked storage: the app works, it just forgets
  }
}

/** IndexedDB through one port: the autosave, the import wizard's remembered mappings and the kept base-map file */
const store = { get: <T,>(k: string) => get<T>(k), set: (k: string, v: unknown) => set(k, v), del: (k: string) => del(k) };
// the worker's crash report needs the app, which needs the worker: the report reads it when it comes.
// A worker that never started under an isolated page: most likely its script came without the
// page's isolation headers, which blocks it (docs/server.md, "Security headers").
const client = createAnalysisClient((detail, starting) => {
  const lang = app.state.lang.peek();
  const key = !starting ? 'ui.error.worker' : window.crossOriginIsolated ? 'ui.error.workerIsolation' : 'ui.error.workerStart';
  app.actions.reportError(t(lang, key, { detail: detail || t(lang, 'ui.error.workerUnknown') }));
});
const app: AppType = createApp({ client, storage: storage(), store, workspace: { origin: location.origin }, createMap: (...args) => new MapView(...args) });
// a reload or a closed tab right after an edit keeps it (and the tab hidden may never come back)
window.addEventListener('pagehide', () => app.persistence.leaving());
document.addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && app.persistence.leaving());

const absolute = (u: string) => new URL(u, window.location.href).href;
// The worker fetches and reads the demo at once, before the page's first work (rendering, the
// map, the autosave lookup), which then overlaps with it; an autosaved project opens instead if
// there is one (the demo read ahead is then dropped).
client.prefetch?.(absolute(demoProjectUrl), DEMO_FILE);
const root = document.getElementById('app');
if (root) {
  render(
    <AppContext.Provider value={app}>
      <App demoBasemapUrl={absolute(demoBasemapUrl)} />
    </AppContext.Provider>,
    root,
  );
}
// the autosaved project comes back exactly as it was; without one, the demo opens
void app.persistence.start(() => app.actions.openProject(absolute(demoProjectUrl), DEMO_FILE)).then(() => app.import.resume());
