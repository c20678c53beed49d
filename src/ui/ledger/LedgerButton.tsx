// The header's switch for the target ledger. Kept apart, with the panel's open flag, so the ledger
// (its 119 rows of quoted targets) and the panel's code load when the panel is first opened.
import { signal } from '@preact/signals';
import { useApp, useT } from '../context';

export const ledgerOpen = signal(false);

export function LedgerButton() {
  const { state } = useApp();
  const tr = useT();
  return (
    <button type="button" data-testid="ledger-open" disabled={!state.project.value} onClick={() => (ledgerOpen.value = true)}>
      {tr('ledger.open')}
    </button>
  );
}
