// Sidebar panel of the open scenario: its readable edit history (done and undone), the edits that
// no longer fit the baseline (kept, with the reason, until discarded), and the files: save the
// whole project, export the scenario to share it, open a shared scenario file.
import { BASELINE_ID, historyList } from '../../core/scenario';
import { tm } from '../../i18n';
import { useApp, useT } from '../context';
import { FileInput } from '../FileInput';
import { projectFileText } from '../../state/autosave';
import { errorMessage } from '../../core/errors';

/** Hands the browser a file to save (no server involved). */
export function download(name: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function safeName(s: string): string {
  return s.replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 60) || 'project';
}

export function ScenarioPanel() {
  const { state, actions, tools, persistence } = useApp();
  const tr = useT();
  const session = state.session.value;
  if (!session) return null;
  const lang = state.lang.value;
  const rows = historyList(session.editing.history);
  const onBaseline = session.active === BASELINE_ID;
  const open = session.scenarios.find((x) => x.id === session.active);

  const saveProject = async () => {
    const d = persistence.deps;
    const p = state.project.peek();
    if (!p) return;
    try {
      download(`${safeName(p.area.name)}.project.json`, await projectFileText(state, d));
    } catch (e) {
      tools.notice.value = { tone: 'error', text: errorMessage(e) };
    }
  };

  const share = () => {
    const f = actions.scenarioFileText();
    if (f) download(`${safeName(f.name)}.scenario.json`, f.text);
  };

  const openScenarioFile = async (file: File) => {
    const r = await actions.importScenarioText(await file.text());
    if (!r.ok) {
      tools.notice.value = { tone: 'error', text: [{ key: 'scenario.ui.fileError', args: { file: file.name } }, ...r.problems] };
      return;
    }
    tools.notice.value = { tone: 'info', text: [{ key: 'scenario.ui.imported', args: { name: r.name } }, ...(r.notice ? [r.notice] : [])] };
  };

  return (
    <section class="panel sc-panel" aria-labelledby="sc-h" data-testid="scenario-panel">
      <h2 id="sc-h">
        {tr('scenario.ui.title')}: {open ? open.name : tr('scenario.ui.baseline')}
      </h2>
      {onBaseline && <p class="note">{tr('scenario.ui.readOnly')}</p>}
      {!onBaseline && (
        <>
          <h3>{tr('scenario.ui.history')}</h3>
          {rows.length === 0 ? (
            <p class="note">{tr('scenario.ui.history.empty')}</p>
          ) : (
            <ol class="sc-history" data-testid="history">
              {rows.map((r, i) => (
                <li key={r.editId} class={`${r.state}${r.current ? ' current' : ''}`} data-state={r.state}>
                  <button
                    type="button"
                    class="sc-step"
                    title={tr('scenario.ui.history.goTo')}
                    aria-current={r.current ? 'step' : undefined}
                    onClick={() => {
                      // a done entry stays done (the ones after it are undone); an undone one is redone up to it
                      const r2 = actions.historyTo(i + 1);
                      if (r2) tools.notice.value = { tone: 'error', text: r2 };
                    }}
                  >
                    {tm(lang, r.note)}
                  </button>
                  {r.state === 'undone' && <span class="muted">{tr('scenario.ui.history.undone')}</span>}
                </li>
              ))}
            </ol>
          )}
        </>
      )}
      {session.skipped.length > 0 && (
        <div class="sc-parked" data-testid="parked">
          <h3>{tr('scenario.ui.parked')}</h3>
          <p class="note">{tr('scenario.ui.parked.note')}</p>
          <ul>
            {session.skipped.map((x) => (
              <li key={x.edit.id}>
                <strong>{tm(lang, x.edit.note)}</strong> — {tm(lang, x.reason)}{' '}
                <button type="button" class="link" onClick={() => actions.discardParked([x.edit.id])}>
                  {tr('scenario.ui.parked.discard')}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      <details class="sc-files-box">
        <summary>{tr('scenario.ui.files')}</summary>
        <div class="sc-files">
          <button type="button" data-testid="save-project" onClick={() => void saveProject()}>
            {tr('scenario.ui.saveProject')}
          </button>
          {!onBaseline && (
            <button type="button" data-testid="share-scenario" onClick={share}>
              {tr('scenario.ui.shareScenario')}
            </button>
          )}
          <label class="file">
            {tr('scenario.ui.openScenario')}
            <FileInput
              data-testid="scenario-file-input"
              accept=".json,application/json"
              onChange={async (e) => {
                const input = e.currentTarget;
                const f = input.files?.[0];
                if (f) await openScenarioFile(f);
                input.value = '';
              }}
            />
          </label>
        </div>
      </details>
    </section>
  );
}
