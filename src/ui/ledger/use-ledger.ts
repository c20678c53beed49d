// One ledger state per page state, made on first use (no wiring in main.tsx needed). Connected to
// a team workspace, its values are the workspace's (entered per department, stored on the server).
import type { AppState } from '../../state/app-state';
import { createLedger, type LedgerState } from '../../state/ledger';
import { useApp } from '../context';
import { sharedFor } from '../workspace/store';

const made = new WeakMap<AppState, LedgerState>();

export function useLedger(): LedgerState {
  const { state, actions } = useApp();
  let l = made.get(state);
  if (!l) {
    const sh = sharedFor(state, actions);
    l = createLedger(state, { rows: sh.ledger, enter: sh.enterLedger, refreshLedger: sh.refreshLedger });
    made.set(state, l);
  }
  return l;
}
