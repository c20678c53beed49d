// Results per level (area, street, community, facility): sortable, filterable, a row click
// zooms the map to the unit and opens its panel. Every row is reachable by scrolling, but only
// those in view are drawn (rowWindow): a profile change on a 20 000-community city re-laid out
// 500 drawn rows (≈ 5 500 boxes, ≈ 50 ms of the page's thread) for a pane showing a dozen.
import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Level } from '../core/model';
import { drawnRows, rowWindow, scrollToRow, type SortKey, type TableRow } from '../state/table';
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
 *  standing for those above and below; the row holding the keyboard focus stays drawn wherever it
 *  is, and ↑/↓/Home/End move the focus from row to row. */
function Rows({ rows, ruleChosen, children }: { rows: TableRow[]; ruleChosen: boolean; children: ComponentChildren }) {
  const { state } = useApp();
  const sel = state.selection.value;
  const scroller = useRef<HTMLDivElement>(null);
  const body = useRef<HTMLTableSectionElement>(null);
  const view = useScrolled(scroller);
  const [rowPx, setRowPx] = useState(ROW_PX);
  const focus = useRowFocus(body, rows);
  // the rows' real height (fonts, page zoom), so the empty rows stand for the right length
  useLayoutEffect(() => {
    const h = body.current?.querySelector('tr[data-id]')?.getBoundingClientRect().height;
    if (h && Math.abs(h - rowPx) > 0.01) setRowPx(h);
  });
  // a unit chosen elsewhere (the map, the search box) is brought into view when it has a row here
  useEffect(() => {
    const el = scroller.current;
    const at = sel ? rows.findIndex((r) => r.level === sel.level && r.id === sel.id) : -1;
    if (!el || at < 0) return;
    const head = el.querySelector('thead')?.getBoundingClientRect().height ?? 0;
    const top = scrollToRow(at, rowPx, head, el.scrollTop, el.clientHeight);
    if (top !== null) el.scrollTop = top;
  }, [sel]);
  const { first, end } = rowWindow(rows.length, view.top, view.height, rowPx);
  // the rows not drawn: an empty row for each run of them, no row to screen readers (aria-rowcount
  // says how many rows there are, each drawn row its place)
  const gap = (n: number, k: number) => (
    // biome-ignore lint/a11y/noAriaHiddenOnFocusable: a spacer row with no tabIndex (Biome takes every tr for focusable)
    <tr key={`gap${k}`} class="gap" aria-hidden="true" style={{ height: `${n * rowPx}px` }}>
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
        <tbody ref={body} onKeyDown={focus.onKeyDown} onFocusIn={focus.onFocusIn} onFocusOut={focus.onFocusOut}>
          {drawnRows(rows.length, first, end, focus.index).map((d, k) =>
            'gap' in d ? (
              gap(d.gap, k)
            ) : (
              <Row key={rows[d.row].id} r={rows[d.row]} index={d.row} ruleChosen={ruleChosen} chosen={sel?.level === rows[d.row].level && sel.id === rows[d.row].id} />
            ),
          )}
        </tbody>
      </table>
    </div>
  );
}

/** The pane's scroll position and height, read once a frame while it scrolls or resizes */
function useScrolled(scroller: { current: HTMLDivElement | null }): { top: number; height: number } {
  const [view, setView] = useState({ top: 0, height: 0 });
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
  return view;
}

const STEP: Record<string, (at: number, n: number) => number> = {
  ArrowDown: (at, n) => Math.min(n - 1, at + 1),
  ArrowUp: (at) => Math.max(0, at - 1),
  Home: () => 0,
  End: (_, n) => n - 1,
};

/** Which row holds the keyboard focus (by id: a re-sort moves it, the focus follows), and the keys
 *  that move it; a row moved to is drawn, then focused (the browser scrolls it into view). */
function useRowFocus(body: { current: HTMLTableSectionElement | null }, rows: TableRow[]) {
  const [id, setId] = useState<string | null>(null);
  const move = useRef(false);
  const index = id === null ? -1 : rows.findIndex((r) => r.id === id);
  useLayoutEffect(() => {
    if (!move.current || id === null) return;
    move.current = false;
    body.current?.querySelector<HTMLElement>(`tr[data-id="${CSS.escape(id)}"]`)?.focus();
  });
  const rowOf = (el: EventTarget | null): string | null => (el instanceof HTMLElement ? (el.closest('tr[data-id]')?.getAttribute('data-id') ?? null) : null);
  return {
    index,
    onFocusIn: (e: FocusEvent) => setId(rowOf(e.target)),
    onFocusOut: (e: FocusEvent) => {
      if (!body.current?.contains(e.relatedTarget as Node | null)) setId(null);
    },
    onKeyDown: (e: KeyboardEvent) => {
      const step = STEP[e.key];
      if (!step || index < 0 || rows.length === 0) return;
      e.preventDefault();
      move.current = true;
      setId(rows[step(index, rows.length)].id);
    },
  };
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
