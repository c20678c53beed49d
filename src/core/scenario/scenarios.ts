// Named scenarios on top of the baseline. A scenario stores only its edits, so the baseline can
// be re-imported and the edits replayed (replay.ts). Every function returns a new list.
import type { Msg } from '../model';
import type { Edit } from './edit';
import type { History } from './history';
import { newId } from './ids';

export interface Scenario {
  id: string;
  name: string;
  /** edits in effect, oldest first */
  edits: Edit[];
  /** edits undone and waiting to be redone, next first (so a reload can still redo) */
  redo?: Edit[];
  /** edits that did not apply to the last baseline they were replayed on; kept, shown, retried */
  parked?: Edit[];
}

/** The "today" column of a comparison: no scenario, the baseline as imported. */
export const BASELINE_ID = 'baseline';

export type ScenarioResult = { ok: true; scenarios: Scenario[]; scenario: Scenario } | { ok: false; reason: Msg };

const MAX_NAME = 60;

function checkName(scenarios: readonly Scenario[], name: string, exceptId?: string): Msg | null {
  const n = name.trim();
  if (n === '') return { key: 'scenario.error.emptyName' };
  if (n.length > MAX_NAME) return { key: 'scenario.error.longName', args: { max: MAX_NAME } };
  if (scenarios.some((s) => s.id !== exceptId && s.name.trim() === n)) return { key: 'scenario.error.nameTaken', args: { name: n } };
  return null;
}

export function createScenario(scenarios: readonly Scenario[], name: string, id = newId('scenario')): ScenarioResult {
  const bad = checkName(scenarios, name);
  if (bad) return { ok: false, reason: bad };
  if (id === BASELINE_ID || scenarios.some((s) => s.id === id)) return { ok: false, reason: { key: 'scenario.error.idTaken', args: { id } } };
  const scenario: Scenario = { id, name: name.trim(), edits: [] };
  return { ok: true, scenarios: [...scenarios, scenario], scenario };
}

/** A copy with the same edits (not the redo stack: a copy starts a fresh line of work). */
export function duplicateScenario(scenarios: readonly Scenario[], id: string, name: string, newScenarioId = newId('scenario')): ScenarioResult {
  const src = scenarios.find((s) => s.id === id);
  if (!src) return { ok: false, reason: { key: 'scenario.error.noScenario', args: { id } } };
  const made = createScenario(scenarios, name, newScenarioId);
  if (!made.ok) return made;
  const scenario: Scenario = { ...made.scenario, edits: [...src.edits], ...(src.parked?.length ? { parked: [...src.parked] } : {}) };
  return { ok: true, scenarios: [...scenarios, scenario], scenario };
}

export function renameScenario(scenarios: readonly Scenario[], id: string, name: string): ScenarioResult {
  const i = scenarios.findIndex((s) => s.id === id);
  if (i < 0) return { ok: false, reason: { key: 'scenario.error.noScenario', args: { id } } };
  const bad = checkName(scenarios, name, id);
  if (bad) return { ok: false, reason: bad };
  const scenario: Scenario = { ...scenarios[i], name: name.trim() };
  return { ok: true, scenarios: scenarios.map((s, j) => (j === i ? scenario : s)), scenario };
}

export function deleteScenario(scenarios: readonly Scenario[], id: string): ScenarioResult {
  const scenario = scenarios.find((s) => s.id === id);
  if (!scenario) return { ok: false, reason: { key: 'scenario.error.noScenario', args: { id } } };
  return { ok: true, scenarios: scenarios.filter((s) => s.id !== id), scenario };
}

/** The scenario as the editing session leaves it: done edits, the redo stack, and the parked
 *  edits (which stay until the user discards them). */
export function withHistory(scenario: Scenario, history: History, parked: readonly Edit[] = scenario.parked ?? []): Scenario {
  const out: Scenario = { id: scenario.id, name: scenario.name, edits: history.past.map((e) => e.edit) };
  if (history.future.length > 0) out.redo = [...history.future];
  if (parked.length > 0) out.parked = [...parked];
  return out;
}

/** Drop parked edits the user has looked at and let go. */
export function discardParked(scenario: Scenario, editIds: readonly string[]): Scenario {
  const parked = (scenario.parked ?? []).filter((e) => !editIds.includes(e.id));
  const { parked: _old, ...rest } = scenario;
  return parked.length > 0 ? { ...rest, parked } : rest;
}
