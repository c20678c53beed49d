// Counts per rule for the chosen profile; picking a rule colours the map and filters the table by it.
import { useApp, useT } from './context';
import { ruleName } from './format';

export function SummaryPanel() {
  const { state, actions } = useApp();
  const tr = useT();
  const lang = state.lang.value;
  const counts = state.counts.value;
  const chosen = state.rule.value;
  const overall = state.overallCommunities.value;
  return (
    <section class="panel" aria-labelledby="summary-h">
      <h2 id="summary-h">{tr('ui.summary')}</h2>
      <table class="summary" data-testid="summary">
        <thead>
          <tr>
            <th>{tr('ui.rule')}</th>
            <th class="num fail">{tr('ui.status.fail')}</th>
            <th class="num pass">{tr('ui.status.pass')}</th>
            <th class="num" title={tr('ui.status.na')}>
              {tr('ui.col.na')}
            </th>
          </tr>
        </thead>
        <tbody>
          <tr class={chosen === null ? 'chosen' : ''} onClick={() => actions.selectRule(null)}>
            <td>
              <button type="button" class="link" aria-pressed={chosen === null}>
                {tr('ui.rule.overall')}
              </button>
            </td>
            <td class="num" data-testid="overall-fail">
              {overall.fail}
            </td>
            <td class="num" data-testid="overall-pass">
              {overall.pass}
            </td>
            <td class="num">{overall.na}</td>
          </tr>
          {counts.map((c) => (
            <tr key={c.rule} data-rule={c.rule} class={chosen === c.rule ? 'chosen' : ''} onClick={() => actions.selectRule(c.rule)}>
              <td>
                <button type="button" class="link" aria-pressed={chosen === c.rule} title={c.rule}>
                  {ruleName(state.profiles.value, c.rule, lang)}
                </button>
              </td>
              <td class="num">{c.fail}</td>
              <td class="num">{c.pass}</td>
              <td class="num">{c.na}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="note" data-testid="summary-note">
        {tr('ui.summary.overallNote', { n: state.layers.value?.communities.length ?? 0 })}
      </p>
    </section>
  );
}
