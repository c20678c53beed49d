// Undo/redo as data. `past` holds what was done (oldest first) with the inverse that takes
// it back; `future` the edits that were undone (next to redo first). A new commit clears the
// future: one linear history, as in every editor planners know.
import type { Layers, Msg } from '../model';
import { applyEdit, checkEdit, EditError, isEmptyEdit, type Edit } from './edit';
import { buildEdit } from './ops';

export interface HistoryEntry {
  edit: Edit;
  inverse: Edit;
}

export interface History {
  past: HistoryEntry[];
  future: Edit[];
}

export interface Editing<T extends Layers> {
  layers: T;
  history: History;
}

export const EMPTY_HISTORY: History = Object.freeze({ past: [], future: [] }) as History;

/** The one function every change goes through. Throws EditError if the edit does not fit;
 *  an empty edit changes nothing and leaves no history entry. */
export function commit<T extends Layers>(state: Editing<T>, edit: Edit): Editing<T> {
  if (isEmptyEdit(edit)) return state;
  const { layers, inverse } = applyEdit(state.layers, edit);
  return { layers, history: { past: [...state.history.past, { edit, inverse }], future: [] } };
}

export function canUndo(h: History): boolean {
  return h.past.length > 0;
}

export function canRedo(h: History): boolean {
  return h.future.length > 0;
}

/** Takes back the last edit; with nothing to undo returns the same state. */
export function undo<T extends Layers>(state: Editing<T>): Editing<T> {
  const last = state.history.past[state.history.past.length - 1];
  if (!last) return state;
  const { layers } = applyEdit(state.layers, last.inverse);
  return {
    layers,
    history: { past: state.history.past.slice(0, -1), future: [last.edit, ...state.history.future] },
  };
}

/** Does the last undone edit again; with nothing to redo returns the same state.
 *  Within a session an undone edit always fits again (undo restores the layers exactly);
 *  a redo stack restored onto a re-imported baseline is rebuilt from each edit's intent and
 *  throws EditError if that no longer fits. */
export function redo<T extends Layers>(state: Editing<T>): Editing<T> {
  const next = state.history.future[0];
  if (!next) return state;
  const r = refit(state.layers, next);
  if (!r.ok) throw new EditError(r.reason);
  const { layers, inverse } = applyEdit(state.layers, r.edit);
  return {
    layers,
    history: { past: [...state.history.past, { edit: r.edit, inverse }], future: state.history.future.slice(1) },
  };
}

/** The edit as it applies to these layers: rebuilt from its intent when it has one,
 *  else checked as it stands. */
export function refit(layers: Layers, edit: Edit): { ok: true; edit: Edit } | { ok: false; reason: Msg } {
  if (edit.op) return buildEdit(layers, edit.op, edit.id);
  const problem = checkEdit(layers, edit);
  return problem ? { ok: false, reason: problem } : { ok: true, edit };
}

export interface HistoryRow {
  editId: string;
  note: Msg;
  /** done edits are in effect; undone ones wait in the redo stack */
  state: 'done' | 'undone';
  /** true for the edit an undo would take back next */
  current: boolean;
}

/** The readable history list, oldest first, as the UI shows it. */
export function historyList(h: History): HistoryRow[] {
  const done = h.past.map((e, i) => ({ editId: e.edit.id, note: e.edit.note, state: 'done' as const, current: i === h.past.length - 1 }));
  const undone = h.future.map((e) => ({ editId: e.id, note: e.note, state: 'undone' as const, current: false }));
  return [...done, ...undone];
}
