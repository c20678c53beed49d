// The app's ledger state, made on first use: the ledger's targets load with its panel, not the page.
// Connected to a team workspace, its values are the workspace's (entered per department, stored on the server).
import { createLedger, type LedgerState } from '../../state/ledger';
import { useApp } from '../context';
import { workspaceOf } from '../workspace/store';

export function useLedger(): LedgerState {
  const app = useApp();
  const { state, ledger } = app;
  if (!ledger.made) {
    const sh = workspaceOf(app).shared;
    ledger.made = createLedger(state, { rows: sh.ledger, enter: sh.enterLedger, refreshLedger: sh.refreshLedger }, app.clock);
  }
  return ledger.made;
}
