// Page layout: top bar; sidebar (data note, rule summary, layers, base map); map above the
// results table; the detail panel of the clicked unit on the right.
import { useEffect } from 'preact/hooks';
import { BasemapPicker } from './BasemapPicker';
import { useApp, useT } from './context';
import { DetailPanel } from './DetailPanel';
import { Header } from './Header';
import { DEMO_FILE } from '../state/app-state';
import { InfoNote } from './InfoNote';
import { IssuesPanel } from './IssuesPanel';
import { LayerPanel } from './LayerPanel';
import { MapPane } from './MapPane';
import { ProjectPicker } from './ProjectPicker';
import { ResultsTable } from './ResultsTable';
import { SummaryPanel } from './SummaryPanel';
import { ScenarioBar } from './scenario/ScenarioBar';
import { ScenarioPanel } from './scenario/ScenarioPanel';
import { lazyPanel } from './lazy';
import { usePresent } from './present/wire';
import { PresentOverlay } from './present/PresentOverlay';
import { PresentTools } from './present/PresentTools';
import { PrintSheet } from './print/PrintSheet';
import { ImportExport } from './import/ImportExport';

// site check, suggestion, workspace, ledger and compare: their code loads when first opened (lazy.tsx)
const SuggestPanel = lazyPanel(
  () => import('./suggest/SuggestPanel').then((m) => m.SuggestPanel),
  () => useApp().state.suggest.open.value,
);
const SitePanel = lazyPanel(
  () => import('./site/SitePanel').then((m) => m.SitePanel),
  () => useApp().site.open.value,
);
const SiteReport = lazyPanel(
  () => import('./site/SiteReport').then((m) => m.SiteReport),
  () => useApp().site.reportOpen.value,
  'site-report',
);
const WorkspacePanel = lazyPanel(
  () => import('./workspace/WorkspacePanel').then((m) => m.WorkspacePanel),
  () => useApp().workspace.ws.open.value,
);
const LedgerPanel = lazyPanel(
  () => import('./ledger/LedgerPanel').then((m) => m.LedgerPanel),
  () => useApp().ledger.open.value,
);
const ComparePanel = lazyPanel<{ demoBasemapUrl: string }>(
  () => import('./compare/ComparePanel').then((m) => m.ComparePanel),
  () => usePresent().compare.state.users.value.has('panel'),
  'compare-panel',
);

export function App({ demoBasemapUrl }: { demoBasemapUrl: string }) {
  const { state } = useApp();
  const tr = useT();
  const lang = state.lang.value;
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = tr('ui.title');
  }, [lang]);
  const error = state.error.value;
  const a = state.shown.value;
  return (
    <div class="app">
      <Header />
      {error && (
        <div class="error-banner" role="alert" data-testid="error">
          {error}
        </div>
      )}
      <div class="main">
        <aside class="sidebar">
          <ScenarioPanel />
          <SummaryPanel />
          <IssuesPanel />
          <LayerPanel />
          <PresentTools />
          {state.projectFile.value === DEMO_FILE && <InfoNote />}
          <ProjectPicker />
          <ImportExport />
          <BasemapPicker />
          {a && (
            <p class="note" data-testid="analysis-time" data-reach={a.reach}>
              {tr('ui.analysisTime', { ms: Math.round(a.ms), reach: tr(`ui.reach.${a.reach}`) })}
              {a.reachNote ? ` — ${tr(a.reachNote)}` : ''}
            </p>
          )}
        </aside>
        <div class="centre">
          <ScenarioBar />
          <MapPane demoBasemapUrl={demoBasemapUrl} />
          <ResultsTable />
        </div>
        <DetailPanel />
        <SuggestPanel />
        <SitePanel />
        <WorkspacePanel />
      </div>
      <SiteReport />
      <ComparePanel demoBasemapUrl={demoBasemapUrl} />
      <PresentOverlay />
      <PrintSheet />
      <LedgerPanel />
    </div>
  );
}
