// The project file's ledger field as the app holds it (checked and migrated in src/schemas/ledger.ts).
import type { LedgerEntry } from './types';

export const LEDGER_VERSION = 1;

export interface LedgerField {
  version: typeof LEDGER_VERSION;
  entries: LedgerEntry[];
}

export function emptyLedger(): LedgerField {
  return { version: LEDGER_VERSION, entries: [] };
}

/** The field with the entry added; an entry for the same target and year replaces the old one. */
export function withEntry(field: LedgerField | undefined, entry: LedgerEntry): LedgerField {
  const entries = (field?.entries ?? []).filter((e) => !(e.target === entry.target && e.year === entry.year));
  return { version: LEDGER_VERSION, entries: [...entries, entry] };
}

/** The entries of a project's extra keys (empty when it has none). */
export function ledgerEntries(other: Record<string, unknown>): LedgerEntry[] {
  const l = other.ledger as LedgerField | undefined;
  return l && Array.isArray(l.entries) ? l.entries : [];
}
