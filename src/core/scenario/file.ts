// A scenario as a file of its own, to share with another planner who opens it into their own
// project: {type: 'yilao-scenario', version, baselineRef, scenario}. Reading one back is
// parseScenarioFile (src/schemas/scenario.ts, with Zod).
import type { Layers, Msg } from '../model';
import { fingerprint } from './fingerprint';
import { newId } from './ids';
import type { Scenario, ScenarioResult } from './scenarios';

export const SCENARIO_FILE_TYPE = 'yilao-scenario';
export const SCENARIO_FILE_VERSION = 1;

export interface BaselineRef {
  /** the project's area name, shown if the baselines differ */
  name: string;
  fingerprint: string;
  counts: { communities: number; facilities: number; streets: number; roads: number };
}

export interface ScenarioFile {
  type: typeof SCENARIO_FILE_TYPE;
  version: number;
  baselineRef: BaselineRef;
  scenario: Scenario;
}

export function baselineRef(baseline: Layers, name: string): BaselineRef {
  return {
    name,
    fingerprint: fingerprint(baseline),
    counts: {
      communities: baseline.communities.length,
      facilities: baseline.facilities.length,
      streets: baseline.streets.length,
      roads: baseline.roads.length,
    },
  };
}

export function scenarioFile(scenario: Scenario, baseline: Layers, baselineName: string): ScenarioFile {
  return { type: SCENARIO_FILE_TYPE, version: SCENARIO_FILE_VERSION, baselineRef: baselineRef(baseline, baselineName), scenario };
}

export function scenarioFileText(file: ScenarioFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** Was the file made on this baseline? If not, the message to show before replaying. */
export function baselineNotice(file: ScenarioFile, baseline: Layers): Msg | null {
  return file.baselineRef.fingerprint === fingerprint(baseline) ? null : { key: 'scenario.file.otherBaseline', args: { name: file.baselineRef.name } };
}

/** Adds the file's scenario to a project's list; a taken id gets a new one, a taken name a
 *  numbered suffix, so nothing already there is touched. */
export function importScenario(scenarios: readonly Scenario[], file: ScenarioFile, freshId = newId('scenario')): ScenarioResult {
  const s = file.scenario;
  const id = scenarios.some((x) => x.id === s.id) ? freshId : s.id;
  const names = new Set(scenarios.map((x) => x.name.trim()));
  let name = s.name.trim();
  for (let n = 2; names.has(name); n++) name = `${s.name.trim()} (${n})`;
  const scenario: Scenario = { ...s, id, name };
  return { ok: true, scenarios: [...scenarios, scenario], scenario };
}
