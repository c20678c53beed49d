// The verdicts of a site check, one table per profile: requirement, what the plan provides against
// what is required, verdict, shortfall — and in the full (report) form the citation: document,
// clause and the original words. Shared by the panel (compact) and the report page.
import '../../i18n/site'; // its strings: loaded with this code, not with the page
import type { RuleResult } from '../../core/model';
import { ruleFor } from '../../core/report';
import { formatNumber, formatValue, reasonText, shortfallText } from '../../i18n/report-rows';
import type { Requirement, SiteCheck } from '../../core/site';
import { useApp, useT } from '../context';
import { plannedAmount } from './figures-text';
import { SideBySide } from './SideBySide';

function Row({ r, q, full }: { r: RuleResult; q?: Requirement; full: boolean }) {
  const { state } = useApp();
  const tr = useT();
  const lang = state.lang.value;
  const key = r.part ? `${r.rule}:${r.part}` : r.rule;
  const name = q?.name[lang] ?? ruleFor(r)?.name[lang] ?? key;
  const measure = tr(`measure.${r.measure}`);
  return (
    <tr data-rule={key} data-status={r.status}>
      <td>
        {/* the rule's code is for the people who maintain the rules: on hover, not on the page */}
        <span class="site-rule-name" title={key}>
          {name}
        </span>
        {q?.asOwnUnit && <span class="note">{tr('site.ui.asOwnUnit')}</span>}
      </td>
      <td>
        {formatValue(r, lang)} / {formatNumber(r.threshold, r.measure, lang)} {measure}
        {q && <div class="note">{plannedAmount(q, r.status, lang)}</div>}
        {/* a circle reached only through the project's own planned facility says so, in both forms */}
        {r.reason?.key.startsWith('site.reason.ownPlanned') && (
          <div class="note" data-testid="site-own-planned">
            {reasonText(r.reason, lang)}
          </div>
        )}
      </td>
      <td class={`verdict ${r.status}`} data-testid="site-verdict">
        {tr(`status.${r.status}`)}
      </td>
      <td>{shortfallText(r, lang)}</td>
      {full && (
        <td class="site-citation" data-testid="site-citation">
          <span class="doc">{r.citation.document}</span> <span class="clause">{r.citation.clause}</span>
          <q>{r.citation.text}</q>
          {r.reason && !r.reason.key.startsWith('site.reason.ownPlanned') && <div class="note">{reasonText(r.reason, lang)}</div>}
        </td>
      )}
    </tr>
  );
}

export function VerdictTable({ check, compact = false }: { check: SiteCheck; compact?: boolean }) {
  const { state } = useApp();
  const tr = useT();
  const lang = state.lang.value;
  return (
    <div class={`site-verdicts ${check.profiles.length > 1 ? 'side-by-side' : ''}`} data-testid="site-verdicts">
      {check.profiles.length > 1 && <SideBySide check={check} />}
      {check.profiles.map((p) => (
        <section key={p.profile} class="site-profile" data-profile={p.profile}>
          <h3>
            {p.name[lang]} <span class="note">{tr('site.ui.counts', p.counts)}</span>
          </h3>
          {p.requirements.length + p.circle.length === 0 ? (
            <p class="note">{tr('site.ui.noRules')}</p>
          ) : (
            <table class="site-table">
              <thead>
                <tr>
                  <th>{tr('site.col.rule')}</th>
                  <th>{tr('site.ui.valueThreshold')}</th>
                  <th>{tr('site.col.status')}</th>
                  <th>{tr('site.col.shortfall')}</th>
                  {!compact && <th>{tr('site.ui.citation')}</th>}
                </tr>
              </thead>
              <tbody>
                {p.requirements.map((q) => (
                  <Row key={`${q.result.rule}:${q.result.part ?? ''}`} r={q.result} q={q} full={!compact} />
                ))}
                {p.circle.map((r) => (
                  <Row key={`c:${r.rule}:${r.part ?? ''}`} r={r} full={!compact} />
                ))}
              </tbody>
            </table>
          )}
        </section>
      ))}
    </div>
  );
}
