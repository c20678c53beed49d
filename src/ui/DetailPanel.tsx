// The clicked unit: every applicable rule with value, threshold, shortfall, status and the
// citation (document, clause, the original words). All names and texts render as text nodes.
import type { Community, RuleResult } from '../core/model';
import { reasonText, resultRow } from '../i18n/report-rows';
import { resultsForUnit, ruleKeyOf, worst } from '../core/report/verdicts';
import { CommunityFigures } from './CommunityFigures';
import { NextSteps } from './NextSteps';
import { useApp, useT } from './context';
import { UnitEditor } from './scenario/UnitEditor';

function ResultItem({ r, chosen }: { r: RuleResult; chosen: boolean }) {
  const { state } = useApp();
  const tr = useT();
  // the same display strings as the command-line report (numbers, units, shortfall unit, reason)
  const row = resultRow(r, state.lang.value);
  return (
    <li
      class={`result status-${r.status}${chosen ? ' chosen-rule' : ''}`}
      data-rule={r.rule}
      data-status={r.status}
      data-view={r.view ?? 'onsite'}
      data-chosen={chosen ? 'true' : undefined}
    >
      <div class="result-head">
        <span class={`badge ${r.status}`}>{tr(`ui.status.${r.status}`)}</span>
        <strong>{row.name}</strong>
        {chosen && <span class="chosen-tag">{tr('ui.detail.chosen')}</span>}
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
      </blockquote>
      <details class="how">
        <summary>{tr('ui.detail.how')}</summary>
        {r.citation.note && <p class="cite-note">{row.reading}</p>}
        {r.view && <p class="note">{tr(`ui.detail.how.${r.view}`)}</p>}
        <p class="note">
          {tr('ui.detail.ruleCode')} <code class="rule-id">{row.key}</code>
        </p>
      </details>
    </li>
  );
}

export function DetailPanel() {
  const { state, actions } = useApp();
  const tr = useT();
  const sel = state.selection.value;
  const analysis = state.shown.value;
  if (!sel) return null;
  const results = analysis ? resultsForUnit(state.results.value, sel.level, sel.id) : [];
  const name = state.nameOf.value(sel.level, sel.id) ?? sel.id;
  // schema issues (from loading) and engine issues (from evaluating) may name the same problem once each
  const seen = new Set<string>();
  void state.issuesChecked.value; // the project's list completed in place
  const issues = [...(state.project.value?.issues ?? []), ...(analysis?.evaluation.issues ?? [])].filter((i) => {
    const k = `${i.msg.key}|${i.field ?? ''}`;
    if (i.level !== sel.level || i.id !== sel.id || seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  const verdict = worst(results.filter((r) => r.view !== 'catchment').map((r) => r.status));
  // the rule the map is coloured by comes first: it is what the user clicked to see
  const chosenRule = state.rule.value;
  const isChosen = (r: RuleResult) => chosenRule !== null && (ruleKeyOf(r) === chosenRule || r.rule === chosenRule);
  const ordered = chosenRule ? [...results.filter(isChosen), ...results.filter((r) => !isChosen(r))] : results;
  const community = sel.level === 'community' ? (state.layers.value?.communities.find((c) => c.id === sel.id) as Community | undefined) : undefined;
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
      {community && <CommunityFigures c={community} />}
      {community && <NextSteps c={community} results={results} />}
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
          {ordered.map((r, n) => (
            <ResultItem key={`${r.rule}-${r.view ?? ''}-${n}`} r={r} chosen={isChosen(r)} />
          ))}
        </ul>
      )}
    </aside>
  );
}
