// The target ledger in the page: its rows for the open scenario's results, the profile and the
// evaluated year; values users enter. Entries are kept in the project's `ledger` key (p.other), so
// "save project" writes them and a scenario switch leaves them alone; the object is updated in place
// (a new project object would re-frame the map and reset views) and `s.ledgerVersion` tells readers
// and the autosave that it changed.
import { computed, type ReadonlySignal, signal } from '@preact/signals';
import { ledgerTargets, mentionsDepartment, responsibleLabel, type LedgerEntry } from '../core/ledger';
import { ledgerEntries, withEntry, type LedgerField } from '../core/ledger/entries';
import { ledgerRows, type LedgerRow } from '../core/ledger/status';
import type { AppState } from './app-state';

/** The team workspace's ledger values (src/state/workspace-shared.ts): when it has read them (the
 *  user is connected) the sheet shows and enters those, otherwise the project's own entries. */
export interface LedgerServer {
  rows: ReadonlySignal<{ target: string; year: number; value: number | null; done: boolean | null; note: string; department: string; at: string }[] | null>;
  enter(target: string, year: number, e: { value: number | null; done: boolean | null; note: string; department: string }): Promise<void>;
  /** reads the values of the evaluated year again */
  refreshLedger(): Promise<void>;
}

/** `now`: the clock an entry's and the workbook's date read. */
export function createLedger(s: AppState, server?: LedgerServer, now: () => Date = () => new Date()) {
  /** part of a department's name ('' = all) */
  const dept = signal('');
  /** the values come from the workspace (true) or the project (false) */
  const shared = computed(() => server?.rows.value != null);
  const entries = computed<LedgerEntry[]>(() => {
    const remote = server?.rows.value;
    if (remote)
      return remote.map((r) => ({
        target: r.target,
        year: r.year,
        ...(r.value !== null ? { value: r.value } : {}),
        ...(r.done !== null ? { done: r.done } : {}),
        ...(r.note ? { note: r.note } : {}),
        by: r.department,
        at: r.at,
      }));
    void s.ledgerVersion.value;
    const p = s.project.value;
    return p ? ledgerEntries(p.other) : [];
  });
  const rows = computed<LedgerRow[]>(() => ledgerRows(s.profile.value, s.shown.value?.evaluation.results ?? [], entries.value, s.params.value.year));
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
    shared,
    /** the workspace's values read again (the sheet opened, the year changed); nothing when local */
    refresh: (): Promise<void> => (server && shared.peek() ? server.refreshLedger() : Promise.resolve()),
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
        { area: s.project.peek()?.area.name ?? '', documents, year: s.params.peek().year, dept: dept.peek().trim() || undefined, at: now().toISOString() },
        lang,
      );
    },
    /** Records an entry for the evaluated year; returns false when no project is open. */
    enter(e: Omit<LedgerEntry, 'year' | 'at'> & { at?: string }): boolean {
      const p = s.project.peek();
      if (!p) return false;
      if (server && shared.peek()) {
        void server.enter(e.target, s.params.peek().year, { value: e.value ?? null, done: e.done ?? null, note: e.note ?? '', department: e.by });
        return true;
      }
      const entry: LedgerEntry = { ...e, year: s.params.peek().year, at: e.at ?? now().toISOString() };
      p.other.ledger = withEntry(p.other.ledger as LedgerField | undefined, entry);
      s.ledgerVersion.value++;
      return true;
    },
  };
}

export type LedgerState = ReturnType<typeof createLedger>;
