// Sidebar section for meetings: compare scenarios, saved views (save, show, delete), presentation
// mode and print (paper size, then the browser's print dialog — "Save as PDF" gives the file).
import { useState } from 'preact/hooks';
import { tm } from '../../i18n';
import { useApp, useT } from '../context';
import type { Paper } from '../print/print';
import { BASELINE_ID } from '../../core/scenario/scenarios';
import { ScenarioSelect, useSideName } from './ScenarioSelect';
import { usePresent } from './wire';
import './present.css';

/** Saved views: save the map as it is under a name, show one again, delete one. */
function SavedViews() {
  const { state } = useApp();
  const tr = useT();
  const { views } = usePresent();
  const name = useSideName();
  const [viewName, setViewName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const save = (e: Event) => {
    e.preventDefault();
    const bad = views.save(viewName);
    setProblem(bad ? tm(state.lang.value, bad) : null);
    if (!bad) setViewName('');
  };
  const list = views.views.value;
  return (
    <>
      <h3>{tr('present.view.title')}</h3>
      <form class="tool-row" onSubmit={save}>
        <input
          type="text"
          data-testid="view-name"
          value={viewName}
          maxLength={60}
          placeholder={tr('present.view.placeholder')}
          aria-label={tr('present.view.placeholder')}
          onInput={(e) => setViewName(e.currentTarget.value)}
        />
        <button type="submit" data-testid="view-save">
          {tr('present.view.save')}
        </button>
      </form>
      {problem && (
        <p class="warn" role="alert">
          {problem}
        </p>
      )}
      {list.length === 0 ? (
        <p class="note">{tr('present.view.none')}</p>
      ) : (
        <ol class="view-list" data-testid="view-list">
          {list.map((v) => (
            <li key={v.id} data-id={v.id} aria-current={views.current.value === v.id ? 'true' : undefined}>
              <button type="button" class="link" onClick={() => void views.show(v.id)}>
                {v.name}
              </button>
              <span class="note"> · {name(v.scenarioId)}</span>
              <button type="button" class="del" aria-label={tr('present.view.delete', { name: v.name })} onClick={() => views.remove(v.id)}>
                ×
              </button>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}

/** Print: what the sheet shows (a plan against today, or today's gaps), the paper, the button. */
function PrintTools() {
  const { state } = useApp();
  const tr = useT();
  const { print, deps } = usePresent();
  const name = useSideName();
  return (
    <>
      <h3>{tr('present.print.title')}</h3>
      {/* what the sheet shows: a plan against today, or today's gaps; choosing opens it so the map matches */}
      <div class="tool-row">
        <ScenarioSelect label={tr('present.print.what')} value={deps.active()} onChange={(id) => void deps.openScenario(id)} testid="print-scenario" />
      </div>
      <p class="note" data-testid="print-what">
        {deps.active() === BASELINE_ID ? tr('present.print.whatGaps') : tr('present.print.whatCompare', { b: name(deps.active()) })}
      </p>
      <div class="tool-row">
        <select data-testid="print-paper" value={print.paper.value} aria-label={tr('present.print.paper')} onChange={(e) => print.setPaper(e.currentTarget.value as Paper)}>
          <option value="a4">{tr('present.print.a4')}</option>
          <option value="a3">{tr('present.print.a3')}</option>
        </select>
        <button type="button" data-testid="print" disabled={!state.project.value} onClick={() => void print.print()}>
          {tr('present.print.button')}
        </button>
      </div>
    </>
  );
}

export function PresentTools() {
  const { state } = useApp();
  const tr = useT();
  const { compare, presentation } = usePresent();
  return (
    <section class="panel present-tools" aria-labelledby="present-h" data-testid="present-tools">
      <h2 id="present-h">{tr('present.tools.title')}</h2>
      <div class="tool-row">
        <button type="button" data-testid="compare-open" disabled={!state.project.value} onClick={() => compare.openPanel()}>
          {tr('present.compare.open')}
        </button>
        <button type="button" data-testid="present-enter" disabled={!state.project.value} onClick={() => void presentation.enter()}>
          {tr('present.mode.enter')}
        </button>
      </div>
      <SavedViews />
      <PrintTools />
    </section>
  );
}
