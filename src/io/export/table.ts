// Tables out: CSV as UTF-8 with a BOM (Excel on Chinese Windows otherwise opens UTF-8 as GBK and
// shows mojibake) and XLSX through SheetJS. A header block (profile, parameters) can sit above
// the table, separated by one empty row.
import * as XLSX from 'xlsx';
import { defuse } from './defuse';

export { defuse, undefuse } from './defuse';

export type CellValue = string | number | boolean | null;

export interface ExportTable {
  /** sheet name (≤31 characters, no []:*?/\) */
  name: string;
  columns: { key: string; header: string }[];
  rows: Record<string, CellValue>[];
}

/** label/value lines above a table, e.g. ["规则集", "ak 安康…"] */
export type HeaderBlock = [string, CellValue][];

function aoa(table: ExportTable, header: HeaderBlock = []): CellValue[][] {
  const out: CellValue[][] = header.map(([k, v]) => [k, v]);
  if (header.length) out.push([]);
  out.push(table.columns.map((c) => c.header));
  for (const r of table.rows) out.push(table.columns.map((c) => r[c.key] ?? null));
  return out;
}

function csvCell(v: CellValue): string {
  if (v === null) return '';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  const s = defuse(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsvText(table: ExportTable, header: HeaderBlock = []): string {
  const lines = aoa(table, header).map((row) => row.map(csvCell).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** CSV bytes: UTF-8 with BOM, CRLF line ends (what Excel writes). */
export function toCsv(table: ExportTable, header: HeaderBlock = []): Uint8Array {
  const body = new TextEncoder().encode(toCsvText(table, header));
  const out = new Uint8Array(body.length + 3);
  out.set([0xef, 0xbb, 0xbf], 0);
  out.set(body, 3);
  return out;
}

export function safeSheetName(name: string, used: Set<string>): string {
  let s = name.replace(/[[\]:*?/\\]/g, '_').slice(0, 31) || 'Sheet';
  let k = 2;
  while (used.has(s)) s = `${name.slice(0, 28)}_${k++}`;
  used.add(s);
  return s;
}

/** One workbook, one sheet per table, the header block on top of each sheet. */
export function toXlsx(tables: ExportTable[], header: HeaderBlock = []): Uint8Array {
  const wb = XLSX.utils.book_new();
  const used = new Set<string>();
  for (const table of tables) {
    const ws = XLSX.utils.aoa_to_sheet(aoa(table, header));
    // column widths from the longest text (CJK characters count double)
    ws['!cols'] = table.columns.map((c, i) => {
      const lens = [c.header, ...table.rows.slice(0, 500).map((r) => r[c.key]), ...(i < 2 ? header.map((h) => h[i]) : [])].map((v) => width(String(v ?? '')));
      return { wch: Math.min(60, Math.max(6, ...lens) + 1) };
    });
    XLSX.utils.book_append_sheet(wb, ws, safeSheetName(table.name, used));
  }
  const out = XLSX.write(wb, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer;
  return new Uint8Array(out);
}

function width(s: string): number {
  let n = 0;
  for (const ch of s) n += /[\u2e80-\uffff]/.test(ch) ? 2 : 1;
  return n;
}
