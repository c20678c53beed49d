// The target ledger in the page: its rows for the open scenario's results, the profile and the
// evaluated year; values users enter. Entries are kept in the project's `ledger` key (p.other), so
// "save project" writes them and a scenario switch leaves them alone; the object is updated in place
// (a new project object would re-frame the map and reset views) and `ledgerVersion` tells readers
// and the autosave that it changed.
import { computed, signal } from '@preact/signals';
import { ledgerTargets, mentionsDepartment, responsibleLabel, type LedgerEntry } from '../core/ledger';
import { ledgerEntries, withEntry, type LedgerField } from '../core/ledger/entries';
import { ledgerRows, type LedgerRow } from '../core/ledger/status';
import type { AppState } from './app-state';
import { ledgerVersion } from './ledger-version';

export function createLedger(s: AppState) {
  /** part of a department's name ('' = all) */
  const dept = signal('');
  const entries = computed<LedgerEntry[]>(() => {
    void ledgerVersion.value;
    const p = s.project.value;
    return p ? ledgerEntries(p.other) : [];
  });
  const rows = computed<LedgerRow[]>(() => ledgerRows(s.profile.value, s.analysis.value?.evaluation.results ?? [], entries.value, s.params.value.year));
  const shown = computed(() => (dept.value.trim() ? rows.value.filter((r) => mentionsDepartment(r.target, dept.value)) : rows.value));
  /** the departments as the profile's document writes them, split at 、，, for the filter's list */
  const departments = computed(() => {
    const out = new Set<string>();
    for (const { target } of ledgerTargets(s.profile.value)) {
      for (const part of responsibleLabel(target).split(/[、，,；;]/)) {
        const name = part
          .replace(/^(牵头单位|责任单位)[:：]/, '')
          .replace(/(按职责分工负责|分工负责|牵头|负责|参加|配合).*$/, '')
          .trim();
        if (/^[区市]\S{1,12}(局|委|办|会|中心)$/.test(name)) out.add(name);
      }
    }
    return [...out].sort((a, b) => a.localeCompare(b, 'zh'));
  });

  return {
    dept,
    entries,
    rows,
    shown,
    departments,
    /** The 台账 workbook of the rows shown (the XLSX writer is loaded only when asked for). */
    async xlsx(lang: 'zh' | 'en'): Promise<Uint8Array> {
      const { ledgerXlsx } = await import('../io/export/ledger');
      const documents = [...new Set(ledgerTargets(s.profile.peek()).map((x) => x.document))];
      return ledgerXlsx(
        shown.peek(),
        { area: s.project.peek()?.area.name ?? '', documents, year: s.params.peek().year, dept: dept.peek().trim() || undefined, at: new Date().toISOString() },
        lang,
      );
    },
    /** Records an entry for the evaluated year; returns false when no project is open. */
    enter(e: Omit<LedgerEntry, 'year' | 'at'> & { at?: string }): boolean {
      const p = s.project.peek();
      if (!p) return false;
      const entry: LedgerEntry = { ...e, year: s.params.peek().year, at: e.at ?? new Date().toISOString() };
      p.other.ledger = withEntry(p.other.ledger as LedgerField | undefined, entry);
      ledgerVersion.value++;
      return true;
    },
  };
}

export type LedgerState = ReturnType<typeof createLedger>;
