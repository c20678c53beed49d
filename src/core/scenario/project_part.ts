// Scenarios and saved views inside the project file. The project schema (src/schemas/project.ts)
// keeps top-level keys it does not interpret in `other` and writes them back; this module reads
// and writes its keys there: `scenarios`, `views`, `activeScenario`. A project without them has
// no scenarios; a broken part is explained by path and nothing is loaded from it.
import type { Msg } from '../model';
import { BASELINE_ID, type Scenario } from './scenarios';
import { describeIssues, zScenario, zView } from './schema';
import type { View } from './views';
import { z } from 'zod';

export interface ScenarioPart {
  scenarios: Scenario[];
  views: View[];
  /** the scenario shown when the project opens; BASELINE_ID for the baseline */
  activeScenario: string;
}

const zPart = z.object({
  scenarios: z.array(zScenario).optional(),
  views: z.array(zView).optional(),
  activeScenario: z.string().min(1).optional(),
});

/** `notes`: repairs made while reading (e.g. a view whose scenario is gone now shows the baseline) */
export type ScenarioPartResult = { ok: true; part: ScenarioPart; notes: Msg[] } | { ok: false; problems: Msg[] };

export function readScenarioPart(other: Record<string, unknown>): ScenarioPartResult {
  const parsed = zPart.safeParse({ scenarios: other.scenarios, views: other.views, activeScenario: other.activeScenario });
  if (!parsed.success) {
    return { ok: false, problems: describeIssues(parsed.error, '').map((i) => ({ key: 'scenario.project.invalid', args: { path: i.path, detail: i.detail } })) };
  }
  const scenarios = parsed.data.scenarios ?? [];
  const ids = new Set(scenarios.map((s) => s.id));
  if (ids.size !== scenarios.length) {
    const dup = scenarios.find((s, i) => scenarios.findIndex((t) => t.id === s.id) !== i);
    return { ok: false, problems: [{ key: 'scenario.project.duplicateId', args: { id: dup?.id ?? '' } }] };
  }
  const known = (id: string) => id === BASELINE_ID || ids.has(id);
  const notes: Msg[] = [];
  // a view or an active id pointing at a scenario that is not there falls back to the baseline, said so
  const views = (parsed.data.views ?? []).map((v) => {
    if (known(v.scenarioId)) return v;
    notes.push({ key: 'scenario.project.viewFallback', args: { name: v.name, id: v.scenarioId } });
    return { ...v, scenarioId: BASELINE_ID };
  });
  const active = parsed.data.activeScenario;
  if (active !== undefined && !known(active)) notes.push({ key: 'scenario.project.activeFallback', args: { id: active } });
  return { ok: true, part: { scenarios, views, activeScenario: active !== undefined && known(active) ? active : BASELINE_ID }, notes };
}

/** The keys to hand to projectToJson(project, other). */
export function writeScenarioPart(part: ScenarioPart): Record<string, unknown> {
  return { scenarios: part.scenarios, views: part.views, activeScenario: part.activeScenario };
}
