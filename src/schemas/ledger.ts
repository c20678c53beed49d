// The project file's `ledger` field: values users entered for ledger targets (value, who, when).
//
//   version 1 (current): { version: 1, entries: [{ target, year, value?, done?, note?, by, at }] }
//   version 0: a bare array of entries (as written by hand), migrated to version 1.
// Entries for targets this version does not know are kept (a newer app may have added them).
import { z } from 'zod';
import type { LedgerEntry } from '../core/ledger';
import { LEDGER_VERSION, type LedgerField } from '../core/ledger/entries';

export { LEDGER_VERSION, emptyLedger, ledgerEntries, withEntry, type LedgerField } from '../core/ledger/entries';

const zEntry = z.object({
  target: z.string().min(1),
  year: z.number().int().min(2000).max(2100),
  value: z.number().finite().optional(),
  done: z.boolean().optional(),
  note: z.string().optional(),
  by: z.string(),
  at: z.string(),
});

const zField = z.object({ version: z.literal(LEDGER_VERSION), entries: z.array(zEntry) });

export type LedgerParse = { ok: true; ledger: LedgerField; migratedFrom?: number } | { ok: false; detail: string; version?: number };

export function parseLedgerField(raw: unknown): LedgerParse {
  let obj = raw;
  let from: number | undefined;
  if (Array.isArray(raw)) {
    from = 0;
    obj = { version: 1, entries: raw };
  } else if (typeof raw === 'object' && raw !== null && typeof (raw as { version?: unknown }).version === 'number' && (raw as { version: number }).version > LEDGER_VERSION) {
    return { ok: false, detail: 'newer', version: (raw as { version: number }).version };
  }
  const r = zField.safeParse(obj);
  if (!r.success) {
    const i = r.error.issues[0];
    return { ok: false, detail: `${(i?.path ?? []).join('.')}: ${i?.message ?? ''}` };
  }
  const entries = r.data.entries.map((e) => Object.fromEntries(Object.entries(e).filter(([, v]) => v !== undefined)) as unknown as LedgerEntry);
  return { ok: true, ledger: { version: LEDGER_VERSION, entries }, ...(from !== undefined ? { migratedFrom: from } : {}) };
}
