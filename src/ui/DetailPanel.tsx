// The clicked unit: every applicable rule with value, threshold, shortfall, status and the
// citation (document, clause, the original words). All names and texts render as text nodes.
import type { RuleResult } from '../core/model';
import { reasonText, resultRow } from '../core/report';
import { resultsForUnit, worst } from '../state/verdicts';
import { useApp, useT } from './context';
import { UnitEditor } from './scenario/UnitEditor';

function ResultItem({ r }: { r: RuleResult }) {
  const { state } = useApp();
  const tr = useT();
  // the same display strings as the command-line report (numbers, units, shortfall unit, reason)
  const row = resultRow(r, state.lang.value);
  return (
    <li class={`result status-${r.status}`} data-rule={r.rule} data-status={r.status} data-view={r.view ?? 'onsite'}>
      <div class="result-head">
        <span class={`badge ${r.status}`}>{tr(`ui.status.${r.status}`)}</span>
        <strong>{row.name}</strong>
        <code class="rule-id">{row.key}</code>
        {r.view && <span class="view">{tr(`ui.view.${r.view}`)}</span>}
      </div>
      <dl class="figures">
        <dt>{tr('ui.value')}</dt>
        <dd>
          {row.value} {row.measure}
        </dd>
        <dt>{tr('ui.threshold')}</dt>
        <dd>
          {row.threshold} {row.measure}
        </dd>
        <dt>{tr('ui.shortfall')}</dt>
        <dd>{row.shortfall}</dd>
      </dl>
      {row.note && <p class="reason">{row.note}</p>}
      <blockquote class="citation">
        <p class="cite-text" lang="zh-CN">
          {r.citation.text}
        </p>
        <footer>
          {r.citation.document} · {tr('ui.clause')} {r.citation.clause}
        </footer>
        {r.citation.note && <p class="cite-note">{row.reading}</p>}
      </blockquote>
    </li>
  );
}

export function DetailPanel() {
  const { state, actions } = useApp();
  const tr = useT();
  const sel = state.selection.value;
  const analysis = state.analysis.value;
  if (!sel) return null;
  const results = analysis ? resultsForUnit(analysis.evaluation.results, sel.level, sel.id) : [];
  const name = state.nameOf.value(sel.level, sel.id) ?? sel.id;
  // schema issues (from loading) and engine issues (from evaluating) may name the same problem once each
  const seen = new Set<string>();
  const issues = [...(state.project.value?.issues ?? []), ...(analysis?.evaluation.issues ?? [])].filter((i) => {
    const k = `${i.msg.key}|${i.field ?? ''}`;
    if (i.level !== sel.level || i.id !== sel.id || seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  const verdict = worst(results.filter((r) => r.view !== 'catchment').map((r) => r.status));
  return (
    <aside class="detail" data-testid="detail" data-level={sel.level} data-id={sel.id} aria-labelledby="detail-h">
      <div class="detail-head">
        <div>
          <div class="level">{tr(`ui.level.${sel.level}`)}</div>
          <h2 id="detail-h">{name}</h2>
          <div class="unit-id">
            {sel.id} · <span class={`badge ${verdict}`}>{tr(`ui.status.${verdict}`)}</span>
          </div>
        </div>
        <button type="button" class="close" aria-label={tr('ui.close')} onClick={() => actions.select(null)}>
          ×
        </button>
      </div>
      <UnitEditor sel={sel} />
      {issues.length > 0 && (
        <ul class="issues">
          {issues.map((i, n) => (
            <li key={n} class={i.severity}>
              {reasonText(i.msg, state.lang.value)}
            </li>
          ))}
        </ul>
      )}
      {results.length === 0 ? (
        <p class="empty">{tr('ui.detail.none')}</p>
      ) : (
        <ul class="results">
          {results.map((r, n) => (
            <ResultItem key={`${r.rule}-${r.view ?? ''}-${n}`} r={r} />
          ))}
        </ul>
      )}
    </aside>
  );
}
