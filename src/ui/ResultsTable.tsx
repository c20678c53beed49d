// Results per level (area, street, community, facility): sortable, filterable, a row click
// zooms the map to the unit and opens its panel.
import type { Level } from '../core/model';
import type { SortKey } from '../state/table';
import { useApp, useT } from './context';
import { formatNumber, shortfallAs } from '../i18n/report-rows';
import { t } from '../i18n';
import { ruleName } from './format';

const LEVELS: Level[] = ['area', 'street', 'community', 'facility'];
/** Rows drawn at once; the rest are reachable by filtering (keeps big cities responsive). */
const MAX_ROWS = 500;

/** Shares print as % already; counts need no unit. */
function measureText(measure: string, lang: 'zh' | 'en'): string {
  return measure === '' || measure === 'share' || measure === 'share_of_elderly' || measure === 'count' ? '' : t(lang, `measure.${measure}`);
}

export function ResultsTable() {
  const { state, actions } = useApp();
  const tr = useT();
  const lang = state.lang.value;
  const q = state.query.value;
  const rows = state.rows.value;
  const ruleChosen = q.rule !== null;
  const sel = state.selection.value;

  const header = (key: SortKey, label: string, num = false) => {
    const active = q.sort.key === key;
    const dir = active && q.sort.dir === 'asc' ? 'desc' : 'asc';
    return (
      <th class={num ? 'num' : ''} aria-sort={active ? (q.sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
        <button type="button" class="sort" data-sort={key} onClick={() => actions.setQuery({ sort: { key, dir } })}>
          {label}
          {active ? (q.sort.dir === 'asc' ? ' ▲' : ' ▼') : ''}
        </button>
      </th>
    );
  };

  return (
    <section class="table-pane" aria-labelledby="table-h">
      <div class="table-tools">
        <h2 id="table-h">{tr('ui.table')}</h2>
        <div role="tablist" class="tabs">
          {LEVELS.map((l) => (
            <button key={l} type="button" role="tab" data-level={l} aria-selected={q.level === l} onClick={() => actions.setQuery({ level: l })}>
              {tr(`ui.level.${l}`)}
            </button>
          ))}
        </div>
        <label>
          <input type="checkbox" data-testid="failing-only" checked={q.failingOnly} onChange={(e) => actions.setQuery({ failingOnly: e.currentTarget.checked })} />
          {tr('ui.failingOnly')}
        </label>
        <label>
          {tr('ui.rule')}{' '}
          <select data-testid="rule-filter" value={q.rule ?? ''} onChange={(e) => actions.selectRule(e.currentTarget.value || null)}>
            <option value="">{tr('ui.rule.overall')}</option>
            {state.counts.value.map((c) => (
              <option key={c.rule} value={c.rule}>
                {ruleName(state.profiles.value, c.rule, lang)}
              </option>
            ))}
          </select>
        </label>
        <input type="search" data-testid="table-search" placeholder={tr('ui.search')} value={q.text} onInput={(e) => actions.setQuery({ text: e.currentTarget.value })} />
        <span class="count" data-testid="table-count" data-n={rows.length}>
          {tr('ui.rows', { n: rows.length })}
        </span>
      </div>
      <div class="table-scroll">
        <table class="results-table" data-testid="results-table">
          <thead>
            <tr>
              {header('name', tr('ui.col.name'))}
              {header('verdict', tr('ui.col.verdict'))}
              {ruleChosen ? header('value', tr('ui.value'), true) : header('fails', tr('ui.col.fails'), true)}
              {ruleChosen && header('threshold', tr('ui.threshold'), true)}
              {ruleChosen && header('shortfall', tr('ui.shortfall'), true)}
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, MAX_ROWS).map((r) => (
              <tr
                key={r.id}
                data-id={r.id}
                class={sel?.level === r.level && sel.id === r.id ? 'chosen' : ''}
                tabIndex={0}
                onClick={() => actions.focusOn({ level: r.level, id: r.id })}
                onKeyDown={(e) => e.key === 'Enter' && actions.focusOn({ level: r.level, id: r.id })}
              >
                <td>
                  {r.name} <span class="unit-id">{r.id}</span>
                </td>
                <td>
                  <span class={`badge ${r.verdict}`}>{tr(`ui.status.${r.verdict}`)}</span>
                </td>
                {ruleChosen ? (
                  <td class="num">
                    {formatNumber(r.value, r.measure, lang)} {measureText(r.measure, lang)}
                  </td>
                ) : (
                  <td class="num">
                    {r.fails} / {r.fails + r.passes + r.nas}
                  </td>
                )}
                {ruleChosen && (
                  <td class="num">
                    {formatNumber(r.threshold, r.measure, lang)} {measureText(r.measure, lang)}
                  </td>
                )}
                {ruleChosen && (
                  <td class="num" data-col="shortfall">
                    {shortfallAs(r.shortfall, r.shortfallUnit, lang)}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
        {rows.length > MAX_ROWS && <p class="note">{tr('ui.rows.more', { n: rows.length - MAX_ROWS })}</p>}
      </div>
    </section>
  );
}
