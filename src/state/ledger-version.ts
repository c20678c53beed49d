// Bumped on every ledger entry (the project's ledger key changes in place). A module of its own so
// the autosave, loaded with the page, watches it without pulling in the ledger's data.
import { signal } from '@preact/signals';

export const ledgerVersion = signal(0);
