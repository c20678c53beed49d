// The ledger as a 台账 table: one row per target, plain words in the chosen language (the
// document's own words stay Chinese). The app's view, its print sheet, the XLSX and the command
// line all show these columns. Words come through `tr` (the caller's i18n), so the core holds no
// catalogue.

/** Translates a message key with arguments (src/i18n's t bound to a language). */
export type Tr = (key: string, args?: Record<string, string | number>) => string;
import { responsibleLabel } from './index';
import type { LedgerRow } from './status';
import type { LedgerTarget } from './types';

export const LEDGER_COLUMNS = ['category', 'element', 'target', 'due', 'responsible', 'progress', 'status', 'note', 'clause', 'quote', 'measures', 'source', 'by', 'at'] as const;
export type LedgerColumn = (typeof LEDGER_COLUMNS)[number];

function trim(x: number, places = 3): string {
  const f = 10 ** places;
  return String(Math.round(x * f) / f);
}

/** A value in the target's unit: shares as percentages, money and counts with their unit. */
export function formatValue(tg: LedgerTarget, v: number): string {
  if (tg.unit === '%') return `${trim(v * 100, 1)}%`;
  return `${trim(v)}${tg.unit ?? ''}`;
}

export function targetText(tg: LedgerTarget): string {
  if (tg.number === undefined) return tg.target;
  const cmp = tg.comparison === 'atMost' ? '≤' : '≥';
  return `${tg.target}（${cmp}${formatValue(tg, tg.number)}）`;
}

export function dueText(tg: LedgerTarget, tr: Tr): string {
  return tg.annual
    ? `${tr('ledger.annual')}（${tr('ledger.period', { from: tg.from, due: tg.due })}）`
    : tg.from === tg.due
      ? String(tg.due)
      : tr('ledger.period', { from: tg.from, due: tg.due });
}

export function progressText(r: LedgerRow, tr: Tr): string {
  const tg = r.target;
  if (tg.comparison === 'done') return r.entry?.done === undefined ? '—' : tr(r.entry.done ? 'ledger.done' : 'ledger.underway');
  if (r.value === null) return '—';
  const parts = [formatValue(tg, r.value)];
  if (r.expected !== undefined) parts.push(tr('ledger.expected', { expected: formatValue(tg, r.expected) }));
  return parts.join('；');
}

export function noteText(r: LedgerRow, tr: Tr): string {
  const parts: string[] = [];
  if (r.entry?.note) parts.push(r.entry.note);
  if (r.carried && r.entry) parts.push(tr('ledger.carried', { year: r.entry.year }));
  if (r.linked && r.linked.unknown > 0 && r.target.link?.kind === 'share') parts.push(tr('ledger.unknownUnits', { count: r.linked.unknown }));
  if (r.target.note) parts.push(r.target.note);
  if (r.target.responsibleClause) parts.push(tr('ledger.responsibleFrom', { clause: r.target.responsibleClause }));
  return parts.join('；');
}

export function ledgerCells(r: LedgerRow, tr: Tr): Record<LedgerColumn, string> {
  const tg = r.target;
  return {
    category: tg.category,
    element: tg.element,
    target: targetText(tg),
    due: dueText(tg, tr),
    responsible: responsibleLabel(tg),
    progress: progressText(r, tr),
    status: tr(`ledger.status.${r.status}`),
    note: noteText(r, tr),
    clause: tg.clause,
    quote: tg.quote,
    measures: tg.measures,
    source: tr(`ledger.source.${r.source}`),
    by: r.source === 'entered' ? (r.entry?.by ?? '') : '',
    at: r.source === 'entered' ? (r.entry?.at.slice(0, 10) ?? '') : '',
  };
}

export function columnHeader(c: LedgerColumn, tr: Tr): string {
  return tr(`ledger.col.${c}`);
}

/** Counts per status, for a summary line. */
export function statusCounts(rows: readonly LedgerRow[]): Record<LedgerRow['status'], number> {
  const out = { reached: 0, onTrack: 0, behind: 0, notDue: 0, noData: 0 };
  for (const r of rows) out[r.status]++;
  return out;
}
