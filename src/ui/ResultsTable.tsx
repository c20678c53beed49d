// Results per level (area, street, community, facility): sortable, filterable, a row click
// zooms the map to the unit and opens its panel. Every row is reachable by scrolling, but only
// those in view are drawn (rowWindow): a profile change on a 20 000-community city re-laid out
// 500 drawn rows (≈ 5 500 boxes, ≈ 50 ms of the page's thread) for a pane showing a dozen.
import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Level } from '../core/model';
import { rowWindow, type SortKey, type TableRow } from '../state/table';
import { useApp, useT } from './context';
import { formatNumber, shortfallAs } from '../i18n/report-rows';
import { t } from '../i18n';
import { ruleName } from './format';

const LEVELS: Level[] = ['area', 'street', 'community', 'facility'];
/** a row's height before one is measured (app.css gives the rows one height: one line, no wrap) */
const ROW_PX = 30;

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
      <Rows rows={rows} ruleChosen={ruleChosen}>
        <thead>
          <tr>
            {header('name', tr('ui.col.name'))}
            {header('verdict', tr('ui.col.verdict'))}
            {ruleChosen ? header('value', tr('ui.value'), true) : header('fails', tr('ui.col.fails'), true)}
            {ruleChosen && header('threshold', tr('ui.threshold'), true)}
            {ruleChosen && header('shortfall', tr('ui.shortfall'), true)}
          </tr>
        </thead>
      </Rows>
    </section>
  );
}

/** The scrolled table: its header (`children`) and the rows in view, between two empty rows
 *  standing for those above and below. */
function Rows({ rows, ruleChosen, children }: { rows: TableRow[]; ruleChosen: boolean; children: ComponentChildren }) {
  const { state } = useApp();
  const sel = state.selection.value;
  const scroller = useRef<HTMLDivElement>(null);
  const body = useRef<HTMLTableSectionElement>(null);
  const [view, setView] = useState({ top: 0, height: 0 });
  const [rowPx, setRowPx] = useState(ROW_PX);
  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    let frame = 0;
    const read = () => {
      frame = 0;
      setView({ top: el.scrollTop, height: el.clientHeight });
    };
    const soon = () => {
      if (frame === 0) frame = requestAnimationFrame(read);
    };
    read();
    el.addEventListener('scroll', soon, { passive: true });
    const resized = new ResizeObserver(soon);
    resized.observe(el);
    return () => {
      el.removeEventListener('scroll', soon);
      resized.disconnect();
      cancelAnimationFrame(frame);
    };
  }, []);
  // the rows' real height (fonts, page zoom), so the empty rows stand for the right length
  useLayoutEffect(() => {
    const h = body.current?.querySelector('tr[data-id]')?.getBoundingClientRect().height;
    if (h && Math.abs(h - rowPx) > 0.01) setRowPx(h);
  });
  const { first, end } = rowWindow(rows.length, view.top, view.height, rowPx);
  // the rows not drawn: one empty row each side, no row to screen readers (aria-rowcount says how
  // many rows there are, each drawn row its place)
  const gap = (n: number) => (
    // biome-ignore lint/a11y/noAriaHiddenOnFocusable: a spacer row with no tabIndex (Biome takes every tr for focusable)
    <tr class="gap" aria-hidden="true" style={{ height: `${n * rowPx}px` }}>
      <td colSpan={ruleChosen ? 5 : 3} />
    </tr>
  );
  return (
    <div class="table-scroll" ref={scroller}>
      <table class="results-table" data-testid="results-table" data-first={first} data-end={end} aria-rowcount={rows.length + 1}>
        {/* fixed widths: the columns don't shift as other rows scroll in; a cell too long is cut
            with an ellipsis, its whole text in its title */}
        <colgroup>
          {(ruleChosen ? ['32%', '12%', '20%', '18%', '18%'] : ['58%', '18%', '24%']).map((w, k) => (
            <col key={k} style={{ width: w }} />
          ))}
        </colgroup>
        {children}
        <tbody ref={body}>
          {first > 0 && gap(first)}
          {rows.slice(first, end).map((r, k) => (
            <Row key={r.id} r={r} index={first + k} ruleChosen={ruleChosen} chosen={sel?.level === r.level && sel.id === r.id} />
          ))}
          {end < rows.length && gap(rows.length - end)}
        </tbody>
      </table>
    </div>
  );
}

/** `index`: the row's place among all rows (0-based; the header is row 1 for screen readers) */
function Row({ r, index, ruleChosen, chosen }: { r: TableRow; index: number; ruleChosen: boolean; chosen: boolean }) {
  const { state, actions } = useApp();
  const tr = useT();
  const lang = state.lang.value;
  // a cell cut by its column's width (an ellipsis) says all of it on hover
  const value = `${formatNumber(r.value, r.measure, lang)} ${measureText(r.measure, lang)}`;
  const threshold = `${formatNumber(r.threshold, r.measure, lang)} ${measureText(r.measure, lang)}`;
  const shortfall = shortfallAs(r.shortfall, r.shortfallUnit, lang);
  return (
    <tr
      data-id={r.id}
      aria-rowindex={index + 2}
      class={chosen ? 'chosen' : ''}
      tabIndex={0}
      onClick={() => actions.focusOn({ level: r.level, id: r.id })}
      onKeyDown={(e) => e.key === 'Enter' && actions.focusOn({ level: r.level, id: r.id })}
    >
      <td title={`${r.name} ${r.id}`}>
        {r.name} <span class="unit-id">{r.id}</span>
      </td>
      <td>
        <span class={`badge ${r.verdict}`}>{tr(`ui.status.${r.verdict}`)}</span>
      </td>
      {ruleChosen ? (
        <td class="num" title={value}>
          {value}
        </td>
      ) : (
        <td class="num">
          {r.fails} / {r.fails + r.passes + r.nas}
        </td>
      )}
      {ruleChosen && (
        <td class="num" title={threshold}>
          {threshold}
        </td>
      )}
      {ruleChosen && (
        <td class="num" data-col="shortfall" title={shortfall}>
          {shortfall}
        </td>
      )}
    </tr>
  );
}
