// The target ledger (台账) over the page: every target of the profile's document with its 责任单位,
// progress and status for the evaluated year; a filter by department; values entered per target
// (who and when kept with the project); print on A4 landscape; the same table as XLSX.
import '../../i18n/ledger'; // its strings: loaded with this code, not with the page
import { useEffect, useState } from 'preact/hooks';
import type { LedgerRow } from '../../core/ledger/status';
import { ledgerCells, type LedgerColumn } from '../../core/ledger/table';
import { useApp, useT } from '../context';
import { download, safeFileName } from '../export/download';
import { useLedger } from './use-ledger';
import './ledger.css';

/** columns on screen and on paper (the XLSX has all of LEDGER_COLUMNS) */
const SHOWN: readonly LedgerColumn[] = ['category', 'element', 'target', 'due', 'responsible', 'progress', 'status', 'note'];

function EntryForm({ row, onDone }: { row: LedgerRow; onDone: () => void }) {
  const tr = useT();
  const ledger = useLedger();
  const tg = row.target;
  const pct = tg.unit === '%';
  const [value, setValue] = useState(row.source === 'entered' && row.value !== null ? String(pct ? Math.round(row.value * 1000) / 10 : row.value) : '');
  const [done, setDone] = useState(row.entry?.done === true ? 'yes' : 'no');
  const [by, setBy] = useState(row.entry?.by ?? '');
  const [note, setNote] = useState(row.entry?.note ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const save = (e: Event) => {
    e.preventDefault();
    if (!by.trim()) return setProblem(tr('ledger.needBy'));
    const base = { target: tg.id, by: by.trim(), ...(note.trim() ? { note: note.trim() } : {}) };
    if (tg.comparison === 'done') ledger.enter({ ...base, done: done === 'yes' });
    else {
      const n = Number(value.replace(/[,，\s]/g, ''));
      if (value.trim() === '' || !Number.isFinite(n) || (pct && (n < 0 || n > 1000))) return setProblem(tr('ledger.badValue'));
      ledger.enter({ ...base, value: pct ? n / 100 : n });
    }
    onDone();
  };
  return (
    <form class="ledger-form" data-testid="ledger-form" onSubmit={save}>
      {tg.comparison === 'done' ? (
        <label>
          <span>{tr('ledger.col.progress')}</span>
          <select data-testid="ledger-done" value={done} onChange={(e) => setDone(e.currentTarget.value)}>
            <option value="no">{tr('ledger.underway')}</option>
            <option value="yes">{tr('ledger.done')}</option>
          </select>
        </label>
      ) : (
        <label>
          <span>
            {tr('ledger.value')}（{tg.unit}）
          </span>
          <input data-testid="ledger-value" inputMode="decimal" value={value} onInput={(e) => setValue(e.currentTarget.value)} />
        </label>
      )}
      <label>
        <span>{tr('ledger.by')}</span>
        <input data-testid="ledger-by" value={by} maxLength={60} onInput={(e) => setBy(e.currentTarget.value)} />
      </label>
      <label class="wide">
        <span>{tr('ledger.noteField')}</span>
        <input data-testid="ledger-note" value={note} maxLength={200} onInput={(e) => setNote(e.currentTarget.value)} />
      </label>
      <button type="submit" data-testid="ledger-save">
        {tr('ledger.save')}
      </button>
      <button type="button" onClick={onDone}>
        {tr('ledger.cancel')}
      </button>
      {problem && (
        <p class="warn" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}

export function LedgerPanel() {
  const { state, ledger: ledgerUi, clock } = useApp();
  const tr = useT();
  const ledger = useLedger();
  const lang = state.lang.value;
  const open = ledgerUi.open.value;
  const [editing, setEditing] = useState<string | null>(null);
  useEffect(() => {
    if (!open) return;
    document.body.classList.add('ledger-open');
    return () => document.body.classList.remove('ledger-open');
  }, [open]);
  const year = state.params.value.year;
  useEffect(() => {
    if (open) void ledger.refresh();
  }, [open, year]);
  if (!open) return null;
  const rows = ledger.shown.value;
  const documents = [...new Set(ledger.rows.value.map((r) => r.document))];
  const counts = { reached: 0, onTrack: 0, behind: 0, notDue: 0, noData: 0 };
  for (const r of rows) counts[r.status]++;
  const exportXlsx = async () => {
    const bytes = await ledger.xlsx(lang);
    download(
      `${safeFileName(`${tr('ledger.title')}-${state.project.value?.area.name ?? ''}-${year}`)}.xlsx`,
      new Uint8Array(bytes),
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
  };
  const dept = ledger.dept.value;
  return (
    <div class="ledger" role="dialog" aria-modal="true" aria-labelledby="ledger-h" data-testid="ledger" data-year={year}>
      <div class="ledger-bar no-print">
        <label>
          <span>{tr('ledger.dept')}</span>
          <select data-testid="ledger-dept" value={dept} onChange={(e) => (ledger.dept.value = e.currentTarget.value)}>
            <option value="">{tr('ledger.dept.all')}</option>
            {ledger.departments.value.map((d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
          </select>
        </label>
        <button type="button" data-testid="ledger-print" onClick={() => window.print()}>
          {tr('ledger.print')}
        </button>
        <button type="button" data-testid="ledger-xlsx" onClick={() => void exportXlsx()}>
          {tr('ledger.xlsx')}
        </button>
        <button type="button" class="close" data-testid="ledger-close" onClick={() => (ledgerUi.open.value = false)}>
          {tr('ledger.close')}
        </button>
      </div>
      <div class="ledger-sheet">
        <h2 id="ledger-h">
          {tr('ledger.title')} · {state.project.value?.area.name}
        </h2>
        <p class="ledger-meta">
          {documents.join('；')} · {tr('ledger.year', { year })}
          {dept ? ` · ${dept}` : ''} · {tr('ledger.count', { count: rows.length })}
        </p>
        <p class="ledger-source no-print" data-testid="ledger-source" data-shared={ledger.shared.value ? 'yes' : 'no'}>
          {tr(ledger.shared.value ? 'ledger.sourceShared' : 'ledger.sourceLocal')}
        </p>
        <p class="ledger-counts" data-testid="ledger-counts">
          {(['reached', 'onTrack', 'behind', 'notDue', 'noData'] as const).map((st) => (
            <span key={st} class={`ledger-status st-${st}`}>
              {tr(`ledger.status.${st}`)} {counts[st]}
            </span>
          ))}
        </p>
        <table class="ledger-table" data-testid="ledger-table">
          <thead>
            <tr>
              {SHOWN.map((c) => (
                <th key={c} scope="col">
                  {tr(`ledger.col.${c}`)}
                </th>
              ))}
              <th class="no-print" scope="col">
                {tr('ledger.enter')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const cells = ledgerCells(r, tr);
              return [
                <tr key={r.target.id} data-testid="ledger-row" data-id={r.target.id} data-status={r.status} data-source={r.source}>
                  {SHOWN.map((c) =>
                    c === 'status' ? (
                      <td key={c}>
                        <span class={`ledger-status st-${r.status}`}>{cells.status}</span>
                      </td>
                    ) : c === 'target' ? (
                      <td key={c}>
                        {cells.target}
                        <details class="ledger-quote">
                          <summary>
                            {tr('ledger.col.clause')} {cells.clause}
                          </summary>
                          「{cells.quote}」
                        </details>
                      </td>
                    ) : (
                      <td key={c} data-col={c}>
                        {cells[c]}
                        {c === 'progress' && r.source === 'entered' && r.entry && (
                          <span class="ledger-by">
                            {r.entry.by} · {r.entry.at.slice(0, 10)}
                          </span>
                        )}
                      </td>
                    ),
                  )}
                  <td class="no-print">
                    {r.source !== 'computed' && (
                      <button type="button" data-testid="ledger-enter" onClick={() => setEditing(editing === r.target.id ? null : r.target.id)}>
                        {tr('ledger.enter')}
                      </button>
                    )}
                  </td>
                </tr>,
                editing === r.target.id && (
                  <tr key={`${r.target.id}-form`} class="no-print">
                    <td colSpan={SHOWN.length + 1}>
                      <EntryForm row={r} onDone={() => setEditing(null)} />
                    </td>
                  </tr>
                ),
              ];
            })}
          </tbody>
        </table>
        <details class="ledger-how">
          <summary>{tr('ledger.how')}</summary>
          <p>{tr('ledger.how.text')}</p>
        </details>
        <p class="ledger-printed">
          {tr('ledger.printed', { area: state.project.value?.area.name ?? '', document: documents.join('；'), year, date: clock().toISOString().slice(0, 10) })}
        </p>
      </div>
    </div>
  );
}
