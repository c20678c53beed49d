// Data problems of the loaded project (from loading and from evaluating), each with the unit it
// concerns; a click zooms there. Missing values are listed, never silently counted as zero.
import type { DataIssue } from '../core/model';
import { reasonText } from '../i18n/report-rows';
import { useApp, useT } from './context';

const SHOWN = 50;

export function IssuesPanel() {
  const { state, actions } = useApp();
  const tr = useT();
  const lang = state.lang.value;
  const seen = new Set<string>();
  void state.issuesChecked.value; // the project's list completed in place
  const issues: DataIssue[] = [...(state.project.value?.issues ?? []), ...(state.shown.value?.evaluation.issues ?? [])].filter((i) => {
    const k = `${i.level}|${i.id}|${i.msg.key}|${i.field ?? ''}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  if (issues.length === 0) return null;
  return (
    <section class="panel" aria-labelledby="issues-h" data-testid="issues">
      <h2 id="issues-h">{tr('ui.issues.count', { n: issues.length })}</h2>
      <ul class="issues">
        {issues.slice(0, SHOWN).map((i, n) => (
          <li key={n} class={i.severity}>
            <button type="button" class="link" onClick={() => (i.level === 'scenario' ? undefined : actions.focusOn({ level: i.level, id: i.id }))}>
              {reasonText(i.msg, lang)}
            </button>
          </li>
        ))}
      </ul>
      {issues.length > SHOWN && <p class="note">{tr('ui.rows.more', { n: issues.length - SHOWN })}</p>}
    </section>
  );
}
