// The cost of what B builds over A: each new bed and place with its rate and the subsidy clause
// quoted (document, clause, words), what could not be priced and why, the yearly operating
// subsidy at full occupancy, and the profile's yearly budget lines to set it against.
import type { Msg } from '../../core/model';
import type { ScenarioCost } from '../../core/scenario/cost';
import { tm } from '../../i18n';
import { useApp, useT } from '../context';
import { kpiValue } from './kpi-format';

export function CostPanel({ cost, notes }: { cost: ScenarioCost; notes: Msg[] }) {
  const { state } = useApp();
  const tr = useT();
  const lang = state.lang.value;
  const money = (v: number) => kpiValue(v, 'cny', lang);
  return (
    <section class="cost" data-testid="cost-panel" data-total={cost.total}>
      <h3>{tr('present.cost.title')}</h3>
      {cost.lines.length === 0 && cost.unpriced.length === 0 ? (
        <p class="note">{tr('present.cost.nothing')}</p>
      ) : (
        <table class="cost-lines">
          <thead>
            <tr>
              <th>{tr('present.cost.facility')}</th>
              <th>{tr('present.cost.what')}</th>
              <th>{tr('present.cost.rate')}</th>
              <th>{tr('present.cost.amount')}</th>
            </tr>
          </thead>
          <tbody>
            {cost.lines.map((l, i) => (
              <tr key={i} data-facility={l.facilityId ?? ''} data-amount={l.amount}>
                <td>{l.facilityName ?? l.facilityId ?? '—'}</td>
                <td>
                  {tr(`present.cost.${l.kind}`, { count: l.count, mode: tr(`present.cost.mode.${l.mode}`), setting: tr(l.rural ? 'present.cost.rural' : 'present.cost.urban') })}
                  <blockquote class="citation">
                    {l.citation.document} {tr('present.clause', { clause: l.citation.clause })}：「{l.citation.text}」
                  </blockquote>
                </td>
                <td>{money(l.rate)}</td>
                <td>{money(l.amount)}</td>
              </tr>
            ))}
            {cost.unpriced.map((u, i) => (
              <tr key={`u${i}`} class="unpriced">
                <td>{u.item.facilityName ?? u.item.facilityId ?? '—'}</td>
                <td colSpan={3}>{tm(lang, u.reason)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th colSpan={3}>{tr('present.cost.total', { beds: cost.beds.count, places: cost.places.count })}</th>
              <th data-testid="cost-total">{money(cost.total)}</th>
            </tr>
          </tfoot>
        </table>
      )}
      {cost.operatingPerYearAtFull !== null && cost.operatingPerYearAtFull > 0 && (
        <p>
          {tr('present.cost.operating', { amount: money(cost.operatingPerYearAtFull) })}
          {cost.operatingCitation && (
            <blockquote class="citation">
              {cost.operatingCitation.document} {tr('present.clause', { clause: cost.operatingCitation.clause })}：「{cost.operatingCitation.text}」
            </blockquote>
          )}
        </p>
      )}
      {cost.pricedBy !== state.profile.value && <p class="note">{tr('present.cost.pricedBy', { profile: cost.pricedBy })}</p>}
      {cost.budget.length > 0 && (
        <>
          <h4>{tr('present.cost.budget')}</h4>
          <ul class="budget">
            {cost.budget.map((b) => (
              <li key={b.rule + b.scope}>
                {tr(`present.cost.scope.${b.scope}`)}: {money(b.perYear)} {tr('present.cost.perYear')}
                <blockquote class="citation">
                  {b.citation.document} {tr('present.clause', { clause: b.citation.clause })}：「{b.citation.text}」
                </blockquote>
              </li>
            ))}
          </ul>
        </>
      )}
      {notes.length > 0 && (
        <ul class="cost-notes note">
          {notes.map((n, i) => (
            <li key={i}>{tm(lang, n)}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
