// The header's switch for the target ledger. Kept apart from the panel, so the ledger (its 119
// rows of quoted targets) and the panel's code load when the panel is first opened.
import { useApp, useT } from '../context';

export function LedgerButton() {
  const { state, ledger } = useApp();
  const tr = useT();
  return (
    <button type="button" data-testid="ledger-open" disabled={!state.project.value} onClick={() => (ledger.open.value = true)}>
      {tr('ui.open.ledger')}
    </button>
  );
}
