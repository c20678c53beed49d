// The editing session the app holds: the baseline, the named scenarios, which one is open, and
// the open one's layers and undo history. Switching scenarios folds the open one's history back
// into its edits and replays the other; re-importing the baseline replays the open one. The app's
// state layer keeps one Session in a signal and calls these functions; saving writes
// savedScenarios(session).
import type { Layers, Msg } from '../model';
import type { Edit } from './edit';
import { EditError } from './edit';
import { commit, EMPTY_HISTORY, redo, undo, type Editing } from './history';
import { replay, type SkippedEdit } from './replay';
import { BASELINE_ID, withHistory, type Scenario } from './scenarios';

export interface Session<T extends Layers> {
  baseline: T;
  scenarios: Scenario[];
  /** BASELINE_ID or a scenario id */
  active: string;
  /** layers of the open scenario (the baseline itself when none is open) and its history */
  editing: Editing<T>;
  /** edits of the open scenario that did not fit the baseline on the last replay */
  skipped: SkippedEdit[];
}

export type SessionResult<T extends Layers> = { ok: true; session: Session<T> } | { ok: false; reason: Msg };

export function openSession<T extends Layers>(baseline: T, scenarios: Scenario[], active: string = BASELINE_ID): Session<T> {
  const base: Session<T> = { baseline, scenarios, active: BASELINE_ID, editing: { layers: baseline, history: EMPTY_HISTORY }, skipped: [] };
  const r = switchTo(base, active);
  return r.ok ? r.session : base;
}

/** The scenarios with the open one's history folded in: what autosave and "save project" write. */
export function savedScenarios<T extends Layers>(s: Session<T>): Scenario[] {
  if (s.active === BASELINE_ID) return s.scenarios;
  const parked = s.skipped.map((x) => x.edit);
  return s.scenarios.map((sc) => (sc.id === s.active ? withHistory(sc, s.editing.history, parked) : sc));
}

export function switchTo<T extends Layers>(s: Session<T>, id: string): SessionResult<T> {
  const scenarios = savedScenarios(s);
  if (id === BASELINE_ID) {
    return { ok: true, session: { ...s, scenarios, active: BASELINE_ID, editing: { layers: s.baseline, history: EMPTY_HISTORY }, skipped: [] } };
  }
  const target = scenarios.find((x) => x.id === id);
  if (!target) return { ok: false, reason: { key: 'scenario.error.noScenario', args: { id } } };
  const r = replay(s.baseline, target);
  return { ok: true, session: { ...s, scenarios, active: id, editing: { layers: r.layers, history: r.history }, skipped: r.skipped } };
}

/** Commit an edit to the open scenario. The baseline is what was imported and stays so:
 *  edits need an open scenario. */
export function edit<T extends Layers>(s: Session<T>, e: Edit): SessionResult<T> {
  if (s.active === BASELINE_ID) return { ok: false, reason: { key: 'scenario.error.baselineReadOnly' } };
  try {
    return { ok: true, session: { ...s, editing: commit(s.editing, e) } };
  } catch (err) {
    if (err instanceof EditError) return { ok: false, reason: err.msg };
    throw err;
  }
}

export function undoEdit<T extends Layers>(s: Session<T>): Session<T> {
  const editing = undo(s.editing);
  return editing === s.editing ? s : { ...s, editing };
}

export function redoEdit<T extends Layers>(s: Session<T>): SessionResult<T> {
  try {
    const editing = redo(s.editing);
    return { ok: true, session: editing === s.editing ? s : { ...s, editing } };
  } catch (err) {
    if (err instanceof EditError) return { ok: false, reason: err.msg };
    throw err;
  }
}

/** A re-imported baseline: the open scenario is replayed onto it; what no longer fits is listed in
 *  `skipped` (and kept as parked when saved). Other scenarios replay when they are opened. */
export function replaceBaseline<T extends Layers>(s: Session<T>, baseline: T): Session<T> {
  const scenarios = savedScenarios(s);
  const moved: Session<T> = { ...s, baseline, scenarios, active: BASELINE_ID, editing: { layers: baseline, history: EMPTY_HISTORY }, skipped: [] };
  const r = switchTo(moved, s.active);
  return r.ok ? r.session : moved;
}

/** Replace the scenario list (after create, duplicate, rename, delete, import — build the new list
 *  from savedScenarios(s) so the open scenario's unsaved edits go with it). If the open
 *  scenario was deleted, the baseline opens. */
export function setScenarios<T extends Layers>(s: Session<T>, scenarios: Scenario[]): Session<T> {
  const open = scenarios.find((x) => x.id === s.active);
  if (s.active !== BASELINE_ID && !open) {
    return { ...s, scenarios, active: BASELINE_ID, editing: { layers: s.baseline, history: EMPTY_HISTORY }, skipped: [] };
  }
  return { ...s, scenarios };
}
