// Replay a scenario's edits onto a (possibly re-imported) baseline. Each edit is rebuilt from
// its intent where it has one (a capacity change keeps the new baseline's name and position),
// else applied as recorded. An edit that no longer fits is skipped and listed with the reason,
// never dropped; later edits still run (one that depends on a skipped one is skipped in turn).
import type { Layers, Msg } from '../model';
import { applyEdit, type Edit } from './edit';
import { refit, type History, type HistoryEntry } from './history';
import type { Scenario } from './scenarios';

export interface SkippedEdit {
  edit: Edit;
  reason: Msg;
}

export interface ReplayResult<T extends Layers> {
  layers: T;
  /** the edits as they were applied (rebuilt from intent), oldest first */
  applied: Edit[];
  skipped: SkippedEdit[];
  /** ready to go on editing: undo takes back the applied edits one by one */
  history: History;
}

/** Parked edits (skipped on an earlier replay) are tried again after the scenario's own edits. */
export function replay<T extends Layers>(baseline: T, scenario: Pick<Scenario, 'edits' | 'redo' | 'parked'>): ReplayResult<T> {
  let layers = baseline;
  const past: HistoryEntry[] = [];
  const skipped: SkippedEdit[] = [];
  for (const edit of [...scenario.edits, ...(scenario.parked ?? [])]) {
    const r = refit(layers, edit);
    if (!r.ok) {
      skipped.push({ edit, reason: r.reason });
      continue;
    }
    const a = applyEdit(layers, r.edit);
    layers = a.layers;
    past.push({ edit: r.edit, inverse: a.inverse });
  }
  return { layers, applied: past.map((e) => e.edit), skipped, history: { past, future: [...(scenario.redo ?? [])] } };
}
