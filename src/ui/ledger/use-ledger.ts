// One ledger state per page state, made on first use (no wiring in main.tsx needed).
import type { AppState } from '../../state/app-state';
import { createLedger, type LedgerState } from '../../state/ledger';
import { useApp } from '../context';

const made = new WeakMap<AppState, LedgerState>();

export function useLedger(): LedgerState {
  const { state } = useApp();
  let l = made.get(state);
  if (!l) {
    l = createLedger(state);
    made.set(state, l);
  }
  return l;
}
