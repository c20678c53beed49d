// The ledger as a 台账 workbook: one row per target with Chinese headers (类别, 要素, 目标, 责任单位,
// 进展, 状态, 备注 …), a header block naming the document, area, year and department filter.
import '../../i18n/ledger'; // its strings: loaded with this code, not with the page
import type { LedgerRow } from '../../core/ledger/status';
import { LEDGER_COLUMNS, columnHeader, ledgerCells, type Tr } from '../../core/ledger/table';
import { t, type Lang } from '../../i18n';
import { toXlsx, type ExportTable, type HeaderBlock } from './table';

export interface LedgerSheetInfo {
  area: string;
  /** the documents' titles (one, or five for the combined profile) */
  documents: string[];
  year: number;
  dept?: string;
  /** ISO time of the export */
  at: string;
}

export function ledgerExportTable(rows: readonly LedgerRow[], lang: Lang): ExportTable {
  const tr: Tr = (k, a) => t(lang, k, a);
  return {
    name: t(lang, 'ledger.sheet'),
    columns: LEDGER_COLUMNS.map((c) => ({ key: c, header: columnHeader(c, tr) })),
    rows: rows.map((r) => ledgerCells(r, tr)),
  };
}

export function ledgerHeader(info: LedgerSheetInfo, lang: Lang): HeaderBlock {
  return [
    [t(lang, 'ledger.title'), info.area],
    [t(lang, 'ledger.document'), info.documents.join('；')],
    [t(lang, 'ledger.year', { year: '' }).trim(), info.year],
    [t(lang, 'ledger.dept'), info.dept ?? t(lang, 'ledger.dept.all')],
    [t(lang, 'ledger.col.at'), info.at.slice(0, 19).replace('T', ' ')],
  ];
}

export function ledgerXlsx(rows: readonly LedgerRow[], info: LedgerSheetInfo, lang: Lang = 'zh'): Uint8Array {
  return toXlsx([ledgerExportTable(rows, lang)], ledgerHeader(info, lang));
}
