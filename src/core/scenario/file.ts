// A scenario as a file of its own, to share with another planner who opens it into their own
// project: {type: 'yilao-scenario', version, baselineRef, scenario}. Parsing never changes
// anything: it returns the file or the reasons it cannot be read (broken JSON, not a scenario,
// a newer version, a wrong field with its path). Older versions are migrated.
import type { Layers, Msg } from '../model';
import { fingerprint } from './fingerprint';
import { newId } from './ids';
import type { Scenario, ScenarioResult } from './scenarios';
import { describeIssues, zScenario } from './schema';
import { z } from 'zod';
import { errorMessage } from '../errors';

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

export type ScenarioFileResult = { ok: true; file: ScenarioFile; migratedFrom?: number } | { ok: false; problems: Msg[] };

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

/** MIGRATIONS[v] turns a version-v file into version v+1 (none yet: version 1 is the first). */
const MIGRATIONS: Record<number, (raw: Record<string, unknown>) => Record<string, unknown>> = {};

const zFile = z.object({
  type: z.literal(SCENARIO_FILE_TYPE),
  version: z.literal(SCENARIO_FILE_VERSION),
  baselineRef: z.object({
    name: z.string(),
    fingerprint: z.string(),
    counts: z.object({ communities: z.number().int().min(0), facilities: z.number().int().min(0), streets: z.number().int().min(0), roads: z.number().int().min(0) }),
  }),
  scenario: zScenario,
});

export function parseScenarioFile(input: string | unknown): ScenarioFileResult {
  let raw: unknown = input;
  if (typeof input === 'string') {
    try {
      raw = JSON.parse(input.replace(/^\uFEFF/, ''));
    } catch (e) {
      return problem('scenario.file.notJson', { detail: errorMessage(e) });
    }
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw) || (raw as { type?: unknown }).type !== SCENARIO_FILE_TYPE) {
    return problem('scenario.file.notScenario');
  }
  let obj = raw as Record<string, unknown>;
  const from = obj.version;
  if (typeof from !== 'number' || !Number.isInteger(from) || from < 1) return problem('scenario.file.badVersion', { version: JSON.stringify(from) ?? 'undefined' });
  if (from > SCENARIO_FILE_VERSION) return problem('scenario.file.newer', { version: from, supported: SCENARIO_FILE_VERSION });
  for (let v = from; v < SCENARIO_FILE_VERSION; v++) obj = MIGRATIONS[v](obj);
  const parsed = zFile.safeParse(obj);
  if (!parsed.success) {
    return { ok: false, problems: describeIssues(parsed.error, '').map((i) => ({ key: 'scenario.file.invalid', args: { path: i.path || '/', detail: i.detail } })) };
  }
  return { ok: true, file: parsed.data, ...(from < SCENARIO_FILE_VERSION ? { migratedFrom: from } : {}) };
}

function problem(key: string, args?: Msg['args']): ScenarioFileResult {
  return { ok: false, problems: [args ? { key, args } : { key }] };
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
