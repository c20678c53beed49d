// Scenarios and saved views inside the project file. The project schema (src/schemas/project.ts)
// keeps top-level keys it does not interpret in `other` and writes them back; this module reads
// and writes its keys there: `scenarios`, `views`, `activeScenario`. A project without them has
// no scenarios; reading them (readScenarioPart, src/schemas/scenario.ts) explains a broken part by
// path and loads nothing from it.
import type { Scenario } from './scenarios';
import type { View } from './views';

export interface ScenarioPart {
  scenarios: Scenario[];
  views: View[];
  /** the scenario shown when the project opens; BASELINE_ID for the baseline */
  activeScenario: string;
}

/** The keys to hand to projectToJson(project, other). */
export function writeScenarioPart(part: ScenarioPart): Record<string, unknown> {
  return { scenarios: part.scenarios, views: part.views, activeScenario: part.activeScenario };
}
