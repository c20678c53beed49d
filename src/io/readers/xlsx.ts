// Workbooks (XLSX/XLS/ODS) through SheetJS → grids of cells, which table.ts turns into a layer as
// it does a CSV's. Its own module: SheetJS is the largest library the importers bring.
import * as XLSX from 'xlsx';
import { fail, IoError } from '../errors';
import { defusedWorkbook } from './zip';
import { MAX_SHEET_CELLS } from '../../core/limits';
import { errorMessage } from '../../core/errors';
import type { Cell, Grid } from './table';

export function xlsxGrids(file: string, b: Uint8Array): Grid[] {
  let wb: XLSX.WorkBook;
  try {
    // sheetStubs: a formula cell without a saved result is otherwise dropped silently
    wb = XLSX.read(defusedWorkbook(file, b), { type: 'array', cellFormula: true, cellDates: true, cellNF: false, cellText: false, sheetStubs: true });
  } catch (e) {
    // a broken zip is a broken workbook to the planner: say it in Excel's terms
    if (e instanceof IoError && e.msg.key !== 'io.err.zipCorrupt') throw e;
    return fail('io.err.xlsxCorrupt', { file, detail: e instanceof IoError ? String(e.msg.args?.detail ?? '') : errorMessage(e) });
  }
  return wb.SheetNames.map((name) => {
    const ws = wb.Sheets[name];
    const range = usedRange(ws);
    if (!range) return { name, rows: [] };
    const cells = (range.e.r + 1) * (range.e.c + 1);
    if (cells > MAX_SHEET_CELLS) fail('io.err.sheetTooLarge', { file, sheet: name, rows: range.e.r + 1, columns: range.e.c + 1, limit: MAX_SHEET_CELLS });
    const rows: Cell[][] = [];
    // rows before range.s.r are blank: keep them so row numbers match Excel
    for (let r = 0; r <= range.e.r; r++) {
      const row: Cell[] = [];
      for (let c = 0; c <= range.e.c; c++) {
        const cell = r < range.s.r || c < range.s.c ? undefined : (ws[XLSX.utils.encode_cell({ r, c })] as XLSX.CellObject | undefined);
        if (cell?.f && (cell.t === 'z' || cell.v === undefined)) row.push({ formula: cell.f });
        else if (!cell || cell.t === 'z') row.push(null);
        else if (cell.t === 'e') row.push({ error: String(cell.w ?? XLSX.utils.format_cell(cell)) });
        else if (cell.v instanceof Date) row.push(isoDate(cell.v));
        else row.push(cell.v as string | number | boolean);
      }
      rows.push(row);
    }
    return { name, rows };
  });
}

/** The range of the cells actually present: a sheet's declared dimension may claim A1:XFD1048576. */
function usedRange(ws: XLSX.WorkSheet): XLSX.Range | undefined {
  const r: XLSX.Range = { s: { r: Infinity, c: Infinity }, e: { r: -1, c: -1 } };
  for (const k of Object.keys(ws)) {
    if (k[0] === '!') continue;
    const a = XLSX.utils.decode_cell(k);
    if (a.r < r.s.r) r.s.r = a.r;
    if (a.c < r.s.c) r.s.c = a.c;
    if (a.r > r.e.r) r.e.r = a.r;
    if (a.c > r.e.c) r.e.c = a.c;
  }
  return r.e.r < 0 ? undefined : r;
}

/** A date cell as YYYY-MM-DD (SheetJS builds the Date in local time, so read it back in local time). */
function isoDate(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}
